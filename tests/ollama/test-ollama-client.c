/* test-ollama-client.c: RfOllamaClient against the stand-in, every fault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>

#include "rf-fake-ollama.h"
#include "rf-ollama-client.h"
#include "rf-test-util.h"

typedef struct
{
  RfFakeOllama   *fake;
  RfOllamaClient *client;
  GAsyncResult   *result;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->fake = rf_fake_ollama_new ();
  f->client = rf_ollama_client_new (rf_fake_ollama_get_url (f->fake));
  /* Short waits so faults show quickly. */
  rf_ollama_client_set_timeouts (f->client, 2000, 1000);
  rf_ollama_client_set_retries (f->client, 2, 20);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->result);
  g_clear_object (&f->client);
  rf_fake_ollama_free (f->fake);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Fixture *f = user_data;

  f->result = g_object_ref (result);
}

static gboolean
has_result (gpointer user_data)
{
  return ((Fixture *)user_data)->result != NULL;
}

static void
wait_for_result (Fixture *f)
{
  g_clear_object (&f->result);
  g_assert_true (rf_test_wait_until (has_result, f, 20000));
}

static RfOllamaChatResult *
chat (Fixture     *f,
      const char  *model,
      GError     **error)
{
  g_autoptr(RfOllamaChatRequest) request = rf_ollama_chat_request_new (model, "You classify.", "A signal");
  RfOllamaChatResult *result;

  request->temperature = 0.1;
  request->num_ctx = 4096;
  request->format = json_from_string ("{\"type\": \"object\"}", NULL);
  g_clear_object (&f->result);
  rf_ollama_client_chat_async (f->client, request, NULL, store_result_cb, f);
  wait_for_result (f);
  result = rf_ollama_client_chat_finish (f->client, f->result, error);
  return result;
}

static void
test_base_url (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "localhost:11434", "http://localhost:11434" },
    { "localhost", "http://localhost:11434" },
    { "  192.168.1.5:8080/ ", "http://192.168.1.5:8080" },
    { "https://ollama.example.com/", "https://ollama.example.com" },
    { "http://127.0.0.1:11434///", "http://127.0.0.1:11434" },
    { "", "http://localhost:11434" },
    { NULL, "http://localhost:11434" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = rf_ollama_normalize_base_url (cases[i].in);
      g_assert_cmpstr (normalized, ==, cases[i].out);
    }
}

static void
test_model_names (void)
{
  const char * const installed[] = { "gemma3:1b", "llama3:latest", "phi", NULL };

  g_assert_true (rf_ollama_model_list_has (installed, "gemma3:1b"));
  g_assert_false (rf_ollama_model_list_has (installed, "gemma3:4b"));
  g_assert_false (rf_ollama_model_list_has (installed, "gemma3"));
  g_assert_true (rf_ollama_model_list_has (installed, "llama3"));
  g_assert_true (rf_ollama_model_list_has (installed, "phi:latest"));
  g_assert_false (rf_ollama_model_list_has (NULL, "phi"));
}

static void
test_version_and_tags (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_auto(GStrv) models = NULL;
  g_autoptr(JsonObject) details = NULL;

  rf_ollama_client_version_async (f->client, NULL, store_result_cb, f);
  wait_for_result (f);
  version = rf_ollama_client_version_finish (f->client, f->result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (version, ==, "0.6.8");

  rf_ollama_client_list_models_async (f->client, NULL, store_result_cb, f);
  wait_for_result (f);
  models = rf_ollama_client_list_models_finish (f->client, f->result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (models), ==, 2);
  g_assert_true (rf_ollama_model_list_has ((const char * const *)models, "gemma3:4b"));

  rf_ollama_client_show_async (f->client, "gemma3:1b", NULL, store_result_cb, f);
  wait_for_result (f);
  details = rf_ollama_client_show_finish (f->client, f->result, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_has_member (details, "details"));
}

static void
test_chat (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfOllamaChatResult) result = NULL;
  g_autoptr(JsonObject) sent = NULL;
  g_autofree char *authorization = NULL;
  RfFakeReply *reply = rf_fake_reply_new ("{\"icp_match\": true, \"note\": \"ünïcode 😀\"}");
  JsonObject *options;

  /* Split at odd byte boundaries: lines and characters cut anywhere. */
  reply->chunk_size = 7;
  reply->pieces = 9;
  rf_fake_ollama_queue_reply (f->fake, reply);

  result = chat (f, "gemma3:1b", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->content, ==, "{\"icp_match\": true, \"note\": \"ünïcode 😀\"}");
  g_assert_cmpstr (result->done_reason, ==, "stop");
  g_assert_cmpstr (result->model, ==, "gemma3:1b");
  g_assert_cmpint (result->eval_count, ==, 17);

  /* What went out: the schema, fixed options, no "think", no token. */
  sent = rf_fake_ollama_get_last_body (f->fake, "/api/chat");
  g_assert_true (json_object_get_boolean_member (sent, "stream"));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (sent, "format")));
  g_assert_false (json_object_has_member (sent, "think"));
  options = json_object_get_object_member (sent, "options");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (options, "temperature"), 0.1, 1e-9);
  g_assert_cmpint (json_object_get_int_member (options, "num_ctx"), ==, 4096);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (sent, "messages")), ==, 2);
  authorization = rf_fake_ollama_get_last_header (f->fake, "/api/chat", "Authorization");
  g_assert_null (authorization);
}

