/* rf-preferences-window.h: the GSettings schema as preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RF_TYPE_PREFERENCES_WINDOW (rf_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RfPreferencesWindow, rf_preferences_window, RF, PREFERENCES_WINDOW, AdwPreferencesWindow)

RfPreferencesWindow *rf_preferences_window_new            (GSettings           *settings);
/* Asks the server in the address row: the version, then the models. */
void                 rf_preferences_window_test           (RfPreferencesWindow *self);
/* For tests. */
gboolean             rf_preferences_window_get_busy       (RfPreferencesWindow *self);
const char          *rf_preferences_window_get_test_result (RfPreferencesWindow *self);
GListModel          *rf_preferences_window_get_models     (RfPreferencesWindow *self);
AdwEntryRow         *rf_preferences_window_get_url_row    (RfPreferencesWindow *self);
AdwComboRow         *rf_preferences_window_get_fast_row   (RfPreferencesWindow *self);
GtkSpinButton       *rf_preferences_window_get_threshold  (RfPreferencesWindow *self);
GtkSpinButton       *rf_preferences_window_get_in_flight  (RfPreferencesWindow *self);
GtkSwitch           *rf_preferences_window_get_notifications (RfPreferencesWindow *self);

G_END_DECLS
