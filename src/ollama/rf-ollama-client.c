/* rf-ollama-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The endpoints; the request machinery they share is rf-ollama-request.c.
 */

#define G_LOG_DOMAIN "rf-ollama"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "rf-ollama-request.h"

#define DEFAULT_PORT            11434
#define DEFAULT_HEADERS_MS      (5 * 60 * 1000)
#define DEFAULT_CHUNK_MS        (2 * 60 * 1000)
#define DEFAULT_RETRIES         3
#define DEFAULT_RETRY_DELAY_MS  500

G_DEFINE_QUARK (rf-ollama-error-quark, rf_ollama_error)

G_DEFINE_FINAL_TYPE (RfOllamaClient, rf_ollama_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

RfOllamaChatRequest *
rf_ollama_chat_request_new (const char *model,
                            const char *system,
                            const char *prompt)
{
  RfOllamaChatRequest *request = g_new0 (RfOllamaChatRequest, 1);

  request->model = g_strdup (model);
  request->system = g_strdup (system);
  request->prompt = g_strdup (prompt);
  request->temperature = -1;
  request->seed = -1;
  return request;
}

void
rf_ollama_chat_request_free (RfOllamaChatRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->model);
  g_free (request->system);
  g_free (request->prompt);
  g_clear_pointer (&request->format, json_node_unref);
  g_free (request->keep_alive);
  g_free (request);
}

void
rf_ollama_chat_result_free (RfOllamaChatResult *result)
{
  if (result == NULL)
    return;

  g_free (result->content);
  g_free (result->model);
  g_free (result->done_reason);
  g_free (result);
}

/* "localhost" -> "http://localhost:11434"; "host:1234" -> "http://host:1234";
 * a URL with a scheme is kept as given, less its trailing slashes. */
char *
rf_ollama_normalize_base_url (const char *url)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (url != NULL ? url : ""));
  GString *normalized;

  if (*trimmed == '\0')
    return g_strdup (RF_OLLAMA_DEFAULT_URL);

  if (strstr (trimmed, "://") != NULL)
    normalized = g_string_new (trimmed);
  else
    {
      const char *host_end = trimmed + strcspn (trimmed, "/");
      const char *colon = memchr (trimmed, ':', host_end - trimmed);

      normalized = g_string_new ("http://");
      g_string_append_len (normalized, trimmed, host_end - trimmed);
      if (colon == NULL && trimmed[0] != '[')
        g_string_append_printf (normalized, ":%d", DEFAULT_PORT);
      g_string_append (normalized, host_end);
    }

  while (normalized->len > 0 && normalized->str[normalized->len - 1] == '/')
    g_string_truncate (normalized, normalized->len - 1);
  return g_string_free (normalized, FALSE);
}

/* "gemma3:1b" is there if listed as such; a name without a tag also
 * matches the same name tagged ":latest", and the other way round. */
gboolean
rf_ollama_model_list_has (const char * const *models,
                          const char         *wanted)
{
  g_autofree char *wanted_latest = NULL;

  if (models == NULL || wanted == NULL || *wanted == '\0')
    return FALSE;

  wanted_latest = strchr (wanted, ':') != NULL ? NULL : g_strconcat (wanted, ":latest", NULL);
  for (guint i = 0; models[i] != NULL; i++)
    {
      if (g_str_equal (models[i], wanted) ||
          (wanted_latest != NULL && g_str_equal (models[i], wanted_latest)))
        return TRUE;
      if (g_str_has_suffix (wanted, ":latest") && strchr (models[i], ':') == NULL &&
          strncmp (models[i], wanted, strlen (wanted) - strlen (":latest")) == 0 &&
          strlen (models[i]) == strlen (wanted) - strlen (":latest"))
        return TRUE;
    }
  return FALSE;
}

static void
rf_ollama_client_finalize (GObject *object)
{
  RfOllamaClient *self = (RfOllamaClient *)object;

  g_clear_object (&self->session);
  g_free (self->base_url);
  g_free (self->token);

  G_OBJECT_CLASS (rf_ollama_client_parent_class)->finalize (object);
}

