/* rf-scoring.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-classify"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rf-scoring.h"

/* Into [0, max]; NaN counts as nothing. */
double
rf_score_clamp (double value,
                double max)
{
  if (isnan (value) || value <= 0)
    return 0;
  if (value >= max)
    return max;
  return value;
}

/* Scores move in half points: finer would be false precision, and halves
 * print exactly in JSON. */
double
rf_score_round (double value)
{
  if (!isfinite (value))
    return 0;
  return round (value * 2) / 2;
}

/* Fit (0-50) + pain (0-40) + data quality (0-10), each clamped first, so
 * the total is always within 0-100. */
double
rf_score_total (double fit,
                double pain,
                double data_quality)
{
  return rf_score_clamp (fit, RF_SCORE_FIT_MAX) +
         rf_score_clamp (pain, RF_SCORE_PAIN_MAX) +
         rf_score_clamp (data_quality, RF_SCORE_DATA_QUALITY_MAX);
}

/* red_hot 80-100, warm 60-79, nurture 40-59, parked below 40. */
RfScoreBucket
rf_score_bucket_for_total (double total)
{
  if (isnan (total))
    return RF_SCORE_BUCKET_PARKED;
  if (total >= RF_BUCKET_RED_HOT_MIN)
    return RF_SCORE_BUCKET_RED_HOT;
  if (total >= RF_BUCKET_WARM_MIN)
    return RF_SCORE_BUCKET_WARM;
  if (total >= RF_BUCKET_NURTURE_MIN)
    return RF_SCORE_BUCKET_NURTURE;
  return RF_SCORE_BUCKET_PARKED;
}

/* The name a person reads: "Red hot", "Warm", ... */
const char *
rf_score_bucket_label (RfScoreBucket bucket)
{
  switch (bucket)
    {
    case RF_SCORE_BUCKET_RED_HOT: return _("Red hot");
    case RF_SCORE_BUCKET_WARM: return _("Warm");
    case RF_SCORE_BUCKET_NURTURE: return _("Nurture");
    case RF_SCORE_BUCKET_PARKED: return _("Parked");
    default: return _("Unknown");
    }
}
