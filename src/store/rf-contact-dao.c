/* rf-contact-dao.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "rf-contact-dao.h"
#include "rf-database-private.h"
#include "rf-normalize.h"

struct _RfContactDao
{
  RfDao parent_instance;
};

G_DEFINE_FINAL_TYPE (RfContactDao, rf_contact_dao, RF_TYPE_DAO)

static void
rf_contact_dao_class_init (RfContactDaoClass *klass)
{
}

static void
rf_contact_dao_init (RfContactDao *self)
{
}

RfContactDao *
rf_contact_dao_new (RfDatabase *database)
{
  g_return_val_if_fail (RF_IS_DATABASE (database), NULL);

  return g_object_new (RF_TYPE_CONTACT_DAO, "database", database, NULL);
}

/* The dedup rule on keys already normalised (the upsert normalises once). */
static gint64
find_by_keys (RfDatabase  *database,
              const char  *email,
              const char  *name,
              gint64       company_id,
              GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;
  gint64 id = 0;

  if (*email != '\0')
    {
      stmt = rf_database_prepare (database, "SELECT id FROM contacts WHERE email = ? AND email <> '' ORDER BY id LIMIT 1", error);
      if (stmt == NULL)
        return -1;
      rf_stmt_bind_text_static (stmt, 1, email);
      if (!rf_database_step (database, stmt, &has_row, error))
        return -1;
      if (has_row)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  if (id == 0 && *name != '\0' && company_id > 0)
    {
      stmt = rf_database_prepare (database,
                                  "SELECT id FROM contacts WHERE normalized_name = ? AND normalized_name <> '' AND company_id = ? "
                                  "ORDER BY id LIMIT 1",
                                  error);
      if (stmt == NULL)
        return -1;
      rf_stmt_bind_text_static (stmt, 1, name);
      sqlite3_bind_int64 (stmt, 2, company_id);
      if (!rf_database_step (database, stmt, &has_row, error))
        return -1;
      if (has_row)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  return id;
}

/* The dedup rule: same email, else same name at the same company (a name
 * alone is too common to merge on). Returns the id, 0 for none, -1 on error. */
gint64
rf_contact_dao_find_in_thread (RfDatabase  *database,
                               RfContact   *contact,
                               GError     **error)
{
  g_autofree char *email = rf_normalize_email (rf_contact_get_email (contact));
  g_autofree char *name = rf_normalize_person_name (rf_contact_get_name (contact));

  return find_by_keys (database, email, name, rf_contact_get_company_id (contact), error);
}

/* ?2..?9 of the insert and of the update. */
static void
bind_contact (sqlite3_stmt *stmt,
              RfContact    *contact,
              const char   *name,
              const char   *email)
{
  rf_stmt_bind_id (stmt, 2, rf_contact_get_company_id (contact));
  rf_stmt_bind_text_or_empty_static (stmt, 3, rf_contact_get_name (contact));
  rf_stmt_bind_text_static (stmt, 4, name);
  rf_stmt_bind_text_or_empty_static (stmt, 5, rf_contact_get_title (contact));
  rf_stmt_bind_text_static (stmt, 6, email);
  rf_stmt_bind_text_or_empty_static (stmt, 7, rf_contact_get_phone (contact));
  rf_stmt_bind_text_or_empty_static (stmt, 8, rf_contact_get_address (contact));
  sqlite3_bind_int64 (stmt, 9, rf_store_now ());
}

/* Finds the contact by the dedup rule or inserts it; a found contact gets
 * the fields it lacked. Sets the id on @contact and returns it; 0 when
 * there is neither name nor email nor phone; -1 on error. */
gint64
rf_contact_dao_upsert_in_thread (RfDatabase  *database,
                                 RfContact   *contact,
                                 gboolean    *found,
                                 GError     **error)
{
  g_autofree char *email = rf_normalize_email (rf_contact_get_email (contact));
  g_autofree char *name = rf_normalize_person_name (rf_contact_get_name (contact));
  const char *phone = rf_contact_get_phone (contact);
  sqlite3_stmt *stmt;
  gint64 id;

  if (found != NULL)
    *found = FALSE;
  if (*email == '\0' && *name == '\0' && (phone == NULL || *phone == '\0'))
    return 0;

  /* Inserted unless the dedup rule (find_by_keys()) finds one, in one
   * statement, as companies are. A NULL company matches no name. */
  stmt = rf_database_prepare (database,
                              "INSERT INTO contacts (company_id, name, normalized_name, title, email, phone, "
                              "address, created_at, updated_at) SELECT ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9 "
                              "WHERE NOT EXISTS (SELECT 1 FROM contacts WHERE email = ?6 AND email <> '') "
                              "AND NOT EXISTS (SELECT 1 FROM contacts WHERE normalized_name = ?4 "
                              "AND normalized_name <> '' AND company_id = ?2)",
                              error);
  if (stmt == NULL)
    return -1;
  bind_contact (stmt, contact, name, email);
  if (!rf_database_step_done (database, stmt, error))
    return -1;
  if (rf_database_changes (database) > 0)
    {
      id = rf_database_last_insert_id (database);
      rf_database_notify_changed (database, "contacts", RF_CHANGE_INSERTED, id);
      rf_contact_set_id (contact, id);
      return id;
    }

  if ((id = find_by_keys (database, email, name, rf_contact_get_company_id (contact), error)) <= 0)
    {
      if (id == 0)
        g_set_error_literal (error, RF_STORE_ERROR, RF_STORE_ERROR_INVALID,
                             _("The contact was neither stored nor found"));
      return -1;
    }
  if (found != NULL)
    *found = TRUE;

  /* Only when a field gains a value, as for companies. */
  stmt = rf_database_prepare (database,
                              "UPDATE contacts SET "
                              "company_id = COALESCE (company_id, ?2), "
                              "name = CASE WHEN name = '' THEN ?3 ELSE name END, "
                              "normalized_name = CASE WHEN normalized_name = '' THEN ?4 ELSE normalized_name END, "
                              "title = CASE WHEN title = '' THEN ?5 ELSE title END, "
                              "email = CASE WHEN email = '' THEN ?6 ELSE email END, "
                              "phone = CASE WHEN phone = '' THEN ?7 ELSE phone END, "
                              "address = CASE WHEN address = '' THEN ?8 ELSE address END, "
                              "updated_at = ?9 "
                              "WHERE id = ?1 AND ((company_id IS NULL AND ?2 IS NOT NULL) "
                              "OR (name = '' AND ?3 <> '') OR (normalized_name = '' AND ?4 <> '') "
                              "OR (title = '' AND ?5 <> '') OR (email = '' AND ?6 <> '') "
                              "OR (phone = '' AND ?7 <> '') OR (address = '' AND ?8 <> ''))",
                              error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_contact (stmt, contact, name, email);
  if (!rf_database_step_done (database, stmt, error))
    return -1;
  if (rf_database_changes (database) > 0)
    rf_database_notify_changed (database, "contacts", RF_CHANGE_UPDATED, id);
  rf_contact_set_id (contact, id);
  return id;
}

RfContact *
rf_contact_dao_get_in_thread (RfDatabase  *database,
                              gint64       id,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;
  RfContact *contact;

  stmt = rf_database_prepare (database,
                              "SELECT id, company_id, name, title, email, phone, address, created_at, "
                              "updated_at FROM contacts WHERE id = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!rf_database_step (database, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND,
                   _("There is no contact %" PRId64), id);
      return NULL;
    }

  contact = rf_contact_new ();
  rf_contact_set_id (contact, sqlite3_column_int64 (stmt, 0));
  rf_contact_set_company_id (contact, sqlite3_column_int64 (stmt, 1));
  rf_contact_set_name (contact, rf_stmt_column_text (stmt, 2));
  rf_contact_set_title (contact, rf_stmt_column_text (stmt, 3));
  rf_contact_set_email (contact, rf_stmt_column_text (stmt, 4));
  rf_contact_set_phone (contact, rf_stmt_column_text (stmt, 5));
  rf_contact_set_address (contact, rf_stmt_column_text (stmt, 6));
  rf_contact_set_created_at (contact, sqlite3_column_int64 (stmt, 7));
  rf_contact_set_updated_at (contact, sqlite3_column_int64 (stmt, 8));
  sqlite3_reset (stmt);
  return contact;
}

static gpointer
get_work (RfDatabase    *database,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return rf_contact_dao_get_in_thread (database, *(gint64 *)data, error);
}

static gpointer
update_work (RfDatabase    *database,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  RfContact *contact = data;
  g_autofree char *email = rf_normalize_email (rf_contact_get_email (contact));
  g_autofree char *name = rf_normalize_person_name (rf_contact_get_name (contact));
  sqlite3_stmt *stmt;

  stmt = rf_database_prepare (database,
                              "UPDATE contacts SET company_id = ?2, name = ?3, normalized_name = ?4, "
                              "title = ?5, email = ?6, phone = ?7, address = ?8, updated_at = ?9 "
                              "WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rf_contact_get_id (contact));
  rf_stmt_bind_id (stmt, 2, rf_contact_get_company_id (contact));
  rf_stmt_bind_text_or_empty (stmt, 3, rf_contact_get_name (contact));
  rf_stmt_bind_text (stmt, 4, name);
  rf_stmt_bind_text_or_empty (stmt, 5, rf_contact_get_title (contact));
  /* An edited address that is not valid is kept as typed, not dropped. */
  rf_stmt_bind_text (stmt, 6, *email != '\0' ? email : (rf_contact_get_email (contact) ?: ""));
  rf_stmt_bind_text_or_empty (stmt, 7, rf_contact_get_phone (contact));
  rf_stmt_bind_text_or_empty (stmt, 8, rf_contact_get_address (contact));
  sqlite3_bind_int64 (stmt, 9, rf_store_now ());
  if (!rf_database_step_done (database, stmt, error))
    return NULL;
  if (rf_database_changes (database) == 0)
    {
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND,
                   _("There is no contact %" PRId64), rf_contact_get_id (contact));
      return NULL;
    }
  rf_database_notify_changed (database, "contacts", RF_CHANGE_UPDATED, rf_contact_get_id (contact));
  return GINT_TO_POINTER (TRUE);
}

typedef struct
{
  RfContact *contact;
  gboolean   found;
} UpsertData;

static gpointer
upsert_work (RfDatabase    *database,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  UpsertData *upsert = data;
  gint64 id = rf_contact_dao_upsert_in_thread (database, upsert->contact, &upsert->found, error);

  return id < 0 ? NULL : rf_dao_boxed_id (id);
}

RfContact *
rf_contact_dao_get_sync (RfContactDao  *self,
                         gint64         id,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_return_val_if_fail (RF_IS_CONTACT_DAO (self), NULL);

  return rf_dao_run_sync (RF_DAO (self), get_work, &id, cancellable, error);
}

void
rf_contact_dao_get_async (RfContactDao        *self,
                          gint64               id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (RF_IS_CONTACT_DAO (self));

  rf_dao_run_async (RF_DAO (self), get_work, rf_dao_boxed_id (id), g_free, g_object_unref,
                    rf_contact_dao_get_async, cancellable, callback, user_data);
}

RfContact *
rf_contact_dao_get_finish (RfContactDao  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return rf_dao_run_finish (RF_DAO (self), result, rf_contact_dao_get_async, error);
}

gboolean
rf_contact_dao_update_sync (RfContactDao  *self,
                            RfContact     *contact,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(RfContact) copy = rf_contact_copy (contact);

  g_return_val_if_fail (RF_IS_CONTACT_DAO (self), FALSE);

  return rf_dao_run_sync (RF_DAO (self), update_work, copy, cancellable, error) != NULL;
}

void
rf_contact_dao_update_async (RfContactDao        *self,
                             RfContact           *contact,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (RF_IS_CONTACT_DAO (self));
  g_return_if_fail (RF_IS_CONTACT (contact));

  rf_dao_run_async (RF_DAO (self), update_work, rf_contact_copy (contact), g_object_unref, NULL,
                    rf_contact_dao_update_async, cancellable, callback, user_data);
}

gboolean
rf_contact_dao_update_finish (RfContactDao  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return rf_dao_run_finish_boolean (RF_DAO (self), result, rf_contact_dao_update_async, error);
}

gint64
rf_contact_dao_upsert_sync (RfContactDao  *self,
                            RfContact     *contact,
                            gboolean      *found,
                            GCancellable  *cancellable,
                            GError       **error)
{
  UpsertData data = { rf_contact_copy (contact), FALSE };
  g_autofree gint64 *id = NULL;

  g_return_val_if_fail (RF_IS_CONTACT_DAO (self), -1);

  id = rf_dao_run_sync (RF_DAO (self), upsert_work, &data, cancellable, error);
  g_object_unref (data.contact);
  if (found != NULL)
    *found = data.found;
  if (id == NULL)
    return -1;

  rf_contact_set_id (contact, *id);
  return *id;
}
