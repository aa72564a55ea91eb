/* test-csv-reader.c: what real exports contain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rf-csv-reader.h"

typedef struct
{
  GString *out;     /* "line:cell|cell\n" per record */
  guint    truncated;
  guint    unterminated;
} Collected;

static gboolean
collect_cb (const RfCsvRecord  *record,
            gpointer            user_data,
            GError            **error)
{
  Collected *collected = user_data;

  g_string_append_printf (collected->out, "%u:", record->line);
  for (guint i = 0; i < record->n_cells; i++)
    {
      g_assert_true (g_utf8_validate (record->cells[i], -1, NULL));
      g_string_append_printf (collected->out, i > 0 ? "|%s" : "%s", record->cells[i]);
    }
  g_string_append_c (collected->out, '\n');
  collected->truncated += record->truncated;
  collected->unterminated += record->unterminated;
  return TRUE;
}

/* Reads @data in pieces of @step bytes (0: all at once). */
static char *
read_all (const char  *data,
          gsize        length,
          gsize        step,
          char         delimiter,
          const char  *encoding,
          char       **encoding_out,
          char        *delimiter_out,
          GError     **error)
{
  g_autoptr(RfCsvReader) reader = rf_csv_reader_new ();
  Collected collected = { g_string_new (NULL) };

  rf_csv_reader_set_delimiter (reader, delimiter);
  if (encoding != NULL)
    g_assert_true (rf_csv_reader_set_encoding (reader, encoding, NULL));

  if (step == 0)
    step = MAX (length, 1);
  for (gsize offset = 0; offset < length; offset += step)
    if (!rf_csv_reader_push (reader, data + offset, MIN (step, length - offset), collect_cb, &collected, error))
      goto fail;
  if (!rf_csv_reader_finish (reader, collect_cb, &collected, error))
    goto fail;

  if (encoding_out != NULL)
    *encoding_out = g_strdup (rf_csv_reader_get_encoding (reader));
  if (delimiter_out != NULL)
    *delimiter_out = rf_csv_reader_get_delimiter (reader);
  g_assert_cmpuint (rf_csv_reader_get_bytes_read (reader), ==, length);
  return g_string_free (collected.out, FALSE);

fail:
  g_string_free (collected.out, TRUE);
  return NULL;
}

#define ASSERT_READS(data, expected) \
  G_STMT_START { \
    g_autoptr(GError) _error = NULL; \
    g_autofree char *_got = read_all (data, sizeof (data) - 1, 0, 0, NULL, NULL, NULL, &_error); \
    g_assert_no_error (_error); \
    g_assert_cmpstr (_got, ==, expected); \
  } G_STMT_END

static void
test_rfc4180 (void)
{
  ASSERT_READS ("Company,Notes,Email\r\n"
                "\"Acme, Inc.\",\"She said \"\"hire\"\"\nand left\",a@acme.com\r\n"
                "Beta,,b@beta.io\r\n",
                "1:Company|Notes|Email\n"
                "2:Acme, Inc.|She said \"hire\"\nand left|a@acme.com\n"
                "4:Beta||b@beta.io\n");
}

static void
test_line_endings_and_blanks (void)
{
  /* CR only, blank lines skipped, numbers kept true. */
  ASSERT_READS ("a,b\r\r1,2\r\n\n3,4\n\n", "1:a|b\n3:1|2\n5:3|4\n");
  /* A last line without a newline; a quoted empty cell is not a blank line. */
  ASSERT_READS ("a,b\n\"\"\nx,y", "1:a|b\n2:\n3:x|y\n");
}

