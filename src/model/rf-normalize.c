/* rf-normalize.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-model"

#include <string.h>

#include "rf-normalize.h"

/* "https://www.Acme.com:443/about" -> "acme.com"; "jo@acme.com" -> "acme.com".
 * Returns "" when there is no host. */
char *
rf_normalize_domain (const char *website_or_email)
{
  g_autofree char *lower = NULL;
  const char *host;
  const char *end;
  const char *at;

  if (website_or_email == NULL)
    return g_strdup ("");

  lower = g_utf8_strdown (website_or_email, -1);
  g_strstrip (lower);
  host = lower;

  if ((at = strchr (host, '@')) != NULL && strstr (host, "://") == NULL)
    host = at + 1;

  if ((end = strstr (host, "://")) != NULL)
    host = end + 3;

  /* user:pass@ in a URL */
  if ((at = strchr (host, '@')) != NULL && (strchr (host, '/') == NULL || at < strchr (host, '/')))
    host = at + 1;

  end = host + strcspn (host, "/?#:; \t,");
  while (end > host && end[-1] == '.')
    end--;

  if (g_str_has_prefix (host, "www.") && end - host > 4)
    host += 4;

  if (end <= host || memchr (host, '.', end - host) == NULL)
    return g_strdup ("");

  return g_strndup (host, end - host);
}

static const char * const legal_suffixes[] = {
  "inc", "incorporated", "llc", "ltd", "limited", "plc", "gmbh", "ag", "sa",
  "sas", "sarl", "bv", "nv", "oy", "ab", "as", "aps", "pty", "pvt", "private",
  "co", "corp", "corporation", "company", "llp", "lp", "srl", "spa", "kg",
  NULL
};

/* Lower case, letters and digits only, words joined by one space, legal
 * forms ("Inc.", "Pvt Ltd", "GmbH") dropped from the end. */
char *
rf_normalize_company_name (const char *name)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_words;

  if (name == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (name, -1);
  for (char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      if (!g_unichar_isalnum (ch) && ch != '&')
        {
          /* Replace the whole character with spaces, keeping offsets valid. */
          for (char *q = p; q < g_utf8_next_char (p); q++)
            *q = ' ';
        }
    }

  words = g_strsplit_set (folded, " ", -1);
  n_words = g_strv_length (words);

  /* Drop empty words first, then trailing legal forms (keep at least one word). */
  {
    g_autoptr(GPtrArray) kept = g_ptr_array_new ();
    for (guint i = 0; i < n_words; i++)
      if (words[i][0] != '\0')
        g_ptr_array_add (kept, words[i]);

    while (kept->len > 1 &&
           g_strv_contains (legal_suffixes, g_ptr_array_index (kept, kept->len - 1)))
      g_ptr_array_set_size (kept, kept->len - 1);

    for (guint i = 0; i < kept->len; i++)
      {
        if (i > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, g_ptr_array_index (kept, i));
      }
  }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Case-folded, whitespace collapsed. */
char *
rf_normalize_person_name (const char *name)
{
  g_autofree char *folded = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  if (name == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (name, -1);
  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || *p == '.' || *p == ',')
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Trimmed and lower-cased; "" unless it looks like local@domain.tld. */
char *
rf_normalize_email (const char *email)
{
  g_autofree char *lower = NULL;
  const char *at;

  if (email == NULL)
    return g_strdup ("");

  lower = g_utf8_strdown (email, -1);
  g_strstrip (lower);
  if (g_str_has_prefix (lower, "mailto:"))
    memmove (lower, lower + 7, strlen (lower + 7) + 1);

  at = strchr (lower, '@');
  if (at == NULL || at == lower || strchr (at + 1, '.') == NULL ||
      strchr (at + 1, '@') != NULL || strpbrk (lower, " \t<>,;") != NULL)
    return g_strdup ("");

  return g_steal_pointer (&lower);
}
