/* rf-text-contacts.c: who a pasted text is about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A job post or a company's web page names the company, its website and
 * often a person to write to ("Contact: Maya Chen, Founder, maya@…").
 * Without Ollama nothing else reads them, and a lead without a company
 * is hard to work. The rules here are narrow on purpose: a wrong company
 * is worse than none, so each field needs a pattern that says what it is
 * (an address, "X is hiring", "Contact:", a name that matches the email).
 * The card parser's word lists and finders are shared.
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <string.h>

#include "rf-card-parser-private.h"
#include "rf-text-contacts.h"

/* Contacts are near the top or in a signature; a pasted 1 MB page must not
 * cost seconds, so only its start and end are read. */
#define HEAD_BYTES (48 * 1024)
#define TAIL_BYTES (16 * 1024)

/* Hosts that are not the company's own: job boards, social networks and
 * link shorteners a copied post carries. */
static const char * const platform_hosts[] = {
  "linkedin.com", "indeed.com", "glassdoor.com", "twitter.com", "x.com", "facebook.com",
  "instagram.com", "youtube.com", "tiktok.com", "google.com", "goo.gl", "bit.ly", "t.co",
  "medium.com", "github.com", "wellfound.com", "angel.co", "ycombinator.com", "lever.co",
  "greenhouse.io", "workable.com", "stepstone.de", "xing.com", "monster.com", "ziprecruiter.com",
  "upwork.com", "fiverr.com", "notion.so", "calendly.com", "wa.me", NULL,
};

/* Words that start a sentence in capitals but never name a company or a
 * person. */
static const char * const not_names[] = {
  "we", "our", "us", "they", "their", "it", "its", "you", "your", "he", "she", "i", "this", "that",
  "these", "those", "who", "everyone", "everybody", "join", "about", "at", "hi", "hello", "dear",
  "thanks", "regards", "best", "contact", "email", "phone", "website", "apply", "remote", "hiring",
  NULL,
};

static const char * const connectors[] = { "&", "and", "of", "+", "de", "la", "the", "und", NULL };

void
rf_text_contacts_free (RfTextContacts *contacts)
{
  if (contacts == NULL)
    return;
  g_free (contacts->company);
  g_free (contacts->website);
  g_free (contacts->name);
  g_free (contacts->title);
  g_free (contacts->email);
  g_free (contacts->phone);
  g_free (contacts);
}

static gboolean
is_listed (const char         *word,
           const char * const *list)
{
  g_autofree char *with_dot = rf_card_bare_word (word, TRUE);
  g_autofree char *without = rf_card_bare_word (word, FALSE);

  return g_strv_contains (list, with_dot) || g_strv_contains (list, without);
}

/* "(glowbar.co)," to "glowbar.co". */
static char *
bare_token (const char *token)
{
  gsize start = 0;
  gsize end = strlen (token);

  while (start < end && strchr ("([{<\"'", token[start]) != NULL)
    start++;
  while (end > start && strchr (")]}>\"'.,;:!?", token[end - 1]) != NULL)
    end--;
  return g_strndup (token + start, end - start);
}

static gboolean
starts_upper (const char *word)
{
  gunichar c = g_utf8_get_char (word);

  return g_unichar_isupper (c) || g_unichar_istitle (c) || g_unichar_isdigit (c);
}

/* A word of a person's name: "Maya", "O'Neil", "Smith-Jones". */
static gboolean
name_word (const char *word)
{
  g_autofree char *bare = bare_token (word);
  glong length = g_utf8_strlen (bare, -1);

  if (length < 2 || length > 24 || !g_unichar_isupper (g_utf8_get_char (bare)))
    return FALSE;
  for (const char *p = bare; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c) && c != '-' && c != '\'' && c != 0x2019)
        return FALSE;
    }
  return !is_listed (bare, not_names) && !is_listed (bare, rf_card_title_words)
         && !is_listed (bare, rf_card_company_words);
}

/* Names and titles are short: the line from @start, at most this long,
 * so that a page of commas costs no more than a page of words. */
#define SPAN_BYTES 160

static char *
span_after (const char *start)
{
  gsize length = 0;

  while (length < SPAN_BYTES && start[length] != '\0' && start[length] != '\n')
    length++;
  while (length > 0 && start[length] != '\0' && ((guchar) start[length] & 0xC0) == 0x80)
    length--;   /* not inside a character */
  return g_strndup (start, length);
}

