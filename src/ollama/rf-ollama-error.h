/* rf-ollama-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RF_OLLAMA_ERROR (rf_ollama_error_quark ())

/* What went wrong talking to Ollama, in terms a user can act on; the
 * messages say what to do. Cancellation is G_IO_ERROR_CANCELLED. */
typedef enum {
  RF_OLLAMA_ERROR_NOT_RUNNING,      /* connection refused, host unknown */
  RF_OLLAMA_ERROR_MODEL_NOT_FOUND,  /* 404: the model is not pulled */
  RF_OLLAMA_ERROR_BUSY,             /* 503 after retrying */
  RF_OLLAMA_ERROR_BAD_ANSWER,       /* not JSON, cut off, an error line, no "done" */
  RF_OLLAMA_ERROR_TIMEOUT,          /* no answer within the watchdog's time */
  RF_OLLAMA_ERROR_UNAUTHORIZED,     /* 401/403 from a proxy in front of Ollama */
  RF_OLLAMA_ERROR_FAILED,
} RfOllamaError;

GQuark rf_ollama_error_quark (void);

G_END_DECLS
