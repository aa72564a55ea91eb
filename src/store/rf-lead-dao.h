/* rf-lead-dao.h: the leads table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-dao.h"
#include "rf-lead.h"
#include "rf-lead-query.h"

G_BEGIN_DECLS

#define RF_TYPE_LEAD_DAO (rf_lead_dao_get_type ())

/* Listing returns "light" leads: scores, bucket, status, role, tags and the
 * names of company, contact and profile. rf_lead_dao_get_*() returns the
 * whole lead: SPIN, MEDDIC-lite, explanation, notes, dossier. */
G_DECLARE_FINAL_TYPE (RfLeadDao, rf_lead_dao, RF, LEAD_DAO, RfDao)

RfLeadDao *rf_lead_dao_new                    (RfDatabase           *database);

RfLead    *rf_lead_dao_get_sync               (RfLeadDao            *self,
                                               gint64                id,
                                               GCancellable         *cancellable,
                                               GError              **error);
void       rf_lead_dao_get_async              (RfLeadDao            *self,
                                               gint64                id,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
RfLead    *rf_lead_dao_get_finish             (RfLeadDao            *self,
                                               GAsyncResult         *result,
                                               GError              **error);
/* Inserts a new lead (id 0); sets its id and times. */
gint64     rf_lead_dao_insert_sync            (RfLeadDao            *self,
                                               RfLead               *lead,
                                               GCancellable         *cancellable,
                                               GError              **error);
/* Writes profile, scores, bucket and classification of a stored lead. */
gboolean   rf_lead_dao_update_score_sync      (RfLeadDao            *self,
                                               RfLead               *lead,
                                               GCancellable         *cancellable,
                                               GError              **error);
gboolean   rf_lead_dao_set_status_sync        (RfLeadDao            *self,
                                               gint64                id,
                                               RfLeadStatus          status,
                                               GCancellable         *cancellable,
                                               GError              **error);
void       rf_lead_dao_set_status_async       (RfLeadDao            *self,
                                               gint64                id,
                                               RfLeadStatus          status,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean   rf_lead_dao_set_status_finish      (RfLeadDao            *self,
                                               GAsyncResult         *result,
                                               GError              **error);
gboolean   rf_lead_dao_set_notes_sync         (RfLeadDao            *self,
                                               gint64                id,
                                               const char           *notes,
                                               GCancellable         *cancellable,
                                               GError              **error);
void       rf_lead_dao_set_notes_async        (RfLeadDao            *self,
                                               gint64                id,
                                               const char           *notes,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean   rf_lead_dao_set_notes_finish       (RfLeadDao            *self,
                                               GAsyncResult         *result,
                                               GError              **error);
gboolean   rf_lead_dao_set_dossier_sync       (RfLeadDao            *self,
                                               gint64                id,
                                               RfDossier            *dossier,
                                               GCancellable         *cancellable,
                                               GError              **error);

/* Listing and counting (rf-lead-dao-query.c). */
GPtrArray *rf_lead_dao_list_sync              (RfLeadDao            *self,
                                               const RfLeadQuery    *query,
                                               GCancellable         *cancellable,
                                               GError              **error);
void       rf_lead_dao_list_async             (RfLeadDao            *self,
                                               const RfLeadQuery    *query,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
GPtrArray *rf_lead_dao_list_finish            (RfLeadDao            *self,
                                               GAsyncResult         *result,
                                               GError              **error);
/* The ids in query order, for models that load rows page by page. */
GArray    *rf_lead_dao_list_ids_sync          (RfLeadDao            *self,
                                               const RfLeadQuery    *query,
                                               GCancellable         *cancellable,
                                               GError              **error);
void       rf_lead_dao_list_ids_async         (RfLeadDao            *self,
                                               const RfLeadQuery    *query,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
GArray    *rf_lead_dao_list_ids_finish        (RfLeadDao            *self,
                                               GAsyncResult         *result,
                                               GError              **error);
/* Light leads for @ids, in the order given; missing ids are skipped. */
GPtrArray *rf_lead_dao_get_many_sync          (RfLeadDao            *self,
                                               const gint64         *ids,
                                               guint                 n_ids,
                                               GCancellable         *cancellable,
                                               GError              **error);
void       rf_lead_dao_get_many_async         (RfLeadDao            *self,
                                               const gint64         *ids,
                                               guint                 n_ids,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
GPtrArray *rf_lead_dao_get_many_finish        (RfLeadDao            *self,
                                               GAsyncResult         *result,
                                               GError              **error);
guint      rf_lead_dao_count_sync             (RfLeadDao            *self,
                                               const RfLeadQuery    *query,
                                               GCancellable         *cancellable,
                                               GError              **error);
/* The seed's score distribution: counts[RfScoreBucket] of the leads
 * @query selects, its bucket mask ignored. */
gboolean   rf_lead_dao_count_by_bucket_sync   (RfLeadDao            *self,
                                               const RfLeadQuery    *query,
                                               guint                 counts[RF_N_SCORE_BUCKETS],
                                               GCancellable         *cancellable,
                                               GError              **error);
void       rf_lead_dao_count_by_bucket_async  (RfLeadDao            *self,
                                               const RfLeadQuery    *query,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean   rf_lead_dao_count_by_bucket_finish (RfLeadDao            *self,
                                               GAsyncResult         *result,
                                               guint                 counts[RF_N_SCORE_BUCKETS],
                                               GError              **error);

/* Statistics (rf-lead-dao-stats.c). The score histogram: bins[i] counts
 * the leads scoring 10i to 10i+9.99 (the last bin holds 90-100) among
 * those @query selects, its bucket mask ignored. */
#define RF_SCORE_HISTOGRAM_BINS 10

gboolean   rf_lead_dao_score_histogram_sync   (RfLeadDao            *self,
                                               const RfLeadQuery    *query,
                                               guint                 bins[RF_SCORE_HISTOGRAM_BINS],
                                               GCancellable         *cancellable,
                                               GError              **error);
void       rf_lead_dao_score_histogram_async  (RfLeadDao            *self,
                                               const RfLeadQuery    *query,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean   rf_lead_dao_score_histogram_finish (RfLeadDao            *self,
                                               GAsyncResult         *result,
                                               guint                 bins[RF_SCORE_HISTOGRAM_BINS],
                                               GError              **error);

/* Removing (rf-lead-dao-query.c). Trashed leads are hidden until restored
 * or purged; delete removes a lead with its signal and activities. */
typedef enum {
  RF_LEAD_REMOVAL_TRASH,
  RF_LEAD_REMOVAL_RESTORE,
  RF_LEAD_REMOVAL_DELETE,
} RfLeadRemoval;

guint      rf_lead_dao_remove_sync            (RfLeadDao            *self,
                                               RfLeadRemoval         removal,
                                               const gint64         *ids,
                                               guint                 n_ids,
                                               GCancellable         *cancellable,
                                               GError              **error);
void       rf_lead_dao_remove_async           (RfLeadDao            *self,
                                               RfLeadRemoval         removal,
                                               const gint64         *ids,
                                               guint                 n_ids,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean   rf_lead_dao_remove_finish          (RfLeadDao            *self,
                                               GAsyncResult         *result,
                                               GError              **error);
gboolean   rf_lead_dao_purge_trash_sync       (RfLeadDao            *self,
                                               GCancellable         *cancellable,
                                               GError              **error);

/* Database thread only. */
RfLead    *rf_lead_dao_get_in_thread          (RfDatabase           *database,
                                               gint64                id,
                                               GError              **error);
gint64     rf_lead_dao_find_by_signal_in_thread (RfDatabase         *database,
                                                 gint64              signal_id,
                                                 GError            **error);
gint64     rf_lead_dao_insert_in_thread       (RfDatabase           *database,
                                               RfLead               *lead,
                                               GError              **error);
gboolean   rf_lead_dao_update_score_in_thread (RfDatabase           *database,
                                               RfLead               *lead,
                                               GError              **error);
gboolean   rf_lead_dao_set_dossier_in_thread  (RfDatabase           *database,
                                               gint64                id,
                                               RfDossier            *dossier,
                                               GError              **error);
GPtrArray *rf_lead_dao_list_in_thread         (RfDatabase           *database,
                                               const RfLeadQuery    *query,
                                               GError              **error);

G_END_DECLS
