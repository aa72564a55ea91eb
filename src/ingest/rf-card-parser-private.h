/* rf-card-parser-private.h: shared by the rf-card-*.c files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-card-parser.h"

G_BEGIN_DECLS

/* Word lists (lower case), NULL-terminated. */
extern const char * const rf_card_title_words[];
extern const char * const rf_card_company_words[];
extern const char * const rf_card_department_words[];
extern const char * const rf_card_street_words[];
extern const char * const rf_card_country_words[];
extern const char * const rf_card_honorifics[];
extern const char * const rf_card_generic_locals[];

typedef enum
{
  RF_CARD_LINE_FREE,       /* may be name, title or company */
  RF_CARD_LINE_CONTACT,    /* had an email, website or phone */
  RF_CARD_LINE_ADDRESS,
  RF_CARD_LINE_DEPARTMENT,
  RF_CARD_LINE_NOISE,
} RfCardLineKind;

typedef struct
{
  char     *text;
  guint     index;
  RfCardLineKind  kind;
} RfCardLine;

char      **rf_card_split_words           (const char       *text);
char       *rf_card_bare_word             (const char       *word,
                                           gboolean          keep_dot);
guint       rf_card_count_listed          (char            **words,
                                           const char * const *list);
gboolean    rf_card_contains_phrase       (const char       *text,
                                           const char * const *list);
guint       rf_card_count_letters         (const char       *text,
                                           guint            *upper,
                                           guint            *digits);
char       *rf_card_tidy_case             (const char       *text);
void        rf_card_set_value             (RfCardFields     *fields,
                                           RfCardField       field,
                                           char             *value,
                                           double            confidence);
void        rf_card_adjust_confidence     (RfCardFields     *fields,
                                           RfCardField       field,
                                           double            delta);
void        rf_card_cross_check_domains   (RfCardFields     *fields,
                                           GPtrArray        *lines);
void        rf_card_assign_people         (RfCardFields     *fields,
                                           GPtrArray        *lines);

/* A phone number in a line of text. */
typedef struct
{
  gsize    start, end;   /* bytes of the line it was read from */
  char    *printed;      /* as printed, OCR damage repaired */
  char    *digits;       /* its digits, a leading "+" kept, a "(0)" dropped */
} RfCardPhoneMatch;

void        rf_card_phone_match_free      (RfCardPhoneMatch *match);
GPtrArray  *rf_card_find_phones           (const char       *line);
char       *rf_card_phone_to_e164         (const RfCardPhoneMatch *match,
                                           const char       *region);
const char *rf_card_region_for_number     (const char       *e164);
const char *rf_card_region_for_host       (const char       *host);
gboolean    rf_card_is_free_mail          (const char       *host);
char       *rf_card_domain_core           (const char       *host);
char       *rf_card_host_of               (const char       *url_or_email);
guint       rf_card_edit_distance         (const char       *a,
                                           const char       *b);
void        rf_card_repair_street         (GString          *address);

G_END_DECLS
