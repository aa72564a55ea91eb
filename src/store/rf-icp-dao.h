/* rf-icp-dao.h: the icp_profiles table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-dao.h"
#include "rf-icp-profile.h"

G_BEGIN_DECLS

#define RF_TYPE_ICP_DAO (rf_icp_dao_get_type ())

G_DECLARE_FINAL_TYPE (RfIcpDao, rf_icp_dao, RF, ICP_DAO, RfDao)

RfIcpDao     *rf_icp_dao_new              (RfDatabase           *database);

/* Inserts when the id is 0, else updates. _sync sets the id and times on
 * @profile; _finish returns the stored copy with them. */
gboolean      rf_icp_dao_save_sync        (RfIcpDao             *self,
                                           RfIcpProfile         *profile,
                                           GCancellable         *cancellable,
                                           GError              **error);
void          rf_icp_dao_save_async       (RfIcpDao             *self,
                                           RfIcpProfile         *profile,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
RfIcpProfile *rf_icp_dao_save_finish      (RfIcpDao             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
RfIcpProfile *rf_icp_dao_get_sync         (RfIcpDao             *self,
                                           gint64                id,
                                           GCancellable         *cancellable,
                                           GError              **error);
void          rf_icp_dao_get_async        (RfIcpDao             *self,
                                           gint64                id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
RfIcpProfile *rf_icp_dao_get_finish       (RfIcpDao             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
/* Array of RfIcpProfile, by name. */
GPtrArray    *rf_icp_dao_list_sync        (RfIcpDao             *self,
                                           gboolean              only_active,
                                           GCancellable         *cancellable,
                                           GError              **error);
void          rf_icp_dao_list_async       (RfIcpDao             *self,
                                           gboolean              only_active,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GPtrArray    *rf_icp_dao_list_finish      (RfIcpDao             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
gboolean      rf_icp_dao_delete_sync      (RfIcpDao             *self,
                                           gint64                id,
                                           GCancellable         *cancellable,
                                           GError              **error);
void          rf_icp_dao_delete_async     (RfIcpDao             *self,
                                           gint64                id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean      rf_icp_dao_delete_finish    (RfIcpDao             *self,
                                           GAsyncResult         *result,
                                           GError              **error);

/* Database thread only. */
gboolean      rf_icp_dao_save_in_thread   (RfDatabase           *database,
                                           RfIcpProfile         *profile,
                                           GError              **error);
RfIcpProfile *rf_icp_dao_get_in_thread    (RfDatabase           *database,
                                           gint64                id,
                                           GError              **error);
GPtrArray    *rf_icp_dao_list_in_thread   (RfDatabase           *database,
                                           gboolean              only_active,
                                           GError              **error);

G_END_DECLS
