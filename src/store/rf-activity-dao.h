/* rf-activity-dao.h: the activities table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-activity.h"
#include "rf-dao.h"

G_BEGIN_DECLS

#define RF_TYPE_ACTIVITY_DAO (rf_activity_dao_get_type ())

G_DECLARE_FINAL_TYPE (RfActivityDao, rf_activity_dao, RF, ACTIVITY_DAO, RfDao)

RfActivityDao *rf_activity_dao_new           (RfDatabase           *database);
/* Inserts when the id is 0, else updates; _sync sets the id and time. */
gboolean       rf_activity_dao_save_sync     (RfActivityDao        *self,
                                              RfActivity           *activity,
                                              GCancellable         *cancellable,
                                              GError              **error);
void           rf_activity_dao_save_async    (RfActivityDao        *self,
                                              RfActivity           *activity,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
/* Returns the stored copy. */
RfActivity    *rf_activity_dao_save_finish   (RfActivityDao        *self,
                                              GAsyncResult         *result,
                                              GError              **error);
/* Array of RfActivity of @lead_id, oldest first. */
GPtrArray     *rf_activity_dao_list_sync     (RfActivityDao        *self,
                                              gint64                lead_id,
                                              GCancellable         *cancellable,
                                              GError              **error);
void           rf_activity_dao_list_async    (RfActivityDao        *self,
                                              gint64                lead_id,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GPtrArray     *rf_activity_dao_list_finish   (RfActivityDao        *self,
                                              GAsyncResult         *result,
                                              GError              **error);
gboolean       rf_activity_dao_delete_sync   (RfActivityDao        *self,
                                              gint64                id,
                                              GCancellable         *cancellable,
                                              GError              **error);
void           rf_activity_dao_delete_async  (RfActivityDao        *self,
                                              gint64                id,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean       rf_activity_dao_delete_finish (RfActivityDao        *self,
                                              GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
