/* rf-engine-requests.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-engine"

#include "config.h"

#include "rf-engine-requests.h"
#include "rf-enums.h"

static void
describe_list (GString            *out,
               const char         *label,
               const char * const *values)
{
  g_string_append_printf (out, "- %s: ", label);
  if (values == NULL || values[0] == NULL)
    g_string_append (out, "any");
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", values[i]);
  g_string_append_c (out, '\n');
}

/* The profile as the model reads it; English, as the prompt is. */
char *
rf_icp_profile_describe (RfIcpProfile *profile)
{
  GString *out = g_string_new (NULL);

  if (profile == NULL)
    {
      g_string_append (out, "None defined: judge fit only by signs of a small company hiring for marketing.");
      return g_string_free (out, FALSE);
    }
  g_string_append_printf (out, "Name: %s\n", rf_icp_profile_get_name (profile));
  if (rf_icp_profile_get_description (profile) != NULL && *rf_icp_profile_get_description (profile) != '\0')
    g_string_append_printf (out, "Description: %s\n", rf_icp_profile_get_description (profile));
  describe_list (out, "industry", rf_icp_profile_get_industries (profile));
  describe_list (out, "size", rf_icp_profile_get_size_buckets (profile));
  describe_list (out, "location", rf_icp_profile_get_locations (profile));
  describe_list (out, "hiring", rf_icp_profile_get_hiring_keywords (profile));
  describe_list (out, "pain keywords", rf_icp_profile_get_pain_keywords (profile));
  return g_string_free (out, FALSE);
}

static const char *
or_unknown (const char *value)
{
  return value != NULL && *value != '\0' ? value : "unknown";
}

static char *
describe_contact (RfContact *contact)
{
  if (contact == NULL)
    return g_strdup ("unknown");
  return g_strdup_printf ("%s%s%s", or_unknown (rf_contact_get_name (contact)),
                          rf_contact_get_title (contact) != NULL && *rf_contact_get_title (contact) ? ", " : "",
                          rf_contact_get_title (contact) != NULL ? rf_contact_get_title (contact) : "");
}

static GHashTable *
common_values (RfLeadContext *context)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (values, (char *) "profile", rf_icp_profile_describe (context->profile));
  g_hash_table_insert (values, (char *) "source",
                       g_strdup (rf_enum_to_nick (RF_TYPE_SOURCE_TYPE, rf_signal_get_source_type (context->signal))));
  g_hash_table_insert (values, (char *) "company",
                       g_strdup (or_unknown (context->company != NULL ? rf_company_get_name (context->company) : NULL)));
  g_hash_table_insert (values, (char *) "website",
                       g_strdup (or_unknown (context->company != NULL ? rf_company_get_website (context->company) : NULL)));
  g_hash_table_insert (values, (char *) "contact", describe_contact (context->contact));
  g_hash_table_insert (values, (char *) "signal", rf_prompt_quote_signal (rf_signal_get_raw_text (context->signal)));
  return values;
}

static RfOllamaChatRequest *
request_for (RfPrompt   *prompt,
             const char *model,
             GHashTable *values,
             double      temperature,
             int         num_ctx)
{
  g_autofree char *user = rf_prompt_render_user (prompt, values);
  RfOllamaChatRequest *request = rf_ollama_chat_request_new (model, rf_prompt_get_system (prompt), user);

  request->format = json_node_copy (rf_prompt_get_schema (prompt));
  request->temperature = temperature;
  request->num_ctx = num_ctx;
  request->seed = RF_REQUEST_SEED;
  request->keep_alive = g_strdup (RF_KEEP_ALIVE);
  return request;
}

RfOllamaChatRequest *
rf_engine_classify_request (RfPrompt      *prompt,
                            const char    *model,
                            RfLeadContext *context)
{
  g_autoptr(GHashTable) values = common_values (context);

  return request_for (prompt, model, values, RF_CLASSIFY_TEMPERATURE, RF_CLASSIFY_NUM_CTX);
}

RfOllamaChatRequest *
rf_engine_dossier_request (RfPrompt      *prompt,
                           const char    *model,
                           RfLeadContext *context)
{
  g_autoptr(GHashTable) values = common_values (context);
  RfClassification *classification = rf_lead_get_classification (context->lead);
  const char * const *tags = rf_classification_get_pain_tags (classification);

  g_hash_table_insert (values, (char *) "fit", g_strdup_printf ("%.0f", rf_classification_get_score_fit (classification)));
  g_hash_table_insert (values, (char *) "pain", g_strdup_printf ("%.0f", rf_classification_get_score_pain (classification)));
  g_hash_table_insert (values, (char *) "total", g_strdup_printf ("%.0f", rf_lead_get_total_score (context->lead)));
  g_hash_table_insert (values, (char *) "pain_tags",
                       tags != NULL && tags[0] != NULL ? g_strjoinv (", ", (char **) tags) : g_strdup ("none"));
  g_hash_table_insert (values, (char *) "situation", g_strdup (or_unknown (rf_classification_get_spin_situation (classification))));
  g_hash_table_insert (values, (char *) "problem", g_strdup (or_unknown (rf_classification_get_spin_problem (classification))));
  return request_for (prompt, model, values, RF_DOSSIER_TEMPERATURE, RF_DOSSIER_NUM_CTX);
}
