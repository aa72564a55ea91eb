/* test-cli-classify.c: `raptorflow-cli classify` against the stand-in
 * Ollama, and without it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>

#include "rf-fake-ollama.h"
#include "rf-test-util.h"

#define SEED_TEXT "Looking to hire a growth marketer. We run an eCommerce brand with $50K MRR and no marketing system. Help!"

#define ANSWER \
  "{\"icp_match\": true, \"icp_fit\": {\"score\": 45, \"matched_criteria\": [\"industry: ecommerce\"], \"reason\": \"fits\"}," \
  " \"size_bucket\": \"unknown\", \"role_type\": \"growth_marketer\", \"pain_score\": 35," \
  " \"pain_tags\": [\"lead_gen\", \"scaling_ads\", \"no_system\"]," \
  " \"spin\": {\"situation\": \"s\", \"problem\": \"p\", \"implication\": \"i\", \"need_payoff\": \"n\"}," \
  " \"meddic\": {\"economic_buyer\": \"Founder\", \"key_pain\": \"k\", \"chaos_flags\": []}}"

typedef struct
{
  char         *dir;
  char         *db;
  RfFakeOllama *ollama;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = rf_test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "leads.db", NULL);
  fixture->ollama = rf_fake_ollama_new ();
  rf_fake_ollama_set_default_reply (fixture->ollama, rf_fake_reply_new (ANSWER));
  g_assert_cmpint (rf_test_run_cli (fixture->db, NULL, NULL, "icp", "template", "solo-founder", NULL), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->ollama, rf_fake_ollama_free);
  rf_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

static JsonNode *
run_json (Fixture             *fixture,
          const char          *url,
          const char * const  *args,
          int                  expected_status,
          char               **err_out)
{
  g_autofree char *env_url = g_strdup_printf ("OLLAMA_BASE_URL=%s", url);
  const char *env[] = { env_url, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (rf_test_run_cli_argv (fixture->db, env, args, &out, &err), ==, expected_status);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  if (err_out != NULL)
    *err_out = g_steal_pointer (&err);
  return json_node_ref (json_parser_get_root (parser));
}

/* The seed's response shape, scored by the fast model. */
static void
test_seed_shape (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *args[] = { "classify", "--text", SEED_TEXT, "--company", "MyD2C Brand", "--website", "https://mydc.com",
                         "--source", "manual", "--json", NULL };
  g_autoptr(JsonNode) root = run_json (fixture, rf_fake_ollama_get_url (fixture->ollama), args, 0, NULL);
  JsonObject *result = json_node_get_object (root);
  JsonObject *classification = json_object_get_object_member (result, "classification");

  g_assert_true (json_object_get_boolean_member (result, "icp_match"));
  g_assert_cmpfloat (json_object_get_double_member (result, "total_score"), ==, 85);
  g_assert_cmpstr (json_object_get_string_member (result, "score_bucket"), ==, "red_hot");
  g_assert_cmpfloat (json_object_get_double_member (classification, "score_fit"), ==, 45);
  g_assert_cmpfloat (json_object_get_double_member (classification, "score_pain"), ==, 35);
  g_assert_cmpfloat (json_object_get_double_member (classification, "score_data_quality"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (classification, "role_type"), ==, "growth_marketer");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (classification, "pain_tags")), ==, 3);
  g_assert_true (json_object_has_member (json_object_get_object_member (classification, "spin"), "need_payoff"));
  g_assert_true (json_object_has_member (json_object_get_object_member (classification, "meddic"), "chaos_flags"));
  g_assert_cmpstr (json_object_get_string_member (classification, "classifier"), ==, "ollama:gemma3:1b");
  g_assert_cmpint (json_object_get_int_member (result, "company_id"), >, 0);
  g_assert_cmpint (json_object_get_int_member (result, "lead_id"), ==, 1);
  g_assert_true (json_object_get_null_member (result, "ollama_error"));
  /* A hot lead waits for its dossier before the command ends. */
  g_assert_cmpuint (rf_fake_ollama_count_requests (fixture->ollama, "/api/chat", "gemma3:4b"), ==, 1);
}

