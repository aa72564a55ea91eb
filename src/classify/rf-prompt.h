/* rf-prompt.h: versioned prompt templates and answer schemas, read from
 * the GResource
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RF_TYPE_PROMPT (rf_prompt_get_type ())

G_DECLARE_FINAL_TYPE (RfPrompt, rf_prompt, RF, PROMPT, GObject)

RfPrompt   *rf_prompt_load        (const char  *name,
                                   GError     **error);
const char *rf_prompt_get_name    (RfPrompt    *self);
const char *rf_prompt_get_version (RfPrompt    *self);
const char *rf_prompt_get_system  (RfPrompt    *self);
JsonNode   *rf_prompt_get_schema  (RfPrompt    *self);
char       *rf_prompt_render_user (RfPrompt    *self,
                                   GHashTable  *values);
char       *rf_prompt_quote_signal (const char *text);

G_END_DECLS
