/* test-csv-preview.c: the dry run (issue 10)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "csv-test-util.h"
#include "rf-csv-importer.h"
#include "rf-csv-reader.h"

typedef struct
{
  const char *name;
  const char *data;
  gssize      length;
} Case;

/* The reader's cases, as files. */
static const Case cases[] = {
  { "plain.csv", "Company,Email,Notes\nAcme,ada@acme.com,hello\nGlobex,ann@globex.com,hi\n", -1 },
  { "quoted.csv", "Company,Notes\r\n\"Acme, Inc\",\"say \"\"hi\"\"\r\nand bye\"\r\n\"\",\"\"\r\n", -1 },
  { "semicolon.csv", "Company;Website;Notes\nAcme;acme.com;a;b\nGlobex;globex.com\n", -1 },
  { "tab.tsv", "Company\tEmail\nAcme\tada@acme.com\n\nGlobex\tann@globex.com\n", -1 },
  { "bom.csv", "\xef\xbb\xbf" "Company,Website\nAcmé,acme.com\n", -1 },
  { "cp1252.csv", "Company,Notes\n\x93Quoted\x94 Caf\xe9,\x80 100\n", -1 },
  { "cr.csv", "Company,Email\rAcme,ada@acme.com\rAcme,bob@acme.com\r", -1 },
  { "utf16.csv", "\xff\xfe" "C\0o\0m\0p\0a\0n\0y\0,\0E\0m\0a\0i\0l\0\n\0A\0c\0m\0e\0,\0a\0@\0a\0c\0m\0e\0.\0c\0o\0m\0\n\0", 50 },
  { "pipe.csv", "Company|Name|Email\nAcme|Ada|ada@acme.com\nAcme|Bob|bob@acme.com\n|||\n", -1 },
};

typedef struct
{
  GPtrArray *rows;
  gboolean   header_seen;
} Collected;

static gboolean
collect_cb (const RfCsvRecord  *record,
            gpointer            user_data,
            GError            **error)
{
  Collected *collected = user_data;
  GStrvBuilder *builder;

  if (!collected->header_seen)
    {
      collected->header_seen = TRUE;
      return TRUE;
    }
  builder = g_strv_builder_new ();
  for (guint i = 0; i < record->n_cells; i++)
    g_strv_builder_add (builder, record->cells[i]);
  g_ptr_array_add (collected->rows, g_strv_builder_end (builder));
  g_strv_builder_unref (builder);
  return TRUE;
}

/* What the reader itself yields, read in one piece. */
static GPtrArray *
reader_rows (const char *data,
             gsize       length,
             char        delimiter)
{
  g_autoptr(RfCsvReader) reader = rf_csv_reader_new ();
  g_autoptr(GError) error = NULL;
  Collected collected = { g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev), FALSE };

  rf_csv_reader_set_delimiter (reader, delimiter);
  g_assert_true (rf_csv_reader_push (reader, data, length, collect_cb, &collected, &error));
  g_assert_true (rf_csv_reader_finish (reader, collect_cb, &collected, &error));
  g_assert_no_error (error);
  return collected.rows;
}

static void
test_rows_match_reader_and_import (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = NULL;
      RfDatabase *database = rf_test_open_database (&dir);
      gsize length = cases[i].length >= 0 ? (gsize)cases[i].length : strlen (cases[i].data);
      g_autofree char *path = csv_test_write (dir, cases[i].name, cases[i].data, length);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(RfCsvImporter) importer = rf_csv_importer_new (database);
      g_autoptr(RfImportPreview) preview = NULL;
      g_autoptr(RfImportReport) report = NULL;
      g_autoptr(GPtrArray) expected = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %s", cases[i].name);
      preview = rf_csv_importer_preview (importer, file, NULL, &error);
      g_assert_no_error (error);
      expected = reader_rows (cases[i].data, length, g_str_has_suffix (cases[i].name, ".tsv") ? '\t' : 0);

      /* Every record, cell for cell, as the reader yields it. */
      g_assert_cmpuint (preview->rows->len, ==, expected->len);
      g_assert_cmpuint (preview->row_lines->len, ==, expected->len);
      for (guint r = 0; r < expected->len; r++)
        g_assert_cmpstrv (g_ptr_array_index (preview->rows, r), g_ptr_array_index (expected, r));
      g_assert_nonnull (preview->header);
      g_assert_nonnull (preview->mapping);

      /* And the import does what the dry run said. */
      report = rf_csv_importer_import_sync (importer, file, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (report->rows_read, ==, preview->rows->len);
      g_assert_cmpuint (report->leads_created, ==, preview->would_create);
      g_assert_cmpuint (report->duplicates_merged, ==, preview->would_merge);
      g_assert_cmpuint (report->companies_created, ==, preview->would_create_companies);
      g_assert_cmpuint (report->contacts_created, ==, preview->would_create_contacts);
      g_assert_cmpuint (report->rejected->len, ==, preview->rows_rejected);
      g_assert_cmpuint (report->rejected->len + report->warnings->len, ==, preview->problems->len);
      g_assert_cmpstr (report->encoding, ==, preview->encoding);
      g_assert_cmpint (report->delimiter, ==, preview->delimiter);

      /* Against the database now holding them: everything would merge. */
      g_clear_pointer (&preview, rf_import_preview_free);
      preview = rf_csv_importer_preview (importer, file, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (preview->would_create, ==, 0);
      g_assert_cmpuint (preview->would_skip, ==, report->leads_created);

      rf_database_close (database);
      g_object_unref (database);
      rf_test_remove_tree (dir);
    }
}

static char *
checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("absent");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

static char *
checksum_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *main_sum = checksum_file (path);
  g_autofree char *wal_sum = checksum_file (wal);

  return g_strconcat (main_sum, "/", wal_sum, NULL);
}

