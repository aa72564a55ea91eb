/* test-bad-input.c: a table of bad inputs through the public paths
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input gives a clear error or a sane result: no crash, nothing
 * already stored is lost, the database stays intact. A "witness" lead is
 * stored first and checked after every case.
 */

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rf-column-mapping.h"
#include "rf-company-dao.h"
#include "rf-contact-dao.h"
#include "rf-csv-reader.h"
#include "rf-fake-ollama.h"
#include "rf-icp-dao.h"
#include "rf-lead-dao.h"
#include "rf-model-json.h"
#include "rf-ollama-client.h"
#include "rf-test-util.h"
#include "rf-vcard.h"

typedef struct
{
  char       *dir;
  char       *db_path;
  RfDatabase *database;
  gint64      witness;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->database = rf_test_open_database (&f->dir);
  f->db_path = g_strdup (rf_database_get_path (f->database));
  f->witness = rf_test_insert_lead (f->database, "Witness Co", "https://witness.example", "Wendy Witness",
                                    "wendy@witness.example", 77, "the witness lead");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rf_database_close (f->database);
  g_clear_object (&f->database);
  rf_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

/* The witness is whole and the file passes SQLite's own check. */
static void
assert_intact (Fixture *f)
{
  g_autoptr(RfLeadDao) dao = rf_lead_dao_new (f->database);
  g_autoptr(GError) error = NULL;
  g_autoptr(RfLead) lead = rf_lead_dao_get_sync (dao, f->witness, NULL, &error);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (rf_lead_get_company_name (lead), ==, "Witness Co");
  g_assert_cmpstr (rf_lead_get_contact_email (lead), ==, "wendy@witness.example");
  g_assert_cmpfloat (rf_lead_get_total_score (lead), ==, 77);

  g_assert_cmpint (sqlite3_open_v2 (f->db_path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
}

static char *
make_huge (gsize       length,
           const char *unit)
{
  GString *out = g_string_sized_new (length + 8);

  while (out->len < length)
    g_string_append (out, unit);
  return g_string_free (out, FALSE);
}

/* Hostile text in every field of a lead, through the DAOs and back. */
static void
test_hostile_text_in_store (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *huge = make_huge (1024 * 1024, "x");
  const char *values[] = {
    "'; DROP TABLE leads; --",
    "Robert\"); DELETE FROM companies WHERE (\"1\"=\"1",
    "<b>bold</b> <span foreground=\"red\">markup</span> &amp; &lt;",
    "%s %n %x %%",
    "名前 😀 עברית \u202ereversed\u202c",
    huge,
  };
  g_autoptr(RfLeadDao) dao = rf_lead_dao_new (f->database);
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RfLead) lead = NULL;
      g_autofree char *email = g_strdup_printf ("x%u@hostile.example", i);
      gint64 id = rf_test_insert_lead (f->database, values[i], NULL, values[i], email, 42, values[i]);

      g_assert_true (rf_lead_dao_set_notes_sync (dao, id, values[i], NULL, &error));
      lead = rf_lead_dao_get_sync (dao, id, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (rf_lead_get_notes (lead), ==, values[i]);
      g_assert_cmpstr (rf_lead_get_company_name (lead), ==, values[i]);

      /* Searching for it is a search, not SQL. */
      rf_lead_query_set_search (query, values[i]);
      g_assert_cmpuint (rf_lead_dao_count_sync (dao, query, NULL, &error), !=, G_MAXUINT);
      g_assert_no_error (error);
      assert_intact (f);
    }
}

/* Invalid UTF-8 and NUL bytes reach the store only through readers that
 * clean them; CSV is such a reader. */
static gboolean
count_record_cb (const RfCsvRecord  *record,
                 gpointer            user_data,
                 GError            **error)
{
  for (guint c = 0; c < record->n_cells; c++)
    g_assert_true (g_utf8_validate (record->cells[c], -1, NULL));
  (*(guint *)user_data)++;
  return TRUE;
}

static gboolean
check_long_record_cb (const RfCsvRecord  *record,
                      gpointer            user_data,
                      GError            **error)
{
  /* The header, then the one long line. */
  if (record->line > 1)
    {
      g_assert_cmpuint (record->n_cells, >, 900000);
      (*(guint *)user_data)++;
    }
  return TRUE;
}

static void
test_csv_bytes (Fixture       *f,
                gconstpointer  data)
{
  static const struct { const char *name; const char *bytes; gsize length; int error_code; } cases[] = {
    { "png-as-csv", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01", 20, RF_CSV_ERROR_NOT_TEXT },
    { "zip-as-csv", "PK\x03\x04\x14\0\0\0\x08\0\0\0\0\0\0\0\0\0\0\0", 20, RF_CSV_ERROR_NOT_TEXT },
    { "invalid-utf8", "name,notes\nJo,\xff\xfe\xfd bytes\n", 24, -1 },
    { "nul-in-cell", "name,notes\nJo,a\0b\n", 18, -1 },
    { "only-quotes", "\"\"\"\"\"\"\"", 7, -1 },
    { "empty", "", 0, -1 },
    { "blank-lines", "\n\r\n\r\r\n", 6, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RfCsvReader) reader = rf_csv_reader_new ();
      g_autoptr(GError) error = NULL;
      guint records = 0;
      gboolean ok;

      g_test_message ("csv case %s", cases[i].name);
      ok = rf_csv_reader_push (reader, cases[i].bytes, cases[i].length, count_record_cb, &records, &error) &&
           rf_csv_reader_finish (reader, count_record_cb, &records, &error);
      if (cases[i].error_code >= 0)
        {
          g_assert_false (ok);
          g_assert_error (error, RF_CSV_ERROR, cases[i].error_code);
          g_assert_nonnull (error->message);
        }
      else
        g_assert_no_error (error);
    }
  assert_intact (f);
}

static void
test_huge_csv_line (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RfCsvReader) reader = rf_csv_reader_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *line = make_huge (8 * 1024 * 1024, "abcdefgh,");
  guint truncated = 0;

  /* 8 MiB on one line: many cells, memory bounded by the cell cap. */
  g_assert_true (rf_csv_reader_push (reader, "a,b\n", 4, check_long_record_cb, &truncated, &error));
  g_assert_true (rf_csv_reader_push (reader, line, strlen (line), check_long_record_cb, &truncated, &error));
  g_assert_true (rf_csv_reader_finish (reader, check_long_record_cb, &truncated, &error));
  g_assert_cmpuint (truncated, ==, 1);
  g_assert_no_error (error);
  assert_intact (f);
}

static void
test_profile_json (Fixture       *f,
                   gconstpointer  data)
{
  static const char *documents[] = {
    "",
    "null",
    "[]",
    "{\"name\": null}",
    "{\"name\": 12}",
    "{\"name\": \"x\", \"industries\": \"a, , b,\", \"pain_keywords\": [\"\\u0000\"]}",
    "{\"name\": \"<i>markup</i>\", \"is_active\": \"yes\"}",
    "{\"name\": \"deep\", \"locations\": [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]}",
    "{\"name\": \"NaN\", \"size_buckets\": [NaN]}",
  };
  g_autoptr(RfIcpDao) dao = rf_icp_dao_new (f->database);

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(RfIcpProfile) profile = NULL;

      if (!json_parser_load_from_data (parser, documents[i], -1, NULL))
        continue;
      profile = rf_icp_profile_from_json (json_parser_get_root (parser), &error);
      g_assert_true ((profile == NULL) == (error != NULL));
      if (profile != NULL)
        {
          g_assert_true (rf_icp_dao_save_sync (dao, profile, NULL, &error));
          g_assert_no_error (error);
        }
    }
  assert_intact (f);
}

static void
test_vcards (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *huge = make_huge (2 * 1024 * 1024, "NOTE:x\r\n");
  g_autofree char *many = make_huge (1024 * 1024, "BEGIN:VCARD\nFN:a\nEND:VCARD\n");
  const char *texts[] = { "BEGIN:VCARD\r\n", ":::\n;;;\n", "END:VCARD\nBEGIN:VCARD", huge, many };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) cards = rf_vcard_parse (texts[i], strlen (texts[i]), &error);

      g_assert_true ((cards == NULL) == (error != NULL));
    }
  assert_intact (f);
}

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  ((Wait *)user_data)->result = g_object_ref (result);
}

