/* rf-csv-importer.c: CSV and vCard files into scored leads, in batches
 *
 * Reading, mapping and scoring run in the caller's thread (or a GTask
 * thread for _async); each batch of rows is written by one work function
 * on the database thread, in one transaction. The dry run reads the same
 * rows through the same code (rf-import-scan.c) and asks the database the
 * same dedup questions without writing (rf-csv-preview.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rf-company-dao.h"
#include "rf-contact-dao.h"
#include "rf-csv-importer-private.h"
#include "rf-csv-reader.h"
#include "rf-import-dao.h"
#include "rf-lead-dao.h"
#include "rf-rules-classifier.h"
#include "rf-scoring.h"
#include "rf-signal-dao.h"

struct _RfCsvImporter
{
  GObject          parent_instance;

  RfDatabase      *database;
  char             delimiter;
  char            *encoding;
  RfIcpProfile    *profile;
  guint            batch_size;
  RfColumnMapping *mapping;

  guint64          bytes_read;
  guint64          bytes_total;
  guint            rows_read;
};

G_DEFINE_FINAL_TYPE (RfCsvImporter, rf_csv_importer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_DELIMITER,
  PROP_ENCODING,
  PROP_PROFILE,
  PROP_BATCH_SIZE,
  PROP_MAPPING,
  PROP_BYTES_READ,
  PROP_BYTES_TOTAL,
  PROP_ROWS_READ,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_LEADS_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Reports and previews. */

static GArray *
problems_copy (GArray *problems)
{
  GArray *copy = g_array_new (FALSE, FALSE, sizeof (RfImportProblem));

  g_array_set_clear_func (copy, rf_import_problems_clear);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      RfImportProblem *problem = &g_array_index (problems, RfImportProblem, i);
      rf_import_problems_add (copy, problem->line, problem->reason);
    }
  return copy;
}

static GArray *
ids_copy (GArray *ids)
{
  GArray *copy = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (ids != NULL)
    g_array_append_vals (copy, ids->data, ids->len);
  return copy;
}

RfImportReport *
rf_import_report_new (void)
{
  RfImportReport *report = g_new0 (RfImportReport, 1);

  report->rejected = problems_copy (NULL);
  report->warnings = problems_copy (NULL);
  report->lead_ids = ids_copy (NULL);
  return report;
}

RfImportReport *
rf_import_report_copy (const RfImportReport *report)
{
  RfImportReport *copy;

  g_return_val_if_fail (report != NULL, NULL);

  copy = g_memdup2 (report, sizeof *report);
  copy->batch_id = g_strdup (report->batch_id);
  copy->file_name = g_strdup (report->file_name);
  copy->file_hash = g_strdup (report->file_hash);
  copy->encoding = g_strdup (report->encoding);
  copy->mapping = report->mapping != NULL ? g_object_ref (report->mapping) : NULL;
  copy->rejected = problems_copy (report->rejected);
  copy->warnings = problems_copy (report->warnings);
  copy->lead_ids = ids_copy (report->lead_ids);
  return copy;
}

void
rf_import_report_free (RfImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->batch_id);
  g_free (report->file_name);
  g_free (report->file_hash);
  g_free (report->encoding);
  g_clear_object (&report->mapping);
  g_array_unref (report->rejected);
  g_array_unref (report->warnings);
  g_array_unref (report->lead_ids);
  g_free (report);
}

G_DEFINE_BOXED_TYPE (RfImportReport, rf_import_report, rf_import_report_copy, rf_import_report_free)

RfImportPreview *
rf_import_preview_new (void)
{
  RfImportPreview *preview = g_new0 (RfImportPreview, 1);

  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  preview->row_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  preview->problems = problems_copy (NULL);
  return preview;
}

