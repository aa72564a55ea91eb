/* rf-cli-ingest.c: ingest FILE... (CSV and vCard here; other files go to
 * rf_cli_ingest_document())
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rf-cli.h"
#include "rf-csv-importer.h"
#include "rf-csv-reader.h"
#include "rf-icp-dao.h"
#include "rf-import-dao.h"


#define PREVIEW_ROWS 10
#define PREVIEW_CELL_WIDTH 18

typedef struct
{
  RfCli        *cli;
  char          delimiter;
  char         *encoding;
  RfIcpProfile *profile;
  gboolean      dry_run;
  JsonBuilder  *json;      /* results with --json */
  gboolean      many;      /* several files: results (or errors) in an array */
} Ingest;

/* With several files and --json, a failed file is an {"file", "error"}
 * object in the array, so that the output stays one JSON value. */
static int
fail_file (Ingest     *ingest,
           const char *path,
           GError     *error)
{
  if (ingest->json != NULL && ingest->many)
    {
      json_builder_begin_object (ingest->json);
      json_builder_set_member_name (ingest->json, "file");
      json_builder_add_string_value (ingest->json, path);
      json_builder_set_member_name (ingest->json, "error");
      json_builder_add_string_value (ingest->json, error->message);
      json_builder_end_object (ingest->json);
      g_printerr ("raptorflow-cli: %s: %s\n", path, error->message);
      g_error_free (error);
      return RF_CLI_EXIT_ERROR;
    }
  g_prefix_error (&error, "%s: ", path);
  return rf_cli_fail (ingest->cli, error);
}

static const char *
delimiter_text (char delimiter)
{
  static char text[2];

  text[0] = delimiter;
  text[1] = '\0';
  return text;
}

