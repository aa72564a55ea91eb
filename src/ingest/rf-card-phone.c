/* rf-card-phone.c: phone numbers out of OCR text, to E.164
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A number is a run of digits, spaces, dots, dashes, slashes and brackets,
 * where letters OCR puts for digits ("O", "l", "S", "B") count as digits
 * between digits. "+CC (0)" drops the trunk zero; without a country code a
 * region's trunk prefix and number length decide.
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <string.h>

#include "rf-card-parser-private.h"

void
rf_card_phone_match_free (RfCardPhoneMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->printed);
  g_free (match->digits);
  g_free (match);
}

static gboolean
is_phone_punct (char c)
{
  return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')';
}

/* Letters OCR puts for digits, read as digits only between digits. */
static char
confusable_digit (char c)
{
  switch (c)
    {
    case 'O': case 'o': case 'Q': case 'D':
      return '0';
    case 'l': case 'I': case '|': case 'i': case '!':
      return '1';
    case 'S':
      return '5';
    case 'B':
      return '8';
    case 'Z':
      return '2';
    case 'G': case 'b':
      return '6';
    case 'T':
      return '7';
    case 'g': case 'q':
      return '9';
    default:
      return 0;
    }
}

GPtrArray *
rf_card_find_phones (const char *line)
{
  GPtrArray *matches = g_ptr_array_new_with_free_func ((GDestroyNotify)rf_card_phone_match_free);
  gsize length = strlen (line);
  gsize i = 0;

  while (i < length)
    {
      gsize start;
      gsize end;
      gsize last_digit;
      g_autoptr(GString) printed = NULL;
      g_autoptr(GString) digits = NULL;
      gboolean seen_digit = FALSE;

      if (!(g_ascii_isdigit (line[i]) || line[i] == '+' || line[i] == '('))
        {
          i++;
          continue;
        }
      /* Not the end of a word ("1st", "W2") or a longer token. */
      if (i > 0 && g_ascii_isalpha (line[i - 1]))
        {
          i++;
          while (i < length && g_ascii_isalnum (line[i]))
            i++;
          continue;
        }

      start = i;
      last_digit = i;
      for (end = i; end < length; end++)
        {
          char c = line[end];

          if (g_ascii_isdigit (c))
            {
              seen_digit = TRUE;
              last_digit = end;
            }
          else if (c == '+' && end == start)
            ;
          else if (is_phone_punct (c))
            {
              /* Two spaces or more end it: columns, or the next field. */
              if (c == ' ' && end + 1 < length && line[end + 1] == ' ')
                break;
            }
          else if (confusable_digit (c) != 0 && seen_digit && end + 1 < length
                   && (g_ascii_isdigit (line[end + 1]) || is_phone_punct (line[end + 1]) || confusable_digit (line[end + 1]))
                   && !(g_ascii_isalpha (line[end + 1]) && confusable_digit (line[end + 1]) == 0))
            ;
          else if (confusable_digit (c) != 0 && seen_digit && end + 1 == length)
            ;
          else
            break;
        }
      end = last_digit + 1;
      /* A closing bracket right after the last digit belongs to it. */
      if (end < length && line[end] == ')')
        end++;

      printed = g_string_new (NULL);
      digits = g_string_new (NULL);
      for (gsize k = start; k < end; k++)
        {
          char c = line[k];
          char digit = g_ascii_isdigit (c) ? c : confusable_digit (c);

          if (c == '+' && k == start)
            {
              g_string_append_c (printed, '+');
              g_string_append_c (digits, '+');
            }
          else if (digit != 0 && !is_phone_punct (c))
            {
              g_string_append_c (printed, digit);
              g_string_append_c (digits, digit);
            }
          else
            g_string_append_c (printed, c);
        }
      g_strstrip (printed->str);
      printed->len = strlen (printed->str);

      /* The trunk "(0)" after a country code is not dialled from abroad. */
      if (digits->str[0] == '+')
        {
          const char *trunk = strstr (printed->str, "(0)");

          if (trunk != NULL)
            {
              guint before = 0;

              for (const char *q = printed->str; q < trunk; q++)
                before += g_ascii_isdigit (*q);
              if (before >= 1 && before <= 3)
                g_string_erase (digits, before + 1, 1);
            }
        }

      {
        gsize n_digits = digits->len - (digits->str[0] == '+');

        if (n_digits >= 7 && n_digits <= 15)
          {
            RfCardPhoneMatch *match = g_new0 (RfCardPhoneMatch, 1);

            match->start = start;
            match->end = end;
            match->printed = g_string_free (g_steal_pointer (&printed), FALSE);
            match->digits = g_string_free (g_steal_pointer (&digits), FALSE);
            g_ptr_array_add (matches, match);
          }
      }
      i = MAX (end, start + 1);
    }
  return matches;
}

typedef struct
{
  const char *region;
  const char *code;
  gboolean    trunk_zero;   /* national numbers start with a 0 that is dropped */
  guint       national_digits;  /* with the trunk 0; 0: any length */
} Country;

