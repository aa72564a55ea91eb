/* rf-lead-private.h: an RfLead's fields, for the files that make up the
 * class (model only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-lead.h"

G_BEGIN_DECLS

struct _RfLead
{
  GObject parent_instance;

  gint64 id;
  gint64 signal_id;
  gint64 company_id;
  gint64 contact_id;
  gint64 icp_id;
  double total_score;
  RfScoreBucket score_bucket;
  RfClassification *classification;
  RfDossier *dossier;
  RfLeadStatus status;
  char *notes;
  gint64 created_at;
  gint64 updated_at;
  RfSourceType source_type;
  char *company_name;
  char *company_website;
  char *contact_name;
  char *contact_email;
  char *contact_phone;
  char *contact_title;
  char *icp_name;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_SIGNAL_ID,
  PROP_COMPANY_ID,
  PROP_CONTACT_ID,
  PROP_ICP_ID,
  PROP_TOTAL_SCORE,
  PROP_SCORE_BUCKET,
  PROP_CLASSIFICATION,
  PROP_DOSSIER,
  PROP_STATUS,
  PROP_NOTES,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_SOURCE_TYPE,
  PROP_COMPANY_NAME,
  PROP_COMPANY_WEBSITE,
  PROP_CONTACT_NAME,
  PROP_CONTACT_EMAIL,
  PROP_CONTACT_PHONE,
  PROP_CONTACT_TITLE,
  PROP_ICP_NAME,
  RF_LEAD_N_PROPS
};

extern GParamSpec *rf_lead_properties[RF_LEAD_N_PROPS];

G_END_DECLS
