/* rf-status-pill.h: Ollama's state in the header bar: ready, model
 * missing (with Download), offline (scoring by rules), busy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rf-lead-engine.h"

G_BEGIN_DECLS

typedef enum
{
  RF_STATUS_PILL_CHECKING,
  RF_STATUS_PILL_READY,
  RF_STATUS_PILL_MODEL_MISSING,
  RF_STATUS_PILL_OFFLINE,
} RfStatusPillState;

#define RF_STATUS_PILL_RECHECK_SECONDS 30

#define RF_TYPE_STATUS_PILL (rf_status_pill_get_type ())

G_DECLARE_FINAL_TYPE (RfStatusPill, rf_status_pill, RF, STATUS_PILL, GtkWidget)

GtkWidget         *rf_status_pill_new            (RfLeadEngine *engine);
RfStatusPillState  rf_status_pill_get_state      (RfStatusPill *self);
gboolean           rf_status_pill_get_busy       (RfStatusPill *self);
/* Leads scored by rules that wait for an offer to re-score; -1: not counted. */
int                rf_status_pill_get_rules_leads (RfStatusPill *self);
void               rf_status_pill_check          (RfStatusPill *self);
void               rf_status_pill_download       (RfStatusPill *self);
void               rf_status_pill_cancel_download (RfStatusPill *self);
void               rf_status_pill_rescore_rules  (RfStatusPill *self);

G_END_DECLS