static const Country countries[] = {
  { "US", "1", FALSE, 10 }, { "CA", "1", FALSE, 10 }, { "GB", "44", TRUE, 11 }, { "IE", "353", TRUE, 0 },
  { "DE", "49", TRUE, 0 }, { "AT", "43", TRUE, 0 }, { "CH", "41", TRUE, 10 }, { "FR", "33", TRUE, 10 },
  { "NL", "31", TRUE, 10 }, { "BE", "32", TRUE, 0 }, { "ES", "34", FALSE, 9 }, { "IT", "39", FALSE, 0 },
  { "PT", "351", FALSE, 9 }, { "SE", "46", TRUE, 0 }, { "NO", "47", FALSE, 8 }, { "DK", "45", FALSE, 8 },
  { "FI", "358", TRUE, 0 }, { "PL", "48", FALSE, 9 }, { "AU", "61", TRUE, 10 }, { "NZ", "64", TRUE, 0 },
  { "IN", "91", TRUE, 0 }, { "SG", "65", FALSE, 8 }, { "JP", "81", TRUE, 0 }, { "CN", "86", TRUE, 0 },
  { "BR", "55", TRUE, 0 }, { "MX", "52", FALSE, 10 }, { "ZA", "27", TRUE, 10 }, { "AE", "971", TRUE, 0 },
};

static const Country *
country_for_region (const char *region)
{
  if (region == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (g_ascii_strcasecmp (countries[i].region, region) == 0)
      return &countries[i];
  return NULL;
}

const char *
rf_card_region_for_number (const char *e164)
{
  const char *best = NULL;
  gsize best_length = 0;

  if (e164 == NULL || e164[0] != '+')
    return NULL;
  /* The longest code that fits; "+1" is taken for the US. */
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      gsize length = strlen (countries[i].code);

      if (strncmp (e164 + 1, countries[i].code, length) == 0 && length > best_length)
        {
          best = countries[i].region;
          best_length = length;
        }
    }
  return best;
}

/* Lengths of national numbers (after the country code) where they are
 * fixed: a digit too many or too few is an OCR slip, not a number. */
static gboolean
national_length_fits (const char *e164)
{
  static const struct { const char *code; guint min, max; } plans[] = {
    { "1", 10, 10 }, { "44", 9, 10 }, { "33", 9, 9 }, { "31", 9, 9 }, { "34", 9, 9 }, { "61", 9, 9 },
    { "32", 8, 9 }, { "41", 9, 9 }, { "45", 8, 8 }, { "47", 8, 8 }, { "46", 7, 10 }, { "48", 9, 9 },
    { "351", 9, 9 }, { "353", 7, 9 }, { "91", 10, 10 }, { "65", 8, 8 }, { "49", 6, 13 }, { "43", 4, 13 },
  };
  gsize length = strlen (e164 + 1);

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    if (g_str_has_prefix (e164 + 1, plans[i].code))
      {
        gsize national = length - strlen (plans[i].code);

        return national >= plans[i].min && national <= plans[i].max;
      }
  return TRUE;
}

char *
rf_card_phone_to_e164 (const RfCardPhoneMatch *match,
                       const char             *region)
{
  const char *digits = match->digits;
  const Country *country = country_for_region (region);
  gsize length = strlen (digits);

  if (digits[0] == '+')
    return length >= 8 && length <= 16 && national_length_fits (digits) ? g_strdup (digits) : NULL;
  if (g_str_has_prefix (digits, "00") && length >= 10)
    return g_strdup_printf ("+%s", digits + 2);
  if (country == NULL)
    return NULL;

  if (g_str_equal (country->code, "1"))
    {
      if (length == 10 && digits[0] != '0' && digits[0] != '1')
        return g_strdup_printf ("+1%s", digits);
      if (length == 11 && digits[0] == '1')
        return g_strdup_printf ("+%s", digits);
      return NULL;
    }
  if (country->trunk_zero)
    {
      if (digits[0] != '0' || length < 7)
        return NULL;
      if (country->national_digits != 0 && length != country->national_digits)
        return NULL;
      return g_strdup_printf ("+%s%s", country->code, digits + 1);
    }
  if (country->national_digits != 0 && length != country->national_digits)
    return NULL;
  return g_strdup_printf ("+%s%s", country->code, digits);
}

char *
rf_card_normalize_phone (const char *text,
                         const char *region,
                         gboolean   *e164)
{
  g_autoptr(GPtrArray) matches = NULL;
  RfCardPhoneMatch *match;
  char *number;

  g_return_val_if_fail (text != NULL, NULL);

  matches = rf_card_find_phones (text);
  if (matches->len == 0)
    return NULL;
  match = g_ptr_array_index (matches, 0);
  number = rf_card_phone_to_e164 (match, region);
  if (e164 != NULL)
    *e164 = number != NULL;
  return number != NULL ? number : g_strdup (match->printed);
}
