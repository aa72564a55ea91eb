/* rf-cli-leads.c: leads, lead, distribution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "rf-activity-dao.h"
#include "rf-cli.h"
#include "rf-document-intake.h"
#include "rf-lead-dao.h"
#include "rf-model-json.h"
#include "rf-scoring.h"


static int
parse_query (GStrv        *args,
             RfLeadQuery  *query)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bucket = NULL;
  g_autofree char *min_score = NULL;
  g_autofree char *status = NULL;
  g_autofree char *search = NULL;
  g_autofree char *icp = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *bad = NULL;

  if (!rf_cli_take_option (args, "--bucket", &bucket, &error) ||
      !rf_cli_take_option (args, "--min-score", &min_score, &error) ||
      !rf_cli_take_option (args, "--status", &status, &error) ||
      !rf_cli_take_option (args, "--search", &search, &error) ||
      !rf_cli_take_option (args, "--icp", &icp, &error) ||
      !rf_cli_take_option (args, "--limit", &limit, &error))
    return rf_cli_usage_error (RF_CLI_LEADS_USAGE, "%s", error->message);

  if ((*args)[1] != NULL)
    return rf_cli_usage_error (RF_CLI_LEADS_USAGE, _("Unexpected argument “%s”"), (*args)[1]);

  if (bucket != NULL && !rf_cli_parse_enum_mask (RF_TYPE_SCORE_BUCKET, bucket, &query->bucket_mask, &bad))
    {
      g_autofree char *known = rf_enum_list_nicks (RF_TYPE_SCORE_BUCKET, ", ");
      return rf_cli_usage_error (RF_CLI_LEADS_USAGE, _("Unknown bucket “%s”; use %s"), bad, known);
    }
  if (status != NULL && !rf_cli_parse_enum_mask (RF_TYPE_LEAD_STATUS, status, &query->status_mask, &bad))
    {
      g_autofree char *known = rf_enum_list_nicks (RF_TYPE_LEAD_STATUS, ", ");
      return rf_cli_usage_error (RF_CLI_LEADS_USAGE, _("Unknown status “%s”; use %s"), bad, known);
    }
  if (min_score != NULL)
    {
      char *end = NULL;
      double value = g_ascii_strtod (min_score, &end);

      if (end == min_score || *end != '\0' || !(value >= 0 && value <= 100))
        return rf_cli_usage_error (RF_CLI_LEADS_USAGE, _("--min-score takes a number from 0 to 100, not “%s”"), min_score);
      query->min_score = value;
    }
  if (icp != NULL && !rf_cli_parse_id (icp, &query->icp_id))
    return rf_cli_usage_error (RF_CLI_LEADS_USAGE, _("“%s” is not a profile id"), icp);
  if (limit != NULL)
    {
      guint64 value;
      if (!g_ascii_string_to_unsigned (limit, 10, 1, G_MAXUINT, &value, NULL))
        return rf_cli_usage_error (RF_CLI_LEADS_USAGE, _("--limit takes a positive number, not “%s”"), limit);
      query->limit = value;
    }
  rf_lead_query_set_search (query, search);
  return RF_CLI_EXIT_OK;
}

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "-";
}

static void
print_lead_row (RfLead *lead)
{
  g_autofree char *company = g_utf8_substring (or_dash (rf_lead_get_company_name (lead)), 0, 24);
  g_autofree char *contact = g_utf8_substring (or_dash (rf_lead_get_contact_name (lead)), 0, 20);

  g_print ("%6" G_GINT64_FORMAT "  %5.1f  %-8s  %-24s  %-20s  %-9s  %s\n",
           rf_lead_get_id (lead), rf_lead_get_total_score (lead),
           rf_score_bucket_to_nick (rf_lead_get_score_bucket (lead)),
           company, contact,
           rf_lead_status_to_nick (rf_lead_get_status (lead)),
           rf_source_type_to_nick (rf_lead_get_source_type (lead)));
}

int
rf_cli_leads (RfCli *cli,
              GStrv  args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  g_autoptr(RfLeadDao) dao = NULL;
  g_autoptr(GPtrArray) leads = NULL;
  int status;

  if ((status = parse_query (&args, query)) != RF_CLI_EXIT_OK)
    return status;

  if (rf_cli_open_database (cli) == NULL)
    return RF_CLI_EXIT_ERROR;
  dao = rf_lead_dao_new (cli->database);
  leads = rf_lead_dao_list_sync (dao, query, NULL, &error);
  if (leads == NULL)
    return rf_cli_fail (cli, g_steal_pointer (&error));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < leads->len; i++)
        rf_lead_build_json (g_ptr_array_index (leads, i), FALSE, builder);
      json_builder_end_array (builder);
      rf_cli_print_json (builder);
    }
  else if (leads->len == 0)
    g_print ("%s\n", _("No leads match."));
  else
    {
      g_print ("%6s  %5s  %-8s  %-24s  %-20s  %-9s  %s\n", "ID", _("Score"), _("Bucket"),
               _("Company"), _("Contact"), _("Status"), _("Source"));
      for (guint i = 0; i < leads->len; i++)
        print_lead_row (g_ptr_array_index (leads, i));
    }

  return RF_CLI_EXIT_OK;
}

static void
print_field (const char *label,
             const char *value)
{
  if (value != NULL && *value != '\0')
    g_print ("%-22s %s\n", label, value);
}

static void
print_list_field (const char         *label,
                  const char * const *values)
{
  g_autofree char *joined = NULL;

  if (values == NULL || values[0] == NULL)
    return;
  joined = g_strjoinv (", ", (char **)values);
  print_field (label, joined);
}

static void
print_lead (RfLead    *lead,
            GPtrArray *activities)
{
  RfClassification *c = rf_lead_get_classification (lead);
  RfDossier *dossier = rf_lead_get_dossier (lead);
  g_autofree char *score = g_strdup_printf ("%.1f (%s): fit %.1f/50, pain %.1f/40, data %.1f/10",
                                            rf_lead_get_total_score (lead),
                                            rf_score_bucket_label (rf_lead_get_score_bucket (lead)),
                                            rf_classification_get_score_fit (c),
                                            rf_classification_get_score_pain (c),
                                            rf_classification_get_score_data_quality (c));
  g_autofree char *created = rf_format_timestamp (rf_lead_get_created_at (lead));

  g_print (_("Lead %" PRId64 "\n"), rf_lead_get_id (lead));
  print_field (_("Score:"), score);
  print_field (_("Status:"), rf_lead_status_to_nick (rf_lead_get_status (lead)));
  print_field (_("Company:"), rf_lead_get_company_name (lead));
  print_field (_("Website:"), rf_lead_get_company_website (lead));
  print_field (_("Contact:"), rf_lead_get_contact_name (lead));
  print_field (_("Title:"), rf_lead_get_contact_title (lead));
  print_field (_("Email:"), rf_lead_get_contact_email (lead));
  print_field (_("Phone:"), rf_lead_get_contact_phone (lead));
  print_field (_("Profile:"), rf_lead_get_icp_name (lead));
  print_field (_("Source:"), rf_source_type_to_nick (rf_lead_get_source_type (lead)));
  print_field (_("Added:"), created);
  print_field (_("Role type:"), rf_classification_get_role_type (c));
  print_field (_("Size:"), rf_classification_get_size_bucket (c));
  print_list_field (_("Pain tags:"), rf_classification_get_pain_tags (c));
  print_field (_("Situation:"), rf_classification_get_spin_situation (c));
  print_field (_("Problem:"), rf_classification_get_spin_problem (c));
  print_field (_("Implication:"), rf_classification_get_spin_implication (c));
  print_field (_("Need-payoff:"), rf_classification_get_spin_need_payoff (c));
  print_field (_("Economic buyer:"), rf_classification_get_meddic_economic_buyer (c));
  print_field (_("Key pain:"), rf_classification_get_meddic_key_pain (c));
  print_list_field (_("Chaos flags:"), rf_classification_get_meddic_chaos_flags (c));
  print_field (_("Classifier:"), rf_classification_get_classifier (c));
  print_field (_("Prompt version:"), rf_classification_get_prompt_version (c));
  print_list_field (_("Matched criteria:"), rf_classification_get_matched_criteria (c));
  print_list_field (_("Matched keywords:"), rf_classification_get_matched_keywords (c));
  print_field (_("Why:"), rf_classification_get_explanation (c));
  print_list_field (_("Repaired:"), rf_classification_get_repairs (c));
  print_field (_("Notes:"), rf_lead_get_notes (lead));

  if (dossier != NULL)
    {
      g_print ("\n%s\n", _("Dossier"));
      print_field (_("Snapshot:"), rf_dossier_get_snapshot (dossier));
      print_list_field (_("Why pain:"), rf_dossier_get_why_pain (dossier));
      print_field (_("Uncomfortable truth:"), rf_dossier_get_uncomfortable_truth (dossier));
      print_field (_("Reframe:"), rf_dossier_get_reframe (dossier));
      print_list_field (_("Best angles:"), rf_dossier_get_best_angle (dossier));
      print_field (_("Challenger insight:"), rf_dossier_get_challenger_insight (dossier));
    }

  if (activities != NULL && activities->len > 0)
    {
      g_print ("\n%s\n", _("Activity"));
      for (guint i = 0; i < activities->len; i++)
        {
          RfActivity *activity = g_ptr_array_index (activities, i);
          g_autofree char *when = rf_format_timestamp (rf_activity_get_created_at (activity));

          g_print ("  %s  %-13s %s\n", when, rf_activity_kind_to_nick (rf_activity_get_kind (activity)),
                   rf_activity_get_body (activity));
        }
    }
}

/* --rescore (by the model when Ollama is ready, else by rules) and
 * --dossier (the rich model, whatever the score). */