static void
test_dry_run_writes_nothing (void)
{
  g_autofree char *dir = NULL;
  RfDatabase *database = rf_test_open_database (&dir);
  g_autoptr(GString) text = csv_test_generate (700);
  g_autofree char *path = csv_test_write (dir, "big.csv", text->str, text->len);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RfCsvImporter) importer = rf_csv_importer_new (database);
  g_autoptr(RfImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* Some rows already there, so that the dry run finds merges. */
  rf_test_insert_lead (database, "Company 3", "https://company3.example", "First3 Last3", "person3@company3.example",
                       50, "kept");
  before = checksum_database (rf_database_get_path (database));
  preview = rf_csv_importer_preview (importer, file, NULL, &error);
  g_assert_no_error (error);
  after = checksum_database (rf_database_get_path (database));
  g_assert_cmpstr (before, ==, after);

  g_assert_cmpuint (preview->rows->len, ==, 700);
  g_assert_cmpuint (preview->would_create, ==, 700);
  /* 140 rows at a company seen before in the file, and company 3 (with
   * its contact) already stored. */
  g_assert_cmpuint (preview->would_merge_companies, ==, 141);
  g_assert_cmpuint (preview->would_merge_contacts, ==, 1);
  g_assert_cmpuint (preview->would_create_companies, ==, 559);
  g_assert_cmpuint (preview->would_merge, ==, 142);

  rf_database_close (database);
  g_object_unref (database);
  rf_test_remove_tree (dir);
}

static void
test_clear_answers (void)
{
  static const guint8 binary[] = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0 };
  g_autofree char *dir = NULL;
  RfDatabase *database = rf_test_open_database (&dir);
  g_autoptr(RfCsvImporter) importer = rf_csv_importer_new (database);
  g_autofree char *empty = csv_test_write (dir, "empty.csv", "\n\r\n\n", -1);
  g_autofree char *header_only = csv_test_write (dir, "header.csv", "Company,Email\r\n", -1);
  g_autofree char *not_text = csv_test_write (dir, "program.csv", (const char *)binary, sizeof binary);
  g_autoptr(GFile) empty_file = g_file_new_for_path (empty);
  g_autoptr(GFile) header_file = g_file_new_for_path (header_only);
  g_autoptr(GFile) binary_file = g_file_new_for_path (not_text);
  g_autoptr(GFile) missing_file = g_file_new_build_filename (dir, "missing.csv", NULL);
  g_autoptr(RfImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;

  preview = rf_csv_importer_preview (importer, empty_file, NULL, &error);
  g_assert_error (error, RF_CSV_ERROR, RF_CSV_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "empty"));
  g_assert_null (preview);
  g_clear_error (&error);

  preview = rf_csv_importer_preview (importer, binary_file, NULL, &error);
  g_assert_error (error, RF_CSV_ERROR, RF_CSV_ERROR_NOT_TEXT);
  g_assert_null (preview);
  g_clear_error (&error);

  preview = rf_csv_importer_preview (importer, missing_file, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (preview);
  g_clear_error (&error);

  preview = rf_csv_importer_preview (importer, header_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (preview->header), ==, 2);
  g_assert_cmpuint (preview->rows->len, ==, 0);
  g_assert_cmpuint (preview->would_create, ==, 0);
  g_assert_cmpuint (preview->problems->len, ==, 1);
  g_assert_nonnull (strstr (g_array_index (preview->problems, RfImportProblem, 0).reason, "no rows"));

  rf_database_close (database);
  g_object_unref (database);
  rf_test_remove_tree (dir);
}

static void
test_overrides (void)
{
  g_autofree char *dir = NULL;
  RfDatabase *database = rf_test_open_database (&dir);
  g_autoptr(RfCsvImporter) importer = rf_csv_importer_new (database);
  g_autofree char *path = csv_test_write (dir, "mixed.csv", "Company;Email,Notes\nAcme;a@acme.com,x\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RfImportPreview) by_comma = NULL;
  g_autoptr(RfImportPreview) by_semicolon = NULL;
  g_autoptr(GError) error = NULL;

  rf_csv_importer_set_delimiter (importer, ',');
  by_comma = rf_csv_importer_preview (importer, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_comma->delimiter, ==, ',');
  g_assert_cmpstr (by_comma->header[0], ==, "Company;Email");

  rf_csv_importer_set_delimiter (importer, ';');
  rf_csv_importer_set_encoding (importer, "ISO-8859-15");
  by_semicolon = rf_csv_importer_preview (importer, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_semicolon->delimiter, ==, ';');
  g_assert_cmpstr (by_semicolon->encoding, ==, "ISO-8859-15");
  g_assert_cmpstr (by_semicolon->header[1], ==, "Email,Notes");
  g_assert_cmpint (rf_column_mapping_get_field (by_semicolon->mapping, 0), ==, RF_LEAD_FIELD_COMPANY);

  rf_csv_importer_set_encoding (importer, "NO-SUCH-ENCODING");
  g_clear_pointer (&by_comma, rf_import_preview_free);
  by_comma = rf_csv_importer_preview (importer, file, NULL, &error);
  g_assert_error (error, RF_CSV_ERROR, RF_CSV_ERROR_BAD_ENCODING);

  rf_database_close (database);
  g_object_unref (database);
  rf_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/preview/rows-match-reader-and-import", test_rows_match_reader_and_import);
  g_test_add_func ("/csv/preview/writes-nothing", test_dry_run_writes_nothing);
  g_test_add_func ("/csv/preview/clear-answers", test_clear_answers);
  g_test_add_func ("/csv/preview/overrides", test_overrides);

  return g_test_run ();
}
