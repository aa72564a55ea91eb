/* rf-import-dao.h: what bulk imports and exports need from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-company.h"
#include "rf-contact.h"
#include "rf-dao.h"
#include "rf-lead.h"
#include "rf-signal.h"

G_BEGIN_DECLS

#define RF_TYPE_IMPORT_DAO (rf_import_dao_get_type ())

G_DECLARE_FINAL_TYPE (RfImportDao, rf_import_dao, RF, IMPORT_DAO, RfDao)

/* What reverting an import removed. */
typedef struct
{
  guint leads;
  guint signals;
  guint companies;
  guint contacts;
} RfImportRevert;

/* A whole lead with what it came from, for export. Any but @lead may be
 * NULL. */
typedef struct
{
  RfLead    *lead;
  RfCompany *company;
  RfContact *contact;
  RfSignal  *signal;
} RfLeadRecord;

void         rf_lead_record_free               (RfLeadRecord     *record);

RfImportDao *rf_import_dao_new                 (RfDatabase       *database);

/* Deletes the leads and signals of import @batch, then the companies and
 * contacts it created that no other lead, signal or contact uses. */
gboolean     rf_import_dao_revert_sync         (RfImportDao      *self,
                                                const char       *batch,
                                                RfImportRevert   *removed,
                                                GCancellable     *cancellable,
                                                GError          **error);
void         rf_import_dao_revert_async        (RfImportDao      *self,
                                                const char       *batch,
                                                GCancellable     *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer          user_data);
gboolean     rf_import_dao_revert_finish       (RfImportDao      *self,
                                                GAsyncResult     *result,
                                                RfImportRevert   *removed,
                                                GError          **error);
/* The number of signals import @batch has stored. */
guint        rf_import_dao_count_batch_sync    (RfImportDao      *self,
                                                const char       *batch,
                                                GCancellable     *cancellable,
                                                GError          **error);
/* RfLeadRecord for each of @ids that exists, in that order. */
GPtrArray   *rf_import_dao_get_records_sync    (RfImportDao      *self,
                                                const gint64     *ids,
                                                guint             n_ids,
                                                GCancellable     *cancellable,
                                                GError          **error);

/* Database thread only. Marks a company or contact as made by @batch. */
gboolean     rf_import_dao_tag_company_in_thread (RfDatabase     *database,
                                                  gint64          id,
                                                  const char     *batch,
                                                  GError        **error);
gboolean     rf_import_dao_tag_contact_in_thread (RfDatabase     *database,
                                                  gint64          id,
                                                  const char     *batch,
                                                  GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfLeadRecord, rf_lead_record_free)

G_END_DECLS