/* Where a clause ends: the word after it starts a new one. */
static gboolean
ends_clause (const char *word)
{
  gsize length = strlen (word);

  return length > 0 && strchr (".!?:;,)", word[length - 1]) != NULL && !is_listed (word, rf_card_company_words);
}

/* The capitalised words just before @end in @text ("Glowbar Skincare" of
 * "… Glowbar Skincare (glowbar.co)"), within its line and clause. */
static char *
name_before (const char *text,
             const char *end)
{
  const char *line = end;
  g_autofree char *span = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  int n;
  int first;

  while (line > text && line[-1] != '\n' && end - line < SPAN_BYTES)
    line--;
  while (((guchar) *line & 0xC0) == 0x80 && line < end)
    line++;   /* not inside a character */
  span = g_strndup (line, end - line);
  words = rf_card_split_words (span);
  n = (int) g_strv_length (words);
  first = n;
  for (int i = n - 1; i >= 0 && n - i <= 5; i--)
    {
      if (i < n - 1 && ends_clause (words[i]))
        break;
      if (words[i][0] == '(' || words[i][0] == '"')
        break;
      if (!starts_upper (words[i]) && !is_listed (words[i], connectors))
        break;
      first = i;
    }
  while (first < n && (is_listed (words[first], connectors) || is_listed (words[first], not_names)))
    first++;
  for (int i = first; i < n; i++)
    {
      g_autofree char *bare = i == n - 1 ? bare_token (words[i]) : g_strdup (words[i]);

      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, bare);
    }
  if (name->len < 2)
    return NULL;
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* The capitalised words from @start up to the end of the clause. */
static char *
name_after (const char *start)
{
  g_autofree char *line = span_after (start);
  g_auto(GStrv) words = rf_card_split_words (line);
  g_autoptr(GString) name = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL && i < 5; i++)
    {
      g_autofree char *bare = bare_token (words[i]);

      if (!starts_upper (words[i]) && !(i > 0 && is_listed (words[i], connectors)))
        break;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, bare);
      if (ends_clause (words[i]))
        break;
    }
  if (name->len < 2)
    return NULL;
  return g_string_free (g_steal_pointer (&name), FALSE);
}

typedef struct
{
  const char *text;
  char      **tokens;
} Scan;

static void
find_email (Scan           *scan,
            RfTextContacts *contacts,
            char          **company_host)
{
  for (guint i = 0; scan->tokens[i] != NULL; i++)
    {
      g_autofree char *bare = NULL;
      g_autofree char *email = NULL;
      g_autofree char *local = NULL;
      gboolean repaired = FALSE;

      if (strchr (scan->tokens[i], '@') == NULL)
        continue;
      bare = bare_token (scan->tokens[i]);
      if (g_str_has_prefix (bare, "mailto:"))
        memmove (bare, bare + 7, strlen (bare + 7) + 1);
      email = rf_card_find_email (bare, &repaired);
      if (email == NULL || repaired)
        continue;
      if (*company_host == NULL)
        {
          g_autofree char *host = rf_card_host_of (email);

          if (!rf_card_is_free_mail (host) && !g_strv_contains (platform_hosts, host))
            *company_host = g_steal_pointer (&host);
        }
      /* info@, jobs@: the company's, not a person's. */
      local = g_ascii_strdown (email, strcspn (email, "@"));
      if (contacts->email == NULL && !g_strv_contains (rf_card_generic_locals, local))
        contacts->email = g_steal_pointer (&email);
    }
}

static gboolean
has_upper (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isupper (*p))
      return TRUE;
  return FALSE;
}

static void
find_website (Scan           *scan,
              RfTextContacts *contacts)
{
  for (guint i = 0; scan->tokens[i] != NULL && contacts->website == NULL; i++)
    {
      g_autofree char *bare = NULL;
      g_autofree char *url = NULL;
      g_autofree char *host = NULL;
      gboolean repaired = FALSE;

      if (strchr (scan->tokens[i], '@') != NULL || strchr (scan->tokens[i], '.') == NULL)
        continue;
      bare = bare_token (scan->tokens[i]);
      /* "ASP.NET", "Node.JS": a bare host is written in small letters. */
      if (!g_str_has_prefix (bare, "http") && !g_str_has_prefix (bare, "www.") && bare[0] != '\0'
          && has_upper (bare + 1))
        continue;
      url = rf_card_find_website (bare, &repaired);
      if (url == NULL || repaired)
        continue;
      host = rf_card_host_of (url);
      if (host == NULL || g_strv_contains (platform_hosts, host))
        continue;
      for (const char *dot = strchr (host, '.'); dot != NULL; dot = strchr (dot + 1, '.'))
        if (g_strv_contains (platform_hosts, dot + 1))
          goto next;   /* jobs.lever.co */
      contacts->website = g_steal_pointer (&url);
    next:
      ;
    }
}

