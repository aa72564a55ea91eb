/* rf-filter-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-filter-bar.h"
#include "rf-gui-labels.h"
#include "rf-score-chart.h"
#include "rf-scoring.h"

struct _RfFilterBar
{
  GtkWidget        parent_instance;

  GtkWidget       *buckets;
  GtkToggleButton *bucket_buttons[RF_N_SCORE_BUCKETS];
  GtkLabel        *count_labels[RF_N_SCORE_BUCKETS];
  RfScoreChart    *chart;
  GtkWidget       *min_score_box;
  GtkSpinButton   *min_score;
  GtkDropDown     *status;

  guint            counts[RF_N_SCORE_BUCKETS];
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (RfFilterBar, rf_filter_bar, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (RfFilterBar *self)
{
  if (!self->updating)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
bucket_toggled_cb (GtkToggleButton *button,
                   RfFilterBar     *self)
{
  rf_score_chart_set_bucket_mask (self->chart, rf_filter_bar_get_bucket_mask (self));
  emit_changed (self);
}

static void
filter_changed_cb (RfFilterBar *self)
{
  emit_changed (self);
}

static void
bucket_activated_cb (RfScoreChart  *chart,
                     RfScoreBucket  bucket,
                     RfFilterBar   *self)
{
  rf_filter_bar_toggle_only (self, bucket);
}

/* Layout: buckets, chart, minimum score and status on one line; in a
 * window too narrow for that (half a laptop screen), the buckets and the
 * chart on one line and the other two below, rather than the status
 * filter cut off. GTK 4.8 has no breakpoints, so the bar decides. */

#define SPACING     12
#define ROW_SPACING  6

enum { BUCKETS, CHART, MIN_SCORE, STATUS, N_PARTS };

/* Each part's least and natural width and natural height, measured once
 * per layout. */
typedef struct
{
  GtkWidget *widget[N_PARTS];
  int        min[N_PARTS];
  int        nat[N_PARTS];
  int        height[N_PARTS];
  int        one_line;      /* the least width that keeps one line */
  int        first_line;    /* heights of the two lines */
  int        second_line;
} Parts;

static void
measure_parts (RfFilterBar *self,
               Parts       *parts)
{
  parts->widget[BUCKETS] = self->buckets;
  parts->widget[CHART] = GTK_WIDGET (self->chart);
  parts->widget[MIN_SCORE] = self->min_score_box;
  parts->widget[STATUS] = GTK_WIDGET (self->status);
  for (guint i = 0; i < N_PARTS; i++)
    {
      gtk_widget_measure (parts->widget[i], GTK_ORIENTATION_HORIZONTAL, -1, &parts->min[i], &parts->nat[i], NULL, NULL);
      gtk_widget_measure (parts->widget[i], GTK_ORIENTATION_VERTICAL, -1, NULL, &parts->height[i], NULL, NULL);
    }
  /* Everything natural, the chart at its least. */
  parts->one_line = parts->nat[BUCKETS] + parts->min[CHART] + parts->nat[MIN_SCORE] + parts->nat[STATUS] + 3 * SPACING;
  parts->first_line = MAX (parts->height[BUCKETS], parts->height[CHART]);
  parts->second_line = MAX (parts->height[MIN_SCORE], parts->height[STATUS]);
}

static GtkSizeRequestMode
rf_filter_bar_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rf_filter_bar_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  Parts parts;

  measure_parts (RF_FILTER_BAR (widget), &parts);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (parts.min[BUCKETS] + SPACING + parts.min[CHART],
                      parts.min[MIN_SCORE] + SPACING + parts.min[STATUS]);
      *natural = parts.nat[BUCKETS] + parts.nat[CHART] + parts.nat[MIN_SCORE] + parts.nat[STATUS] + 3 * SPACING;
    }
  else if (for_size < 0 || for_size >= parts.one_line)
    *minimum = *natural = MAX (parts.first_line, parts.second_line);
  else
    *minimum = *natural = parts.first_line + ROW_SPACING + parts.second_line;
}

/* Part @i at @x, @width wide, centred on a line from @y, @line_height high. */
static void
place (Parts *parts,
       guint  i,
       int    x,
       int    width,
       int    y,
       int    line_height)
{
  int height = MIN (parts->height[i], line_height);

  gtk_widget_size_allocate (parts->widget[i], &(GtkAllocation) { x, y + (line_height - height) / 2, width, height }, -1);
}

