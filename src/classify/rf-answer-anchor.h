/* rf-answer-anchor.h: a model's classification held to what the profile's
 * criteria support
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-classification.h"

G_BEGIN_DECLS

/* How far a model may go past the rules' evidence when the signal does not
 * try to instruct it: enough for what rules miss ("online shop" for
 * "ecommerce"), not enough to turn a stranger into a red-hot lead. */
#define RF_ANCHOR_FIT_SLACK  10.0
#define RF_ANCHOR_PAIN_SLACK 20.0

RfClassification *rf_answer_anchor (RfClassification *answer,
                                    RfClassification *rules,
                                    const char       *signal_text,
                                    const char       *classifier,
                                    const char       *prompt_version);

G_END_DECLS
