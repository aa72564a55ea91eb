/* rf-new-signal-dialog.h: type or paste a signal (Ctrl+N), classify it,
 * see the result in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rf-lead-engine.h"

G_BEGIN_DECLS

#define RF_TYPE_NEW_SIGNAL_DIALOG (rf_new_signal_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RfNewSignalDialog, rf_new_signal_dialog, RF, NEW_SIGNAL_DIALOG, AdwWindow)

RfNewSignalDialog *rf_new_signal_dialog_new          (RfLeadEngine      *engine);
void               rf_new_signal_dialog_set_text     (RfNewSignalDialog *self,
                                                      const char        *text);
void               rf_new_signal_dialog_classify     (RfNewSignalDialog *self);
gboolean           rf_new_signal_dialog_get_busy     (RfNewSignalDialog *self);
/* The lead the last Classify made, or 0. */
gint64             rf_new_signal_dialog_get_lead_id  (RfNewSignalDialog *self);

G_END_DECLS
