/* rf-score-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include "rf-score-bar.h"

#define BAR_HEIGHT 6.0

struct _RfScoreBar
{
  GtkWidget     parent_instance;

  double        score;
  RfScoreBucket bucket;
};

G_DEFINE_FINAL_TYPE (RfScoreBar, rf_score_bar, GTK_TYPE_WIDGET)

void
rf_gui_bucket_color (GtkWidget     *widget,
                     RfScoreBucket  bucket,
                     GdkRGBA       *color)
{
  /* Named colours of style.css and style-dark.css; the fallbacks are the
   * GNOME palette, for when the stylesheet is not loaded (tests). */
  static const char * const names[RF_N_SCORE_BUCKETS] = { "rf_red_hot", "rf_warm", "rf_nurture", "rf_parked" };
  static const char * const fallbacks[RF_N_SCORE_BUCKETS] = { "#e01b24", "#e66100", "#1c71d8", "#77767b" };
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  g_return_if_fail ((guint)bucket < RF_N_SCORE_BUCKETS);

  if (!gtk_style_context_lookup_color (context, names[bucket], color))
    gdk_rgba_parse (color, fallbacks[bucket]);
}

static void
rf_score_bar_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  RfScoreBar *self = RF_SCORE_BAR (widget);
  double width = gtk_widget_get_width (widget);
  double y = (gtk_widget_get_height (widget) - BAR_HEIGHT) / 2;
  GskRoundedRect track;
  GdkRGBA fill;
  GdkRGBA trough;

  rf_gui_bucket_color (widget, self->bucket, &fill);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &trough);
  trough.alpha *= 0.12;

  gsk_rounded_rect_init_from_rect (&track, &GRAPHENE_RECT_INIT (0, y, width, BAR_HEIGHT), BAR_HEIGHT / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &track);
  gtk_snapshot_append_color (snapshot, &trough, &track.bounds);
  gtk_snapshot_append_color (snapshot, &fill,
                             &GRAPHENE_RECT_INIT (0, y, width * CLAMP (self->score / 100.0, 0, 1), BAR_HEIGHT));
  gtk_snapshot_pop (snapshot);
}

static void
rf_score_bar_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 24 : (int)BAR_HEIGHT;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 60 : (int)BAR_HEIGHT;
}

static void
rf_score_bar_class_init (RfScoreBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = rf_score_bar_snapshot;
  widget_class->measure = rf_score_bar_measure;
  gtk_widget_class_set_css_name (widget_class, "scorebar");
  /* The score is read out by the number beside it. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
rf_score_bar_init (RfScoreBar *self)
{
  self->bucket = RF_SCORE_BUCKET_PARKED;
}

GtkWidget *
rf_score_bar_new (void)
{
  return g_object_new (RF_TYPE_SCORE_BAR, NULL);
}

void
rf_score_bar_set_score (RfScoreBar    *self,
                        double         score,
                        RfScoreBucket  bucket)
{
  g_return_if_fail (RF_IS_SCORE_BAR (self));

  if (self->score == score && self->bucket == bucket)
    return;
  self->score = score;
  self->bucket = bucket;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