static char *
company_from_labels (const char *text)
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
      if (g_str_has_prefix (line, "About ") && starts_upper (line + 6))
        {
          g_autofree char *value = g_strstrip (g_strdup (line + 6));
          gsize length = strlen (value);
          g_auto(GStrv) words = NULL;

          if (length > 0 && value[length - 1] == ':')
            value[length - 1] = '\0';
          words = rf_card_split_words (value);
          if (g_strv_length (words) >= 1 && g_strv_length (words) <= 4 && !is_listed (words[0], not_names))
            {
              gboolean capitalised = TRUE;

              for (guint k = 0; words[k] != NULL; k++)
                capitalised = capitalised && (starts_upper (words[k]) || is_listed (words[k], connectors));
              if (capitalised)
                return g_steal_pointer (&value);
            }
        }
    }
  return NULL;
}

static char *
company_from_phrases (const char *text)
{
  static const char * const phrases[] = {
    " is hiring", " are hiring", " is looking for", " are looking for", " is seeking", " is recruiting",
    " is searching for", " is growing", " sucht ", " recherche ", " recrute ", NULL,
  };

  for (guint i = 0; phrases[i] != NULL; i++)
    {
      for (const char *found = strstr (text, phrases[i]); found != NULL; found = strstr (found + 1, phrases[i]))
        {
          char *name = name_before (text, found);

          if (name != NULL)
            return name;
        }
    }
  return NULL;
}

/* "At Loomly we …", "Welcome to Oakline Studio", "this is Tom from
 * Redwood Dental": the capitalised words after an opening that names
 * the company. */
static char *
company_after_openings (const char     *text,
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
            g_autofree char *span = span_after (start);
            const char *from = strstr (span, " from ");

            if (from == NULL || from - span > 30 || memchr (span, '.', from - span) != NULL)
              continue;
            name = name_after (start + (from - span) + 6);
            /* The one who wrote: a name word or two before "from". */
            if (name != NULL && contacts->name == NULL)
              {
                g_autofree char *person = g_strndup (span, from - span);
                g_auto(GStrv) words = rf_card_split_words (person);
                guint n = g_strv_length (words);
                gboolean all_names = n >= 1 && n <= 2;

                for (guint k = 0; k < n; k++)
                  all_names = all_names && name_word (words[k]);
                if (all_names)
                  contacts->name = g_strjoinv (" ", words);
              }
          }
        else
          {
            name = name_after (start);
            if (name != NULL && openings[i].after != NULL
                && !g_str_has_prefix (start + strlen (name), openings[i].after))
              g_clear_pointer (&name, g_free);
          }
        if (name != NULL && !is_listed (name, not_names))
          return g_steal_pointer (&name);
      }
  return NULL;
}

/* "Oakline Studio" when the site is oaklinestudio.com: capitalised words
 * that spell the site's name. */
static char *
company_spelling_host (Scan       *scan,
                       const char *website)
{
  g_autofree char *host = rf_card_host_of (website);
  g_autofree char *core = rf_card_domain_core (host);

  if (core == NULL || *core == '\0')
    return NULL;
  for (guint i = 0; scan->tokens[i] != NULL; i++)
    {
      g_autoptr(GString) spelled = g_string_new (NULL);
      g_autoptr(GString) name = g_string_new (NULL);

      for (guint j = i; scan->tokens[j] != NULL && j < i + 4; j++)
        {
          g_autofree char *bare = bare_token (scan->tokens[j]);

          if (!starts_upper (bare) && !(j > i && is_listed (bare, connectors)))
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
              for (guint k = j + 1; !ends_clause (scan->tokens[k - 1]) && scan->tokens[k] != NULL && k <= j + 2; k++)
                {
                  g_autofree char *more = bare_token (scan->tokens[k]);

                  if (!starts_upper (more) || is_listed (more, not_names) || g_str_has_suffix (scan->tokens[k], ":"))
                    break;
                  g_string_append_printf (name, " %s", more);
                }
              return g_string_free (g_steal_pointer (&name), FALSE);
            }
          if (spelled->len >= strlen (core) || ends_clause (scan->tokens[j]))
            break;
        }
    }
  return NULL;
}

