/* rf-text-people.c: the person a pasted text names, and their title
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <string.h>

#include "rf-text-contacts-private.h"

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
  /* "Sarah Lee (COO, Pinecrest Outdoor)": a title in brackets, maybe the company. */
  if (*after_name == '(')
    {
      g_autofree char *inside = g_strndup (after_name + 1, strcspn (after_name + 1, ")\n"));
      char *comma = strchr (inside, ',');

      if (comma != NULL)
        *comma = '\0';
      g_strstrip (inside);
      words = rf_card_split_words (inside);
      if (words[0] == NULL || g_strv_length (words) > 6 || rf_card_count_listed (words, rf_card_title_words) == 0)
        return;
      contacts->title = g_strdup (inside);
      if (comma != NULL && contacts->company == NULL)
        contacts->company = rf_text_name_after (comma + 1);
      return;
    }
  if (*after_name != ',' && *after_name != '-' && g_utf8_get_char (after_name) != 0x2013)
    return;
  after_name = g_utf8_next_char (after_name);
  segment = rf_text_span_after (after_name);
  length = strcspn (segment, ",;|(");
  segment[length] = '\0';
  g_strstrip (segment);
  /* A sentence's full stop ends it too, but not "Inc." */
  if (g_str_has_suffix (segment, ".") && !rf_text_is_listed (segment, rf_card_company_words))
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
        contacts->company = rf_text_name_after (company);
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
  g_autofree char *line = rf_text_span_after (start);
  g_auto(GStrv) words = rf_card_split_words (line);
  g_autoptr(GString) result = g_string_new (NULL);
  guint n = 0;

  while (words[n] != NULL && n < 3 && rf_text_name_word (words[n]))
    {
      g_autofree char *bare = rf_text_bare_token (words[n]);

      if (result->len > 0)
        g_string_append_c (result, ' ');
      g_string_append (result, bare);
      n++;
      if (rf_text_ends_clause (words[n - 1]))
        break;
    }
  if (n < 2)
    return FALSE;
  /* Where the name ends in @start, for the title after it. */
  *end = strstr (start, words[n - 1]) + strlen (words[n - 1]);
  if (rf_text_ends_clause (words[n - 1]) && (*end)[-1] == ',')
    (*end)--;
  *name = g_string_free (g_steal_pointer (&result), FALSE);
  return TRUE;
}

void
rf_text_person_from_labels (const char     *text,
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
void
rf_text_person_from_email (Scan           *scan,
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

      if (!rf_text_name_word (scan->tokens[i]) || !rf_text_name_word (scan->tokens[i + 1]) || rf_text_ends_clause (scan->tokens[i]))
        continue;
      first = rf_text_bare_token (scan->tokens[i]);
      last = rf_text_bare_token (scan->tokens[i + 1]);
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
void
rf_text_person_after_title (Scan           *scan,
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

      if (!g_str_has_suffix (scan->tokens[i], ",") || !rf_text_is_listed (scan->tokens[i], rf_card_title_words)
          || !rf_text_name_word (scan->tokens[i + 1]))
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
      title = rf_text_bare_token (scan->tokens[i]);
      if (g_ascii_islower (title[0]))
        title[0] = g_ascii_toupper (title[0]);
      contacts->title = g_steal_pointer (&title);
    }
}

/* "Maya Chen, Founder" or "Sarah Lee (COO, Pinecrest)": a name followed by
 * a title, anywhere. */
void
rf_text_person_from_signature (const char     *text,
                       RfTextContacts *contacts)
{
  for (const char *mark = strpbrk (text, ",("); mark != NULL && contacts->name == NULL; mark = strpbrk (mark + 1, ",("))
    {
      const char *start = mark;
      const char *name_end = mark;
      g_autofree char *name = NULL;
      const char *end = NULL;
      guint spaces = 0;

      /* A bracket may follow the name after a space. */
      while (*mark == '(' && name_end > text && name_end[-1] == ' ')
        name_end--;
      /* Back over two or three words. */
      while (start > text && start[-1] != '\n' && spaces < 3)
        {
          start--;
          if (*start == ' ' && start < name_end)
            spaces++;
          if (strchr (".;:!?(", *start) != NULL && start != mark)
            {
              start++;
              break;
            }
        }
      while (*start == ' ')
        start++;
      for (; start < name_end && contacts->name == NULL; start = strchr (start, ' ') != NULL ? strchr (start, ' ') + 1 : name_end)
        {
          if (!read_name (start, &name, &end) || end != name_end)
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