static gboolean
run_engine_work (RfCli     *cli,
                 gint64     id,
                 gboolean   rescore,
                 gboolean   dossier,
                 GError   **error)
{
  RfLeadEngine *engine = rf_cli_open_engine (cli);
  g_autoptr(RfLead) written = NULL;
  RfCliWaiter waiter;
  gboolean ok = TRUE;

  if (engine == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The database could not be opened"));
      return FALSE;
    }
  rf_cli_waiter_init (&waiter);
  if (rescore)
    {
      rf_lead_engine_rescore_async (engine, &id, 1, 0, NULL, rf_cli_waiter_cb, &waiter);
      ok = rf_lead_engine_rescore_finish (engine, rf_cli_waiter_wait (&waiter), error) == 1;
      if (ok && (error == NULL || *error == NULL) && rf_lead_engine_get_ollama_status (engine) != RF_OLLAMA_STATUS_READY)
        g_printerr (_("raptorflow-cli: scored by the built-in rules: %s\n"), rf_lead_engine_get_status_message (engine));
      if (!ok && error != NULL && *error == NULL)
        g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND, _("There is no lead %" PRId64), id);
    }
  if (ok && dossier)
    {
      g_printerr (_("Writing the dossier with %s…\n"), rf_config_get_rich_model (rf_lead_engine_get_config (engine)));
      rf_lead_engine_write_dossier_async (engine, id, NULL, rf_cli_waiter_cb, &waiter);
      written = rf_lead_engine_write_dossier_finish (engine, rf_cli_waiter_wait (&waiter), error);
      ok = written != NULL;
    }
  if (ok)
    {
      rf_lead_engine_wait_idle_async (engine, NULL, rf_cli_waiter_cb, &waiter);
      rf_lead_engine_wait_idle_finish (engine, rf_cli_waiter_wait (&waiter), NULL);
    }
  rf_cli_waiter_clear (&waiter);
  return ok;
}

