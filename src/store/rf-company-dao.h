/* rf-company-dao.h: the companies table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-company.h"
#include "rf-dao.h"

G_BEGIN_DECLS

#define RF_TYPE_COMPANY_DAO (rf_company_dao_get_type ())

G_DECLARE_FINAL_TYPE (RfCompanyDao, rf_company_dao, RF, COMPANY_DAO, RfDao)

RfCompanyDao *rf_company_dao_new              (RfDatabase           *database);
RfCompany    *rf_company_dao_get_sync         (RfCompanyDao         *self,
                                               gint64                id,
                                               GCancellable         *cancellable,
                                               GError              **error);
void          rf_company_dao_get_async        (RfCompanyDao         *self,
                                               gint64                id,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
RfCompany    *rf_company_dao_get_finish       (RfCompanyDao         *self,
                                               GAsyncResult         *result,
                                               GError              **error);
/* Writes every field of a stored company (by id). */
gboolean      rf_company_dao_update_sync      (RfCompanyDao         *self,
                                               RfCompany            *company,
                                               GCancellable         *cancellable,
                                               GError              **error);
void          rf_company_dao_update_async     (RfCompanyDao         *self,
                                               RfCompany            *company,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean      rf_company_dao_update_finish    (RfCompanyDao         *self,
                                               GAsyncResult         *result,
                                               GError              **error);
gint64        rf_company_dao_upsert_sync      (RfCompanyDao         *self,
                                               RfCompany            *company,
                                               gboolean             *found,
                                               GCancellable         *cancellable,
                                               GError              **error);

/* Database thread only. */
gint64        rf_company_dao_find_in_thread   (RfDatabase           *database,
                                               RfCompany            *company,
                                               GError              **error);
gint64        rf_company_dao_upsert_in_thread (RfDatabase           *database,
                                               RfCompany            *company,
                                               gboolean             *found,
                                               GError              **error);
RfCompany    *rf_company_dao_get_in_thread    (RfDatabase           *database,
                                               gint64                id,
                                               GError              **error);

G_END_DECLS
