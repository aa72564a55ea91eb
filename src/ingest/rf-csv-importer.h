/* rf-csv-importer.h: CSV and vCard files into scored leads, in batches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rf-column-mapping.h"
#include "rf-database.h"
#include "rf-icp-profile.h"

G_BEGIN_DECLS

#define RF_CSV_IMPORTER_DEFAULT_BATCH_SIZE 500

/* A row that was not imported, or imported with a problem. @line is the
 * file's line where the record starts (the card's number for vCard). */
typedef struct
{
  guint  line;
  char  *reason;
} RfImportProblem;

#define RF_TYPE_IMPORT_REPORT (rf_import_report_get_type ())

/* What an import did. Duplicates merged = companies and contacts found
 * already stored (in the database or earlier in the file) plus rows that
 * an earlier import of the same file had already stored (skipped). */
typedef struct
{
  char            *batch_id;
  char            *file_name;
  char            *file_hash;        /* SHA-256 of the file's bytes */
  char            *encoding;
  char             delimiter;        /* 0 for vCard */
  RfColumnMapping *mapping;          /* NULL for vCard */
  guint            rows_read;
  guint            leads_created;
  guint            companies_created;
  guint            companies_merged;
  guint            contacts_created;
  guint            contacts_merged;
  guint            rows_skipped;
  guint            duplicates_merged;
  GArray          *rejected;         /* RfImportProblem: rows not imported */
  GArray          *warnings;         /* RfImportProblem: imported, but see why */
  GArray          *lead_ids;         /* gint64: the leads made, in file order */
} RfImportReport;

GType           rf_import_report_get_type (void) G_GNUC_CONST;
RfImportReport *rf_import_report_copy     (const RfImportReport *report);
void            rf_import_report_free     (RfImportReport       *report);

#define RF_TYPE_IMPORT_PREVIEW (rf_import_preview_get_type ())

/* What an import would do, from the same reading and deduplication,
 * writing nothing. @rows holds every parsed record (a GStrv each) exactly
 * as read; @row_lines the line each starts on. @problems lists rejected
 * rows and warnings together, in line order. would_create counts the leads
 * the import would make; would_merge counts what the report would call
 * duplicates merged. */
typedef struct
{
  char            *file_name;
  char            *file_hash;
  char            *encoding;
  char             delimiter;
  char           **header;
  RfColumnMapping *mapping;
  GPtrArray       *rows;
  GArray          *row_lines;        /* guint */
  GArray          *problems;         /* RfImportProblem */
  guint            rows_rejected;
  guint            would_create;
  guint            would_merge;
  guint            would_create_companies;
  guint            would_create_contacts;
  guint            would_merge_companies;
  guint            would_merge_contacts;
  guint            would_skip;       /* rows already imported */
} RfImportPreview;

GType            rf_import_preview_get_type (void) G_GNUC_CONST;
RfImportPreview *rf_import_preview_copy     (const RfImportPreview *preview);
void             rf_import_preview_free     (RfImportPreview       *preview);

#define RF_TYPE_CSV_IMPORTER (rf_csv_importer_get_type ())

/* Reads a CSV file (or a .vcf file) as it streams in, maps its columns,
 * and stores one signal and one lead per row, scored by the rules
 * classifier, batch-size rows per transaction, so that an import cut off
 * anywhere leaves whole rows and running it again completes it: each
 * signal's dedup key is derived from the file's hash and the row.
 *
 * Properties "bytes-read", "bytes-total" and "rows-read" report progress;
 * they change, and "leads-created" (a GArray of gint64 per committed
 * transaction) is emitted, on the thread-default main context of the
 * caller of _import_async() or _import_sync(). */
G_DECLARE_FINAL_TYPE (RfCsvImporter, rf_csv_importer, RF, CSV_IMPORTER, GObject)

RfCsvImporter   *rf_csv_importer_new             (RfDatabase          *database);
RfDatabase      *rf_csv_importer_get_database    (RfCsvImporter       *self);
/* 0 (the default): detect. */
void             rf_csv_importer_set_delimiter   (RfCsvImporter       *self,
                                                  char                 delimiter);
char             rf_csv_importer_get_delimiter   (RfCsvImporter       *self);
/* NULL (the default): detect. */
void             rf_csv_importer_set_encoding    (RfCsvImporter       *self,
                                                  const char          *encoding);
const char      *rf_csv_importer_get_encoding    (RfCsvImporter       *self);
/* The profile leads are scored against; NULL: none. */
void             rf_csv_importer_set_profile     (RfCsvImporter       *self,
                                                  RfIcpProfile        *profile);
RfIcpProfile    *rf_csv_importer_get_profile     (RfCsvImporter       *self);
void             rf_csv_importer_set_batch_size  (RfCsvImporter       *self,
                                                  guint                batch_size);
guint            rf_csv_importer_get_batch_size  (RfCsvImporter       *self);
/* A mapping the user confirmed; used when the file's header is the one it
 * was made for, else the mapping is detected. NULL: detect. */
void             rf_csv_importer_set_mapping     (RfCsvImporter       *self,
                                                  RfColumnMapping     *mapping);
RfColumnMapping *rf_csv_importer_get_mapping     (RfCsvImporter       *self);
guint64          rf_csv_importer_get_bytes_read  (RfCsvImporter       *self);
guint64          rf_csv_importer_get_bytes_total (RfCsvImporter       *self);
guint            rf_csv_importer_get_rows_read   (RfCsvImporter       *self);

RfImportReport  *rf_csv_importer_import_sync     (RfCsvImporter       *self,
                                                  GFile               *file,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
void             rf_csv_importer_import_async    (RfCsvImporter       *self,
                                                  GFile               *file,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
RfImportReport  *rf_csv_importer_import_finish   (RfCsvImporter       *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* The dry run: reads @file and asks the database what would merge. */
RfImportPreview *rf_csv_importer_preview         (RfCsvImporter       *self,
                                                  GFile               *file,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
void             rf_csv_importer_preview_async   (RfCsvImporter       *self,
                                                  GFile               *file,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
RfImportPreview *rf_csv_importer_preview_finish  (RfCsvImporter       *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* The batch id an import of @file gets (derived from its content). */
char            *rf_csv_importer_dup_batch_id    (GFile               *file,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
/* Undoes import @batch_id: see rf_import_dao_revert_sync(). Returns the
 * number of leads removed, -1 on error. */
gint             rf_csv_importer_revert_sync     (RfCsvImporter       *self,
                                                  const char          *batch_id,
                                                  GCancellable        *cancellable,
                                                  GError             **error);

/* TRUE for the names the importer reads: .csv, .tsv, .txt, .vcf, .vcard. */
gboolean         rf_csv_importer_handles_file    (const char          *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfImportReport, rf_import_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfImportPreview, rf_import_preview_free)

G_END_DECLS
