/* rf-database.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rf-store-error.h"

G_BEGIN_DECLS

#define RF_TYPE_DATABASE (rf_database_get_type ())

/* The SQLite connection. One thread of its own runs every statement; other
 * threads hand it work with rf_database_run_async() or _run_sync(). */
G_DECLARE_FINAL_TYPE (RfDatabase, rf_database, RF, DATABASE, GObject)

/* What a write did, for the "changed" signal. */
typedef enum {
  RF_CHANGE_INSERTED,
  RF_CHANGE_UPDATED,
  RF_CHANGE_DELETED,
  RF_CHANGE_MANY,      /* many rows, or too many to tell one by one: reload */
} RfChangeKind;

/* Work run on the database thread. Returns the result (may be NULL on
 * success) or sets @error. */
typedef gpointer (*RfDatabaseFunc) (RfDatabase    *self,
                                    gpointer       data,
                                    GCancellable  *cancellable,
                                    GError       **error);

char       *rf_database_default_path    (void);
char       *rf_database_path_from_url   (const char           *url,
                                         GError              **error);
RfDatabase *rf_database_open_sync       (const char           *path,
                                         GCancellable         *cancellable,
                                         GError              **error);
void        rf_database_open_async      (const char           *path,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
RfDatabase *rf_database_open_finish     (GAsyncResult         *result,
                                         GError              **error);
void        rf_database_close           (RfDatabase           *self);
const char *rf_database_get_path        (RfDatabase           *self);
int         rf_database_get_schema_version (RfDatabase        *self);
void        rf_database_run_async       (RfDatabase           *self,
                                         gpointer              source_object,
                                         RfDatabaseFunc        func,
                                         gpointer              data,
                                         GDestroyNotify        data_free,
                                         GDestroyNotify        result_free,
                                         gpointer              source_tag,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gpointer    rf_database_run_finish      (RfDatabase           *self,
                                         GAsyncResult         *result,
                                         gpointer              source_tag,
                                         GError              **error);
gpointer    rf_database_run_sync        (RfDatabase           *self,
                                         RfDatabaseFunc        func,
                                         gpointer              data,
                                         GCancellable         *cancellable,
                                         GError              **error);
gboolean    rf_database_is_db_thread    (RfDatabase           *self);
void        rf_database_notify_changed  (RfDatabase           *self,
                                         const char           *table,
                                         RfChangeKind          kind,
                                         gint64                id);
gboolean    rf_database_transaction_begin  (RfDatabase        *self,
                                            GError           **error);
gboolean    rf_database_transaction_commit (RfDatabase        *self,
                                            GError           **error);
void        rf_database_transaction_rollback (RfDatabase      *self);

G_END_DECLS
