/* test-cli-store.c: raptorflow-cli's store commands, as a script runs them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "rf-lead-dao.h"
#include "rf-test-util.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = rf_test_make_tmpdir ();
  f->db = g_build_filename (f->dir, "leads.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rf_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Runs the CLI, asserts the exit status, returns stdout parsed as JSON. */
static JsonNode *
run_json (Fixture    *f,
          int         expected_status,
          const char *first_arg,
          ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list ap;
  int status;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  g_ptr_array_add (args, (char *)"--json");
  g_ptr_array_add (args, NULL);

  status = rf_test_run_cli_argv (f->db, NULL, (const char * const *)args->pdata, &out, &err);
  if (status != expected_status)
    g_error ("exit %d, expected %d; stderr: %s", status, expected_status, err);
  return parse_json (out);
}

static void
test_icp_commands (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) added = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) error = NULL;
  g_autofree char *file = g_build_filename (f->dir, "icp.json", NULL);
  g_autofree char *bad_file = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *id = NULL;
  JsonArray *array;

  g_assert_true (g_file_set_contents (file,
                                      "{\"name\": \"Solo Founder - D2C\", \"description\": \"Solo founder\","
                                      " \"size_buckets\": [\"1\"], \"industries\": [\"ecommerce\", \"d2c\"],"
                                      " \"locations\": [\"india\"], \"hiring_keywords\": [\"growth hacker\"],"
                                      " \"pain_keywords\": [\"lead generation\", \"scaling ads\"]}", -1, NULL));
  added = run_json (f, 0, "icp", "add", file, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (added), "name"), ==, "Solo Founder - D2C");
  id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (json_node_get_object (added), "id"));

  g_clear_pointer (&added, json_node_unref);
  added = run_json (f, 0, "icp", "template", "small-d2c", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (added), "name"), ==, "Small D2C");

  list = run_json (f, 0, "icp", "list", NULL);
  array = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_true (json_object_has_member (json_array_get_object_element (array, i), "id"));

  shown = run_json (f, 0, "icp", "show", id, NULL);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_node_get_object (shown),
                                                                                 "locations"), 0), ==, "india");

  g_clear_pointer (&shown, json_node_unref);
  shown = run_json (f, 0, "icp", "delete", id, NULL);
  error = run_json (f, 1, "icp", "show", id, NULL);
  g_assert_true (json_object_has_member (json_node_get_object (error), "error"));

  /* Bad input: usage errors exit 2, bad files 1. */
  g_assert_cmpint (rf_test_run_cli (f->db, NULL, NULL, "icp", "template", "enterprise", NULL), ==, 2);
  g_assert_cmpint (rf_test_run_cli (f->db, NULL, NULL, "icp", "show", "abc", NULL), ==, 2);
  g_assert_cmpint (rf_test_run_cli (f->db, NULL, NULL, "icp", NULL), ==, 2);
  g_assert_true (g_file_set_contents (bad_file, "{\"name\": ", -1, NULL));
  g_assert_cmpint (rf_test_run_cli (f->db, NULL, NULL, "icp", "add", bad_file, NULL), ==, 1);
  g_assert_cmpint (rf_test_run_cli (f->db, NULL, NULL, "icp", "add", "/nonexistent.json", NULL), ==, 1);
}

