/* test-cli-models.c: `raptorflow-cli models` against the stand-in Ollama
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>

#include "rf-fake-ollama.h"
#include "rf-test-util.h"

static JsonObject *
run_models (const char  *url,
            const char  *extra_arg,
            int          expected_status,
            char       **err_out)
{
  g_autofree char *env_url = g_strdup_printf ("OLLAMA_BASE_URL=%s", url);
  const char *env[] = { env_url, NULL };
  const char *args[] = { "models", "--json", extra_arg, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (rf_test_run_cli_argv (NULL, env, args, &out, &err), ==, expected_status);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  if (err_out != NULL)
    *err_out = g_steal_pointer (&err);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_present_and_missing (void)
{
  g_autoptr(RfFakeOllama) fake = rf_fake_ollama_new ();
  g_autoptr(JsonObject) all = NULL;
  g_autoptr(JsonObject) missing = NULL;
  const char * const only_fast[] = { "gemma3:1b", NULL };

  all = run_models (rf_fake_ollama_get_url (fake), NULL, 0, NULL);
  g_assert_true (json_object_get_boolean_member (all, "reachable"));
  g_assert_cmpstr (json_object_get_string_member (all, "version"), ==, "0.6.8");
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (all, "fast_model"), "present"));
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (all, "rich_model"), "present"));

  rf_fake_ollama_set_models (fake, only_fast);
  missing = run_models (rf_fake_ollama_get_url (fake), NULL, 0, NULL);
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (missing, "rich_model"), "present"));
}

static void
test_pull (void)
{
  g_autoptr(RfFakeOllama) fake = rf_fake_ollama_new ();
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *err = NULL;

  rf_fake_ollama_set_models (fake, NULL);
  after = run_models (rf_fake_ollama_get_url (fake), "--pull", 0, &err);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (after, "fast_model"), "present"));
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (after, "rich_model"), "present"));
  g_assert_cmpuint (rf_fake_ollama_count_requests (fake, "/api/pull", "gemma3:1b"), ==, 1);
  g_assert_cmpuint (rf_fake_ollama_count_requests (fake, "/api/pull", "gemma3:4b"), ==, 1);
  /* Progress went to stderr. */
  g_assert_nonnull (strstr (err, "100%"));
}

static void
test_down (void)
{
  g_autoptr(RfFakeOllama) fake = rf_fake_ollama_new ();
  g_autoptr(JsonObject) down = NULL;
  g_autofree char *err = NULL;

  rf_fake_ollama_stop (fake);
  down = run_models (rf_fake_ollama_get_url (fake), NULL, 1, &err);
  g_assert_false (json_object_get_boolean_member (down, "reachable"));
  g_assert_nonnull (strstr (json_object_get_string_member (down, "error"), "ollama serve"));
  g_assert_nonnull (strstr (err, "ollama serve"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/models/present-and-missing", test_present_and_missing);
  g_test_add_func ("/cli/models/pull", test_pull);
  g_test_add_func ("/cli/models/down", test_down);

  return g_test_run ();
}