static void
rf_ollama_client_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RfOllamaClient *self = RF_OLLAMA_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_ollama_client_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RfOllamaClient *self = RF_OLLAMA_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      rf_ollama_client_set_base_url (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_ollama_client_class_init (RfOllamaClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rf_ollama_client_finalize;
  object_class->get_property = rf_ollama_client_get_property;
  object_class->set_property = rf_ollama_client_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         RF_OLLAMA_DEFAULT_URL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rf_ollama_client_init (RfOllamaClient *self)
{
  /* The session's own I/O timeout is only a last resort above our
   * watchdogs, which know the phase. */
  /* libsoup allows 2 connections per host by default: the engine's
   * requests in flight (up to 16) each need their own, plus a status
   * check beside them. */
  self->session = soup_session_new_with_options ("timeout", 15 * 60,
                                                 "user-agent", "raptorflow/" PACKAGE_VERSION,
                                                 "max-conns-per-host", 32,
                                                 "max-conns", 64,
                                                 NULL);
  self->base_url = g_strdup (RF_OLLAMA_DEFAULT_URL);
  self->headers_timeout_ms = DEFAULT_HEADERS_MS;
  self->chunk_timeout_ms = DEFAULT_CHUNK_MS;
  self->max_retries = DEFAULT_RETRIES;
  self->retry_delay_ms = DEFAULT_RETRY_DELAY_MS;
}

RfOllamaClient *
rf_ollama_client_new (const char *base_url)
{
  return g_object_new (RF_TYPE_OLLAMA_CLIENT, "base-url", base_url, NULL);
}

const char *
rf_ollama_client_get_base_url (RfOllamaClient *self)
{
  g_return_val_if_fail (RF_IS_OLLAMA_CLIENT (self), NULL);

  return self->base_url;
}

void
rf_ollama_client_set_base_url (RfOllamaClient *self,
                               const char     *base_url)
{
  g_autofree char *normalized = rf_ollama_normalize_base_url (base_url);

  g_return_if_fail (RF_IS_OLLAMA_CLIENT (self));

  if (g_strcmp0 (self->base_url, normalized) == 0)
    return;
  g_free (self->base_url);
  self->base_url = g_steal_pointer (&normalized);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
}

/* For an Ollama behind an authenticating proxy; NULL or "" sends none. */
void
rf_ollama_client_set_token (RfOllamaClient *self,
                            const char     *token)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (token != NULL ? token : ""));

  g_return_if_fail (RF_IS_OLLAMA_CLIENT (self));

  g_free (self->token);
  self->token = *trimmed != '\0' ? g_steal_pointer (&trimmed) : NULL;
}

/* How long to wait for the response headers (a chat includes loading the
 * model) and then between two chunks; 0 keeps the default. */
void
rf_ollama_client_set_timeouts (RfOllamaClient *self,
                               guint           headers_ms,
                               guint           chunk_ms)
{
  g_return_if_fail (RF_IS_OLLAMA_CLIENT (self));

  self->headers_timeout_ms = headers_ms > 0 ? headers_ms : DEFAULT_HEADERS_MS;
  self->chunk_timeout_ms = chunk_ms > 0 ? chunk_ms : DEFAULT_CHUNK_MS;
}

void
rf_ollama_client_set_retries (RfOllamaClient *self,
                              guint           max_retries,
                              guint           first_delay_ms)
{
  g_return_if_fail (RF_IS_OLLAMA_CLIENT (self));

  self->max_retries = max_retries;
  self->retry_delay_ms = first_delay_ms;
}

/* Endpoints. */

void
rf_ollama_client_version_async (RfOllamaClient      *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (RF_IS_OLLAMA_CLIENT (self));

  rf_ollama_request_start (rf_ollama_request_new (self, KIND_VERSION, SOUP_METHOD_GET, "/api/version", NULL, NULL,
                                                  rf_ollama_client_version_async, cancellable, callback, user_data));
}

/* Ollama's version: it answered, so it runs. */
char *
rf_ollama_client_version_finish (RfOllamaClient  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  return rf_ollama_request_finish (self, result, rf_ollama_client_version_async, error);
}

void
rf_ollama_client_list_models_async (RfOllamaClient      *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (RF_IS_OLLAMA_CLIENT (self));

  rf_ollama_request_start (rf_ollama_request_new (self, KIND_TAGS, SOUP_METHOD_GET, "/api/tags", NULL, NULL,
                                                  rf_ollama_client_list_models_async, cancellable, callback, user_data));
}

GStrv
rf_ollama_client_list_models_finish (RfOllamaClient  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return rf_ollama_request_finish (self, result, rf_ollama_client_list_models_async, error);
}

