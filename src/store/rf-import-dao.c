/* rf-import-dao.c: reverting imports, tagging what they made, records for export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rf-company-dao.h"
#include "rf-contact-dao.h"
#include "rf-database-private.h"
#include "rf-import-dao.h"
#include "rf-lead-dao.h"
#include "rf-signal-dao.h"

struct _RfImportDao
{
  RfDao parent_instance;
};

G_DEFINE_FINAL_TYPE (RfImportDao, rf_import_dao, RF_TYPE_DAO)

static void
rf_import_dao_class_init (RfImportDaoClass *klass)
{
}

static void
rf_import_dao_init (RfImportDao *self)
{
}

RfImportDao *
rf_import_dao_new (RfDatabase *database)
{
  g_return_val_if_fail (RF_IS_DATABASE (database), NULL);

  return g_object_new (RF_TYPE_IMPORT_DAO, "database", database, NULL);
}

void
rf_lead_record_free (RfLeadRecord *record)
{
  if (record == NULL)
    return;
  g_clear_object (&record->lead);
  g_clear_object (&record->company);
  g_clear_object (&record->contact);
  g_clear_object (&record->signal);
  g_free (record);
}

static gboolean
tag_in_thread (RfDatabase  *database,
               const char  *sql,
               gint64       id,
               const char  *batch,
               GError     **error)
{
  sqlite3_stmt *stmt;

  if (id <= 0 || batch == NULL)
    return TRUE;
  if (!(stmt = rf_database_prepare (database, sql, error)))
    return FALSE;
  rf_stmt_bind_text (stmt, 1, batch);
  sqlite3_bind_int64 (stmt, 2, id);
  return rf_database_step_done (database, stmt, error);
}

gboolean
rf_import_dao_tag_company_in_thread (RfDatabase  *database,
                                     gint64       id,
                                     const char  *batch,
                                     GError     **error)
{
  return tag_in_thread (database, "UPDATE companies SET import_batch = ?1 WHERE id = ?2", id, batch, error);
}

gboolean
rf_import_dao_tag_contact_in_thread (RfDatabase  *database,
                                     gint64       id,
                                     const char  *batch,
                                     GError     **error)
{
  return tag_in_thread (database, "UPDATE contacts SET import_batch = ?1 WHERE id = ?2", id, batch, error);
}

static gboolean
count_rows (RfDatabase  *database,
            const char  *sql,
            const char  *batch,
            guint       *count,
            GError     **error)
{
  sqlite3_stmt *stmt = rf_database_prepare (database, sql, error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  rf_stmt_bind_text (stmt, 1, batch);
  if (!rf_database_step (database, stmt, &has_row, error))
    return FALSE;
  *count = has_row ? (guint)sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
delete_rows (RfDatabase  *database,
             const char  *sql,
             const char  *batch,
             guint       *count,
             GError     **error)
{
  sqlite3_stmt *stmt = rf_database_prepare (database, sql, error);

  if (stmt == NULL)
    return FALSE;
  rf_stmt_bind_text (stmt, 1, batch);
  if (!rf_database_step_done (database, stmt, error))
    return FALSE;
  *count = (guint)rf_database_changes (database);
  return TRUE;
}

static gboolean
revert_steps (RfDatabase      *database,
              const char      *batch,
              RfImportRevert  *removed,
              GError         **error)
{
  /* Leads (and their activities) go with their signals: ON DELETE CASCADE. */
  return count_rows (database,
                     "SELECT count(*) FROM leads WHERE signal_id IN "
                     "(SELECT id FROM signals WHERE import_batch = ?1)",
                     batch, &removed->leads, error) &&
         delete_rows (database, "DELETE FROM signals WHERE import_batch = ?1", batch, &removed->signals, error) &&
         delete_rows (database,
                      "DELETE FROM contacts WHERE import_batch = ?1 "
                      "AND NOT EXISTS (SELECT 1 FROM leads WHERE contact_id = contacts.id) "
                      "AND NOT EXISTS (SELECT 1 FROM signals WHERE contact_id = contacts.id)",
                      batch, &removed->contacts, error) &&
         delete_rows (database,
                      "DELETE FROM companies WHERE import_batch = ?1 "
                      "AND NOT EXISTS (SELECT 1 FROM leads WHERE company_id = companies.id) "
                      "AND NOT EXISTS (SELECT 1 FROM signals WHERE company_id = companies.id) "
                      "AND NOT EXISTS (SELECT 1 FROM contacts WHERE company_id = companies.id)",
                      batch, &removed->companies, error);
}

