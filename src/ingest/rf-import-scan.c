/* rf-import-scan.c: a CSV or vCard file as mapped rows, for the import and
 * its dry run alike, so that both see exactly the same rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rf-csv-reader.h"
#include "rf-import-scan.h"
#include "rf-lead-export.h"
#include "rf-vcard.h"

#define CHUNK_SIZE (64 * 1024)

typedef struct
{
  RfImportScan        *scan;
  RfImportRowFunc      func;
  gpointer             user_data;
  RfLeadExportColumns *export_columns;
  guint                n_header;
  gboolean             have_header;
} ScanState;

void
rf_import_row_free (RfImportRow *row)
{
  if (row == NULL)
    return;
  g_strfreev (row->cells);
  rf_mapped_row_clear (&row->mapped);
  g_free (row->dedup_key);
  g_clear_object (&row->lead);
  g_free (row);
}

void
rf_import_problems_clear (gpointer problem)
{
  g_free (((RfImportProblem *)problem)->reason);
}

void
rf_import_problems_add (GArray     *problems,
                        guint       line,
                        const char *reason)
{
  RfImportProblem problem = { line, g_strdup (reason) };

  g_array_append_val (problems, problem);
}

static GArray *
problems_new (void)
{
  GArray *problems = g_array_new (FALSE, FALSE, sizeof (RfImportProblem));

  g_array_set_clear_func (problems, rf_import_problems_clear);
  return problems;
}

void
rf_import_scan_init (RfImportScan *scan)
{
  memset (scan, 0, sizeof *scan);
  scan->rejected = problems_new ();
  scan->warnings = problems_new ();
}

void
rf_import_scan_clear (RfImportScan *scan)
{
  g_clear_pointer (&scan->encoding, g_free);
  g_clear_object (&scan->user_mapping);
  g_clear_pointer (&scan->file_name, g_free);
  g_clear_pointer (&scan->file_hash, g_free);
  g_clear_pointer (&scan->detected_encoding, g_free);
  g_clear_pointer (&scan->header, g_strfreev);
  g_clear_object (&scan->mapping);
  g_clear_pointer (&scan->rejected, g_array_unref);
  g_clear_pointer (&scan->warnings, g_array_unref);
}

char *
rf_import_hash_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = NULL;
  gssize n;

  if (stream == NULL)
    return NULL;
  buffer = g_malloc (CHUNK_SIZE);
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, CHUNK_SIZE, cancellable, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

/* The same file gives the same batch: a run after a crash goes on with it,
 * and a revert removes everything the file brought in. */
char *
rf_import_batch_id_for_hash (const char *file_hash)
{
  return g_strdup_printf ("import-%.16s", file_hash);
}

/* From the file's hash, the row's position and its cells: the same file
 * imported again finds every row already stored; two equal rows in one
 * file are still two leads. */
static char *
dedup_key (const char          *file_hash,
           guint                ordinal,
           const char * const  *cells,
           guint                n_cells,
           const char          *extra)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char number[16];

  g_checksum_update (checksum, (const guchar *)file_hash, -1);
  g_snprintf (number, sizeof number, "\n%u\n", ordinal);
  g_checksum_update (checksum, (const guchar *)number, -1);
  for (guint i = 0; i < n_cells; i++)
    {
      g_checksum_update (checksum, (const guchar *)cells[i], -1);
      g_checksum_update (checksum, (const guchar *)"\x1f", 1);
    }
  if (extra != NULL)
    g_checksum_update (checksum, (const guchar *)extra, -1);
  return g_strdup_printf ("import:%s", g_checksum_get_string (checksum));
}

