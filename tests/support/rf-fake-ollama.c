/* rf-fake-ollama.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libsoup/soup.h>

#include "rf-fake-ollama.h"

typedef struct
{
  char       *path;
  char       *model;
  char       *authorization;
  JsonObject *body;
} Record;

struct _RfFakeOllama
{
  GMutex             lock;
  GCond              cond;
  gboolean           ready;

  GThread           *thread;
  GMainContext      *context;
  GMainLoop         *loop;
  SoupServer        *server;
  guint              port;
  char              *url;

  GPtrArray         *models;
  GQueue             replies;
  RfFakeReply       *default_reply;
  RfFakeChatHandler  handler;
  gpointer           handler_data;
  guint              pull_delay_ms;

  GPtrArray         *records;
  guint              in_flight;
  guint              max_in_flight;
};

/* One streamed response being written, on the server's thread. */
typedef struct
{
  RfFakeOllama      *fake;
  SoupServerMessage *message;
  GPtrArray         *chunks;       /* GBytes */
  guint              next;
  guint              delay_ms;
  gboolean           disconnect;   /* drop the connection after the chunks */
  gboolean           counted;      /* a chat: counts as in flight */
  gboolean           finished;
} Stream;

RfFakeReply *
rf_fake_reply_new (const char *content)
{
  RfFakeReply *reply = g_new0 (RfFakeReply, 1);

  reply->content = g_strdup (content != NULL ? content : "");
  return reply;
}

void
rf_fake_reply_free (RfFakeReply *reply)
{
  if (reply == NULL)
    return;
  g_free (reply->content);
  g_free (reply);
}

static RfFakeReply *
reply_copy (const RfFakeReply *reply)
{
  RfFakeReply *copy = g_memdup2 (reply, sizeof *reply);

  copy->content = g_strdup (reply->content);
  return copy;
}

static void
record_free (gpointer data)
{
  Record *record = data;

  g_free (record->path);
  g_free (record->model);
  g_free (record->authorization);
  g_clear_pointer (&record->body, json_object_unref);
  g_free (record);
}

static void
set_json (SoupServerMessage *message,
          guint              status,
          const char        *json)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static gboolean
model_installed (RfFakeOllama *self,
                 const char   *model)
{
  gboolean found = FALSE;

  g_mutex_lock (&self->lock);
  for (guint i = 0; model != NULL && i < self->models->len; i++)
    found |= g_str_equal (g_ptr_array_index (self->models, i), model);
  g_mutex_unlock (&self->lock);
  return found;
}

static void
stream_finished_cb (SoupServerMessage *message,
                    Stream            *stream)
{
  stream->finished = TRUE;
}

static void
stream_free (Stream *stream)
{
  if (stream->counted)
    {
      g_mutex_lock (&stream->fake->lock);
      stream->fake->in_flight--;
      g_mutex_unlock (&stream->fake->lock);
    }
  g_signal_handlers_disconnect_by_func (stream->message, stream_finished_cb, stream);
  g_object_unref (stream->message);
  g_ptr_array_unref (stream->chunks);
  g_free (stream);
}

static gboolean
stream_write_cb (gpointer user_data)
{
  Stream *stream = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (stream->message);

  if (stream->finished)
    {
      stream_free (stream);
      return G_SOURCE_REMOVE;
    }

  if (stream->next < stream->chunks->len)
    {
      GBytes *chunk = g_ptr_array_index (stream->chunks, stream->next++);
      soup_message_body_append_bytes (body, chunk);
      soup_server_message_unpause (stream->message);
      if (stream->next < stream->chunks->len || stream->disconnect)
        {
          GSource *source = g_timeout_source_new (MAX (stream->delay_ms, 1));
          g_source_set_callback (source, stream_write_cb, stream, NULL);
          g_source_attach (source, g_main_context_get_thread_default ());
          g_source_unref (source);
          return G_SOURCE_REMOVE;
        }
    }

  if (stream->disconnect)
    {
      GIOStream *connection = soup_server_message_steal_connection (stream->message);
      if (connection != NULL)
        {
          g_io_stream_close (connection, NULL, NULL);
          g_object_unref (connection);
        }
    }
  else
    {
      soup_message_body_complete (body);
      soup_server_message_unpause (stream->message);
    }
  stream_free (stream);
  return G_SOURCE_REMOVE;
}

