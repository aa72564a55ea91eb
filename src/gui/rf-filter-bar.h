/* rf-filter-bar.h: bucket toggles with counts, the score chart, minimum
 * score and status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rf-lead-dao.h"

G_BEGIN_DECLS

#define RF_TYPE_FILTER_BAR (rf_filter_bar_get_type ())

/* Emits "changed" when the user changes a filter. */
G_DECLARE_FINAL_TYPE (RfFilterBar, rf_filter_bar, RF, FILTER_BAR, GtkWidget)

GtkWidget *rf_filter_bar_new             (void);
/* Writes the bucket mask, minimum score and status mask into @query. */
void       rf_filter_bar_apply           (RfFilterBar *self,
                                          RfLeadQuery *query);
void       rf_filter_bar_set_counts      (RfFilterBar *self,
                                          const guint  counts[RF_N_SCORE_BUCKETS]);
guint      rf_filter_bar_get_count       (RfFilterBar  *self,
                                          RfScoreBucket bucket);
void       rf_filter_bar_set_bins        (RfFilterBar *self,
                                          const guint  bins[RF_SCORE_HISTOGRAM_BINS]);
guint      rf_filter_bar_get_bucket_mask (RfFilterBar *self);
void       rf_filter_bar_set_bucket_mask (RfFilterBar *self,
                                          guint        mask);
/* Shows only @bucket, or every bucket when it was the only one shown. */
void       rf_filter_bar_toggle_only     (RfFilterBar  *self,
                                          RfScoreBucket bucket);
void       rf_filter_bar_reset           (RfFilterBar *self);

G_END_DECLS
