/* rf-engine-store.h: the engine's work on the database thread, built from
 * the DAOs' *_in_thread blocks, each in one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-classification.h"
#include "rf-database.h"
#include "rf-dossier.h"
#include "rf-lead-context.h"

G_BEGIN_DECLS

char          *rf_signal_compute_dedup_key        (RfSignal          *signal,
                                                   RfCompany         *company);
RfLeadContext *rf_engine_store_intake_in_thread   (RfDatabase        *database,
                                                   RfSignal          *signal,
                                                   RfCompany         *company,
                                                   RfContact         *contact,
                                                   gint64             icp_id,
                                                   GError           **error);
RfLeadContext *rf_engine_store_load_in_thread     (RfDatabase        *database,
                                                   gint64             lead_id,
                                                   gint64             icp_id,
                                                   GError           **error);
RfLead        *rf_engine_store_save_score_in_thread (RfDatabase      *database,
                                                     gint64           lead_id,
                                                     gint64           icp_id,
                                                     RfClassification *classification,
                                                     GError         **error);
RfLead        *rf_engine_store_save_dossier_in_thread (RfDatabase    *database,
                                                       gint64         lead_id,
                                                       RfDossier     *dossier,
                                                       GError       **error);

G_END_DECLS
