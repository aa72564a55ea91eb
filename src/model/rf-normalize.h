/* rf-normalize.h: the keys companies and contacts are deduplicated on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *rf_normalize_domain       (const char *website_or_email);
char *rf_normalize_company_name (const char *name);
char *rf_normalize_person_name  (const char *name);
char *rf_normalize_email        (const char *email);

G_END_DECLS
