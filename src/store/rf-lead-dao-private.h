/* rf-lead-dao-private.h: what the two halves of the lead DAO share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-database-private.h"
#include "rf-lead-dao.h"

G_BEGIN_DECLS

/* Columns of a light lead, then the rest of a whole one. A light lead's
 * profile name (the last light column) is filled from a small table of
 * names by rf_lead_dao_fill_profile_names(): one join fewer per row. */
#define RF_LEAD_COMMON_COLUMNS \
  "l.id, l.signal_id, l.company_id, l.contact_id, l.icp_id, l.score_fit, l.score_pain, " \
  "l.score_data_quality, l.total_score, l.score_bucket, l.icp_match, l.size_bucket, " \
  "l.role_type, l.pain_tags, l.classifier, l.status, l.created_at, l.updated_at, " \
  "l.source_type, c.name, c.website, p.name, p.email, p.phone"

#define RF_LEAD_LIGHT_COLUMNS RF_LEAD_COMMON_COLUMNS ", NULL"

#define RF_LEAD_FULL_COLUMNS RF_LEAD_COMMON_COLUMNS ", i.name, " \
  "l.spin_situation, l.spin_problem, l.spin_implication, l.spin_need_payoff, " \
  "l.meddic_economic_buyer, l.meddic_key_pain, l.meddic_chaos_flags, l.prompt_version, " \
  "l.explanation, l.matched_criteria, l.matched_keywords, l.repairs, l.notes, l.dossier, p.title"

#define RF_LEAD_LIGHT_JOINS \
  "FROM leads l " \
  "LEFT JOIN companies c ON c.id = l.company_id " \
  "LEFT JOIN contacts p ON p.id = l.contact_id "

#define RF_LEAD_FULL_JOINS RF_LEAD_LIGHT_JOINS \
  "LEFT JOIN icp_profiles i ON i.id = l.icp_id "

RfLead *rf_lead_dao_lead_from_row (sqlite3_stmt *stmt,
                                   gboolean      full);
char   *rf_lead_dao_ids_to_json   (const gint64 *ids,
                                   guint         n_ids);
gboolean rf_lead_dao_fill_profile_names (RfDatabase  *database,
                                         GPtrArray   *leads,
                                         GError     **error);
sqlite3_stmt *rf_lead_dao_prepare_filtered (RfDatabase         *database,
                                            const char         *columns,
                                            const RfLeadQuery  *query,
                                            gboolean            with_buckets,
                                            const char         *tail,
                                            GError            **error);

G_END_DECLS
