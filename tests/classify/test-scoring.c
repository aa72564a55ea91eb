/* test-scoring.c: the seed's formula and buckets, at every boundary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "rf-scoring.h"

static void
test_buckets_at_boundaries (void)
{
  static const struct { double total; RfScoreBucket bucket; } cases[] = {
    { 0, RF_SCORE_BUCKET_PARKED },
    { 39.99, RF_SCORE_BUCKET_PARKED },
    { 40, RF_SCORE_BUCKET_NURTURE },
    { 59.99, RF_SCORE_BUCKET_NURTURE },
    { 60, RF_SCORE_BUCKET_WARM },
    { 79.99, RF_SCORE_BUCKET_WARM },
    { 80, RF_SCORE_BUCKET_RED_HOT },
    { 82.5, RF_SCORE_BUCKET_RED_HOT },
    { 100, RF_SCORE_BUCKET_RED_HOT },
    { -5, RF_SCORE_BUCKET_PARKED },
    { NAN, RF_SCORE_BUCKET_PARKED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (rf_score_bucket_for_total (cases[i].total), ==, cases[i].bucket);
}

static void
test_total_clamps_parts (void)
{
  /* The seed's example: 45 + 35 + 2.5. */
  g_assert_cmpfloat (rf_score_total (45, 35, 2.5), ==, 82.5);
  g_assert_cmpfloat (rf_score_total (0, 0, 0), ==, 0);
  g_assert_cmpfloat (rf_score_total (50, 40, 10), ==, 100);

  /* Each part into its own range before adding. */
  g_assert_cmpfloat (rf_score_total (80, 10, 0), ==, 60);
  g_assert_cmpfloat (rf_score_total (10, 99, 0), ==, 50);
  g_assert_cmpfloat (rf_score_total (0, 0, 55), ==, 10);
  g_assert_cmpfloat (rf_score_total (-20, 30, -1), ==, 30);
  g_assert_cmpfloat (rf_score_total (NAN, 30, INFINITY), ==, 40);
  g_assert_cmpfloat (rf_score_total (1e308, 1e308, 1e308), ==, 100);
  g_assert_cmpfloat (rf_score_total (-INFINITY, 0, 0), ==, 0);
}

static void
test_clamp (void)
{
  g_assert_cmpfloat (rf_score_clamp (25, 40), ==, 25);
  g_assert_cmpfloat (rf_score_clamp (40.0001, 40), ==, 40);
  g_assert_cmpfloat (rf_score_clamp (-0.0001, 40), ==, 0);
  g_assert_cmpfloat (rf_score_clamp (NAN, 10), ==, 0);
}

static void
test_labels (void)
{
  g_assert_cmpstr (rf_score_bucket_label (RF_SCORE_BUCKET_RED_HOT), ==, "Red hot");
  g_assert_cmpstr (rf_score_bucket_label (RF_SCORE_BUCKET_PARKED), ==, "Parked");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scoring/buckets", test_buckets_at_boundaries);
  g_test_add_func ("/scoring/total", test_total_clamps_parts);
  g_test_add_func ("/scoring/clamp", test_clamp);
  g_test_add_func ("/scoring/labels", test_labels);

  return g_test_run ();
}
