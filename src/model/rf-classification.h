/* rf-classification.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RF_TYPE_CLASSIFICATION (rf_classification_get_type ())

/* What a classifier concluded about a signal. */
G_DECLARE_FINAL_TYPE (RfClassification, rf_classification, RF, CLASSIFICATION, GObject)

RfClassification   *rf_classification_new                       (void);
RfClassification   *rf_classification_copy                      (RfClassification *self);
gboolean            rf_classification_get_icp_match             (RfClassification *self);
void                rf_classification_set_icp_match             (RfClassification *self,
                                                                 gboolean          value);
const char         *rf_classification_get_size_bucket           (RfClassification *self);
void                rf_classification_set_size_bucket           (RfClassification *self,
                                                                 const char       *value);
const char         *rf_classification_get_role_type             (RfClassification *self);
void                rf_classification_set_role_type             (RfClassification *self,
                                                                 const char       *value);
double              rf_classification_get_score_fit             (RfClassification *self);
void                rf_classification_set_score_fit             (RfClassification *self,
                                                                 double            value);
double              rf_classification_get_score_pain            (RfClassification *self);
void                rf_classification_set_score_pain            (RfClassification *self,
                                                                 double            value);
double              rf_classification_get_score_data_quality    (RfClassification *self);
void                rf_classification_set_score_data_quality    (RfClassification *self,
                                                                 double            value);
const char * const *rf_classification_get_pain_tags             (RfClassification *self);
void                rf_classification_set_pain_tags             (RfClassification   *self,
                                                                 const char * const *value);
const char         *rf_classification_get_spin_situation        (RfClassification *self);
void                rf_classification_set_spin_situation        (RfClassification *self,
                                                                 const char       *value);
const char         *rf_classification_get_spin_problem          (RfClassification *self);
void                rf_classification_set_spin_problem          (RfClassification *self,
                                                                 const char       *value);
const char         *rf_classification_get_spin_implication      (RfClassification *self);
void                rf_classification_set_spin_implication      (RfClassification *self,
                                                                 const char       *value);
const char         *rf_classification_get_spin_need_payoff      (RfClassification *self);
void                rf_classification_set_spin_need_payoff      (RfClassification *self,
                                                                 const char       *value);
const char         *rf_classification_get_meddic_economic_buyer (RfClassification *self);
void                rf_classification_set_meddic_economic_buyer (RfClassification *self,
                                                                 const char       *value);
const char         *rf_classification_get_meddic_key_pain       (RfClassification *self);
void                rf_classification_set_meddic_key_pain       (RfClassification *self,
                                                                 const char       *value);
const char * const *rf_classification_get_meddic_chaos_flags    (RfClassification *self);
void                rf_classification_set_meddic_chaos_flags    (RfClassification   *self,
                                                                 const char * const *value);
const char         *rf_classification_get_classifier            (RfClassification *self);
void                rf_classification_set_classifier            (RfClassification *self,
                                                                 const char       *value);
const char         *rf_classification_get_prompt_version        (RfClassification *self);
void                rf_classification_set_prompt_version        (RfClassification *self,
                                                                 const char       *value);
const char         *rf_classification_get_explanation           (RfClassification *self);
void                rf_classification_set_explanation           (RfClassification *self,
                                                                 const char       *value);
const char * const *rf_classification_get_matched_criteria      (RfClassification *self);
void                rf_classification_set_matched_criteria      (RfClassification   *self,
                                                                 const char * const *value);
const char * const *rf_classification_get_matched_keywords      (RfClassification *self);
void                rf_classification_set_matched_keywords      (RfClassification   *self,
                                                                 const char * const *value);
const char * const *rf_classification_get_repairs               (RfClassification *self);
void                rf_classification_set_repairs               (RfClassification   *self,
                                                                 const char * const *value);

G_END_DECLS
