/* rf-signal-dao.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "rf-database-private.h"
#include "rf-signal-dao.h"

struct _RfSignalDao
{
  RfDao parent_instance;
};

G_DEFINE_FINAL_TYPE (RfSignalDao, rf_signal_dao, RF_TYPE_DAO)

static void
rf_signal_dao_class_init (RfSignalDaoClass *klass)
{
}

static void
rf_signal_dao_init (RfSignalDao *self)
{
}

RfSignalDao *
rf_signal_dao_new (RfDatabase *database)
{
  g_return_val_if_fail (RF_IS_DATABASE (database), NULL);

  return g_object_new (RF_TYPE_SIGNAL_DAO, "database", database, NULL);
}

/* Returns the id of the signal with @dedup_key, 0 for none, -1 on error. */
gint64
rf_signal_dao_find_by_key_in_thread (RfDatabase  *database,
                                     const char  *dedup_key,
                                     GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;
  gint64 id = 0;

  if (dedup_key == NULL || *dedup_key == '\0')
    return 0;

  stmt = rf_database_prepare (database, "SELECT id FROM signals WHERE dedup_key = ? AND dedup_key IS NOT NULL", error);
  if (stmt == NULL)
    return -1;
  rf_stmt_bind_text (stmt, 1, dedup_key);
  if (!rf_database_step (database, stmt, &has_row, error))
    return -1;
  if (has_row)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* Stores @signal unless one with its dedup key exists: then *existed is
 * TRUE and that one's id is returned. Sets the id on @signal; -1 on error. */
gint64
rf_signal_dao_insert_in_thread (RfDatabase  *database,
                                RfSignal    *signal,
                                gboolean    *existed,
                                GError     **error)
{
  const char *key = rf_signal_get_dedup_key (signal);
  gint64 received_at = rf_signal_get_received_at (signal);
  sqlite3_stmt *stmt;
  gint64 id;

  if (existed != NULL)
    *existed = FALSE;

  /* The unique key decides, in the insert itself: a lookup first cost a
   * second search of the same index for every new signal. */
  stmt = rf_database_prepare (database,
                              "INSERT INTO signals (source_type, raw_text, extra_text, file_name, file_hash, "
                              "dedup_key, import_batch, company_id, contact_id, received_at) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                              "ON CONFLICT (dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING",
                              error);
  if (stmt == NULL)
    return -1;

  rf_stmt_bind_text_static (stmt, 1, rf_source_type_to_nick (rf_signal_get_source_type (signal)));
  rf_stmt_bind_text_or_empty_static (stmt, 2, rf_signal_get_raw_text (signal));
  rf_stmt_bind_text_or_empty_static (stmt, 3, rf_signal_get_extra_text (signal));
  rf_stmt_bind_text_static (stmt, 4, rf_signal_get_file_name (signal));
  rf_stmt_bind_text_static (stmt, 5, rf_signal_get_file_hash (signal));
  rf_stmt_bind_text_static (stmt, 6, key != NULL && *key != '\0' ? key : NULL);
  rf_stmt_bind_text_static (stmt, 7, rf_signal_get_import_batch (signal));
  rf_stmt_bind_id (stmt, 8, rf_signal_get_company_id (signal));
  rf_stmt_bind_id (stmt, 9, rf_signal_get_contact_id (signal));
  sqlite3_bind_int64 (stmt, 10, received_at > 0 ? received_at : rf_store_now ());

  if (!rf_database_step_done (database, stmt, error))
    return -1;

  if (rf_database_changes (database) == 0)
    {
      if ((id = rf_signal_dao_find_by_key_in_thread (database, key, error)) <= 0)
        {
          if (id == 0)
            g_set_error_literal (error, RF_STORE_ERROR, RF_STORE_ERROR_INVALID,
                                 _("The signal was neither stored nor found"));
          return -1;
        }
      if (existed != NULL)
        *existed = TRUE;
      rf_signal_set_id (signal, id);
      return id;
    }

  id = rf_database_last_insert_id (database);
  rf_signal_set_id (signal, id);
  rf_database_notify_changed (database, "signals", RF_CHANGE_INSERTED, id);
  if (received_at <= 0)
    rf_signal_set_received_at (signal, rf_store_now ());
  return id;
}

RfSignal *
rf_signal_dao_get_in_thread (RfDatabase  *database,
                             gint64       id,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;
  RfSignal *signal;
  int source_type = RF_SOURCE_TYPE_MANUAL;

  stmt = rf_database_prepare (database,
                              "SELECT id, source_type, raw_text, extra_text, file_name, file_hash, dedup_key, "
                              "import_batch, company_id, contact_id, received_at FROM signals WHERE id = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!rf_database_step (database, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND,
                   _("There is no signal %" PRId64), id);
      return NULL;
    }

  rf_enum_from_nick (RF_TYPE_SOURCE_TYPE, rf_stmt_column_text (stmt, 1), &source_type);
  signal = rf_signal_new ();
  rf_signal_set_id (signal, sqlite3_column_int64 (stmt, 0));
  rf_signal_set_source_type (signal, source_type);
  rf_signal_set_raw_text (signal, rf_stmt_column_text (stmt, 2));
  rf_signal_set_extra_text (signal, rf_stmt_column_text (stmt, 3));
  rf_signal_set_file_name (signal, rf_stmt_column_text (stmt, 4));
  rf_signal_set_file_hash (signal, rf_stmt_column_text (stmt, 5));
  rf_signal_set_dedup_key (signal, rf_stmt_column_text (stmt, 6));
  rf_signal_set_import_batch (signal, rf_stmt_column_text (stmt, 7));
  rf_signal_set_company_id (signal, sqlite3_column_int64 (stmt, 8));
  rf_signal_set_contact_id (signal, sqlite3_column_int64 (stmt, 9));
  rf_signal_set_received_at (signal, sqlite3_column_int64 (stmt, 10));
  sqlite3_reset (stmt);
  return signal;
}

static gpointer
get_work (RfDatabase    *database,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return rf_signal_dao_get_in_thread (database, *(gint64 *)data, error);
}

typedef struct
{
  RfSignal *signal;
  gboolean  existed;
} InsertData;

static gpointer
insert_work (RfDatabase    *database,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  InsertData *insert = data;
  gint64 id = rf_signal_dao_insert_in_thread (database, insert->signal, &insert->existed, error);

  return id < 0 ? NULL : rf_dao_boxed_id (id);
}

RfSignal *
rf_signal_dao_get_sync (RfSignalDao   *self,
                        gint64         id,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_return_val_if_fail (RF_IS_SIGNAL_DAO (self), NULL);

  return rf_dao_run_sync (RF_DAO (self), get_work, &id, cancellable, error);
}

void
rf_signal_dao_get_async (RfSignalDao         *self,
                         gint64               id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (RF_IS_SIGNAL_DAO (self));

  rf_dao_run_async (RF_DAO (self), get_work, rf_dao_boxed_id (id), g_free, g_object_unref,
                    rf_signal_dao_get_async, cancellable, callback, user_data);
}

RfSignal *
rf_signal_dao_get_finish (RfSignalDao   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return rf_dao_run_finish (RF_DAO (self), result, rf_signal_dao_get_async, error);
}

/* Returns the id, -1 on error; sets it on @signal. */
gint64
rf_signal_dao_insert_sync (RfSignalDao   *self,
                           RfSignal      *signal,
                           gboolean      *existed,
                           GCancellable  *cancellable,
                           GError       **error)
{
  InsertData data = { rf_signal_copy (signal), FALSE };
  g_autofree gint64 *id = NULL;

  g_return_val_if_fail (RF_IS_SIGNAL_DAO (self), -1);

  id = rf_dao_run_sync (RF_DAO (self), insert_work, &data, cancellable, error);
  if (id != NULL && rf_signal_get_received_at (signal) <= 0)
    rf_signal_set_received_at (signal, rf_signal_get_received_at (data.signal));
  g_object_unref (data.signal);
  if (existed != NULL)
    *existed = data.existed;
  if (id == NULL)
    return -1;

  rf_signal_set_id (signal, *id);
  return *id;
}

static gpointer
list_file_hashes_work (RfDatabase    *database,
                       gpointer       data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GHashTable) hashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = rf_database_prepare (database,
                                            "SELECT DISTINCT file_hash FROM signals WHERE file_hash <> ''",
                                            error);
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return NULL;
  while ((ok = rf_database_step (database, stmt, &has_row, error)) && has_row)
    g_hash_table_add (hashes, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  return ok ? g_steal_pointer (&hashes) : NULL;
}

/* The file hashes of every stored signal (trashed leads' included), as a
 * set: what may still need its kept card photo. */
GHashTable *
rf_signal_dao_list_file_hashes_sync (RfSignalDao   *self,
                                     GCancellable  *cancellable,
                                     GError       **error)
{
  g_return_val_if_fail (RF_IS_SIGNAL_DAO (self), NULL);

  return rf_dao_run_sync (RF_DAO (self), list_file_hashes_work, NULL, cancellable, error);
}
