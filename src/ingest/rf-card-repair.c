/* rf-card-repair.c: emails and websites out of damaged OCR text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * OCR breaks these in known ways: "@" read as "©" or "®", "." as ",",
 * spaces around the dots, "rn" for "m" in ".com", "|" for "/" at the end
 * of a URL. Each finder repairs what it can tell and says whether it had
 * to. Phones are in rf-card-phone.c.
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <string.h>

#include "rf-card-parser-private.h"

/* Top-level domains seen on cards; an unknown one close to one of these
 * is taken for an OCR slip ("corn", "c0m", "con"). */
static const char * const common_tlds[] = {
  "com", "org", "net", "io", "co", "biz", "info", "app", "dev", "ai", "tech", "edu", "gov", "eu",
  "uk", "de", "fr", "nl", "be", "ch", "at", "it", "es", "pt", "ie", "se", "no", "dk", "fi",
  "pl", "cz", "us", "ca", "au", "nz", "in", "sg", "jp", "cn", "br", "mx", "za", "ae", "hk",
  "online", "store", "shop", "agency", "studio", "consulting", "solutions", "global", NULL,
};

static gboolean
is_known_tld (const char *tld)
{
  return g_strv_contains (common_tlds, tld);
}

guint
rf_card_edit_distance (const char *a,
                       const char *b)
{
  gsize la = strlen (a);
  gsize lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }
  return row[lb];
}

/* Repairs the last label of @host in place when it is one slip away from
 * a common top-level domain. TRUE if it changed. */
static gboolean
repair_tld (GString *host)
{
  const char *dot = strrchr (host->str, '.');
  g_autofree char *tld = NULL;

  if (dot == NULL)
    return FALSE;
  tld = g_strdup (dot + 1);
  if (is_known_tld (tld) || strlen (tld) < 2)
    return FALSE;

  /* Digits read for letters first: "c0m", "c0rn". */
  for (char *p = tld; *p != '\0'; p++)
    if (*p == '0')
      *p = 'o';
    else if (*p == '1')
      *p = 'l';
  if (g_str_equal (tld, "corn") || g_str_equal (tld, "cam") || g_str_equal (tld, "corm") || g_str_equal (tld, "comn"))
    {
      g_free (tld);
      tld = g_strdup ("com");
    }
  if (!is_known_tld (tld))
    {
      static const char * const usual[] = { "com", "org", "net", NULL };

      for (guint i = 0; usual[i] != NULL; i++)
        if (strlen (tld) >= 3 && rf_card_edit_distance (tld, usual[i]) == 1)
          {
            g_free (tld);
            tld = g_strdup (usual[i]);
            break;
          }
    }
  if (!is_known_tld (tld))
    return FALSE;
  g_string_truncate (host, dot + 1 - host->str);
  g_string_append (host, tld);
  return TRUE;
}

static gboolean
is_host_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '.';
}

/* A host name is labels of letters, digits and inner hyphens, two at least,
 * the last all letters. */
static gboolean
host_is_valid (const char *host)
{
  g_auto(GStrv) labels = g_strsplit (host, ".", -1);
  guint n = g_strv_length (labels);

  if (n < 2 || strlen (host) > 253)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gsize length = strlen (labels[i]);

      if (length == 0 || length > 63 || labels[i][0] == '-' || labels[i][length - 1] == '-')
        return FALSE;
      for (gsize j = 0; j < length; j++)
        if (!g_ascii_isalnum (labels[i][j]) && labels[i][j] != '-')
          return FALSE;
    }
  for (const char *p = labels[n - 1]; *p != '\0'; p++)
    if (!g_ascii_isalpha (*p))
      return FALSE;
  return strlen (labels[n - 1]) >= 2;
}

/* "©", "®" and friends to "@", other non-ASCII to spaces: what is left is
 * what the finders scan. */
