/* rf-activity-dao.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "rf-activity-dao.h"
#include "rf-database-private.h"

struct _RfActivityDao
{
  RfDao parent_instance;
};

G_DEFINE_FINAL_TYPE (RfActivityDao, rf_activity_dao, RF_TYPE_DAO)

static void
rf_activity_dao_class_init (RfActivityDaoClass *klass)
{
}

static void
rf_activity_dao_init (RfActivityDao *self)
{
}

RfActivityDao *
rf_activity_dao_new (RfDatabase *database)
{
  g_return_val_if_fail (RF_IS_DATABASE (database), NULL);

  return g_object_new (RF_TYPE_ACTIVITY_DAO, "database", database, NULL);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           gint64        time)
{
  if (time > 0)
    sqlite3_bind_int64 (stmt, index, time);
  else
    sqlite3_bind_null (stmt, index);
}

static gpointer
save_work (RfDatabase    *database,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  RfActivity *activity = data;
  const char *kind = rf_activity_kind_to_nick (rf_activity_get_kind (activity));
  gint64 id = rf_activity_get_id (activity);
  gint64 created_at = rf_activity_get_created_at (activity);
  sqlite3_stmt *stmt;

  if (kind == NULL)
    {
      g_set_error_literal (error, RF_STORE_ERROR, RF_STORE_ERROR_INVALID, _("Unknown kind of activity"));
      return NULL;
    }

  if (id > 0)
    stmt = rf_database_prepare (database,
                                "UPDATE activities SET lead_id = ?1, kind = ?2, body = ?3, due_at = ?4, "
                                "done_at = ?5 WHERE id = ?6",
                                error);
  else
    stmt = rf_database_prepare (database,
                                "INSERT INTO activities (lead_id, kind, body, due_at, done_at, created_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, rf_activity_get_lead_id (activity));
  rf_stmt_bind_text (stmt, 2, kind);
  rf_stmt_bind_text_or_empty (stmt, 3, rf_activity_get_body (activity));
  bind_time (stmt, 4, rf_activity_get_due_at (activity));
  bind_time (stmt, 5, rf_activity_get_done_at (activity));
  sqlite3_bind_int64 (stmt, 6, id > 0 ? id : (created_at > 0 ? created_at : rf_store_now ()));

  if (!rf_database_step_done (database, stmt, error))
    {
      /* The only foreign key: say which. */
      if (g_error_matches (*error, RF_STORE_ERROR, RF_STORE_ERROR_FAILED))
        g_prefix_error (error, _("Lead %" PRId64 ": "), rf_activity_get_lead_id (activity));
      return NULL;
    }

  if (id > 0 && rf_database_changes (database) == 0)
    {
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND,
                   _("There is no activity %" PRId64), id);
      return NULL;
    }

  if (id <= 0)
    {
      rf_activity_set_id (activity, rf_database_last_insert_id (database));
      if (created_at <= 0)
        rf_activity_set_created_at (activity, rf_store_now ());
    }
  /* For activities the id is the lead's: what a timeline listens for. */
  rf_database_notify_changed (database, "activities", id > 0 ? RF_CHANGE_UPDATED : RF_CHANGE_INSERTED,
                              rf_activity_get_lead_id (activity));
  return g_object_ref (activity);
}

static gpointer
list_work (RfDatabase    *database,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GPtrArray) activities = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  gboolean has_row;
  gboolean ok;

  stmt = rf_database_prepare (database,
                              "SELECT id, lead_id, kind, body, due_at, done_at, created_at FROM activities "
                              "WHERE lead_id = ? ORDER BY created_at, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, *(gint64 *)data);

  while ((ok = rf_database_step (database, stmt, &has_row, error)) && has_row)
    {
      RfActivity *activity = rf_activity_new ();
      int kind = RF_ACTIVITY_KIND_NOTE;

      rf_enum_from_nick (RF_TYPE_ACTIVITY_KIND, rf_stmt_column_text (stmt, 2), &kind);
      rf_activity_set_id (activity, sqlite3_column_int64 (stmt, 0));
      rf_activity_set_lead_id (activity, sqlite3_column_int64 (stmt, 1));
      rf_activity_set_kind (activity, kind);
      rf_activity_set_body (activity, rf_stmt_column_text (stmt, 3));
      rf_activity_set_due_at (activity, sqlite3_column_int64 (stmt, 4));
      rf_activity_set_done_at (activity, sqlite3_column_int64 (stmt, 5));
      rf_activity_set_created_at (activity, sqlite3_column_int64 (stmt, 6));
      g_ptr_array_add (activities, activity);
    }
  sqlite3_reset (stmt);

  return ok ? g_steal_pointer (&activities) : NULL;
}

