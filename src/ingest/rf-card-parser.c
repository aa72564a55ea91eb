/* rf-card-parser.c: which line of a card is the name, the title, the company
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Emails, websites and phones are found by their shape (rf-card-repair.c)
 * and take their lines out of the running. The address is the run of lines
 * with a street or a postcode. What is left is scored for each of name,
 * title and company by case, words and position, and by how well it agrees
 * with the email: "avery.smith@contoso.com" makes "Avery Smith" the name and
 * "Contoso" the company. The best scores are taken first.
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <string.h>

#include "rf-card-parser-private.h"

#define MAX_LINES 200
#define MAX_LINE_LENGTH 400
#define UNSURE_BELOW 0.6

struct _RfCardParser
{
  GObject  parent_instance;
  char    *default_region;
};

G_DEFINE_FINAL_TYPE (RfCardParser, rf_card_parser, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DEFAULT_REGION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const field_names[RF_CARD_N_FIELDS] = {
  "name", "title", "company", "email", "phone", "website", "address",
};

static const char * const title_words[] = {
  "ceo", "cto", "cfo", "coo", "cmo", "cio", "cso", "vp", "svp", "evp", "founder", "co-founder", "cofounder",
  "owner", "president", "director", "manager", "engineer", "researcher", "scientist", "developer",
  "designer", "architect", "analyst", "consultant", "advisor", "adviser", "officer", "head", "lead",
  "chief", "senior", "junior", "principal", "partner", "associate", "assistant", "specialist",
  "coordinator", "executive", "representative", "agent", "attorney", "lawyer", "accountant",
  "professor", "lecturer", "editor", "producer", "strategist", "sales", "marketing", "account",
  "business", "development", "operations", "product", "project", "program", "technical", "managing",
  "general", "regional", "global", "national", "administrator", "secretary", "chair", "chairman",
  "board", "member", "intern", "recruiter", "nurse", "physician", "doctor", "therapist", "broker",
  "realtor", "photographer", "writer", "trainer", "coach", "technician", "supervisor", "geschäftsführer",
  "leiter", "leiterin", "inhaber", "inhaberin", "berater", "beraterin", "vertrieb", "directeur", "gérant",
  NULL,
};

static const char * const company_words[] = {
  "inc", "inc.", "llc", "llp", "ltd", "ltd.", "limited", "gmbh", "ag", "kg", "ug", "corp", "corp.",
  "corporation", "co.", "company", "plc", "pty", "bv", "b.v.", "nv", "sa", "s.a.", "sarl", "sas",
  "srl", "s.r.l.", "oy", "ab", "as", "group", "holdings", "technologies", "technology", "solutions",
  "systems", "software", "labs", "consulting", "partners", "studio", "studios", "agency", "ventures",
  "capital", "industries", "international", "enterprises", "services", "media", "digital", "networks",
  "bank", "university", "institute", "foundation", "associates", "clinic", "hospital",
  NULL,
};

static const char * const department_words[] = {
  "department", "dept", "dept.", "division", "abteilung", "team", "unit", NULL,
};

static const char * const street_words[] = {
  "street", "st", "st.", "road", "rd", "rd.", "avenue", "ave", "ave.", "av.", "boulevard", "blvd", "blvd.",
  "lane", "ln", "ln.", "drive", "way", "place", "pl", "pl.", "court", "ct", "square", "sq", "parkway",
  "pkwy", "highway", "hwy", "suite", "ste", "ste.", "floor", "fl", "unit", "building", "bldg", "plaza",
  "strasse", "straße", "str.", "weg", "platz", "allee", "gasse", "ring", "damm", "rue", "via", "calle",
  "box", "terrace", "crescent", "close", "row", "park", "gardens", "mews", NULL,
};

static const char * const country_words[] = {
  "usa", "u.s.a.", "united states", "uk", "united kingdom", "england", "scotland", "germany",
  "deutschland", "france", "netherlands", "switzerland", "austria", "ireland", "canada", "australia",
  "india", "singapore", NULL,
};

static const char * const honorifics[] = {
  "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "prof", "prof.", "sir", "dame", NULL,
};

static const char * const generic_locals[] = {
  "info", "sales", "contact", "hello", "office", "admin", "support", "team", "mail", "enquiries",
  "inquiries", "kontakt", "service", "hi", "jobs", "careers", "press", NULL,
};

typedef enum
{
  LINE_FREE,       /* may be name, title or company */
  LINE_CONTACT,    /* had an email, website or phone */
  LINE_ADDRESS,
  LINE_DEPARTMENT,
  LINE_NOISE,
} LineKind;

