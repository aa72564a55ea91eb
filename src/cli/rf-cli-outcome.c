/* rf-cli-outcome.c: a classified lead as the seed's classify response
 * shape, and as text, shared by classify and ingest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "rf-cli.h"
#include "rf-model-json.h"
#include "rf-scoring.h"

static void
add_optional_id (JsonBuilder *builder,
                 const char  *name,
                 gint64       id)
{
  json_builder_set_member_name (builder, name);
  if (id > 0)
    json_builder_add_int_value (builder, id);
  else
    json_builder_add_null_value (builder);
}

/* The seed's response shape, with what the desktop edition adds. */
void
rf_cli_build_outcome_json (JsonBuilder       *builder,
                    RfClassifyOutcome *outcome)
{
  RfLead *lead = outcome->lead;
  RfClassification *classification = rf_lead_get_classification (lead);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "icp_match");
  json_builder_add_boolean_value (builder, rf_classification_get_icp_match (classification));
  json_builder_set_member_name (builder, "total_score");
  json_builder_add_double_value (builder, rf_lead_get_total_score (lead));
  json_builder_set_member_name (builder, "score_bucket");
  json_builder_add_string_value (builder, rf_enum_to_nick (RF_TYPE_SCORE_BUCKET, rf_lead_get_score_bucket (lead)));
  json_builder_set_member_name (builder, "classification");
  rf_classification_build_json (classification, builder);
  add_optional_id (builder, "company_id", rf_lead_get_company_id (lead));
  add_optional_id (builder, "contact_id", rf_lead_get_contact_id (lead));
  add_optional_id (builder, "icp_id", rf_lead_get_icp_id (lead));
  json_builder_set_member_name (builder, "lead_id");
  json_builder_add_int_value (builder, rf_lead_get_id (lead));
  json_builder_set_member_name (builder, "duplicate");
  json_builder_add_boolean_value (builder, outcome->duplicate);
  json_builder_set_member_name (builder, "ollama_error");
  if (outcome->ollama_error != NULL)
    json_builder_add_string_value (builder, outcome->ollama_error->message);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

void
rf_cli_print_outcome (RfClassifyOutcome *outcome)
{
  RfLead *lead = outcome->lead;
  RfClassification *c = rf_lead_get_classification (lead);
  const char * const *tags = rf_classification_get_pain_tags (c);
  g_autofree char *tag_list = tags != NULL && tags[0] != NULL ? g_strjoinv (", ", (char **) tags) : g_strdup ("—");
  g_auto(GStrv) lines = g_strsplit (rf_classification_get_explanation (c) != NULL ? rf_classification_get_explanation (c) : "", "\n", -1);

  /* Translators: lead id, total score, bucket label, then the company */
  g_print (_("Lead %" PRId64 ": %.1f, %s (%s)%s\n"), rf_lead_get_id (lead), rf_lead_get_total_score (lead),
           rf_score_bucket_label (rf_lead_get_score_bucket (lead)),
           rf_lead_get_company_name (lead) != NULL ? rf_lead_get_company_name (lead) : _("no company"),
           outcome->duplicate ? _(", seen before") : "");
  g_print (_("  Fit %.1f/50, pain %.1f/40, data quality %.1f/10\n"), rf_classification_get_score_fit (c),
           rf_classification_get_score_pain (c), rf_classification_get_score_data_quality (c));
  g_print (_("  Role %s, size %s, tags %s\n"), rf_classification_get_role_type (c),
           rf_classification_get_size_bucket (c), tag_list);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_print ("  %s\n", lines[i]);
}
