/* test-ndjson.c: lines arrive in any pieces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>

#include "rf-ndjson-splitter.h"
#include "rf-ollama-error.h"

static gboolean
collect_line (const char  *line,
              gsize        length,
              gpointer     user_data,
              GError     **error)
{
  g_assert_cmpuint (strlen (line), ==, length);
  g_ptr_array_add (user_data, g_strdup (line));
  return TRUE;
}

static gboolean
stop_at_two (const char  *line,
             gsize        length,
             gpointer     user_data,
             GError     **error)
{
  GPtrArray *lines = user_data;

  g_ptr_array_add (lines, g_strdup (line));
  if (lines->len == 2)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "stop");
      return FALSE;
    }
  return TRUE;
}

static const char *stream =
  "{\"a\":1}\n"
  "{\"b\":\"two\\nlines\"}\r\n"
  "\n"
  "   \n"
  "{\"c\":\"é😀\"}\n"
  "{\"last\":true}";

static void
check_lines (GPtrArray *lines)
{
  g_assert_cmpuint (lines->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "{\"a\":1}");
  g_assert_cmpstr (g_ptr_array_index (lines, 1), ==, "{\"b\":\"two\\nlines\"}");
  g_assert_cmpstr (g_ptr_array_index (lines, 2), ==, "{\"c\":\"é😀\"}");
  g_assert_cmpstr (g_ptr_array_index (lines, 3), ==, "{\"last\":true}");
}

/* Every way of cutting the stream in two, and byte by byte. */
static void
test_any_split (void)
{
  gsize length = strlen (stream);

  for (gsize cut = 0; cut <= length; cut++)
    {
      g_autoptr(RfNdjsonSplitter) splitter = rf_ndjson_splitter_new (1024);
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;

      g_assert_true (rf_ndjson_splitter_push (splitter, stream, cut, collect_line, lines, &error));
      g_assert_true (rf_ndjson_splitter_push (splitter, stream + cut, length - cut, collect_line, lines, &error));
      g_assert_true (rf_ndjson_splitter_finish (splitter, collect_line, lines, &error));
      g_assert_no_error (error);
      check_lines (lines);
    }

  {
    g_autoptr(RfNdjsonSplitter) splitter = rf_ndjson_splitter_new (1024);
    g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

    for (gsize i = 0; i < length; i++)
      g_assert_true (rf_ndjson_splitter_push (splitter, stream + i, 1, collect_line, lines, NULL));
    g_assert_true (rf_ndjson_splitter_finish (splitter, collect_line, lines, NULL));
    check_lines (lines);
  }
}

static void
test_line_limit (void)
{
  g_autoptr(RfNdjsonSplitter) splitter = rf_ndjson_splitter_new (16);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (rf_ndjson_splitter_push (splitter, "{\"short\":1}\n{\"x\":\"", 17, collect_line, lines, &error));
  /* The second line only grows: refused before it is whole. */
  g_assert_false (rf_ndjson_splitter_push (splitter, "aaaaaaaaaaaaaaaa", 16, collect_line, lines, &error));
  g_assert_error (error, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_BAD_ANSWER);
  g_assert_cmpuint (lines->len, ==, 1);
}

static void
test_handler_stops (void)
{
  g_autoptr(RfNdjsonSplitter) splitter = rf_ndjson_splitter_new (0);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_false (rf_ndjson_splitter_push (splitter, "1\n2\n3\n", 6, stop_at_two, lines, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpuint (lines->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ndjson/any-split", test_any_split);
  g_test_add_func ("/ndjson/line-limit", test_line_limit);
  g_test_add_func ("/ndjson/handler-stops", test_handler_stops);

  return g_test_run ();
}
