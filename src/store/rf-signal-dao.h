/* rf-signal-dao.h: the signals table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-dao.h"
#include "rf-signal.h"

G_BEGIN_DECLS

#define RF_TYPE_SIGNAL_DAO (rf_signal_dao_get_type ())

G_DECLARE_FINAL_TYPE (RfSignalDao, rf_signal_dao, RF, SIGNAL_DAO, RfDao)

RfSignalDao *rf_signal_dao_new                 (RfDatabase           *database);
RfSignal    *rf_signal_dao_get_sync            (RfSignalDao          *self,
                                                gint64                id,
                                                GCancellable         *cancellable,
                                                GError              **error);
void         rf_signal_dao_get_async           (RfSignalDao          *self,
                                                gint64                id,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
RfSignal    *rf_signal_dao_get_finish          (RfSignalDao          *self,
                                                GAsyncResult         *result,
                                                GError              **error);
gint64       rf_signal_dao_insert_sync         (RfSignalDao          *self,
                                                RfSignal             *signal,
                                                gboolean             *existed,
                                                GCancellable         *cancellable,
                                                GError              **error);
GHashTable  *rf_signal_dao_list_file_hashes_sync (RfSignalDao      *self,
                                                  GCancellable     *cancellable,
                                                  GError          **error);

/* Database thread only. */
gint64       rf_signal_dao_find_by_key_in_thread (RfDatabase         *database,
                                                  const char         *dedup_key,
                                                  GError            **error);
gint64       rf_signal_dao_insert_in_thread    (RfDatabase           *database,
                                                RfSignal             *signal,
                                                gboolean             *existed,
                                                GError              **error);
RfSignal    *rf_signal_dao_get_in_thread       (RfDatabase           *database,
                                                gint64                id,
                                                GError              **error);

G_END_DECLS