typedef struct
{
  char     *text;
  guint     index;
  LineKind  kind;
} Line;

static void
line_free (Line *line)
{
  g_free (line->text);
  g_free (line);
}

/* -- Results ------------------------------------------------------------- */

static void
phone_free (RfCardPhone *phone)
{
  g_free (phone->number);
  g_free (phone);
}

void
rf_card_fields_free (RfCardFields *fields)
{
  if (fields == NULL)
    return;
  for (guint i = 0; i < RF_CARD_N_FIELDS; i++)
    g_free (fields->values[i].value);
  g_ptr_array_unref (fields->phones);
  g_free (fields->honorific);
  g_free (fields->department);
  g_free (fields->region);
  g_free (fields);
}

const char *
rf_card_fields_get (const RfCardFields *fields,
                    RfCardField         field)
{
  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (field < RF_CARD_N_FIELDS, NULL);

  return fields->values[field].value;
}

const char *
rf_card_field_to_string (RfCardField field)
{
  g_return_val_if_fail (field < RF_CARD_N_FIELDS, NULL);
  return field_names[field];
}

const char *
rf_card_phone_kind_to_string (RfCardPhoneKind kind)
{
  switch (kind)
    {
    case RF_CARD_PHONE_WORK:
      return "work";
    case RF_CARD_PHONE_MOBILE:
      return "mobile";
    case RF_CARD_PHONE_FAX:
      return "fax";
    case RF_CARD_PHONE_OTHER:
    default:
      return "other";
    }
}

static void
set_value (RfCardFields *fields,
           RfCardField   field,
           char         *value,
           double        confidence)
{
  RfCardValue *slot = &fields->values[field];

  g_free (slot->value);
  slot->value = value;
  slot->confidence = CLAMP (confidence, 0.0, 1.0);
  slot->unsure = slot->confidence < UNSURE_BELOW;
}

static void
adjust_confidence (RfCardFields *fields,
                   RfCardField   field,
                   double        delta)
{
  RfCardValue *slot = &fields->values[field];

  if (slot->value == NULL)
    return;
  slot->confidence = CLAMP (slot->confidence + delta, 0.05, 0.98);
  slot->unsure = slot->confidence < UNSURE_BELOW;
}

/* -- Words --------------------------------------------------------------- */

static char **
split_words (const char *text)
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
static char *
bare_word (const char *word,
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

static guint
count_listed (char              **words,
              const char * const *list)
{
  guint count = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *with_dot = bare_word (words[i], TRUE);
      g_autofree char *without = bare_word (words[i], FALSE);

      if (g_strv_contains (list, with_dot) || g_strv_contains (list, without))
        count++;
    }
  return count;
}