/* "Glowbar Skincare (glowbar.co)": the words before the site in brackets. */
static char *
company_before_website (const char *text,
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
        return name_before (text, before - 1);
    }
  return NULL;
}

/* "glowbar.co" to "Glowbar": better than no name at all. */
static char *
company_from_host (const char *website)
{
  g_autofree char *host = rf_card_host_of (website);
  g_autofree char *core = rf_card_domain_core (host);

  if (core == NULL || strlen (core) < 2)
    return NULL;
  core[0] = g_ascii_toupper (core[0]);
  return g_steal_pointer (&core);
}

/* After a name: ", Founder" or ", Head of Growth at Glowbar". */
static void
read_title (const char     *after_name,
            RfTextContacts *contacts)
{
  g_autofree char *segment = NULL;
  g_auto(GStrv) words = NULL;
  const char *at;
  gsize length;

  while (*after_name == ' ')
    after_name++;
  if (*after_name != ',' && *after_name != '-' && g_utf8_get_char (after_name) != 0x2013)
    return;
  after_name = g_utf8_next_char (after_name);
  segment = span_after (after_name);
  length = strcspn (segment, ",;|(");
  segment[length] = '\0';
  g_strstrip (segment);
  /* A sentence's full stop ends it too, but not "Inc." */
  if (g_str_has_suffix (segment, ".") && !is_listed (segment, rf_card_company_words))
    segment[strlen (segment) - 1] = '\0';
  /* "Founder at" cut off: the title alone. */
  if (g_str_has_suffix (segment, " at") || g_str_has_suffix (segment, " @"))
    segment[strlen (segment) - (g_str_has_suffix (segment, " @") ? 2 : 3)] = '\0';
  at = strstr (segment, " at ");
  if (at == NULL)
    at = strstr (segment, " @ ");
  if (at != NULL)
    {
      const char *company = at + (at[1] == '@' ? 3 : 4);

      if (contacts->company == NULL && *company != '\0')
        contacts->company = name_after (company);
      segment[at - segment] = '\0';
    }
  words = rf_card_split_words (segment);
  if (words[0] == NULL || g_strv_length (words) > 6 || rf_card_count_listed (words, rf_card_title_words) == 0)
    return;
  contacts->title = g_strdup (segment);
}

/* The first two or three name words from @start: "Maya Chen". */
static gboolean
read_name (const char  *start,
           char       **name,
           const char **end)
{
  g_autofree char *line = span_after (start);
  g_auto(GStrv) words = rf_card_split_words (line);
  g_autoptr(GString) result = g_string_new (NULL);
  guint n = 0;

  while (words[n] != NULL && n < 3 && name_word (words[n]))
    {
      g_autofree char *bare = bare_token (words[n]);

      if (result->len > 0)
        g_string_append_c (result, ' ');
      g_string_append (result, bare);
      n++;
      if (ends_clause (words[n - 1]))
        break;
    }
  if (n < 2)
    return FALSE;
  /* Where the name ends in @start, for the title after it. */
  *end = strstr (start, words[n - 1]) + strlen (words[n - 1]);
  if (ends_clause (words[n - 1]) && (*end)[-1] == ',')
    (*end)--;
  *name = g_string_free (g_steal_pointer (&result), FALSE);
  return TRUE;
}

static void
person_from_labels (const char     *text,
                    RfTextContacts *contacts)
{
  static const char * const labels[] = {
    "contact:", "contact person:", "hiring manager:", "recruiter:", "reach out to", "ask for",
    "ansprechpartner:", "ansprechpartnerin:", "kontakt:", NULL,
  };
  g_autofree char *lower = g_utf8_strdown (text, -1);

  /* Lower-casing keeps byte offsets for these scripts; skip if not. */
  if (strlen (lower) != strlen (text))
    return;
  for (guint i = 0; labels[i] != NULL && contacts->name == NULL; i++)
    for (const char *found = strstr (lower, labels[i]); found != NULL && contacts->name == NULL;
         found = strstr (found + 1, labels[i]))
      {
        const char *start = text + (found - lower) + strlen (labels[i]);
        const char *end = NULL;

        while (*start == ' ')
          start++;
        if (read_name (start, &contacts->name, &end))
          read_title (end, contacts);
      }
}

/* A name in the text that the email was made from: "maya@", "maya.chen@",
 * "mchen@", "chen@". */
