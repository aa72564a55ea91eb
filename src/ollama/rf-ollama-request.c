/* rf-ollama-request.c: one HTTP request to Ollama, start to finish
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every call is one HTTP request run the same way: send, read the body in
 * chunks (split into JSON lines when Ollama streams), and finish by the
 * endpoint's own rule. A watchdog per phase — waiting for the headers
 * (which, for a chat, includes loading the model: minutes on a cold
 * start), then waiting between chunks — turns a silent server into a
 * TIMEOUT; 503 is retried with a growing delay.
 */

#define G_LOG_DOMAIN "rf-ollama"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "rf-ndjson-splitter.h"
#include "rf-ollama-request.h"

#define MAX_LINE_LENGTH         (4 * 1024 * 1024)
#define MAX_BODY_LENGTH         (16 * 1024 * 1024)
#define READ_SIZE               16384


static void read_next (GTask *task);

static void
request_free (Request *request)
{
  if (request->caller_cancelled_id != 0)
    g_cancellable_disconnect (request->caller_cancellable, request->caller_cancelled_id);
  if (request->watchdog != NULL)
    {
      g_source_destroy (request->watchdog);
      g_source_unref (request->watchdog);
    }
  g_clear_object (&request->caller_cancellable);
  g_clear_object (&request->cancellable);
  g_clear_object (&request->message);
  g_clear_object (&request->stream);
  g_clear_object (&request->client);
  g_clear_pointer (&request->collected, g_byte_array_unref);
  g_clear_pointer (&request->splitter, rf_ndjson_splitter_free);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_clear_pointer (&request->layers, g_hash_table_unref);
  if (request->content != NULL)
    g_string_free (request->content, TRUE);
  g_clear_pointer (&request->chat, rf_ollama_chat_result_free);
  if (request->progress_data_free != NULL)
    request->progress_data_free (request->progress_data);
  g_free (request->path);
  g_free (request->model);
  g_free (request);
}

static void
set_not_running (RfOllamaClient  *self,
                 GError         **error)
{
  g_set_error (error, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_NOT_RUNNING,
               _("Ollama is not running at %s. Start it with “ollama serve”, or check the address in Preferences."),
               self->base_url);
}

/* Turns a transport error into one a user can act on. */
static GError *
map_transport_error (Request *request,
                     GError  *error)
{
  RfOllamaClient *self = request->client;
  GError *mapped = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && request->timed_out)
    g_set_error (&mapped, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_TIMEOUT,
                 _("Ollama at %s did not answer in time. It may be loading a model or overloaded; try again."),
                 self->base_url);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND) ||
           error->domain == G_RESOLVER_ERROR)
    set_not_running (self, &mapped);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (&mapped, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_TIMEOUT,
                 _("Ollama at %s did not answer in time. It may be loading a model or overloaded; try again."),
                 self->base_url);
  else if (request->status == SOUP_STATUS_OK)
    g_set_error (&mapped, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_BAD_ANSWER,
                 _("Ollama stopped in the middle of its answer (%s)"), error->message);
  else
    g_set_error (&mapped, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_FAILED,
                 _("Cannot talk to Ollama at %s: %s"), self->base_url, error->message);
  return mapped;
}

static void
return_error (GTask  *task,
              GError *error)
{
  Request *request = g_task_get_task_data (task);

  if (request->watchdog != NULL)
    g_source_destroy (request->watchdog);
  g_task_return_error (task, error);
}