RfImportPreview *
rf_import_preview_copy (const RfImportPreview *preview)
{
  RfImportPreview *copy;

  g_return_val_if_fail (preview != NULL, NULL);

  copy = g_memdup2 (preview, sizeof *preview);
  copy->file_name = g_strdup (preview->file_name);
  copy->file_hash = g_strdup (preview->file_hash);
  copy->encoding = g_strdup (preview->encoding);
  copy->header = g_strdupv (preview->header);
  copy->mapping = preview->mapping != NULL ? g_object_ref (preview->mapping) : NULL;
  copy->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  for (guint i = 0; i < preview->rows->len; i++)
    g_ptr_array_add (copy->rows, g_strdupv (g_ptr_array_index (preview->rows, i)));
  copy->row_lines = g_array_copy (preview->row_lines);
  copy->problems = problems_copy (preview->problems);
  return copy;
}

void
rf_import_preview_free (RfImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->file_name);
  g_free (preview->file_hash);
  g_free (preview->encoding);
  g_strfreev (preview->header);
  g_clear_object (&preview->mapping);
  g_ptr_array_unref (preview->rows);
  g_array_unref (preview->row_lines);
  g_array_unref (preview->problems);
  g_free (preview);
}

G_DEFINE_BOXED_TYPE (RfImportPreview, rf_import_preview, rf_import_preview_copy, rf_import_preview_free)

/* The object. */

static void
rf_csv_importer_finalize (GObject *object)
{
  RfCsvImporter *self = RF_CSV_IMPORTER (object);

  g_clear_object (&self->database);
  g_free (self->encoding);
  g_clear_object (&self->profile);
  g_clear_object (&self->mapping);

  G_OBJECT_CLASS (rf_csv_importer_parent_class)->finalize (object);
}

static void
rf_csv_importer_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RfCsvImporter *self = RF_CSV_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_DELIMITER:
      g_value_set_uint (value, (guchar)self->delimiter);
      break;
    case PROP_ENCODING:
      g_value_set_string (value, self->encoding);
      break;
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    case PROP_BATCH_SIZE:
      g_value_set_uint (value, self->batch_size);
      break;
    case PROP_MAPPING:
      g_value_set_object (value, self->mapping);
      break;
    case PROP_BYTES_READ:
      g_value_set_uint64 (value, self->bytes_read);
      break;
    case PROP_BYTES_TOTAL:
      g_value_set_uint64 (value, self->bytes_total);
      break;
    case PROP_ROWS_READ:
      g_value_set_uint (value, self->rows_read);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_csv_importer_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RfCsvImporter *self = RF_CSV_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    case PROP_DELIMITER:
      rf_csv_importer_set_delimiter (self, (char)g_value_get_uint (value));
      break;
    case PROP_ENCODING:
      rf_csv_importer_set_encoding (self, g_value_get_string (value));
      break;
    case PROP_PROFILE:
      rf_csv_importer_set_profile (self, g_value_get_object (value));
      break;
    case PROP_BATCH_SIZE:
      rf_csv_importer_set_batch_size (self, g_value_get_uint (value));
      break;
    case PROP_MAPPING:
      rf_csv_importer_set_mapping (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_csv_importer_class_init (RfCsvImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rf_csv_importer_finalize;
  object_class->get_property = rf_csv_importer_get_property;
  object_class->set_property = rf_csv_importer_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, RF_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELIMITER] =
    g_param_spec_uint ("delimiter", NULL, NULL, 0, 255, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENCODING] =
    g_param_spec_string ("encoding", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, RF_TYPE_ICP_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BATCH_SIZE] =
    g_param_spec_uint ("batch-size", NULL, NULL, 1, 1000000, RF_CSV_IMPORTER_DEFAULT_BATCH_SIZE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAPPING] =
    g_param_spec_object ("mapping", NULL, NULL, RF_TYPE_COLUMN_MAPPING,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BYTES_READ] =
    g_param_spec_uint64 ("bytes-read", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BYTES_TOTAL] =
    g_param_spec_uint64 ("bytes-total", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROWS_READ] =
    g_param_spec_uint ("rows-read", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after each committed transaction with the ids (gint64) of the
   * leads it made, e.g. to queue them for scoring by a model. */
  signals[SIGNAL_LEADS_CREATED] =
    g_signal_new ("leads-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ARRAY);
}

static void
rf_csv_importer_init (RfCsvImporter *self)
{
  self->batch_size = RF_CSV_IMPORTER_DEFAULT_BATCH_SIZE;
}

RfCsvImporter *
rf_csv_importer_new (RfDatabase *database)
{
  g_return_val_if_fail (RF_IS_DATABASE (database), NULL);

  return g_object_new (RF_TYPE_CSV_IMPORTER, "database", database, NULL);
}

RfDatabase *
rf_csv_importer_get_database (RfCsvImporter *self)
{
  g_return_val_if_fail (RF_IS_CSV_IMPORTER (self), NULL);
  return self->database;
}

void
rf_csv_importer_set_delimiter (RfCsvImporter *self,
                               char           delimiter)
{
  g_return_if_fail (RF_IS_CSV_IMPORTER (self));

  if (self->delimiter == delimiter)
    return;
  self->delimiter = delimiter;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELIMITER]);
}

