/* rf-cli-ocr.c: ocr FILE [--region CC]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An image or a PDF to its text and the card fields read from it; nothing
 * is stored. The file's content decides how it is read, not its name.
 */

#define G_LOG_DOMAIN "rf-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-card-parser.h"
#include "rf-cli.h"
#include "rf-ocr.h"
#include "rf-pdf.h"


static const char *
field_label (RfCardField field)
{
  switch (field)
    {
    case RF_CARD_FIELD_NAME:
      return _("Name");
    case RF_CARD_FIELD_TITLE:
      return _("Title");
    case RF_CARD_FIELD_COMPANY:
      return _("Company");
    case RF_CARD_FIELD_EMAIL:
      return _("Email");
    case RF_CARD_FIELD_PHONE:
      return _("Phone");
    case RF_CARD_FIELD_WEBSITE:
      return _("Website");
    case RF_CARD_FIELD_ADDRESS:
      return _("Address");
    case RF_CARD_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
print_json (const char         *path,
            const char         *source,
            const char         *text,
            double              confidence,
            const RfCardFields *fields)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, source);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "text_confidence");
  json_builder_add_double_value (builder, confidence);

  json_builder_set_member_name (builder, "fields");
  json_builder_begin_object (builder);
  for (guint i = 0; i < RF_CARD_N_FIELDS; i++)
    {
      json_builder_set_member_name (builder, rf_card_field_to_string (i));
      if (fields->values[i].value != NULL)
        json_builder_add_string_value (builder, fields->values[i].value);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "confidence");
  json_builder_begin_object (builder);
  for (guint i = 0; i < RF_CARD_N_FIELDS; i++)
    if (fields->values[i].value != NULL)
      {
        json_builder_set_member_name (builder, rf_card_field_to_string (i));
        json_builder_add_double_value (builder, fields->values[i].confidence);
      }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "unsure");
  json_builder_begin_array (builder);
  for (guint i = 0; i < RF_CARD_N_FIELDS; i++)
    if (fields->values[i].value != NULL && fields->values[i].unsure)
      json_builder_add_string_value (builder, rf_card_field_to_string (i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "phones");
  json_builder_begin_array (builder);
  for (guint i = 0; i < fields->phones->len; i++)
    {
      const RfCardPhone *phone = g_ptr_array_index (fields->phones, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_string_value (builder, phone->number);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, rf_card_phone_kind_to_string (phone->kind));
      json_builder_set_member_name (builder, "e164");
      json_builder_add_boolean_value (builder, phone->e164);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  rf_cli_print_json (builder);
}

static void
print_readable (const char         *text,
                const RfCardFields *fields)
{
  for (guint i = 0; i < RF_CARD_N_FIELDS; i++)
    {
      const RfCardValue *value = &fields->values[i];

      if (value->value == NULL)
        g_print ("%-9s -\n", field_label (i));
      else
        /* Translators: a card field’s label, its value, its confidence in percent, and “, please check” when unsure. */
        g_print (_("%-9s %s  (%.0f%%%s)\n"), field_label (i), value->value, value->confidence * 100,
                 value->unsure ? _(", please check") : "");
    }
  for (guint i = 1; i < fields->phones->len; i++)
    {
      const RfCardPhone *phone = g_ptr_array_index (fields->phones, i);

      g_print ("%-9s %s  (%s)\n", "", phone->number, rf_card_phone_kind_to_string (phone->kind));
    }
  g_print ("\n%s\n%s\n", _("Text read:"), text);
}

int
rf_cli_ocr (RfCli *cli,
            GStrv  args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *region = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RfCardParser) parser = rf_card_parser_new ();
  g_autoptr(RfCardFields) fields = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  const char *source;
  double confidence;

  if (!rf_cli_take_option (&args, "--region", &region, &error))
    return rf_cli_usage_error (RF_CLI_OCR_USAGE, "%s", error->message);
  if (args[1] == NULL)
    return rf_cli_usage_error (RF_CLI_OCR_USAGE, "%s", _("Which file? Give the path of an image or a PDF."));
  if (args[2] != NULL)
    return rf_cli_usage_error (RF_CLI_OCR_USAGE, _("Unexpected argument “%s”"), args[2]);
  if (region != NULL && (strlen (region) != 2 || !g_ascii_isalpha (region[0]) || !g_ascii_isalpha (region[1])))
    return rf_cli_usage_error (RF_CLI_OCR_USAGE, _("“%s” is not a country code: use two letters, like GB or US."), region);

  file = g_file_new_for_commandline_arg (args[1]);
  path = g_file_get_path (file);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    return rf_cli_fail (cli, g_steal_pointer (&error));

  if (rf_pdf_bytes_look_like_pdf (bytes))
    {
      g_autoptr(RfPdf) pdf = rf_pdf_new ();
      g_autoptr(RfPdfResult) result = rf_pdf_read_bytes_sync (pdf, bytes, NULL, &error);

      if (result == NULL)
        return rf_cli_fail (cli, g_steal_pointer (&error));
      text = g_steal_pointer (&result->text);
      confidence = result->confidence;
      source = "pdf";
    }
  else
    {
      g_autoptr(RfOcr) ocr = rf_ocr_new ();
      g_autoptr(RfOcrResult) result = rf_ocr_recognize_bytes_sync (ocr, bytes, NULL, &error);

      if (result == NULL)
        return rf_cli_fail (cli, g_steal_pointer (&error));
      text = g_steal_pointer (&result->text);
      confidence = result->confidence;
      source = "ocr";
    }

  rf_card_parser_set_default_region (parser, region);
  fields = rf_card_parser_parse (parser, text, -1);
  if (cli->json)
    print_json (path != NULL ? path : args[1], source, text, confidence, fields);
  else
    print_readable (text, fields);
  return RF_CLI_EXIT_OK;
}