static gboolean
watchdog_cb (gpointer user_data)
{
  Request *request = user_data;

  request->timed_out = TRUE;
  g_cancellable_cancel (request->cancellable);
  g_clear_pointer (&request->watchdog, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
arm_watchdog (GTask *task,
              guint  ms)
{
  Request *request = g_task_get_task_data (task);

  if (request->watchdog != NULL)
    {
      g_source_destroy (request->watchdog);
      g_source_unref (request->watchdog);
    }
  request->watchdog = g_timeout_source_new (ms);
  g_source_set_callback (request->watchdog, watchdog_cb, request, NULL);
  g_source_attach (request->watchdog, g_task_get_context (task));
}

static void
caller_cancelled_cb (GCancellable *caller,
                     gpointer      user_data)
{
  Request *request = user_data;

  g_cancellable_cancel (request->cancellable);
}

/* The error message in an {"error": "..."} body or line, or NULL. */
static const char *
error_member (JsonNode *root)
{
  JsonObject *object;
  JsonNode *node;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  node = json_object_get_member (object, "error");
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return "unknown error";
}

static GError *
error_from_reply (Request    *request,
                  const char *message)
{
  RfOllamaClient *self = request->client;
  g_autofree char *lower = g_ascii_strdown (message != NULL ? message : "", -1);
  GError *error = NULL;

  if (request->status == SOUP_STATUS_NOT_FOUND ||
      (strstr (lower, "model") != NULL && strstr (lower, "not found") != NULL))
    {
      if (request->model != NULL)
        g_set_error (&error, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_MODEL_NOT_FOUND,
                     _("The model %s is not installed in Ollama. Download it with “ollama pull %s”."),
                     request->model, request->model);
      else
        g_set_error (&error, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_MODEL_NOT_FOUND,
                     _("Ollama at %s does not know this request (%s). Is it Ollama?"),
                     self->base_url, message != NULL ? message : "404");
    }
  else if (request->status == SOUP_STATUS_SERVICE_UNAVAILABLE)
    g_set_error (&error, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_BUSY,
                 _("Ollama is busy with other requests. Try again shortly, or lower the requests in flight in Preferences."));
  else if (request->status == SOUP_STATUS_UNAUTHORIZED || request->status == SOUP_STATUS_FORBIDDEN)
    g_set_error (&error, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_UNAUTHORIZED,
                 _("Ollama at %s refused the request (%u). Check the access token in Preferences."),
                 self->base_url, request->status);
  else if (request->status == SOUP_STATUS_OK)
    g_set_error (&error, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_BAD_ANSWER,
                 _("Ollama reported an error: %s"), message);
  else
    g_set_error (&error, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_FAILED,
                 _("Ollama answered %u: %s"), request->status,
                 message != NULL ? message : soup_status_get_phrase (request->status));
  return error;
}

static double
sum_progress (GHashTable *layers)
{
  GHashTableIter iter;
  gpointer value;
  gint64 total = 0;
  gint64 completed = 0;

  g_hash_table_iter_init (&iter, layers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      gint64 *layer = value;
      total += layer[0];
      completed += MIN (layer[1], layer[0]);
    }
  return total > 0 ? (double)completed / total : 0;
}

static gint64
int_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return (gint64)json_node_get_double (node);
  return 0;
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

/* One streamed JSON object of a chat or a pull. */
static gboolean
handle_line (const char  *line,
             gsize        length,
             gpointer     user_data,
             GError     **error)
{
  Request *request = user_data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  const char *message;

  if (!json_parser_load_from_data (parser, line, length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_BAD_ANSWER,
                   _("Ollama sent something that is not JSON"));
      return FALSE;
    }

  if ((message = error_member (json_parser_get_root (parser))) != NULL)
    {
      *error = error_from_reply (request, message);
      return FALSE;
    }
  object = json_node_get_object (json_parser_get_root (parser));

  if (request->kind == KIND_CHAT)
    {
      JsonNode *node = json_object_get_member (object, "message");

      if (request->done)
        return TRUE;
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        {
          const char *piece = string_member (json_node_get_object (node), "content");
          if (piece != NULL)
            g_string_append (request->content, piece);
        }
      if (request->chat->model == NULL && string_member (object, "model") != NULL)
        request->chat->model = g_strdup (string_member (object, "model"));
      node = json_object_get_member (object, "done");
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
          json_node_get_boolean (node))
        {
          request->done = TRUE;
          request->chat->done_reason = g_strdup (string_member (object, "done_reason"));
          request->chat->prompt_eval_count = int_member (object, "prompt_eval_count");
          request->chat->eval_count = int_member (object, "eval_count");
          request->chat->total_duration_ns = int_member (object, "total_duration");
        }
    }
  else if (request->kind == KIND_PULL)
    {
      const char *status = string_member (object, "status");
      const char *digest = string_member (object, "digest");

      if (digest != NULL && int_member (object, "total") > 0)
        {
          gint64 *layer = g_hash_table_lookup (request->layers, digest);
          if (layer == NULL)
            {
              layer = g_new0 (gint64, 2);
              g_hash_table_insert (request->layers, g_strdup (digest), layer);
            }
          layer[0] = int_member (object, "total");
          layer[1] = int_member (object, "completed");
        }
      if (g_strcmp0 (status, "success") == 0)
        request->success = TRUE;

      /* Layers are announced as they start: the sum may dip when a new one
       * appears. Never go back, and reach 1 only on success. */
      if (request->success)
        request->fraction = 1.0;
      else
        request->fraction = MAX (request->fraction, MIN (sum_progress (request->layers), 0.99));
      if (request->progress != NULL)
        request->progress (status != NULL ? status : "", request->fraction, request->progress_data);
    }
  return TRUE;
}

static JsonNode *
parse_collected (Request  *request,
                 GError  **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, (const char *)request->collected->data, request->collected->len, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_BAD_ANSWER,
                   _("Ollama at %s sent something that is not JSON. Is it Ollama?"), request->client->base_url);
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

/* The body has ended: check it by the endpoint's rule and return. */
static void
request_complete (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (request->watchdog != NULL)
    g_source_destroy (request->watchdog);

  if (request->status != SOUP_STATUS_OK)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      const char *message = NULL;

      if (json_parser_load_from_data (parser, (const char *)request->collected->data, request->collected->len, NULL))
        message = error_member (json_parser_get_root (parser));
      g_task_return_error (task, error_from_reply (request, message));
      return;
    }

  if (request->streaming)
    {
      if (!rf_ndjson_splitter_finish (request->splitter, handle_line, request, &error))
        {
          g_task_return_error (task, error);
          return;
        }

      if (request->kind == KIND_CHAT)
        {
          if (!request->done)
            g_task_return_new_error (task, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_BAD_ANSWER,
                                     _("Ollama's answer ended before it was complete"));
          else if (g_strcmp0 (request->chat->done_reason, "length") == 0)
            g_task_return_new_error (task, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_BAD_ANSWER,
                                     _("Ollama's answer was cut off at the model's length limit"));
          else
            {
              request->chat->content = g_string_free (g_steal_pointer (&request->content), FALSE);
              g_task_return_pointer (task, g_steal_pointer (&request->chat),
                                     (GDestroyNotify)rf_ollama_chat_result_free);
            }
        }
      else if (!request->success)
        g_task_return_new_error (task, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_BAD_ANSWER,
                                 _("The download of %s ended before it was complete"), request->model);
      else
        g_task_return_pointer (task, GINT_TO_POINTER (TRUE), NULL);
      return;
    }

  if (!(root = parse_collected (request, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  switch (request->kind)
    {
    case KIND_VERSION:
      g_task_return_pointer (task, g_strdup (string_member (json_node_get_object (root), "version") ?: ""), g_free);
      break;

    case KIND_TAGS:
      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        JsonNode *models = json_object_get_member (json_node_get_object (root), "models");

        if (models != NULL && JSON_NODE_HOLDS_ARRAY (models))
          for (guint i = 0; i < json_array_get_length (json_node_get_array (models)); i++)
            {
              JsonNode *item = json_array_get_element (json_node_get_array (models), i);
              const char *name = JSON_NODE_HOLDS_OBJECT (item) ? string_member (json_node_get_object (item), "name") : NULL;
              if (name != NULL)
                g_strv_builder_add (builder, name);
            }
        g_task_return_pointer (task, g_strv_builder_end (builder), (GDestroyNotify)g_strfreev);
      }
      break;

    case KIND_SHOW:
      g_task_return_pointer (task, json_object_ref (json_node_get_object (root)), (GDestroyNotify)json_object_unref);
      break;

    case KIND_CHAT:
    case KIND_PULL:
    default:
      g_assert_not_reached ();
    }
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  const char *data;
  gsize size;

  if (bytes == NULL)
    {
      return_error (task, map_transport_error (request, error));
      return;
    }

  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    {
      request_complete (task);
      return;
    }

  arm_watchdog (task, request->client->chunk_timeout_ms);

  if (request->streaming && request->status == SOUP_STATUS_OK)
    {
      if (!rf_ndjson_splitter_push (request->splitter, data, size, handle_line, request, &error))
        {
          g_cancellable_cancel (request->cancellable);
          return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  else
    {
      if (request->collected->len + size > MAX_BODY_LENGTH)
        {
          return_error (task, g_error_new (RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_BAD_ANSWER,
                                           _("Ollama's answer is too large")));
          return;
        }
      g_byte_array_append (request->collected, (const guint8 *)data, size);
    }

  read_next (g_steal_pointer (&task));
}

static void
read_next (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (request->stream, READ_SIZE, G_PRIORITY_DEFAULT,
                                   request->cancellable, read_cb, task);
}

static gboolean
retry_cb (gpointer user_data)
{
  rf_ollama_request_start (g_object_ref (user_data));
  return G_SOURCE_REMOVE;
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  RfOllamaClient *self = request->client;
  g_autoptr(GError) error = NULL;

  request->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (request->stream == NULL)
    {
      return_error (task, map_transport_error (request, error));
      return;
    }

  request->status = soup_message_get_status (request->message);

  /* Busy: try again later, a few times, each wait twice the last. */
  if (request->status == SOUP_STATUS_SERVICE_UNAVAILABLE && request->attempt < self->max_retries)
    {
      GSource *source = g_timeout_source_new (self->retry_delay_ms << request->attempt);

      request->attempt++;
      g_input_stream_close (request->stream, NULL, NULL);
      g_clear_object (&request->stream);
      g_clear_object (&request->message);
      if (request->watchdog != NULL)
        g_source_destroy (request->watchdog);
      g_source_set_callback (source, retry_cb, g_steal_pointer (&task), g_object_unref);
      g_source_attach (source, g_task_get_context (user_data));
      g_source_unref (source);
      return;
    }

  arm_watchdog (task, self->chunk_timeout_ms);
  read_next (g_steal_pointer (&task));
}

void
rf_ollama_request_start (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  RfOllamaClient *self = request->client;
  g_autofree char *url = g_strconcat (self->base_url, request->path, NULL);
  g_autoptr(GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);

  if (uri == NULL || (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
    {
      g_task_return_new_error (task, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_NOT_RUNNING,
                               _("“%s” is not an address Ollama can be reached at. Use one like %s."),
                               self->base_url, RF_OLLAMA_DEFAULT_URL);
      g_object_unref (task);
      return;
    }

  g_clear_pointer (&request->collected, g_byte_array_unref);
  request->collected = g_byte_array_new ();
  request->message = soup_message_new_from_uri (request->method, uri);
  if (request->body != NULL)
    soup_message_set_request_body_from_bytes (request->message, "application/json", request->body);
  if (self->token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", self->token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (request->message), "Authorization", value);
    }

  arm_watchdog (task, self->headers_timeout_ms);
  soup_session_send_async (self->session, request->message, G_PRIORITY_DEFAULT,
                           request->cancellable, send_cb, task);
}

GTask *
rf_ollama_request_new (RfOllamaClient      *self,
                       RequestKind          kind,
                       const char          *method,
                       const char          *path,
                       JsonNode            *body,
                       const char          *model,
                       gpointer             source_tag,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  g_task_set_source_tag (task, source_tag);
  request->client = g_object_ref (self);
  request->kind = kind;
  request->method = method;
  request->path = g_strdup (path);
  request->model = g_strdup (model);
  if (kind == KIND_CHAT)
    {
      request->content = g_string_new (NULL);
      request->chat = g_new0 (RfOllamaChatResult, 1);
    }
  if (kind == KIND_PULL)
    request->layers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  request->streaming = kind == KIND_CHAT || kind == KIND_PULL;
  request->cancellable = g_cancellable_new ();
  request->splitter = rf_ndjson_splitter_new (MAX_LINE_LENGTH);
  if (body != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      gsize length;
      char *text;

      json_generator_set_root (generator, body);
      text = json_generator_to_data (generator, &length);
      request->body = g_bytes_new_take (text, length);
    }
  if (cancellable != NULL)
    {
      request->caller_cancellable = g_object_ref (cancellable);
      request->caller_cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb), request, NULL);
    }
  g_task_set_task_data (task, request, (GDestroyNotify)request_free);
  return task;
}

gpointer
rf_ollama_request_finish (RfOllamaClient  *self,
                          GAsyncResult    *result,
                          gpointer         source_tag,
                          GError         **error)
{
  g_return_val_if_fail (RF_IS_OLLAMA_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