static void
build_mapping_json (JsonBuilder     *builder,
                    RfColumnMapping *mapping)
{
  if (mapping == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  for (guint i = 0; i < rf_column_mapping_get_n_columns (mapping); i++)
    {
      const char *nick = rf_lead_field_to_nick (rf_column_mapping_get_field (mapping, i));

      json_builder_set_member_name (builder, rf_column_mapping_get_header (mapping, i));
      if (nick != NULL)
        json_builder_add_string_value (builder, nick);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
}

static void
build_problems_json (JsonBuilder *builder,
                     GArray      *problems)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      RfImportProblem *problem = &g_array_index (problems, RfImportProblem, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, problem->line);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, problem->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_uint (JsonBuilder *builder,
          const char  *member,
          guint        value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
print_mapping (const char      *file_name,
               const char      *encoding,
               char             delimiter,
               RfColumnMapping *mapping)
{
  if (delimiter != 0)
    g_print (_("“%s”: %s, delimiter %s\n"), file_name, encoding, rf_csv_delimiter_name (delimiter));
  else
    g_print (_("“%s”: vCard, %s\n"), file_name, encoding);
  if (mapping == NULL)
    return;

  g_print ("%s\n", _("Column mapping:"));
  for (guint i = 0; i < rf_column_mapping_get_n_columns (mapping); i++)
    {
      RfLeadField field = rf_column_mapping_get_field (mapping, i);

      g_print ("  %-28s → %s\n", rf_column_mapping_get_header (mapping, i),
               field == RF_LEAD_FIELD_NONE ? _("(kept as extra text)") : rf_lead_field_label (field));
    }
}

static void
print_problems (const char *title,
                GArray     *problems)
{
  if (problems->len == 0)
    return;
  g_print ("%s\n", title);
  for (guint i = 0; i < problems->len; i++)
    {
      RfImportProblem *problem = &g_array_index (problems, RfImportProblem, i);
      g_print (_("  line %u: %s\n"), problem->line, problem->reason);
    }
}

static void
report_json (JsonBuilder    *builder,
             RfImportReport *report)
{
  json_builder_begin_object (builder);
  add_string (builder, "file", report->file_name);
  add_string (builder, "batch_id", report->batch_id);
  add_string (builder, "encoding", report->encoding);
  add_string (builder, "delimiter", report->delimiter != 0 ? delimiter_text (report->delimiter) : NULL);
  json_builder_set_member_name (builder, "mapping");
  build_mapping_json (builder, report->mapping);
  add_uint (builder, "rows_read", report->rows_read);
  add_uint (builder, "leads_created", report->leads_created);
  add_uint (builder, "duplicates_merged", report->duplicates_merged);
  add_uint (builder, "companies_created", report->companies_created);
  add_uint (builder, "companies_merged", report->companies_merged);
  add_uint (builder, "contacts_created", report->contacts_created);
  add_uint (builder, "contacts_merged", report->contacts_merged);
  add_uint (builder, "rows_skipped", report->rows_skipped);
  json_builder_set_member_name (builder, "rows_rejected");
  build_problems_json (builder, report->rejected);
  json_builder_set_member_name (builder, "warnings");
  build_problems_json (builder, report->warnings);
  json_builder_set_member_name (builder, "lead_ids");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->lead_ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (report->lead_ids, gint64, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
report_print (RfImportReport *report)
{
  print_mapping (report->file_name, report->encoding, report->delimiter, report->mapping);
  g_print (_("Rows read: %u, leads made: %u, duplicates merged: %u (companies: %u, contacts: %u, "
             "rows already imported: %u), rows rejected: %u\n"),
           report->rows_read, report->leads_created, report->duplicates_merged, report->companies_merged,
           report->contacts_merged, report->rows_skipped, report->rejected->len);
  print_problems (_("Rejected:"), report->rejected);
  print_problems (_("Warnings:"), report->warnings);
  g_print (_("Import batch %s (undo with: raptorflow-cli ingest --revert %s)\n"), report->batch_id, report->batch_id);
}

static void
preview_json (JsonBuilder     *builder,
              RfImportPreview *preview)
{
  json_builder_begin_object (builder);
  add_string (builder, "encoding", preview->encoding);
  add_string (builder, "delimiter", preview->delimiter != 0 ? delimiter_text (preview->delimiter) : NULL);
  json_builder_set_member_name (builder, "header");
  json_builder_begin_array (builder);
  for (guint i = 0; preview->header != NULL && preview->header[i] != NULL; i++)
    json_builder_add_string_value (builder, preview->header[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "mapping");
  build_mapping_json (builder, preview->mapping);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < preview->rows->len; i++)
    {
      char **cells = g_ptr_array_index (preview->rows, i);

      json_builder_begin_array (builder);
      for (guint j = 0; cells[j] != NULL; j++)
        json_builder_add_string_value (builder, cells[j]);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "problems");
  build_problems_json (builder, preview->problems);
  add_uint (builder, "would_create", preview->would_create);
  add_uint (builder, "would_merge", preview->would_merge);
  json_builder_end_object (builder);
}

/* A cell for the table: one line, at most @width characters, padded. */
static char *
table_cell (const char *text,
            guint       width)
{
  g_autoptr(GString) out = g_string_new (NULL);
  glong length;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (out, c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    }
  length = g_utf8_strlen (out->str, -1);
  if ((guint)length > width)
    {
      g_autofree char *cut = g_utf8_substring (out->str, 0, width - 1);
      return g_strconcat (cut, "…", NULL);
    }
  for (; (guint)length < width; length++)
    g_string_append_c (out, ' ');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
preview_print (RfImportPreview *preview)
{
  guint n_columns = preview->header != NULL ? g_strv_length (preview->header) : 0;
  guint shown = MIN (preview->rows->len, PREVIEW_ROWS);

  print_mapping (preview->file_name, preview->encoding, preview->delimiter, preview->mapping);
  g_print (_("Dry run, nothing was written. Rows: %u, new leads: %u, duplicates to merge: %u, "
             "rows rejected: %u\n"),
           preview->rows->len, preview->would_create, preview->would_merge, preview->rows_rejected);
  g_print (_("New companies: %u, new contacts: %u; merged companies: %u, merged contacts: %u, "
             "rows already imported: %u\n"),
           preview->would_create_companies, preview->would_create_contacts, preview->would_merge_companies,
           preview->would_merge_contacts, preview->would_skip);
  print_problems (_("Problems:"), preview->problems);

  if (shown == 0)
    return;
  g_print (ngettext ("The first row:\n", "The first %u rows:\n", shown), shown);
  g_print ("%6s", _("Line"));
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *cell = table_cell (preview->header[c], PREVIEW_CELL_WIDTH);
      g_print (" | %s", cell);
    }
  g_print ("\n");
  for (guint r = 0; r < shown; r++)
    {
      char **cells = g_ptr_array_index (preview->rows, r);
      guint n = g_strv_length (cells);

      g_print ("%6u", g_array_index (preview->row_lines, guint, r));
      for (guint c = 0; c < MAX (n, n_columns); c++)
        {
          g_autofree char *cell = table_cell (c < n ? cells[c] : "", PREVIEW_CELL_WIDTH);
          g_print (" | %s", cell);
        }
      g_print ("\n");
    }
}

static int
ingest_table_file (Ingest     *ingest,
                   const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(RfCsvImporter) importer = NULL;

  if (rf_cli_open_database (ingest->cli) == NULL)
    return RF_CLI_EXIT_ERROR;
  importer = rf_csv_importer_new (ingest->cli->database);
  rf_csv_importer_set_delimiter (importer, ingest->delimiter);
  rf_csv_importer_set_encoding (importer, ingest->encoding);
  rf_csv_importer_set_profile (importer, ingest->profile);

  if (ingest->dry_run)
    {
      g_autoptr(RfImportPreview) preview = rf_csv_importer_preview (importer, file, NULL, &error);

      if (preview == NULL)
        return fail_file (ingest, path, g_steal_pointer (&error));
      if (ingest->json != NULL)
        preview_json (ingest->json, preview);
      else
        preview_print (preview);
    }
  else
    {
      g_autoptr(RfImportReport) report = rf_csv_importer_import_sync (importer, file, NULL, &error);

      if (report == NULL)
        return fail_file (ingest, path, g_steal_pointer (&error));
      if (ingest->json != NULL)
        report_json (ingest->json, report);
      else
        report_print (report);
    }
  return RF_CLI_EXIT_OK;
}

static int
revert (RfCli      *cli,
        const char *batch)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfImportDao) dao = NULL;
  RfImportRevert removed = { 0 };

  if (rf_cli_open_database (cli) == NULL)
    return RF_CLI_EXIT_ERROR;
  dao = rf_import_dao_new (cli->database);
  if (!rf_import_dao_revert_sync (dao, batch, &removed, NULL, &error))
    return rf_cli_fail (cli, g_steal_pointer (&error));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "batch_id", batch);
      add_uint (builder, "leads", removed.leads);
      add_uint (builder, "signals", removed.signals);
      add_uint (builder, "companies", removed.companies);
      add_uint (builder, "contacts", removed.contacts);
      json_builder_end_object (builder);
      rf_cli_print_json (builder);
    }
  else
    g_print (_("Reverted %s. Removed leads: %u, companies: %u, contacts: %u\n"),
             batch, removed.leads, removed.companies, removed.contacts);
  return RF_CLI_EXIT_OK;
}

static int
load_profile (Ingest     *ingest,
              const char *id_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfIcpDao) dao = NULL;
  gint64 id;

  if (!rf_cli_parse_id (id_text, &id))
    return rf_cli_usage_error (RF_CLI_INGEST_USAGE, _("“%s” is not a profile id"), id_text);
  if (rf_cli_open_database (ingest->cli) == NULL)
    return RF_CLI_EXIT_ERROR;
  dao = rf_icp_dao_new (ingest->cli->database);
  if (!(ingest->profile = rf_icp_dao_get_sync (dao, id, NULL, &error)))
    return rf_cli_fail (ingest->cli, g_steal_pointer (&error));
  return RF_CLI_EXIT_OK;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

int
rf_cli_ingest (RfCli *cli,
               GStrv  args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *delimiter = NULL;
  g_autofree char *icp = NULL;
  g_autofree char *batch = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  char *stand_in_dir = NULL;
  char *real_db_path = NULL;
  Ingest ingest = { cli };
  guint n_files;
  int status = RF_CLI_EXIT_OK;

  ingest.dry_run = rf_cli_take_flag (&args, "--dry-run");
  cli->no_dossier = rf_cli_take_flag (&args, "--no-dossier");
  if (!rf_cli_take_option (&args, "--delimiter", &delimiter, &error) ||
      !rf_cli_take_option (&args, "--encoding", &ingest.encoding, &error) ||
      !rf_cli_take_option (&args, "--icp", &icp, &error) ||
      !rf_cli_take_option (&args, "--revert", &batch, &error))
    {
      g_free (ingest.encoding);
      return rf_cli_usage_error (RF_CLI_INGEST_USAGE, "%s", error->message);
    }

  /* "--" ends the options: file names may start with a dash. */
  for (guint i = 1; args[i] != NULL; i++)
    if (g_str_equal (args[i], "--"))
      {
        g_free (args[i]);
        memmove (&args[i], &args[i + 1], sizeof (char *) * g_strv_length (&args[i + 1]) + sizeof (char *));
        break;
      }
    else if (args[i][0] == '-' && args[i][1] != '\0')
      {
        g_free (ingest.encoding);
        return rf_cli_usage_error (RF_CLI_INGEST_USAGE, _("Unknown option “%s”"), args[i]);
      }
  n_files = g_strv_length (args) - 1;

  if (batch != NULL)
    {
      g_free (ingest.encoding);
      if (n_files > 0)
        return rf_cli_usage_error (RF_CLI_INGEST_USAGE, _("--revert takes a batch id, not files"));
      return revert (cli, batch);
    }
  if (n_files == 0)
    {
      g_free (ingest.encoding);
      return rf_cli_usage_error (RF_CLI_INGEST_USAGE, _("Name at least one file to ingest"));
    }
  if (delimiter != NULL && !rf_csv_delimiter_parse (delimiter, &ingest.delimiter))
    {
      g_free (ingest.encoding);
      return rf_cli_usage_error (RF_CLI_INGEST_USAGE, _("Unknown delimiter “%s”; use , ; | or tab"), delimiter);
    }
  /* A dry run writes nothing, not even a new database: against none, it
   * asks an empty one made for the purpose and removed after. */
  if (ingest.dry_run && cli->database == NULL && !g_file_test (cli->db_path, G_FILE_TEST_EXISTS))
    {
      stand_in_dir = g_dir_make_tmp ("raptorflow-dry-run-XXXXXX", NULL);
      if (stand_in_dir != NULL)
        {
          real_db_path = cli->db_path;
          cli->db_path = g_build_filename (stand_in_dir, "leads.db", NULL);
        }
    }

  if (icp != NULL && (status = load_profile (&ingest, icp)) != RF_CLI_EXIT_OK)
    goto out;

  if (cli->json)
    {
      builder = json_builder_new ();
      ingest.json = builder;
      ingest.many = n_files > 1;
      if (n_files > 1)
        json_builder_begin_array (builder);
    }

  for (guint i = 1; args[i] != NULL; i++)
    {
      int file_status;

      if (!g_file_test (args[i], G_FILE_TEST_EXISTS))
        {
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no such file"));
          file_status = fail_file (&ingest, args[i], g_steal_pointer (&error));
        }
      else if (rf_csv_importer_handles_file (args[i]))
        file_status = ingest_table_file (&ingest, args[i]);
      else
        {
          gint64 icp_id = ingest.profile != NULL ? rf_icp_profile_get_id (ingest.profile) : 0;

          if (rf_cli_ingest_document (cli, args[i], icp_id, ingest.json, &error))
            file_status = RF_CLI_EXIT_OK;
          else
            file_status = fail_file (&ingest, args[i], g_steal_pointer (&error));
        }
      if (file_status != RF_CLI_EXIT_OK)
        status = file_status;
    }

  if (builder != NULL)
    {
      if (n_files > 1)
        json_builder_end_array (builder);
      /* A single file that failed has printed its error object instead. */
      if (n_files > 1 || status == RF_CLI_EXIT_OK)
        rf_cli_print_json (builder);
    }

out:
  g_clear_object (&ingest.profile);
  g_free (ingest.encoding);
  if (real_db_path != NULL)
    {
      if (cli->database != NULL)
        {
          rf_database_close (cli->database);
          g_clear_object (&cli->database);
        }
      remove_tree (stand_in_dir);
      g_free (cli->db_path);
      cli->db_path = real_db_path;
    }
  g_free (stand_in_dir);
  return status;
}
