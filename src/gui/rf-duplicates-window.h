/* rf-duplicates-window.h: likely duplicate companies and contacts shown
 * side by side for review, merged into a chosen primary, with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rf-database.h"

G_BEGIN_DECLS

#define RF_TYPE_DUPLICATES_WINDOW (rf_duplicates_window_get_type ())

G_DECLARE_FINAL_TYPE (RfDuplicatesWindow, rf_duplicates_window, RF, DUPLICATES_WINDOW, AdwWindow)

RfDuplicatesWindow *rf_duplicates_window_new               (RfDatabase         *database);
/* Finds the groups again (done once when the window is made). */
void                rf_duplicates_window_reload            (RfDuplicatesWindow *self);

/* For tests. */
gboolean            rf_duplicates_window_is_idle           (RfDuplicatesWindow *self);
const char         *rf_duplicates_window_get_page          (RfDuplicatesWindow *self);
guint               rf_duplicates_window_get_n_groups      (RfDuplicatesWindow *self);
GtkCheckButton     *rf_duplicates_window_get_primary_check (RfDuplicatesWindow *self,
                                                            guint               group,
                                                            guint               record);
GtkButton          *rf_duplicates_window_get_merge_button  (RfDuplicatesWindow *self,
                                                            guint               group);

G_END_DECLS