static char *
ascii_for_matching (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          g_string_append_c (out, ' ');
          p++;
          continue;
        }
      if (c == 0x00A9 || c == 0x00AE || c == 0xFF20 || c == 0x24B6)
        g_string_append_c (out, '@');
      else if (c == 0x2018 || c == 0x2019)
        g_string_append_c (out, '\'');
      else if (c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2212)
        g_string_append_c (out, '-');
      else if (c < 0x80)
        g_string_append_c (out, (char)c);
      else
        g_string_append_c (out, ' ');
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

/* Reads a host name from @p: letters, digits, hyphens and dots, where OCR
 * may have put "," for "." or a space beside a dot. */
static const char *
read_host (const char *p,
           GString    *host,
           gboolean    spaces,
           gboolean   *repaired)
{
  while (*p != '\0')
    {
      if (is_host_char (*p))
        g_string_append_c (host, g_ascii_tolower (*p++));
      else if (*p == ',' && g_ascii_isalpha (p[1]) && host->len > 0)
        {
          g_string_append_c (host, '.');
          *repaired = TRUE;
          p++;
        }
      else if (*p == ' ' && host->len > 0 && spaces)
        {
          const char *next = p;
          char last = host->str[host->len - 1];

          while (*next == ' ')
            next++;
          /* "contoso .com", "contoso. com", "contoso ,com" */
          if (last == '.' && g_ascii_isalnum (*next))
            {
              *repaired = TRUE;
              p = next;
            }
          else if ((*next == '.' || *next == ',') && g_ascii_isalpha (next[1]))
            {
              *repaired = TRUE;
              p = next;
            }
          else if (g_ascii_isalpha (*next) && !is_known_tld (strrchr (host->str, '.') != NULL ? strrchr (host->str, '.') + 1 : ""))
            {
              /* "contoso com": a space for the dot before a known TLD. */
              gsize length = 0;
              g_autofree char *word = NULL;

              while (g_ascii_isalpha (next[length]))
                length++;
              word = g_ascii_strdown (next, length);
              if ((next[length] == '\0' || !is_host_char (next[length])) && is_known_tld (word) && length <= 4)
                {
                  g_string_append_c (host, '.');
                  *repaired = TRUE;
                  p = next;
                }
              else
                break;
            }
          else
            break;
        }
      else
        break;
    }
  while (host->len > 0 && (host->str[host->len - 1] == '.' || host->str[host->len - 1] == '-'))
    g_string_truncate (host, host->len - 1);
  while (host->len > 0 && (host->str[0] == '.' || host->str[0] == '-'))
    g_string_erase (host, 0, 1);
  /* Double dots from "contoso. .com". */
  for (char *dd = strstr (host->str, ".."); dd != NULL; dd = strstr (host->str, ".."))
    g_string_erase (host, dd - host->str, 1);
  return p;
}

static gboolean
is_local_char (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'';
}

