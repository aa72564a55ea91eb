/* rf-csv-reader.h: CSV as real exports write it, read as it streams in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RF_CSV_ERROR (rf_csv_error_quark ())

typedef enum {
  RF_CSV_ERROR_NOT_TEXT,      /* binary data: not a CSV file */
  RF_CSV_ERROR_EMPTY,         /* nothing but blank lines */
  RF_CSV_ERROR_BAD_ENCODING,  /* an encoding that cannot be read */
  RF_CSV_ERROR_FAILED,
} RfCsvError;

GQuark rf_csv_error_quark (void);

/* One record: its cells, exactly as written (quotes removed, doubled
 * quotes undone, line breaks inside quotes kept), and the line it
 * starts on (1-based, counting the file's physical lines). */
typedef struct
{
  guint        line;
  guint        n_cells;
  char       **cells;
  /* A cell was cut at RF_CSV_MAX_CELL_LENGTH. */
  gboolean     truncated;
  /* The file ended inside a quoted cell. */
  gboolean     unterminated;
} RfCsvRecord;

typedef gboolean (*RfCsvRecordFunc) (const RfCsvRecord  *record,
                                     gpointer            user_data,
                                     GError            **error);

typedef struct _RfCsvReader RfCsvReader;

#define RF_CSV_MAX_CELL_LENGTH (1024 * 1024)

RfCsvReader *rf_csv_reader_new            (void);
void         rf_csv_reader_free           (RfCsvReader      *self);
/* 0 (the default) detects it from the first records. */
void         rf_csv_reader_set_delimiter  (RfCsvReader      *self,
                                           char              delimiter);
/* NULL (the default) detects it: a BOM, else UTF-8 if the bytes are valid,
 * else Windows-1252. Any name iconv knows. */
gboolean     rf_csv_reader_set_encoding   (RfCsvReader      *self,
                                           const char       *encoding,
                                           GError          **error);
gboolean     rf_csv_reader_push           (RfCsvReader      *self,
                                           const char       *data,
                                           gsize             length,
                                           RfCsvRecordFunc   func,
                                           gpointer          user_data,
                                           GError          **error);
gboolean     rf_csv_reader_finish         (RfCsvReader      *self,
                                           RfCsvRecordFunc   func,
                                           gpointer          user_data,
                                           GError          **error);
/* Known once the first records are read (or after finish). */
const char  *rf_csv_reader_get_encoding   (RfCsvReader      *self);
char         rf_csv_reader_get_delimiter  (RfCsvReader      *self);
guint64      rf_csv_reader_get_bytes_read (RfCsvReader      *self);

const char  *rf_csv_delimiter_name        (char              delimiter);
gboolean     rf_csv_delimiter_parse       (const char       *text,
                                           char             *delimiter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfCsvReader, rf_csv_reader_free)

G_END_DECLS
