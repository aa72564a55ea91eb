/* fuzz-vcard.c: any .vcf a user drops
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdint.h>

#include "rf-vcard.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = rf_vcard_parse ((const char *)data, size, &error);

  g_assert_true ((cards == NULL) == (error != NULL));
  for (guint i = 0; cards != NULL && i < cards->len; i++)
    {
      RfVcard *card = g_ptr_array_index (cards, i);
      g_autofree char *text = rf_vcard_to_string (card);
      g_autoptr(GPtrArray) again = rf_vcard_parse (text, strlen (text), NULL);
      RfMappedRow row = { 0 };

      /* What we write, we read back as one card. */
      g_assert_nonnull (again);
      g_assert_cmpuint (again->len, ==, 1);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      rf_vcard_to_row (card, &row);
      g_assert_nonnull (row.contact);
      rf_mapped_row_clear (&row);
    }
  return 0;
}