static void
test_token (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfOllamaChatResult) result = NULL;
  g_autofree char *authorization = NULL;
  g_autofree char *none = NULL;

  rf_ollama_client_set_token (f->client, " s3cret ");
  result = chat (f, "gemma3:1b", &error);
  g_assert_no_error (error);
  authorization = rf_fake_ollama_get_last_header (f->fake, "/api/chat", "Authorization");
  g_assert_cmpstr (authorization, ==, "Bearer s3cret");

  /* A blank token sends no header at all. */
  g_clear_pointer (&result, rf_ollama_chat_result_free);
  rf_ollama_client_set_token (f->client, "   ");
  result = chat (f, "gemma3:1b", &error);
  g_assert_no_error (error);
  none = rf_fake_ollama_get_last_header (f->fake, "/api/chat", "Authorization");
  g_assert_null (none);
}

static void
check_chat_fault (Fixture     *f,
                  RfFakeFault  fault,
                  int          expected_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfOllamaChatResult) result = NULL;
  RfFakeReply *reply = rf_fake_reply_new ("{\"icp_match\": true, \"pain\": 30, \"tags\": [\"a\", \"b\"]}");

  reply->fault = fault;
  reply->chunk_size = 5;
  rf_fake_ollama_queue_reply (f->fake, reply);
  result = chat (f, "gemma3:1b", &error);
  g_assert_null (result);
  g_assert_error (error, RF_OLLAMA_ERROR, expected_code);
  g_assert_nonnull (error->message);
}

static void
test_faults (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfOllamaChatResult) result = NULL;

  check_chat_fault (f, RF_FAKE_FAULT_ERROR_LINE, RF_OLLAMA_ERROR_BAD_ANSWER);
  check_chat_fault (f, RF_FAKE_FAULT_LENGTH, RF_OLLAMA_ERROR_BAD_ANSWER);
  check_chat_fault (f, RF_FAKE_FAULT_NO_DONE, RF_OLLAMA_ERROR_BAD_ANSWER);
  check_chat_fault (f, RF_FAKE_FAULT_DISCONNECT, RF_OLLAMA_ERROR_BAD_ANSWER);
  check_chat_fault (f, RF_FAKE_FAULT_NOT_JSON, RF_OLLAMA_ERROR_BAD_ANSWER);
  check_chat_fault (f, RF_FAKE_FAULT_UNAUTHORIZED, RF_OLLAMA_ERROR_UNAUTHORIZED);

  /* A model that is not pulled: 404, and the message says how to get it. */
  result = chat (f, "gemma3:27b", &error);
  g_assert_null (result);
  g_assert_error (error, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_MODEL_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "ollama pull gemma3:27b"));
}

static void
test_busy_retries (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfOllamaChatResult) result = NULL;
  RfFakeReply *busy;

  /* Busy twice, then fine: the retries hide it. */
  for (guint i = 0; i < 2; i++)
    {
      busy = rf_fake_reply_new ("");
      busy->fault = RF_FAKE_FAULT_BUSY;
      rf_fake_ollama_queue_reply (f->fake, busy);
    }
  rf_fake_ollama_queue_reply (f->fake, rf_fake_reply_new ("{\"ok\": true}"));
  result = chat (f, "gemma3:1b", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->content, ==, "{\"ok\": true}");
  g_assert_cmpuint (rf_fake_ollama_count_requests (f->fake, "/api/chat", NULL), ==, 3);

  /* Busy past the retries: BUSY. */
  g_clear_pointer (&result, rf_ollama_chat_result_free);
  for (guint i = 0; i < 3; i++)
    {
      busy = rf_fake_reply_new ("");
      busy->fault = RF_FAKE_FAULT_BUSY;
      rf_fake_ollama_queue_reply (f->fake, busy);
    }
  result = chat (f, "gemma3:1b", &error);
  g_assert_null (result);
  g_assert_error (error, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_BUSY);
}

