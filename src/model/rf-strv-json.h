/* rf-strv-json.h: string lists as JSON arrays, the form the store keeps them in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *rf_strv_to_json   (const char * const *strv);
char **rf_strv_from_json (const char         *json);
void   rf_json_escape_append (GString        *out,
                              const char     *text);

G_END_DECLS