/* Starts writing @text in chunks after @first_delay_ms. */
static void
stream_start (RfFakeOllama      *self,
              SoupServerMessage *message,
              const char        *text,
              guint              chunk_size,
              guint              first_delay_ms,
              guint              delay_ms,
              gboolean           disconnect,
              gboolean           counted)
{
  Stream *stream = g_new0 (Stream, 1);
  gsize length = strlen (text);
  GSource *source;

  stream->fake = self;
  stream->message = g_object_ref (message);
  stream->chunks = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  stream->delay_ms = delay_ms;
  stream->disconnect = disconnect;
  stream->counted = counted;

  if (chunk_size == 0)
    {
      const char *p = text;
      while (*p != '\0')
        {
          const char *newline = strchr (p, '\n');
          const char *end = newline != NULL ? newline + 1 : p + strlen (p);
          g_ptr_array_add (stream->chunks, g_bytes_new (p, end - p));
          p = end;
        }
    }
  else
    for (gsize offset = 0; offset < length; offset += chunk_size)
      g_ptr_array_add (stream->chunks, g_bytes_new (text + offset, MIN (chunk_size, length - offset)));

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (message), SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (message),
                                         "application/x-ndjson", NULL);
  g_signal_connect (message, "finished", G_CALLBACK (stream_finished_cb), stream);
  soup_server_message_pause (message);

  source = g_timeout_source_new (first_delay_ms);
  g_source_set_callback (source, stream_write_cb, stream, NULL);
  g_source_attach (source, g_main_context_get_thread_default ());
  g_source_unref (source);
}

