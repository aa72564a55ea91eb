/* rf-lead-detail.h: everything about one lead, and working it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rf-lead-engine.h"

#include "rf-database.h"
#include "rf-lead.h"
#include "rf-lead-engine.h"

G_BEGIN_DECLS

#define RF_TYPE_LEAD_DETAIL (rf_lead_detail_get_type ())

G_DECLARE_FINAL_TYPE (RfLeadDetail, rf_lead_detail, RF, LEAD_DETAIL, GtkWidget)

void     rf_lead_detail_set_database      (RfLeadDetail *self,
                                           RfDatabase   *database);
/* The engine that writes dossiers; NULL (tests) leaves Write Dossier off. */
void     rf_lead_detail_set_engine        (RfLeadDetail *self,
                                           RfLeadEngine *engine);
/* Shows lead @id (0: none). Unsaved notes of the previous lead are saved. */
void     rf_lead_detail_set_lead_id       (RfLeadDetail *self,
                                           gint64        id);
gint64   rf_lead_detail_get_lead_id       (RfLeadDetail *self);
/* The whole lead shown, once loaded. */
RfLead  *rf_lead_detail_get_lead         (RfLeadDetail *self);
gboolean rf_lead_detail_get_busy         (RfLeadDetail *self);
/* Saves notes typed since the last save now, not after the pause. */
void     rf_lead_detail_save_notes        (RfLeadDetail *self);

G_END_DECLS