char
rf_csv_importer_get_delimiter (RfCsvImporter *self)
{
  g_return_val_if_fail (RF_IS_CSV_IMPORTER (self), 0);
  return self->delimiter;
}

void
rf_csv_importer_set_encoding (RfCsvImporter *self,
                              const char    *encoding)
{
  g_return_if_fail (RF_IS_CSV_IMPORTER (self));

  if (g_strcmp0 (self->encoding, encoding) == 0)
    return;
  g_free (self->encoding);
  self->encoding = g_strdup (encoding);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENCODING]);
}

const char *
rf_csv_importer_get_encoding (RfCsvImporter *self)
{
  g_return_val_if_fail (RF_IS_CSV_IMPORTER (self), NULL);
  return self->encoding;
}

void
rf_csv_importer_set_profile (RfCsvImporter *self,
                             RfIcpProfile  *profile)
{
  g_return_if_fail (RF_IS_CSV_IMPORTER (self));
  g_return_if_fail (profile == NULL || RF_IS_ICP_PROFILE (profile));

  if (g_set_object (&self->profile, profile))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}

RfIcpProfile *
rf_csv_importer_get_profile (RfCsvImporter *self)
{
  g_return_val_if_fail (RF_IS_CSV_IMPORTER (self), NULL);
  return self->profile;
}

void
rf_csv_importer_set_batch_size (RfCsvImporter *self,
                                guint          batch_size)
{
  g_return_if_fail (RF_IS_CSV_IMPORTER (self));

  batch_size = MAX (batch_size, 1);
  if (self->batch_size == batch_size)
    return;
  self->batch_size = batch_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BATCH_SIZE]);
}

guint
rf_csv_importer_get_batch_size (RfCsvImporter *self)
{
  g_return_val_if_fail (RF_IS_CSV_IMPORTER (self), 0);
  return self->batch_size;
}

void
rf_csv_importer_set_mapping (RfCsvImporter   *self,
                             RfColumnMapping *mapping)
{
  g_return_if_fail (RF_IS_CSV_IMPORTER (self));
  g_return_if_fail (mapping == NULL || RF_IS_COLUMN_MAPPING (mapping));

  if (g_set_object (&self->mapping, mapping))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAPPING]);
}

RfColumnMapping *
rf_csv_importer_get_mapping (RfCsvImporter *self)
{
  g_return_val_if_fail (RF_IS_CSV_IMPORTER (self), NULL);
  return self->mapping;
}

guint64
rf_csv_importer_get_bytes_read (RfCsvImporter *self)
{
  g_return_val_if_fail (RF_IS_CSV_IMPORTER (self), 0);
  return self->bytes_read;
}

guint64
rf_csv_importer_get_bytes_total (RfCsvImporter *self)
{
  g_return_val_if_fail (RF_IS_CSV_IMPORTER (self), 0);
  return self->bytes_total;
}

guint
rf_csv_importer_get_rows_read (RfCsvImporter *self)
{
  g_return_val_if_fail (RF_IS_CSV_IMPORTER (self), 0);
  return self->rows_read;
}

/* Jobs: what one import or preview needs, copied from the importer so
 * that a running one is not disturbed by changes to it. */