int
rf_cli_lead (RfCli *cli,
             GStrv  args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *note = NULL;
  g_autoptr(RfLeadDao) dao = NULL;
  g_autoptr(RfActivityDao) activity_dao = NULL;
  g_autoptr(RfLead) lead = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  gboolean delete;
  gboolean rescore;
  gboolean dossier;
  int status = RF_LEAD_STATUS_NEW;
  gint64 id;

  if (!rf_cli_take_option (&args, "--status", &status_text, &error) ||
      !rf_cli_take_option (&args, "--note", &note, &error))
    return rf_cli_usage_error (RF_CLI_LEAD_USAGE, "%s", error->message);
  delete = rf_cli_take_flag (&args, "--delete");
  rescore = rf_cli_take_flag (&args, "--rescore");
  dossier = rf_cli_take_flag (&args, "--dossier");

  if (args[1] == NULL)
    return rf_cli_usage_error (RF_CLI_LEAD_USAGE, _("lead needs an id"));
  if (!rf_cli_parse_id (args[1], &id))
    return rf_cli_usage_error (RF_CLI_LEAD_USAGE, _("“%s” is not a lead id"), args[1]);
  if (args[2] != NULL)
    return rf_cli_usage_error (RF_CLI_LEAD_USAGE, _("Unexpected argument “%s”"), args[2]);
  if (status_text != NULL && !rf_enum_from_nick (RF_TYPE_LEAD_STATUS, status_text, &status))
    {
      g_autofree char *known = rf_enum_list_nicks (RF_TYPE_LEAD_STATUS, ", ");
      return rf_cli_usage_error (RF_CLI_LEAD_USAGE, _("Unknown status “%s”; use %s"), status_text, known);
    }
  if (delete && (status_text != NULL || note != NULL || rescore || dossier))
    return rf_cli_usage_error (RF_CLI_LEAD_USAGE, _("--delete cannot be combined with changes"));

  if (rf_cli_open_database (cli) == NULL)
    return RF_CLI_EXIT_ERROR;
  dao = rf_lead_dao_new (cli->database);

  if (delete)
    {
      guint removed = rf_lead_dao_remove_sync (dao, RF_LEAD_REMOVAL_DELETE, &id, 1, NULL, &error);

      if (removed == G_MAXUINT)
        return rf_cli_fail (cli, g_steal_pointer (&error));
      if (removed == 0)
        return rf_cli_fail (cli, g_error_new (RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND,
                                              _("There is no lead %" PRId64), id));
      /* Its card photo goes with it; the lead is gone either way. */
      if (!rf_document_images_sweep_sync (cli->database, NULL, NULL, &error))
        g_printerr ("raptorflow-cli: %s\n", error->message);
      if (cli->json)
        g_print ("{\n  \"deleted\" : %" G_GINT64_FORMAT "\n}\n", id);
      else
        g_print (_("Deleted lead %" PRId64 "\n"), id);
      return RF_CLI_EXIT_OK;
    }

  if (status_text != NULL && !rf_lead_dao_set_status_sync (dao, id, status, NULL, &error))
    return rf_cli_fail (cli, g_steal_pointer (&error));
  if (note != NULL && !rf_lead_dao_set_notes_sync (dao, id, note, NULL, &error))
    return rf_cli_fail (cli, g_steal_pointer (&error));
  if ((rescore || dossier) && !run_engine_work (cli, id, rescore, dossier, &error))
    return rf_cli_fail (cli, g_steal_pointer (&error));

  lead = rf_lead_dao_get_sync (dao, id, NULL, &error);
  if (lead == NULL)
    return rf_cli_fail (cli, g_steal_pointer (&error));
  activity_dao = rf_activity_dao_new (cli->database);
  activities = rf_activity_dao_list_sync (activity_dao, id, NULL, &error);
  if (activities == NULL)
    return rf_cli_fail (cli, g_steal_pointer (&error));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) lead_node = NULL;
      JsonObject *object;

      rf_lead_build_json (lead, TRUE, builder);
      lead_node = json_builder_get_root (builder);
      object = json_node_get_object (lead_node);

      json_builder_reset (builder);
      json_builder_begin_array (builder);
      for (guint i = 0; i < activities->len; i++)
        rf_activity_build_json (g_ptr_array_index (activities, i), builder);
      json_builder_end_array (builder);
      json_object_set_member (object, "activities", json_builder_get_root (builder));

      {
        g_autoptr(JsonGenerator) generator = json_generator_new ();
        g_autofree char *text = NULL;

        json_generator_set_root (generator, lead_node);
        json_generator_set_pretty (generator, TRUE);
        text = json_generator_to_data (generator, NULL);
        g_print ("%s\n", text);
      }
    }
  else
    print_lead (lead, activities);

  return RF_CLI_EXIT_OK;
}

