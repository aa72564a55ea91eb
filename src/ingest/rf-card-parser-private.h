/* rf-card-parser-private.h: shared by rf-card-parser.c and rf-card-repair.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-card-parser.h"

G_BEGIN_DECLS

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

G_END_DECLS
