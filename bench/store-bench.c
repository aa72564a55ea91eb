/* store-bench.c: 100,000 leads into the store, then listed with each filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; it is not a test. Targets (issue 2): >= 100,000 leads/s
 * inserted in batches, first page of any filter <= 20 ms, the whole list
 * of 100,000 light rows <= 300 ms.
 */

#include <sys/resource.h>

#include <glib/gstdio.h>

#include "rf-company-dao.h"
#include "rf-database-private.h"
#include "rf-contact-dao.h"
#include "rf-lead-dao.h"
#include "rf-scoring.h"
#include "rf-signal-dao.h"

#define BATCH 2000

static const char * const tags[] = { "lead_gen", "scaling_ads", "no_system", "first_marketer_hell", "chaos_culture" };
static const char * const first_names[] = { "Ann", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ivy", "Jo" };

typedef struct
{
  guint start;
  guint count;
} Batch;

/* Everything one lead needs, the way the engine and importer store it:
 * upsert company and contact, insert signal and lead, in one transaction. */
static gpointer
insert_batch_work (RfDatabase    *database,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  Batch *batch = data;

  if (!rf_database_transaction_begin (database, error))
    return NULL;

  for (guint i = batch->start; i < batch->start + batch->count; i++)
    {
      g_autoptr(RfCompany) company = rf_company_new ();
      g_autoptr(RfContact) contact = rf_contact_new ();
      g_autoptr(RfSignal) signal = rf_signal_new ();
      g_autoptr(RfLead) lead = rf_lead_new ();
      RfClassification *c = rf_lead_get_classification (lead);
      g_autofree char *name = g_strdup_printf ("Company %u", i / 2);
      g_autofree char *website = g_strdup_printf ("https://company%u.example", i / 2);
      g_autofree char *person = g_strdup_printf ("%s Person%u", first_names[i % 10], i);
      g_autofree char *email = g_strdup_printf ("person%u@company%u.example", i, i / 2);
      const char * const lead_tags[] = { tags[i % 5], tags[(i / 5) % 5], NULL };
      double fit = (i * 7919) % 51;
      double pain = (i * 104729) % 41;
      double quality = i % 11;
      double total = rf_score_total (fit, pain, quality);
      gint64 company_id;
      gint64 contact_id;

      rf_company_set_name (company, name);
      rf_company_set_website (company, website);
      if ((company_id = rf_company_dao_upsert_in_thread (database, company, NULL, error)) < 0)
        goto fail;
      rf_contact_set_name (contact, person);
      rf_contact_set_email (contact, email);
      rf_contact_set_company_id (contact, company_id);
      if ((contact_id = rf_contact_dao_upsert_in_thread (database, contact, NULL, error)) < 0)
        goto fail;

      rf_signal_set_source_type (signal, i % 3 == 0 ? RF_SOURCE_TYPE_CSV : RF_SOURCE_TYPE_JOB_POST);
      rf_signal_set_raw_text (signal, "Hiring our first marketer; ads are not scaling and leads are dry.");
      rf_signal_set_company_id (signal, company_id);
      rf_signal_set_contact_id (signal, contact_id);
      if (rf_signal_dao_insert_in_thread (database, signal, NULL, error) < 0)
        goto fail;

      rf_classification_set_score_fit (c, fit);
      rf_classification_set_score_pain (c, pain);
      rf_classification_set_score_data_quality (c, quality);
      rf_classification_set_pain_tags (c, lead_tags);
      rf_classification_set_role_type (c, "first_marketer");
      rf_classification_set_classifier (c, "rules");
      rf_lead_set_total_score (lead, total);
      rf_lead_set_score_bucket (lead, rf_score_bucket_for_total (total));
      rf_lead_set_status (lead, i % 6);
      rf_lead_set_signal_id (lead, rf_signal_get_id (signal));
      rf_lead_set_company_id (lead, company_id);
      rf_lead_set_contact_id (lead, contact_id);
      if (rf_lead_dao_insert_in_thread (database, lead, error) < 0)
        goto fail;
    }

  if (!rf_database_transaction_commit (database, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);

fail:
  rf_database_transaction_rollback (database);
  return NULL;
}

/* For experiments: STORE_BENCH_EXEC="SQL" runs before inserting. */
static gpointer
exec_work (RfDatabase    *database,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return rf_database_exec (database, data, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

/* Seconds of CPU this process used: on a shared machine it moves less
 * than the wall clock with other work running. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
time_query (RfLeadDao   *dao,
            const char  *label,
            RfLeadQuery *query)
{
  g_autoptr(GError) error = NULL;
  double best_page = G_MAXDOUBLE;
  double best_all = G_MAXDOUBLE;
  double best_ids = G_MAXDOUBLE;
  guint n_all = 0;

  for (guint run = 0; run < 3; run++)
    {
      g_autoptr(GPtrArray) page = NULL;
      g_autoptr(GPtrArray) all = NULL;
      g_autoptr(GArray) ids = NULL;
      gint64 start;

      query->limit = 50;
      start = g_get_monotonic_time ();
      page = rf_lead_dao_list_sync (dao, query, NULL, &error);
      best_page = MIN (best_page, ms_since (start));
      g_assert_no_error (error);

      query->limit = 0;
      start = g_get_monotonic_time ();
      ids = rf_lead_dao_list_ids_sync (dao, query, NULL, &error);
      best_ids = MIN (best_ids, ms_since (start));

      start = g_get_monotonic_time ();
      all = rf_lead_dao_list_sync (dao, query, NULL, &error);
      best_all = MIN (best_all, ms_since (start));
      g_assert_no_error (error);
      n_all = all->len;
    }

  g_print ("  %-30s first page %7.2f ms   all ids %7.2f ms   all %6u rows %8.2f ms\n",
           label, best_page, best_ids, n_all, best_all);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("store-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "leads.db", NULL);
  const char *keep = g_getenv ("STORE_BENCH_KEEP");
  g_autoptr(RfDatabase) database = NULL;
  g_autoptr(RfLeadDao) dao = NULL;
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  guint n_leads = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  guint counts[RF_N_SCORE_BUCKETS];
  gint64 start;
  double seconds;
  double cpu;

  database = rf_database_open_sync (path, NULL, &error);
  g_assert_no_error (error);
  dao = rf_lead_dao_new (database);

  if (g_getenv ("STORE_BENCH_EXEC") != NULL)
    {
      rf_database_run_sync (database, exec_work, (gpointer)g_getenv ("STORE_BENCH_EXEC"), NULL, &error);
      g_assert_no_error (error);
    }

  g_print ("store-bench: %u leads (each with company upsert, contact upsert, signal), batches of %d\n",
           n_leads, BATCH);
  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  for (guint i = 0; i < n_leads; i += BATCH)
    {
      Batch batch = { i, MIN (BATCH, n_leads - i) };
      rf_database_run_sync (database, insert_batch_work, &batch, NULL, &error);
      g_assert_no_error (error);
    }
  seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
  cpu = cpu_seconds () - cpu;
  g_print ("insert: %.2f s, %.0f leads/s (CPU %.2f s, %.0f leads per CPU second)\n",
           seconds, n_leads / seconds, cpu, n_leads / cpu);
  if (g_getenv ("STORE_BENCH_INSERT_ONLY") != NULL)
    return 0;

  start = g_get_monotonic_time ();
  rf_lead_dao_count_by_bucket_sync (dao, query, counts, NULL, &error);
  g_print ("bucket counts: %.2f ms (%u red hot, %u warm, %u nurture, %u parked)\n", ms_since (start),
           counts[0], counts[1], counts[2], counts[3]);

  g_print ("queries (best of 3):\n");
  time_query (dao, "none (hottest first)", query);
  query->bucket_mask = 1 << RF_SCORE_BUCKET_RED_HOT;
  time_query (dao, "bucket red_hot", query);
  query->bucket_mask = 1 << RF_SCORE_BUCKET_PARKED;
  time_query (dao, "bucket parked", query);
  query->bucket_mask = 0;
  query->min_score = 70;
  time_query (dao, "min score 70", query);
  query->min_score = 0;
  query->status_mask = 1 << RF_LEAD_STATUS_QUALIFIED;
  time_query (dao, "status qualified", query);
  query->status_mask = 0;
  rf_lead_query_set_search (query, "person4242");
  time_query (dao, "search (rare)", query);
  rf_lead_query_set_search (query, "company");
  time_query (dao, "search (common)", query);
  /* Words in 1 lead of 45 and of 450 (the prefixes of 1,111 and 111
   * companies' domains): the first page's hardest cases. */
  rf_lead_query_set_search (query, "company12");
  time_query (dao, "search (1 in 45)", query);
  rf_lead_query_set_search (query, "company123");
  time_query (dao, "search (1 in 450)", query);
  rf_lead_query_set_search (query, "company");
  query->bucket_mask = 1 << RF_SCORE_BUCKET_RED_HOT;
  time_query (dao, "search (common), red hot", query);
  query->bucket_mask = 0;
  query->sort = RF_LEAD_SORT_COMPANY;
  query->ascending = TRUE;
  time_query (dao, "search (common), by company", query);
  query->sort = RF_LEAD_SORT_SCORE;
  query->ascending = FALSE;
  rf_lead_query_set_search (query, NULL);
  query->sort = RF_LEAD_SORT_COMPANY;
  query->ascending = TRUE;
  time_query (dao, "sort by company", query);
  query->sort = RF_LEAD_SORT_CREATED;
  time_query (dao, "sort by added", query);

  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    GStatBuf st;
    if (g_stat (path, &st) == 0)
      g_print ("database size: %.1f MB\n", st.st_size / 1e6);
  }

  rf_database_close (database);
  if (keep != NULL)
    {
      g_rename (path, keep);
      return 0;
    }
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