static void
rf_filter_bar_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  Parts parts;
  int status_width, score_width;

  measure_parts (RF_FILTER_BAR (widget), &parts);
  status_width = parts.nat[STATUS];
  score_width = parts.nat[MIN_SCORE];
  if (width >= parts.one_line)
    {
      int buckets_width = parts.nat[BUCKETS];
      int chart_width = width - buckets_width - score_width - status_width - 3 * SPACING;

      place (&parts, BUCKETS, 0, buckets_width, 0, height);
      place (&parts, CHART, buckets_width + SPACING, chart_width, 0, height);
      place (&parts, MIN_SCORE, width - status_width - SPACING - score_width, score_width, 0, height);
      place (&parts, STATUS, width - status_width, status_width, 0, height);
    }
  else
    {
      int buckets_width = CLAMP (width - SPACING - parts.min[CHART], parts.min[BUCKETS], parts.nat[BUCKETS]);
      int second_y = parts.first_line + ROW_SPACING;
      int second_line = height - second_y;

      score_width = MIN (score_width, width - SPACING - parts.min[STATUS]);
      status_width = MIN (status_width, width - SPACING - score_width);
      place (&parts, BUCKETS, 0, buckets_width, 0, parts.first_line);
      place (&parts, CHART, buckets_width + SPACING, width - buckets_width - SPACING, 0, parts.first_line);
      place (&parts, MIN_SCORE, 0, score_width, second_y, second_line);
      place (&parts, STATUS, score_width + SPACING, status_width, second_y, second_line);
    }
}

static void
rf_filter_bar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RF_TYPE_FILTER_BAR);
  /* Template children without an id are not unparented by that. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rf_filter_bar_parent_class)->dispose (object);
}

static void
rf_filter_bar_class_init (RfFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rf_filter_bar_dispose;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (RF_TYPE_SCORE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gui/rf-filter-bar.ui");
  widget_class->get_request_mode = rf_filter_bar_get_request_mode;
  widget_class->measure = rf_filter_bar_measure;
  widget_class->size_allocate = rf_filter_bar_size_allocate;
  gtk_widget_class_bind_template_child_full (widget_class, "red_hot_button", FALSE,
                                             G_STRUCT_OFFSET (RfFilterBar, bucket_buttons[RF_SCORE_BUCKET_RED_HOT]));
  gtk_widget_class_bind_template_child_full (widget_class, "warm_button", FALSE,
                                             G_STRUCT_OFFSET (RfFilterBar, bucket_buttons[RF_SCORE_BUCKET_WARM]));
  gtk_widget_class_bind_template_child_full (widget_class, "nurture_button", FALSE,
                                             G_STRUCT_OFFSET (RfFilterBar, bucket_buttons[RF_SCORE_BUCKET_NURTURE]));
  gtk_widget_class_bind_template_child_full (widget_class, "parked_button", FALSE,
                                             G_STRUCT_OFFSET (RfFilterBar, bucket_buttons[RF_SCORE_BUCKET_PARKED]));
  gtk_widget_class_bind_template_child_full (widget_class, "red_hot_count", FALSE,
                                             G_STRUCT_OFFSET (RfFilterBar, count_labels[RF_SCORE_BUCKET_RED_HOT]));
  gtk_widget_class_bind_template_child_full (widget_class, "warm_count", FALSE,
                                             G_STRUCT_OFFSET (RfFilterBar, count_labels[RF_SCORE_BUCKET_WARM]));
  gtk_widget_class_bind_template_child_full (widget_class, "nurture_count", FALSE,
                                             G_STRUCT_OFFSET (RfFilterBar, count_labels[RF_SCORE_BUCKET_NURTURE]));
  gtk_widget_class_bind_template_child_full (widget_class, "parked_count", FALSE,
                                             G_STRUCT_OFFSET (RfFilterBar, count_labels[RF_SCORE_BUCKET_PARKED]));
  gtk_widget_class_bind_template_child (widget_class, RfFilterBar, buckets);
  gtk_widget_class_bind_template_child (widget_class, RfFilterBar, chart);
  gtk_widget_class_bind_template_child (widget_class, RfFilterBar, min_score_box);
  gtk_widget_class_bind_template_child (widget_class, RfFilterBar, min_score);
  gtk_widget_class_bind_template_child (widget_class, RfFilterBar, status);
  gtk_widget_class_bind_template_callback (widget_class, bucket_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, bucket_activated_cb);
}

static void
rf_filter_bar_init (RfFilterBar *self)
{
  GtkStringList *statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  rf_gui_name_drop_down (self->status, _("Status filter"));

  gtk_string_list_append (statuses, _("Any Status"));
  for (guint i = 0; i < RF_N_LEAD_STATUSES; i++)
    gtk_string_list_append (statuses, rf_gui_status_label (i));
  self->updating = TRUE;
  gtk_drop_down_set_model (self->status, G_LIST_MODEL (statuses));
  gtk_drop_down_set_selected (self->status, 0);
  self->updating = FALSE;
  g_object_unref (statuses);
}

GtkWidget *
rf_filter_bar_new (void)
{
  return g_object_new (RF_TYPE_FILTER_BAR, NULL);
}

void
rf_filter_bar_apply (RfFilterBar *self,
                     RfLeadQuery *query)
{
  guint status;

  g_return_if_fail (RF_IS_FILTER_BAR (self));
  g_return_if_fail (query != NULL);

  query->bucket_mask = rf_filter_bar_get_bucket_mask (self);
  query->min_score = gtk_spin_button_get_value (self->min_score);
  status = gtk_drop_down_get_selected (self->status);
  query->status_mask = status > 0 && status != GTK_INVALID_LIST_POSITION ? 1u << (status - 1) : 0;
}

void
rf_filter_bar_set_counts (RfFilterBar *self,
                          const guint  counts[RF_N_SCORE_BUCKETS])
{
  g_return_if_fail (RF_IS_FILTER_BAR (self));

  /* Short, so that the bar keeps its width with 100,000 leads; the
   * exact count is the label's tooltip. */
  for (guint i = 0; i < RF_N_SCORE_BUCKETS; i++)
    {
      g_autofree char *text = rf_gui_format_count (counts[i]);
      g_autofree char *exact = g_strdup_printf ("%'u", counts[i]);

      self->counts[i] = counts[i];
      gtk_label_set_text (self->count_labels[i], text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->count_labels[i]), exact);
    }
}

