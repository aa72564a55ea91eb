/* rf-score-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-gui-labels.h"
#include "rf-score-bar.h"
#include "rf-score-chart.h"
#include "rf-scoring.h"

#define BAR_GAP 2.0
#define MIN_BAR 2.0

struct _RfScoreChart
{
  GtkWidget  parent_instance;

  guint      bins[RF_SCORE_HISTOGRAM_BINS];
  guint      bucket_mask;
};

G_DEFINE_FINAL_TYPE (RfScoreChart, rf_score_chart, GTK_TYPE_WIDGET)

enum {
  SIGNAL_BUCKET_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

RfScoreBucket
rf_score_chart_bin_bucket (guint bin)
{
  g_return_val_if_fail (bin < RF_SCORE_HISTOGRAM_BINS, RF_SCORE_BUCKET_PARKED);

  /* The low edge of the bin decides: bins are aligned with the buckets. */
  return rf_score_bucket_for_total (bin * 10.0);
}

static void
rf_score_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  RfScoreChart *self = RF_SCORE_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double bar_width = (width - BAR_GAP * (RF_SCORE_HISTOGRAM_BINS - 1)) / RF_SCORE_HISTOGRAM_BINS;
  guint max = 0;

  for (guint i = 0; i < RF_SCORE_HISTOGRAM_BINS; i++)
    max = MAX (max, self->bins[i]);

  for (guint i = 0; i < RF_SCORE_HISTOGRAM_BINS; i++)
    {
      RfScoreBucket bucket = rf_score_chart_bin_bucket (i);
      double bar_height = max > 0 ? (height - MIN_BAR) * self->bins[i] / max + MIN_BAR : MIN_BAR;
      GdkRGBA color;

      if (self->bins[i] == 0)
        bar_height = 1;
      rf_gui_bucket_color (widget, bucket, &color);
      if (self->bins[i] == 0 || (self->bucket_mask != 0 && !(self->bucket_mask & (1u << bucket))))
        color.alpha *= 0.3;
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (i * (bar_width + BAR_GAP), height - bar_height,
                                                      bar_width, bar_height));
    }
}

static void
rf_score_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = RF_SCORE_HISTOGRAM_BINS * 6;
      *natural = RF_SCORE_HISTOGRAM_BINS * 16;
    }
  else
    {
      *minimum = 24;
      *natural = 32;
    }
}

int
rf_score_chart_bin_at (RfScoreChart *self,
                       double        x)
{
  double width;
  int bin;

  g_return_val_if_fail (RF_IS_SCORE_CHART (self), -1);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  if (width <= 0 || x < 0 || x >= width)
    return -1;
  bin = (int)(x * RF_SCORE_HISTOGRAM_BINS / width);
  return CLAMP (bin, 0, RF_SCORE_HISTOGRAM_BINS - 1);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            RfScoreChart    *self)
{
  int bin = rf_score_chart_bin_at (self, x);

  if (bin < 0)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[SIGNAL_BUCKET_ACTIVATED], 0, rf_score_chart_bin_bucket (bin));
}

static gboolean
query_tooltip_cb (GtkWidget    *widget,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip,
                  RfScoreChart *self)
{
  int bin = rf_score_chart_bin_at (self, x);
  g_autofree char *text = NULL;

  if (bin < 0)
    return FALSE;
  /* Translators: a bar of the score chart: score range, lead count, bucket */
  text = g_strdup_printf (ngettext ("Score %u–%u: %u lead (%s)", "Score %u–%u: %u leads (%s)", self->bins[bin]),
                          bin * 10, bin == RF_SCORE_HISTOGRAM_BINS - 1 ? 100 : bin * 10 + 9,
                          self->bins[bin], rf_score_bucket_label (rf_score_chart_bin_bucket (bin)));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update_description (RfScoreChart *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < RF_SCORE_HISTOGRAM_BINS; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      /* Translators: one bar of the score chart, read by screen readers */
      g_string_append_printf (text, _("%u to %u: %u"), i * 10,
                              i == RF_SCORE_HISTOGRAM_BINS - 1 ? 100 : i * 10 + 9, self->bins[i]);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
  g_string_free (text, TRUE);
}

static void
rf_score_chart_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RF_TYPE_SCORE_CHART);

  G_OBJECT_CLASS (rf_score_chart_parent_class)->dispose (object);
}

static void
rf_score_chart_class_init (RfScoreChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rf_score_chart_dispose;
  widget_class->snapshot = rf_score_chart_snapshot;
  widget_class->measure = rf_score_chart_measure;

  /* A bar was clicked: filter by its bucket (an RfScoreBucket). */
  signals[SIGNAL_BUCKET_ACTIVATED] =
    g_signal_new ("bucket-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RF_TYPE_SCORE_BUCKET);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gui/rf-score-chart.ui");
  gtk_widget_class_bind_template_callback (widget_class, pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip_cb);
  gtk_widget_class_set_css_name (widget_class, "scorechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rf_score_chart_init (RfScoreChart *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_description (self);
}

GtkWidget *
rf_score_chart_new (void)
{
  return g_object_new (RF_TYPE_SCORE_CHART, NULL);
}

void
rf_score_chart_set_bins (RfScoreChart *self,
                         const guint   bins[RF_SCORE_HISTOGRAM_BINS])
{
  g_return_if_fail (RF_IS_SCORE_CHART (self));

  if (memcmp (self->bins, bins, sizeof self->bins) == 0)
    return;
  memcpy (self->bins, bins, sizeof self->bins);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
rf_score_chart_get_bin (RfScoreChart *self,
                        guint         bin)
{
  g_return_val_if_fail (RF_IS_SCORE_CHART (self), 0);
  g_return_val_if_fail (bin < RF_SCORE_HISTOGRAM_BINS, 0);

  return self->bins[bin];
}

void
rf_score_chart_set_bucket_mask (RfScoreChart *self,
                                guint         mask)
{
  g_return_if_fail (RF_IS_SCORE_CHART (self));

  if (self->bucket_mask == mask)
    return;
  self->bucket_mask = mask;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
