/* test-csv-importer.c: RfCsvImporter against a real database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "csv-test-util.h"
#include "rf-csv-importer.h"
#include "rf-csv-reader.h"
#include "rf-icp-dao.h"
#include "rf-icp-template.h"
#include "rf-lead-dao.h"

typedef struct
{
  char       *dir;
  RfDatabase *database;
  const char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->database = rf_test_open_database (&f->dir);
  f->path = rf_database_get_path (f->database);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rf_database_close (f->database);
  g_object_unref (f->database);
  rf_test_remove_tree (f->dir);
  g_free (f->dir);
}

static RfImportReport *
import_file (Fixture    *f,
             const char *path,
             GError    **error)
{
  g_autoptr(RfCsvImporter) importer = rf_csv_importer_new (f->database);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return rf_csv_importer_import_sync (importer, file, NULL, error);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return csv_test_query_int (f->path, sql);
}

static const char sample[] =
  "Company Name,Website,First Name,Last Name,Email,Job Title,Notes,Source\n"
  "Acme,https://acme.com,Ada,Lovelace,ada@acme.com,CTO,\"We are hiring, drowning in spreadsheets\",fair\n"
  "Acme Inc,www.acme.com,Bob,Smith,bob@acme.com,VP Sales,\"needs \"\"CRM\"\"\nnow\",web\n"
  ",,,,,,,\n"
  "Globex,globex.com,Ann,Lee,ANN@globex.com,CEO,,web,surplus cell\n"
  "Initech,initech.com,Pete\n"
  "Globex,,Ann,Lee,ann@globex.com,,second row for Ann,\n"
  "Hooli,hooli.com,Gavin,Belson,gavin@hooli.com,CEO,\"never closed\n";

static void
test_import_basic (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = csv_test_write (f->dir, "sample.csv", sample, -1);
  g_autoptr(RfImportReport) report = import_file (f, csv, &error);
  g_autofree char *batch = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpstr (report->encoding, ==, "UTF-8");
  g_assert_cmpint (report->delimiter, ==, ',');
  g_assert_cmpuint (report->rows_read, ==, 7);
  /* The blank row (line 5) and the unterminated one (line 9) are rejected. */
  g_assert_cmpuint (report->rejected->len, ==, 2);
  g_assert_cmpuint (g_array_index (report->rejected, RfImportProblem, 0).line, ==, 5);
  g_assert_cmpuint (g_array_index (report->rejected, RfImportProblem, 1).line, ==, 9);
  g_assert_nonnull (strstr (g_array_index (report->rejected, RfImportProblem, 1).reason, "quote"));
  /* Surplus on line 6, short on line 7. */
  g_assert_cmpuint (report->warnings->len, ==, 2);
  g_assert_cmpuint (g_array_index (report->warnings, RfImportProblem, 0).line, ==, 6);
  g_assert_nonnull (strstr (g_array_index (report->warnings, RfImportProblem, 0).reason, "9 cells"));
  g_assert_cmpuint (g_array_index (report->warnings, RfImportProblem, 1).line, ==, 7);

  /* One lead per accepted row; Acme twice (same domain) and Globex twice
   * (same name), Ann twice (same email, any case): merged in the file. */
  g_assert_cmpuint (report->leads_created, ==, 5);
  g_assert_cmpuint (report->lead_ids->len, ==, 5);
  g_assert_cmpuint (report->companies_created, ==, 3);
  g_assert_cmpuint (report->companies_merged, ==, 2);
  g_assert_cmpuint (report->contacts_created, ==, 4);
  g_assert_cmpuint (report->contacts_merged, ==, 1);
  g_assert_cmpuint (report->rows_skipped, ==, 0);
  g_assert_cmpuint (report->duplicates_merged, ==, 3);

  g_assert_cmpint (count (f, "SELECT count(*) FROM leads"), ==, 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM companies"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contacts"), ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM signals WHERE source_type = 'csv'"), ==, 5);
  /* Every row carries the batch; every lead is scored by the rules. */
  batch = g_strdup_printf ("SELECT count(*) FROM signals WHERE import_batch = '%s' AND dedup_key IS NOT NULL "
                           "AND file_hash = '%s'", report->batch_id, report->file_hash);
  g_assert_cmpint (count (f, batch), ==, 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM leads WHERE classifier = 'rules' AND "
                             "abs (total_score - (score_fit + score_pain + score_data_quality)) < 0.001"), ==, 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM leads WHERE company_id IS NULL OR contact_id IS NULL"), ==, 0);
  /* The doubled quotes and the line break survive; unmapped columns are
   * extra text; the surplus cell too. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM signals WHERE raw_text = 'needs \"CRM\"' || char(10) || 'now'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM signals WHERE extra_text LIKE '%Source: web%'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM signals WHERE extra_text LIKE '%surplus cell%'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM companies WHERE import_batch IS NOT NULL"), ==, 3);
}

static void
test_import_against_database (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = csv_test_write (f->dir, "sample.csv", sample, -1);
  g_autoptr(RfImportReport) report = NULL;
  gint64 kept = rf_test_insert_lead (f->database, "ACME", "http://www.acme.com/", "Ada Lovelace", "Ada@Acme.com",
                                     55, "already here");

  g_assert_cmpint (kept, >, 0);
  report = import_file (f, csv, &error);
  g_assert_no_error (error);
  /* Acme and Ada are found in the database: one company and one contact
   * fewer, and the stored company is left to the user, not the import. */
  g_assert_cmpuint (report->companies_created, ==, 2);
  g_assert_cmpuint (report->companies_merged, ==, 3);
  g_assert_cmpuint (report->contacts_created, ==, 3);
  g_assert_cmpuint (report->contacts_merged, ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM companies"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contacts"), ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM companies WHERE import_batch IS NULL"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM leads WHERE company_id = (SELECT company_id FROM leads ORDER BY id LIMIT 1)"),
                   ==, 3);
}