static void
person_from_email (Scan           *scan,
                   RfTextContacts *contacts)
{
  g_autofree char *local = NULL;
  g_auto(GStrv) parts = NULL;

  if (contacts->email == NULL || contacts->name != NULL)
    return;
  local = g_ascii_strdown (contacts->email, strcspn (contacts->email, "@"));
  parts = g_strsplit_set (local, "._-+", -1);

  for (guint i = 0; scan->tokens[i] != NULL && scan->tokens[i + 1] != NULL; i++)
    {
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;
      g_autofree char *initial_last = NULL;
      g_autofree char *joined = NULL;
      const char *start;
      const char *end = NULL;

      if (!name_word (scan->tokens[i]) || !name_word (scan->tokens[i + 1]) || ends_clause (scan->tokens[i]))
        continue;
      first = bare_token (scan->tokens[i]);
      last = bare_token (scan->tokens[i + 1]);
      {
        g_autofree char *f = g_utf8_strdown (first, -1);
        g_autofree char *l = g_utf8_strdown (last, -1);

        initial_last = g_strdup_printf ("%c%s", f[0], l);
        joined = g_strconcat (f, l, NULL);
        if (!g_str_equal (parts[0], f) && !g_str_equal (local, initial_last) && !g_str_equal (local, joined)
            && !(parts[1] != NULL && g_str_equal (parts[1], l)) && !g_str_equal (local, l))
          continue;
      }
      /* Found: read it again from the text for the title after it. */
      start = strstr (scan->text, scan->tokens[i]);
      for (guint seen = 0; start != NULL && seen < 8 && !read_name (start, &contacts->name, &end); seen++)
        start = strstr (start + 1, scan->tokens[i]);
      if (contacts->name != NULL)
        read_title (end, contacts);
      return;
    }
}

/* "the owner, Priya Nair", "the CEO, Jordan Lee": a title, then a name. */
static void
person_after_title (Scan           *scan,
                    RfTextContacts *contacts)
{
  guint tries = 0;

  /* A few tries: each looks through the text, and a page of "CEO, Bob."
   * must not cost seconds. */
  for (guint i = 0; scan->tokens[i] != NULL && scan->tokens[i + 1] != NULL && contacts->name == NULL && tries < 8; i++)
    {
      g_autofree char *title = NULL;
      const char *start;
      const char *end = NULL;
      guint seen = 0;

      if (!g_str_has_suffix (scan->tokens[i], ",") || !is_listed (scan->tokens[i], rf_card_title_words)
          || !name_word (scan->tokens[i + 1]))
        continue;
      tries++;
      for (start = strstr (scan->text, scan->tokens[i]); start != NULL && seen++ < 8; start = strstr (start + 1, scan->tokens[i]))
        {
          const char *after = start + strlen (scan->tokens[i]);

          while (*after == ' ')
            after++;
          if (read_name (after, &contacts->name, &end))
            break;
        }
      if (contacts->name == NULL)
        continue;
      title = bare_token (scan->tokens[i]);
      if (g_ascii_islower (title[0]))
        title[0] = g_ascii_toupper (title[0]);
      contacts->title = g_steal_pointer (&title);
    }
}

/* LinkedIn's "Brightside Pet Supply · Denver, CO (On-site)" under a job's
 * title: the company before the first "·". */
static char *
company_before_dot (const char *text)
{
  static const char * const not_companies[] = {
    "full-time", "part-time", "contract", "temporary", "internship", "remote", "hybrid", "on-site",
    "mid-senior level", "entry level", "associate", "director", "executive", "volunteer", NULL,
  };
  g_auto(GStrv) lines = g_strsplit (text, "\n", 40);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *dot = strstr (lines[i], " \u00b7 ");
      g_autofree char *left = NULL;
      g_autofree char *lower = NULL;
      g_auto(GStrv) words = NULL;
      gboolean capitalised = TRUE;

      if (dot == NULL)
        continue;
      left = g_strstrip (g_strndup (lines[i], dot - lines[i]));
      lower = g_utf8_strdown (left, -1);
      words = rf_card_split_words (left);
      if (words[0] == NULL || g_strv_length (words) > 5 || g_strv_contains (not_companies, lower))
        continue;
      for (guint k = 0; words[k] != NULL; k++)
        capitalised = capitalised && (starts_upper (words[k]) || is_listed (words[k], connectors));
      if (capitalised && !is_listed (words[0], not_names))
        return g_steal_pointer (&left);
    }
  return NULL;
}

