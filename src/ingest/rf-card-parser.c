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

static void
rf_card_line_free (RfCardLine *line)
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

void
rf_card_set_value (RfCardFields *fields,
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

void
rf_card_adjust_confidence (RfCardFields *fields,
                   RfCardField   field,
                   double        delta)
{
  RfCardValue *slot = &fields->values[field];

  if (slot->value == NULL)
    return;
  slot->confidence = CLAMP (slot->confidence + delta, 0.05, 0.98);
  slot->unsure = slot->confidence < UNSURE_BELOW;
}

/* -- Lines --------------------------------------------------------------- */

/* The first @n of @words are a phone number, perhaps labelled
 * ("Cell: +1 (987) 123-4567"): seven digits at least, nothing else but
 * its punctuation and letters. */
static gboolean
phone_before (char  **words,
              guint   n)
{
  guint digits = 0;

  for (guint i = 0; i < n; i++)
    for (const char *p = words[i]; *p != '\0'; p++)
      {
        if (g_ascii_isdigit (*p))
          digits++;
        else if (!g_ascii_isalpha (*p) && strchr ("+()-./:", *p) == NULL)
          return FALSE;
      }
  return digits >= 7;
}

/* Where an email or a web address starts in @words after words that are
 * no label for it ("Hannah Hughes hhughes@brightpath.co.uk": OCR joins
 * the lines of two columns that nearly touch), or after a phone number;
 * 0 when it does not. */
static guint
contact_after_words (char **words)
{
  static const char * const labels[] = {
    "e", "w", "m", "t", "email", "e-mail", "mail", "web", "website", "internet", "url", "site", "at", NULL,
  };
  guint contact = 0;

  for (guint i = 1; words[i] != NULL && contact == 0; i++)
    {
      const char *at = strchr (words[i], '@');

      /* A whole address: not "@" or "@host" of one OCR split apart. */
      if ((at != NULL && at != words[i] && strchr (at, '.') != NULL)
          || g_ascii_strncasecmp (words[i], "www.", 4) == 0 || g_ascii_strncasecmp (words[i], "http", 4) == 0)
        contact = i;
    }
  /* Before it, words of letters only (a name, a title), no label; or a
   * phone number with its label. */
  for (guint i = 0; i < contact; i++)
    {
      g_autofree char *bare = rf_card_bare_word (words[i], FALSE);

      if (*bare == '\0' || g_strv_contains (labels, bare) || g_str_has_suffix (words[i], ":"))
        return phone_before (words, contact) ? contact : 0;
      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (!g_unichar_isalpha (c) && c != '-' && c != '\'' && c != '&' && c != ',')
            return phone_before (words, contact) ? contact : 0;
        }
    }
  return contact;
}

static GPtrArray *
split_lines (const char *text,
             gssize      length)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);
  g_autofree char *normal = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  g_auto(GStrv) raw = g_strsplit_set (normal != NULL ? normal : valid, "\n\r\v\f", -1);
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify)rf_card_line_free);

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
              RfCardLine *line;

              if (strlen (parts[k]) > MAX_LINE_LENGTH)
                {
                  const char *end = g_utf8_find_prev_char (parts[k], parts[k] + MAX_LINE_LENGTH);

                  parts[k][end - parts[k]] = '\0';
                }
              guint contact;

              words = rf_card_split_words (parts[k]);
              contact = contact_after_words (words);
              if (contact > 0)
                {
                  /* Its own line, so the name or title is not taken for
                   * part of a contact line. */
                  char *cut = words[contact];

                  words[contact] = NULL;
                  joined = g_strjoinv (" ", words);
                  words[contact] = cut;
                  line = g_new0 (RfCardLine, 1);
                  line->text = g_steal_pointer (&joined);
                  line->index = lines->len;
                  g_ptr_array_add (lines, line);
                  joined = g_strjoinv (" ", words + contact);
                }
              else
                joined = g_strjoinv (" ", words);
              if (*joined == '\0')
                continue;
              line = g_new0 (RfCardLine, 1);
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
  g_auto(GStrv) words = rf_card_split_words (before);
  guint n = g_strv_length (words);
  g_autofree char *label = NULL;

  if (n == 0)
    return RF_CARD_PHONE_OTHER;
  label = rf_card_bare_word (words[n - 1], FALSE);
  if (*label == '\0' && n >= 2)
    {
      g_free (label);
      label = rf_card_bare_word (words[n - 2], FALSE);
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
      /* The inward code's letters as OCR may read them: "6BD" as "68D". */
      if (g_ascii_isdigit (q[0]) && (g_ascii_isupper (q[1]) || strchr ("0258", q[1]) != NULL)
          && (g_ascii_isupper (q[2]) || strchr ("0258", q[2]) != NULL) && q[1] != '\0' && q[2] != '\0'
          && !g_ascii_isalnum (q[3]) && (g_ascii_isupper (q[1]) || g_ascii_isupper (q[2])))
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
  g_auto(GStrv) words = rf_card_split_words (text);
  guint upper;
  guint digits;

  rf_card_count_letters (text, &upper, &digits);
  if (has_us_zip (text) || has_uk_postcode (text) || has_european_postcode (text))
    return TRUE;
  if (digits > 0 && rf_card_count_listed (words, rf_card_street_words) > 0)
    return TRUE;
  /* German compounds: "Hauptstraße 5", "Am Lindenweg 3". */
  for (guint i = 0; digits > 0 && words[i] != NULL; i++)
    {
      g_autofree char *word = rf_card_bare_word (words[i], TRUE);
      static const char * const endings[] = { "straße", "strasse", "str.", "weg", "platz", "allee", "gasse", "damm", "ufer", NULL };

      for (guint e = 0; endings[e] != NULL; e++)
        if (g_str_has_suffix (word, endings[e]) && strlen (word) > strlen (endings[e]) + 2)
          return TRUE;
    }
  if (rf_card_contains_phrase (text, rf_card_country_words) && g_strv_length (words) <= 4)
    return TRUE;
  return g_ascii_strncasecmp (text, "address", 7) == 0 || g_ascii_strncasecmp (text, "a:", 2) == 0;
}

