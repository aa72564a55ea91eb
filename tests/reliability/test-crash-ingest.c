/* test-crash-ingest.c: raptorflow-cli ingest killed with SIGKILL at random
 * moments, again and again; the database stays whole and a last run
 * completes the import with exactly one lead per row (issue 9, item 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>

#include "../csv/csv-test-util.h"

#define KILLS 24
#define BATCH 500
#define MIN_ROWS 1500
#define MAX_ROWS 20000

/* A read-write connection: after a crash the WAL may need recovering. */
static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return value;
}

static char *
integrity (const char *path)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return value;
}

/* Every committed lead is whole: its signal, company, contact and scores. */
static void
assert_whole (const char *db)
{
  g_autofree char *check = NULL;
  gint64 leads;

  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    return;
  check = integrity (db);
  g_assert_cmpstr (check, ==, "ok");
  if (query_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'leads'") == 0)
    return;

  leads = query_int (db, "SELECT count(*) FROM leads");
  g_assert_cmpint (leads % BATCH, ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM signals"), ==, leads);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM leads l LEFT JOIN signals s ON s.id = l.signal_id "
                                  "LEFT JOIN companies c ON c.id = l.company_id "
                                  "LEFT JOIN contacts p ON p.id = l.contact_id "
                                  "WHERE s.id IS NULL OR c.id IS NULL OR p.id IS NULL OR l.classifier <> 'rules' "
                                  "OR s.dedup_key IS NULL OR s.import_batch IS NULL "
                                  "OR abs (l.total_score - (l.score_fit + l.score_pain + l.score_data_quality)) > 0.001"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM lead_search"), ==, leads);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM companies c WHERE NOT EXISTS "
                                  "(SELECT 1 FROM leads WHERE company_id = c.id)"), ==, 0);
}

static GPid
spawn_ingest (const char *db,
              const char *csv)
{
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("RAPTORFLOW_CLI");
  const char *argv[] = { cli, "--db", db, "ingest", csv, NULL };
  GPid pid;

  g_assert_nonnull (cli);
  g_spawn_async (NULL, (char **)argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

static double
time_run (const char *dir,
          guint       rows)
{
  g_autoptr(GString) text = csv_test_generate (rows);
  g_autofree char *name = g_strdup_printf ("calibrate-%u.csv", rows);
  g_autofree char *csv = csv_test_write (dir, name, text->str, text->len);
  g_autofree char *db_name = g_strdup_printf ("calibrate-%u.db", rows);
  g_autofree char *db = g_build_filename (dir, db_name, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "ingest", csv, NULL };
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpint (rf_test_run_cli_argv (db, NULL, args, &out, &err), ==, 0);
  return (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
}

/* How many rows a second this build imports, and what starting costs: a
 * sanitizer build is several times slower, and the kills must still land
 * while rows are written. */
static double
calibrate (const char *dir,
           double     *startup)
{
  double one = time_run (dir, 1);
  double many = time_run (dir, 2001);

  *startup = one;
  return 2000.0 / MAX (many - one, 0.01);
}

static void
test_sigkill_ingest (void)
{
  g_autofree char *dir = rf_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "leads.db", NULL);
  double startup = 0;
  double rate = calibrate (dir, &startup);
  guint ROWS = CLAMP ((guint)(rate * 1.2) / BATCH * BATCH, MIN_ROWS, MAX_ROWS);
  guint full_ms = (guint)(1000.0 * (startup + ROWS / rate));
  guint batch_window_ms = MIN (full_ms, (guint)(1000.0 * (startup + 2.5 * BATCH / rate)));
  g_autoptr(GString) text = csv_test_generate (ROWS);
  g_autofree char *csv = csv_test_write (dir, "big.csv", text->str, text->len);
  guint killed_mid_import = 0;
  guint kills = 0;
  guint rounds = 0;
  gint64 before = 0;
  int status = 0;

  g_test_message ("%.0f rows/s, start-up %.0f ms: %u rows, a whole run ~%u ms", rate, startup * 1000, ROWS, full_ms);

  /* Until KILLS runs were killed (a run may finish before its moment):
   * each round imports into a fresh database until the file is in, so
   * that the kills keep landing on opening, migrating, reading and
   * writing rather than on a finished import. */
  for (guint i = 0; kills < KILLS && i < 6 * KILLS; i++)
    {
      GPid pid;
      /* Up to the time two and a half batches take after start-up: on a
       * slow (sanitizer) build one batch alone can take longer than a
       * third of the whole run, and kills must also land after commits. */
      guint delay = g_test_rand_int_range (5, MAX (batch_window_ms, 50));
      gint64 leads;
      gboolean exited = FALSE;

      if (before == ROWS)
        {
          g_autofree char *wal = g_strconcat (db, "-wal", NULL);
          g_autofree char *shm = g_strconcat (db, "-shm", NULL);

          g_assert_cmpint (query_int (db, "SELECT count(DISTINCT dedup_key) FROM signals"), ==, ROWS);
          g_unlink (db);
          g_unlink (wal);
          g_unlink (shm);
          before = 0;
          rounds++;
        }

      pid = spawn_ingest (db, csv);
      /* Wait, unless it is done sooner. */
      for (guint waited = 0; waited < delay && !exited; waited += 5)
        {
          g_usleep (5 * 1000);
          exited = waitpid (pid, &status, WNOHANG) == pid;
        }
      if (!exited)
        {
          kill (pid, SIGKILL);
          g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
          /* It may have finished between the last look and the kill. */
          exited = !WIFSIGNALED (status);
          if (exited)
            g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
          else
            kills++;
        }
      g_spawn_close_pid (pid);

      assert_whole (db);
      leads = g_file_test (db, G_FILE_TEST_EXISTS) &&
              query_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'leads'") > 0
              ? query_int (db, "SELECT count(*) FROM leads") : 0;
      g_test_message ("round %u, run %u, %s after %u ms: %" G_GINT64_FORMAT " leads", rounds, i,
                      exited ? "finished" : "killed", delay, leads);
      g_assert_cmpint (leads, >=, before);
      if (!exited && leads > before && leads < ROWS)
        killed_mid_import++;
      before = leads;
    }
  g_assert_cmpuint (kills, ==, KILLS);
  /* Many kills came while rows were being written. */
  g_assert_cmpuint (killed_mid_import, >=, 3);

  /* The last run completes it: exactly one lead per row. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    const char *args[] = { "ingest", csv, NULL };

    g_assert_cmpint (rf_test_run_cli_argv (db, NULL, args, &out, &err), ==, 0);
  }
  assert_whole (db);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM leads"), ==, ROWS);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT dedup_key) FROM signals"), ==, ROWS);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM companies"), ==, ROWS - ROWS / 5);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM contacts"), ==, ROWS);

  rf_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reliability/sigkill-ingest", test_sigkill_ingest);

  return g_test_run ();
}
