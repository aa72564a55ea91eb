/* rf-text-match.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-classify"

#include "config.h"

#include <string.h>

#include "rf-text-match.h"

struct _RfMatchText
{
  GString *folded;
};

/* ASCII is folded by table (most signals are mostly ASCII); anything else
 * goes through g_unichar_tolower so "Café" and "CAFÉ" meet. */
static void
fold_into (GString    *out,
           const char *text,
           gssize      length)
{
  const char *end;
  const char *p;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return;
  if (length < 0)
    length = strlen (text);
  end = text + length;

  for (p = text; p < end;)
    {
      guchar c = (guchar) *p;

      if (c < 0x80)
        {
          if (g_ascii_isalnum (c))
            {
              if (pending_space && out->len > 0 && out->str[out->len - 1] != ' ')
                g_string_append_c (out, ' ');
              pending_space = FALSE;
              g_string_append_c (out, g_ascii_tolower (c));
            }
          else if (c == '\'' && p + 1 < end && g_ascii_isalpha (p[1]) && out->len > 0 &&
                   out->str[out->len - 1] != ' ')
            ; /* "don't" folds to "dont": no split inside a word */
          else
            pending_space = TRUE;
          p++;
        }
      else
        {
          gunichar ch = g_utf8_get_char_validated (p, end - p);
          const char *next;

          if (ch == (gunichar) -1 || ch == (gunichar) -2)
            {
              pending_space = TRUE;
              p++;
              continue;
            }
          next = g_utf8_next_char (p);
          if (g_unichar_isalnum (ch))
            {
              if (pending_space && out->len > 0 && out->str[out->len - 1] != ' ')
                g_string_append_c (out, ' ');
              pending_space = FALSE;
              g_string_append_unichar (out, g_unichar_tolower (ch));
            }
          else
            pending_space = TRUE;
          p = next;
        }
    }
}

char *
rf_match_fold (const char *text,
               gssize      length)
{
  GString *out = g_string_new (NULL);

  fold_into (out, text, length);
  return g_string_free (out, FALSE);
}

RfMatchText *
rf_match_text_new (const char *text,
                   gssize      length)
{
  RfMatchText *self = g_new0 (RfMatchText, 1);

  self->folded = g_string_sized_new (length > 0 ? length + 2 : 64);
  g_string_append_c (self->folded, ' ');
  fold_into (self->folded, text, length);
  if (self->folded->str[self->folded->len - 1] != ' ')
    g_string_append_c (self->folded, ' ');
  return self;
}

/* Adds more text (a company's industry, a location) as if after a full stop. */
void
rf_match_text_append (RfMatchText *self,
                      const char  *text)
{
  g_return_if_fail (self != NULL);

  if (text == NULL || *text == '\0')
    return;
  fold_into (self->folded, text, -1);
  if (self->folded->str[self->folded->len - 1] != ' ')
    g_string_append_c (self->folded, ' ');
}

void
rf_match_text_free (RfMatchText *self)
{
  if (self == NULL)
    return;
  g_string_free (self->folded, TRUE);
  g_free (self);
}

const char *
rf_match_text_get_folded (RfMatchText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->folded->str;
}

/* Finds @folded_phrase as whole words, allowing a plural "s" or "es" on its
 * last word ("marketing managers" matches "marketing manager"). */
gboolean
rf_match_text_contains_folded (RfMatchText *self,
                               const char  *folded_phrase)
{
  const char *hay;
  gsize phrase_len;

  g_return_val_if_fail (self != NULL, FALSE);

  if (folded_phrase == NULL || *folded_phrase == '\0')
    return FALSE;

  phrase_len = strlen (folded_phrase);
  hay = self->folded->str;
  while ((hay = strstr (hay, folded_phrase)) != NULL)
    {
      const char *after = hay + phrase_len;

      if (hay > self->folded->str && hay[-1] == ' ')
        {
          if (*after == ' ' ||
              (after[0] == 's' && after[1] == ' ') ||
              (after[0] == 'e' && after[1] == 's' && after[2] == ' '))
            return TRUE;
        }
      hay++;
    }
  return FALSE;
}

gboolean
rf_match_text_contains (RfMatchText *self,
                        const char  *phrase)
{
  g_autofree char *folded = rf_match_fold (phrase, -1);

  return rf_match_text_contains_folded (self, folded);
}

/* Returns the first of @phrases (already folded) found, or NULL. */
const char *
rf_match_text_find_any (RfMatchText        *self,
                        const char * const *phrases)
{
  for (guint i = 0; phrases != NULL && phrases[i] != NULL; i++)
    if (rf_match_text_contains_folded (self, phrases[i]))
      return phrases[i];
  return NULL;
}
