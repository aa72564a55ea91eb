/* rf-score-chart.h: the score distribution as a small histogram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rf-enums.h"
#include "rf-lead-dao.h"

G_BEGIN_DECLS

#define RF_TYPE_SCORE_CHART (rf_score_chart_get_type ())

/* Ten bars of ten points each, coloured by the bucket they fall in.
 * Clicking a bar emits "bucket-activated" with its bucket. */
G_DECLARE_FINAL_TYPE (RfScoreChart, rf_score_chart, RF, SCORE_CHART, GtkWidget)

GtkWidget     *rf_score_chart_new             (void);
void           rf_score_chart_set_bins        (RfScoreChart *self,
                                               const guint   bins[RF_SCORE_HISTOGRAM_BINS]);
guint          rf_score_chart_get_bin         (RfScoreChart *self,
                                               guint         bin);
/* Buckets not in @mask are drawn dimmed; 0 dims none. */
void           rf_score_chart_set_bucket_mask (RfScoreChart *self,
                                               guint         mask);
/* The bar under @x (widget coordinates), or -1. */
int            rf_score_chart_bin_at          (RfScoreChart *self,
                                               double        x);
RfScoreBucket  rf_score_chart_bin_bucket      (guint         bin);

G_END_DECLS
