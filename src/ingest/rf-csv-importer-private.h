/* rf-csv-importer-private.h: what the import and its dry run share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-csv-importer.h"
#include "rf-import-scan.h"
#include "rf-rules-classifier.h"

G_BEGIN_DECLS

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
} RfImportJob;

RfImportJob     *rf_import_job_new      (RfCsvImporter *importer);
void             rf_import_job_free     (RfImportJob   *job);
RfImportReport  *rf_import_report_new   (void);
RfImportPreview *rf_import_preview_new  (void);

G_END_DECLS