/* What the bucket's button says: its leads that pass the other filters. */
guint
rf_filter_bar_get_count (RfFilterBar   *self,
                         RfScoreBucket  bucket)
{
  g_return_val_if_fail (RF_IS_FILTER_BAR (self), 0);
  g_return_val_if_fail (bucket < RF_N_SCORE_BUCKETS, 0);

  return self->counts[bucket];
}

void
rf_filter_bar_set_bins (RfFilterBar *self,
                        const guint  bins[RF_SCORE_HISTOGRAM_BINS])
{
  g_return_if_fail (RF_IS_FILTER_BAR (self));

  rf_score_chart_set_bins (self->chart, bins);
}

guint
rf_filter_bar_get_bucket_mask (RfFilterBar *self)
{
  guint mask = 0;

  g_return_val_if_fail (RF_IS_FILTER_BAR (self), 0);

  for (guint i = 0; i < RF_N_SCORE_BUCKETS; i++)
    if (gtk_toggle_button_get_active (self->bucket_buttons[i]))
      mask |= 1u << i;
  return mask;
}

void
rf_filter_bar_set_bucket_mask (RfFilterBar *self,
                               guint        mask)
{
  g_return_if_fail (RF_IS_FILTER_BAR (self));

  if (mask == rf_filter_bar_get_bucket_mask (self))
    return;
  self->updating = TRUE;
  for (guint i = 0; i < RF_N_SCORE_BUCKETS; i++)
    gtk_toggle_button_set_active (self->bucket_buttons[i], (mask & (1u << i)) != 0);
  self->updating = FALSE;
  rf_score_chart_set_bucket_mask (self->chart, mask);
  emit_changed (self);
}

void
rf_filter_bar_toggle_only (RfFilterBar   *self,
                           RfScoreBucket  bucket)
{
  guint only = 1u << bucket;

  g_return_if_fail (RF_IS_FILTER_BAR (self));
  g_return_if_fail (bucket < RF_N_SCORE_BUCKETS);

  rf_filter_bar_set_bucket_mask (self, rf_filter_bar_get_bucket_mask (self) == only ? 0 : only);
}

void
rf_filter_bar_reset (RfFilterBar *self)
{
  g_return_if_fail (RF_IS_FILTER_BAR (self));

  self->updating = TRUE;
  gtk_spin_button_set_value (self->min_score, 0);
  gtk_drop_down_set_selected (self->status, 0);
  self->updating = FALSE;
  rf_filter_bar_set_bucket_mask (self, 0);
  emit_changed (self);
}
