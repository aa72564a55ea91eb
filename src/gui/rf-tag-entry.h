/* rf-tag-entry.h: a list of words as chips: type, Enter adds one, its ×
 * removes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RF_TYPE_TAG_ENTRY (rf_tag_entry_get_type ())

G_DECLARE_FINAL_TYPE (RfTagEntry, rf_tag_entry, RF, TAG_ENTRY, GtkWidget)

GtkWidget          *rf_tag_entry_new              (void);
const char * const *rf_tag_entry_get_tags         (RfTagEntry         *self);
void                rf_tag_entry_set_tags         (RfTagEntry         *self,
                                                   const char * const *tags);
gboolean            rf_tag_entry_add_tag          (RfTagEntry         *self,
                                                   const char         *tag);
gboolean            rf_tag_entry_remove_tag       (RfTagEntry         *self,
                                                   const char         *tag);
guint               rf_tag_entry_get_n_tags       (RfTagEntry         *self);
GtkEditable        *rf_tag_entry_get_editable     (RfTagEntry         *self);
/* Adds what is typed, as Enter does. */
void                rf_tag_entry_commit           (RfTagEntry         *self);

G_END_DECLS
