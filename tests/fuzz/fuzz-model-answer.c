/* fuzz-model-answer.c: whatever a model answers is validated, repaired or
 * refused, then anchored, never trusted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdint.h>

#include "rf-answer-anchor.h"
#include "rf-answer-validator.h"
#include "rf-scoring.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_scores (RfClassification *c)
{
  double fit = rf_classification_get_score_fit (c);
  double pain = rf_classification_get_score_pain (c);

  g_assert_true (isfinite (fit) && fit >= 0 && fit <= RF_SCORE_FIT_MAX);
  g_assert_true (isfinite (pain) && pain >= 0 && pain <= RF_SCORE_PAIN_MAX);
  g_assert_nonnull (rf_classification_get_size_bucket (c));
  g_assert_nonnull (rf_classification_get_role_type (c));
  g_assert_true (g_utf8_validate (rf_classification_get_spin_situation (c), -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfClassification) answer = rf_classification_answer_parse ((const char *) data, size, &error);
  g_autoptr(GError) dossier_error = NULL;
  g_autoptr(RfDossier) dossier = rf_dossier_answer_parse ((const char *) data, size, &dossier_error);

  g_assert_true ((answer == NULL) == (error != NULL));
  g_assert_true ((dossier == NULL) == (dossier_error != NULL));
  if (answer != NULL)
    {
      g_autoptr(RfClassification) rules = rf_classification_new ();
      g_autoptr(RfClassification) anchored = NULL;

      check_scores (answer);
      rf_classification_set_score_fit (rules, 20);
      rf_classification_set_score_pain (rules, 10);
      anchored = rf_answer_anchor (answer, rules, "text", "ollama:fuzz", "classify-1");
      check_scores (anchored);
      g_assert_cmpfloat (rf_classification_get_score_fit (anchored), <=, 20 + RF_ANCHOR_FIT_SLACK);
      g_assert_cmpfloat (rf_classification_get_score_pain (anchored), <=, 10 + RF_ANCHOR_PAIN_SLACK);
    }
  if (dossier != NULL)
    g_assert_cmpuint (g_strv_length ((char **) rf_dossier_get_why_pain (dossier)), <=, 3);
  return 0;
}
