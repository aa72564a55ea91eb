/* rf-rules-classifier.c: fit from the profile's criteria, pain from its
 * pain keywords and a built-in lexicon, no network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-classify"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rf-data-quality.h"
#include "rf-explanation.h"
#include "rf-icp-fit.h"
#include "rf-pain-lexicon.h"
#include "rf-rules-classifier.h"
#include "rf-scoring.h"
#include "rf-text-match.h"

#define PAIN_PER_KEYWORD 15.0
#define PAIN_PER_TAG      8.0
#define PAIN_URGENCY      5.0
#define PAIN_MARKETING_HIRE 5.0
#define SPIN_MAX_CHARS    240

struct _RfRulesClassifier
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (RfRulesClassifier, rf_rules_classifier, G_TYPE_OBJECT)

static void
rf_rules_classifier_class_init (RfRulesClassifierClass *klass)
{
}

static void
rf_rules_classifier_init (RfRulesClassifier *self)
{
}

RfRulesClassifier *
rf_rules_classifier_new (void)
{
  return g_object_new (RF_TYPE_RULES_CLASSIFIER, NULL);
}

gboolean
rf_signal_text_tries_to_instruct (const char *text)
{
  g_autoptr(RfMatchText) match = NULL;

  if (text == NULL)
    return FALSE;
  match = rf_match_text_new (text, -1);
  return rf_match_text_find_any (match, rf_pain_lexicon_get_injection ()) != NULL;
}

static char *
shorten (const char *text,
         gsize       length)
{
  g_autofree char *copy = g_strndup (text, length);
  char *stripped = g_strstrip (copy);

  if (g_utf8_strlen (stripped, -1) > SPIN_MAX_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (stripped, 0, SPIN_MAX_CHARS - 1);

      return g_strconcat (cut, "…", NULL);
    }
  return g_strdup (stripped);
}

/* Where the sentence from @start ends: at a line break, or a ".", "!" or
 * "?" followed by a space or the end ("glowbar.co" and "3.5" go on). */
static const char *
sentence_end (const char *start)
{
  const char *end = start;

  for (;;)
    {
      end += strcspn (end, ".!?\n");
      if (*end == '\0' || *end == '\n' || end[1] == '\0' || g_ascii_isspace (end[1])
          || end[1] == '"' || end[1] == ')')
        return end;
      end++;
    }
}

/* The sentence of @text that holds @folded_phrase, or the first sentence
 * when @folded_phrase is NULL. */
static char *
find_sentence (const char *text,
               const char *folded_phrase)
{
  const char *start = text;

  while (start != NULL && *start != '\0')
    {
      const char *end = sentence_end (start);
      g_autoptr(RfMatchText) sentence = NULL;

      if (folded_phrase == NULL)
        {
          if (end > start)
            {
              g_autofree char *candidate = shorten (start, end - start);

              if (*candidate != '\0')
                return g_steal_pointer (&candidate);
            }
        }
      else
        {
          sentence = rf_match_text_new (start, end - start);
          if (rf_match_text_contains_folded (sentence, folded_phrase))
            return shorten (start, end - start);
        }
      start = *end != '\0' ? end + 1 : end;
    }
  return NULL;
}

static const char *
detect_role_type (RfMatchText *text)
{
  guint n_roles;
  const RfRoleType *roles = rf_pain_lexicon_get_role_types (&n_roles);

  for (guint i = 0; i < n_roles; i++)
    if (rf_match_text_find_any (text, roles[i].phrases) != NULL)
      return roles[i].role_type;
  return "unknown";
}

static char *
detect_economic_buyer (RfMatchText *text,
                       RfContact   *contact)
{
  const char *title = contact != NULL ? rf_contact_get_title (contact) : NULL;
  const char *name = contact != NULL ? rf_contact_get_name (contact) : NULL;

  if (title != NULL && *title != '\0')
    {
      g_autoptr(RfMatchText) title_text = rf_match_text_new (title, -1);

      if (rf_match_text_find_any (title_text, rf_pain_lexicon_get_buyer_titles ()) != NULL)
        return name != NULL && *name != '\0' ? g_strdup_printf ("%s (%s)", name, title) : g_strdup (title);
    }
  if (rf_match_text_contains_folded (text, "founder") || rf_match_text_contains_folded (text, "co founder"))
    return g_strdup (_("The founder"));
  if (rf_match_text_contains_folded (text, "ceo"))
    return g_strdup (_("The CEO"));
  return g_strdup ("");
}

static char **
ptr_array_to_strv (GPtrArray *array)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **strv;

  for (guint i = 0; i < array->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (array, i));
  strv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return strv;
}

/* Classifies @signal (with its company and contact, each may be NULL)
 * against @profile (NULL: no profile). Deterministic and thread-safe. */