/* --no-dossier: scored by the fast model, the rich one never asked; the
 * dossier can still be written on request afterwards. */
static void
test_no_dossier (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *args[] = { "classify", "--text", SEED_TEXT, "--no-dossier", "--json", NULL };
  const char *dossier[] = { "lead", "1", "--dossier", "--json", NULL };
  g_autoptr(JsonNode) root = run_json (fixture, rf_fake_ollama_get_url (fixture->ollama), args, 0, NULL);
  g_autoptr(JsonNode) written = NULL;
  JsonObject *result = json_node_get_object (root);

  g_assert_cmpfloat (json_object_get_double_member (result, "total_score"), >=, 80);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (result, "classification"), "classifier"),
                   ==, "ollama:gemma3:1b");
  g_assert_cmpuint (rf_fake_ollama_count_requests (fixture->ollama, "/api/chat", "gemma3:4b"), ==, 0);

  rf_fake_ollama_set_default_reply (fixture->ollama, rf_fake_reply_new (
    "{\"snapshot\": \"D2C.\", \"why_pain\": [\"a\", \"b\", \"c\"], \"uncomfortable_truth\": \"t\","
    " \"reframe\": \"r\", \"best_angle\": [\"x\", \"y\", \"z\"], \"challenger_insight\": \"i\"}"));
  written = run_json (fixture, rf_fake_ollama_get_url (fixture->ollama), dossier, 0, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (written), "dossier"),
                                                  "snapshot"), ==, "D2C.");
  g_assert_cmpuint (rf_fake_ollama_count_requests (fixture->ollama, "/api/chat", "gemma3:4b"), ==, 1);
}

static void
test_offline (Fixture       *fixture,
              gconstpointer  data)
{
  const char *args[] = { "classify", "--text", SEED_TEXT, "--json", NULL };
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *result;

  rf_fake_ollama_stop (fixture->ollama);
  root = run_json (fixture, rf_fake_ollama_get_url (fixture->ollama), args, 0, &err);
  result = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (result, "classification"), "classifier"), ==, "rules");
  g_assert_nonnull (strstr (err, "ollama serve"));
  g_assert_nonnull (strstr (json_object_get_string_member (result, "ollama_error"), "ollama serve"));
  g_assert_true (json_object_get_null_member (result, "company_id"));
}

static void
test_readable (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (rf_test_run_cli (fixture->db, &out, NULL, "--ollama", "127.0.0.1:9", "classify", "--text", SEED_TEXT, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Lead 1: 78.0, Warm"));
  g_assert_nonnull (strstr (out, "industry: ecommerce"));
  g_assert_nonnull (strstr (out, "Classifier: rules"));
}

static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "signals.jsonl", NULL);
  const char *lines =
    "{\"signal_text\": \"" SEED_TEXT "\", \"source_type\": \"job_post\", \"company_name\": \"A\", \"company_website\": \"a.com\"}\n"
    "{\"signal_text\": \"We sell boilers\", \"company_name\": \"B\"}\n"
    "\n"
    "this is not json\n"
    "{\"signal_text\": \"Third\", \"source_type\": \"website\"}\n"
    "{\"source_type\": \"website\"}\n";
  const char *args[] = { "classify", "--batch", path, "--json", NULL };
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *results;

  g_assert_true (g_file_set_contents (path, lines, -1, NULL));
  root = run_json (fixture, rf_fake_ollama_get_url (fixture->ollama), args, 1, &err);
  results = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (results), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_array_get_object_element (results, 0), "classification"), "classifier"),
                   ==, "ollama:gemma3:1b");
  g_assert_nonnull (strstr (err, "Classified 3 of 3"));
  g_assert_nonnull (strstr (err, "line 4: not JSON"));
  g_assert_nonnull (strstr (err, "line 6: “signal_text” is missing"));
}

/* Scored by rules while Ollama was away, then re-scored and given a
 * dossier from the command line. */
/* A pasted post names its company and a person: `lead` shows them, with
 * the person's title. */
