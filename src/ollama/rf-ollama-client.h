/* rf-ollama-client.h: Ollama's HTTP API over libsoup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rf-ollama-error.h"

G_BEGIN_DECLS

#define RF_OLLAMA_DEFAULT_URL  "http://localhost:11434"

/* One chat: a system prompt and a user message, answered in one reply. */
typedef struct
{
  char     *model;
  char     *system;       /* may be NULL */
  char     *prompt;
  JsonNode *format;       /* a JSON schema the answer must follow, or NULL */
  double    temperature;  /* < 0: the model's default */
  int       num_ctx;      /* 0: the model's default */
  int       seed;         /* < 0: none */
  char     *keep_alive;   /* NULL: Ollama's default */
} RfOllamaChatRequest;

typedef struct
{
  char   *content;        /* the assistant's whole message */
  char   *model;
  char   *done_reason;    /* "stop" */
  gint64  prompt_eval_count;
  gint64  eval_count;
  gint64  total_duration_ns;
} RfOllamaChatResult;

/* Progress of a pull, summed over all its layers; on the caller's context. */
typedef void (*RfOllamaPullProgressFunc) (const char *status,
                                          double      fraction,
                                          gpointer    user_data);

RfOllamaChatRequest *rf_ollama_chat_request_new  (const char          *model,
                                                  const char          *system,
                                                  const char          *prompt);
void                 rf_ollama_chat_request_free (RfOllamaChatRequest *request);
void                 rf_ollama_chat_result_free  (RfOllamaChatResult  *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfOllamaChatRequest, rf_ollama_chat_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfOllamaChatResult, rf_ollama_chat_result_free)

#define RF_TYPE_OLLAMA_CLIENT (rf_ollama_client_get_type ())

G_DECLARE_FINAL_TYPE (RfOllamaClient, rf_ollama_client, RF, OLLAMA_CLIENT, GObject)

char               *rf_ollama_normalize_base_url        (const char           *url);
gboolean            rf_ollama_model_list_has            (const char * const   *models,
                                                         const char           *wanted);

RfOllamaClient     *rf_ollama_client_new                (const char           *base_url);
const char         *rf_ollama_client_get_base_url       (RfOllamaClient       *self);
void                rf_ollama_client_set_base_url       (RfOllamaClient       *self,
                                                         const char           *base_url);
void                rf_ollama_client_set_token          (RfOllamaClient       *self,
                                                         const char           *token);
void                rf_ollama_client_set_timeouts       (RfOllamaClient       *self,
                                                         guint                 headers_ms,
                                                         guint                 chunk_ms);
void                rf_ollama_client_set_retries        (RfOllamaClient       *self,
                                                         guint                 max_retries,
                                                         guint                 first_delay_ms);

void                rf_ollama_client_version_async      (RfOllamaClient       *self,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
char               *rf_ollama_client_version_finish     (RfOllamaClient       *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
/* The installed models' names ("gemma3:1b"). */
void                rf_ollama_client_list_models_async  (RfOllamaClient       *self,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
GStrv               rf_ollama_client_list_models_finish (RfOllamaClient       *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void                rf_ollama_client_show_async         (RfOllamaClient       *self,
                                                         const char           *model,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
JsonObject         *rf_ollama_client_show_finish        (RfOllamaClient       *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void                rf_ollama_client_chat_async         (RfOllamaClient       *self,
                                                         const RfOllamaChatRequest *request,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
RfOllamaChatResult *rf_ollama_client_chat_finish        (RfOllamaClient       *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void                rf_ollama_client_pull_async         (RfOllamaClient       *self,
                                                         const char           *model,
                                                         RfOllamaPullProgressFunc progress,
                                                         gpointer              progress_data,
                                                         GDestroyNotify        progress_data_free,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean            rf_ollama_client_pull_finish        (RfOllamaClient       *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

G_END_DECLS
