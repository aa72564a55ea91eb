/* rf-csv-import-writer.c: an import's batches, scored and handed to the
 * database thread by a writer thread of the import's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include "rf-company-dao.h"
#include "rf-contact-dao.h"
#include "rf-csv-importer-private.h"
#include "rf-import-dao.h"
#include "rf-lead-dao.h"
#include "rf-scoring.h"
#include "rf-signal-dao.h"

/* Writing a batch, on the database thread. */

struct _RfImportBatch
{
  GPtrArray  *rows;
  const char *batch_id;
  /* Out. */
  GArray     *lead_ids;
  guint       companies_created;
  guint       companies_merged;
  guint       contacts_created;
  guint       contacts_merged;
  guint       rows_skipped;
  GError     *error;
  /* Scratch, on the database thread. */
  GArray     *new_companies;
  GArray     *new_contacts;
};

typedef RfImportBatch Batch;

static Batch *
batch_new (GPtrArray  *rows,
           const char *batch_id)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->rows = rows;
  batch->batch_id = batch_id;
  batch->lead_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return batch;
}

static void
batch_free (Batch *batch)
{
  g_ptr_array_unref (batch->rows);
  g_array_unref (batch->lead_ids);
  g_clear_error (&batch->error);
  g_free (batch);
}

static gboolean
write_row (RfDatabase   *database,
           Batch        *batch,
           RfImportRow  *row,
           GError      **error)
{
  RfMappedRow *mapped = &row->mapped;
  gint64 company_id = 0;
  gint64 contact_id = 0;
  gint64 signal_id;
  gint64 lead_id;
  gboolean found;

  /* Rows stored before were mostly dropped before scoring
   * (drop_known_rows()); the others, and a run of the same file at the
   * same time, are caught at the signal. */
  if (mapped->company != NULL)
    {
      if ((company_id = rf_company_dao_upsert_in_thread (database, mapped->company, &found, error)) < 0)
        return FALSE;
      if (company_id > 0 && found)
        batch->companies_merged++;
      else if (company_id > 0)
        {
          batch->companies_created++;
          g_array_append_val (batch->new_companies, company_id);
        }
    }
  if (mapped->contact != NULL)
    {
      rf_contact_set_company_id (mapped->contact, company_id);
      if ((contact_id = rf_contact_dao_upsert_in_thread (database, mapped->contact, &found, error)) < 0)
        return FALSE;
      if (contact_id > 0 && found)
        batch->contacts_merged++;
      else if (contact_id > 0)
        {
          batch->contacts_created++;
          g_array_append_val (batch->new_contacts, contact_id);
        }
    }

  rf_signal_set_company_id (mapped->signal, company_id);
  rf_signal_set_contact_id (mapped->signal, contact_id);
  rf_signal_set_import_batch (mapped->signal, batch->batch_id);
  if ((signal_id = rf_signal_dao_insert_in_thread (database, mapped->signal, &found, error)) < 0)
    return FALSE;
  if (found)
    {
      batch->rows_skipped++;
      return TRUE;
    }

  rf_lead_set_signal_id (row->lead, signal_id);
  rf_lead_set_company_id (row->lead, company_id);
  rf_lead_set_contact_id (row->lead, contact_id);
  if ((lead_id = rf_lead_dao_insert_in_thread (database, row->lead, error)) < 0)
    return FALSE;
  g_array_append_val (batch->lead_ids, lead_id);
  return TRUE;
}

static gpointer
write_batch_work (RfDatabase    *database,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  Batch *batch = data;
  g_autoptr(GArray) new_companies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) new_contacts = g_array_new (FALSE, FALSE, sizeof (gint64));

  batch->new_companies = new_companies;
  batch->new_contacts = new_contacts;
  if (!rf_database_transaction_begin (database, error))
    return NULL;
  for (guint i = 0; i < batch->rows->len; i++)
    if (!write_row (database, batch, g_ptr_array_index (batch->rows, i), error))
      goto fail;
  /* What this import made, so that a revert can find it. */
  if (!rf_import_dao_tag_companies_in_thread (database, (gint64 *)(gpointer)new_companies->data, new_companies->len,
                                              batch->batch_id, error) ||
      !rf_import_dao_tag_contacts_in_thread (database, (gint64 *)(gpointer)new_contacts->data, new_contacts->len,
                                             batch->batch_id, error))
    goto fail;
  if (!rf_database_transaction_commit (database, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);

fail:
  rf_database_transaction_rollback (database);
  return NULL;
}

/* Importing. */

static void
score_row (RfImportJob *job,
           RfImportRow *row)
{
  g_autoptr(RfClassification) classification = NULL;
  RfMappedRow *mapped = &row->mapped;

  if (row->lead != NULL)
    return;

  classification = rf_rules_classifier_classify (job->classifier, job->profile, mapped->signal,
                                                 mapped->company, mapped->contact);
  row->lead = rf_lead_new ();
  rf_lead_set_classification (row->lead, classification);
  rf_lead_set_total_score (row->lead, rf_score_total (rf_classification_get_score_fit (classification),
                                                      rf_classification_get_score_pain (classification),
                                                      rf_classification_get_score_data_quality (classification)));
  rf_lead_set_score_bucket (row->lead, rf_score_bucket_for_total (rf_lead_get_total_score (row->lead)));
  if (job->profile != NULL)
    rf_lead_set_icp_id (row->lead, rf_icp_profile_get_id (job->profile));
}

/* The writer: a thread of the import's own that hands batches to the
 * database thread one after the other, so that the next batch is read and
 * scored while the last one is written. At most MAX_IN_FLIGHT batches are
 * queued or being written: memory stays flat. */

