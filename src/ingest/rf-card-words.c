/* rf-card-words.c: the words cards are made of, and small helpers on them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <string.h>

#include "rf-card-parser-private.h"

const char * const rf_card_title_words[] = {
  "ceo", "cto", "cfo", "coo", "cmo", "cio", "cso", "vp", "svp", "evp", "founder", "co-founder", "cofounder",
  "owner", "president", "director", "manager", "engineer", "researcher", "scientist", "developer",
  "designer", "architect", "analyst", "consultant", "advisor", "adviser", "officer", "head", "lead",
  "chief", "senior", "junior", "principal", "partner", "associate", "assistant", "specialist",
  "coordinator", "executive", "representative", "agent", "attorney", "lawyer", "accountant",
  "professor", "lecturer", "editor", "producer", "strategist", "sales", "marketing", "account",
  "business", "development", "operations", "product", "project", "program", "technical", "managing",
  "general", "regional", "global", "national", "administrator", "secretary", "chair", "chairman",
  "board", "member", "intern", "recruiter", "nurse", "physician", "doctor", "therapist", "broker",
  "realtor", "photographer", "writer", "copywriter", "marketer", "trainer", "coach", "technician", "supervisor", "geschäftsführer",
  "leiter", "leiterin", "inhaber", "inhaberin", "berater", "beraterin", "vertrieb", "directeur", "gérant",
  NULL,
};

const char * const rf_card_company_words[] = {
  "inc", "inc.", "llc", "llp", "ltd", "ltd.", "limited", "gmbh", "ag", "kg", "ug", "corp", "corp.",
  "corporation", "co.", "company", "plc", "pty", "bv", "b.v.", "nv", "sa", "s.a.", "sarl", "sas",
  "srl", "s.r.l.", "oy", "ab", "as", "group", "holdings", "technologies", "technology", "solutions",
  "systems", "software", "labs", "consulting", "partners", "studio", "studios", "agency", "ventures",
  "capital", "industries", "international", "enterprises", "services", "media", "digital", "networks",
  "bank", "university", "institute", "foundation", "associates", "clinic", "hospital",
  NULL,
};

const char * const rf_card_department_words[] = {
  "department", "dept", "dept.", "division", "abteilung", "team", "unit", NULL,
};

const char * const rf_card_street_words[] = {
  "street", "st", "st.", "road", "rd", "rd.", "avenue", "ave", "ave.", "av.", "boulevard", "blvd", "blvd.",
  "lane", "ln", "ln.", "drive", "way", "place", "pl", "pl.", "court", "ct", "square", "sq", "parkway",
  "pkwy", "highway", "hwy", "suite", "ste", "ste.", "floor", "fl", "unit", "building", "bldg", "plaza",
  "strasse", "straße", "str.", "weg", "platz", "allee", "gasse", "ring", "damm", "rue", "via", "calle",
  "box", "terrace", "crescent", "close", "row", "park", "gardens", "mews", NULL,
};

const char * const rf_card_country_words[] = {
  "usa", "u.s.a.", "united states", "uk", "united kingdom", "england", "scotland", "germany",
  "deutschland", "france", "netherlands", "switzerland", "austria", "ireland", "canada", "australia",
  "india", "singapore", NULL,
};

const char * const rf_card_honorifics[] = {
  "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "prof", "prof.", "sir", "dame", NULL,
};

const char * const rf_card_generic_locals[] = {
  "info", "sales", "contact", "hello", "office", "admin", "support", "team", "mail", "enquiries",
  "inquiries", "kontakt", "service", "hi", "jobs", "careers", "press", NULL,
};

char **
rf_card_split_words (const char *text)
{
  char **raw = g_strsplit_set (text, " \t", -1);
  GPtrArray *words = g_ptr_array_new ();

  /* The empty strings between spaces go; the others move. */
  for (guint i = 0; raw[i] != NULL; i++)
    if (raw[i][0] != '\0')
      g_ptr_array_add (words, raw[i]);
    else
      g_free (raw[i]);
  g_free (raw);
  g_ptr_array_add (words, NULL);
  return (char **)g_ptr_array_free (words, FALSE);
}

/* @word lower-cased, without the punctuation around it (but a final "."
 * kept when @keep_dot: "Inc." and "St." are in the lists with it). */
char *
rf_card_bare_word (const char *word,
           gboolean    keep_dot)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  char *start = lower;
  gsize length;

  while (*start != '\0' && strchr ("([{\"'<,;:|*", *start) != NULL)
    start++;
  length = strlen (start);
  while (length > 0 && strchr (")]}\"'>,;:|*!?", start[length - 1]) != NULL)
    length--;
  if (!keep_dot)
    while (length > 0 && start[length - 1] == '.')
      length--;
  return g_strndup (start, length);
}

guint
rf_card_count_listed (char              **words,
              const char * const *list)
{
  guint count = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *with_dot = rf_card_bare_word (words[i], TRUE);
      g_autofree char *without = rf_card_bare_word (words[i], FALSE);

      if (g_strv_contains (list, with_dot) || g_strv_contains (list, without))
        count++;
    }
  return count;
}

gboolean
rf_card_contains_phrase (const char         *text,
                 const char * const *list)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  for (guint i = 0; list[i] != NULL; i++)
    {
      const char *found = strstr (lower, list[i]);
      gsize length = strlen (list[i]);

      for (; found != NULL; found = strstr (found + 1, list[i]))
        if ((found == lower || !g_ascii_isalpha (found[-1])) && !g_ascii_isalpha (found[length]))
          return TRUE;
    }
  return FALSE;
}

guint
rf_card_count_letters (const char *text,
               guint      *upper,
               guint      *digits)
{
  guint letters = 0;

  *upper = 0;
  *digits = 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        {
          letters++;
          if (g_unichar_isupper (c))
            (*upper)++;
        }
      else if (g_unichar_isdigit (c))
        (*digits)++;
    }
  return letters;
}

/* "CHRIS SMITH" to "Chris Smith"; other text as it is. */
char *
rf_card_tidy_case (const char *text)
{
  guint upper;
  guint digits;
  guint letters = rf_card_count_letters (text, &upper, &digits);
  GString *out;
  gboolean start = TRUE;

  if (letters < 2 || upper != letters)
    return g_strdup (text);
  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, start ? c : g_unichar_tolower (c));
      start = !g_unichar_isalpha (c) && c != '\'';
    }
  return g_string_free (out, FALSE);
}
