/* fuzz-text-contacts.c: any text a person might paste as a signal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdint.h>
#include <string.h>

#include "rf-text-contacts.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_field (const char *value)
{
  if (value == NULL)
    return;
  g_assert_true (g_utf8_validate (value, -1, NULL));
  g_assert_cmpuint (strlen (value), >, 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *)data, size);
  g_autoptr(RfTextContacts) found = rf_text_contacts_find (text);

  check_field (found->company);
  check_field (found->website);
  check_field (found->name);
  check_field (found->title);
  check_field (found->email);
  check_field (found->phone);
  /* An email has one "@" with a dot after it, and is in the text. */
  if (found->email != NULL)
    {
      const char *at = strchr (found->email, '@');

      g_assert_true (at != NULL && strchr (at + 1, '@') == NULL && strchr (at, '.') != NULL);
    }
  return 0;
}