char *
rf_card_find_email (const char *text,
                    gboolean   *repaired)
{
  g_autofree char *line = NULL;
  gboolean local_repaired = FALSE;
  char *at;

  g_return_val_if_fail (text != NULL, NULL);

  line = ascii_for_matching (text);
  /* "name (at) example.com", "name [at] example.com" */
  for (const char *const *form = (const char *const[]){ "(at)", "[at]", "{at}", NULL }; *form != NULL; form++)
    {
      char *found = strstr (line, *form);

      if (found != NULL && strchr (line, '@') == NULL)
        {
          memmove (found + 1, found + 4, strlen (found + 4) + 1);
          *found = '@';
          local_repaired = TRUE;
        }
    }

  for (at = strchr (line, '@'); at != NULL; at = strchr (at + 1, '@'))
    {
      g_autoptr(GString) host = g_string_new (NULL);
      g_autoptr(GString) local = g_string_new (NULL);
      gboolean host_repaired = FALSE;
      const char *start = at;
      const char *after = at + 1;

      /* The local part, leftwards; a space is allowed beside "." or "_",
       * and just before the "@". */
      if (start > line && start[-1] == ' ')
        {
          start--;
          local_repaired = TRUE;
        }
      while (start > line)
        {
          char c = start[-1];

          if (is_local_char (c))
            start--;
          else if (c == ' ' && start - 1 > line && (start[-2] == '.' || start[-2] == '_' || *start == '.' || *start == '_'))
            {
              start--;
              local_repaired = TRUE;
            }
          else
            break;
        }
      for (const char *p = start; p < at; p++)
        if (*p != ' ')
          g_string_append_c (local, g_ascii_tolower (*p));
      /* "E-mail:avery@..." has lost its space: not ours. */
      if (g_str_has_prefix (local->str, "mailto:"))
        g_string_erase (local, 0, 7);
      while (local->len > 0 && strchr (".-'+", local->str[0]) != NULL)
        g_string_erase (local, 0, 1);
      while (local->len > 0 && local->str[local->len - 1] == '.')
        g_string_truncate (local, local->len - 1);
      if (local->len == 0)
        continue;

      while (*after == ' ')
        {
          after++;
          local_repaired = TRUE;
        }
      read_host (after, host, TRUE, &host_repaired);
      if (repair_tld (host))
        host_repaired = TRUE;
      if (!host_is_valid (host->str))
        continue;

      if (repaired != NULL)
        *repaired = local_repaired || host_repaired;
      return g_strdup_printf ("%s@%s", local->str, host->str);
    }
  return NULL;
}

/* Where the host name starts in @line after an OCR'd "https://": the
 * slashes come back as "/ /", "|/", "//" or are lost. */
static const char *
skip_scheme (const char *p,
             gboolean   *repaired)
{
  const char *q = p;

  while (*q == ':' || *q == ';' || *q == '/' || *q == '|' || *q == '\\' || *q == ' ' || *q == '.' || *q == 'l' || *q == 'I')
    {
      /* "l" and "I" are slashes only before a "/" or "www". */
      if ((*q == 'l' || *q == 'I') && q[1] != '/' && q[1] != '|' && g_ascii_strncasecmp (q + 1, "www", 3) != 0)
        break;
      q++;
    }
  if (q - p != 3 || strncmp (p, "://", 3) != 0)
    *repaired = TRUE;
  return q;
}

