/* rf-card-parser.h: the text of a business card to contact fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  RF_CARD_FIELD_NAME,
  RF_CARD_FIELD_TITLE,
  RF_CARD_FIELD_COMPANY,
  RF_CARD_FIELD_EMAIL,
  RF_CARD_FIELD_PHONE,
  RF_CARD_FIELD_WEBSITE,
  RF_CARD_FIELD_ADDRESS,
  RF_CARD_N_FIELDS
} RfCardField;

typedef enum
{
  RF_CARD_PHONE_OTHER,
  RF_CARD_PHONE_WORK,
  RF_CARD_PHONE_MOBILE,
  RF_CARD_PHONE_FAX,
} RfCardPhoneKind;

typedef struct
{
  char            *number;   /* E.164 when the country is known, else as printed */
  RfCardPhoneKind  kind;
  gboolean         e164;
} RfCardPhone;

typedef struct
{
  char     *value;       /* NULL: not found */
  double    confidence;  /* 0-1 */
  gboolean  unsure;      /* the UI should ask */
} RfCardValue;

typedef struct
{
  RfCardValue  values[RF_CARD_N_FIELDS];
  GPtrArray   *phones;      /* RfCardPhone, the chosen one first */
  char        *honorific;   /* "Dr.", "Prof." ... or NULL */
  char        *department;  /* "Cloud & AI Department" or NULL */
  char        *region;      /* ISO 3166 code the phones were read for, or NULL */
} RfCardFields;

#define RF_TYPE_CARD_PARSER (rf_card_parser_get_type ())

G_DECLARE_FINAL_TYPE (RfCardParser, rf_card_parser, RF, CARD_PARSER, GObject)

RfCardParser *rf_card_parser_new                 (void);
const char   *rf_card_parser_get_default_region  (RfCardParser     *self);
void          rf_card_parser_set_default_region  (RfCardParser     *self,
                                                  const char       *region);
RfCardFields *rf_card_parser_parse               (RfCardParser     *self,
                                                  const char       *text,
                                                  gssize            length);

void          rf_card_fields_free                (RfCardFields     *fields);
const char   *rf_card_fields_get                 (const RfCardFields *fields,
                                                  RfCardField       field);
const char   *rf_card_field_to_string            (RfCardField       field);
const char   *rf_card_phone_kind_to_string       (RfCardPhoneKind   kind);

/* The repairs, public for the tests and the fuzzer. Each returns NULL
 * when @text holds no such thing. */
char         *rf_card_find_email                 (const char       *text,
                                                  gboolean         *repaired);
char         *rf_card_find_website               (const char       *text,
                                                  gboolean         *repaired);
char         *rf_card_normalize_phone            (const char       *text,
                                                  const char       *region,
                                                  gboolean         *e164);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfCardFields, rf_card_fields_free)

G_END_DECLS
