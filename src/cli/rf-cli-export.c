/* rf-cli-export.c: export --format csv|vcard [--bucket B] [-o FILE]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-cli"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <unistd.h>

#include "rf-cli.h"
#include "rf-lead-export.h"


int
rf_cli_export (RfCli *cli,
               GStrv  args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *bucket = NULL;
  g_autofree char *status = NULL;
  g_autofree char *min_score = NULL;
  g_autofree char *output = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GFile) file = NULL;
  RfLeadExportFormat format;
  guint written = 0;

  if (!rf_cli_take_option (&args, "--format", &format_text, &error) ||
      !rf_cli_take_option (&args, "--bucket", &bucket, &error) ||
      !rf_cli_take_option (&args, "--status", &status, &error) ||
      !rf_cli_take_option (&args, "--min-score", &min_score, &error) ||
      !rf_cli_take_option (&args, "-o", &output, &error) ||
      !rf_cli_take_option (&args, "--output", &output, &error))
    return rf_cli_usage_error (RF_CLI_EXPORT_USAGE, "%s", error->message);
  if (args[1] != NULL)
    return rf_cli_usage_error (RF_CLI_EXPORT_USAGE, _("Unexpected argument “%s”"), args[1]);
  if (format_text == NULL)
    return rf_cli_usage_error (RF_CLI_EXPORT_USAGE, _("Say which format: --format csv or --format vcard"));
  if (!rf_lead_export_format_parse (format_text, &format))
    return rf_cli_usage_error (RF_CLI_EXPORT_USAGE, _("Unknown format “%s”; use csv or vcard"), format_text);
  if (bucket != NULL && !rf_cli_parse_enum_mask (RF_TYPE_SCORE_BUCKET, bucket, &query->bucket_mask, &bad))
    {
      g_autofree char *known = rf_enum_list_nicks (RF_TYPE_SCORE_BUCKET, ", ");
      return rf_cli_usage_error (RF_CLI_EXPORT_USAGE, _("Unknown bucket “%s”; use %s"), bad, known);
    }
  if (status != NULL && !rf_cli_parse_enum_mask (RF_TYPE_LEAD_STATUS, status, &query->status_mask, &bad))
    {
      g_autofree char *known = rf_enum_list_nicks (RF_TYPE_LEAD_STATUS, ", ");
      return rf_cli_usage_error (RF_CLI_EXPORT_USAGE, _("Unknown status “%s”; use %s"), bad, known);
    }
  if (min_score != NULL)
    {
      char *end = NULL;
      double value = g_ascii_strtod (min_score, &end);

      if (end == min_score || *end != '\0' || !(value >= 0 && value <= 100))
        return rf_cli_usage_error (RF_CLI_EXPORT_USAGE, _("--min-score takes a number from 0 to 100, not “%s”"), min_score);
      query->min_score = value;
    }

  if (rf_cli_open_database (cli) == NULL)
    return RF_CLI_EXIT_ERROR;

  /* A file is replaced only once the export is whole. */
  if (output != NULL && !g_str_equal (output, "-"))
    {
      file = g_file_new_for_commandline_arg (output);
      stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, &error));
      if (stream == NULL)
        return rf_cli_fail (cli, g_steal_pointer (&error));
    }
  else
    stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

  if (!rf_lead_export_sync (cli->database, query, format, stream, &written, NULL, &error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing cancelled keeps the old file. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (stream, abandon, NULL);
      return rf_cli_fail (cli, g_steal_pointer (&error));
    }
  if (!g_output_stream_close (stream, NULL, &error))
    return rf_cli_fail (cli, g_steal_pointer (&error));

  if (file != NULL)
    {
      if (cli->json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "format");
          json_builder_add_string_value (builder, format == RF_LEAD_EXPORT_CSV ? "csv" : "vcard");
          json_builder_set_member_name (builder, "file");
          json_builder_add_string_value (builder, output);
          json_builder_set_member_name (builder, "written");
          json_builder_add_int_value (builder, written);
          json_builder_end_object (builder);
          rf_cli_print_json (builder);
        }
      else if (format == RF_LEAD_EXPORT_CSV)
        g_printerr (ngettext ("Exported %u lead to “%s”\n", "Exported %u leads to “%s”\n", written), written, output);
      else
        g_printerr (ngettext ("Exported %u contact card to “%s”\n", "Exported %u contact cards to “%s”\n", written),
                    written, output);
    }
  return RF_CLI_EXIT_OK;
}
