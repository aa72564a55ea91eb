/* rf-activity-row.h: one entry of a lead's activity timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rf-activity.h"

G_BEGIN_DECLS

#define RF_TYPE_ACTIVITY_ROW (rf_activity_row_get_type ())

/* Emits "done-toggled" (gboolean done) when the user ticks a task. */
G_DECLARE_FINAL_TYPE (RfActivityRow, rf_activity_row, RF, ACTIVITY_ROW, GtkListBoxRow)

GtkWidget  *rf_activity_row_new          (RfActivity    *activity);
RfActivity *rf_activity_row_get_activity (RfActivityRow *self);

G_END_DECLS