#define MAX_IN_FLIGHT 2

static Batch stop_writer;

static gpointer
writer_thread (gpointer data)
{
  RfImportJob *job = data;

  for (;;)
    {
      Batch *batch = g_async_queue_pop (job->todo);

      if (batch == &stop_writer)
        break;
      rf_database_run_sync (job->database, write_batch_work, batch, NULL, &batch->error);
      g_async_queue_push (job->done, batch);
    }
  return NULL;
}

/* Takes the next written batch into the report; FALSE with its error when
 * it failed. */
static gboolean
collect_batch (RfImportJob  *job,
               GError      **error)
{
  RfImportReport *report = job->report;
  Batch *batch = g_async_queue_pop (job->done);
  gboolean ok = batch->error == NULL;

  job->in_flight--;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&batch->error));
  else
    {
      report->companies_created += batch->companies_created;
      report->companies_merged += batch->companies_merged;
      report->contacts_created += batch->contacts_created;
      report->contacts_merged += batch->contacts_merged;
      report->rows_skipped += batch->rows_skipped;
      report->leads_created += batch->lead_ids->len;
      g_array_append_vals (report->lead_ids, batch->lead_ids->data, batch->lead_ids->len);

      if (batch->lead_ids->len > 0)
        {
          rf_import_job_emit_leads (job, g_steal_pointer (&batch->lead_ids));
          batch->lead_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
        }
    }
  batch_free (batch);
  return ok;
}

/* Waits for every batch handed over, keeping the first error. */
gboolean
rf_import_job_drain (RfImportJob  *job,
               GError      **error)
{
  gboolean ok = TRUE;

  while (job->in_flight > 0)
    {
      GError *local_error = NULL;

      if (!collect_batch (job, &local_error))
        {
          if (ok)
            g_propagate_error (error, local_error);
          else
            g_error_free (local_error);
          ok = FALSE;
        }
    }
  return ok;
}

void
rf_import_job_stop_writer (RfImportJob *job)
{
  if (job->writer == NULL)
    return;
  rf_import_job_drain (job, NULL);
  g_async_queue_push (job->todo, &stop_writer);
  g_thread_join (job->writer);
  g_clear_pointer (&job->todo, g_async_queue_unref);
  g_clear_pointer (&job->done, g_async_queue_unref);
  job->writer = NULL;
}

typedef struct
{
  GPtrArray *rows;
  GArray    *known;   /* gboolean per row: stored by an earlier run */
} KnownKeys;

/* Database thread; reads only. */
static gpointer
known_keys_work (RfDatabase    *database,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  KnownKeys *keys = data;

  for (guint i = 0; i < keys->rows->len; i++)
    {
      RfImportRow *row = g_ptr_array_index (keys->rows, i);
      gint64 id = rf_signal_dao_find_by_key_in_thread (database, row->dedup_key, error);

      if (id < 0)
        return NULL;
      g_array_index (keys->known, gboolean, i) = id > 0;
    }
  return GINT_TO_POINTER (TRUE);
}

/* Rows an earlier run stored are dropped before they are scored: a run
 * after a crash gets back to where it was quickly. Such a run stored the
 * file's first batches, so the lookups stop at the first batch with none
 * stored: queued behind the batches being written, they kept the reading
 * thread waiting. A stored row found later is still skipped at its signal. */
static gboolean
drop_known_rows (RfImportJob  *job,
                 GError      **error)
{
  g_autoptr(GArray) known = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autoptr(GPtrArray) kept = NULL;
  KnownKeys keys = { job->rows, known };
  guint n_known = 0;

  if (job->past_stored_rows)
    return TRUE;
  g_array_set_size (known, job->rows->len);
  if (!rf_database_run_sync (job->database, known_keys_work, &keys, NULL, error))
    return FALSE;
  for (guint i = 0; i < known->len; i++)
    n_known += g_array_index (known, gboolean, i);
  if (n_known == 0)
    {
      job->past_stored_rows = TRUE;
      return TRUE;
    }

  kept = g_ptr_array_new_with_free_func ((GDestroyNotify)rf_import_row_free);

  for (guint i = 0; i < job->rows->len; i++)
    {
      if (g_array_index (known, gboolean, i))
        {
          job->report->rows_skipped++;
          continue;
        }
      g_ptr_array_add (kept, g_steal_pointer (&g_ptr_array_index (job->rows, i)));
    }
  g_ptr_array_unref (job->rows);
  job->rows = g_steal_pointer (&kept);
  return TRUE;
}

gboolean
rf_import_job_flush (RfImportJob   *job,
            GCancellable  *cancellable,
            GError       **error)
{
  if (job->rows->len == 0)
    return TRUE;
  /* Cancelling drops the rows not yet handed over: a later run adds them. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!drop_known_rows (job, error))
    return FALSE;
  if (job->rows->len == 0)
    return TRUE;
  for (guint i = 0; i < job->rows->len; i++)
    score_row (job, g_ptr_array_index (job->rows, i));

  if (job->writer == NULL)
    {
      job->todo = g_async_queue_new ();
      job->done = g_async_queue_new ();
      job->writer = g_thread_new ("rf-csv-writer", writer_thread, job);
    }
  g_async_queue_push (job->todo, batch_new (g_steal_pointer (&job->rows), job->report->batch_id));
  job->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)rf_import_row_free);
  job->in_flight++;

  while (job->in_flight >= MAX_IN_FLIGHT)
    if (!collect_batch (job, error))
      return FALSE;
  return TRUE;
}