static void
test_contacts_from_text (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *classify[] = { "classify", "--text",
                             "Northwind Coffee Roasters is hiring a Growth Marketer; our paid social CAC doubled. "
                             "Send your CV to Dana Whitfield, Head of Marketing, dana@northwindcoffee.com",
                             "--json", NULL };
  const char *show[] = { "lead", "1", "--json", NULL };
  g_autoptr(JsonNode) classified = run_json (fixture, "http://127.0.0.1:9", classify, 0, NULL);
  g_autoptr(JsonNode) shown = run_json (fixture, "http://127.0.0.1:9", show, 0, NULL);
  JsonObject *lead = json_node_get_object (shown);
  JsonObject *contact = json_object_get_object_member (lead, "contact");

  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (lead, "company"), "name"),
                   ==, "Northwind Coffee Roasters");
  g_assert_cmpstr (json_object_get_string_member (contact, "name"), ==, "Dana Whitfield");
  g_assert_cmpstr (json_object_get_string_member (contact, "title"), ==, "Head of Marketing");
  g_assert_cmpstr (json_object_get_string_member (contact, "email"), ==, "dana@northwindcoffee.com");
}

static void
test_rescore_and_dossier (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *classify[] = { "classify", "--text", "We sell boilers to councils", "--json", NULL };
  const char *rescore[] = { "lead", "1", "--rescore", "--json", NULL };
  const char *dossier[] = { "lead", "1", "--dossier", "--json", NULL };
  g_autoptr(JsonNode) first = run_json (fixture, "http://127.0.0.1:9", classify, 0, NULL);
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autofree char *err = NULL;
  JsonObject *lead;

  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (first), "classification"),
                                                  "classifier"), ==, "rules");
  again = run_json (fixture, rf_fake_ollama_get_url (fixture->ollama), rescore, 0, NULL);
  lead = json_node_get_object (again);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (lead, "classification"), "classifier"),
                   ==, "ollama:gemma3:1b");

  rf_fake_ollama_set_default_reply (fixture->ollama, rf_fake_reply_new (
    "{\"snapshot\": \"Boilers.\", \"why_pain\": [\"a\", \"b\", \"c\"], \"uncomfortable_truth\": \"t\","
    " \"reframe\": \"r\", \"best_angle\": [\"x\", \"y\", \"z\"], \"challenger_insight\": \"i\"}"));
  written = run_json (fixture, rf_fake_ollama_get_url (fixture->ollama), dossier, 0, &err);
  lead = json_node_get_object (written);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (lead, "dossier"), "snapshot"), ==, "Boilers.");
  g_assert_cmpuint (rf_fake_ollama_count_requests (fixture->ollama, "/api/chat", "gemma3:4b"), ==, 1);

  /* Without Ollama: the dossier cannot be written, and says why. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (rf_test_run_cli (fixture->db, NULL, &err, "--ollama", "127.0.0.1:9", "lead", "1", "--dossier", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "ollama serve"));
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (rf_test_run_cli (fixture->db, NULL, NULL, "classify", NULL), ==, 2);
  g_assert_cmpint (rf_test_run_cli (fixture->db, NULL, &err, "classify", "--text", "x", "--source", "fax", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "job_post"));
  g_assert_cmpint (rf_test_run_cli (fixture->db, NULL, NULL, "classify", "--text", "x", "--icp", "abc", NULL), ==, 2);
  g_assert_cmpint (rf_test_run_cli (fixture->db, NULL, NULL, "classify", "--batch", "/nonexistent.jsonl", NULL), ==, 1);
  g_assert_cmpint (rf_test_run_cli (fixture->db, NULL, NULL, "--ollama", "127.0.0.1:9", "classify", "--text", "x", "--icp", "999", NULL), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/classify/seed-shape", test_seed_shape);
  ADD ("/cli/classify/offline", test_offline);
  ADD ("/cli/classify/readable", test_readable);
  ADD ("/cli/classify/batch", test_batch);
  ADD ("/cli/classify/usage", test_usage);
  ADD ("/cli/classify/rescore-and-dossier", test_rescore_and_dossier);
  ADD ("/cli/classify/no-dossier", test_no_dossier);
  ADD ("/cli/classify/contacts-from-text", test_contacts_from_text);
#undef ADD

  return g_test_run ();
}