static void
append_chat_line (GString    *out,
                  const char *model,
                  const char *piece,
                  gboolean    done,
                  const char *done_reason)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, model);
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_string_value (builder, "2026-11-24T12:00:00.000000Z");
  json_builder_set_member_name (builder, "message");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, "assistant");
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, piece);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "done");
  json_builder_add_boolean_value (builder, done);
  if (done)
    {
      json_builder_set_member_name (builder, "done_reason");
      json_builder_add_string_value (builder, done_reason);
      json_builder_set_member_name (builder, "total_duration");
      json_builder_add_int_value (builder, 123456789);
      json_builder_set_member_name (builder, "prompt_eval_count");
      json_builder_add_int_value (builder, 42);
      json_builder_set_member_name (builder, "eval_count");
      json_builder_add_int_value (builder, 17);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

/* The NDJSON a chat streams for @reply. */
static char *
chat_stream_text (const char        *model,
                  const RfFakeReply *reply)
{
  GString *out = g_string_new (NULL);
  glong length = g_utf8_strlen (reply->content, -1);
  guint pieces = reply->pieces > 0 ? reply->pieces : 4;
  guint sent = 0;
  guint stop = pieces;

  if (reply->fault == RF_FAKE_FAULT_NOT_JSON)
    {
      g_string_append (out, "<html><body>502 Bad Gateway</body></html>\n");
      return g_string_free (out, FALSE);
    }

  if (reply->fault == RF_FAKE_FAULT_ERROR_LINE || reply->fault == RF_FAKE_FAULT_LENGTH ||
      reply->fault == RF_FAKE_FAULT_DISCONNECT)
    stop = MAX (1, pieces / 2);

  for (guint i = 0; i < stop; i++)
    {
      glong from = length * i / pieces;
      glong to = length * (i + 1) / pieces;
      g_autofree char *piece = g_utf8_substring (reply->content, from, to);
      append_chat_line (out, model, piece, FALSE, NULL);
      sent++;
    }

  switch (reply->fault)
    {
    case RF_FAKE_FAULT_ERROR_LINE:
      g_string_append (out, "{\"error\":\"an error was encountered while running the model: unexpected EOF\"}\n");
      break;
    case RF_FAKE_FAULT_LENGTH:
      append_chat_line (out, model, "", TRUE, "length");
      break;
    case RF_FAKE_FAULT_NO_DONE:
    case RF_FAKE_FAULT_DISCONNECT:
      break;
    case RF_FAKE_FAULT_NONE:
    case RF_FAKE_FAULT_MISSING_MODEL:
    case RF_FAKE_FAULT_BUSY:
    case RF_FAKE_FAULT_UNAUTHORIZED:
    case RF_FAKE_FAULT_NOT_JSON:
    default:
      append_chat_line (out, model, "", TRUE, "stop");
      break;
    }
  return g_string_free (out, FALSE);
}

static RfFakeReply *
choose_reply (RfFakeOllama *self,
              JsonObject   *request)
{
  RfFakeReply *reply;
  RfFakeChatHandler handler;
  gpointer handler_data;

  g_mutex_lock (&self->lock);
  reply = g_queue_pop_head (&self->replies);
  handler = self->handler;
  handler_data = self->handler_data;
  g_mutex_unlock (&self->lock);

  if (reply == NULL && handler != NULL)
    reply = handler (request, handler_data);

  if (reply == NULL)
    {
      g_mutex_lock (&self->lock);
      reply = self->default_reply != NULL ? reply_copy (self->default_reply) : rf_fake_reply_new ("{}");
      g_mutex_unlock (&self->lock);
    }
  return reply;
}

static void
handle_chat (RfFakeOllama      *self,
             SoupServerMessage *message,
             JsonObject        *body,
             const char        *model)
{
  g_autoptr(RfFakeReply) reply = choose_reply (self, body);
  g_autofree char *text = NULL;
  g_autofree char *missing = NULL;

  if (reply->fault == RF_FAKE_FAULT_NONE && !model_installed (self, model))
    reply->fault = RF_FAKE_FAULT_MISSING_MODEL;

  switch (reply->fault)
    {
    case RF_FAKE_FAULT_MISSING_MODEL:
      missing = g_strdup_printf ("{\"error\":\"model \\\"%s\\\" not found, try pulling it first\"}", model);
      set_json (message, SOUP_STATUS_NOT_FOUND, missing);
      return;
    case RF_FAKE_FAULT_BUSY:
      set_json (message, SOUP_STATUS_SERVICE_UNAVAILABLE, "{\"error\":\"server busy, please try again\"}");
      return;
    case RF_FAKE_FAULT_UNAUTHORIZED:
      set_json (message, SOUP_STATUS_UNAUTHORIZED, "{\"error\":\"unauthorized\"}");
      return;
    case RF_FAKE_FAULT_NONE:
    case RF_FAKE_FAULT_ERROR_LINE:
    case RF_FAKE_FAULT_LENGTH:
    case RF_FAKE_FAULT_NO_DONE:
    case RF_FAKE_FAULT_DISCONNECT:
    case RF_FAKE_FAULT_NOT_JSON:
    default:
      break;
    }

  g_mutex_lock (&self->lock);
  self->in_flight++;
  self->max_in_flight = MAX (self->max_in_flight, self->in_flight);
  g_mutex_unlock (&self->lock);

  text = chat_stream_text (model, reply);
  stream_start (self, message, text, reply->chunk_size, reply->delay_ms, reply->chunk_delay_ms,
                reply->fault == RF_FAKE_FAULT_DISCONNECT, TRUE);
}

static void
handle_pull (RfFakeOllama      *self,
             SoupServerMessage *message,
             const char        *model)
{
  GString *out = g_string_new ("{\"status\":\"pulling manifest\"}\n");
  const char *digests[] = { "sha256:aaaa", "sha256:bbbb" };
  const gint64 totals[] = { 3000, 1000 };
  guint delay;

  /* Two layers of different sizes: both announced, as Ollama does once it
   * has the manifest, then each progressing in turn. */
  for (guint layer = 0; layer < 2; layer++)
    g_string_append_printf (out, "{\"status\":\"pulling %s\",\"digest\":\"%s\",\"total\":%" G_GINT64_FORMAT "}\n",
                            digests[layer] + 7, digests[layer], totals[layer]);
  for (guint layer = 0; layer < 2; layer++)
    for (gint64 completed = 0; completed <= totals[layer]; completed += totals[layer] / 4)
      g_string_append_printf (out, "{\"status\":\"pulling %s\",\"digest\":\"%s\",\"total\":%" G_GINT64_FORMAT
                              ",\"completed\":%" G_GINT64_FORMAT "}\n",
                              digests[layer] + 7, digests[layer], totals[layer], completed);
  g_string_append (out, "{\"status\":\"verifying sha256 digest\"}\n{\"status\":\"success\"}\n");

  g_mutex_lock (&self->lock);
  delay = self->pull_delay_ms;
  if (model != NULL)
    {
      gboolean known = FALSE;
      for (guint i = 0; i < self->models->len; i++)
        known |= g_str_equal (g_ptr_array_index (self->models, i), model);
      if (!known)
        g_ptr_array_add (self->models, g_strdup (model));
    }
  g_mutex_unlock (&self->lock);

  stream_start (self, message, out->str, 0, 0, delay, FALSE, FALSE);
  g_string_free (out, TRUE);
}

static void
handle_request_cb (SoupServer        *server,
                   SoupServerMessage *message,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  RfFakeOllama *self = user_data;
  SoupMessageBody *request_body = soup_server_message_get_request_body (message);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonObject) body = NULL;
  const char *model = NULL;
  Record *record = g_new0 (Record, 1);

  if (request_body->length > 0 &&
      json_parser_load_from_data (parser, request_body->data, request_body->length, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      body = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
      if (json_object_has_member (body, "model"))
        model = json_object_get_string_member (body, "model");
    }

  record->path = g_strdup (path);
  record->model = g_strdup (model);
  record->authorization = g_strdup (soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                                  "Authorization"));
  record->body = body != NULL ? json_object_ref (body) : NULL;
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->records, record);
  g_mutex_unlock (&self->lock);

  if (g_str_equal (path, "/api/version"))
    set_json (message, SOUP_STATUS_OK, "{\"version\":\"0.6.8\"}");
  else if (g_str_equal (path, "/api/tags"))
    {
      GString *json = g_string_new ("{\"models\":[");

      g_mutex_lock (&self->lock);
      for (guint i = 0; i < self->models->len; i++)
        g_string_append_printf (json, "%s{\"name\":\"%s\",\"model\":\"%s\",\"size\":815319791}",
                                i > 0 ? "," : "", (char *)g_ptr_array_index (self->models, i),
                                (char *)g_ptr_array_index (self->models, i));
      g_mutex_unlock (&self->lock);
      g_string_append (json, "]}");
      set_json (message, SOUP_STATUS_OK, json->str);
      g_string_free (json, TRUE);
    }
  else if (g_str_equal (path, "/api/show"))
    {
      if (model_installed (self, model))
        set_json (message, SOUP_STATUS_OK, "{\"details\":{\"family\":\"gemma3\",\"parameter_size\":\"1B\"}}");
      else
        set_json (message, SOUP_STATUS_NOT_FOUND, "{\"error\":\"model not found\"}");
    }
  else if (g_str_equal (path, "/api/chat") && body != NULL)
    handle_chat (self, message, body, model != NULL ? model : "");
  else if (g_str_equal (path, "/api/pull"))
    handle_pull (self, message, model);
  else
    set_json (message, SOUP_STATUS_NOT_FOUND, "{\"error\":\"404 page not found\"}");
}

