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
 * The card parser's word lists and finders are shared. Here: the words,
 * the address, site and phone, and the order of the finders; the company's
 * finders are in rf-text-company.c, the person's in rf-text-people.c.
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <string.h>

#include "rf-text-contacts-private.h"

/* Contacts are near the top or in a signature; a pasted 1 MB page must not
 * cost seconds, so only its start and end are read. */
#define HEAD_BYTES (48 * 1024)
#define TAIL_BYTES (16 * 1024)

/* Hosts that are not the company's own: job boards, social networks and
 * link shorteners a copied post carries. */
const char * const rf_text_platform_hosts[] = {
  "linkedin.com", "indeed.com", "glassdoor.com", "twitter.com", "x.com", "facebook.com",
  "instagram.com", "youtube.com", "tiktok.com", "google.com", "goo.gl", "bit.ly", "t.co",
  "medium.com", "github.com", "wellfound.com", "angel.co", "ycombinator.com", "lever.co",
  "greenhouse.io", "workable.com", "stepstone.de", "xing.com", "monster.com", "ziprecruiter.com",
  "upwork.com", "fiverr.com", "notion.so", "calendly.com", "wa.me", NULL,
};

/* Words that start a sentence in capitals but never name a company or a
 * person. */
const char * const rf_text_not_names[] = {
  "we", "our", "us", "they", "their", "it", "its", "you", "your", "he", "she", "i", "this", "that",
  "these", "those", "who", "everyone", "everybody", "join", "about", "at", "hi", "hello", "dear",
  "thanks", "regards", "best", "contact", "email", "phone", "website", "apply", "remote", "hiring",
  /* Verbs a note starts with: "Met Sarah Lee at …", "Called Tom Baker". */
  "met", "meet", "called", "call", "spoke", "talked", "emailed", "ask", "asked", "visited", "saw",
  NULL,
};

const char * const rf_text_connectors[] = { "&", "and", "of", "+", "de", "la", "the", "und", NULL };

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

gboolean
rf_text_is_listed (const char         *word,
           const char * const *list)
{
  g_autofree char *with_dot = rf_card_bare_word (word, TRUE);
  g_autofree char *without = rf_card_bare_word (word, FALSE);

  return g_strv_contains (list, with_dot) || g_strv_contains (list, without);
}

/* "(glowbar.co)," to "glowbar.co". */
char *
rf_text_bare_token (const char *token)
{
  gsize start = 0;
  gsize end = strlen (token);

  while (start < end && strchr ("([{<\"'", token[start]) != NULL)
    start++;
  while (end > start && strchr (")]}>\"'.,;:!?", token[end - 1]) != NULL)
    end--;
  return g_strndup (token + start, end - start);
}

gboolean
rf_text_starts_upper (const char *word)
{
  gunichar c = g_utf8_get_char (word);

  return g_unichar_isupper (c) || g_unichar_istitle (c) || g_unichar_isdigit (c);
}

/* A word of a person's name: "Maya", "O'Neil", "Smith-Jones". */
gboolean
rf_text_name_word (const char *word)
{
  g_autofree char *bare = rf_text_bare_token (word);
  glong length = g_utf8_strlen (bare, -1);

  if (length < 2 || length > 24 || !g_unichar_isupper (g_utf8_get_char (bare)))
    return FALSE;
  for (const char *p = bare; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c) && c != '-' && c != '\'' && c != 0x2019)
        return FALSE;
    }
  return !rf_text_is_listed (bare, rf_text_not_names) && !rf_text_is_listed (bare, rf_card_title_words)
         && !rf_text_is_listed (bare, rf_card_company_words);
}

/* The line from @start, at most SPAN_BYTES long. */
char *
rf_text_span_after (const char *start)
{
  gsize length = 0;

  while (length < SPAN_BYTES && start[length] != '\0' && start[length] != '\n')
    length++;
  while (length > 0 && start[length] != '\0' && ((guchar) start[length] & 0xC0) == 0x80)
    length--;   /* not inside a character */
  return g_strndup (start, length);
}

/* Where a clause ends: the word after it starts a new one. */
gboolean
rf_text_ends_clause (const char *word)
{
  gsize length = strlen (word);

  if (length == 0 || strchr (".!?:;,)", word[length - 1]) == NULL)
    return FALSE;
  /* The dot of "Inc." or "Co." is the word's own; a comma after "GmbH" is not. */
  return word[length - 1] != '.' || !rf_text_is_listed (word, rf_card_company_words);
}