static JsonNode *
model_body (const char *model,
            gboolean    stream)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, model);
  if (stream)
    {
      json_builder_set_member_name (builder, "stream");
      json_builder_add_boolean_value (builder, TRUE);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

void
rf_ollama_client_show_async (RfOllamaClient      *self,
                             const char          *model,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (RF_IS_OLLAMA_CLIENT (self));
  g_return_if_fail (model != NULL);

  body = model_body (model, FALSE);
  rf_ollama_request_start (rf_ollama_request_new (self, KIND_SHOW, SOUP_METHOD_POST, "/api/show", body, model,
                                                  rf_ollama_client_show_async, cancellable, callback, user_data));
}

JsonObject *
rf_ollama_client_show_finish (RfOllamaClient  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  return rf_ollama_request_finish (self, result, rf_ollama_client_show_async, error);
}

static JsonNode *
chat_body (const RfOllamaChatRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, request->model);
  json_builder_set_member_name (builder, "stream");
  json_builder_add_boolean_value (builder, TRUE);

  json_builder_set_member_name (builder, "messages");
  json_builder_begin_array (builder);
  if (request->system != NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, "system");
      json_builder_set_member_name (builder, "content");
      json_builder_add_string_value (builder, request->system);
      json_builder_end_object (builder);
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, "user");
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, request->prompt != NULL ? request->prompt : "");
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  if (request->format != NULL)
    {
      json_builder_set_member_name (builder, "format");
      json_builder_add_value (builder, json_node_copy (request->format));
    }
  if (request->keep_alive != NULL)
    {
      json_builder_set_member_name (builder, "keep_alive");
      json_builder_add_string_value (builder, request->keep_alive);
    }

  json_builder_set_member_name (builder, "options");
  json_builder_begin_object (builder);
  if (request->temperature >= 0)
    {
      json_builder_set_member_name (builder, "temperature");
      json_builder_add_double_value (builder, request->temperature);
    }
  if (request->num_ctx > 0)
    {
      json_builder_set_member_name (builder, "num_ctx");
      json_builder_add_int_value (builder, request->num_ctx);
    }
  if (request->seed >= 0)
    {
      json_builder_set_member_name (builder, "seed");
      json_builder_add_int_value (builder, request->seed);
    }
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* A chat, streamed: the reply is whole only when Ollama says "done". */
void
rf_ollama_client_chat_async (RfOllamaClient            *self,
                             const RfOllamaChatRequest *request,
                             GCancellable              *cancellable,
                             GAsyncReadyCallback        callback,
                             gpointer                   user_data)
{
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (RF_IS_OLLAMA_CLIENT (self));
  g_return_if_fail (request != NULL && request->model != NULL);

  body = chat_body (request);
  rf_ollama_request_start (rf_ollama_request_new (self, KIND_CHAT, SOUP_METHOD_POST, "/api/chat", body,
                                                  request->model, rf_ollama_client_chat_async,
                                                  cancellable, callback, user_data));
}

RfOllamaChatResult *
rf_ollama_client_chat_finish (RfOllamaClient  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  return rf_ollama_request_finish (self, result, rf_ollama_client_chat_async, error);
}

void
rf_ollama_client_pull_async (RfOllamaClient           *self,
                             const char               *model,
                             RfOllamaPullProgressFunc  progress,
                             gpointer                  progress_data,
                             GDestroyNotify            progress_data_free,
                             GCancellable             *cancellable,
                             GAsyncReadyCallback       callback,
                             gpointer                  user_data)
{
  g_autoptr(JsonNode) body = NULL;
  GTask *task;
  Request *request;

  g_return_if_fail (RF_IS_OLLAMA_CLIENT (self));
  g_return_if_fail (model != NULL);

  body = model_body (model, TRUE);
  task = rf_ollama_request_new (self, KIND_PULL, SOUP_METHOD_POST, "/api/pull", body, model,
                                rf_ollama_client_pull_async, cancellable, callback, user_data);
  request = g_task_get_task_data (task);
  request->progress = progress;
  request->progress_data = progress_data;
  request->progress_data_free = progress_data_free;
  rf_ollama_request_start (task);
}

gboolean
rf_ollama_client_pull_finish (RfOllamaClient  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  GError *local_error = NULL;

  rf_ollama_request_finish (self, result, rf_ollama_client_pull_async, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
