/* fuzz-strv-json.c: the list-column parser the store reads every row with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdint.h>

#include "rf-strv-json.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *)data, size);
  g_auto(GStrv) list = rf_strv_from_json (text);
  g_autofree char *again = rf_strv_to_json ((const char * const *)list);
  g_auto(GStrv) round_trip = rf_strv_from_json (again);

  /* What was read writes back to the same list. */
  g_assert_true (g_strv_equal ((const char * const *)list, (const char * const *)round_trip));
  for (guint i = 0; list[i] != NULL; i++)
    g_assert_true (g_utf8_validate (list[i], -1, NULL) || !g_utf8_validate (text, -1, NULL));
  return 0;
}