static gpointer
server_thread (gpointer user_data)
{
  RfFakeOllama *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  g_main_context_push_thread_default (self->context);

  self->server = soup_server_new ("server-header", "ollama-stand-in", NULL);
  soup_server_add_handler (self->server, NULL, handle_request_cb, self, NULL);
  soup_server_listen_local (self->server, self->port, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  self->port = g_uri_get_port (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify)g_uri_unref);

  g_mutex_lock (&self->lock);
  self->ready = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);

  g_main_loop_run (self->loop);

  /* Let closed connections and streams still scheduled see their end
   * before the server goes. */
  while (g_main_context_iteration (self->context, FALSE))
    ;
  soup_server_disconnect (self->server);
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_clear_object (&self->server);
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

static void
start_thread (RfFakeOllama *self)
{
  self->ready = FALSE;
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("fake-ollama", server_thread, self);

  g_mutex_lock (&self->lock);
  while (!self->ready)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);
}

RfFakeOllama *
rf_fake_ollama_new (void)
{
  RfFakeOllama *self = g_new0 (RfFakeOllama, 1);
  const char * const models[] = { "gemma3:1b", "gemma3:4b", NULL };

  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->context = g_main_context_new ();
  self->models = g_ptr_array_new_with_free_func (g_free);
  self->records = g_ptr_array_new_with_free_func (record_free);
  g_queue_init (&self->replies);
  rf_fake_ollama_set_models (self, models);

  start_thread (self);
  self->url = g_strdup_printf ("http://127.0.0.1:%u", self->port);
  return self;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* Ollama goes away: connections are refused until rf_fake_ollama_restart(). */
void
rf_fake_ollama_stop (RfFakeOllama *self)
{
  if (self->thread == NULL)
    return;

  g_main_context_invoke (self->context, quit_cb, self->loop);
  g_thread_join (self->thread);
  self->thread = NULL;
  g_clear_pointer (&self->loop, g_main_loop_unref);
}

/* Back on the same port. */
void
rf_fake_ollama_restart (RfFakeOllama *self)
{
  if (self->thread != NULL)
    return;
  start_thread (self);
}

void
rf_fake_ollama_free (RfFakeOllama *self)
{
  if (self == NULL)
    return;

  rf_fake_ollama_stop (self);
  g_main_context_unref (self->context);
  g_ptr_array_unref (self->models);
  g_ptr_array_unref (self->records);
  g_queue_clear_full (&self->replies, (GDestroyNotify)rf_fake_reply_free);
  g_clear_pointer (&self->default_reply, rf_fake_reply_free);
  g_free (self->url);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}

const char *
rf_fake_ollama_get_url (RfFakeOllama *self)
{
  return self->url;
}

void
rf_fake_ollama_set_models (RfFakeOllama       *self,
                           const char * const *models)
{
  g_mutex_lock (&self->lock);
  g_ptr_array_set_size (self->models, 0);
  for (guint i = 0; models != NULL && models[i] != NULL; i++)
    g_ptr_array_add (self->models, g_strdup (models[i]));
  g_mutex_unlock (&self->lock);
}

/* Takes @reply. */
void
rf_fake_ollama_set_default_reply (RfFakeOllama *self,
                                  RfFakeReply  *reply)
{
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->default_reply, rf_fake_reply_free);
  self->default_reply = reply;
  g_mutex_unlock (&self->lock);
}

