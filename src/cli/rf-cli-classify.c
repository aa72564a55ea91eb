/* rf-cli-classify.c: classify --text ... | --batch FILE.jsonl
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rf-cli.h"
#include "rf-model-json.h"
#include "rf-scoring.h"


/* One signal as the seed's classify request names its fields. */
typedef struct
{
  char         *text;
  char         *company;
  char         *website;
  RfSourceType  source;
  gint64        icp_id;
  guint         line;     /* in a batch file; 0 otherwise */
} Request;

static void
request_clear (Request *request)
{
  g_free (request->text);
  g_free (request->company);
  g_free (request->website);
}

static RfSignal *
signal_for (const Request *request)
{
  RfSignal *signal = rf_signal_new ();

  rf_signal_set_source_type (signal, request->source);
  rf_signal_set_raw_text (signal, request->text);
  return signal;
}

static RfCompany *
company_for (const Request *request)
{
  RfCompany *company;

  if (request->company == NULL && request->website == NULL)
    return NULL;
  company = rf_company_new ();
  rf_company_set_name (company, request->company);
  rf_company_set_website (company, request->website);
  return company;
}

static void
wait_for_dossiers (RfCli *cli)
{
  RfCliWaiter waiter;

  if (rf_lead_engine_get_pending (cli->engine) > 0)
    g_printerr (_("Writing dossiers for hot leads with %s…\n"), rf_config_get_rich_model (rf_lead_engine_get_config (cli->engine)));
  rf_cli_waiter_init (&waiter);
  rf_lead_engine_wait_idle_async (cli->engine, NULL, rf_cli_waiter_cb, &waiter);
  rf_lead_engine_wait_idle_finish (cli->engine, rf_cli_waiter_wait (&waiter), NULL);
  rf_cli_waiter_clear (&waiter);
}

static gboolean
parse_source (const char   *text,
              RfSourceType *source)
{
  int value;

  if (text == NULL)
    {
      *source = RF_SOURCE_TYPE_MANUAL;
      return TRUE;
    }
  if (!rf_enum_from_nick (RF_TYPE_SOURCE_TYPE, text, &value))
    return FALSE;
  *source = value;
  return TRUE;
}

static int
classify_one (RfCli   *cli,
              Request *request)
{
  g_autoptr(RfSignal) signal = signal_for (request);
  g_autoptr(RfCompany) company = company_for (request);
  g_autoptr(RfClassifyOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  RfCliWaiter waiter;

  if (rf_cli_open_engine (cli) == NULL)
    return RF_CLI_EXIT_ERROR;

  rf_cli_waiter_init (&waiter);
  rf_lead_engine_classify_async (cli->engine, signal, company, NULL, request->icp_id, NULL, rf_cli_waiter_cb, &waiter);
  outcome = rf_lead_engine_classify_finish (cli->engine, rf_cli_waiter_wait (&waiter), &error);
  rf_cli_waiter_clear (&waiter);
  if (outcome == NULL)
    return rf_cli_fail (cli, g_steal_pointer (&error));

  if (outcome->ollama_error != NULL)
    g_printerr (_("raptorflow-cli: scored by the built-in rules: %s\n"), outcome->ollama_error->message);
  wait_for_dossiers (cli);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      rf_cli_build_outcome_json (builder, outcome);
      rf_cli_print_json (builder);
    }
  else
    rf_cli_print_outcome (outcome);
  return RF_CLI_EXIT_OK;
}

/* --- batch ------------------------------------------------------------- */

typedef struct
{
  RfCli       *cli;
  guint        total;
  guint        done;
  guint        by_rules;
  guint        failed;
  GPtrArray   *outcomes;   /* RfClassifyOutcome*, or NULL where it failed */
  GPtrArray   *errors;     /* char*: "line N: why" */
  GMainLoop   *loop;
} Batch;

typedef struct
{
  Batch *batch;
  guint  index;
  guint  line;
} BatchItem;

static void
batch_progress (Batch *batch)
{
  if (batch->total == 0)
    return;
  /* Translators: signals done, signals in all, how many scored by rules */
  g_printerr (_("\rClassified %u of %u (%u by rules)"), batch->done, batch->total, batch->by_rules);
  if (batch->done == batch->total)
    g_printerr ("\n");
}

static void
batch_item_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  BatchItem *item = user_data;
  Batch *batch = item->batch;
  g_autoptr(GError) error = NULL;
  RfClassifyOutcome *outcome = rf_lead_engine_classify_finish (RF_LEAD_ENGINE (source), result, &error);

  if (outcome == NULL)
    {
      batch->failed++;
      g_ptr_array_add (batch->errors, g_strdup_printf (_("line %u: %s"), item->line, error->message));
    }
  else if (outcome->ollama_error != NULL)
    batch->by_rules++;
  g_ptr_array_index (batch->outcomes, item->index) = outcome;
  batch->done++;
  batch_progress (batch);
  if (batch->done == batch->total)
    g_main_loop_quit (batch->loop);
  g_free (item);
}

static char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

/* One line of the batch file to a request; FALSE and @why when it is not
 * one. */
