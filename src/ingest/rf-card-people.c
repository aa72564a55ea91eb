/* rf-card-people.c: which lines are the name, the title and the company
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lines left after emails, websites, phones and the address are scored
 * for each of name, title and company by case, words and position, and by
 * how well they agree with the email: "avery.smith@contoso.com" makes
 * "Avery Smith" the name and "Contoso" the company. The best scores are
 * taken first. The email and the website are checked against each other.
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <string.h>

#include "rf-card-parser-private.h"

typedef struct
{
  char  *local;       /* the email's local part, lower case, or NULL */
  char  *core;        /* "contoso" of the email or website, or NULL */
} Evidence;

/* How well @words spell the email's local part: "avery.smith",
 * "asmith", "avery". 0-1. */
static double
local_part_match (char       **words,
                  const char  *local)
{
  guint matched = 0;
  guint n = 0;

  if (local == NULL)
    return 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = rf_card_bare_word (words[i], FALSE);
      g_autofree char *ascii = g_str_to_ascii (word, NULL);

      if (g_strv_contains (rf_card_honorifics, word) || strlen (ascii) < 2)
        continue;
      n++;
      if (strstr (local, ascii) != NULL)
        matched++;
      else if (i == 0 && local[0] == ascii[0] && words[1] != NULL)
        {
          /* "asmith": an initial and the surname. */
          g_autofree char *next = rf_card_bare_word (words[i + 1], FALSE);
          g_autofree char *next_ascii = g_str_to_ascii (next, NULL);

          if (strlen (next_ascii) >= 2 && strstr (local + 1, next_ascii) == local + 1)
            matched++;
        }
    }
  return n > 0 ? (double)matched / n : 0;
}

static gboolean
core_matches (const char *text,
              const char *core)
{
  g_autofree char *lower = NULL;
  g_autoptr(GString) squeezed = g_string_new (NULL);

  g_autoptr(GString) bare_core = g_string_new (NULL);

  if (core == NULL)
    return FALSE;
  for (const char *p = core; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (bare_core, *p);
  if (bare_core->len < 3)
    return FALSE;
  lower = g_utf8_strdown (text, -1);
  for (const char *p = lower; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (squeezed, *p);
  if (strstr (squeezed->str, bare_core->str) != NULL)
    return TRUE;
  /* OCR slips in either: "contoss" for "contoso". */
  return bare_core->len >= 5 && squeezed->len <= bare_core->len + 1
         && rf_card_edit_distance (squeezed->str, bare_core->str) <= 1;
}

static double
name_score (const RfCardLine     *line,
            char          **words,
            const Evidence *evidence)
{
  guint n = g_strv_length (words);
  guint real = 0;
  gboolean honorific = FALSE;
  double score = 0.45;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *word = rf_card_bare_word (words[i], FALSE);
      gunichar first = g_utf8_get_char (words[i]);

      if (g_strv_contains (rf_card_honorifics, word))
        {
          honorific = TRUE;
          continue;
        }
      /* Name words: letters, "-", "'" and a final "." for initials. */
      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (!g_unichar_isalpha (c) && c != '-' && c != '\'' && c != 0x2019 && !(c == '.' && p[1] == '\0')
              && !(c == ',' && p[1] == '\0'))
            return 0;
        }
      if (!g_unichar_isupper (first))
        return 0;
      real++;
    }
  if (real < 2 || real > 4)
    return 0;
  if (rf_card_count_listed (words, rf_card_title_words) > 0 || rf_card_count_listed (words, rf_card_company_words) > 0)
    score -= 0.35;
  score += 0.4 * local_part_match (words, evidence->local);
  if (core_matches (line->text, evidence->core))
    score -= 0.4;
  if (line->index < 3)
    score += 0.1;
  if (honorific)
    score += 0.05;
  return score;
}

static double
title_score (const RfCardLine  *line,
             char       **words)
{
  guint n = g_strv_length (words);
  guint listed = rf_card_count_listed (words, rf_card_title_words);
  guint upper;
  guint digits;

  rf_card_count_letters (line->text, &upper, &digits);
  if (listed == 0 || digits > 0 || n > 8)
    return 0;
  return MIN (0.95, 0.55 + 0.15 * listed);
}