static void
test_reimport_adds_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = csv_test_write (f->dir, "sample.csv", sample, -1);
  g_autoptr(RfImportReport) first = import_file (f, csv, &error);
  g_autoptr(RfImportReport) second = NULL;

  g_assert_no_error (error);
  second = import_file (f, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->batch_id, ==, second->batch_id);
  g_assert_cmpuint (second->leads_created, ==, 0);
  g_assert_cmpuint (second->lead_ids->len, ==, 0);
  g_assert_cmpuint (second->rows_skipped, ==, 5);
  g_assert_cmpuint (second->companies_created + second->contacts_created, ==, 0);
  g_assert_cmpuint (second->rejected->len, ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM leads"), ==, 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM signals"), ==, 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM companies"), ==, 3);

  /* The same rows in another file are other rows: imported, merged into
   * the same companies and contacts. */
  {
    g_autofree char *other_text = g_strconcat (sample, "\n", NULL);
    g_autofree char *other = csv_test_write (f->dir, "other.csv", other_text, -1);
    g_autoptr(RfImportReport) third = import_file (f, other, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (third->leads_created, ==, 5);
    g_assert_cmpuint (third->companies_created + third->contacts_created, ==, 0);
    g_assert_cmpint (count (f, "SELECT count(*) FROM companies"), ==, 3);
  }
}

typedef struct
{
  GCancellable *cancellable;
  guint         batches;
  guint         cancel_after;
  guint         ids;
} CancelState;

static void
leads_created_cb (RfCsvImporter *importer,
                  GArray        *ids,
                  gpointer       user_data)
{
  CancelState *state = user_data;

  state->ids += ids->len;
  if (++state->batches == state->cancel_after)
    g_cancellable_cancel (state->cancellable);
}

static void
test_cancel_then_rerun (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = csv_test_generate (2000);
  g_autofree char *csv = csv_test_write (f->dir, "big.csv", text->str, text->len);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(RfCsvImporter) importer = rf_csv_importer_new (f->database);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RfImportReport) report = NULL;
  CancelState state = { cancellable, 0, 4, 0 };
  gint64 stored;

  rf_csv_importer_set_batch_size (importer, 100);
  g_signal_connect (importer, "leads-created", G_CALLBACK (leads_created_cb), &state);
  report = rf_csv_importer_import_sync (importer, file, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (report);
  g_clear_error (&error);

  /* Whole batches only, each of them whole: the four reported, and the
   * one already handed to the database when the fourth was. */
  stored = count (f, "SELECT count(*) FROM leads");
  g_assert_cmpint (stored % 100, ==, 0);
  g_assert_cmpint (stored, >=, 400);
  g_assert_cmpint (stored, <=, 600);
  g_assert_cmpint (count (f, "SELECT count(*) FROM signals"), ==, stored);
  g_assert_cmpint (count (f, "SELECT count(*) FROM leads l JOIN signals s ON s.id = l.signal_id "
                             "WHERE l.company_id IS NOT NULL AND l.contact_id IS NOT NULL"), ==, stored);

  g_signal_handlers_disconnect_by_func (importer, leads_created_cb, &state);
  report = rf_csv_importer_import_sync (importer, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_skipped, ==, stored);
  g_assert_cmpuint (report->leads_created, ==, 2000 - stored);
  g_assert_cmpint (count (f, "SELECT count(*) FROM leads"), ==, 2000);
  g_assert_cmpint (count (f, "SELECT count(DISTINCT dedup_key) FROM signals"), ==, 2000);
  g_assert_cmpint (count (f, "SELECT count(*) FROM companies"), ==, 1600);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contacts"), ==, 2000);
}

