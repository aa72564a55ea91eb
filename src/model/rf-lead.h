/* rf-lead.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rf-classification.h"
#include "rf-dossier.h"
#include "rf-enums.h"

G_BEGIN_DECLS

#define RF_TYPE_LEAD (rf_lead_get_type ())

/* A scored, classified signal ready for outreach. */
G_DECLARE_FINAL_TYPE (RfLead, rf_lead, RF, LEAD, GObject)

RfLead           *rf_lead_new                 (void);
RfLead           *rf_lead_copy                (RfLead *self);
gint64            rf_lead_get_id              (RfLead *self);
void              rf_lead_set_id              (RfLead *self,
                                               gint64  value);
gint64            rf_lead_get_signal_id       (RfLead *self);
void              rf_lead_set_signal_id       (RfLead *self,
                                               gint64  value);
gint64            rf_lead_get_company_id      (RfLead *self);
void              rf_lead_set_company_id      (RfLead *self,
                                               gint64  value);
gint64            rf_lead_get_contact_id      (RfLead *self);
void              rf_lead_set_contact_id      (RfLead *self,
                                               gint64  value);
gint64            rf_lead_get_icp_id          (RfLead *self);
void              rf_lead_set_icp_id          (RfLead *self,
                                               gint64  value);
double            rf_lead_get_total_score     (RfLead *self);
void              rf_lead_set_total_score     (RfLead *self,
                                               double  value);
RfScoreBucket     rf_lead_get_score_bucket    (RfLead *self);
void              rf_lead_set_score_bucket    (RfLead        *self,
                                               RfScoreBucket  value);
RfClassification *rf_lead_get_classification  (RfLead *self);
void              rf_lead_set_classification  (RfLead           *self,
                                               RfClassification *value);
RfDossier        *rf_lead_get_dossier         (RfLead *self);
void              rf_lead_set_dossier         (RfLead    *self,
                                               RfDossier *value);
RfLeadStatus      rf_lead_get_status          (RfLead *self);
void              rf_lead_set_status          (RfLead       *self,
                                               RfLeadStatus  value);
const char       *rf_lead_get_notes           (RfLead *self);
void              rf_lead_set_notes           (RfLead     *self,
                                               const char *value);
gint64            rf_lead_get_created_at      (RfLead *self);
void              rf_lead_set_created_at      (RfLead *self,
                                               gint64  value);
gint64            rf_lead_get_updated_at      (RfLead *self);
void              rf_lead_set_updated_at      (RfLead *self,
                                               gint64  value);
RfSourceType      rf_lead_get_source_type     (RfLead *self);
void              rf_lead_set_source_type     (RfLead       *self,
                                               RfSourceType  value);
const char       *rf_lead_get_company_name    (RfLead *self);
void              rf_lead_set_company_name    (RfLead     *self,
                                               const char *value);
const char       *rf_lead_get_company_website (RfLead *self);
void              rf_lead_set_company_website (RfLead     *self,
                                               const char *value);
const char       *rf_lead_get_contact_name    (RfLead *self);
void              rf_lead_set_contact_name    (RfLead     *self,
                                               const char *value);
const char       *rf_lead_get_contact_email   (RfLead *self);
void              rf_lead_set_contact_email   (RfLead     *self,
                                               const char *value);
const char       *rf_lead_get_contact_phone   (RfLead *self);
void              rf_lead_set_contact_phone   (RfLead     *self,
                                               const char *value);
const char       *rf_lead_get_contact_title   (RfLead *self);
void              rf_lead_set_contact_title   (RfLead     *self,
                                               const char *value);
const char       *rf_lead_get_icp_name        (RfLead *self);
void              rf_lead_set_icp_name        (RfLead     *self,
                                               const char *value);

G_END_DECLS
