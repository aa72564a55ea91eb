/* rf-scoring.h: the seed's scoring formula and buckets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-enums.h"

G_BEGIN_DECLS

#define RF_SCORE_FIT_MAX          50.0
#define RF_SCORE_PAIN_MAX         40.0
#define RF_SCORE_DATA_QUALITY_MAX 10.0

#define RF_BUCKET_RED_HOT_MIN 80.0
#define RF_BUCKET_WARM_MIN    60.0
#define RF_BUCKET_NURTURE_MIN 40.0

double        rf_score_clamp             (double        value,
                                          double        max);
double        rf_score_round             (double        value);
double        rf_score_total             (double        fit,
                                          double        pain,
                                          double        data_quality);
RfScoreBucket rf_score_bucket_for_total  (double        total);
const char   *rf_score_bucket_label      (RfScoreBucket bucket);

G_END_DECLS