static void
test_delimiters (void)
{
  static const struct { const char *data; char delimiter; } cases[] = {
    { "name;email;notes\nJo;jo@x.de;\"a, b; c\"\nAl;al@y.de;z\n", ';' },
    { "name\temail\nJo\tjo@x.de\n", '\t' },
    { "name|email|city\nJo|jo@x.de|Berlin, DE\n", '|' },
    { "\"name, full\",email\nJo,jo@x.de\n", ',' },
    /* Semicolons inside text, commas between columns. */
    { "Company,Description\nA,\"x; y; z\"\nB,\"p; q\"\n", ',' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *got = NULL;
      char delimiter = 0;

      got = read_all (cases[i].data, strlen (cases[i].data), 0, 0, NULL, NULL, &delimiter, &error);
      g_assert_no_error (error);
      g_assert_cmpint (delimiter, ==, cases[i].delimiter);
    }
}

static void
test_encodings (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *got = NULL;
  const char utf16le[] = "\xff\xfe" "N\0a\0m\0e\0,\0C\0i\0t\0y\0\n\0J\0\xf6\0,\0\x4e\x6d\n\0";
  const char utf16be[] = "\xfe\xff" "\0N\0,\0C\0\n\0\xe9\0,\0x\0\n";
  const char cp1252[] = "Name,City\nJos\xe9,K\xf6ln\n\x93Quoted\x94,\x80 5\n";
  const char mixed[] = "Name,City\nJos\xc3\xa9,K\xf6ln\n";
  const char bom[] = "\xef\xbb\xbfName,City\nJo,Ulm\n";

  got = read_all (utf16le, sizeof utf16le - 1, 3, 0, NULL, &encoding, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, "UTF-16LE");
  g_assert_cmpstr (got, ==, "1:Name|City\n2:Jö|济\n");
  g_clear_pointer (&got, g_free);
  g_clear_pointer (&encoding, g_free);

  got = read_all (utf16be, sizeof utf16be - 1, 1, 0, NULL, &encoding, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, "UTF-16BE");
  g_assert_cmpstr (got, ==, "1:N|C\n2:é|x\n");
  g_clear_pointer (&got, g_free);
  g_clear_pointer (&encoding, g_free);

  got = read_all (cp1252, sizeof cp1252 - 1, 0, 0, NULL, &encoding, NULL, &error);
  g_assert_cmpstr (encoding, ==, "WINDOWS-1252");
  g_assert_cmpstr (got, ==, "1:Name|City\n2:José|Köln\n3:“Quoted”|€ 5\n");
  g_clear_pointer (&got, g_free);
  g_clear_pointer (&encoding, g_free);

  /* Mostly UTF-8, one cell typed in a Windows spreadsheet. */
  got = read_all (mixed, sizeof mixed - 1, 0, 0, NULL, &encoding, NULL, &error);
  g_assert_cmpstr (got, ==, "1:Name|City\n2:José|Köln\n");
  g_clear_pointer (&got, g_free);
  g_clear_pointer (&encoding, g_free);

  got = read_all (bom, sizeof bom - 1, 1, 0, NULL, &encoding, NULL, &error);
  g_assert_cmpstr (encoding, ==, "UTF-8");
  g_assert_cmpstr (got, ==, "1:Name|City\n2:Jo|Ulm\n");
  g_clear_pointer (&got, g_free);

  /* Told the encoding: bytes that would pass for UTF-8 read as Latin-1. */
  got = read_all ("a\n\xc3\xa9\n", 5, 0, 0, "ISO-8859-1", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, "1:a\n2:Ã©\n");
}

static void
test_overrides (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  g_autoptr(RfCsvReader) reader = rf_csv_reader_new ();

  got = read_all ("a;b,c\n1;2,3\n", 12, 0, ',', NULL, NULL, NULL, &error);
  g_assert_cmpstr (got, ==, "1:a;b|c\n2:1;2|3\n");
  g_assert_false (rf_csv_reader_set_encoding (reader, "KLINGON-8", &error));
  g_assert_error (error, RF_CSV_ERROR, RF_CSV_ERROR_BAD_ENCODING);
}

static void
test_every_split (void)
{
  const char data[] = "Name;Notes\r\n\"Ann \"\"A\"\"\";\"two\r\nlines\"\r\nBø;x\r\n";
  g_autofree char *whole = read_all (data, sizeof data - 1, 0, 0, NULL, NULL, NULL, NULL);

  g_assert_cmpstr (whole, ==, "1:Name|Notes\n2:Ann \"A\"|two\r\nlines\n4:Bø|x\n");
  for (gsize step = 1; step < sizeof data; step++)
    {
      g_autofree char *pieces = read_all (data, sizeof data - 1, step, 0, NULL, NULL, NULL, NULL);
      g_assert_cmpstr (pieces, ==, whole);
    }
}

static void
test_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xff" "a";
  const char nul[] = "a,b\nx\0y,z\n";
  g_autoptr(GString) long_cell = g_string_new ("a,b\n\"");
  Collected collected = { g_string_new (NULL) };
  g_autoptr(RfCsvReader) reader = rf_csv_reader_new ();

  got = read_all (png, sizeof png - 1, 0, 0, NULL, NULL, NULL, &error);
  g_assert_null (got);
  g_assert_error (error, RF_CSV_ERROR, RF_CSV_ERROR_NOT_TEXT);
  g_clear_error (&error);

  /* An odd NUL in text is dropped, not a reason to refuse the file. */
  got = read_all (nul, sizeof nul - 1, 0, 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, "1:a|b\n2:xy|z\n");
  g_clear_pointer (&got, g_free);

  got = read_all ("", 0, 0, 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, "");
  g_clear_pointer (&got, g_free);

  /* A cell past the cap is cut and flagged; the file ends inside quotes. */
  for (guint i = 0; i < RF_CSV_MAX_CELL_LENGTH / 8 + 10; i++)
    g_string_append (long_cell, "12345678");
  g_assert_true (rf_csv_reader_push (reader, long_cell->str, long_cell->len, collect_cb, &collected, &error));
  g_assert_true (rf_csv_reader_finish (reader, collect_cb, &collected, &error));
  g_assert_cmpuint (collected.truncated, ==, 1);
  g_assert_cmpuint (collected.unterminated, ==, 1);
  g_string_free (collected.out, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-reader/rfc4180", test_rfc4180);
  g_test_add_func ("/csv-reader/line-endings-and-blanks", test_line_endings_and_blanks);
  g_test_add_func ("/csv-reader/delimiters", test_delimiters);
  g_test_add_func ("/csv-reader/encodings", test_encodings);
  g_test_add_func ("/csv-reader/overrides", test_overrides);
  g_test_add_func ("/csv-reader/every-split", test_every_split);
  g_test_add_func ("/csv-reader/bad-input", test_bad_input);

  return g_test_run ();
}