char *
rf_card_find_website (const char *text,
                      gboolean   *repaired)
{
  g_autofree char *line = NULL;
  g_autofree char *lower = NULL;
  gboolean local_repaired = FALSE;
  const char *scheme = NULL;
  const char *start = NULL;
  const char *p;
  g_autoptr(GString) host = g_string_new (NULL);
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GString) url = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  line = ascii_for_matching (text);
  lower = g_ascii_strdown (line, -1);

  if ((p = strstr (lower, "http")) != NULL)
    {
      const char *after = p + 4;

      scheme = "http://";
      if (*after == 's' || *after == 'S')
        {
          scheme = "https://";
          after++;
        }
      start = skip_scheme (after, &local_repaired);
    }
  else if ((p = strstr (lower, "ttps:")) != NULL || (p = strstr (lower, "tps:/")) != NULL)
    {
      /* The "h" or "ht" lost, or read as another letter. */
      scheme = "https://";
      local_repaired = TRUE;
      start = skip_scheme (strchr (p, ':'), &local_repaired);
    }
  else if ((p = strstr (lower, "www")) != NULL || (p = strstr (lower, "wvvw")) != NULL || (p = strstr (lower, "vvww")) != NULL)
    start = p;
  else
    {
      /* A bare "example.com", not part of an email. */
      for (const char *word = lower; *word != '\0'; word++)
        {
          g_autoptr(GString) candidate = g_string_new (NULL);
          gboolean ignored = FALSE;
          const char *end;

          if (word != lower && is_host_char (word[-1]))
            continue;
          if (!g_ascii_isalnum (*word))
            continue;
          /* Without "www" or "http", only a host printed whole counts. */
          end = read_host (word, candidate, FALSE, &ignored);
          if (*end == '@' || (word > lower && word[-1] == '@'))
            continue;
          if (strchr (candidate->str, '.') != NULL && host_is_valid (candidate->str))
            {
              const char *tld = strrchr (candidate->str, '.') + 1;

              if (is_known_tld (tld) && strchr (lower, '@') == NULL)
                {
                  start = word;
                  break;
                }
            }
        }
    }
  if (start == NULL)
    return NULL;

  /* OCR's "www" variants. */
  while (*start == ' ')
    start++;
  p = read_host (start, host, scheme != NULL || g_str_has_prefix (start, "www") || g_str_has_prefix (start, "wvvw")
                 || g_str_has_prefix (start, "vvww"), &local_repaired);
  if (g_str_has_prefix (host->str, "wvvw.") || g_str_has_prefix (host->str, "vvww.") || g_str_has_prefix (host->str, "wwww.")
      || g_str_has_prefix (host->str, "wwvv."))
    {
      g_string_erase (host, 0, 5);
      g_string_prepend (host, "www.");
      local_repaired = TRUE;
    }
  else if (g_str_has_prefix (host->str, "ww.") || g_str_has_prefix (host->str, "wvw.") || g_str_has_prefix (host->str, "vww."))
    {
      g_string_erase (host, 0, strchr (host->str, '.') - host->str + 1);
      g_string_prepend (host, "www.");
      local_repaired = TRUE;
    }
  else if (g_str_has_prefix (host->str, "www") && host->len > 3 && host->str[3] != '.')
    {
      g_string_insert_c (host, 3, '.');
      local_repaired = TRUE;
    }
  if (repair_tld (host))
    local_repaired = TRUE;
  /* "www.contoso" is not a host: the domain itself needs a dot. */
  if (!host_is_valid (host->str) || (g_str_has_prefix (host->str, "www.") && strchr (host->str + 4, '.') == NULL))
    return NULL;

  /* A path; "|", "l" or "]" at the very end was the closing "/". */
  if (*p == '/' || *p == '|' || *p == '\\' || ((*p == 'l' || *p == 'I' || *p == ']' || *p == ')') && (p[1] == '\0' || p[1] == ' ')))
    {
      if (*p != '/')
        local_repaired = TRUE;
      g_string_append_c (path, '/');
      p++;
      while (*p != '\0' && (g_ascii_isalnum (*p) || strchr ("/-_.~%?=&#+", *p) != NULL))
        g_string_append_c (path, *p++);
      if (*p == '|' || *p == ']')
        {
          g_string_append_c (path, '/');
          local_repaired = TRUE;
        }
      /* A trailing "." ends the sentence, not the path. */
      while (path->len > 1 && path->str[path->len - 1] == '.')
        g_string_truncate (path, path->len - 1);
    }

  if (scheme != NULL)
    g_string_append (url, scheme);
  g_string_append (url, host->str);
  g_string_append (url, path->str);
  if (repaired != NULL)
    *repaired = local_repaired;
  return g_string_free (g_steal_pointer (&url), FALSE);
}

/* -- Streets ------------------------------------------------------------- */

/* Latin script models read the "ß" of German street names as "f", "B",
 * "g", "8", "6" or "fs" ("Hauptstrafe 5"). In an address line, a compound that
 * ends in "stra?e" with one of those in the middle is a "-straße". */