static double
company_score (const RfCardLine     *line,
               char          **words,
               const Evidence *evidence)
{
  guint n = g_strv_length (words);
  guint upper;
  guint digits;
  guint letters = rf_card_count_letters (line->text, &upper, &digits);
  double score = 0.1;

  if (n > 6 || letters < 2)
    return 0;
  if (rf_card_count_listed (words, rf_card_company_words) > 0)
    score += 0.5;
  if (core_matches (line->text, evidence->core))
    score += 0.7;
  if (upper == letters && n <= 3)
    score += 0.15;
  if (rf_card_count_listed (words, rf_card_title_words) > 0)
    score -= 0.3;
  if (line->index < 2)
    score += 0.05;
  return score;
}

/* Stray marks read as words: "ee", "wren", "|". */
static gboolean
is_noise (const char *text)
{
  guint upper;
  guint digits;
  guint letters = rf_card_count_letters (text, &upper, &digits);
  glong length = g_utf8_strlen (text, -1);
  g_auto(GStrv) words = rf_card_split_words (text);

  if (letters < 2 || letters * 2 < (guint)length)
    return TRUE;
  /* What is left of an email or a web address OCR broke beyond repair. */
  if (strstr (text, ":/") != NULL || strstr (text, "//") != NULL || strchr (text, '@') != NULL
      || g_ascii_strncasecmp (text, "www", 3) == 0 || strstr (text, "ttp") != NULL)
    return TRUE;
  return g_strv_length (words) == 1 && upper == 0 && letters <= 5;
}

typedef struct
{
  RfCardField  field;
  guint        line;
  double       score;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  return ca->score < cb->score ? 1 : ca->score > cb->score ? -1 : (int)ca->line - (int)cb->line;
}

static char *
name_from_local (const char *local)
{
  g_auto(GStrv) parts = g_strsplit_set (local, "._-", -1);
  GString *name;

  if (g_strv_length (parts) != 2 || strlen (parts[0]) < 2 || strlen (parts[1]) < 2 || g_strv_contains (rf_card_generic_locals, parts[0]))
    return NULL;
  for (guint i = 0; parts[i] != NULL; i++)
    for (const char *p = parts[i]; *p != '\0'; p++)
      if (!g_ascii_isalpha (*p))
        return NULL;
  name = g_string_new (NULL);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (name, ' ');
      g_string_append_c (name, g_ascii_toupper (parts[i][0]));
      g_string_append (name, parts[i] + 1);
    }
  return g_string_free (name, FALSE);
}

/* Email against website: one domain, read twice. Where OCR broke one of
 * them ("contoss.com" beside "contoso.com"), the reading that agrees with
 * the company line, or the website, wins. */
void
rf_card_cross_check_domains (RfCardFields *fields,
                     GPtrArray    *lines)
{
  RfCardValue *email = &fields->values[RF_CARD_FIELD_EMAIL];
  RfCardValue *website = &fields->values[RF_CARD_FIELD_WEBSITE];
  g_autofree char *email_host = rf_card_host_of (email->value);
  g_autofree char *web_host = rf_card_host_of (website->value);

  if (email_host == NULL || web_host == NULL || strchr (email_host, '.') == NULL || strchr (web_host, '.') == NULL)
    return;
  if (g_str_equal (email_host, web_host))
    {
      rf_card_adjust_confidence (fields, RF_CARD_FIELD_EMAIL, 0.1);
      rf_card_adjust_confidence (fields, RF_CARD_FIELD_WEBSITE, 0.1);
      return;
    }
  if (rf_card_edit_distance (email_host, web_host) <= 2 && !rf_card_is_free_mail (email_host))
    {
      g_autofree char *email_core = rf_card_domain_core (email_host);
      g_autofree char *web_core = rf_card_domain_core (web_host);
      gboolean email_agrees = FALSE;
      gboolean web_agrees = FALSE;

      for (guint i = 0; i < lines->len; i++)
        {
          RfCardLine *line = g_ptr_array_index (lines, i);
          g_autofree char *lower = NULL;

          if (line->kind != RF_CARD_LINE_FREE)
            continue;
          lower = g_utf8_strdown (line->text, -1);
          email_agrees |= strstr (lower, email_core) != NULL;
          web_agrees |= strstr (lower, web_core) != NULL;
        }
      if (email_agrees && !web_agrees)
        {
          char *at_www = strstr (website->value, web_host);
          g_autofree char *fixed = g_strdup_printf ("%.*s%s%s", (int)(at_www - website->value), website->value,
                                                    email_host, at_www + strlen (web_host));

          rf_card_set_value (fields, RF_CARD_FIELD_WEBSITE, g_steal_pointer (&fixed), 0.55);
        }
      else
        {
          char *at = strchr (email->value, '@');
          g_autofree char *fixed = g_strdup_printf ("%.*s@%s", (int)(at - email->value), email->value, web_host);

          rf_card_set_value (fields, RF_CARD_FIELD_EMAIL, g_steal_pointer (&fixed), 0.65);
        }
    }
}