/* -- Parsing ------------------------------------------------------------- */

static void
read_contacts (RfCardFields *fields,
               GPtrArray    *lines,
               GPtrArray    *matches,
               GArray       *kinds)
{
  for (guint i = 0; i < lines->len; i++)
    {
      RfCardLine *line = g_ptr_array_index (lines, i);
      g_autoptr(GPtrArray) phones = NULL;
      gboolean repaired = FALSE;
      g_autofree char *email = rf_card_find_email (line->text, &repaired);
      gsize from = 0;

      if (email != NULL)
        {
          line->kind = RF_CARD_LINE_CONTACT;
          if (fields->values[RF_CARD_FIELD_EMAIL].value == NULL)
            rf_card_set_value (fields, RF_CARD_FIELD_EMAIL, g_steal_pointer (&email), repaired ? 0.7 : 0.85);
          continue;
        }
      {
        g_autofree char *website = rf_card_find_website (line->text, &repaired);

        if (website != NULL)
          {
            line->kind = RF_CARD_LINE_CONTACT;
            if (fields->values[RF_CARD_FIELD_WEBSITE].value == NULL)
              rf_card_set_value (fields, RF_CARD_FIELD_WEBSITE, g_steal_pointer (&website), repaired ? 0.7 : 0.85);
            continue;
          }
      }
      phones = rf_card_find_phones (line->text);
      if (phones->len == 0 && looks_like_address (line->text))
        {
          line->kind = RF_CARD_LINE_ADDRESS;
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
        line->kind = RF_CARD_LINE_CONTACT;
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
      RfCardLine *line = g_ptr_array_index (lines, i);

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
      rf_card_set_value (fields, RF_CARD_FIELD_PHONE, g_strdup (first->number), confidence);
    }
}

static void
read_address (RfCardFields *fields,
              GPtrArray    *lines)
{
  g_autoptr(GString) best = NULL;
  guint best_lines = 0;

  /* "Paddington, London" under "2 Kingdom Street", "Hauptstrafe 5" (OCR's
   * "ß", repaired below) over "10115 Berlin": a line beside an address line, with a comma
   * or a number, and no title, company or department words. */
  for (guint i = 0; i < lines->len; i++)
    {
      RfCardLine *line = g_ptr_array_index (lines, i);
      RfCardLine *before = i > 0 ? g_ptr_array_index (lines, i - 1) : NULL;
      RfCardLine *after = i + 1 < lines->len ? g_ptr_array_index (lines, i + 1) : NULL;
      g_auto(GStrv) words = NULL;
      guint upper;
      guint digits;

      if (line->kind != RF_CARD_LINE_FREE)
        continue;
      /* Two lines away too: columns interleave. */
      if (before != NULL && before->kind != RF_CARD_LINE_ADDRESS && i >= 2)
        before = g_ptr_array_index (lines, i - 2);
      if (after != NULL && after->kind != RF_CARD_LINE_ADDRESS && i + 2 < lines->len)
        after = g_ptr_array_index (lines, i + 2);
      if (!((before != NULL && before->kind == RF_CARD_LINE_ADDRESS) || (after != NULL && after->kind == RF_CARD_LINE_ADDRESS)))
        continue;
      rf_card_count_letters (line->text, &upper, &digits);
      if (strchr (line->text, ',') == NULL && (digits == 0 || digits > 6))
        continue;
      words = rf_card_split_words (line->text);
      if (rf_card_count_listed (words, rf_card_title_words) == 0 && rf_card_count_listed (words, rf_card_company_words) == 0
          && rf_card_count_listed (words, rf_card_department_words) == 0 && g_strv_length (words) <= 8 && upper > 0)
        line->kind = RF_CARD_LINE_ADDRESS;
    }

  for (guint i = 0; i < lines->len;)
    {
      RfCardLine *line = g_ptr_array_index (lines, i);
      g_autoptr(GString) run = NULL;
      guint n = 0;

      if (line->kind != RF_CARD_LINE_ADDRESS)
        {
          i++;
          continue;
        }
      run = g_string_new (NULL);
      for (; i < lines->len; i++, n++)
        {
          const char *text;

          /* Cards in two columns interleave their lines: the address may
           * have one line of the other column in it. */
          if (((RfCardLine *)g_ptr_array_index (lines, i))->kind != RF_CARD_LINE_ADDRESS)
            {
              if (i + 1 < lines->len && ((RfCardLine *)g_ptr_array_index (lines, i + 1))->kind == RF_CARD_LINE_ADDRESS
                  && ((RfCardLine *)g_ptr_array_index (lines, i))->kind == RF_CARD_LINE_FREE)
                i++;
              else
                break;
            }
          text = ((RfCardLine *)g_ptr_array_index (lines, i))->text;

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
      rf_card_repair_street (best);
      rf_card_set_value (fields, RF_CARD_FIELD_ADDRESS, g_string_free (g_steal_pointer (&best), FALSE),
                 best_lines > 1 ? 0.8 : 0.7);
    }
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
  rf_card_cross_check_domains (fields, lines);
  rf_card_assign_people (fields, lines);
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
