/* fuzz-card-parser.c: any text OCR might hand the card parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdint.h>
#include <string.h>

#include "rf-card-parser.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_value (const RfCardValue *value)
{
  if (value->value == NULL)
    return;
  g_assert_true (g_utf8_validate (value->value, -1, NULL));
  g_assert_cmpuint (strlen (value->value), >, 0);
  g_assert_cmpfloat (value->confidence, >=, 0);
  g_assert_cmpfloat (value->confidence, <=, 1);
  g_assert_true (value->unsure == (value->confidence < 0.6));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static RfCardParser *parser;
  g_autoptr(RfCardFields) fields = NULL;
  g_autofree char *text = g_strndup ((const char *)data, size);

  if (parser == NULL)
    parser = rf_card_parser_new ();
  rf_card_parser_set_default_region (parser, size > 0 && data[0] % 2 ? "GB" : NULL);
  fields = rf_card_parser_parse (parser, (const char *)data, size);
  g_assert_nonnull (fields);
  for (guint i = 0; i < RF_CARD_N_FIELDS; i++)
    check_value (&fields->values[i]);

  /* A found email has one "@" and a dot after it; a phone in E.164 is "+"
   * and 7 to 15 digits. */
  if (fields->values[RF_CARD_FIELD_EMAIL].value != NULL)
    {
      const char *email = fields->values[RF_CARD_FIELD_EMAIL].value;
      const char *at = strchr (email, '@');

      g_assert_true (at != NULL && strchr (at + 1, '@') == NULL && strchr (at, '.') != NULL);
    }
  for (guint i = 0; i < fields->phones->len; i++)
    {
      const RfCardPhone *phone = g_ptr_array_index (fields->phones, i);

      if (phone->e164)
        {
          g_assert_true (phone->number[0] == '+');
          g_assert_cmpuint (strlen (phone->number), >=, 8);
          g_assert_cmpuint (strlen (phone->number), <=, 16);
          for (const char *p = phone->number + 1; *p != '\0'; p++)
            g_assert_true (g_ascii_isdigit (*p));
        }
    }

  /* The text as a C string (cut at a NUL) parses too. */
  g_clear_pointer (&fields, rf_card_fields_free);
  fields = rf_card_parser_parse (parser, text, -1);
  g_assert_nonnull (fields);
  return 0;
}
