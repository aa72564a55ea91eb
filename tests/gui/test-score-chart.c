/* test-score-chart.c: the score histogram widget: bins, colours by bucket,
 * bars drawn to scale, and clicks that pick a bucket
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "rf-score-chart.h"

static GtkWidget *
allocated_chart (int width,
                 int height)
{
  GtkWidget *chart = g_object_ref_sink (rf_score_chart_new ());
  int min, nat;

  gtk_widget_set_valign (chart, GTK_ALIGN_FILL);

  gtk_widget_measure (chart, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (chart, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  gtk_widget_size_allocate (chart, &(GtkAllocation) { 0, 0, width, height }, -1);
  return chart;
}

static void
test_bins (void)
{
  g_autoptr(GtkWidget) chart = allocated_chart (200, 40);
  const guint bins[RF_SCORE_HISTOGRAM_BINS] = { 5, 0, 3, 9, 1, 0, 2, 4, 7, 8 };

  for (guint i = 0; i < RF_SCORE_HISTOGRAM_BINS; i++)
    g_assert_cmpuint (rf_score_chart_get_bin (RF_SCORE_CHART (chart), i), ==, 0);
  rf_score_chart_set_bins (RF_SCORE_CHART (chart), bins);
  for (guint i = 0; i < RF_SCORE_HISTOGRAM_BINS; i++)
    g_assert_cmpuint (rf_score_chart_get_bin (RF_SCORE_CHART (chart), i), ==, bins[i]);

  /* Bins line up with the buckets' edges. */
  g_assert_cmpint (rf_score_chart_bin_bucket (0), ==, RF_SCORE_BUCKET_PARKED);
  g_assert_cmpint (rf_score_chart_bin_bucket (3), ==, RF_SCORE_BUCKET_PARKED);
  g_assert_cmpint (rf_score_chart_bin_bucket (4), ==, RF_SCORE_BUCKET_NURTURE);
  g_assert_cmpint (rf_score_chart_bin_bucket (5), ==, RF_SCORE_BUCKET_NURTURE);
  g_assert_cmpint (rf_score_chart_bin_bucket (6), ==, RF_SCORE_BUCKET_WARM);
  g_assert_cmpint (rf_score_chart_bin_bucket (7), ==, RF_SCORE_BUCKET_WARM);
  g_assert_cmpint (rf_score_chart_bin_bucket (8), ==, RF_SCORE_BUCKET_RED_HOT);
  g_assert_cmpint (rf_score_chart_bin_bucket (9), ==, RF_SCORE_BUCKET_RED_HOT);

  g_assert_cmpint (rf_score_chart_bin_at (RF_SCORE_CHART (chart), -1), ==, -1);
  g_assert_cmpint (rf_score_chart_bin_at (RF_SCORE_CHART (chart), 0), ==, 0);
  g_assert_cmpint (rf_score_chart_bin_at (RF_SCORE_CHART (chart), 19.9), ==, 0);
  g_assert_cmpint (rf_score_chart_bin_at (RF_SCORE_CHART (chart), 20), ==, 1);
  g_assert_cmpint (rf_score_chart_bin_at (RF_SCORE_CHART (chart), 199), ==, 9);
  g_assert_cmpint (rf_score_chart_bin_at (RF_SCORE_CHART (chart), 200), ==, -1);
}

static void
collect_color_nodes (GskRenderNode *node,
                     GPtrArray     *out)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_COLOR_NODE:
      g_ptr_array_add (out, node);
      break;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_color_nodes (gsk_container_node_get_child (node, i), out);
      break;
    default:
      break;
    }
}

static void
test_drawn_to_scale (void)
{
  g_autoptr(GtkWidget) chart = allocated_chart (200, 40);
  const guint bins[RF_SCORE_HISTOGRAM_BINS] = { 0, 0, 0, 10, 0, 0, 5, 0, 0, 20 };
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GPtrArray) bars = g_ptr_array_new ();
  graphene_rect_t tallest, half, empty;
  const GdkRGBA *hot, *parked;

  rf_score_chart_set_bins (RF_SCORE_CHART (chart), bins);
  GTK_WIDGET_GET_CLASS (chart)->snapshot (chart, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  collect_color_nodes (node, bars);
  g_assert_cmpuint (bars->len, ==, RF_SCORE_HISTOGRAM_BINS);

  gsk_render_node_get_bounds (g_ptr_array_index (bars, 9), &tallest);
  gsk_render_node_get_bounds (g_ptr_array_index (bars, 3), &half);
  gsk_render_node_get_bounds (g_ptr_array_index (bars, 0), &empty);
  g_assert_cmpfloat (tallest.size.height, ==, 40);
  g_assert_cmpfloat_with_epsilon (half.size.height, 2 + 38 * 0.5, 0.01);
  g_assert_cmpfloat (empty.size.height, <=, 1);
  /* Bars stand on the bottom edge, left to right by score. */
  g_assert_cmpfloat (tallest.origin.y + tallest.size.height, ==, 40);
  g_assert_cmpfloat (half.origin.x, <, tallest.origin.x);

  /* Coloured by bucket: hot and parked differ; empty bins are faint. */
  hot = gsk_color_node_get_color (g_ptr_array_index (bars, 9));
  parked = gsk_color_node_get_color (g_ptr_array_index (bars, 3));
  g_assert_false (gdk_rgba_equal (hot, parked));
  g_assert_cmpfloat (hot->alpha, ==, 1);
  g_assert_cmpfloat (gsk_color_node_get_color (g_ptr_array_index (bars, 0))->alpha, <, 1);
}

static void
bucket_activated_cb (RfScoreChart  *chart,
                     RfScoreBucket  bucket,
                     int           *out)
{
  *out = bucket;
}

static void
test_click_picks_bucket (void)
{
  g_autoptr(GtkWidget) chart = allocated_chart (200, 40);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (chart);
  g_autoptr(GtkEventController) click = NULL;
  int activated = -1;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && click == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_GESTURE_CLICK (controller))
        click = g_steal_pointer (&controller);
    }
  g_assert_nonnull (click);
  g_signal_connect (chart, "bucket-activated", G_CALLBACK (bucket_activated_cb), &activated);

  g_signal_emit_by_name (click, "pressed", 1, 150.0, 10.0);   /* bin 7: 70-79 */
  g_assert_cmpint (activated, ==, RF_SCORE_BUCKET_WARM);
  g_signal_emit_by_name (click, "pressed", 1, 195.0, 10.0);
  g_assert_cmpint (activated, ==, RF_SCORE_BUCKET_RED_HOT);
  g_signal_emit_by_name (click, "pressed", 1, 10.0, 10.0);
  g_assert_cmpint (activated, ==, RF_SCORE_BUCKET_PARKED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/score-chart/bins", test_bins);
  g_test_add_func ("/score-chart/drawn-to-scale", test_drawn_to_scale);
  g_test_add_func ("/score-chart/click-picks-bucket", test_click_picks_bucket);

  return g_test_run ();
}
