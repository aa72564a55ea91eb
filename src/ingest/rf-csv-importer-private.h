/* rf-csv-importer-private.h: what the import and its dry run share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-csv-importer.h"
#include "rf-import-scan.h"
#include "rf-rules-classifier.h"

G_BEGIN_DECLS

typedef struct _RfImportBatch RfImportBatch;

typedef struct
{
  RfCsvImporter     *importer;
  RfDatabase        *database;
  RfIcpProfile      *profile;
  RfRulesClassifier *classifier;
  guint              batch_size;
  GMainContext      *context;
  GFile             *file;
  RfImportScan       scan;
  GPtrArray         *rows;       /* RfImportRow not yet written or checked */
  RfImportReport    *report;
  gpointer           preview;    /* the dry run's state */
  GThread           *writer;     /* hands batches to the database thread */
  GAsyncQueue       *todo;       /* RfImportBatch to write */
  GAsyncQueue       *done;       /* RfImportBatch written (or failed) */
  guint              in_flight;
  /* A batch had no row an earlier run stored: the rows after it are not
   * looked up before scoring (a cut-off run stored a prefix of the file). */
  gboolean           past_stored_rows;
} RfImportJob;

RfImportJob     *rf_import_job_new          (RfCsvImporter *importer);
void             rf_import_job_free         (RfImportJob   *job);
/* Emits "leads-created" with @lead_ids (taken) on the job's main context. */
void             rf_import_job_emit_leads   (RfImportJob   *job,
                                             GArray        *lead_ids);

/* rf-csv-import-writer.c: scores the rows gathered in @job->rows and hands
 * them to the writer; waits when two batches are in flight. */
gboolean         rf_import_job_flush        (RfImportJob   *job,
                                             GCancellable  *cancellable,
                                             GError       **error);
/* Waits for every batch handed over; the first error. */
gboolean         rf_import_job_drain        (RfImportJob   *job,
                                             GError       **error);
void             rf_import_job_stop_writer  (RfImportJob   *job);

/* rf-import-report.c */
RfImportReport  *rf_import_report_new       (void);
RfImportPreview *rf_import_preview_new      (void);
GArray          *rf_import_problems_copy    (GArray        *problems);

G_END_DECLS