static void
test_revert (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = csv_test_write (f->dir, "sample.csv", sample, -1);
  g_autoptr(RfCsvImporter) importer = rf_csv_importer_new (f->database);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(RfImportReport) report = NULL;
  g_autofree char *batch = NULL;
  gint64 kept = rf_test_insert_lead (f->database, "Acme", "https://acme.com", "Zed", "zed@acme.com", 42, "mine");
  int removed;

  report = rf_csv_importer_import_sync (importer, file, NULL, &error);
  g_assert_no_error (error);
  batch = rf_csv_importer_dup_batch_id (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (batch, ==, report->batch_id);
  g_assert_cmpint (count (f, "SELECT count(*) FROM leads"), ==, 6);

  removed = rf_csv_importer_revert_sync (importer, batch, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (removed, ==, 5);
  /* What was there before stays, Acme (used by it) included. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM leads"), ==, 1);
  g_assert_cmpint (count (f, "SELECT id FROM leads"), ==, kept);
  g_assert_cmpint (count (f, "SELECT count(*) FROM signals"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM companies"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contacts"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM lead_search"), ==, 1);

  /* And it can come in again. */
  g_clear_pointer (&report, rf_import_report_free);
  report = rf_csv_importer_import_sync (importer, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->leads_created, ==, 5);
}

typedef struct
{
  GMainLoop      *loop;
  RfImportReport *report;
  GError         *error;
  guint           notifies;
  guint           batches;
  GThread        *main_thread;
} AsyncState;

static void
rows_read_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_thread_self () == state->main_thread);
  state->notifies++;
}

