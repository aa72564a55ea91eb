/* rf-ndjson-splitter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ollama streams one JSON object per line, but the network cuts the bytes
 * wherever it likes: a line may come in pieces, several in one read, and
 * the last without a newline. Memory is bounded by the longest line.
 */

#define G_LOG_DOMAIN "rf-ollama"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "rf-ndjson-splitter.h"
#include "rf-ollama-error.h"

struct _RfNdjsonSplitter
{
  GString *pending;
  gsize    max_line_length;
};

RfNdjsonSplitter *
rf_ndjson_splitter_new (gsize max_line_length)
{
  RfNdjsonSplitter *self = g_new0 (RfNdjsonSplitter, 1);

  self->pending = g_string_new (NULL);
  self->max_line_length = max_line_length > 0 ? max_line_length : G_MAXSIZE;
  return self;
}

void
rf_ndjson_splitter_free (RfNdjsonSplitter *self)
{
  if (self == NULL)
    return;

  g_string_free (self->pending, TRUE);
  g_free (self);
}

static gboolean
is_blank (const char *line,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
      return FALSE;
  return TRUE;
}

static gboolean
emit_line (RfNdjsonSplitter  *self,
           const char        *line,
           gsize              length,
           RfNdjsonLineFunc   func,
           gpointer           user_data,
           GError           **error)
{
  g_autofree char *copy = NULL;

  if (length > 0 && line[length - 1] == '\r')
    length--;
  if (is_blank (line, length))
    return TRUE;

  copy = g_strndup (line, length);
  return func (copy, length, user_data, error);
}

static gboolean
check_length (RfNdjsonSplitter  *self,
              gsize              length,
              GError           **error)
{
  if (length <= self->max_line_length)
    return TRUE;

  g_set_error (error, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_BAD_ANSWER,
               _("Ollama sent a line longer than %" PRIu64 " bytes"), (guint64) self->max_line_length);
  return FALSE;
}

gboolean
rf_ndjson_splitter_push (RfNdjsonSplitter  *self,
                         const char        *data,
                         gsize              length,
                         RfNdjsonLineFunc   func,
                         gpointer           user_data,
                         GError           **error)
{
  const char *end = data + length;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  while (data < end)
    {
      const char *newline = memchr (data, '\n', end - data);

      if (newline == NULL)
        {
          if (!check_length (self, self->pending->len + (end - data), error))
            return FALSE;
          g_string_append_len (self->pending, data, end - data);
          return TRUE;
        }

      if (self->pending->len > 0)
        {
          gboolean ok;

          if (!check_length (self, self->pending->len + (newline - data), error))
            return FALSE;
          g_string_append_len (self->pending, data, newline - data);
          ok = emit_line (self, self->pending->str, self->pending->len, func, user_data, error);
          g_string_truncate (self->pending, 0);
          if (!ok)
            return FALSE;
        }
      else
        {
          if (!check_length (self, newline - data, error) ||
              !emit_line (self, data, newline - data, func, user_data, error))
            return FALSE;
        }
      data = newline + 1;
    }

  return TRUE;
}

/* The end of the stream: a last line without a newline still counts. */
gboolean
rf_ndjson_splitter_finish (RfNdjsonSplitter  *self,
                           RfNdjsonLineFunc   func,
                           gpointer           user_data,
                           GError           **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->pending->len > 0)
    ok = emit_line (self, self->pending->str, self->pending->len, func, user_data, error);
  g_string_truncate (self->pending, 0);
  return ok;
}
