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
#include "rf-lead-dao.h"
#include "rf-renderer.h"
#include "rf-window-private.h"

static RfWindow *window;
static gboolean  painted;
static gboolean  changed;   /* a new query was applied since the last request */

static gboolean verbose;
static gint64   step_start;

static void
query_applied_cb (RfLeadListModel *model)
{
  changed = TRUE;
  if (verbose)
    g_print ("    (ids in at %.0f ms)\n", (g_get_monotonic_time () - step_start) / 1000.0);
}

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

/* A screenful of rows from @position is loaded: what the user waits for.
 * (Counts and rows further down may still be on their way.) */
#define SCREEN_ROWS 30

static gboolean
row_loaded (guint position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (window->model));

  if (rf_lead_list_model_get_loading (window->model) && n == 0)
    return FALSE;
  if (position >= n)
    return FALSE;
  for (guint i = position; i < MIN (n, position + SCREEN_ROWS); i++)
    {
      g_autoptr(RfLeadRow) row = g_list_model_get_item (G_LIST_MODEL (window->model), i);

      if (rf_lead_row_get_lead (row) == NULL)
        return FALSE;
    }
  return TRUE;
}

static double
wait_for_rows (gint64   start,
               guint    position,
               gboolean new_list)
{
  double loaded;

  step_start = start;
  while ((new_list && !changed) || !row_loaded (position))
    g_main_context_iteration (NULL, TRUE);
  changed = FALSE;
  loaded = ms_since (start);
  painted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  if (verbose)
    g_print ("    (rows in %.0f ms, painted at %.0f ms)\n", loaded, ms_since (start));
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
    if (g_str_has_prefix (*l, "VmRSS:") || g_str_has_prefix (*l, "VmHWM:") ||
        g_str_has_prefix (*l, "RssAnon:") || g_str_has_prefix (*l, "RssFile:"))
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

  /* Seeded by a child, so that its memory is not counted here.
   * GUI_BENCH_DB=PATH reuses a database seeded before, or seeds one there
   * if there is none yet (and keeps it). */
  if (g_getenv ("GUI_BENCH_DB") != NULL)
    {
      g_free (path);
      path = g_strdup (g_getenv ("GUI_BENCH_DB"));
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        n = 0;
    }
  start = g_get_monotonic_time ();
  if (n > 0 && fork () == 0)
    {
      database = rf_database_open_sync (path, NULL, &error);
      if (database == NULL || !rf_bench_seed_leads (database, n, FALSE, &error))
        g_error ("%s", error->message);
      rf_database_close (database);
      _exit (0);
    }
  if (n > 0)
    {
      wait (NULL);
      g_print ("seeded %u leads in %.0f ms\n", n, ms_since (start));
    }
  database = rf_database_open_sync (path, NULL, &error);
  if (database == NULL)
    g_error ("%s", error->message);
  if (n == 0)
    {
      g_autoptr(RfLeadDao) dao = rf_lead_dao_new (database);
      g_autoptr(RfLeadQuery) all = rf_lead_query_new ();
      n = rf_lead_dao_count_sync (dao, all, NULL, NULL);
    }

  gtk_init ();
  adw_init ();

  changed = FALSE;
  start = g_get_monotonic_time ();
  /* As the application does at start-up; counted in the first frame. */
  rf_renderer_choose (gdk_display_get_default ());
  if (verbose)
    g_print ("    (renderer chosen in %.0f ms)\n", ms_since (start));
  window = rf_window_new_for_database (database);
  if (verbose)
    g_print ("    (window built in %.0f ms; started at monotonic %.6f s)\n", ms_since (start), start / 1e6);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  if (verbose)
    g_print ("    (presented at %.0f ms)\n", ms_since (start));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  g_signal_connect (window->model, "query-applied", G_CALLBACK (query_applied_cb), NULL);
  g_print ("first frame with rows: %.0f ms\n", wait_for_rows (start, 0, TRUE));
  g_print ("renderer: %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  settle ();
  print_rss ();

  for (guint bucket = 0; bucket <= RF_N_SCORE_BUCKETS; bucket++)
    {
      guint mask = bucket < RF_N_SCORE_BUCKETS ? 1u << bucket : 0;

      double ms;

      changed = FALSE;
      start = g_get_monotonic_time ();
      rf_filter_bar_set_bucket_mask (window->filter_bar, mask);
      ms = wait_for_rows (start, 0, TRUE);
      g_print ("bucket filter 0x%x (%u rows): %.0f ms\n", mask,
               g_list_model_get_n_items (G_LIST_MODEL (window->model)), ms);
      settle ();
    }

  /* The list starts sorted by score, hottest first. */
  for (RfLeadSort sort = RF_LEAD_SORT_COMPANY; sort <= RF_LEAD_SORT_CREATED; sort++)
    {
      changed = FALSE;
      start = g_get_monotonic_time ();
      rf_lead_table_sort_by (window->table, sort, TRUE);
      g_print ("sort %d: %.0f ms\n", sort, wait_for_rows (start, 0, TRUE));
      settle ();
    }
  rf_lead_table_sort_by (window->table, RF_LEAD_SORT_SCORE, FALSE);
  settle ();

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      double ms;

      changed = FALSE;
      start = g_get_monotonic_time ();
      gtk_editable_set_text (GTK_EDITABLE (window->search_entry), searches[i]);
      /* Measured from the query, not from GtkSearchEntry's typing delay. */
      rf_window_update_query (window);
      ms = wait_for_rows (start, 0, TRUE);
      g_print ("search \"%s\" (%u rows): %.0f ms\n", searches[i],
               g_list_model_get_n_items (G_LIST_MODEL (window->model)), ms);
      settle ();
    }
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "");
  rf_window_update_query (window);
  settle ();

  start = g_get_monotonic_time ();
  rf_lead_table_select (window->table, n - 1);
  g_print ("scroll to the end: %.0f ms\n", wait_for_rows (start, n - 1, FALSE));
  settle ();

  print_rss ();

  gtk_window_destroy (GTK_WINDOW (window));
  rf_database_close (database);
  g_clear_object (&database);
  if (g_getenv ("GUI_BENCH_DB") != NULL)
    return 0;
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
