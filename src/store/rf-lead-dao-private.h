/* rf-lead-dao-private.h: what the two halves of the lead DAO share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-database-private.h"
#include "rf-lead-dao.h"

G_BEGIN_DECLS

/* Columns of a light lead, then the rest of a whole one. */
#define RF_LEAD_LIGHT_COLUMNS \
  "l.id, l.signal_id, l.company_id, l.contact_id, l.icp_id, l.score_fit, l.score_pain, " \
  "l.score_data_quality, l.total_score, l.score_bucket, l.icp_match, l.size_bucket, " \
  "l.role_type, l.pain_tags, l.classifier, l.status, l.created_at, l.updated_at, " \
  "s.source_type, c.name, c.website, p.name, p.email, p.phone, i.name"

#define RF_LEAD_FULL_COLUMNS RF_LEAD_LIGHT_COLUMNS ", " \
  "l.spin_situation, l.spin_problem, l.spin_implication, l.spin_need_payoff, " \
  "l.meddic_economic_buyer, l.meddic_key_pain, l.meddic_chaos_flags, l.prompt_version, " \
  "l.explanation, l.matched_criteria, l.matched_keywords, l.repairs, l.notes, l.dossier"

#define RF_LEAD_JOINS \
  "FROM leads l JOIN signals s ON s.id = l.signal_id " \
  "LEFT JOIN companies c ON c.id = l.company_id " \
  "LEFT JOIN contacts p ON p.id = l.contact_id " \
  "LEFT JOIN icp_profiles i ON i.id = l.icp_id "

RfLead *rf_lead_dao_lead_from_row (sqlite3_stmt *stmt,
                                   gboolean      full);
char   *rf_lead_dao_ids_to_json   (const gint64 *ids,
                                   guint         n_ids);

G_END_DECLS
