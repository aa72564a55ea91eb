/* rf-answer-anchor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-classify"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rf-answer-anchor.h"
#include "rf-explanation.h"
#include "rf-rules-classifier.h"
#include "rf-scoring.h"

#define SUSPICIOUS_FLAG "suspicious_instructions"

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static const char *
or_rules (const char *answer,
          const char *rules)
{
  if (!is_empty (answer))
    return answer;
  return rules != NULL ? rules : "";
}

static char *
join_strv (const char * const *strv,
           const char         *separator)
{
  return strv != NULL && strv[0] != NULL ? g_strjoinv (separator, (char **) strv) : g_strdup (_("none"));
}

/* Combines the validated @answer with the @rules classification of the
 * same signal: the model's judgement where it is free to judge, the rules'
 * evidence as a ceiling for fit and pain, data quality computed locally.
 * When the signal tries to instruct the model the ceiling has no slack. */
RfClassification *
rf_answer_anchor (RfClassification *answer,
                  RfClassification *rules,
                  const char       *signal_text,
                  const char       *classifier,
                  const char       *prompt_version)
{
  RfClassification *result = rf_classification_copy (answer);
  g_autoptr(GPtrArray) repairs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) explanation = g_string_new (NULL);
  const char * const *chaos = rf_classification_get_meddic_chaos_flags (answer);
  gboolean flagged = chaos != NULL && g_strv_contains (chaos, SUSPICIOUS_FLAG);
  gboolean instructs = rf_signal_text_tries_to_instruct (signal_text) || flagged;
  double fit_ceiling = rf_classification_get_score_fit (rules) + (instructs ? 0 : RF_ANCHOR_FIT_SLACK);
  double pain_ceiling = rf_classification_get_score_pain (rules) + (instructs ? 0 : RF_ANCHOR_PAIN_SLACK);
  double model_fit = rf_classification_get_score_fit (answer);
  double model_pain = rf_classification_get_score_pain (answer);
  double fit = MIN (model_fit, rf_score_clamp (fit_ceiling, RF_SCORE_FIT_MAX));
  double pain = MIN (model_pain, rf_score_clamp (pain_ceiling, RF_SCORE_PAIN_MAX));
  double quality = rf_classification_get_score_data_quality (rules);
  g_autofree char *rules_criteria = join_strv (rf_classification_get_matched_criteria (rules), "; ");
  g_autofree char *model_criteria = join_strv (rf_classification_get_matched_criteria (answer), "; ");
  g_autofree char *keywords = join_strv (rf_classification_get_matched_keywords (rules), ", ");
  g_autofree char *tags = NULL;
  g_autofree char *line = NULL;

  for (guint i = 0; rf_classification_get_repairs (answer) != NULL && rf_classification_get_repairs (answer)[i] != NULL; i++)
    g_ptr_array_add (repairs, g_strdup (rf_classification_get_repairs (answer)[i]));

  rf_classification_set_score_fit (result, fit);
  rf_classification_set_score_pain (result, pain);
  rf_classification_set_score_data_quality (result, quality);
  rf_classification_set_matched_criteria (result, rf_classification_get_matched_criteria (rules));
  rf_classification_set_matched_keywords (result, rf_classification_get_matched_keywords (rules));
  rf_classification_set_classifier (result, classifier);
  rf_classification_set_prompt_version (result, prompt_version);

  if (instructs)
    rf_classification_set_icp_match (result, rf_classification_get_icp_match (rules));
  else
    rf_classification_set_icp_match (result, rf_classification_get_icp_match (answer) &&
                                     rf_classification_get_matched_criteria (rules) != NULL &&
                                     rf_classification_get_matched_criteria (rules)[0] != NULL);

  if (g_str_equal (rf_classification_get_size_bucket (answer), "unknown") && rf_classification_get_size_bucket (rules) != NULL)
    rf_classification_set_size_bucket (result, rf_classification_get_size_bucket (rules));
  if (g_str_equal (rf_classification_get_role_type (answer), "unknown") && rf_classification_get_role_type (rules) != NULL)
    rf_classification_set_role_type (result, rf_classification_get_role_type (rules));
  if (rf_classification_get_pain_tags (answer) == NULL || rf_classification_get_pain_tags (answer)[0] == NULL)
    rf_classification_set_pain_tags (result, rf_classification_get_pain_tags (rules));
  rf_classification_set_spin_situation (result, or_rules (rf_classification_get_spin_situation (answer), rf_classification_get_spin_situation (rules)));
  rf_classification_set_spin_problem (result, or_rules (rf_classification_get_spin_problem (answer), rf_classification_get_spin_problem (rules)));
  rf_classification_set_spin_implication (result, or_rules (rf_classification_get_spin_implication (answer), rf_classification_get_spin_implication (rules)));
  rf_classification_set_spin_need_payoff (result, or_rules (rf_classification_get_spin_need_payoff (answer), rf_classification_get_spin_need_payoff (rules)));
  rf_classification_set_meddic_economic_buyer (result, or_rules (rf_classification_get_meddic_economic_buyer (answer), rf_classification_get_meddic_economic_buyer (rules)));
  rf_classification_set_meddic_key_pain (result, or_rules (rf_classification_get_meddic_key_pain (answer), rf_classification_get_meddic_key_pain (rules)));

  if (instructs && !flagged)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      if (chaos != NULL)
        g_strv_builder_addv (builder, (const char **) chaos);
      g_strv_builder_add (builder, SUSPICIOUS_FLAG);
      {
        g_auto(GStrv) flags = g_strv_builder_end (builder);
        rf_classification_set_meddic_chaos_flags (result, (const char * const *) flags);
      }
    }

  /* Translators: fit score, the model's own fit, the criteria the model named */
  line = g_strdup_printf (_("Fit %.1f/50 from the model (it said %.1f, naming: %s)."), fit, model_fit, model_criteria);
  rf_explanation_append_line (explanation, line);
  g_clear_pointer (&line, g_free);
  if (fit < model_fit)
    {
      /* Translators: the ceiling, then the criteria that really match */
      line = g_strdup_printf (_("Capped at %.1f by the profile criteria the signal really meets: %s."),
                              fit_ceiling > RF_SCORE_FIT_MAX ? RF_SCORE_FIT_MAX : fit_ceiling, rules_criteria);
      rf_explanation_append_line (explanation, line);
      g_ptr_array_add (repairs, g_strdup_printf (_("fit capped from %.1f to %.1f"), model_fit, fit));
      g_clear_pointer (&line, g_free);
    }
  tags = join_strv (rf_classification_get_pain_tags (result), ", ");
  /* Translators: pain score, the model's own pain, tags, keywords */
  line = g_strdup_printf (_("Pain %.1f/40 from the model (it said %.1f): tags %s; profile pain keywords found: %s."),
                          pain, model_pain, tags, keywords);
  rf_explanation_append_line (explanation, line);
  g_clear_pointer (&line, g_free);
  if (pain < model_pain)
    g_ptr_array_add (repairs, g_strdup_printf (_("pain capped from %.1f to %.1f"), model_pain, pain));
  if (instructs)
    rf_explanation_append_line (explanation, _("The signal tries to instruct the model, so the scores get no benefit of the doubt."));

  line = g_strdup_printf (_("Data quality %.1f/10, computed from the lead’s own fields."), quality);
  rf_explanation_append_line (explanation, line);
  rf_explanation_append_classifier (explanation, classifier, prompt_version);
  if (repairs->len > 0)
    {
      g_autofree char *list = rf_join_ptr_array (repairs, "; ");
      g_autofree char *repair_line = g_strdup_printf (_("Repaired in the model’s answer: %s."), list);

      rf_explanation_append_line (explanation, repair_line);
    }
  rf_classification_set_explanation (result, explanation->str);

  g_ptr_array_add (repairs, NULL);
  rf_classification_set_repairs (result, (const char * const *) repairs->pdata);
  return result;
}
