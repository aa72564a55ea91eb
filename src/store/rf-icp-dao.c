/* rf-icp-dao.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "rf-database-private.h"
#include "rf-icp-dao.h"

struct _RfIcpDao
{
  RfDao parent_instance;
};

G_DEFINE_FINAL_TYPE (RfIcpDao, rf_icp_dao, RF_TYPE_DAO)

#define ICP_COLUMNS \
  "id, name, description, size_buckets, industries, locations, " \
  "hiring_keywords, pain_keywords, is_active, created_at, updated_at"

static void
rf_icp_dao_class_init (RfIcpDaoClass *klass)
{
}

static void
rf_icp_dao_init (RfIcpDao *self)
{
}

RfIcpDao *
rf_icp_dao_new (RfDatabase *database)
{
  g_return_val_if_fail (RF_IS_DATABASE (database), NULL);

  return g_object_new (RF_TYPE_ICP_DAO, "database", database, NULL);
}

static RfIcpProfile *
profile_from_row (sqlite3_stmt *stmt)
{
  RfIcpProfile *profile = rf_icp_profile_new ();
  g_auto(GStrv) sizes = rf_stmt_column_strv (stmt, 3);
  g_auto(GStrv) industries = rf_stmt_column_strv (stmt, 4);
  g_auto(GStrv) locations = rf_stmt_column_strv (stmt, 5);
  g_auto(GStrv) hiring = rf_stmt_column_strv (stmt, 6);
  g_auto(GStrv) pain = rf_stmt_column_strv (stmt, 7);

  rf_icp_profile_set_id (profile, sqlite3_column_int64 (stmt, 0));
  rf_icp_profile_set_name (profile, rf_stmt_column_text (stmt, 1));
  rf_icp_profile_set_description (profile, rf_stmt_column_text (stmt, 2));
  rf_icp_profile_set_size_buckets (profile, (const char * const *)sizes);
  rf_icp_profile_set_industries (profile, (const char * const *)industries);
  rf_icp_profile_set_locations (profile, (const char * const *)locations);
  rf_icp_profile_set_hiring_keywords (profile, (const char * const *)hiring);
  rf_icp_profile_set_pain_keywords (profile, (const char * const *)pain);
  rf_icp_profile_set_active (profile, sqlite3_column_int (stmt, 8));
  rf_icp_profile_set_created_at (profile, sqlite3_column_int64 (stmt, 9));
  rf_icp_profile_set_updated_at (profile, sqlite3_column_int64 (stmt, 10));
  return profile;
}

gboolean
rf_icp_dao_save_in_thread (RfDatabase    *database,
                           RfIcpProfile  *profile,
                           GError       **error)
{
  gint64 id = rf_icp_profile_get_id (profile);
  gint64 now = rf_store_now ();
  sqlite3_stmt *stmt;
  const char *name = rf_icp_profile_get_name (profile);

  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, RF_STORE_ERROR, RF_STORE_ERROR_INVALID,
                           _("A profile needs a name"));
      return FALSE;
    }

  if (id > 0)
    stmt = rf_database_prepare (database,
                                "UPDATE icp_profiles SET name = ?1, description = ?2, size_buckets = ?3, "
                                "industries = ?4, locations = ?5, hiring_keywords = ?6, pain_keywords = ?7, "
                                "is_active = ?8, updated_at = ?9 WHERE id = ?10",
                                error);
  else
    stmt = rf_database_prepare (database,
                                "INSERT INTO icp_profiles (name, description, size_buckets, industries, "
                                "locations, hiring_keywords, pain_keywords, is_active, updated_at, created_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                                error);
  if (stmt == NULL)
    return FALSE;

  rf_stmt_bind_text (stmt, 1, trimmed);
  rf_stmt_bind_text_or_empty (stmt, 2, rf_icp_profile_get_description (profile));
  rf_stmt_bind_strv (stmt, 3, rf_icp_profile_get_size_buckets (profile));
  rf_stmt_bind_strv (stmt, 4, rf_icp_profile_get_industries (profile));
  rf_stmt_bind_strv (stmt, 5, rf_icp_profile_get_locations (profile));
  rf_stmt_bind_strv (stmt, 6, rf_icp_profile_get_hiring_keywords (profile));
  rf_stmt_bind_strv (stmt, 7, rf_icp_profile_get_pain_keywords (profile));
  sqlite3_bind_int (stmt, 8, rf_icp_profile_get_active (profile));
  sqlite3_bind_int64 (stmt, 9, now);
  if (id > 0)
    sqlite3_bind_int64 (stmt, 10, id);

  if (!rf_database_step_done (database, stmt, error))
    return FALSE;

  if (id > 0 && rf_database_changes (database) == 0)
    {
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND,
                   _("There is no profile %" PRId64), id);
      return FALSE;
    }

  if (id <= 0)
    {
      rf_icp_profile_set_id (profile, rf_database_last_insert_id (database));
      rf_icp_profile_set_created_at (profile, now);
    }
  rf_icp_profile_set_updated_at (profile, now);
  rf_database_notify_changed (database, "icp_profiles", id > 0 ? RF_CHANGE_UPDATED : RF_CHANGE_INSERTED,
                              rf_icp_profile_get_id (profile));
  return TRUE;
}

RfIcpProfile *
rf_icp_dao_get_in_thread (RfDatabase  *database,
                          gint64       id,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;
  RfIcpProfile *profile;

  stmt = rf_database_prepare (database, "SELECT " ICP_COLUMNS " FROM icp_profiles WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  if (!rf_database_step (database, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND,
                   _("There is no profile %" PRId64), id);
      return NULL;
    }

  profile = profile_from_row (stmt);
  sqlite3_reset (stmt);
  return profile;
}

GPtrArray *
rf_icp_dao_list_in_thread (RfDatabase  *database,
                           gboolean     only_active,
                           GError     **error)
{
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  gboolean has_row;

  stmt = rf_database_prepare (database,
                              "SELECT " ICP_COLUMNS " FROM icp_profiles "
                              "WHERE ?1 = 0 OR is_active <> 0 ORDER BY name COLLATE NOCASE, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, only_active);

  while (rf_database_step (database, stmt, &has_row, error) && has_row)
    g_ptr_array_add (profiles, profile_from_row (stmt));
  sqlite3_reset (stmt);

  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&profiles);
}

static gpointer
save_work (RfDatabase    *database,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  /* @data is a copy: notifications stay off the caller's objects. */
  if (!rf_icp_dao_save_in_thread (database, data, error))
    return NULL;
  return g_object_ref (data);
}