RfClassification *
rf_rules_classifier_classify (RfRulesClassifier *self,
                              RfIcpProfile      *profile,
                              RfSignal          *signal,
                              RfCompany         *company,
                              RfContact         *contact)
{
  const char *raw = rf_signal_get_raw_text (signal);
  g_autoptr(RfMatchText) text = NULL;
  g_autoptr(RfIcpFit) fit = NULL;
  g_autoptr(GPtrArray) keywords = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GPtrArray) chaos = g_ptr_array_new ();
  g_autoptr(GString) explanation = g_string_new (NULL);
  g_autoptr(GString) quality_parts = g_string_new (NULL);
  g_auto(GStrv) tag_strv = NULL;
  g_auto(GStrv) keyword_strv = NULL;
  g_auto(GStrv) chaos_strv = NULL;
  g_auto(GStrv) criteria_strv = NULL;
  g_autofree char *situation = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *buyer = NULL;
  const char *first_pain_phrase = NULL;
  const RfPainTag *lexicon;
  const RfPainTag *top_tag = NULL;
  guint n_tags;
  double pain = 0, quality;
  RfClassification *result;

  g_return_val_if_fail (RF_IS_RULES_CLASSIFIER (self), NULL);
  g_return_val_if_fail (RF_IS_SIGNAL (signal), NULL);

  text = rf_match_text_new (raw, -1);
  if (company != NULL)
    {
      rf_match_text_append (text, rf_company_get_industry (company));
      rf_match_text_append (text, rf_company_get_location (company));
    }
  if (contact != NULL)
    rf_match_text_append (text, rf_contact_get_title (contact));
  if (signal != NULL)
    rf_match_text_append (text, rf_signal_get_extra_text (signal));

  fit = rf_icp_fit_compute (profile, text, company);

  for (guint i = 0; profile != NULL && rf_icp_profile_get_pain_keywords (profile) != NULL &&
                    rf_icp_profile_get_pain_keywords (profile)[i] != NULL; i++)
    {
      const char *keyword = rf_icp_profile_get_pain_keywords (profile)[i];

      if (rf_match_text_contains (text, keyword))
        {
          g_ptr_array_add (keywords, g_strdup (keyword));
          if (keywords->len <= 3)
            pain += PAIN_PER_KEYWORD;
        }
    }

  lexicon = rf_pain_lexicon_get_tags (&n_tags);
  for (guint i = 0; i < n_tags; i++)
    {
      const char *phrase = rf_match_text_find_any (text, lexicon[i].phrases);

      if (phrase == NULL)
        continue;
      g_ptr_array_add (tags, (gpointer) lexicon[i].tag);
      pain += PAIN_PER_TAG;
      if (top_tag == NULL)
        {
          top_tag = &lexicon[i];
          first_pain_phrase = phrase;
        }
    }
  if (rf_match_text_find_any (text, rf_pain_lexicon_get_urgency ()) != NULL)
    pain += PAIN_URGENCY;
  /* Hiring for marketing is itself a sign the work is not getting done. */
  if (rf_text_mentions_marketing_hire (text))
    pain += PAIN_MARKETING_HIRE;
  pain = rf_score_clamp (pain, RF_SCORE_PAIN_MAX);

  for (guint i = 0; rf_pain_lexicon_get_chaos ()[i] != NULL; i++)
    if (rf_match_text_contains_folded (text, rf_pain_lexicon_get_chaos ()[i]))
      g_ptr_array_add (chaos, (gpointer) rf_pain_lexicon_get_chaos ()[i]);

  quality = rf_data_quality_compute (signal, company, contact, quality_parts);

  situation = raw != NULL ? find_sentence (raw, NULL) : NULL;
  if (raw != NULL && first_pain_phrase != NULL)
    problem = find_sentence (raw, first_pain_phrase);
  else if (raw != NULL && keywords->len > 0)
    {
      g_autofree char *folded = rf_match_fold (g_ptr_array_index (keywords, 0), -1);

      problem = find_sentence (raw, folded);
    }
  buyer = detect_economic_buyer (text, contact);

  rf_explanation_append_fit (explanation, fit->score, fit, profile != NULL ? rf_icp_profile_get_name (profile) : NULL);
  rf_explanation_append_pain (explanation, pain, keywords, tags);
  rf_explanation_append_quality (explanation, quality, quality_parts->str);
  rf_explanation_append_classifier (explanation, RF_RULES_CLASSIFIER_NAME, RF_RULES_CLASSIFIER_VERSION);

  g_ptr_array_add (tags, NULL);
  g_ptr_array_add (chaos, NULL);
  tag_strv = g_strdupv ((char **) tags->pdata);
  chaos_strv = g_strdupv ((char **) chaos->pdata);
  keyword_strv = ptr_array_to_strv (keywords);
  /* The criteria met, then those met in part. */
  g_ptr_array_extend (fit->matched, fit->partial, (GCopyFunc) g_strdup, NULL);
  criteria_strv = ptr_array_to_strv (fit->matched);

  result = rf_classification_new ();
  rf_classification_set_icp_match (result, fit->has_profile ? fit->score >= RF_SCORE_FIT_MAX / 2 : FALSE);
  rf_classification_set_size_bucket (result, fit->size_bucket != NULL ? fit->size_bucket : "unknown");
  rf_classification_set_role_type (result, detect_role_type (text));
  rf_classification_set_score_fit (result, fit->score);
  rf_classification_set_score_pain (result, pain);
  rf_classification_set_score_data_quality (result, quality);
  rf_classification_set_pain_tags (result, (const char * const *) tag_strv);
  rf_classification_set_spin_situation (result, situation != NULL ? situation : "");
  rf_classification_set_spin_problem (result, problem != NULL ? problem : "");
  rf_classification_set_spin_implication (result, top_tag != NULL ? _(top_tag->implication) : "");
  rf_classification_set_spin_need_payoff (result, top_tag != NULL ? _(top_tag->need_payoff) : "");
  rf_classification_set_meddic_economic_buyer (result, buyer);
  rf_classification_set_meddic_key_pain (result, top_tag != NULL ? _(top_tag->label)
                                                 : keywords->len > 0 ? (const char *) g_ptr_array_index (keywords, 0) : "");
  rf_classification_set_meddic_chaos_flags (result, (const char * const *) chaos_strv);
  rf_classification_set_classifier (result, RF_RULES_CLASSIFIER_NAME);
  rf_classification_set_prompt_version (result, RF_RULES_CLASSIFIER_VERSION);
  rf_classification_set_matched_criteria (result, (const char * const *) criteria_strv);
  rf_classification_set_matched_keywords (result, (const char * const *) keyword_strv);
  rf_classification_set_explanation (result, explanation->str);
  return result;
}
