/* csv-bench.c: a generated CSV imported by RfCsvImporter, beside sqlite3's
 * own .import of the same file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; it is not a test. Target (issue 5): at least half the
 * rate of `sqlite3 DB '.import --csv FILE t'` while deduplicating and
 * scoring, memory flat in the file size.
 *
 *   csv-bench [ROWS]            (default 100,000)
 *
 * Each import runs in a child process of its own (this program again, with
 * --import), so that its peak RSS is its own. CSV_BENCH_KEEP=DIR keeps the
 * files.
 */

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "rf-csv-importer.h"

static const char * const titles[] = { "Founder", "Head of Marketing", "CTO", "Sales Manager", "CEO" };
static const char * const texts[] = {
  "We are hiring our first marketing manager; leads live in spreadsheets.",
  "Scaling ads on Meta, CAC keeps rising, no CRM yet.",
  "Shopify store, 20 people, manual follow-ups, looking for a system.",
  "Series A SaaS, outbound is chaos, nobody owns the pipeline.",
  "Agency owner, referrals dried up, need predictable lead flow.",
};

/* One row in five is at a company seen before (merged by domain). */
static char *
generate (const char *dir,
          guint       rows)
{
  g_autofree char *name = g_strdup_printf ("bench-%u.csv", rows);
  char *path = g_build_filename (dir, name, NULL);
  FILE *out = g_fopen (path, "w");

  g_assert (out != NULL);
  fputs ("Company,Website,First Name,Last Name,Email,Title,Industry,Employees,City,Notes\r\n", out);
  for (guint i = 0; i < rows; i++)
    {
      guint company = i % 5 == 4 ? i - 1 : i;

      fprintf (out, "Company %u,https://company%u.example,First%u,Last%u,person%u@company%u.example,%s,"
                    "E-commerce,%u,Berlin,\"%s (row %u)\"\r\n",
               company, company, i, i, i, company, titles[i % 5], 5 + i % 200, texts[i % 5], i);
    }
  fclose (out);
  return path;
}

/* The process's anonymous memory (heap and stacks, not the database
 * file SQLite maps), in kB. */
static long
rss_anon_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "RssAnon:")) == NULL)
    return 0;
  return strtol (line + strlen ("RssAnon:"), NULL, 10);
}

static gint peak_anon_kb;
static gint sampling = 1;

static gpointer
sample_thread (gpointer data)
{
  while (g_atomic_int_get (&sampling))
    {
      long now = rss_anon_kb ();

      if (now > g_atomic_int_get (&peak_anon_kb))
        g_atomic_int_set (&peak_anon_kb, (gint)now);
      g_usleep (20 * 1000);
    }
  return NULL;
}