static gpointer
delete_work (RfDatabase    *database,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  gint64 id = *(gint64 *)data;
  sqlite3_stmt *stmt = rf_database_prepare (database, "DELETE FROM activities WHERE id = ? RETURNING lead_id", error);
  gboolean has_row;
  gint64 lead_id = 0;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!rf_database_step (database, stmt, &has_row, error))
    return NULL;
  if (has_row)
    lead_id = sqlite3_column_int64 (stmt, 0);
  if (!rf_database_step_done (database, stmt, error))
    return NULL;
  if (rf_database_changes (database) == 0)
    {
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND,
                   _("There is no activity %" PRId64), id);
      return NULL;
    }
  rf_database_notify_changed (database, "activities", RF_CHANGE_DELETED, lead_id);
  return GINT_TO_POINTER (TRUE);
}

gboolean
rf_activity_dao_save_sync (RfActivityDao  *self,
                           RfActivity     *activity,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_autoptr(RfActivity) copy = rf_activity_copy (activity);
  g_autoptr(RfActivity) saved = NULL;

  g_return_val_if_fail (RF_IS_ACTIVITY_DAO (self), FALSE);

  saved = rf_dao_run_sync (RF_DAO (self), save_work, copy, cancellable, error);
  if (saved == NULL)
    return FALSE;

  rf_activity_set_id (activity, rf_activity_get_id (saved));
  rf_activity_set_created_at (activity, rf_activity_get_created_at (saved));
  return TRUE;
}

void
rf_activity_dao_save_async (RfActivityDao       *self,
                            RfActivity          *activity,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (RF_IS_ACTIVITY_DAO (self));
  g_return_if_fail (RF_IS_ACTIVITY (activity));

  rf_dao_run_async (RF_DAO (self), save_work, rf_activity_copy (activity), g_object_unref,
                    g_object_unref, rf_activity_dao_save_async, cancellable, callback, user_data);
}

RfActivity *
rf_activity_dao_save_finish (RfActivityDao  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  return rf_dao_run_finish (RF_DAO (self), result, rf_activity_dao_save_async, error);
}

GPtrArray *
rf_activity_dao_list_sync (RfActivityDao  *self,
                           gint64          lead_id,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_return_val_if_fail (RF_IS_ACTIVITY_DAO (self), NULL);

  return rf_dao_run_sync (RF_DAO (self), list_work, &lead_id, cancellable, error);
}

void
rf_activity_dao_list_async (RfActivityDao       *self,
                            gint64               lead_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (RF_IS_ACTIVITY_DAO (self));

  rf_dao_run_async (RF_DAO (self), list_work, rf_dao_boxed_id (lead_id), g_free,
                    (GDestroyNotify)g_ptr_array_unref, rf_activity_dao_list_async,
                    cancellable, callback, user_data);
}

GPtrArray *
rf_activity_dao_list_finish (RfActivityDao  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  return rf_dao_run_finish (RF_DAO (self), result, rf_activity_dao_list_async, error);
}

gboolean
rf_activity_dao_delete_sync (RfActivityDao  *self,
                             gint64          id,
                             GCancellable   *cancellable,
                             GError        **error)
{
  g_return_val_if_fail (RF_IS_ACTIVITY_DAO (self), FALSE);

  return rf_dao_run_sync (RF_DAO (self), delete_work, &id, cancellable, error) != NULL;
}

void
rf_activity_dao_delete_async (RfActivityDao       *self,
                              gint64               id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (RF_IS_ACTIVITY_DAO (self));

  rf_dao_run_async (RF_DAO (self), delete_work, rf_dao_boxed_id (id), g_free, NULL,
                    rf_activity_dao_delete_async, cancellable, callback, user_data);
}

gboolean
rf_activity_dao_delete_finish (RfActivityDao  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  return rf_dao_run_finish_boolean (RF_DAO (self), result, rf_activity_dao_delete_async, error);
}