int
rf_cli_distribution (RfCli *cli,
                     GStrv  args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  g_autoptr(RfLeadDao) dao = NULL;
  guint counts[RF_N_SCORE_BUCKETS];
  guint total = 0;

  if (args[1] != NULL)
    return rf_cli_usage_error ("distribution", _("Unexpected argument “%s”"), args[1]);

  if (rf_cli_open_database (cli) == NULL)
    return RF_CLI_EXIT_ERROR;
  dao = rf_lead_dao_new (cli->database);
  if (!rf_lead_dao_count_by_bucket_sync (dao, query, counts, NULL, &error))
    return rf_cli_fail (cli, g_steal_pointer (&error));

  for (guint i = 0; i < RF_N_SCORE_BUCKETS; i++)
    total += counts[i];

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      for (guint i = 0; i < RF_N_SCORE_BUCKETS; i++)
        {
          json_builder_set_member_name (builder, rf_score_bucket_to_nick (i));
          json_builder_add_int_value (builder, counts[i]);
        }
      json_builder_set_member_name (builder, "total");
      json_builder_add_int_value (builder, total);
      json_builder_end_object (builder);
      rf_cli_print_json (builder);
    }
  else
    {
      for (guint i = 0; i < RF_N_SCORE_BUCKETS; i++)
        g_print ("%-10s %6u\n", rf_score_bucket_label (i), counts[i]);
      g_print ("%-10s %6u\n", _("Total"), total);
    }

  return RF_CLI_EXIT_OK;
}
