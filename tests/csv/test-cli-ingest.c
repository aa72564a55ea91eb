/* test-cli-ingest.c: raptorflow-cli ingest and export, as a script runs them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "csv-test-util.h"

typedef struct
{
  char *dir;
  char *db;
  char *csv;
} Fixture;

static const char sample[] =
  "Company,Website,Name,Email,Title,Notes,Campaign\n"
  "Acme,acme.com,Ada Lovelace,ada@acme.com,Founder,\"We are hiring; spreadsheets, chaos\",spring\n"
  "Acme,acme.com,Bob Smith,bob@acme.com,CTO,\"multi\nline\",\n"
  ",,,,,,\n"
  "Globex,globex.com,Ann Lee,ann@globex.com,CEO,,fall,extra\n";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = rf_test_make_tmpdir ();
  f->db = g_build_filename (f->dir, "leads.db", NULL);
  f->csv = csv_test_write (f->dir, "people.csv", sample, -1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rf_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->csv);
}

static int
run (Fixture     *f,
     char       **out,
     char       **err,
     const char  *first_arg,
     ...) G_GNUC_NULL_TERMINATED;

static int
run (Fixture     *f,
     char       **out,
     char       **err,
     const char  *first_arg,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *ignored_out = NULL;
  g_autofree char *ignored_err = NULL;
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  /* Always captured: the CLI's output must not mix with this test's TAP. */
  return rf_test_run_cli_argv (f->db, NULL, (const char * const *)args->pdata,
                               out != NULL ? out : &ignored_out, err != NULL ? err : &ignored_err);
}

static JsonObject *
parse_object (const char *text,
              JsonNode  **root)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  *root = json_node_copy (json_parser_get_root (parser));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*root));
  return json_node_get_object (*root);
}

static void
test_dry_run_json (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonObject *mapping;
  JsonArray *rows;
  JsonArray *problems;

  g_assert_cmpint (run (f, &out, &err, "ingest", f->csv, "--dry-run", "--json", NULL), ==, 0);
  object = parse_object (out, &root);
  g_assert_cmpstr (json_object_get_string_member (object, "encoding"), ==, "UTF-8");
  g_assert_cmpstr (json_object_get_string_member (object, "delimiter"), ==, ",");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "header")), ==, 7);
  mapping = json_object_get_object_member (object, "mapping");
  g_assert_cmpstr (json_object_get_string_member (mapping, "Company"), ==, "company");
  g_assert_cmpstr (json_object_get_string_member (mapping, "Notes"), ==, "text");
  g_assert_true (json_object_get_null_member (mapping, "Campaign"));
  rows = json_object_get_array_member (object, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 4);
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 1), 5), ==, "multi\nline");
  g_assert_cmpuint (json_array_get_length (json_array_get_array_element (rows, 3)), ==, 8);
  problems = json_object_get_array_member (object, "problems");
  g_assert_cmpuint (json_array_get_length (problems), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (problems, 0), "line"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (problems, 1), "line"), ==, 6);
  g_assert_nonnull (json_object_get_string_member (json_array_get_object_element (problems, 0), "reason"));
  g_assert_cmpint (json_object_get_int_member (object, "would_create"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (object, "would_merge"), ==, 1);
  /* Not even a database was made. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_dry_run_text (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GString) text = csv_test_generate (25);
  g_autofree char *big = csv_test_write (f->dir, "big.csv", text->str, text->len);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (f, &out, &err, "ingest", "--dry-run", big, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Dry run"));
  g_assert_nonnull (strstr (out, "First9 "));
  /* The first 10 rows only. */
  g_assert_null (strstr (out, "First10"));
  g_assert_nonnull (strstr (out, "→ Company"));
}

static void
test_import_json (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) again_root = NULL;
  g_autoptr(JsonNode) revert_root = NULL;
  g_autofree char *batch = NULL;
  JsonObject *object;

  g_assert_cmpint (run (f, &out, &err, "--json", "ingest", f->csv, NULL), ==, 0);
  object = parse_object (out, &root);
  g_assert_cmpint (json_object_get_int_member (object, "rows_read"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (object, "leads_created"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (object, "duplicates_merged"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "lead_ids")), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "rows_rejected")), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
                     json_object_get_array_member (object, "rows_rejected"), 0), "line"), ==, 5);
  g_assert_cmpint (csv_test_query_int (f->db, "SELECT count(*) FROM leads"), ==, 3);
  batch = g_strdup (json_object_get_string_member (object, "batch_id"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (f, &out, &err, "ingest", f->csv, "--json", NULL), ==, 0);
  object = parse_object (out, &again_root);
  g_assert_cmpint (json_object_get_int_member (object, "leads_created"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "rows_skipped"), ==, 3);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (f, &out, &err, "ingest", "--revert", batch, "--json", NULL), ==, 0);
  object = parse_object (out, &revert_root);
  g_assert_cmpint (json_object_get_int_member (object, "leads"), ==, 3);
  g_assert_cmpint (csv_test_query_int (f->db, "SELECT count(*) FROM leads"), ==, 0);
  g_assert_cmpint (csv_test_query_int (f->db, "SELECT count(*) FROM companies"), ==, 0);
}

