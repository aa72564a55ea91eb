/* rf-text-company.c: the company a pasted text names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each finder looks for one pattern that says a name is the company's;
 * rf_text_contacts_find() tries them from the surest down.
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <string.h>

#include "rf-text-contacts-private.h"

char *
rf_text_company_from_labels (const char *text)
{
  static const char * const labels[] = {
    "company:", "company name:", "organisation:", "organization:", "employer:", "firma:",
    "unternehmen:", "entreprise:", "société:", NULL,
  };
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_autofree char *lower = NULL;

      while (*line == ' ' || *line == '\t')
        line++;
      lower = g_utf8_strdown (line, -1);
      for (guint j = 0; labels[j] != NULL; j++)
        if (g_str_has_prefix (lower, labels[j]))
          {
            g_autofree char *value = g_strstrip (g_strdup (line + strlen (labels[j])));

            if (*value != '\0' && g_utf8_strlen (value, -1) <= 60)
              return g_steal_pointer (&value);
          }
      /* A job post's "About Glowbar" heading; not "About the role". */
      if (g_str_has_prefix (line, "About ") && rf_text_starts_upper (line + 6))
        {
          g_autofree char *value = g_strstrip (g_strdup (line + 6));
          gsize length = strlen (value);
          g_auto(GStrv) words = NULL;

          if (length > 0 && value[length - 1] == ':')
            value[length - 1] = '\0';
          words = rf_card_split_words (value);
          if (g_strv_length (words) >= 1 && g_strv_length (words) <= 4 && !rf_text_is_listed (words[0], rf_text_not_names))
            {
              gboolean capitalised = TRUE;

              for (guint k = 0; words[k] != NULL; k++)
                capitalised = capitalised && (rf_text_starts_upper (words[k]) || rf_text_is_listed (words[k], rf_text_connectors));
              if (capitalised)
                return g_steal_pointer (&value);
            }
        }
    }
  return NULL;
}

char *
rf_text_company_from_phrases (const char *text)
{
  static const char * const phrases[] = {
    " is hiring", " are hiring", " is looking for", " are looking for", " is seeking", " is recruiting",
    " is searching for", " is growing", " sucht ", " recherche ", " recrute ", NULL,
  };

  for (guint i = 0; phrases[i] != NULL; i++)
    {
      for (const char *found = strstr (text, phrases[i]); found != NULL; found = strstr (found + 1, phrases[i]))
        {
          char *name = rf_text_name_before (text, found);

          if (name != NULL)
            return name;
        }
    }
  return NULL;
}

/* "At Loomly we …", "Welcome to Oakline Studio", "this is Tom from
 * Redwood Dental": the capitalised words after an opening that names
 * the company. */