static gboolean
is_stray_word (const char *word)
{
  static const char * const particles[] = { "de", "da", "di", "du", "la", "le", "van", "von", "der", "den", "of", "and", "y", "e", NULL };
  guint upper;
  guint digits;
  guint letters = rf_card_count_letters (word, &upper, &digits);

  return strlen (word) <= 3 && upper == 0 && !g_strv_contains (particles, word) && (letters > 0 || digits == 0);
}

/* "bie Chris Smith": OCR's reading of a mark beside the line. */
static void
trim_stray_words (RfCardLine *line)
{
  g_auto(GStrv) words = NULL;
  guint n;
  guint first = 0;
  guint last;
  gsize length = strlen (line->text);
  gsize start = 0;

  /* "~CONTOSO", "| Senior Researcher": marks at the ends (ASCII, so
   * bytes are characters here). */
  while (start < length && line->text[start] != '\0' && strchr ("~|_=-*:;,.'`^", line->text[start]) != NULL)
    start++;
  while (length > start && strchr ("~|_=-*:;,'`^", line->text[length - 1]) != NULL)
    length--;
  if (start > 0 || length < strlen (line->text))
    {
      char *trimmed = g_strstrip (g_strndup (line->text + start, length - start));

      g_free (line->text);
      line->text = trimmed;
    }

  words = rf_card_split_words (line->text);
  n = g_strv_length (words);
  last = n;
  if (n < 3)
    return;
  if (is_stray_word (words[0]))
    first++;
  if (last - first >= 3 && is_stray_word (words[last - 1]))
    last--;
  if (first == 0 && last == n)
    return;
  g_free (line->text);
  words[last] = (g_free (words[last]), NULL);
  line->text = g_strjoinv (" ", words + first);
  for (guint i = last + 1; i < n; i++)
    g_clear_pointer (&words[i], g_free);
}

/* Letters OCR takes for one another in small print, each group alike. */
static gboolean
look_alike (char a,
            char b)
{
  static const char * const groups[] = { "il1j", "o0", NULL };

  for (guint g = 0; groups[g] != NULL; g++)
    if (strchr (groups[g], a) != NULL && strchr (groups[g], b) != NULL)
      return TRUE;
  return FALSE;
}

/* "imartin@" beside "Liam Martin": the local part is one look-alike letter
 * away from a usual spelling of the name on the card (first.last, flast,
 * firstlast, f.last, first, last), so the card's name decides it. */
static void
repair_local_from_name (RfCardFields *fields)
{
  const char *name = fields->values[RF_CARD_FIELD_NAME].value;
  const char *email = fields->values[RF_CARD_FIELD_EMAIL].value;
  g_auto(GStrv) words = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  const char *at;
  gsize local_length;

  if (name == NULL || email == NULL || (at = strchr (email, '@')) == NULL || !g_str_is_ascii (name))
    return;
  words = rf_card_split_words (name);
  if (g_strv_length (words) != 2)
    return;
  first = rf_card_bare_word (words[0], FALSE);
  last = rf_card_bare_word (words[1], FALSE);
  local_length = at - email;
  {
    char *forms[] = {
      g_strdup_printf ("%s.%s", first, last), g_strdup_printf ("%c%s", first[0], last),
      g_strdup_printf ("%s%s", first, last), g_strdup_printf ("%c.%s", first[0], last),
      g_strdup (first), g_strdup (last), NULL,
    };

    for (guint f = 0; forms[f] != NULL; f++)
      {
        guint slips = 0;
        gboolean alike = TRUE;

        if (strlen (forms[f]) != local_length || *first == '\0' || *last == '\0')
          continue;
        for (gsize i = 0; i < local_length && alike; i++)
          if (forms[f][i] != g_ascii_tolower (email[i]))
            {
              slips++;
              alike = look_alike (forms[f][i], g_ascii_tolower (email[i]));
            }
        if (alike && slips == 1)
          {
            g_autofree char *fixed = g_strconcat (forms[f], at, NULL);

            rf_card_set_value (fields, RF_CARD_FIELD_EMAIL, g_steal_pointer (&fixed),
                               MIN (fields->values[RF_CARD_FIELD_EMAIL].confidence, 0.7));
            break;
          }
      }
    for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
      g_free (forms[f]);
  }
}