/* "Maya Chen, Founder": a name followed by a title, anywhere. */
static void
person_from_signature (const char     *text,
                       RfTextContacts *contacts)
{
  for (const char *comma = strchr (text, ','); comma != NULL && contacts->name == NULL; comma = strchr (comma + 1, ','))
    {
      const char *start = comma;
      g_autofree char *name = NULL;
      const char *end = NULL;
      guint spaces = 0;

      /* Back over two or three words. */
      while (start > text && start[-1] != '\n' && spaces < 3)
        {
          start--;
          if (*start == ' ')
            spaces++;
          if (strchr (".;:!?(", *start) != NULL)
            {
              start++;
              break;
            }
        }
      while (*start == ' ')
        start++;
      for (; start < comma && contacts->name == NULL; start = strchr (start, ' ') != NULL ? strchr (start, ' ') + 1 : comma)
        {
          if (!read_name (start, &name, &end) || end != comma)
            {
              g_clear_pointer (&name, g_free);
              continue;
            }
          read_title (end, contacts);
          if (contacts->title != NULL)
            contacts->name = g_steal_pointer (&name);
          g_clear_pointer (&name, g_free);
        }
    }
}

static void
find_phone (const char     *text,
            RfTextContacts *contacts)
{
  static const char * const labels[] = {
    "phone", "tel", "call", "mobile", "cell", "whatsapp", "telefon", "mobil", "téléphone", NULL,
  };
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *host = contacts->website != NULL ? rf_card_host_of (contacts->website) : NULL;
  const char *region = host != NULL ? rf_card_region_for_host (host) : NULL;

  for (guint i = 0; lines[i] != NULL && contacts->phone == NULL; i++)
    {
      g_autoptr(GPtrArray) matches = NULL;
      gboolean labelled = rf_card_contains_phrase (lines[i], labels);

      if (!labelled && strchr (lines[i], '+') == NULL)
        continue;
      matches = rf_card_find_phones (lines[i]);
      for (guint j = 0; j < matches->len && contacts->phone == NULL; j++)
        {
          RfCardPhoneMatch *match = g_ptr_array_index (matches, j);
          guint digits = 0;

          for (const char *p = match->digits; *p != '\0'; p++)
            digits += g_ascii_isdigit (*p) ? 1 : 0;
          if (digits < 7 || (!labelled && match->printed[0] != '+'))
            continue;
          contacts->phone = rf_card_phone_to_e164 (match, region);
          if (contacts->phone == NULL)
            contacts->phone = g_strdup (match->printed);
        }
    }
}

RfTextContacts *
rf_text_contacts_find (const char *text)
{
  RfTextContacts *contacts = g_new0 (RfTextContacts, 1);
  g_autofree char *valid = NULL;
  g_autofree char *company_host = NULL;
  gsize length;
  Scan scan;

  g_return_val_if_fail (text != NULL, contacts);

  length = strlen (text);
  if (length > HEAD_BYTES + TAIL_BYTES)
    {
      g_autofree char *joined = g_strdup_printf ("%.*s\n%s", HEAD_BYTES, text, text + length - TAIL_BYTES);
      valid = g_utf8_make_valid (joined, -1);
    }
  else
    valid = g_utf8_make_valid (text, length);
  /* Tabs and no-break spaces split words as spaces do. */
  g_strdelimit (valid, "\t\r", ' ');

  scan.text = valid;
  {
    g_autofree char *flat = g_strdup (valid);

    g_strdelimit (flat, "\n", ' ');
    scan.tokens = rf_card_split_words (flat);
  }

  find_email (&scan, contacts, &company_host);
  find_website (&scan, contacts);
  if (contacts->website == NULL && company_host != NULL)
    contacts->website = g_strconcat ("https://", company_host, NULL);

  person_from_labels (valid, contacts);
  person_from_email (&scan, contacts);
  person_from_signature (valid, contacts);
  person_after_title (&scan, contacts);

  if (contacts->company == NULL)
    contacts->company = company_from_labels (valid);
  if (contacts->company == NULL && contacts->website != NULL)
    contacts->company = company_before_website (valid, contacts->website);
  if (contacts->company == NULL)
    contacts->company = company_before_dot (valid);
  if (contacts->company == NULL)
    contacts->company = company_from_phrases (valid);
  if (contacts->company == NULL && contacts->website != NULL)
    contacts->company = company_spelling_host (&scan, contacts->website);
  if (contacts->company == NULL)
    contacts->company = company_after_openings (valid, contacts);
  if (contacts->company == NULL && contacts->website != NULL)
    contacts->company = company_from_host (contacts->website);

  find_phone (valid, contacts);
  g_strfreev (scan.tokens);
  return contacts;
}