static void
job_free (RfImportJob *job)
{
  rf_import_scan_clear (&job->scan);
  g_clear_object (&job->importer);
  g_clear_object (&job->database);
  g_clear_object (&job->profile);
  g_clear_object (&job->classifier);
  g_clear_object (&job->file);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_pointer (&job->rows, g_ptr_array_unref);
  g_clear_pointer (&job->report, rf_import_report_free);
  g_free (job);
}

static void
job_free_cb (gpointer job)
{
  job_free (job);
}

typedef struct
{
  RfCsvImporter *importer;
  guint64        bytes_read;
  guint64        bytes_total;
  guint          rows_read;
  GArray        *lead_ids;
} Emission;

static void
emission_free (gpointer data)
{
  Emission *emission = data;

  g_object_unref (emission->importer);
  g_clear_pointer (&emission->lead_ids, g_array_unref);
  g_free (emission);
}

static gboolean
emit_cb (gpointer data)
{
  Emission *emission = data;
  RfCsvImporter *self = emission->importer;
  GObject *object = G_OBJECT (self);

  if (emission->lead_ids != NULL)
    {
      g_signal_emit (self, signals[SIGNAL_LEADS_CREATED], 0, emission->lead_ids);
      return G_SOURCE_REMOVE;
    }

  g_object_freeze_notify (object);
  if (self->bytes_total != emission->bytes_total)
    {
      self->bytes_total = emission->bytes_total;
      g_object_notify_by_pspec (object, properties[PROP_BYTES_TOTAL]);
    }
  if (self->bytes_read != emission->bytes_read)
    {
      self->bytes_read = emission->bytes_read;
      g_object_notify_by_pspec (object, properties[PROP_BYTES_READ]);
    }
  if (self->rows_read != emission->rows_read)
    {
      self->rows_read = emission->rows_read;
      g_object_notify_by_pspec (object, properties[PROP_ROWS_READ]);
    }
  g_object_thaw_notify (object);
  return G_SOURCE_REMOVE;
}

/* Runs on the job's main context: now when that is this thread's. */
static void
job_emit (RfImportJob *job,
          Emission    *emission)
{
  emission->importer = g_object_ref (job->importer);
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, emit_cb, emission, emission_free);
}

static void
progress_cb (guint64   bytes_read,
             guint64   bytes_total,
             guint     rows_read,
             gpointer  user_data)
{
  RfImportJob *job = user_data;
  Emission *emission = g_new0 (Emission, 1);

  emission->bytes_read = bytes_read;
  emission->bytes_total = bytes_total;
  emission->rows_read = rows_read;
  job_emit (job, emission);
}

RfImportJob *
rf_import_job_new (RfCsvImporter *self)
{
  RfImportJob *job = g_new0 (RfImportJob, 1);

  job->importer = g_object_ref (self);
  job->database = g_object_ref (self->database);
  job->profile = self->profile != NULL ? rf_icp_profile_copy (self->profile) : NULL;
  job->batch_size = self->batch_size;
  job->context = g_main_context_ref_thread_default ();
  job->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)rf_import_row_free);

  rf_import_scan_init (&job->scan);
  job->scan.delimiter = self->delimiter;
  job->scan.encoding = g_strdup (self->encoding);
  job->scan.user_mapping = self->mapping != NULL ? g_object_ref (self->mapping) : NULL;
  job->scan.progress = progress_cb;
  job->scan.progress_data = job;
  return job;
}

void
rf_import_job_free (RfImportJob *job)
{
  job_free (job);
}

/* Writing a batch, on the database thread. */

