/* rf-import-scan.h: reading a CSV or vCard file into mapped rows, shared by
 * the import and its dry run (private to the ingest layer)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rf-csv-importer.h"
#include "rf-lead.h"

G_BEGIN_DECLS

/* One data record, as read (@cells) and mapped. @lead is the lead to
 * store: for a file Raptorflow exported, the scores, status and notes as
 * they were; else NULL until the importer scores the row. A @rejected
 * row is listed in the scan's rejected problems and not imported. */
typedef struct
{
  guint        line;
  guint        ordinal;
  char       **cells;
  guint        n_cells;
  RfMappedRow  mapped;
  char        *dedup_key;
  RfLead      *lead;
  gboolean     rejected;
} RfImportRow;

void rf_import_row_free (RfImportRow *row);

/* Takes @row (the callee owns it). */
typedef gboolean (*RfImportRowFunc) (RfImportRow  *row,
                                     gpointer      user_data,
                                     GError      **error);
typedef void (*RfImportProgressFunc) (guint64   bytes_read,
                                      guint64   bytes_total,
                                      guint     rows_read,
                                      gpointer  user_data);

typedef struct
{
  /* In. */
  char             delimiter;
  char            *encoding;
  RfColumnMapping *user_mapping;
  RfImportProgressFunc progress;
  gpointer         progress_data;

  /* Out. */
  char            *file_name;
  char            *file_hash;   /* computed when NULL on entry */
  char            *detected_encoding;
  char             detected_delimiter;
  gboolean         is_vcard;
  char           **header;
  RfColumnMapping *mapping;
  GArray          *rejected;   /* RfImportProblem */
  GArray          *warnings;   /* RfImportProblem */
  guint            rows_read;  /* data records, rejected ones included */
  guint64          bytes_read;
  guint64          bytes_total;

  /* Private. */
  gpointer         priv;
} RfImportScan;

void     rf_import_scan_init   (RfImportScan      *scan);
void     rf_import_scan_clear  (RfImportScan      *scan);
gboolean rf_import_scan_file   (RfImportScan      *scan,
                                GFile             *file,
                                RfImportRowFunc    func,
                                gpointer           user_data,
                                GCancellable      *cancellable,
                                GError           **error);
char    *rf_import_hash_file   (GFile             *file,
                                GCancellable      *cancellable,
                                GError           **error);
char    *rf_import_batch_id_for_hash (const char  *file_hash);
void     rf_import_problems_add (GArray           *problems,
                                 guint             line,
                                 const char       *reason);
void     rf_import_problems_clear (gpointer        problem);

G_END_DECLS
