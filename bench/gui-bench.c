/* gui-bench.c: the main window over 100,000 leads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; it is not a test. Run under a display (xvfb-run -a).
 * Targets (issue 6): first frame with rows <= 500 ms; each filter, sort
 * or search change <= 100 ms to rows drawn; peak RSS <= 250 MB.
 *
 *   gui-bench [N]
 */

#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rf-bench-seed.h"
#include "rf-window-private.h"

static RfWindow *window;
static gboolean  painted;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
}

/* The lead at @position is loaded, nothing else is pending, and a frame
 * has been painted since. */
static gboolean
row_loaded (guint position)
{
  g_autoptr(RfLeadRow) row = NULL;

  if (!rf_window_is_idle (window))
    return FALSE;
  if (position >= g_list_model_get_n_items (G_LIST_MODEL (window->model)))
    return FALSE;
  row = g_list_model_get_item (G_LIST_MODEL (window->model), position);
  return rf_lead_row_get_lead (row) != NULL;
}

static gboolean verbose;

static double
wait_for_rows (gint64 start,
               guint  position)
{
  double loaded;

  while (!row_loaded (position))
    g_main_context_iteration (NULL, TRUE);
  loaded = ms_since (start);
  painted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  if (verbose)
    g_print ("    (rows and counts in %.0f ms, painted at %.0f ms)\n", loaded, ms_since (start));
  return ms_since (start);
}

static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 400 * 1000;

  while (g_get_monotonic_time () < until || !rf_window_is_idle (window))
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
}

static void
print_rss (void)
{
  g_autofree char *status = NULL;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return;
  for (char **line = g_strsplit (status, "\n", -1), **l = line; *l != NULL || (g_strfreev (line), FALSE); l++)
    if (g_str_has_prefix (*l, "VmRSS:") || g_str_has_prefix (*l, "VmHWM:"))
      g_print ("  %s\n", *l);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfDatabase) database = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gui-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "leads.db", NULL);
  guint n = argc > 1 ? (guint)strtoul (argv[1], NULL, 10) : 100000;
  static const char * const searches[] = { "k", "ke", "ket", "kett", "kettl" };
  gint64 start;

  verbose = g_getenv ("GUI_BENCH_VERBOSE") != NULL;

  /* Seeded by a child, so that its memory is not counted here. */
  start = g_get_monotonic_time ();
  if (fork () == 0)
    {
      database = rf_database_open_sync (path, NULL, &error);
      if (database == NULL || !rf_bench_seed_leads (database, n, FALSE, &error))
        g_error ("%s", error->message);
      rf_database_close (database);
      _exit (0);
    }
  wait (NULL);
  g_print ("seeded %u leads in %.0f ms\n", n, ms_since (start));
  database = rf_database_open_sync (path, NULL, &error);
  if (database == NULL)
    g_error ("%s", error->message);

  gtk_init ();
  adw_init ();

  start = g_get_monotonic_time ();
  window = rf_window_new_for_database (database);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  g_print ("first frame with rows: %.0f ms\n", wait_for_rows (start, 0));
  settle ();
  print_rss ();

  for (guint bucket = 0; bucket <= RF_N_SCORE_BUCKETS; bucket++)
    {
      guint mask = bucket < RF_N_SCORE_BUCKETS ? 1u << bucket : 0;

      double ms;

      start = g_get_monotonic_time ();
      rf_filter_bar_set_bucket_mask (window->filter_bar, mask);
      ms = wait_for_rows (start, 0);
      g_print ("bucket filter 0x%x (%u rows): %.0f ms\n", mask,
               g_list_model_get_n_items (G_LIST_MODEL (window->model)), ms);
      settle ();
    }

  for (RfLeadSort sort = RF_LEAD_SORT_SCORE; sort <= RF_LEAD_SORT_CREATED; sort++)
    {
      start = g_get_monotonic_time ();
      rf_lead_table_sort_by (window->table, sort, sort != RF_LEAD_SORT_SCORE);
      g_print ("sort %d: %.0f ms\n", sort, wait_for_rows (start, 0));
      settle ();
    }
  rf_lead_table_sort_by (window->table, RF_LEAD_SORT_SCORE, FALSE);
  settle ();

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      double ms;

      start = g_get_monotonic_time ();
      gtk_editable_set_text (GTK_EDITABLE (window->search_entry), searches[i]);
      /* Measured from the query, not from GtkSearchEntry's typing delay. */
      rf_window_update_query (window);
      ms = wait_for_rows (start, 0);
      g_print ("search \"%s\" (%u rows): %.0f ms\n", searches[i],
               g_list_model_get_n_items (G_LIST_MODEL (window->model)), ms);
      settle ();
    }
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "");
  rf_window_update_query (window);
  settle ();

  start = g_get_monotonic_time ();
  rf_lead_table_select (window->table, n - 1);
  g_print ("scroll to the end: %.0f ms\n", wait_for_rows (start, n - 1));
  settle ();

  print_rss ();

  gtk_window_destroy (GTK_WINDOW (window));
  rf_database_close (database);
  g_clear_object (&database);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
