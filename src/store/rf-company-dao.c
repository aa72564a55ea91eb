/* rf-company-dao.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "rf-company-dao.h"
#include "rf-database-private.h"
#include "rf-normalize.h"

struct _RfCompanyDao
{
  RfDao parent_instance;
};

G_DEFINE_FINAL_TYPE (RfCompanyDao, rf_company_dao, RF_TYPE_DAO)

static void
rf_company_dao_class_init (RfCompanyDaoClass *klass)
{
}

static void
rf_company_dao_init (RfCompanyDao *self)
{
}

RfCompanyDao *
rf_company_dao_new (RfDatabase *database)
{
  g_return_val_if_fail (RF_IS_DATABASE (database), NULL);

  return g_object_new (RF_TYPE_COMPANY_DAO, "database", database, NULL);
}

/* Domain from the website; a company known only by name has none. */
static char *
company_domain (RfCompany *company)
{
  const char *domain = rf_company_get_domain (company);

  if (domain != NULL && *domain != '\0')
    return rf_normalize_domain (domain);
  return rf_normalize_domain (rf_company_get_website (company));
}

static gint64
lookup_id (RfDatabase  *database,
           const char  *sql,
           const char  *key,
           GError     **error)
{
  sqlite3_stmt *stmt = rf_database_prepare (database, sql, error);
  gboolean has_row;
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  rf_stmt_bind_text_static (stmt, 1, key);
  if (!rf_database_step (database, stmt, &has_row, error))
    return -1;
  if (has_row)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* The dedup rule on keys already normalised (the upsert normalises once:
 * case folding was ~5% of an insert when done twice). */
static gint64
find_by_keys (RfDatabase  *database,
              const char  *domain,
              const char  *name,
              GError     **error)
{
  gint64 id = 0;

  if (*domain != '\0')
    id = lookup_id (database, "SELECT id FROM companies WHERE domain = ? AND domain <> '' ORDER BY id LIMIT 1",
                    domain, error);
  if (id == 0 && *name != '\0')
    id = lookup_id (database, "SELECT id FROM companies WHERE normalized_name = ? AND normalized_name <> '' ORDER BY id LIMIT 1",
                    name, error);
  return id;
}

/* The dedup rule: same normalised domain, else same normalised name.
 * Returns the id, 0 when there is none, -1 on error. */
gint64
rf_company_dao_find_in_thread (RfDatabase  *database,
                               RfCompany   *company,
                               GError     **error)
{
  g_autofree char *domain = company_domain (company);
  g_autofree char *name = rf_normalize_company_name (rf_company_get_name (company));

  return find_by_keys (database, domain, name, error);
}

/* ?2..?9 of the insert and of the update. */
static void
bind_company (sqlite3_stmt *stmt,
              RfCompany    *company,
              const char   *name,
              const char   *domain)
{
  rf_stmt_bind_text_or_empty_static (stmt, 2, rf_company_get_name (company));
  rf_stmt_bind_text_static (stmt, 3, name);
  rf_stmt_bind_text_or_empty_static (stmt, 4, rf_company_get_website (company));
  rf_stmt_bind_text_static (stmt, 5, domain);
  rf_stmt_bind_text_or_empty_static (stmt, 6, rf_company_get_industry (company));
  rf_stmt_bind_text_or_empty_static (stmt, 7, rf_company_get_size (company));
  rf_stmt_bind_text_or_empty_static (stmt, 8, rf_company_get_location (company));
  sqlite3_bind_int64 (stmt, 9, rf_store_now ());
}

/* Finds the company by the dedup rule or inserts it; a found company gets
 * the fields it lacked from @company. Sets the id on @company and returns
 * it; 0 when @company has neither name nor domain; -1 on error. */
gint64
rf_company_dao_upsert_in_thread (RfDatabase  *database,
                                 RfCompany   *company,
                                 gboolean    *found,
                                 GError     **error)
{
  g_autofree char *domain = company_domain (company);
  g_autofree char *name = rf_normalize_company_name (rf_company_get_name (company));
  sqlite3_stmt *stmt;
  gint64 id;

  if (found != NULL)
    *found = FALSE;
  if (*domain == '\0' && *name == '\0')
    return 0;

  /* Inserted unless the dedup rule (find_by_keys()) finds one, in one
   * statement: most companies an import brings are new, and looking up
   * first took two more statements for each. */
  stmt = rf_database_prepare (database,
                              "INSERT INTO companies (name, normalized_name, website, domain, industry, "
                              "size, location, created_at, updated_at) "
                              "SELECT ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9 "
                              "WHERE NOT EXISTS (SELECT 1 FROM companies WHERE domain = ?5 AND domain <> '') "
                              "AND NOT EXISTS (SELECT 1 FROM companies "
                              "WHERE normalized_name = ?3 AND normalized_name <> '')",
                              error);
  if (stmt == NULL)
    return -1;
  bind_company (stmt, company, name, domain);
  if (!rf_database_step_done (database, stmt, error))
    return -1;
  if (rf_database_changes (database) > 0)
    {
      id = rf_database_last_insert_id (database);
      rf_database_notify_changed (database, "companies", RF_CHANGE_INSERTED, id);
      rf_company_set_id (company, id);
      return id;
    }

  if ((id = find_by_keys (database, domain, name, error)) <= 0)
    {
      if (id == 0)
        g_set_error_literal (error, RF_STORE_ERROR, RF_STORE_ERROR_INVALID,
                             _("The company was neither stored nor found"));
      return -1;
    }
  if (found != NULL)
    *found = TRUE;

  /* Only when a field gains a value: a rewrite of the row rewrote its
   * name and domain index entries too, for nothing. */
  stmt = rf_database_prepare (database,
                              "UPDATE companies SET "
                              "name = CASE WHEN name = '' THEN ?2 ELSE name END, "
                              "normalized_name = CASE WHEN normalized_name = '' THEN ?3 ELSE normalized_name END, "
                              "website = CASE WHEN website = '' THEN ?4 ELSE website END, "
                              "domain = CASE WHEN domain = '' THEN ?5 ELSE domain END, "
                              "industry = CASE WHEN industry = '' THEN ?6 ELSE industry END, "
                              "size = CASE WHEN size = '' THEN ?7 ELSE size END, "
                              "location = CASE WHEN location = '' THEN ?8 ELSE location END, "
                              "updated_at = ?9 "
                              "WHERE id = ?1 AND ((name = '' AND ?2 <> '') "
                              "OR (normalized_name = '' AND ?3 <> '') OR (website = '' AND ?4 <> '') "
                              "OR (domain = '' AND ?5 <> '') OR (industry = '' AND ?6 <> '') "
                              "OR (size = '' AND ?7 <> '') OR (location = '' AND ?8 <> ''))",
                              error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_company (stmt, company, name, domain);
  if (!rf_database_step_done (database, stmt, error))
    return -1;
  if (rf_database_changes (database) > 0)
    rf_database_notify_changed (database, "companies", RF_CHANGE_UPDATED, id);
  rf_company_set_id (company, id);
  return id;
}

RfCompany *
rf_company_dao_get_in_thread (RfDatabase  *database,
                              gint64       id,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;
  RfCompany *company;

  stmt = rf_database_prepare (database,
                              "SELECT id, name, website, domain, industry, size, location, "
                              "created_at, updated_at FROM companies WHERE id = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!rf_database_step (database, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND,
                   _("There is no company %" PRId64), id);
      return NULL;
    }

  company = rf_company_new ();
  rf_company_set_id (company, sqlite3_column_int64 (stmt, 0));
  rf_company_set_name (company, rf_stmt_column_text (stmt, 1));
  rf_company_set_website (company, rf_stmt_column_text (stmt, 2));
  rf_company_set_domain (company, rf_stmt_column_text (stmt, 3));
  rf_company_set_industry (company, rf_stmt_column_text (stmt, 4));
  rf_company_set_size (company, rf_stmt_column_text (stmt, 5));
  rf_company_set_location (company, rf_stmt_column_text (stmt, 6));
  rf_company_set_created_at (company, sqlite3_column_int64 (stmt, 7));
  rf_company_set_updated_at (company, sqlite3_column_int64 (stmt, 8));
  sqlite3_reset (stmt);
  return company;
}

static gpointer
get_work (RfDatabase    *database,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return rf_company_dao_get_in_thread (database, *(gint64 *)data, error);
}

static gpointer
update_work (RfDatabase    *database,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  RfCompany *company = data;
  g_autofree char *domain = company_domain (company);
  g_autofree char *name = rf_normalize_company_name (rf_company_get_name (company));
  sqlite3_stmt *stmt;

  stmt = rf_database_prepare (database,
                              "UPDATE companies SET name = ?2, normalized_name = ?3, website = ?4, "
                              "domain = ?5, industry = ?6, size = ?7, location = ?8, updated_at = ?9 "
                              "WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rf_company_get_id (company));
  rf_stmt_bind_text_or_empty (stmt, 2, rf_company_get_name (company));
  rf_stmt_bind_text (stmt, 3, name);
  rf_stmt_bind_text_or_empty (stmt, 4, rf_company_get_website (company));
  rf_stmt_bind_text (stmt, 5, domain);
  rf_stmt_bind_text_or_empty (stmt, 6, rf_company_get_industry (company));
  rf_stmt_bind_text_or_empty (stmt, 7, rf_company_get_size (company));
  rf_stmt_bind_text_or_empty (stmt, 8, rf_company_get_location (company));
  sqlite3_bind_int64 (stmt, 9, rf_store_now ());
  if (!rf_database_step_done (database, stmt, error))
    return NULL;
  if (rf_database_changes (database) == 0)
    {
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND,
                   _("There is no company %" PRId64), rf_company_get_id (company));
      return NULL;
    }
  rf_database_notify_changed (database, "companies", RF_CHANGE_UPDATED, rf_company_get_id (company));
  return GINT_TO_POINTER (TRUE);
}

typedef struct
{
  RfCompany *company;
  gboolean   found;
} UpsertData;

static gpointer
upsert_work (RfDatabase    *database,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  UpsertData *upsert = data;
  gint64 id = rf_company_dao_upsert_in_thread (database, upsert->company, &upsert->found, error);

  return id < 0 ? NULL : rf_dao_boxed_id (id);
}

RfCompany *
rf_company_dao_get_sync (RfCompanyDao  *self,
                         gint64         id,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_return_val_if_fail (RF_IS_COMPANY_DAO (self), NULL);

  return rf_dao_run_sync (RF_DAO (self), get_work, &id, cancellable, error);
}

void
rf_company_dao_get_async (RfCompanyDao        *self,
                          gint64               id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (RF_IS_COMPANY_DAO (self));

  rf_dao_run_async (RF_DAO (self), get_work, rf_dao_boxed_id (id), g_free, g_object_unref,
                    rf_company_dao_get_async, cancellable, callback, user_data);
}

RfCompany *
rf_company_dao_get_finish (RfCompanyDao  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return rf_dao_run_finish (RF_DAO (self), result, rf_company_dao_get_async, error);
}

gboolean
rf_company_dao_update_sync (RfCompanyDao  *self,
                            RfCompany     *company,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(RfCompany) copy = rf_company_copy (company);

  g_return_val_if_fail (RF_IS_COMPANY_DAO (self), FALSE);

  return rf_dao_run_sync (RF_DAO (self), update_work, copy, cancellable, error) != NULL;
}

void
rf_company_dao_update_async (RfCompanyDao        *self,
                             RfCompany           *company,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (RF_IS_COMPANY_DAO (self));
  g_return_if_fail (RF_IS_COMPANY (company));

  rf_dao_run_async (RF_DAO (self), update_work, rf_company_copy (company), g_object_unref, NULL,
                    rf_company_dao_update_async, cancellable, callback, user_data);
}

gboolean
rf_company_dao_update_finish (RfCompanyDao  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return rf_dao_run_finish_boolean (RF_DAO (self), result, rf_company_dao_update_async, error);
}

/* Returns the id (0: nothing to store), -1 on error; sets it on @company. */
gint64
rf_company_dao_upsert_sync (RfCompanyDao  *self,
                            RfCompany     *company,
                            gboolean      *found,
                            GCancellable  *cancellable,
                            GError       **error)
{
  UpsertData data = { rf_company_copy (company), FALSE };
  g_autofree gint64 *id = NULL;

  g_return_val_if_fail (RF_IS_COMPANY_DAO (self), -1);

  id = rf_dao_run_sync (RF_DAO (self), upsert_work, &data, cancellable, error);
  g_object_unref (data.company);
  if (found != NULL)
    *found = data.found;
  if (id == NULL)
    return -1;

  rf_company_set_id (company, *id);
  return *id;
}