static void
async_leads_cb (RfCsvImporter *importer,
                GArray        *ids,
                gpointer       user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_thread_self () == state->main_thread);
  g_assert_cmpuint (ids->len, >, 0);
  state->batches++;
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncState *state = user_data;

  state->report = rf_csv_importer_import_finish (RF_CSV_IMPORTER (object), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_async_progress (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GString) text = csv_test_generate (1500);
  g_autofree char *csv = csv_test_write (f->dir, "big.csv", text->str, text->len);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(RfCsvImporter) importer = rf_csv_importer_new (f->database);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncState state = { loop, NULL, NULL, 0, 0, g_thread_self () };

  rf_csv_importer_set_batch_size (importer, 500);
  g_signal_connect (importer, "notify::rows-read", G_CALLBACK (rows_read_cb), &state);
  g_signal_connect (importer, "leads-created", G_CALLBACK (async_leads_cb), &state);
  rf_csv_importer_import_async (importer, file, NULL, import_done_cb, &state);
  g_main_loop_run (loop);

  g_assert_no_error (state.error);
  g_assert_nonnull (state.report);
  g_assert_cmpuint (state.report->leads_created, ==, 1500);
  /* Let the last notifications in. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (state.batches, ==, 3);
  g_assert_cmpuint (state.notifies, >, 0);
  g_assert_cmpuint (rf_csv_importer_get_rows_read (importer), ==, 1500);
  g_assert_cmpuint (rf_csv_importer_get_bytes_read (importer), ==, text->len);
  g_assert_cmpuint (rf_csv_importer_get_bytes_total (importer), ==, text->len);
  rf_import_report_free (state.report);
}

static void
test_import_vcard (Fixture       *f,
                   gconstpointer  data)
{
  static const char cards[] =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\nORG:Acme\r\nTITLE:CTO\r\n"
    "EMAIL;TYPE=work:ada@acme.com\r\nTEL:+44 20 1234\r\nURL:https://acme.com\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bob Smith\r\nEMAIL:bob@acme.com\r\nORG:Acme\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *path = csv_test_write (f->dir, "people.vcf", cards, -1);
  g_autoptr(RfImportReport) report = import_file (f, path, &error);
  g_autoptr(RfImportReport) again = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_read, ==, 3);
  g_assert_cmpuint (report->leads_created, ==, 2);
  g_assert_cmpuint (report->rejected->len, ==, 1);
  g_assert_cmpuint (g_array_index (report->rejected, RfImportProblem, 0).line, ==, 17);
  g_assert_cmpuint (report->companies_created, ==, 1);
  g_assert_cmpuint (report->companies_merged, ==, 1);
  g_assert_null (report->mapping);
  g_assert_cmpint (count (f, "SELECT count(*) FROM signals WHERE source_type = 'vcard'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contacts WHERE phone = '+44 20 1234' AND title = 'CTO'"), ==, 1);

  again = import_file (f, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->leads_created, ==, 0);
  g_assert_cmpuint (again->rows_skipped, ==, 2);
}

static void
test_import_options (Fixture       *f,
                     gconstpointer  data)
{
  /* Windows-1252 with semicolons, read as ISO-8859-1 with ';' forced. */
  static const char latin[] = "Company;Website;Name;E-Mail\r\nM\xfcller GmbH;mueller.de;J\xfcrgen;j@mueller.de\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *path = csv_test_write (f->dir, "latin.csv", latin, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RfCsvImporter) importer = rf_csv_importer_new (f->database);
  g_autoptr(RfIcpDao) icp_dao = rf_icp_dao_new (f->database);
  g_autoptr(RfIcpProfile) profile = rf_icp_template_new ("small-d2c");
  g_autoptr(RfImportReport) report = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;

  g_assert_true (rf_icp_dao_save_sync (icp_dao, profile, NULL, &error));
  g_assert_no_error (error);
  rf_csv_importer_set_delimiter (importer, ';');
  rf_csv_importer_set_encoding (importer, "ISO-8859-1");
  rf_csv_importer_set_profile (importer, profile);
  report = rf_csv_importer_import_sync (importer, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->delimiter, ==, ';');
  g_assert_cmpuint (report->leads_created, ==, 1);
  name = csv_test_query_text (f->path, "SELECT name FROM companies");
  g_assert_cmpstr (name, ==, "Müller GmbH");
  sql = g_strdup_printf ("SELECT count(*) FROM leads WHERE icp_id = %" G_GINT64_FORMAT, rf_icp_profile_get_id (profile));
  g_assert_cmpint (count (f, sql), ==, 1);

  /* Not a CSV at all. */
  {
    static const guint8 binary[] = { 0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d, 0xff, 0, 0, 0, 1, 2, 3 };
    g_autofree char *png = csv_test_write (f->dir, "image.csv", (const char *)binary, sizeof binary);
    g_autoptr(RfImportReport) none = import_file (f, png, &error);

    g_assert_error (error, RF_CSV_ERROR, RF_CSV_ERROR_NOT_TEXT);
    g_assert_null (none);
  }
}

static void
test_handles_file (void)
{
  g_autofree char *dir = rf_test_make_tmpdir ();
  g_autofree char *table = csv_test_write (dir, "table.txt", "a\tb\tc\n1\t2\t3\n", -1);
  g_autofree char *prose = csv_test_write (dir, "prose.txt", "Dear Ada,\nthanks for the call.\n", -1);

  g_assert_true (rf_csv_importer_handles_file ("x.csv"));
  g_assert_true (rf_csv_importer_handles_file ("X.TSV"));
  g_assert_true (rf_csv_importer_handles_file ("people.vcf"));
  g_assert_false (rf_csv_importer_handles_file ("card.jpg"));
  g_assert_false (rf_csv_importer_handles_file ("brochure.pdf"));
  g_assert_true (rf_csv_importer_handles_file (table));
  g_assert_false (rf_csv_importer_handles_file (prose));
  rf_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/csv/importer/basic", test_import_basic);
  ADD ("/csv/importer/against-database", test_import_against_database);
  ADD ("/csv/importer/reimport", test_reimport_adds_nothing);
  ADD ("/csv/importer/cancel-then-rerun", test_cancel_then_rerun);
  ADD ("/csv/importer/revert", test_revert);
  ADD ("/csv/importer/async-progress", test_async_progress);
  ADD ("/csv/importer/vcard", test_import_vcard);
  ADD ("/csv/importer/options", test_import_options);
#undef ADD
  g_test_add_func ("/csv/importer/handles-file", test_handles_file);

  return g_test_run ();
}