static gboolean
parse_line (const char  *text,
            Request     *request,
            char       **why)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  JsonObject *object;
  JsonNode *icp;

  if (!json_parser_load_from_data (parser, text, -1, &error))
    {
      *why = g_strdup_printf (_("not JSON: %s"), error->message);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      *why = g_strdup (_("not a JSON object"));
      return FALSE;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  request->text = member_string (object, "signal_text");
  if (request->text == NULL || *g_strstrip (request->text) == '\0')
    {
      *why = g_strdup (_("“signal_text” is missing or empty"));
      return FALSE;
    }
  request->company = member_string (object, "company_name");
  request->website = member_string (object, "company_website");
  source = member_string (object, "source_type");
  if (!parse_source (source, &request->source))
    {
      *why = g_strdup_printf (_("unknown source_type “%s”"), source);
      return FALSE;
    }
  icp = json_object_get_member (object, "icp_id");
  if (icp != NULL && JSON_NODE_HOLDS_VALUE (icp) && json_node_get_value_type (icp) == G_TYPE_INT64)
    request->icp_id = json_node_get_int (icp);
  return TRUE;
}

static int
classify_batch (RfCli      *cli,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  Batch batch = { cli };
  int status = RF_CLI_EXIT_OK;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    return rf_cli_fail (cli, g_steal_pointer (&error));
  if (!g_utf8_validate (contents, -1, NULL))
    return rf_cli_fail (cli, g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                          _("“%s” is not UTF-8 text: give one JSON object a line"), path));
  if (rf_cli_open_engine (cli) == NULL)
    return RF_CLI_EXIT_ERROR;

  batch.loop = g_main_loop_new (NULL, FALSE);
  batch.outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) rf_classify_outcome_free);
  batch.errors = g_ptr_array_new_with_free_func (g_free);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      Request request = { 0 };
      g_autofree char *why = NULL;
      g_autoptr(RfSignal) signal = NULL;
      g_autoptr(RfCompany) company = NULL;
      BatchItem *item;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      if (!parse_line (lines[i], &request, &why))
        {
          g_ptr_array_add (batch.errors, g_strdup_printf (_("line %u: %s"), i + 1, why));
          batch.failed++;
          request_clear (&request);
          continue;
        }
      signal = signal_for (&request);
      company = company_for (&request);
      item = g_new0 (BatchItem, 1);
      item->batch = &batch;
      item->index = batch.outcomes->len;
      item->line = i + 1;
      g_ptr_array_add (batch.outcomes, NULL);
      batch.total++;
      rf_lead_engine_classify_async (cli->engine, signal, company, NULL, request.icp_id, NULL, batch_item_cb, item);
      request_clear (&request);
    }

  if (batch.total > 0)
    g_main_loop_run (batch.loop);
  wait_for_dossiers (cli);

  for (guint i = 0; i < batch.errors->len; i++)
    g_printerr ("raptorflow-cli: %s\n", (char *) g_ptr_array_index (batch.errors, i));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < batch.outcomes->len; i++)
        if (g_ptr_array_index (batch.outcomes, i) != NULL)
          rf_cli_build_outcome_json (builder, g_ptr_array_index (batch.outcomes, i));
      json_builder_end_array (builder);
      rf_cli_print_json (builder);
    }
  else
    for (guint i = 0; i < batch.outcomes->len; i++)
      if (g_ptr_array_index (batch.outcomes, i) != NULL)
        rf_cli_print_outcome (g_ptr_array_index (batch.outcomes, i));

  if (batch.failed > 0)
    status = RF_CLI_EXIT_ERROR;
  g_ptr_array_unref (batch.outcomes);
  g_ptr_array_unref (batch.errors);
  g_main_loop_unref (batch.loop);
  return status;
}

int
rf_cli_classify (RfCli *cli,
                 GStrv  args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *batch = NULL;
  g_autofree char *source = NULL;
  g_autofree char *icp = NULL;
  Request request = { 0 };
  int status;

  cli->no_dossier = rf_cli_take_flag (&args, "--no-dossier");
  if (!rf_cli_take_option (&args, "--batch", &batch, &error) ||
      !rf_cli_take_option (&args, "--text", &request.text, &error) ||
      !rf_cli_take_option (&args, "--company", &request.company, &error) ||
      !rf_cli_take_option (&args, "--website", &request.website, &error) ||
      !rf_cli_take_option (&args, "--source", &source, &error) ||
      !rf_cli_take_option (&args, "--icp", &icp, &error))
    {
      request_clear (&request);
      return rf_cli_usage_error (RF_CLI_CLASSIFY_USAGE, "%s", error->message);
    }
  if (args[1] != NULL)
    {
      request_clear (&request);
      return rf_cli_usage_error (RF_CLI_CLASSIFY_USAGE, _("Unexpected argument “%s”"), args[1]);
    }
  if (batch != NULL)
    {
      if (request.text != NULL)
        {
          request_clear (&request);
          return rf_cli_usage_error (RF_CLI_CLASSIFY_USAGE, _("Give either --text or --batch, not both"));
        }
      return classify_batch (cli, batch);
    }
  if (request.text == NULL || *g_strstrip (request.text) == '\0')
    {
      request_clear (&request);
      return rf_cli_usage_error (RF_CLI_CLASSIFY_USAGE, _("--text is missing: give the signal's text"));
    }
  if (!parse_source (source, &request.source))
    {
      g_autofree char *known = rf_enum_list_nicks (RF_TYPE_SOURCE_TYPE, ", ");

      request_clear (&request);
      return rf_cli_usage_error (RF_CLI_CLASSIFY_USAGE, _("Unknown source “%s”: use one of %s"), source, known);
    }
  if (icp != NULL && !rf_cli_parse_id (icp, &request.icp_id))
    {
      request_clear (&request);
      return rf_cli_usage_error (RF_CLI_CLASSIFY_USAGE, _("--icp takes a profile id, not “%s”"), icp);
    }

  status = classify_one (cli, &request);
  request_clear (&request);
  return status;
}