void
rf_card_repair_street (GString *address)
{
  for (gsize i = 0; i + 6 <= address->len; i++)
    {
      const char *p = address->str + i;
      gsize start = i;
      gsize misread;

      if (g_ascii_strncasecmp (p, "stra", 4) != 0)
        continue;
      /* One letter for it, or two ("fs", "ls"): "ss" is the Swiss spelling. */
      if (strchr ("fBg86", p[4]) != NULL && p[4] != '\0' && p[5] == 'e')
        misread = 1;
      else if (strchr ("fliI", p[4]) != NULL && p[4] != '\0' && p[5] == 's' && p[6] == 'e')
        misread = 2;
      else
        continue;
      if (g_ascii_isalpha (p[4 + misread + 1]))
        continue;
      /* A compound: letters (or hyphens) before it, not a word of its own. */
      while (start > 0 && (g_ascii_isalpha (address->str[start - 1]) || address->str[start - 1] == '-'))
        start--;
      if (i - start < 2)
        continue;
      g_string_erase (address, i + 4, misread);
      g_string_insert (address, i + 4, "ß");
      i += 6;
    }
}

/* -- Hosts --------------------------------------------------------------- */

static const char * const free_mail[] = {
  "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "hotmail.com", "outlook.com", "live.com",
  "msn.com", "icloud.com", "me.com", "mac.com", "aol.com", "gmx.de", "gmx.net", "gmx.com", "web.de",
  "t-online.de", "proton.me", "protonmail.com", "mail.com", "yandex.ru", "zoho.com", "fastmail.com",
  "btinternet.com", "orange.fr", "free.fr", "libero.it", "qq.com", "163.com", NULL,
};

gboolean
rf_card_is_free_mail (const char *host)
{
  return host != NULL && g_strv_contains (free_mail, host);
}

/* "https://www.contoso.com/x" and "avery@contoso.com" to "contoso.com". */
char *
rf_card_host_of (const char *url_or_email)
{
  const char *start;
  const char *end;

  if (url_or_email == NULL)
    return NULL;
  start = strchr (url_or_email, '@');
  if (start != NULL)
    start++;
  else
    {
      start = strstr (url_or_email, "://");
      start = start != NULL ? start + 3 : url_or_email;
    }
  if (g_str_has_prefix (start, "www."))
    start += 4;
  end = start + strcspn (start, "/?#:");
  return g_ascii_strdown (start, end - start);
}

/* The registrable name: "contoso" of "mail.contoso.co.uk". */
char *
rf_card_domain_core (const char *host)
{
  g_auto(GStrv) labels = NULL;
  guint n;

  if (host == NULL)
    return NULL;
  labels = g_strsplit (host, ".", -1);
  n = g_strv_length (labels);
  if (n < 2)
    return g_strdup (host);
  /* "co.uk", "com.au": a second-level label under a country code. */
  if (n >= 3 && strlen (labels[n - 1]) == 2
      && (g_str_equal (labels[n - 2], "co") || g_str_equal (labels[n - 2], "com") || g_str_equal (labels[n - 2], "org")
          || g_str_equal (labels[n - 2], "ac") || g_str_equal (labels[n - 2], "net")))
    return g_strdup (labels[n - 3]);
  return g_strdup (labels[n - 2]);
}

const char *
rf_card_region_for_host (const char *host)
{
  static const struct { const char *tld; const char *region; } tlds[] = {
    { "uk", "GB" }, { "de", "DE" }, { "fr", "FR" }, { "nl", "NL" }, { "be", "BE" }, { "ch", "CH" },
    { "at", "AT" }, { "it", "IT" }, { "es", "ES" }, { "pt", "PT" }, { "ie", "IE" }, { "se", "SE" },
    { "no", "NO" }, { "dk", "DK" }, { "fi", "FI" }, { "pl", "PL" }, { "ca", "CA" }, { "au", "AU" },
    { "nz", "NZ" }, { "in", "IN" }, { "sg", "SG" }, { "jp", "JP" }, { "br", "BR" }, { "mx", "MX" },
    { "za", "ZA" }, { "us", "US" },
  };
  const char *dot;

  if (host == NULL || (dot = strrchr (host, '.')) == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (tlds); i++)
    if (g_str_equal (dot + 1, tlds[i].tld))
      return tlds[i].region;
  return NULL;
}