static gboolean
row_is_blank (const char * const *cells,
              guint               n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    for (const char *p = cells[i]; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

static gboolean
row_has_content (const RfMappedRow *mapped)
{
  const char *text = rf_signal_get_raw_text (mapped->signal);

  return mapped->company != NULL || mapped->contact != NULL || (text != NULL && *text != '\0');
}

/* Finishes @row (key, signal fields, verdict) and hands it on. */
static gboolean
emit_row (ScanState    *state,
          RfImportRow  *row,
          const char   *key_extra,
          GError      **error)
{
  RfImportScan *scan = state->scan;

  scan->rows_read++;
  if (!row->rejected && !row_has_content (&row->mapped))
    {
      rf_import_problems_add (scan->rejected, row->line,
                              _("Nothing to import: the row names no company or contact and has no text"));
      row->rejected = TRUE;
    }
  if (row->mapped.signal != NULL)
    {
      row->dedup_key = dedup_key (scan->file_hash, row->ordinal, (const char * const *)row->cells, row->n_cells,
                                  key_extra);
      rf_signal_set_dedup_key (row->mapped.signal, row->dedup_key);
      rf_signal_set_file_name (row->mapped.signal, scan->file_name);
      rf_signal_set_file_hash (row->mapped.signal, scan->file_hash);
    }
  return state->func (row, state->user_data, error);
}

static void
take_header (ScanState         *state,
             const RfCsvRecord *record)
{
  RfImportScan *scan = state->scan;
  g_autoptr(RfColumnMapping) detected = NULL;
  gboolean any = FALSE;

  state->have_header = TRUE;
  state->n_header = record->n_cells;
  scan->header = g_new0 (char *, record->n_cells + 1);
  for (guint i = 0; i < record->n_cells; i++)
    scan->header[i] = g_strdup (record->cells[i]);

  detected = rf_column_mapping_new_detect ((const char * const *)record->cells, record->n_cells);
  state->export_columns = rf_lead_export_columns_new ((const char * const *)record->cells, record->n_cells);
  if (state->export_columns != NULL)
    for (guint i = 0; i < record->n_cells; i++)
      if (rf_lead_export_columns_is_lead_column (state->export_columns, i))
        rf_column_mapping_set_field (detected, i, RF_LEAD_FIELD_NONE);

  if (scan->user_mapping != NULL)
    {
      g_autofree char *want = rf_column_mapping_dup_key (detected);
      g_autofree char *have = rf_column_mapping_dup_key (scan->user_mapping);

      if (g_strcmp0 (want, have) == 0)
        g_set_object (&detected, scan->user_mapping);
    }
  scan->mapping = g_steal_pointer (&detected);

  for (guint i = 0; i < record->n_cells; i++)
    any |= rf_column_mapping_get_field (scan->mapping, i) != RF_LEAD_FIELD_NONE;
  if (!any && state->export_columns == NULL)
    rf_import_problems_add (scan->warnings, record->line,
                            _("No column header was recognised: every column is kept as text"));
}

static gboolean
csv_record_cb (const RfCsvRecord  *record,
               gpointer            user_data,
               GError            **error)
{
  ScanState *state = user_data;
  RfImportScan *scan = state->scan;
  RfImportRow *row;
  g_autofree const char **cells = NULL;

  if (!state->have_header)
    {
      take_header (state, record);
      return TRUE;
    }

  row = g_new0 (RfImportRow, 1);
  row->line = record->line;
  row->ordinal = scan->rows_read + 1;
  row->n_cells = record->n_cells;
  row->cells = g_new0 (char *, record->n_cells + 1);
  for (guint i = 0; i < record->n_cells; i++)
    row->cells[i] = g_strdup (record->cells[i]);

  if (record->unterminated)
    {
      rf_import_problems_add (scan->rejected, record->line,
                              _("The file ends inside a quoted cell: a quote is missing, so the row was not imported"));
      row->rejected = TRUE;
    }
  else if (row_is_blank ((const char * const *)row->cells, row->n_cells))
    {
      rf_import_problems_add (scan->rejected, record->line, _("The row has no values"));
      row->rejected = TRUE;
    }
  else
    {
      if (record->n_cells > state->n_header)
        {
          g_autofree char *reason = g_strdup_printf (_("The row has %u cells but the header has %u: "
                                                       "the surplus is kept as extra text"),
                                                     record->n_cells, state->n_header);
          rf_import_problems_add (scan->warnings, record->line, reason);
        }
      else if (record->n_cells < state->n_header)
        {
          g_autofree char *reason = g_strdup_printf (_("The row has %u cells but the header has %u: "
                                                       "the missing ones are left blank"),
                                                     record->n_cells, state->n_header);
          rf_import_problems_add (scan->warnings, record->line, reason);
        }
      if (record->truncated)
        rf_import_problems_add (scan->warnings, record->line,
                                _("A cell longer than 1 MiB was cut to that length"));

      /* Columns of an exported lead (scores, status...) are restored as
       * such, not kept as text on the signal. */
      cells = g_new0 (const char *, row->n_cells + 1);
      for (guint i = 0; i < row->n_cells; i++)
        cells[i] = state->export_columns != NULL &&
                   rf_lead_export_columns_is_lead_column (state->export_columns, i) ? "" : row->cells[i];
      rf_column_mapping_apply (scan->mapping, cells, row->n_cells, &row->mapped);
      if (state->export_columns != NULL)
        row->lead = rf_lead_export_columns_restore (state->export_columns,
                                                        (const char * const *)row->cells, row->n_cells,
                                                        row->mapped.signal);
    }

  return emit_row (state, row, NULL, error);
}

static gboolean
scan_csv (ScanState     *state,
          GFile         *file,
          GCancellable  *cancellable,
          GError       **error)
{
  RfImportScan *scan = state->scan;
  g_autoptr(RfCsvReader) reader = rf_csv_reader_new ();
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = NULL;
  char delimiter = scan->delimiter;
  gssize n;

  if (delimiter == 0 && scan->file_name != NULL && g_str_has_suffix (scan->file_name, ".tsv"))
    delimiter = '\t';
  rf_csv_reader_set_delimiter (reader, delimiter);
  if (scan->encoding != NULL && !rf_csv_reader_set_encoding (reader, scan->encoding, error))
    return FALSE;

  if (!(stream = g_file_read (file, cancellable, error)))
    return FALSE;
  buffer = g_malloc (CHUNK_SIZE);
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, CHUNK_SIZE, cancellable, error)) > 0)
    {
      if (!rf_csv_reader_push (reader, buffer, n, csv_record_cb, state, error))
        return FALSE;
      scan->bytes_read += n;
      if (scan->progress != NULL)
        scan->progress (scan->bytes_read, scan->bytes_total, scan->rows_read, scan->progress_data);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  if (n < 0 || !rf_csv_reader_finish (reader, csv_record_cb, state, error))
    return FALSE;

  scan->detected_encoding = g_strdup (rf_csv_reader_get_encoding (reader));
  scan->detected_delimiter = rf_csv_reader_get_delimiter (reader);
  if (!state->have_header)
    {
      g_set_error (error, RF_CSV_ERROR, RF_CSV_ERROR_EMPTY,
                   _("“%s” is empty: there is neither a header nor a row to import"), scan->file_name);
      return FALSE;
    }
  if (scan->rows_read == 0)
    rf_import_problems_add (scan->warnings, 1, _("The file has a header but no rows"));
  if (scan->progress != NULL)
    scan->progress (scan->bytes_read, scan->bytes_total, scan->rows_read, scan->progress_data);
  return TRUE;
}

