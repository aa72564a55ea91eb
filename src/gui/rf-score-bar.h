/* rf-score-bar.h: a thin bar, coloured by bucket, for the score column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rf-enums.h"

G_BEGIN_DECLS

#define RF_TYPE_SCORE_BAR (rf_score_bar_get_type ())

/* Hundreds of these are on screen: one widget, no CSS nodes inside,
 * drawn with two rectangles (a GtkProgressBar has three nodes). */
G_DECLARE_FINAL_TYPE (RfScoreBar, rf_score_bar, RF, SCORE_BAR, GtkWidget)

GtkWidget *rf_score_bar_new       (void);
void       rf_score_bar_set_score (RfScoreBar    *self,
                                   double         score,
                                   RfScoreBucket  bucket);

/* The bucket's colour in the current style (style.css, style-dark.css). */
void       rf_gui_bucket_color    (GtkWidget     *widget,
                                   RfScoreBucket  bucket,
                                   GdkRGBA       *color);

G_END_DECLS