void
rf_card_assign_people (RfCardFields *fields,
               GPtrArray    *lines)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree char *email_host = rf_card_host_of (fields->values[RF_CARD_FIELD_EMAIL].value);
  g_autofree char *web_host = rf_card_host_of (fields->values[RF_CARD_FIELD_WEBSITE].value);
  g_autofree gboolean *taken = g_new0 (gboolean, lines->len + 1);
  Evidence evidence = { NULL, NULL };
  const char *email = fields->values[RF_CARD_FIELD_EMAIL].value;

  if (email != NULL)
    evidence.local = g_strndup (email, strchr (email, '@') - email);
  if (web_host != NULL)
    evidence.core = rf_card_domain_core (web_host);
  else if (email_host != NULL && !rf_card_is_free_mail (email_host))
    evidence.core = rf_card_domain_core (email_host);

  for (guint i = 0; i < lines->len; i++)
    {
      RfCardLine *line = g_ptr_array_index (lines, i);
      g_auto(GStrv) words = NULL;
      Candidate candidate;

      if (line->kind != RF_CARD_LINE_FREE)
        continue;
      trim_stray_words (line);
      words = rf_card_split_words (line->text);
      if (rf_card_count_listed (words, rf_card_department_words) > 0)
        {
          line->kind = RF_CARD_LINE_DEPARTMENT;
          if (fields->department == NULL)
            fields->department = g_strdup (line->text);
          continue;
        }
      if (is_noise (line->text))
        {
          line->kind = RF_CARD_LINE_NOISE;
          continue;
        }
      candidate.line = i;
      candidate.field = RF_CARD_FIELD_NAME;
      candidate.score = name_score (line, words, &evidence);
      g_array_append_val (candidates, candidate);
      candidate.field = RF_CARD_FIELD_TITLE;
      candidate.score = title_score (line, words);
      g_array_append_val (candidates, candidate);
      candidate.field = RF_CARD_FIELD_COMPANY;
      candidate.score = company_score (line, words, &evidence);
      g_array_append_val (candidates, candidate);
    }

  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);
      RfCardLine *line = g_ptr_array_index (lines, candidate->line);
      g_auto(GStrv) words = NULL;
      GString *value;

      if (candidate->score < 0.3 || taken[candidate->line] || fields->values[candidate->field].value != NULL)
        continue;
      taken[candidate->line] = TRUE;
      if (candidate->field != RF_CARD_FIELD_NAME)
        {
          rf_card_set_value (fields, candidate->field, g_strdup (line->text), MIN (0.95, candidate->score));
          continue;
        }

      /* The honorific apart, the post-nominals dropped. */
      words = rf_card_split_words (line->text);
      value = g_string_new (NULL);
      for (guint w = 0; words[w] != NULL; w++)
        {
          g_autofree char *bare = rf_card_bare_word (words[w], FALSE);

          if (w == 0 && g_strv_contains (rf_card_honorifics, bare) && words[1] != NULL)
            {
              fields->honorific = g_strdup (words[w]);
              continue;
            }
          if (value->len > 0)
            g_string_append_c (value, ' ');
          g_string_append (value, words[w]);
        }
      while (value->len > 0 && value->str[value->len - 1] == ',')
        g_string_truncate (value, value->len - 1);
      rf_card_set_value (fields, RF_CARD_FIELD_NAME, rf_card_tidy_case (value->str), MIN (0.95, candidate->score + 0.1));
      g_string_free (value, TRUE);
    }

  repair_local_from_name (fields);

  /* What the email says when the card did not. */
  if (fields->values[RF_CARD_FIELD_NAME].value == NULL && evidence.local != NULL)
    {
      char *name = name_from_local (evidence.local);

      if (name != NULL)
        rf_card_set_value (fields, RF_CARD_FIELD_NAME, name, 0.45);
    }
  if (fields->values[RF_CARD_FIELD_COMPANY].value == NULL && evidence.core != NULL && strlen (evidence.core) >= 2)
    {
      char *company = g_strdup (evidence.core);

      company[0] = g_ascii_toupper (company[0]);
      rf_card_set_value (fields, RF_CARD_FIELD_COMPANY, company, 0.4);
    }
  else if (fields->values[RF_CARD_FIELD_COMPANY].value != NULL
           && core_matches (fields->values[RF_CARD_FIELD_COMPANY].value, evidence.core))
    rf_card_adjust_confidence (fields, RF_CARD_FIELD_COMPANY, 0.05);

  g_free (evidence.local);
  g_free (evidence.core);
}