static const char * const vcard_header[] = {
  "FN", "N", "ORG", "TITLE", "EMAIL", "TEL", "URL", "ADR", "NOTE", NULL
};

static char *
join_array (GPtrArray *values)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < values->len; i++)
    g_string_append_printf (out, i > 0 ? ", %s" : "%s", (const char *)g_ptr_array_index (values, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The line of each BEGIN:VCARD, for problems. */
static GArray *
card_lines (const char *text,
            gsize       length)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *end = text + length;
  guint line = 1;

  for (const char *p = text; p < end; line++)
    {
      const char *eol = memchr (p, '\n', end - p);

      while (p < end && (*p == ' ' || *p == '\t'))
        p++;
      if ((gsize)(end - p) >= 11 && g_ascii_strncasecmp (p, "BEGIN:VCARD", 11) == 0)
        g_array_append_val (lines, line);
      if (eol == NULL)
        break;
      p = eol + 1;
    }
  return lines;
}

static gboolean
scan_vcard (ScanState     *state,
            GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  RfImportScan *scan = state->scan;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GArray) lines = NULL;
  const char *text;
  gsize length;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return FALSE;
  scan->bytes_total = length;
  text = contents;
  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3;
      length -= 3;
    }
  if (length == 0)
    {
      g_set_error (error, RF_CSV_ERROR, RF_CSV_ERROR_EMPTY, _("“%s” is empty: there is no contact to import"),
                   scan->file_name);
      return FALSE;
    }
  if (!g_utf8_validate (text, length, NULL))
    {
      g_set_error (error, RF_CSV_ERROR, RF_CSV_ERROR_NOT_TEXT,
                   _("“%s” is not a vCard file: it is not UTF-8 text"), scan->file_name);
      return FALSE;
    }
  if (!(cards = rf_vcard_parse (text, length, error)))
    return FALSE;

  scan->detected_encoding = g_strdup ("UTF-8");
  scan->header = g_strdupv ((char **)vcard_header);
  lines = card_lines (text, length);

  for (guint i = 0; i < cards->len; i++)
    {
      RfVcard *card = g_ptr_array_index (cards, i);
      RfImportRow *row = g_new0 (RfImportRow, 1);
      g_autofree char *name = g_strstrip (g_strjoin (" ", card->given_name ?: "", card->family_name ?: "", NULL));
      g_autofree char *serialized = rf_vcard_to_string (card);
      const char *cells[] = {
        card->formatted_name ?: "", name, card->organization ?: "", card->title ?: "", NULL, NULL,
        card->url ?: "", card->address ?: "", card->note ?: "",
      };
      g_autofree char *emails = join_array (card->emails);
      g_autofree char *phones = join_array (card->phones);

      cells[4] = emails;
      cells[5] = phones;
      row->line = i < lines->len ? g_array_index (lines, guint, i) : i + 1;
      row->ordinal = i + 1;
      row->n_cells = G_N_ELEMENTS (cells);
      row->cells = g_new0 (char *, row->n_cells + 1);
      for (guint c = 0; c < row->n_cells; c++)
        row->cells[c] = g_strdup (cells[c]);

      rf_vcard_to_row (card, &row->mapped);
      if (row->mapped.company == NULL && row_is_blank ((const char * const *)row->cells, row->n_cells))
        {
          rf_import_problems_add (scan->rejected, row->line, _("The card has no name, organisation, email or phone"));
          row->rejected = TRUE;
        }

      /* The key covers the whole card as written back, not only the
       * columns shown. */
      if (!emit_row (state, row, serialized, error))
        return FALSE;
    }

  scan->bytes_read = scan->bytes_total;
  if (scan->progress != NULL)
    scan->progress (scan->bytes_read, scan->bytes_total, scan->rows_read, scan->progress_data);
  return TRUE;
}

gboolean
rf_import_scan_file (RfImportScan     *scan,
                     GFile            *file,
                     RfImportRowFunc   func,
                     gpointer          user_data,
                     GCancellable     *cancellable,
                     GError          **error)
{
  g_autoptr(GFileInfo) info = NULL;
  ScanState state = { scan, func, user_data };
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  scan->file_name = g_file_get_basename (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, RF_CSV_ERROR, RF_CSV_ERROR_NOT_TEXT, _("“%s” is a folder, not a file"), scan->file_name);
      return FALSE;
    }
  scan->bytes_total = g_file_info_get_size (info);
  if (scan->file_hash == NULL && !(scan->file_hash = rf_import_hash_file (file, cancellable, error)))
    return FALSE;

  scan->is_vcard = g_str_has_suffix (scan->file_name, ".vcf") || g_str_has_suffix (scan->file_name, ".VCF") ||
                   g_str_has_suffix (scan->file_name, ".vcard");
  if (scan->is_vcard)
    ok = scan_vcard (&state, file, cancellable, error);
  else
    ok = scan_csv (&state, file, cancellable, error);

  g_clear_pointer (&state.export_columns, rf_lead_export_columns_free);
  return ok;
}