static gboolean
contains_phrase (const char         *text,
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

static guint
count_letters (const char *text,
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
static char *
tidy_case (const char *text)
{
  guint upper;
  guint digits;
  guint letters = count_letters (text, &upper, &digits);
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

/* -- Lines --------------------------------------------------------------- */

static GPtrArray *
split_lines (const char *text,
             gssize      length)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);
  g_autofree char *normal = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  g_auto(GStrv) raw = g_strsplit_set (normal != NULL ? normal : valid, "\n\r\v\f", -1);
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify)line_free);

  for (guint i = 0; raw[i] != NULL && lines->len < MAX_LINES; i++)
    {
      g_auto(GStrv) segments = NULL;
      char *segment_text = raw[i];

      /* Control characters and tabs become spaces; "|" and "•" between
       * fields on one line split it. */
      for (char *p = segment_text; *p != '\0'; p++)
        if ((guchar)*p < 0x20 || *p == 0x7f)
          *p = ' ';
      segments = g_strsplit (segment_text, " | ", -1);
      for (guint s = 0; segments[s] != NULL && lines->len < MAX_LINES; s++)
        {
          g_auto(GStrv) parts = g_strsplit (segments[s], "•", -1);

          for (guint k = 0; parts[k] != NULL && lines->len < MAX_LINES; k++)
            {
              g_auto(GStrv) words = NULL;
              g_autofree char *joined = NULL;
              Line *line;

              if (strlen (parts[k]) > MAX_LINE_LENGTH)
                {
                  const char *end = g_utf8_find_prev_char (parts[k], parts[k] + MAX_LINE_LENGTH);

                  parts[k][end - parts[k]] = '\0';
                }
              words = split_words (parts[k]);
              joined = g_strjoinv (" ", words);
              if (*joined == '\0')
                continue;
              line = g_new0 (Line, 1);
              line->text = g_steal_pointer (&joined);
              line->index = lines->len;
              g_ptr_array_add (lines, line);
            }
        }
    }
  return lines;
}

static RfCardPhoneKind
phone_kind_from_label (const char *before)
{
  g_auto(GStrv) words = split_words (before);
  guint n = g_strv_length (words);
  g_autofree char *label = NULL;

  if (n == 0)
    return RF_CARD_PHONE_OTHER;
  label = bare_word (words[n - 1], FALSE);
  if (*label == '\0' && n >= 2)
    {
      g_free (label);
      label = bare_word (words[n - 2], FALSE);
    }
  if (g_str_equal (label, "m") || g_str_equal (label, "c") || g_str_has_prefix (label, "mob")
      || g_str_has_prefix (label, "cell") || g_str_equal (label, "cel") || g_str_equal (label, "handy")
      || g_str_equal (label, "hp") || g_str_equal (label, "mot") || g_str_equal (label, "mots")
      || g_str_has_prefix (label, "portable"))
    return RF_CARD_PHONE_MOBILE;
  if (g_str_equal (label, "f") || g_str_equal (label, "fax") || g_str_equal (label, "far")
      || g_str_equal (label, "fx") || g_str_equal (label, "telefax") || g_str_equal (label, "fan"))
    return RF_CARD_PHONE_FAX;
  if (g_str_equal (label, "t") || g_str_has_prefix (label, "tel") || g_str_has_prefix (label, "phone")
      || g_str_equal (label, "p") || g_str_equal (label, "ph") || g_str_equal (label, "o")
      || g_str_equal (label, "office") || g_str_equal (label, "d") || g_str_has_prefix (label, "direct")
      || g_str_equal (label, "dir") || g_str_equal (label, "work") || g_str_equal (label, "w")
      || g_str_equal (label, "rel") || g_str_equal (label, "fon") || g_str_equal (label, "telefon"))
    return RF_CARD_PHONE_WORK;
  return RF_CARD_PHONE_OTHER;
}

static gboolean
has_us_zip (const char *text)
{
  /* "WA 98052", "CA 94103-1234" */
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isupper (p[0]) && g_ascii_isupper (p[1]) && p[2] == ' '
        && g_ascii_isdigit (p[3]) && g_ascii_isdigit (p[4]) && g_ascii_isdigit (p[5])
        && g_ascii_isdigit (p[6]) && g_ascii_isdigit (p[7]) && !g_ascii_isdigit (p[8])
        && (p == text || !g_ascii_isalpha (p[-1])))
      return TRUE;
  return FALSE;
}