typedef struct
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
} Batch;

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

  if ((signal_id = rf_signal_dao_find_by_key_in_thread (database, row->dedup_key, error)) < 0)
    return FALSE;
  if (signal_id > 0)
    {
      batch->rows_skipped++;
      return TRUE;
    }

  if (mapped->company != NULL)
    {
      if ((company_id = rf_company_dao_upsert_in_thread (database, mapped->company, &found, error)) < 0)
        return FALSE;
      if (company_id > 0 && found)
        batch->companies_merged++;
      else if (company_id > 0)
        {
          batch->companies_created++;
          if (!rf_import_dao_tag_company_in_thread (database, company_id, batch->batch_id, error))
            return FALSE;
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
          if (!rf_import_dao_tag_contact_in_thread (database, contact_id, batch->batch_id, error))
            return FALSE;
        }
    }

  rf_signal_set_company_id (mapped->signal, company_id);
  rf_signal_set_contact_id (mapped->signal, contact_id);
  rf_signal_set_import_batch (mapped->signal, batch->batch_id);
  if ((signal_id = rf_signal_dao_insert_in_thread (database, mapped->signal, NULL, error)) < 0)
    return FALSE;

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

  if (!rf_database_transaction_begin (database, error))
    return NULL;
  for (guint i = 0; i < batch->rows->len; i++)
    if (!write_row (database, batch, g_ptr_array_index (batch->rows, i), error))
      {
        rf_database_transaction_rollback (database);
        return NULL;
      }
  if (!rf_database_transaction_commit (database, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
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

static gboolean
flush_rows (RfImportJob   *job,
            GCancellable  *cancellable,
            GError       **error)
{
  RfImportReport *report = job->report;
  g_autoptr(GArray) lead_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  Batch batch = { job->rows, report->batch_id, lead_ids };

  if (job->rows->len == 0)
    return TRUE;
  /* Cancelling drops the rows not yet written: a later run adds them. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!rf_database_run_sync (job->database, write_batch_work, &batch, NULL, error))
    return FALSE;
  g_ptr_array_set_size (job->rows, 0);

  report->companies_created += batch.companies_created;
  report->companies_merged += batch.companies_merged;
  report->contacts_created += batch.contacts_created;
  report->contacts_merged += batch.contacts_merged;
  report->rows_skipped += batch.rows_skipped;
  report->leads_created += lead_ids->len;
  g_array_append_vals (report->lead_ids, lead_ids->data, lead_ids->len);

  if (lead_ids->len > 0)
    {
      Emission *emission = g_new0 (Emission, 1);
      emission->lead_ids = g_steal_pointer (&lead_ids);
      job_emit (job, emission);
    }
  return TRUE;
}

typedef struct
{
  RfImportJob  *job;
  GCancellable *cancellable;
} ImportState;

static gboolean
import_row_cb (RfImportRow  *row,
               gpointer      user_data,
               GError      **error)
{
  ImportState *state = user_data;
  RfImportJob *job = state->job;

  if (row->rejected)
    {
      rf_import_row_free (row);
      return TRUE;
    }
  score_row (job, row);
  g_ptr_array_add (job->rows, row);
  if (job->rows->len >= job->batch_size)
    return flush_rows (job, state->cancellable, error);
  return TRUE;
}

static RfImportReport *
import_run (RfImportJob   *job,
            GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  ImportState state = { job, cancellable };
  g_autofree char *hash = NULL;
  RfImportReport *report;

  /* The batch id comes from the file's content, known before the first
   * row is read. */
  if (!(hash = rf_import_hash_file (file, cancellable, error)))
    return NULL;
  job->classifier = rf_rules_classifier_new ();
  job->report = report = rf_import_report_new ();
  report->batch_id = rf_import_batch_id_for_hash (hash);
  job->scan.file_hash = g_steal_pointer (&hash);

  if (!rf_import_scan_file (&job->scan, file, import_row_cb, &state, cancellable, error) ||
      !flush_rows (job, cancellable, error))
    return NULL;

  report->file_name = g_strdup (job->scan.file_name);
  report->file_hash = g_strdup (job->scan.file_hash);
  report->encoding = g_strdup (job->scan.detected_encoding);
  report->delimiter = job->scan.is_vcard ? 0 : job->scan.detected_delimiter;
  report->mapping = job->scan.mapping != NULL ? g_object_ref (job->scan.mapping) : NULL;
  report->rows_read = job->scan.rows_read;
  g_array_append_vals (report->rejected, job->scan.rejected->data, job->scan.rejected->len);
  g_array_set_clear_func (job->scan.rejected, NULL);
  g_array_set_size (job->scan.rejected, 0);
  g_array_append_vals (report->warnings, job->scan.warnings->data, job->scan.warnings->len);
  g_array_set_clear_func (job->scan.warnings, NULL);
  g_array_set_size (job->scan.warnings, 0);
  report->duplicates_merged = report->companies_merged + report->contacts_merged + report->rows_skipped;
  return g_steal_pointer (&job->report);
}

RfImportReport *
rf_csv_importer_import_sync (RfCsvImporter  *self,
                             GFile          *file,
                             GCancellable   *cancellable,
                             GError        **error)
{
  RfImportJob *job;
  RfImportReport *report;

  g_return_val_if_fail (RF_IS_CSV_IMPORTER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  job = rf_import_job_new (self);
  report = import_run (job, file, cancellable, error);
  job_free (job);
  return report;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RfImportJob *job = task_data;
  GError *error = NULL;
  RfImportReport *report = import_run (job, job->file, cancellable, &error);

  if (report != NULL)
    g_task_return_pointer (task, report, (GDestroyNotify)rf_import_report_free);
  else
    g_task_return_error (task, error);
}

void
rf_csv_importer_import_async (RfCsvImporter       *self,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RfImportJob *job;

  g_return_if_fail (RF_IS_CSV_IMPORTER (self));
  g_return_if_fail (G_IS_FILE (file));

  job = rf_import_job_new (self);
  job->file = g_object_ref (file);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rf_csv_importer_import_async);
  g_task_set_task_data (task, job, job_free_cb);
  g_task_run_in_thread (task, import_thread);
}

RfImportReport *
rf_csv_importer_import_finish (RfCsvImporter  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (RF_IS_CSV_IMPORTER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rf_csv_importer_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
rf_csv_importer_dup_batch_id (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(hash = rf_import_hash_file (file, cancellable, error)))
    return NULL;
  return rf_import_batch_id_for_hash (hash);
}

gint
rf_csv_importer_revert_sync (RfCsvImporter  *self,
                             const char     *batch_id,
                             GCancellable   *cancellable,
                             GError        **error)
{
  g_autoptr(RfImportDao) dao = NULL;
  RfImportRevert removed = { 0 };

  g_return_val_if_fail (RF_IS_CSV_IMPORTER (self), -1);
  g_return_val_if_fail (batch_id != NULL, -1);

  dao = rf_import_dao_new (self->database);
  if (!rf_import_dao_revert_sync (dao, batch_id, &removed, cancellable, error))
    return -1;
  return (gint)removed.leads;
}

/* What the importer reads: CSV-like text and vCard. A .txt file counts
 * when its first lines are split by a delimiter the same number of times. */
gboolean
rf_csv_importer_handles_file (const char *path)
{
  g_autofree char *lower = NULL;
  g_autofree char *head = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_auto(GStrv) lines = NULL;
  const char delimiters[] = { ',', ';', '\t', '|' };
  gssize n;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv") ||
      g_str_has_suffix (lower, ".vcf") || g_str_has_suffix (lower, ".vcard"))
    return TRUE;
  if (!g_str_has_suffix (lower, ".txt"))
    return FALSE;

  file = g_file_new_for_path (path);
  if (!(stream = g_file_read (file, NULL, NULL)))
    return FALSE;
  head = g_malloc0 (4097);
  if ((n = g_input_stream_read (G_INPUT_STREAM (stream), head, 4096, NULL, NULL)) <= 0 ||
      memchr (head, '\0', n) != NULL)
    return FALSE;
  lines = g_strsplit_set (head, "\r\n", 4);
  if (lines[0] == NULL || lines[1] == NULL)
    return FALSE;
  for (guint d = 0; d < G_N_ELEMENTS (delimiters); d++)
    {
      guint first = 0, second = 0;
      guint next = 1;

      while (lines[next] != NULL && lines[next][0] == '\0')
        next++;
      if (lines[next] == NULL)
        return FALSE;
      for (const char *p = lines[0]; *p != '\0'; p++)
        first += *p == delimiters[d];
      for (const char *p = lines[next]; *p != '\0'; p++)
        second += *p == delimiters[d];
      if (first > 0 && first == second)
        return TRUE;
    }
  return FALSE;
}
