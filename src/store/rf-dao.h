/* rf-dao.h: base of the per-table data access objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-database.h"

G_BEGIN_DECLS

#define RF_TYPE_DAO (rf_dao_get_type ())

G_DECLARE_DERIVABLE_TYPE (RfDao, rf_dao, RF, DAO, GObject)

struct _RfDaoClass
{
  GObjectClass parent_class;
};

RfDatabase *rf_dao_get_database (RfDao *self);

/* The three faces of one operation: @func runs on the database thread. */
gpointer    rf_dao_run_sync     (RfDao               *self,
                                 RfDatabaseFunc       func,
                                 gpointer             data,
                                 GCancellable        *cancellable,
                                 GError             **error);
void        rf_dao_run_async    (RfDao               *self,
                                 RfDatabaseFunc       func,
                                 gpointer             data,
                                 GDestroyNotify       data_free,
                                 GDestroyNotify       result_free,
                                 gpointer             source_tag,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
gpointer    rf_dao_run_finish   (RfDao               *self,
                                 GAsyncResult        *result,
                                 gpointer             source_tag,
                                 GError             **error);
gboolean    rf_dao_run_finish_boolean (RfDao         *self,
                                       GAsyncResult  *result,
                                       gpointer       source_tag,
                                       GError       **error);

gint64     *rf_dao_boxed_id     (gint64 id);
gint64      rf_store_now        (void);

G_END_DECLS