static gboolean
has_uk_postcode (const char *text)
{
  /* "W2 6BD", "SW1A 1AA", "EC1V 9HX": outward code, space, digit and two letters. */
  for (const char *p = text; *p != '\0'; p++)
    {
      const char *q = p;
      guint letters = 0;

      if (p != text && g_ascii_isalnum (p[-1]))
        continue;
      while (g_ascii_isupper (*q) && letters < 2)
        {
          q++;
          letters++;
        }
      if (letters == 0 || !g_ascii_isdigit (*q))
        continue;
      q++;
      if (g_ascii_isalnum (*q) && *q != ' ')
        q++;
      if (*q != ' ')
        continue;
      q++;
      if (g_ascii_isdigit (q[0]) && g_ascii_isupper (q[1]) && g_ascii_isupper (q[2]) && !g_ascii_isalnum (q[3]))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_european_postcode (const char *text)
{
  /* "10115 Berlin", "75008 Paris", "1010 Wien", "D-80331 München" */
  for (const char *p = text; *p != '\0'; p++)
    {
      guint n = 0;

      if (p != text && g_ascii_isalnum (p[-1]))
        continue;
      while (g_ascii_isdigit (p[n]))
        n++;
      if ((n == 4 || n == 5) && p[n] == ' ' && g_unichar_isupper (g_utf8_get_char (p + n + 1)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
looks_like_address (const char *text)
{
  g_auto(GStrv) words = split_words (text);
  guint upper;
  guint digits;

  count_letters (text, &upper, &digits);
  if (has_us_zip (text) || has_uk_postcode (text) || has_european_postcode (text))
    return TRUE;
  if (digits > 0 && count_listed (words, street_words) > 0)
    return TRUE;
  /* German compounds: "Hauptstraße 5", "Am Lindenweg 3". */
  for (guint i = 0; digits > 0 && words[i] != NULL; i++)
    {
      g_autofree char *word = bare_word (words[i], TRUE);
      static const char * const endings[] = { "straße", "strasse", "str.", "weg", "platz", "allee", "gasse", "damm", "ufer", NULL };

      for (guint e = 0; endings[e] != NULL; e++)
        if (g_str_has_suffix (word, endings[e]) && strlen (word) > strlen (endings[e]) + 2)
          return TRUE;
    }
  if (contains_phrase (text, country_words) && g_strv_length (words) <= 4)
    return TRUE;
  return g_ascii_strncasecmp (text, "address", 7) == 0 || g_ascii_strncasecmp (text, "a:", 2) == 0;
}

/* -- Scores -------------------------------------------------------------- */

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
      g_autofree char *word = bare_word (words[i], FALSE);
      g_autofree char *ascii = g_str_to_ascii (word, NULL);

      if (g_strv_contains (honorifics, word) || strlen (ascii) < 2)
        continue;
      n++;
      if (strstr (local, ascii) != NULL)
        matched++;
      else if (i == 0 && local[0] == ascii[0] && words[1] != NULL)
        {
          /* "asmith": an initial and the surname. */
          g_autofree char *next = bare_word (words[i + 1], FALSE);
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
name_score (const Line     *line,
            char          **words,
            const Evidence *evidence)
{
  guint n = g_strv_length (words);
  guint real = 0;
  gboolean honorific = FALSE;
  double score = 0.45;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *word = bare_word (words[i], FALSE);
      gunichar first = g_utf8_get_char (words[i]);

      if (g_strv_contains (honorifics, word))
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
  if (count_listed (words, title_words) > 0 || count_listed (words, company_words) > 0)
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
title_score (const Line  *line,
             char       **words)
{
  guint n = g_strv_length (words);
  guint listed = count_listed (words, title_words);
  guint upper;
  guint digits;

  count_letters (line->text, &upper, &digits);
  if (listed == 0 || digits > 0 || n > 8)
    return 0;
  return MIN (0.95, 0.55 + 0.15 * listed);
}

static double
company_score (const Line     *line,
               char          **words,
               const Evidence *evidence)
{
  guint n = g_strv_length (words);
  guint upper;
  guint digits;
  guint letters = count_letters (line->text, &upper, &digits);
  double score = 0.1;

  if (n > 6 || letters < 2)
    return 0;
  if (count_listed (words, company_words) > 0)
    score += 0.5;
  if (core_matches (line->text, evidence->core))
    score += 0.7;
  if (upper == letters && n <= 3)
    score += 0.15;
  if (count_listed (words, title_words) > 0)
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
  guint letters = count_letters (text, &upper, &digits);
  glong length = g_utf8_strlen (text, -1);
  g_auto(GStrv) words = split_words (text);

  if (letters < 2 || letters * 2 < (guint)length)
    return TRUE;
  /* What is left of an email or a web address OCR broke beyond repair. */
  if (strstr (text, ":/") != NULL || strstr (text, "//") != NULL || strchr (text, '@') != NULL
      || g_ascii_strncasecmp (text, "www", 3) == 0 || strstr (text, "ttp") != NULL)
    return TRUE;
  return g_strv_length (words) == 1 && upper == 0 && letters <= 5;
}

/* -- Parsing ------------------------------------------------------------- */

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

  if (g_strv_length (parts) != 2 || strlen (parts[0]) < 2 || strlen (parts[1]) < 2 || g_strv_contains (generic_locals, parts[0]))
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

static void
read_contacts (RfCardFields *fields,
               GPtrArray    *lines,
               GPtrArray    *matches,
               GArray       *kinds)
{
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      g_autoptr(GPtrArray) phones = NULL;
      gboolean repaired = FALSE;
      g_autofree char *email = rf_card_find_email (line->text, &repaired);
      gsize from = 0;

      if (email != NULL)
        {
          line->kind = LINE_CONTACT;
          if (fields->values[RF_CARD_FIELD_EMAIL].value == NULL)
            set_value (fields, RF_CARD_FIELD_EMAIL, g_steal_pointer (&email), repaired ? 0.7 : 0.85);
          continue;
        }
      {
        g_autofree char *website = rf_card_find_website (line->text, &repaired);

        if (website != NULL)
          {
            line->kind = LINE_CONTACT;
            if (fields->values[RF_CARD_FIELD_WEBSITE].value == NULL)
              set_value (fields, RF_CARD_FIELD_WEBSITE, g_steal_pointer (&website), repaired ? 0.7 : 0.85);
            continue;
          }
      }
      phones = rf_card_find_phones (line->text);
      if (phones->len == 0 && looks_like_address (line->text))
        {
          line->kind = LINE_ADDRESS;
          continue;
        }

      for (guint j = 0; j < phones->len; j++)
        {
          RfCardPhoneMatch *match = g_ptr_array_index (phones, j);
          g_autofree char *before = g_strndup (line->text + from, match->start - from);
          RfCardPhoneKind kind = phone_kind_from_label (before);

          g_array_append_val (kinds, kind);
          from = match->end;
          g_ptr_array_add (matches, g_steal_pointer (&phones->pdata[j]));
        }
      if (phones->len > 0)
        line->kind = LINE_CONTACT;
    }
}

static char *
detect_region (RfCardParser *self,
               RfCardFields *fields,
               GPtrArray    *matches,
               GPtrArray    *lines)
{
  g_autofree char *host = NULL;
  const char *region;

  if (self->default_region != NULL)
    return g_ascii_strup (self->default_region, -1);
  for (guint i = 0; i < matches->len; i++)
    {
      RfCardPhoneMatch *match = g_ptr_array_index (matches, i);

      if ((region = rf_card_region_for_number (match->digits)) != NULL)
        return g_strdup (region);
    }
  host = rf_card_host_of (fields->values[RF_CARD_FIELD_EMAIL].value);
  if (host == NULL)
    host = rf_card_host_of (fields->values[RF_CARD_FIELD_WEBSITE].value);
  if ((region = rf_card_region_for_host (host)) != NULL)
    return g_strdup (region);
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      if (has_us_zip (line->text))
        return g_strdup ("US");
      if (has_uk_postcode (line->text))
        return g_strdup ("GB");
    }
  return NULL;
}

static void
read_phones (RfCardFields *fields,
             GPtrArray    *matches,
             GArray       *kinds)
{
  /* A mobile first: the number that reaches the person. */
  static const RfCardPhoneKind order[] = { RF_CARD_PHONE_MOBILE, RF_CARD_PHONE_WORK, RF_CARD_PHONE_OTHER, RF_CARD_PHONE_FAX };

  /* Numbers that make a valid E.164 before those that do not. */
  for (guint o = 0; o < 2 * G_N_ELEMENTS (order); o++)
    for (guint i = 0; i < matches->len; i++)
      {
        RfCardPhoneMatch *match = g_ptr_array_index (matches, i);
        RfCardPhone *phone;
        char *e164;

        if (g_array_index (kinds, RfCardPhoneKind, i) != order[o % G_N_ELEMENTS (order)])
          continue;
        e164 = rf_card_phone_to_e164 (match, fields->region);
        if ((e164 != NULL) != (o < G_N_ELEMENTS (order)))
          {
            g_free (e164);
            continue;
          }
        phone = g_new0 (RfCardPhone, 1);
        phone->kind = order[o % G_N_ELEMENTS (order)];
        phone->e164 = e164 != NULL;
        phone->number = e164 != NULL ? e164 : g_strdup (match->printed);
        g_ptr_array_add (fields->phones, phone);
      }
  if (fields->phones->len > 0)
    {
      RfCardPhone *first = g_ptr_array_index (fields->phones, 0);
      double confidence = first->e164 ? 0.85 : 0.6;

      if (first->kind == RF_CARD_PHONE_FAX)
        confidence -= 0.2;
      set_value (fields, RF_CARD_FIELD_PHONE, g_strdup (first->number), confidence);
    }
}

static void
read_address (RfCardFields *fields,
              GPtrArray    *lines)
{
  g_autoptr(GString) best = NULL;
  guint best_lines = 0;

  /* "Paddington, London" under "2 Kingdom Street": a town line beside a
   * street line, with a comma and no digits but a postcode's. */
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      Line *before = i > 0 ? g_ptr_array_index (lines, i - 1) : NULL;
      Line *after = i + 1 < lines->len ? g_ptr_array_index (lines, i + 1) : NULL;
      g_auto(GStrv) words = NULL;

      if (line->kind != LINE_FREE || strchr (line->text, ',') == NULL)
        continue;
      if (!((before != NULL && before->kind == LINE_ADDRESS) || (after != NULL && after->kind == LINE_ADDRESS)))
        continue;
      words = split_words (line->text);
      if (count_listed (words, title_words) == 0 && count_listed (words, company_words) == 0
          && count_listed (words, department_words) == 0 && g_strv_length (words) <= 8)
        line->kind = LINE_ADDRESS;
    }

  for (guint i = 0; i < lines->len;)
    {
      Line *line = g_ptr_array_index (lines, i);
      g_autoptr(GString) run = NULL;
      guint n = 0;

      if (line->kind != LINE_ADDRESS)
        {
          i++;
          continue;
        }
      run = g_string_new (NULL);
      for (; i < lines->len && ((Line *)g_ptr_array_index (lines, i))->kind == LINE_ADDRESS; i++, n++)
        {
          const char *text = ((Line *)g_ptr_array_index (lines, i))->text;

          if (g_ascii_strncasecmp (text, "address:", 8) == 0)
            text += 8;
          else if (g_ascii_strncasecmp (text, "a:", 2) == 0)
            text += 2;
          while (*text == ' ')
            text++;
          if (run->len > 0)
            g_string_append (run, ", ");
          g_string_append (run, text);
        }
      if (n > best_lines)
        {
          if (best != NULL)
            g_string_free (best, TRUE);
          best = g_steal_pointer (&run);
          best_lines = n;
        }
    }
  if (best != NULL)
    {
      /* ",," from a line that ended in a comma. */
      for (char *dd = strstr (best->str, ",,"); dd != NULL; dd = strstr (best->str, ",,"))
        g_string_erase (best, dd - best->str, 1);
      set_value (fields, RF_CARD_FIELD_ADDRESS, g_string_free (g_steal_pointer (&best), FALSE),
                 best_lines > 1 ? 0.8 : 0.7);
    }
}

/* Email against website: one domain, read twice. Where OCR broke one of
 * them ("contoss.com" beside "contoso.com"), the reading that agrees with
 * the company line, or the website, wins. */
static void
cross_check_domains (RfCardFields *fields,
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
      adjust_confidence (fields, RF_CARD_FIELD_EMAIL, 0.1);
      adjust_confidence (fields, RF_CARD_FIELD_WEBSITE, 0.1);
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
          Line *line = g_ptr_array_index (lines, i);
          g_autofree char *lower = NULL;

          if (line->kind != LINE_FREE)
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

          set_value (fields, RF_CARD_FIELD_WEBSITE, g_steal_pointer (&fixed), 0.55);
        }
      else
        {
          char *at = strchr (email->value, '@');
          g_autofree char *fixed = g_strdup_printf ("%.*s@%s", (int)(at - email->value), email->value, web_host);

          set_value (fields, RF_CARD_FIELD_EMAIL, g_steal_pointer (&fixed), 0.65);
        }
    }
}

static gboolean
is_stray_word (const char *word)
{
  static const char * const particles[] = { "de", "da", "di", "du", "la", "le", "van", "von", "der", "den", "of", "and", "y", "e", NULL };
  guint upper;
  guint digits;
  guint letters = count_letters (word, &upper, &digits);

  return strlen (word) <= 3 && upper == 0 && !g_strv_contains (particles, word) && (letters > 0 || digits == 0);
}

/* "bie Chris Smith": OCR's reading of a mark beside the line. */
static void
trim_stray_words (Line *line)
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

  words = split_words (line->text);
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

static void
assign_people (RfCardFields *fields,
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
      Line *line = g_ptr_array_index (lines, i);
      g_auto(GStrv) words = NULL;
      Candidate candidate;

      if (line->kind != LINE_FREE)
        continue;
      trim_stray_words (line);
      words = split_words (line->text);
      if (count_listed (words, department_words) > 0)
        {
          line->kind = LINE_DEPARTMENT;
          if (fields->department == NULL)
            fields->department = g_strdup (line->text);
          continue;
        }
      if (is_noise (line->text))
        {
          line->kind = LINE_NOISE;
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
      Line *line = g_ptr_array_index (lines, candidate->line);
      g_auto(GStrv) words = NULL;
      GString *value;

      if (candidate->score < 0.3 || taken[candidate->line] || fields->values[candidate->field].value != NULL)
        continue;
      taken[candidate->line] = TRUE;
      if (candidate->field != RF_CARD_FIELD_NAME)
        {
          set_value (fields, candidate->field, g_strdup (line->text), MIN (0.95, candidate->score));
          continue;
        }

      /* The honorific apart, the post-nominals dropped. */
      words = split_words (line->text);
      value = g_string_new (NULL);
      for (guint w = 0; words[w] != NULL; w++)
        {
          g_autofree char *bare = bare_word (words[w], FALSE);

          if (w == 0 && g_strv_contains (honorifics, bare) && words[1] != NULL)
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
      set_value (fields, RF_CARD_FIELD_NAME, tidy_case (value->str), MIN (0.95, candidate->score + 0.1));
      g_string_free (value, TRUE);
    }

  /* What the email says when the card did not. */
  if (fields->values[RF_CARD_FIELD_NAME].value == NULL && evidence.local != NULL)
    {
      char *name = name_from_local (evidence.local);

      if (name != NULL)
        set_value (fields, RF_CARD_FIELD_NAME, name, 0.45);
    }
  if (fields->values[RF_CARD_FIELD_COMPANY].value == NULL && evidence.core != NULL && strlen (evidence.core) >= 2)
    {
      char *company = g_strdup (evidence.core);

      company[0] = g_ascii_toupper (company[0]);
      set_value (fields, RF_CARD_FIELD_COMPANY, company, 0.4);
    }
  else if (fields->values[RF_CARD_FIELD_COMPANY].value != NULL
           && core_matches (fields->values[RF_CARD_FIELD_COMPANY].value, evidence.core))
    adjust_confidence (fields, RF_CARD_FIELD_COMPANY, 0.05);

  g_free (evidence.local);
  g_free (evidence.core);
}

RfCardFields *
rf_card_parser_parse (RfCardParser *self,
                      const char   *text,
                      gssize        length)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func ((GDestroyNotify)rf_card_phone_match_free);
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (RfCardPhoneKind));
  RfCardFields *fields;

  g_return_val_if_fail (RF_IS_CARD_PARSER (self), NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  fields = g_new0 (RfCardFields, 1);
  fields->phones = g_ptr_array_new_with_free_func ((GDestroyNotify)phone_free);
  if (text == NULL)
    return fields;

  lines = split_lines (text, length);
  read_contacts (fields, lines, matches, kinds);
  fields->region = detect_region (self, fields, matches, lines);
  read_phones (fields, matches, kinds);
  read_address (fields, lines);
  cross_check_domains (fields, lines);
  assign_people (fields, lines);
  return fields;
}

/* -- The object ---------------------------------------------------------- */

const char *
rf_card_parser_get_default_region (RfCardParser *self)
{
  g_return_val_if_fail (RF_IS_CARD_PARSER (self), NULL);
  return self->default_region;
}

/* The country (ISO 3166 alpha-2, "GB", "US") for numbers printed without a
 * country code; NULL: tell from the card, else leave them as printed. */
void
rf_card_parser_set_default_region (RfCardParser *self,
                                   const char   *region)
{
  g_return_if_fail (RF_IS_CARD_PARSER (self));

  if (region != NULL && *region == '\0')
    region = NULL;
  if (g_strcmp0 (self->default_region, region) == 0)
    return;
  g_free (self->default_region);
  self->default_region = g_strdup (region);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_REGION]);
}

RfCardParser *
rf_card_parser_new (void)
{
  return g_object_new (RF_TYPE_CARD_PARSER, NULL);
}

static void
rf_card_parser_finalize (GObject *object)
{
  RfCardParser *self = RF_CARD_PARSER (object);

  g_free (self->default_region);

  G_OBJECT_CLASS (rf_card_parser_parent_class)->finalize (object);
}

static void
rf_card_parser_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RfCardParser *self = RF_CARD_PARSER (object);

  switch (prop_id)
    {
    case PROP_DEFAULT_REGION:
      g_value_set_string (value, self->default_region);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_card_parser_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RfCardParser *self = RF_CARD_PARSER (object);

  switch (prop_id)
    {
    case PROP_DEFAULT_REGION:
      rf_card_parser_set_default_region (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_card_parser_class_init (RfCardParserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rf_card_parser_finalize;
  object_class->get_property = rf_card_parser_get_property;
  object_class->set_property = rf_card_parser_set_property;

  properties[PROP_DEFAULT_REGION] =
    g_param_spec_string ("default-region", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rf_card_parser_init (RfCardParser *self)
{
}
