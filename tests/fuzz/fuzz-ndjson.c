/* fuzz-ndjson.c: Ollama's stream, cut into pieces at fuzzed points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdint.h>

#include "rf-ndjson-splitter.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static gboolean
append_line (const char  *line,
             gsize        length,
             gpointer     user_data,
             GError     **error)
{
  GString *joined = user_data;

  g_assert_cmpuint (strlen (line), <=, length);
  g_assert_null (memchr (line, '\n', length));
  g_string_append_len (joined, line, length);
  g_string_append_c (joined, '\n');
  return TRUE;
}

/* The first byte says where to cut; whole or cut, the lines are the same. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RfNdjsonSplitter) whole = rf_ndjson_splitter_new (4096);
  g_autoptr(RfNdjsonSplitter) pieces = rf_ndjson_splitter_new (4096);
  g_autoptr(GString) lines_whole = g_string_new (NULL);
  g_autoptr(GString) lines_pieces = g_string_new (NULL);
  gboolean ok_whole;
  gboolean ok_pieces = TRUE;
  gsize step;

  if (size < 1)
    return 0;
  step = data[0] % 16 + 1;
  data++;
  size--;

  ok_whole = rf_ndjson_splitter_push (whole, (const char *)data, size, append_line, lines_whole, NULL) &&
             rf_ndjson_splitter_finish (whole, append_line, lines_whole, NULL);
  for (gsize offset = 0; ok_pieces && offset < size; offset += step)
    ok_pieces = rf_ndjson_splitter_push (pieces, (const char *)data + offset, MIN (step, size - offset),
                                         append_line, lines_pieces, NULL);
  ok_pieces = ok_pieces && rf_ndjson_splitter_finish (pieces, append_line, lines_pieces, NULL);

  g_assert_cmpint (ok_whole, ==, ok_pieces);
  if (ok_whole)
    g_assert_cmpstr (lines_whole->str, ==, lines_pieces->str);
  return 0;
}
