/* rf-vcard.h: vCard 4.0 out, 2.1 to 4.0 in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-column-mapping.h"

G_BEGIN_DECLS

/* The properties the app uses; the others are kept as text. */
typedef struct
{
  char      *formatted_name;  /* FN */
  char      *family_name;     /* N, first part */
  char      *given_name;      /* N, second part */
  char      *organization;    /* ORG, first part */
  char      *title;           /* TITLE */
  char      *url;             /* URL */
  char      *address;         /* ADR, parts joined by ", " */
  char      *note;            /* NOTE */
  GPtrArray *emails;          /* EMAIL, in order */
  GPtrArray *phones;          /* TEL, in order (a "tel:" URI undone) */
  GString   *other;           /* everything else, "NAME: value" lines */
} RfVcard;

RfVcard   *rf_vcard_new        (void);
void       rf_vcard_free       (RfVcard     *card);
GPtrArray *rf_vcard_parse      (const char  *text,
                                gsize        length,
                                GError     **error);
char      *rf_vcard_to_string  (const RfVcard *card);
void       rf_vcard_to_row     (const RfVcard *card,
                                RfMappedRow   *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfVcard, rf_vcard_free)

G_END_DECLS
