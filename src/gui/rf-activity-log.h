/* rf-activity-log.h: a lead's activity timeline, and logging new ones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rf-database.h"

G_BEGIN_DECLS

#define RF_TYPE_ACTIVITY_LOG (rf_activity_log_get_type ())

G_DECLARE_FINAL_TYPE (RfActivityLog, rf_activity_log, RF, ACTIVITY_LOG, GtkWidget)

void     rf_activity_log_set_database (RfActivityLog *self,
                                       RfDatabase    *database);
void     rf_activity_log_set_lead_id  (RfActivityLog *self,
                                       gint64         lead_id);
/* Logs what the form says (as the Log button does). */
void     rf_activity_log_submit       (RfActivityLog *self);
guint    rf_activity_log_get_n_shown  (RfActivityLog *self);
gboolean rf_activity_log_get_loading  (RfActivityLog *self);

G_END_DECLS
