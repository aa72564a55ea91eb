/* rf-alerts.h: a desktop notification when a red-hot lead arrives while
 * the window is in the background
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rf-lead-engine.h"

G_BEGIN_DECLS

#define RF_TYPE_ALERTS (rf_alerts_get_type ())

G_DECLARE_FINAL_TYPE (RfAlerts, rf_alerts, RF, ALERTS, GObject)

/* @settings: (nullable): without it, alerts are on. */
RfAlerts *rf_alerts_new        (GApplication *application,
                                RfLeadEngine *engine,
                                GSettings    *settings);
guint     rf_alerts_get_n_sent (RfAlerts     *self);
/* The notification a lead gets (its id is "lead-ID"; activating it runs
 * app.show-lead with the lead's id). */
GNotification *rf_alerts_build_notification (RfLead *lead);

G_END_DECLS
