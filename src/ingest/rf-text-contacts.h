/* rf-text-contacts.h: who a pasted text is about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a job post, a web page or a note says about the company and a
 * person to write to. Every field may be NULL. */
typedef struct
{
  char *company;
  char *website;   /* as written, "https://…" added to a bare host */
  char *name;
  char *title;
  char *email;
  char *phone;
} RfTextContacts;

RfTextContacts *rf_text_contacts_find (const char     *text);
void            rf_text_contacts_free (RfTextContacts *contacts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfTextContacts, rf_text_contacts_free)

G_END_DECLS
