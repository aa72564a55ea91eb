/* rf-ollama-request.h: what the client's endpoints share (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "rf-ndjson-splitter.h"
#include "rf-ollama-client.h"

G_BEGIN_DECLS

struct _RfOllamaClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *base_url;
  char        *token;
  guint        headers_timeout_ms;
  guint        chunk_timeout_ms;
  guint        max_retries;
  guint        retry_delay_ms;
};

typedef enum {
  KIND_VERSION,
  KIND_TAGS,
  KIND_SHOW,
  KIND_CHAT,
  KIND_PULL,
} RequestKind;

typedef struct
{
  RfOllamaClient           *client;
  RequestKind               kind;
  const char               *method;
  char                     *path;
  GBytes                   *body;
  char                     *model;       /* for messages */
  gboolean                  streaming;

  GCancellable             *cancellable; /* ours: the caller's and the watchdog cancel it */
  GCancellable             *caller_cancellable;
  gulong                    caller_cancelled_id;
  GSource                  *watchdog;
  gboolean                  timed_out;
  guint                     attempt;

  SoupMessage              *message;
  GInputStream             *stream;
  guint                     status;
  GByteArray               *collected;
  RfNdjsonSplitter         *splitter;

  /* chat */
  GString                  *content;
  RfOllamaChatResult       *chat;
  gboolean                  done;

  /* pull */
  GHashTable               *layers;      /* digest -> gint64[2] { total, completed } */
  RfOllamaPullProgressFunc  progress;
  gpointer                  progress_data;
  GDestroyNotify            progress_data_free;
  gboolean                  success;
  double                    fraction;
} Request;

GTask   *rf_ollama_request_new    (RfOllamaClient      *client,
                                   RequestKind          kind,
                                   const char          *method,
                                   const char          *path,
                                   JsonNode            *body,
                                   const char          *model,
                                   gpointer             source_tag,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
void     rf_ollama_request_start  (GTask               *task);
gpointer rf_ollama_request_finish (RfOllamaClient      *client,
                                   GAsyncResult        *result,
                                   gpointer             source_tag,
                                   GError             **error);

G_END_DECLS