static gboolean
has_result (gpointer user_data)
{
  return ((Wait *)user_data)->result != NULL;
}

/* Answers a model might give: the client passes text on or says why not. */
static void
test_model_answers (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RfFakeOllama) fake = rf_fake_ollama_new ();
  g_autoptr(RfOllamaClient) client = rf_ollama_client_new (rf_fake_ollama_get_url (fake));
  g_autofree char *huge = make_huge (3 * 1024 * 1024, "{\"a\":1}");
  const char *answers[] = { "not json at all", "{\"score\": NaN}", "{\"score\": 1e999}", "<html>", "\"\\u0000\"", huge };

  rf_ollama_client_set_timeouts (client, 5000, 5000);
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr(RfOllamaChatRequest) request = rf_ollama_chat_request_new ("gemma3:1b", NULL, "x");
      g_autoptr(RfOllamaChatResult) result = NULL;
      g_autoptr(GError) error = NULL;
      Wait wait = { NULL };

      rf_fake_ollama_queue_reply (fake, rf_fake_reply_new (answers[i]));
      rf_ollama_client_chat_async (client, request, NULL, store_cb, &wait);
      g_assert_true (rf_test_wait_until (has_result, &wait, 20000));
      result = rf_ollama_client_chat_finish (client, wait.result, &error);
      /* The client carries the text: judging it is the classifier's job. */
      g_assert_no_error (error);
      g_assert_cmpstr (result->content, ==, answers[i]);
      g_object_unref (wait.result);
    }
  assert_intact (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/bad-input/hostile-text-in-store", test_hostile_text_in_store);
  ADD ("/bad-input/csv-bytes", test_csv_bytes);
  ADD ("/bad-input/huge-csv-line", test_huge_csv_line);
  ADD ("/bad-input/profile-json", test_profile_json);
  ADD ("/bad-input/vcards", test_vcards);
  ADD ("/bad-input/model-answers", test_model_answers);
#undef ADD

  return g_test_run ();
}