/* Takes @reply: the answer to the next chat. */
void
rf_fake_ollama_queue_reply (RfFakeOllama *self,
                            RfFakeReply  *reply)
{
  g_mutex_lock (&self->lock);
  g_queue_push_tail (&self->replies, reply);
  g_mutex_unlock (&self->lock);
}

void
rf_fake_ollama_set_chat_handler (RfFakeOllama      *self,
                                 RfFakeChatHandler  handler,
                                 gpointer           user_data)
{
  g_mutex_lock (&self->lock);
  self->handler = handler;
  self->handler_data = user_data;
  g_mutex_unlock (&self->lock);
}

void
rf_fake_ollama_set_pull_delay (RfFakeOllama *self,
                               guint         step_ms)
{
  g_mutex_lock (&self->lock);
  self->pull_delay_ms = step_ms;
  g_mutex_unlock (&self->lock);
}

/* Requests to @path (and for @model, unless NULL). */
guint
rf_fake_ollama_count_requests (RfFakeOllama *self,
                               const char   *path,
                               const char   *model)
{
  guint count = 0;

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = g_ptr_array_index (self->records, i);
      if (g_str_equal (record->path, path) && (model == NULL || g_strcmp0 (record->model, model) == 0))
        count++;
    }
  g_mutex_unlock (&self->lock);
  return count;
}

/* Only Authorization is kept. NULL when the last request had none. */
char *
rf_fake_ollama_get_last_header (RfFakeOllama *self,
                                const char   *path,
                                const char   *header)
{
  char *value = NULL;

  g_return_val_if_fail (g_ascii_strcasecmp (header, "Authorization") == 0, NULL);

  g_mutex_lock (&self->lock);
  for (guint i = self->records->len; i > 0; i--)
    {
      Record *record = g_ptr_array_index (self->records, i - 1);
      if (g_str_equal (record->path, path))
        {
          value = g_strdup (record->authorization);
          break;
        }
    }
  g_mutex_unlock (&self->lock);
  return value;
}

JsonObject *
rf_fake_ollama_get_last_body (RfFakeOllama *self,
                              const char   *path)
{
  JsonObject *body = NULL;

  g_mutex_lock (&self->lock);
  for (guint i = self->records->len; i > 0; i--)
    {
      Record *record = g_ptr_array_index (self->records, i - 1);
      if (g_str_equal (record->path, path) && record->body != NULL)
        {
          body = json_object_ref (record->body);
          break;
        }
    }
  g_mutex_unlock (&self->lock);
  return body;
}

/* The most chats answered at the same moment so far. */
guint
rf_fake_ollama_get_max_in_flight (RfFakeOllama *self)
{
  guint max;

  g_mutex_lock (&self->lock);
  max = self->max_in_flight;
  g_mutex_unlock (&self->lock);
  return max;
}

void
rf_fake_ollama_reset_counts (RfFakeOllama *self)
{
  g_mutex_lock (&self->lock);
  g_ptr_array_set_size (self->records, 0);
  self->max_in_flight = self->in_flight;
  g_mutex_unlock (&self->lock);
}
