/* fuzz-csv-reader.c: any bytes, cut anywhere, read the same as whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdint.h>

#include "rf-csv-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static gboolean
append_record (const RfCsvRecord  *record,
               gpointer            user_data,
               GError            **error)
{
  GString *out = user_data;

  g_string_append_printf (out, "%u", record->line);
  for (guint i = 0; i < record->n_cells; i++)
    {
      g_assert_true (g_utf8_validate (record->cells[i], -1, NULL));
      g_assert_cmpuint (strlen (record->cells[i]), <=, RF_CSV_MAX_CELL_LENGTH * 3);
      g_string_append_c (out, '\x1f');
      g_string_append (out, record->cells[i]);
    }
  g_string_append_c (out, '\x1e');
  return TRUE;
}

static char *
read_in_steps (const char *data,
               gsize       size,
               gsize       step,
               gboolean   *ok)
{
  g_autoptr(RfCsvReader) reader = rf_csv_reader_new ();
  GString *out = g_string_new (NULL);

  *ok = TRUE;
  for (gsize offset = 0; *ok && offset < size; offset += step)
    *ok = rf_csv_reader_push (reader, data + offset, MIN (step, size - offset), append_record, out, NULL);
  *ok = *ok && rf_csv_reader_finish (reader, append_record, out, NULL);
  return g_string_free (out, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *whole = NULL;
  g_autofree char *pieces = NULL;
  gboolean ok_whole;
  gboolean ok_pieces;
  gsize step;

  if (size < 1)
    return 0;
  step = data[0] % 13 + 1;
  whole = read_in_steps ((const char *)data + 1, size - 1, MAX (size - 1, 1), &ok_whole);
  pieces = read_in_steps ((const char *)data + 1, size - 1, step, &ok_pieces);

  /* Detection sees the same first 64 KiB either way, so the records match. */
  g_assert_cmpint (ok_whole, ==, ok_pieces);
  if (ok_whole)
    g_assert_cmpstr (whole, ==, pieces);
  return 0;
}