static int
run_import (const char *csv,
            const char *db)
{
  GThread *sampler = g_thread_new ("sampler", sample_thread, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RfDatabase) database = rf_database_open_sync (db, NULL, &error);
  g_autoptr(RfCsvImporter) importer = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(RfImportReport) report = NULL;
  struct rusage usage;
  gint64 start;
  double seconds;

  if (database == NULL)
    g_error ("%s", error->message);
  importer = rf_csv_importer_new (database);
  /* For experiments: CSV_BENCH_BATCH=N rows per transaction. */
  if (g_getenv ("CSV_BENCH_BATCH") != NULL)
    rf_csv_importer_set_batch_size (importer, (guint)g_ascii_strtoull (g_getenv ("CSV_BENCH_BATCH"), NULL, 10));
  start = g_get_monotonic_time ();
  report = rf_csv_importer_import_sync (importer, file, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
  if (report == NULL)
    g_error ("%s", error->message);
  rf_database_close (database);
  g_atomic_int_set (&sampling, 0);
  g_thread_join (sampler);
  getrusage (RUSAGE_SELF, &usage);
  g_print ("%u %.3f %ld %d\n", report->leads_created, seconds, usage.ru_maxrss, g_atomic_int_get (&peak_anon_kb));
  return 0;
}

/* CPU seconds of the children waited for: steadier than the wall clock
 * on a shared machine. */
static double
children_cpu (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

typedef struct
{
  guint  rows;
  double seconds;
  double cpu;
  long   max_rss_kb;
  long   max_anon_kb;
} Result;

static Result
spawn_import (const char *self,
              const char *csv,
              const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { self, "--import", csv, db, NULL };
  Result result = { 0 };
  double cpu = children_cpu ();
  int status;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("import: %s", error->message);
  if (sscanf (out, "%u %lf %ld %ld", &result.rows, &result.seconds, &result.max_rss_kb, &result.max_anon_kb) != 4)
    g_error ("import printed “%s”", out);
  result.cpu = children_cpu () - cpu;
  return result;
}

static double
spawn_sqlite3 (const char *csv,
               const char *db,
               double     *cpu)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *command = g_strdup_printf (".import --csv %s t", csv);
  const char *argv[] = { sqlite3, db, command, NULL };
  gint64 start;
  int status;

  if (sqlite3 == NULL)
    return -1;
  start = g_get_monotonic_time ();
  *cpu = children_cpu ();
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("sqlite3: %s", error->message);
  *cpu = children_cpu () - *cpu;
  return (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *self = NULL;
  g_autofree char *small_csv = NULL;
  g_autofree char *big_csv = NULL;
  g_autofree char *small_db = NULL;
  g_autofree char *big_db = NULL;
  g_autofree char *sqlite_db = NULL;
  const char *keep = g_getenv ("CSV_BENCH_KEEP");
  guint rows = 100000;
  Result small, big;
  double sqlite_seconds;
  double sqlite_cpu = 0;
  GStatBuf st;

  if (argc == 4 && g_str_equal (argv[1], "--import"))
    return run_import (argv[2], argv[3]);
  if (argc > 1)
    rows = (guint)g_ascii_strtoull (argv[1], NULL, 10);
  if (rows < 10)
    rows = 100000;

  self = g_canonicalize_filename (argv[0], NULL);
  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("csv-bench-XXXXXX", NULL);
  g_mkdir_with_parents (dir, 0700);
  small_csv = generate (dir, rows / 10);
  big_csv = generate (dir, rows);
  small_db = g_build_filename (dir, "small.db", NULL);
  big_db = g_build_filename (dir, "big.db", NULL);
  sqlite_db = g_build_filename (dir, "sqlite3.db", NULL);
  g_stat (big_csv, &st);

  small = spawn_import (self, small_csv, small_db);
  big = spawn_import (self, big_csv, big_db);
  sqlite_seconds = spawn_sqlite3 (big_csv, sqlite_db, &sqlite_cpu);

  g_print ("file: %u rows, %.1f MB\n", rows, st.st_size / 1e6);
  g_print ("RfCsvImporter (dedup, rules scoring, search index, 500 rows per transaction):\n");
  g_print ("  %7u rows: %6.2f s, %8.0f rows/s, peak RSS %6.1f MB (anonymous %5.1f MB), CPU %.2f s\n", small.rows,
           small.seconds, small.rows / small.seconds, small.max_rss_kb / 1024.0, small.max_anon_kb / 1024.0,
           small.cpu);
  g_print ("  %7u rows: %6.2f s, %8.0f rows/s, peak RSS %6.1f MB (anonymous %5.1f MB), CPU %.2f s\n", big.rows,
           big.seconds, big.rows / big.seconds, big.max_rss_kb / 1024.0, big.max_anon_kb / 1024.0, big.cpu);
  g_print ("  (peak RSS includes the file pages of libraries; the database is read into SQLite's page cache)\n");
  if (sqlite_seconds > 0)
    g_print ("sqlite3 .import --csv (one table, all text, no indexes):\n"
             "  %7u rows: %6.2f s, %8.0f rows/s, CPU %.2f s\n"
             "importer / sqlite3: %.1f%% by the clock, %.1f%% by CPU time\n",
             rows, sqlite_seconds, rows / sqlite_seconds, sqlite_cpu, 100.0 * sqlite_seconds / big.seconds,
             100.0 * sqlite_cpu / big.cpu);
  else
    g_print ("sqlite3: not found in PATH\n");

  if (keep == NULL)
    {
      const char *names[] = { small_csv, big_csv, small_db, big_db, sqlite_db };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *wal = g_strconcat (names[i], "-wal", NULL);
          g_autofree char *shm = g_strconcat (names[i], "-shm", NULL);

          g_unlink (names[i]);
          g_unlink (wal);
          g_unlink (shm);
        }
      g_rmdir (dir);
    }
  return 0;
}