static void
seed_leads (Fixture *f)
{
  g_autoptr(RfDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = rf_database_open_sync (f->db, NULL, &error);
  g_assert_no_error (error);
  rf_test_insert_lead (database, "MyD2C Brand", "https://mydc.com", "Sam Lee", "sam@mydc.com", 82.5, "hire");
  rf_test_insert_lead (database, "Warm Co", NULL, NULL, NULL, 65, "x");
  rf_test_insert_lead (database, NULL, NULL, "Solo Person", "solo@person.me", 45, "x");
  rf_test_insert_lead (database, "Cold Inc", NULL, NULL, NULL, 10, "x");
  rf_database_close (database);
}

static void
test_leads_commands (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) hot = NULL;
  g_autoptr(JsonNode) lead = NULL;
  g_autoptr(JsonNode) distribution = NULL;
  g_autoptr(JsonNode) filtered = NULL;
  g_autofree char *id = NULL;
  JsonObject *first;
  JsonObject *object;

  seed_leads (f);

  all = run_json (f, 0, "leads", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (all)), ==, 4);
  first = json_array_get_object_element (json_node_get_array (all), 0);
  g_assert_cmpfloat (json_object_get_double_member (first, "total_score"), ==, 82.5);
  g_assert_cmpstr (json_object_get_string_member (first, "score_bucket"), ==, "red_hot");
  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "new");
  g_assert_cmpstr (json_object_get_string_member (first, "source_type"), ==, "manual");
  g_assert_cmpstr (json_object_get_string_member (first, "classifier"), ==, "rules");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (first, "created_at"), "Z"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first, "company"), "website"),
                   ==, "https://mydc.com");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first, "contact"), "email"),
                   ==, "sam@mydc.com");
  /* A lead with no contact says null. */
  g_assert_true (json_object_get_null_member (json_array_get_object_element (json_node_get_array (all), 1),
                                              "contact"));
  g_assert_true (json_object_get_null_member (json_array_get_object_element (json_node_get_array (all), 2),
                                              "company"));

  hot = run_json (f, 0, "leads", "--bucket", "red_hot", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (hot)), ==, 1);
  filtered = run_json (f, 0, "leads", "--min-score=40", "--search", "solo", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (filtered)), ==, 1);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (first, "id"));
  lead = run_json (f, 0, "lead", id, "--status", "contacted", "--note", "Called, keen", NULL);
  object = json_node_get_object (lead);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "contacted");
  g_assert_cmpstr (json_object_get_string_member (object, "notes"), ==, "Called, keen");
  g_assert_true (json_object_has_member (object, "classification"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "activities")), ==, 1);

  g_clear_pointer (&filtered, json_node_unref);
  filtered = run_json (f, 0, "leads", "--status", "contacted", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (filtered)), ==, 1);

  distribution = run_json (f, 0, "distribution", NULL);
  object = json_node_get_object (distribution);
  g_assert_cmpint (json_object_get_int_member (object, "red_hot"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "warm"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "nurture"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "parked"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 4);

  g_clear_pointer (&lead, json_node_unref);
  lead = run_json (f, 0, "lead", id, "--delete", NULL);
  g_clear_pointer (&lead, json_node_unref);
  lead = run_json (f, 1, "lead", id, NULL);
  g_assert_true (json_object_has_member (json_node_get_object (lead), "error"));

  g_assert_cmpint (rf_test_run_cli (f->db, NULL, NULL, "leads", "--bucket", "lukewarm", NULL), ==, 2);
  g_assert_cmpint (rf_test_run_cli (f->db, NULL, NULL, "leads", "--min-score", "abc", NULL), ==, 2);
  g_assert_cmpint (rf_test_run_cli (f->db, NULL, NULL, "lead", id, "--status", "dunno", NULL), ==, 2);
  g_assert_cmpint (rf_test_run_cli (f->db, NULL, NULL, "lead", NULL), ==, 2);
  g_assert_cmpint (rf_test_run_cli (f->db, NULL, NULL, "frobnicate", NULL), ==, 2);
  g_assert_cmpint (rf_test_run_cli (f->db, NULL, NULL, "leads", "--status", NULL), ==, 2);
}

static void
test_bad_databases (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *url = g_strdup_printf ("DATABASE_URL=sqlite:///%s", f->db);
  const char *env[] = { url, NULL };
  const char *args[] = { "distribution", NULL };
  g_autoptr(JsonNode) version = NULL;

  /* Not a database: a clear message and exit 1, never a crash. */
  g_assert_true (g_file_set_contents (f->db, "PK\003\004 this is a zip file", -1, NULL));
  g_assert_cmpint (rf_test_run_cli (f->db, &out, &err, "leads", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not a Raptorflow database"));

  /* DATABASE_URL is honoured when --db is absent. */
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (rf_test_run_cli_argv (NULL, env, args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, f->db));

  /* A folder that cannot be made. */
  g_assert_cmpint (rf_test_run_cli ("/proc/raptorflow/leads.db", NULL, NULL, "leads", NULL), ==, 1);

  version = run_json (f, 0, "--version", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (version), "version"), ==, PACKAGE_VERSION);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/icp", test_icp_commands);
  ADD ("/cli/leads", test_leads_commands);
  ADD ("/cli/bad-databases", test_bad_databases);
#undef ADD

  return g_test_run ();
}