static void
test_watchdogs (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfOllamaChatResult) result = NULL;
  RfFakeReply *reply;

  /* Wide margins both ways: the suite runs on busy machines. */
  rf_ollama_client_set_timeouts (f->client, 1200, 1200);

  /* No headers in time (a model that takes too long to load). */
  reply = rf_fake_reply_new ("{}");
  reply->delay_ms = 4000;
  rf_fake_ollama_queue_reply (f->fake, reply);
  result = chat (f, "gemma3:1b", &error);
  g_assert_null (result);
  g_assert_error (error, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_TIMEOUT);
  g_clear_error (&error);

  /* Started, then went silent between chunks. */
  reply = rf_fake_reply_new ("{\"a\": \"long enough to need several chunks\"}");
  reply->chunk_size = 10;
  reply->chunk_delay_ms = 4000;
  rf_fake_ollama_queue_reply (f->fake, reply);
  result = chat (f, "gemma3:1b", &error);
  g_assert_null (result);
  g_assert_error (error, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_TIMEOUT);
  g_clear_error (&error);

  /* Slow but steady is fine: each chunk within the watchdog. */
  reply = rf_fake_reply_new ("{\"a\": 1}");
  reply->delay_ms = 200;
  reply->chunk_delay_ms = 150;
  rf_fake_ollama_queue_reply (f->fake, reply);
  result = chat (f, "gemma3:1b", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->content, ==, "{\"a\": 1}");
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RfOllamaChatRequest) request = rf_ollama_chat_request_new ("gemma3:1b", NULL, "hi");
  g_autoptr(GError) error = NULL;
  g_autoptr(RfOllamaChatResult) result = NULL;
  RfFakeReply *reply = rf_fake_reply_new ("{\"slow\": true}");

  reply->delay_ms = 100;
  reply->chunk_size = 3;
  reply->chunk_delay_ms = 200;
  rf_fake_ollama_queue_reply (f->fake, reply);
  rf_ollama_client_chat_async (f->client, request, cancellable, store_result_cb, f);
  for (gint64 until = g_get_monotonic_time () + 400000; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);
  g_cancellable_cancel (cancellable);
  wait_for_result (f);
  result = rf_ollama_client_chat_finish (f->client, f->result, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_not_running (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autoptr(RfOllamaChatResult) result = NULL;

  rf_fake_ollama_stop (f->fake);
  rf_ollama_client_version_async (f->client, NULL, store_result_cb, f);
  wait_for_result (f);
  version = rf_ollama_client_version_finish (f->client, f->result, &error);
  g_assert_null (version);
  g_assert_error (error, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_NOT_RUNNING);
  g_assert_nonnull (strstr (error->message, "ollama serve"));
  g_clear_error (&error);

  /* And back. */
  rf_fake_ollama_restart (f->fake);
  result = chat (f, "gemma3:1b", &error);
  g_assert_no_error (error);

  /* Not a URL at all. */
  g_clear_pointer (&result, rf_ollama_chat_result_free);
  rf_ollama_client_set_base_url (f->client, "ftp://nowhere");
  result = chat (f, "gemma3:1b", &error);
  g_assert_error (error, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_NOT_RUNNING);
}

typedef struct
{
  GArray *fractions;
} PullData;

static void
pull_progress_cb (const char *status,
                  double      fraction,
                  gpointer    user_data)
{
  g_array_append_val (((PullData *)user_data)->fractions, fraction);
}

static void
test_pull (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) models = NULL;
  PullData pull = { g_array_new (FALSE, FALSE, sizeof (double)) };
  gboolean saw_partial = FALSE;

  rf_fake_ollama_set_models (f->fake, NULL);
  rf_ollama_client_pull_async (f->client, "gemma3:1b", pull_progress_cb, &pull, NULL, NULL, store_result_cb, f);
  wait_for_result (f);
  g_assert_true (rf_ollama_client_pull_finish (f->client, f->result, &error));
  g_assert_no_error (error);

  /* Progress over both layers (3000 + 1000 bytes): never back, ends at 1,
   * and the first layer done alone is 3/4, not 1/2. */
  g_assert_cmpuint (pull.fractions->len, >, 5);
  for (guint i = 1; i < pull.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (pull.fractions, double, i), >=, g_array_index (pull.fractions, double, i - 1));
  for (guint i = 0; i < pull.fractions->len; i++)
    saw_partial |= ABS (g_array_index (pull.fractions, double, i) - 0.75) < 1e-9;
  g_assert_true (saw_partial);
  g_assert_cmpfloat (g_array_index (pull.fractions, double, pull.fractions->len - 1), ==, 1.0);
  g_array_unref (pull.fractions);

  rf_ollama_client_list_models_async (f->client, NULL, store_result_cb, f);
  wait_for_result (f);
  models = rf_ollama_client_list_models_finish (f->client, f->result, &error);
  g_assert_true (rf_ollama_model_list_has ((const char * const *)models, "gemma3:1b"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ollama/base-url", test_base_url);
  g_test_add_func ("/ollama/model-names", test_model_names);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ollama/version-and-tags", test_version_and_tags);
  ADD ("/ollama/chat", test_chat);
  ADD ("/ollama/token", test_token);
  ADD ("/ollama/faults", test_faults);
  ADD ("/ollama/busy-retries", test_busy_retries);
  ADD ("/ollama/watchdogs", test_watchdogs);
  ADD ("/ollama/cancel", test_cancel);
  ADD ("/ollama/not-running", test_not_running);
  ADD ("/ollama/pull", test_pull);
#undef ADD

  return g_test_run ();
}