/* The capitalised words just before @end in @text ("Glowbar Skincare" of
 * "… Glowbar Skincare (glowbar.co)"), within its line and clause. */
char *
rf_text_name_before (const char *text,
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
      if (i < n - 1 && rf_text_ends_clause (words[i]))
        break;
      if (words[i][0] == '(' || words[i][0] == '"')
        break;
      if (!rf_text_starts_upper (words[i]) && !rf_text_is_listed (words[i], rf_text_connectors))
        break;
      first = i;
    }
  while (first < n && (rf_text_is_listed (words[first], rf_text_connectors) || rf_text_is_listed (words[first], rf_text_not_names)))
    first++;
  for (int i = first; i < n; i++)
    {
      g_autofree char *bare = i == n - 1 ? rf_text_bare_token (words[i]) : g_strdup (words[i]);

      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, bare);
    }
  if (name->len < 2)
    return NULL;
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* The capitalised words from @start up to the end of the clause. */
char *
rf_text_name_after (const char *start)
{
  g_autofree char *line = rf_text_span_after (start);
  g_auto(GStrv) words = rf_card_split_words (line);
  g_autoptr(GString) name = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL && i < 5; i++)
    {
      g_autofree char *bare = rf_text_bare_token (words[i]);

      if (!rf_text_starts_upper (words[i]) && !(i > 0 && rf_text_is_listed (words[i], rf_text_connectors)))
        break;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, bare);
      if (rf_text_ends_clause (words[i]))
        break;
    }
  if (name->len < 2)
    return NULL;
  return g_string_free (g_steal_pointer (&name), FALSE);
}

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
      bare = rf_text_bare_token (scan->tokens[i]);
      if (g_str_has_prefix (bare, "mailto:"))
        memmove (bare, bare + 7, strlen (bare + 7) + 1);
      email = rf_card_find_email (bare, &repaired);
      if (email == NULL || repaired)
        continue;
      if (*company_host == NULL)
        {
          g_autofree char *host = rf_card_host_of (email);

          if (!rf_card_is_free_mail (host) && !g_strv_contains (rf_text_platform_hosts, host))
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
      bare = rf_text_bare_token (scan->tokens[i]);
      /* "ASP.NET", "Node.JS": a bare host is written in small letters. */
      if (!g_str_has_prefix (bare, "http") && !g_str_has_prefix (bare, "www.") && bare[0] != '\0'
          && has_upper (bare + 1))
        continue;
      url = rf_card_find_website (bare, &repaired);
      if (url == NULL || repaired)
        continue;
      host = rf_card_host_of (url);
      if (host == NULL || g_strv_contains (rf_text_platform_hosts, host))
        continue;
      for (const char *dot = strchr (host, '.'); dot != NULL; dot = strchr (dot + 1, '.'))
        if (g_strv_contains (rf_text_platform_hosts, dot + 1))
          goto next;   /* jobs.lever.co */
      contacts->website = g_steal_pointer (&url);
    next:
      ;
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

  rf_text_person_from_labels (valid, contacts);
  rf_text_person_from_email (&scan, contacts);
  rf_text_person_from_signature (valid, contacts);
  rf_text_person_after_title (&scan, contacts);

  if (contacts->company == NULL)
    contacts->company = rf_text_company_from_labels (valid);
  if (contacts->company == NULL && contacts->website != NULL)
    contacts->company = rf_text_company_before_website (valid, contacts->website);
  if (contacts->company == NULL)
    contacts->company = rf_text_company_before_dot (valid);
  if (contacts->company == NULL)
    contacts->company = rf_text_company_from_phrases (valid);
  if (contacts->company == NULL && contacts->website != NULL)
    contacts->company = rf_text_company_spelling_host (&scan, contacts->website);
  if (contacts->company == NULL)
    contacts->company = rf_text_company_after_openings (valid, contacts);
  if (contacts->company == NULL && contacts->website != NULL)
    contacts->company = rf_text_company_from_host (contacts->website);

  find_phone (valid, contacts);
  g_strfreev (scan.tokens);
  return contacts;
}
