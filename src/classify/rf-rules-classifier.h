/* rf-rules-classifier.h: the built-in, offline, deterministic classifier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-classification.h"
#include "rf-company.h"
#include "rf-contact.h"
#include "rf-icp-profile.h"
#include "rf-signal.h"

G_BEGIN_DECLS

#define RF_RULES_CLASSIFIER_NAME    "rules"
#define RF_RULES_CLASSIFIER_VERSION "rules-2"

#define RF_TYPE_RULES_CLASSIFIER (rf_rules_classifier_get_type ())

G_DECLARE_FINAL_TYPE (RfRulesClassifier, rf_rules_classifier, RF, RULES_CLASSIFIER, GObject)

RfRulesClassifier *rf_rules_classifier_new      (void);
RfClassification  *rf_rules_classifier_classify (RfRulesClassifier *self,
                                                 RfIcpProfile      *profile,
                                                 RfSignal          *signal,
                                                 RfCompany         *company,
                                                 RfContact         *contact);
gboolean           rf_signal_text_tries_to_instruct (const char    *text);

G_END_DECLS