static void
test_import_text (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *semi = csv_test_write (f->dir, "semi.txt", "Company;Email\nAcme;ada@acme.com\nGlobex;ann@globex.com\n", -1);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (f, &out, &err, "ingest", "--delimiter", ";", semi, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "semicolon"));
  g_assert_nonnull (strstr (out, "Email"));
  g_assert_nonnull (strstr (out, "leads made: 2"));
  g_assert_nonnull (strstr (out, "--revert import-"));
}

static void
test_usage_and_errors (Fixture       *f,
                       gconstpointer  data)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d };
  g_autofree char *image = csv_test_write (f->dir, "card.png", (const char *)png, sizeof png);
  g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);
  g_autofree char *empty = csv_test_write (f->dir, "empty.csv", "", 0);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpint (run (f, NULL, &err, "ingest", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (f, NULL, &err, "ingest", f->csv, "--delimiter", "x", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (f, NULL, &err, "ingest", f->csv, "--bogus", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (f, NULL, &err, "ingest", f->csv, "--icp", "x", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (f, NULL, &err, "ingest", f->csv, "--icp", "42", NULL), ==, 1);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (f, NULL, &err, "ingest", missing, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "missing.csv"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (f, NULL, &err, "ingest", empty, "--dry-run", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "empty"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (f, NULL, &err, "ingest", image, NULL), ==, 1);
  /* A PNG signature and nothing else: the document path says why. */
  g_assert_nonnull (strstr (err, "card.png"));
  g_clear_pointer (&err, g_free);

  /* Several files: one JSON array, a failed file as an error object. */
  g_assert_cmpint (run (f, &out, &err, "ingest", f->csv, missing, "--json", NULL), ==, 1);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonArray *array;

    g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
    g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
    array = json_node_get_array (json_parser_get_root (parser));
    g_assert_cmpuint (json_array_get_length (array), ==, 2);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0), "leads_created"), ==, 3);
    g_assert_true (json_object_has_member (json_array_get_object_element (array, 1), "error"));
  }
  (void)root;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *csv_out = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_assert_cmpint (run (f, NULL, NULL, "ingest", f->csv, NULL), ==, 0);

  g_assert_cmpint (run (f, &out, &err, "export", "--format", "csv", "-o", csv_out, "--json", NULL), ==, 0);
  object = parse_object (out, &root);
  g_assert_cmpint (json_object_get_int_member (object, "written"), ==, 3);
  g_assert_true (g_file_get_contents (csv_out, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf" "Lead ID,"));
  g_assert_nonnull (strstr (contents, "ada@acme.com"));

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (f, &out, NULL, "export", "--format", "vcard", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "BEGIN:VCARD\r\nVERSION:4.0\r\n"));
  g_assert_nonnull (strstr (out, "EMAIL:ann@globex.com"));

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (f, &out, NULL, "export", "--format", "csv", "--bucket", "red_hot", NULL), ==, 0);
  g_assert_null (strstr (out, "ada@acme.com"));

  g_assert_cmpint (run (f, NULL, NULL, "export", NULL), ==, 2);
  g_assert_cmpint (run (f, NULL, NULL, "export", "--format", "xml", NULL), ==, 2);
  g_assert_cmpint (run (f, NULL, NULL, "export", "--format", "csv", "--bucket", "lukewarm", NULL), ==, 2);
  g_assert_cmpint (run (f, NULL, NULL, "export", "--format", "csv", "-o", "/nonexistent/dir/x.csv", NULL), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/csv/cli/dry-run-json", test_dry_run_json);
  ADD ("/csv/cli/dry-run-text", test_dry_run_text);
  ADD ("/csv/cli/import-json", test_import_json);
  ADD ("/csv/cli/import-text", test_import_text);
  ADD ("/csv/cli/usage-and-errors", test_usage_and_errors);
  ADD ("/csv/cli/export", test_export);
#undef ADD

  return g_test_run ();
}
