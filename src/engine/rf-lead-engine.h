/* rf-lead-engine.h: signal -> store -> classify -> score -> dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-company.h"
#include "rf-config.h"
#include "rf-contact.h"
#include "rf-database.h"
#include "rf-lead.h"
#include "rf-ollama-client.h"
#include "rf-signal.h"

G_BEGIN_DECLS

typedef enum
{
  RF_OLLAMA_STATUS_UNKNOWN,
  RF_OLLAMA_STATUS_CHECKING,
  RF_OLLAMA_STATUS_READY,          /* the fast model answers */
  RF_OLLAMA_STATUS_NOT_RUNNING,    /* scoring by rules */
  RF_OLLAMA_STATUS_MODEL_MISSING,  /* the fast model is not pulled: rules */
} RfOllamaStatus;

#define RF_TYPE_OLLAMA_STATUS (rf_ollama_status_get_type ())
GType rf_ollama_status_get_type (void);

/* What became of one signal: its lead (always, once stored) and, when the
 * model could not score it, why (the lead then has the rules' score). */
typedef struct
{
  RfLead   *lead;
  GError   *ollama_error;
  gboolean  duplicate;     /* the signal had been seen: its existing lead */
} RfClassifyOutcome;

void rf_classify_outcome_free (RfClassifyOutcome *outcome);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfClassifyOutcome, rf_classify_outcome_free)

#define RF_TYPE_LEAD_ENGINE (rf_lead_engine_get_type ())

G_DECLARE_FINAL_TYPE (RfLeadEngine, rf_lead_engine, RF, LEAD_ENGINE, GObject)

RfLeadEngine      *rf_lead_engine_new                 (RfDatabase           *database,
                                                       RfConfig             *config);
RfDatabase        *rf_lead_engine_get_database        (RfLeadEngine         *self);
RfConfig          *rf_lead_engine_get_config          (RfLeadEngine         *self);
RfOllamaClient    *rf_lead_engine_get_ollama          (RfLeadEngine         *self);
RfOllamaStatus     rf_lead_engine_get_ollama_status   (RfLeadEngine         *self);
const char        *rf_lead_engine_get_status_message  (RfLeadEngine         *self);
gboolean           rf_lead_engine_get_dossiers_enabled (RfLeadEngine        *self);
void               rf_lead_engine_set_automatic_dossiers (RfLeadEngine      *self,
                                                         gboolean           automatic);
guint              rf_lead_engine_get_pending         (RfLeadEngine         *self);
guint              rf_lead_engine_get_completed       (RfLeadEngine         *self);

void               rf_lead_engine_check_ollama_async  (RfLeadEngine         *self,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
RfOllamaStatus     rf_lead_engine_check_ollama_finish (RfLeadEngine         *self,
                                                       GAsyncResult         *result);

void               rf_lead_engine_classify_async      (RfLeadEngine         *self,
                                                       RfSignal             *signal,
                                                       RfCompany            *company,
                                                       RfContact            *contact,
                                                       gint64                icp_id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
RfClassifyOutcome *rf_lead_engine_classify_finish     (RfLeadEngine         *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

void               rf_lead_engine_rescore_async       (RfLeadEngine         *self,
                                                       const gint64         *lead_ids,
                                                       guint                 n_lead_ids,
                                                       gint64                icp_id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
guint              rf_lead_engine_rescore_finish      (RfLeadEngine         *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

void               rf_lead_engine_write_dossier_async (RfLeadEngine         *self,
                                                       gint64                lead_id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
RfLead            *rf_lead_engine_write_dossier_finish (RfLeadEngine        *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

void               rf_lead_engine_wait_idle_async     (RfLeadEngine         *self,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean           rf_lead_engine_wait_idle_finish    (RfLeadEngine         *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void               rf_lead_engine_cancel_all          (RfLeadEngine         *self);

G_END_DECLS
