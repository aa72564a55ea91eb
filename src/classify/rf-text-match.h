/* rf-text-match.h: keyword and phrase matching on normalised text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Text folded for matching: case-folded, every run of characters that are
 * not letters or digits turned into one space, with a space at each end, so
 * that " phrase " finds whole words. */
typedef struct _RfMatchText RfMatchText;

RfMatchText *rf_match_text_new        (const char  *text,
                                       gssize       length);
void         rf_match_text_append     (RfMatchText *self,
                                       const char  *text);
void         rf_match_text_free       (RfMatchText *self);
const char  *rf_match_text_get_folded (RfMatchText *self);
gboolean     rf_match_text_contains   (RfMatchText *self,
                                       const char  *phrase);
gboolean     rf_match_text_contains_folded (RfMatchText *self,
                                            const char  *folded_phrase);
const char  *rf_match_text_find_any   (RfMatchText        *self,
                                       const char * const *phrases);

char        *rf_match_fold            (const char  *text,
                                       gssize       length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfMatchText, rf_match_text_free)

G_END_DECLS