static gpointer
revert_work (RfDatabase    *database,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  const char *batch = data;
  RfImportRevert *removed = g_new0 (RfImportRevert, 1);

  if (!rf_database_transaction_begin (database, error))
    {
      g_free (removed);
      return NULL;
    }
  if (!revert_steps (database, batch, removed, error) ||
      !rf_database_transaction_commit (database, error))
    {
      rf_database_transaction_rollback (database);
      g_free (removed);
      return NULL;
    }

  if (removed->leads > 0)
    rf_database_notify_changed (database, "leads", RF_CHANGE_MANY, 0);
  if (removed->companies > 0)
    rf_database_notify_changed (database, "companies", RF_CHANGE_MANY, 0);
  if (removed->contacts > 0)
    rf_database_notify_changed (database, "contacts", RF_CHANGE_MANY, 0);
  return removed;
}

gboolean
rf_import_dao_revert_sync (RfImportDao     *self,
                           const char      *batch,
                           RfImportRevert  *removed,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_autofree RfImportRevert *result = NULL;

  g_return_val_if_fail (RF_IS_IMPORT_DAO (self), FALSE);
  g_return_val_if_fail (batch != NULL && *batch != '\0', FALSE);

  result = rf_dao_run_sync (RF_DAO (self), revert_work, (gpointer)batch, cancellable, error);
  if (result == NULL)
    return FALSE;
  if (removed != NULL)
    *removed = *result;
  return TRUE;
}

void
rf_import_dao_revert_async (RfImportDao         *self,
                            const char          *batch,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (RF_IS_IMPORT_DAO (self));
  g_return_if_fail (batch != NULL && *batch != '\0');

  rf_dao_run_async (RF_DAO (self), revert_work, g_strdup (batch), g_free, g_free,
                    rf_import_dao_revert_async, cancellable, callback, user_data);
}

gboolean
rf_import_dao_revert_finish (RfImportDao     *self,
                             GAsyncResult    *result,
                             RfImportRevert  *removed,
                             GError         **error)
{
  g_autofree RfImportRevert *value = NULL;

  g_return_val_if_fail (RF_IS_IMPORT_DAO (self), FALSE);

  value = rf_dao_run_finish (RF_DAO (self), result, rf_import_dao_revert_async, error);
  if (value == NULL)
    return FALSE;
  if (removed != NULL)
    *removed = *value;
  return TRUE;
}

static gpointer
count_batch_work (RfDatabase    *database,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  guint count;

  if (!count_rows (database, "SELECT count(*) FROM signals WHERE import_batch = ?1", data, &count, error))
    return NULL;
  return GUINT_TO_POINTER (count + 1);
}

guint
rf_import_dao_count_batch_sync (RfImportDao   *self,
                                const char    *batch,
                                GCancellable  *cancellable,
                                GError       **error)
{
  gpointer result;

  g_return_val_if_fail (RF_IS_IMPORT_DAO (self), 0);
  g_return_val_if_fail (batch != NULL, 0);

  result = rf_dao_run_sync (RF_DAO (self), count_batch_work, (gpointer)batch, cancellable, error);
  return result != NULL ? GPOINTER_TO_UINT (result) - 1 : 0;
}

typedef struct
{
  const gint64 *ids;
  guint         n_ids;
} Ids;

static gpointer
get_records_work (RfDatabase    *database,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  Ids *ids = data;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)rf_lead_record_free);

  for (guint i = 0; i < ids->n_ids; i++)
    {
      g_autoptr(GError) local_error = NULL;
      RfLeadRecord *record;
      RfLead *lead = rf_lead_dao_get_in_thread (database, ids->ids[i], &local_error);

      if (lead == NULL)
        {
          if (g_error_matches (local_error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      record = g_new0 (RfLeadRecord, 1);
      record->lead = lead;
      g_ptr_array_add (records, record);
      if (rf_lead_get_company_id (lead) > 0 &&
          !(record->company = rf_company_dao_get_in_thread (database, rf_lead_get_company_id (lead), error)))
        return NULL;
      if (rf_lead_get_contact_id (lead) > 0 &&
          !(record->contact = rf_contact_dao_get_in_thread (database, rf_lead_get_contact_id (lead), error)))
        return NULL;
      if (!(record->signal = rf_signal_dao_get_in_thread (database, rf_lead_get_signal_id (lead), error)))
        return NULL;
    }
  return g_steal_pointer (&records);
}

GPtrArray *
rf_import_dao_get_records_sync (RfImportDao   *self,
                                const gint64  *ids,
                                guint          n_ids,
                                GCancellable  *cancellable,
                                GError       **error)
{
  Ids data = { ids, n_ids };

  g_return_val_if_fail (RF_IS_IMPORT_DAO (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  return rf_dao_run_sync (RF_DAO (self), get_records_work, &data, cancellable, error);
}