static gpointer
get_work (RfDatabase    *database,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return rf_icp_dao_get_in_thread (database, *(gint64 *)data, error);
}

static gpointer
list_work (RfDatabase    *database,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return rf_icp_dao_list_in_thread (database, GPOINTER_TO_INT (data), error);
}

static gpointer
delete_work (RfDatabase    *database,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  gint64 id = *(gint64 *)data;
  sqlite3_stmt *stmt = rf_database_prepare (database, "DELETE FROM icp_profiles WHERE id = ?", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!rf_database_step_done (database, stmt, error))
    return NULL;
  if (rf_database_changes (database) == 0)
    {
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND,
                   _("There is no profile %" PRId64), id);
      return NULL;
    }
  rf_database_notify_changed (database, "icp_profiles", RF_CHANGE_DELETED, id);
  return GINT_TO_POINTER (TRUE);
}

gboolean
rf_icp_dao_save_sync (RfIcpDao      *self,
                      RfIcpProfile  *profile,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(RfIcpProfile) copy = rf_icp_profile_copy (profile);
  g_autoptr(RfIcpProfile) saved = NULL;

  g_return_val_if_fail (RF_IS_ICP_DAO (self), FALSE);

  saved = rf_dao_run_sync (RF_DAO (self), save_work, copy, cancellable, error);
  if (saved == NULL)
    return FALSE;

  rf_icp_profile_set_id (profile, rf_icp_profile_get_id (saved));
  rf_icp_profile_set_created_at (profile, rf_icp_profile_get_created_at (saved));
  rf_icp_profile_set_updated_at (profile, rf_icp_profile_get_updated_at (saved));
  return TRUE;
}

void
rf_icp_dao_save_async (RfIcpDao            *self,
                       RfIcpProfile        *profile,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (RF_IS_ICP_DAO (self));
  g_return_if_fail (RF_IS_ICP_PROFILE (profile));

  rf_dao_run_async (RF_DAO (self), save_work, rf_icp_profile_copy (profile), g_object_unref, g_object_unref,
                    rf_icp_dao_save_async, cancellable, callback, user_data);
}

RfIcpProfile *
rf_icp_dao_save_finish (RfIcpDao      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return rf_dao_run_finish (RF_DAO (self), result, rf_icp_dao_save_async, error);
}

RfIcpProfile *
rf_icp_dao_get_sync (RfIcpDao      *self,
                     gint64         id,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (RF_IS_ICP_DAO (self), NULL);

  return rf_dao_run_sync (RF_DAO (self), get_work, &id, cancellable, error);
}

void
rf_icp_dao_get_async (RfIcpDao            *self,
                      gint64               id,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_return_if_fail (RF_IS_ICP_DAO (self));

  rf_dao_run_async (RF_DAO (self), get_work, rf_dao_boxed_id (id), g_free, g_object_unref,
                    rf_icp_dao_get_async, cancellable, callback, user_data);
}

RfIcpProfile *
rf_icp_dao_get_finish (RfIcpDao      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  return rf_dao_run_finish (RF_DAO (self), result, rf_icp_dao_get_async, error);
}

GPtrArray *
rf_icp_dao_list_sync (RfIcpDao      *self,
                      gboolean       only_active,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_return_val_if_fail (RF_IS_ICP_DAO (self), NULL);

  return rf_dao_run_sync (RF_DAO (self), list_work, GINT_TO_POINTER (!!only_active), cancellable, error);
}

void
rf_icp_dao_list_async (RfIcpDao            *self,
                       gboolean             only_active,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (RF_IS_ICP_DAO (self));

  rf_dao_run_async (RF_DAO (self), list_work, GINT_TO_POINTER (!!only_active), NULL,
                    (GDestroyNotify)g_ptr_array_unref, rf_icp_dao_list_async,
                    cancellable, callback, user_data);
}

GPtrArray *
rf_icp_dao_list_finish (RfIcpDao      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return rf_dao_run_finish (RF_DAO (self), result, rf_icp_dao_list_async, error);
}

gboolean
rf_icp_dao_delete_sync (RfIcpDao      *self,
                        gint64         id,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_return_val_if_fail (RF_IS_ICP_DAO (self), FALSE);

  return rf_dao_run_sync (RF_DAO (self), delete_work, &id, cancellable, error) != NULL;
}

void
rf_icp_dao_delete_async (RfIcpDao            *self,
                         gint64               id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (RF_IS_ICP_DAO (self));

  rf_dao_run_async (RF_DAO (self), delete_work, rf_dao_boxed_id (id), g_free, NULL,
                    rf_icp_dao_delete_async, cancellable, callback, user_data);
}

gboolean
rf_icp_dao_delete_finish (RfIcpDao      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return rf_dao_run_finish_boolean (RF_DAO (self), result, rf_icp_dao_delete_async, error);
}