char *
rf_text_company_after_openings (const char     *text,
                        RfTextContacts *contacts)
{
  static const struct { const char *opening; const char *after; } openings[] = {
    { "At ", " we" }, { "At ", ", we" }, { "Welcome to ", NULL },
    { "this is ", " from " }, { "This is ", " from " }, { "I'm ", " from " }, { "I am ", " from " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (openings); i++)
    for (const char *found = strstr (text, openings[i].opening); found != NULL;
         found = strstr (found + 1, openings[i].opening))
      {
        const char *start = found + strlen (openings[i].opening);
        g_autofree char *name = NULL;

        /* An opening starts a sentence. */
        if (found > text && !(found[-1] == '\n' || (found > text + 1 && found[-1] == ' ' && strchr (".!?,", found[-2]))))
          continue;
        if (g_strcmp0 (openings[i].after, " from ") == 0)
          {
            /* "this is Tom from X": a first name, then the company. */
            g_autofree char *span = rf_text_span_after (start);
            const char *from = strstr (span, " from ");

            if (from == NULL || from - span > 30 || memchr (span, '.', from - span) != NULL)
              continue;
            name = rf_text_name_after (start + (from - span) + 6);
            /* The one who wrote: a name word or two before "from". */
            if (name != NULL && contacts->name == NULL)
              {
                g_autofree char *person = g_strndup (span, from - span);
                g_auto(GStrv) words = rf_card_split_words (person);
                guint n = g_strv_length (words);
                gboolean all_names = n >= 1 && n <= 2;

                for (guint k = 0; k < n; k++)
                  all_names = all_names && rf_text_name_word (words[k]);
                if (all_names)
                  contacts->name = g_strjoinv (" ", words);
              }
          }
        else
          {
            name = rf_text_name_after (start);
            if (name != NULL && openings[i].after != NULL
                && !g_str_has_prefix (start + strlen (name), openings[i].after))
              g_clear_pointer (&name, g_free);
          }
        if (name != NULL && !rf_text_is_listed (name, rf_text_not_names))
          return g_steal_pointer (&name);
      }
  return NULL;
}

/* "Oakline Studio" when the site is oaklinestudio.com: capitalised words
 * that spell the site's name. */
char *
rf_text_company_spelling_host (Scan       *scan,
                       const char *website)
{
  g_autofree char *host = rf_card_host_of (website);
  g_autofree char *core = rf_card_domain_core (host);

  if (core == NULL || *core == '\0')
    return NULL;
  /* Letters and digits: "pinecrest-outdoor" is spelled "Pinecrest Outdoor". */
  {
    char *out = core;

    for (const char *p = core; *p != '\0'; p++)
      if (g_ascii_isalnum (*p))
        *out++ = g_ascii_tolower (*p);
    *out = '\0';
    if (*core == '\0')
      return NULL;
  }
  for (guint i = 0; scan->tokens[i] != NULL; i++)
    {
      g_autoptr(GString) spelled = g_string_new (NULL);
      g_autoptr(GString) name = g_string_new (NULL);

      for (guint j = i; scan->tokens[j] != NULL && j < i + 4; j++)
        {
          g_autofree char *bare = rf_text_bare_token (scan->tokens[j]);

          if (!rf_text_starts_upper (bare) && !(j > i && rf_text_is_listed (bare, rf_text_connectors)))
            break;
          for (const char *p = bare; *p != '\0'; p++)
            if (g_ascii_isalnum (*p))
              g_string_append_c (spelled, g_ascii_tolower (*p));
            else if (*p == '&')
              g_string_append (spelled, "and");
          if (name->len > 0)
            g_string_append_c (name, ' ');
          g_string_append (name, bare);
          if (g_str_equal (spelled->str, core))
            {
              /* "Sunrise Yoga Studios" for sunriseyoga.com: a word or two
               * more of the same name. */
              for (guint k = j + 1; !rf_text_ends_clause (scan->tokens[k - 1]) && scan->tokens[k] != NULL && k <= j + 2; k++)
                {
                  g_autofree char *more = rf_text_bare_token (scan->tokens[k]);

                  if (!rf_text_starts_upper (more) || rf_text_is_listed (more, rf_text_not_names) || g_str_has_suffix (scan->tokens[k], ":"))
                    break;
                  g_string_append_printf (name, " %s", more);
                }
              return g_string_free (g_steal_pointer (&name), FALSE);
            }
          if (spelled->len >= strlen (core) || rf_text_ends_clause (scan->tokens[j]))
            break;
        }
    }
  return NULL;
}

/* "Glowbar Skincare (glowbar.co)": the words before the site in brackets. */
char *
rf_text_company_before_website (const char *text,
                        const char *website)
{
  g_autofree char *host = rf_card_host_of (website);
  const char *found;

  if (host == NULL || *host == '\0')
    return NULL;
  for (found = strstr (text, host); found != NULL; found = strstr (found + 1, host))
    {
      const char *before = found;

      if (before > text && (before[-1] == '/' || before[-1] == '.'))
        continue;
      while (before > text && (before[-1] == '/' || before[-1] == ':' || g_ascii_isalpha (before[-1])))
        before--;   /* https://www. */
      if (before > text && before[-1] == '(')
        return rf_text_name_before (text, before - 1);
    }
  return NULL;
}

/* "glowbar.co" to "Glowbar": better than no name at all. */
char *
rf_text_company_from_host (const char *website)
{
  g_autofree char *host = rf_card_host_of (website);
  g_autofree char *core = rf_card_domain_core (host);

  if (core == NULL || strlen (core) < 2)
    return NULL;
  /* "pinecrest-outdoor.com" to "Pinecrest Outdoor". */
  for (char *p = core; *p != '\0'; p++)
    if (*p == '-')
      *p = ' ';
    else if (p == core || p[-1] == ' ')
      *p = g_ascii_toupper (*p);
  return g_steal_pointer (&core);
}

/* "Austin, TX", "Berlin, Germany", "Remote": where a job is. */
static gboolean
looks_like_place (const char *text)
{
  static gsize pattern;

  if (g_once_init_enter (&pattern))
    g_once_init_leave (&pattern, (gsize) g_regex_new ("^\\s*((?i:remote)\\b|\\p{Lu}[\\p{L} .'-]*, (\\p{Lu}{2}\\b|\\p{Lu}\\p{Ll}+))",
                                                      G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_match ((GRegex *) pattern, text, 0, NULL);
}

/* LinkedIn's "Brightside Pet Supply · Denver, CO (On-site)" under a job's
 * title: the company before the first "·". */
char *
rf_text_company_before_dot (const char *text)
{
  static const char * const not_companies[] = {
    "full-time", "part-time", "contract", "temporary", "internship", "remote", "hybrid", "on-site",
    "mid-senior level", "entry level", "associate", "director", "executive", "volunteer", NULL,
  };
  static const char * const dashes[] = { " - ", " \u2013 ", " \u2014 ", NULL };
  g_auto(GStrv) lines = g_strsplit (text, "\n", 40);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *mark = strstr (lines[i], " \u00b7 ");
      g_autofree char *left = NULL;
      g_autofree char *lower = NULL;
      g_auto(GStrv) words = NULL;
      gboolean capitalised = TRUE;
      gboolean dashed = FALSE;

      /* Indeed's "Oak & Ember Coffee Co. - Austin, TX": a dash, then a place. */
      for (guint d = 0; mark == NULL && dashes[d] != NULL; d++)
        {
          const char *dash = strstr (lines[i], dashes[d]);

          if (dash != NULL && looks_like_place (dash + strlen (dashes[d])))
            {
              mark = dash;
              dashed = TRUE;
            }
        }
      if (mark == NULL)
        continue;
      left = g_strstrip (g_strndup (lines[i], mark - lines[i]));
      lower = g_utf8_strdown (left, -1);
      words = rf_card_split_words (left);
      if (words[0] == NULL || g_strv_length (words) > 5 || g_strv_contains (not_companies, lower)
          || (dashed && rf_card_count_listed (words, rf_card_title_words) > 0))
        continue;
      for (guint k = 0; words[k] != NULL; k++)
        capitalised = capitalised && (rf_text_starts_upper (words[k]) || rf_text_is_listed (words[k], rf_text_connectors));
      if (capitalised && !rf_text_is_listed (words[0], rf_text_not_names))
        return g_steal_pointer (&left);
    }
  return NULL;
}
