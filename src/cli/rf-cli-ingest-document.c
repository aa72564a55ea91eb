/* rf-cli-ingest-document.c: ingest for images and PDFs: read, card fields
 * to company and contact, classify
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-cli.h"
#include "rf-document-intake.h"

static void
phase_cb (RfIntakePhase phase,
          gpointer      user_data)
{
  const char *name = user_data;

  if (phase == RF_INTAKE_PHASE_RECOGNIZING)
    g_printerr (_("Reading %s…\n"), name);
}

static void
build_document_json (JsonBuilder       *builder,
                     const char        *path,
                     RfDocumentOutcome *document)
{
  g_autoptr(JsonBuilder) outcome = json_builder_new ();
  g_autoptr(JsonNode) outcome_node = NULL;
  JsonObject *object;
  GList *members;

  /* The classify shape, with the file, its text and the card's fields. */
  rf_cli_build_outcome_json (outcome, document->outcome);
  outcome_node = json_builder_get_root (outcome);
  object = json_node_get_object (outcome_node);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "text");
  if (document->text != NULL)
    json_builder_add_string_value (builder, document->text);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "fields");
  if (document->fields != NULL)
    {
      json_builder_begin_object (builder);
      for (guint i = 0; i < RF_CARD_N_FIELDS; i++)
        {
          json_builder_set_member_name (builder, rf_card_field_to_string (i));
          if (document->fields->values[i].value != NULL)
            json_builder_add_string_value (builder, document->fields->values[i].value);
          else
            json_builder_add_null_value (builder);
        }
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_value (builder, json_node_copy (json_object_get_member (object, l->data)));
    }
  g_list_free (members);
  json_builder_end_object (builder);
}

static void
print_document (const char        *path,
                RfDocumentOutcome *document)
{
  g_print ("%s\n", path);
  if (document->fields != NULL)
    for (guint i = 0; i < RF_CARD_N_FIELDS; i++)
      if (document->fields->values[i].value != NULL)
        g_print ("  %-8s %s%s\n", rf_card_field_to_string (i), document->fields->values[i].value,
                 document->fields->values[i].unsure ? _(" (unsure)") : "");
  rf_cli_print_outcome (document->outcome);
}

gboolean
rf_cli_ingest_document (RfCli        *cli,
                        const char   *path,
                        gint64        icp_id,
                        JsonBuilder  *json,
                        GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(RfDocumentOutcome) document = NULL;
  g_autofree char *name = g_file_get_basename (file);
  RfLeadEngine *engine = rf_cli_open_engine (cli);
  RfCliWaiter waiter;

  if (engine == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The database could not be opened"));
      return FALSE;
    }

  rf_cli_waiter_init (&waiter);
  rf_lead_engine_ingest_document_async (engine, file, icp_id, phase_cb, name, NULL, rf_cli_waiter_cb, &waiter);
  document = rf_lead_engine_ingest_document_finish (engine, rf_cli_waiter_wait (&waiter), error);
  if (document != NULL)
    {
      RfLeadEngine *self = engine;

      rf_lead_engine_wait_idle_async (self, NULL, rf_cli_waiter_cb, &waiter);
      rf_lead_engine_wait_idle_finish (self, rf_cli_waiter_wait (&waiter), NULL);
    }
  rf_cli_waiter_clear (&waiter);
  if (document == NULL)
    return FALSE;

  if (document->outcome->ollama_error != NULL)
    g_printerr (_("raptorflow-cli: %s: scored by the built-in rules: %s\n"), path, document->outcome->ollama_error->message);
  if (json != NULL)
    build_document_json (json, path, document);
  else
    print_document (path, document);
  return TRUE;
}
