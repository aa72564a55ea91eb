/* rf-fake-ollama.h: a stand-in Ollama on loopback, for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Speaks the parts of Ollama's HTTP API the app uses — GET /api/version,
 * GET /api/tags, POST /api/show, POST /api/chat (streamed NDJSON), POST
 * /api/pull (streamed progress) — from a thread of its own, so a test may
 * block (on a subprocess, say) while it answers.
 *
 * What a chat answers, in order of precedence: the next queued reply
 * (rf_fake_ollama_queue_reply), else the chat handler's reply, else the
 * default reply. A chat for a model not installed gets Ollama's 404.
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  RF_FAKE_FAULT_NONE,
  RF_FAKE_FAULT_MISSING_MODEL,  /* 404 {"error": "model \"x\" not found, try pulling it first"} */
  RF_FAKE_FAULT_BUSY,           /* 503 {"error": "server busy"} */
  RF_FAKE_FAULT_UNAUTHORIZED,   /* 401, as a proxy in front of Ollama would */
  RF_FAKE_FAULT_ERROR_LINE,     /* 200, part of the content, then {"error": "..."} */
  RF_FAKE_FAULT_LENGTH,         /* the content cut in half, done_reason "length" */
  RF_FAKE_FAULT_NO_DONE,        /* the stream ends cleanly without "done": true */
  RF_FAKE_FAULT_DISCONNECT,     /* the connection dropped mid-stream */
  RF_FAKE_FAULT_NOT_JSON,       /* 200 and a line of HTML */
} RfFakeFault;

typedef struct
{
  char        *content;         /* the assistant's message */
  RfFakeFault  fault;
  guint        delay_ms;        /* before the response starts (a model loading) */
  guint        chunk_delay_ms;  /* between two writes */
  guint        chunk_size;      /* bytes of NDJSON per write; 0: one line per write */
  guint        pieces;          /* content split over this many lines; 0: 4 */
} RfFakeReply;

typedef struct _RfFakeOllama RfFakeOllama;

/* Runs in the server's thread. @request is the chat's JSON body. Return a
 * new reply (the fake frees it) or NULL for the default. */
typedef RfFakeReply *(*RfFakeChatHandler) (JsonObject *request,
                                           gpointer    user_data);

RfFakeReply  *rf_fake_reply_new                  (const char         *content);
void          rf_fake_reply_free                 (RfFakeReply        *reply);

RfFakeOllama *rf_fake_ollama_new                 (void);
void          rf_fake_ollama_free                (RfFakeOllama       *self);
const char   *rf_fake_ollama_get_url             (RfFakeOllama       *self);
void          rf_fake_ollama_set_models          (RfFakeOllama       *self,
                                                  const char * const *models);
void          rf_fake_ollama_set_default_reply   (RfFakeOllama       *self,
                                                  RfFakeReply        *reply);
void          rf_fake_ollama_queue_reply         (RfFakeOllama       *self,
                                                  RfFakeReply        *reply);
void          rf_fake_ollama_set_chat_handler    (RfFakeOllama       *self,
                                                  RfFakeChatHandler   handler,
                                                  gpointer            user_data);
void          rf_fake_ollama_set_pull_delay      (RfFakeOllama       *self,
                                                  guint               step_ms);
void          rf_fake_ollama_stop                (RfFakeOllama       *self);
void          rf_fake_ollama_restart             (RfFakeOllama       *self);

/* What it received. */
guint         rf_fake_ollama_count_requests      (RfFakeOllama       *self,
                                                  const char         *path,
                                                  const char         *model);
char         *rf_fake_ollama_get_last_header     (RfFakeOllama       *self,
                                                  const char         *path,
                                                  const char         *header);
JsonObject   *rf_fake_ollama_get_last_body       (RfFakeOllama       *self,
                                                  const char         *path);
guint         rf_fake_ollama_get_max_in_flight   (RfFakeOllama       *self);
void          rf_fake_ollama_reset_counts        (RfFakeOllama       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfFakeOllama, rf_fake_ollama_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfFakeReply, rf_fake_reply_free)

G_END_DECLS
