/* rf-text-contacts-private.h: shared by the rf-text-*.c files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-card-parser-private.h"
#include "rf-text-contacts.h"

G_BEGIN_DECLS

/* Names and titles are short: the line from @start, at most this long,
 * so that a page of commas costs no more than a page of words. */
#define SPAN_BYTES 160

/* The text as read, and its words (split on spaces, line breaks too). */
typedef struct
{
  const char *text;
  char      **tokens;
} Scan;

extern const char * const rf_text_platform_hosts[];
extern const char * const rf_text_not_names[];
extern const char * const rf_text_connectors[];

gboolean  rf_text_is_listed       (const char          *word,
                                   const char * const  *list);
char     *rf_text_bare_token      (const char          *token);
gboolean  rf_text_starts_upper    (const char          *word);
gboolean  rf_text_name_word       (const char          *word);
char     *rf_text_span_after      (const char          *start);
gboolean  rf_text_ends_clause     (const char          *word);
char     *rf_text_name_before     (const char          *text,
                                   const char          *end);
char     *rf_text_name_after      (const char          *start);

/* rf-text-company.c: each returns the name or NULL. */
char     *rf_text_company_from_labels     (const char     *text);
char     *rf_text_company_before_dot      (const char     *text);
char     *rf_text_company_before_website  (const char     *text,
                                           const char     *website);
char     *rf_text_company_from_phrases    (const char     *text);
char     *rf_text_company_spelling_host   (Scan           *scan,
                                           const char     *website);
char     *rf_text_company_after_openings  (const char     *text,
                                           RfTextContacts *contacts);
char     *rf_text_company_from_host       (const char     *website);

/* rf-text-people.c: each fills what it finds into @contacts. */
void      rf_text_person_from_labels      (const char     *text,
                                           RfTextContacts *contacts);
void      rf_text_person_from_email       (Scan           *scan,
                                           RfTextContacts *contacts);
void      rf_text_person_after_title      (Scan           *scan,
                                           RfTextContacts *contacts);
void      rf_text_person_from_signature   (const char     *text,
                                           RfTextContacts *contacts);

G_END_DECLS
