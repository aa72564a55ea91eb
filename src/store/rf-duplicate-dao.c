/* rf-duplicate-dao.c: finding, merging and unmerging duplicates
 *
 * A merge moves the duplicate's rows to the primary, fills the primary's
 * empty fields, deletes the duplicate and writes a merge_log row holding
 * the duplicate as it was (JSON), the primary as it was, and the ids of
 * what moved, all in one transaction. Undoing reverses each step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-store"

#include "config.h"

#include <inttypes.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "rf-database-private.h"
#include "rf-company-dao.h"
#include "rf-contact-dao.h"
#include "rf-duplicate-dao.h"

struct _RfDuplicateDao
{
  RfDao parent_instance;
};

G_DEFINE_FINAL_TYPE (RfDuplicateDao, rf_duplicate_dao, RF_TYPE_DAO)

static void
rf_duplicate_dao_class_init (RfDuplicateDaoClass *klass)
{
}

static void
rf_duplicate_dao_init (RfDuplicateDao *self)
{
}

RfDuplicateDao *
rf_duplicate_dao_new (RfDatabase *database)
{
  g_return_val_if_fail (RF_IS_DATABASE (database), NULL);

  return g_object_new (RF_TYPE_DUPLICATE_DAO, "database", database, NULL);
}

void
rf_duplicate_group_free (RfDuplicateGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->key);
  g_array_unref (group->ids);
  g_clear_pointer (&group->records, g_ptr_array_unref);
  g_free (group);
}

/* The SQL of each kind. */
typedef struct
{
  const char *table;
  const char *snapshot;
  const char *leads;
  const char *signals;
  const char *contacts;       /* NULL for contacts */
  const char *move_leads;
  const char *move_signals;
  const char *move_contacts;
  const char *fill;
  const char *remove;
  const char *reinsert;
  const char *back_leads;
  const char *back_signals;
  const char *back_contacts;
  const char *restore;
  const char *same_key;       /* domain or email */
  const char *same_name;
  const char *names;
  const char *ids_by_names;
} KindSql;

static const KindSql company_sql = {
  "companies",
  "SELECT json_object ('id', id, 'name', name, 'normalized_name', normalized_name, 'website', website, "
  "'domain', domain, 'industry', industry, 'size', size, 'location', location, 'created_at', created_at, "
  "'updated_at', updated_at, 'import_batch', import_batch) FROM companies WHERE id = ?1",
  "SELECT json_group_array (id) FROM leads WHERE company_id = ?1",
  "SELECT json_group_array (id) FROM signals WHERE company_id = ?1",
  "SELECT json_group_array (id) FROM contacts WHERE company_id = ?1",
  "UPDATE leads SET company_id = ?1 WHERE company_id = ?2",
  "UPDATE signals SET company_id = ?1 WHERE company_id = ?2",
  "UPDATE contacts SET company_id = ?1 WHERE company_id = ?2",
  "UPDATE companies SET "
  "name = CASE WHEN name = '' THEN (SELECT name FROM companies WHERE id = ?2) ELSE name END, "
  "normalized_name = CASE WHEN normalized_name = '' THEN (SELECT normalized_name FROM companies WHERE id = ?2) "
  "ELSE normalized_name END, "
  "website = CASE WHEN website = '' THEN (SELECT website FROM companies WHERE id = ?2) ELSE website END, "
  "domain = CASE WHEN domain = '' THEN (SELECT domain FROM companies WHERE id = ?2) ELSE domain END, "
  "industry = CASE WHEN industry = '' THEN (SELECT industry FROM companies WHERE id = ?2) ELSE industry END, "
  "size = CASE WHEN size = '' THEN (SELECT size FROM companies WHERE id = ?2) ELSE size END, "
  "location = CASE WHEN location = '' THEN (SELECT location FROM companies WHERE id = ?2) ELSE location END, "
  "updated_at = ?3 WHERE id = ?1",
  "DELETE FROM companies WHERE id = ?1",
  "INSERT INTO companies (id, name, normalized_name, website, domain, industry, size, location, created_at, "
  "updated_at, import_batch) VALUES ("
  "CASE WHEN EXISTS (SELECT 1 FROM companies WHERE id = json_extract (?1, '$.id')) THEN NULL "
  "ELSE json_extract (?1, '$.id') END, "
  "json_extract (?1, '$.name'), json_extract (?1, '$.normalized_name'), json_extract (?1, '$.website'), "
  "json_extract (?1, '$.domain'), json_extract (?1, '$.industry'), json_extract (?1, '$.size'), "
  "json_extract (?1, '$.location'), json_extract (?1, '$.created_at'), json_extract (?1, '$.updated_at'), "
  "json_extract (?1, '$.import_batch'))",
  "UPDATE leads SET company_id = ?1 WHERE company_id = ?2 AND id IN (SELECT value FROM json_each (?3))",
  "UPDATE signals SET company_id = ?1 WHERE company_id = ?2 AND id IN (SELECT value FROM json_each (?3))",
  "UPDATE contacts SET company_id = ?1 WHERE company_id = ?2 AND id IN (SELECT value FROM json_each (?3))",
  "UPDATE companies SET "
  "name = CASE WHEN json_extract (?2, '$.name') = '' THEN '' ELSE name END, "
  "normalized_name = CASE WHEN json_extract (?2, '$.normalized_name') = '' THEN '' ELSE normalized_name END, "
  "website = CASE WHEN json_extract (?2, '$.website') = '' THEN '' ELSE website END, "
  "domain = CASE WHEN json_extract (?2, '$.domain') = '' THEN '' ELSE domain END, "
  "industry = CASE WHEN json_extract (?2, '$.industry') = '' THEN '' ELSE industry END, "
  "size = CASE WHEN json_extract (?2, '$.size') = '' THEN '' ELSE size END, "
  "location = CASE WHEN json_extract (?2, '$.location') = '' THEN '' ELSE location END, "
  "updated_at = ?3 WHERE id = ?1",
  "SELECT domain, group_concat (id) FROM companies WHERE domain <> '' "
  "GROUP BY domain HAVING count (*) > 1 ORDER BY min (id)",
  "SELECT normalized_name, group_concat (id) FROM companies WHERE normalized_name <> '' "
  "GROUP BY normalized_name HAVING count (*) > 1 ORDER BY min (id)",
  "SELECT DISTINCT 0, normalized_name FROM companies WHERE normalized_name <> '' ORDER BY normalized_name",
  "SELECT group_concat (id) FROM companies WHERE normalized_name IN (?1, ?2) AND normalized_name <> ''",
};

static const KindSql contact_sql = {
  "contacts",
  "SELECT json_object ('id', id, 'company_id', company_id, 'name', name, 'normalized_name', normalized_name, "
  "'title', title, 'email', email, 'phone', phone, 'address', address, 'created_at', created_at, "
  "'updated_at', updated_at, 'import_batch', import_batch) FROM contacts WHERE id = ?1",
  "SELECT json_group_array (id) FROM leads WHERE contact_id = ?1",
  "SELECT json_group_array (id) FROM signals WHERE contact_id = ?1",
  NULL,
  "UPDATE leads SET contact_id = ?1 WHERE contact_id = ?2",
  "UPDATE signals SET contact_id = ?1 WHERE contact_id = ?2",
  NULL,
  "UPDATE contacts SET "
  "company_id = coalesce (company_id, (SELECT company_id FROM contacts WHERE id = ?2)), "
  "name = CASE WHEN name = '' THEN (SELECT name FROM contacts WHERE id = ?2) ELSE name END, "
  "normalized_name = CASE WHEN normalized_name = '' THEN (SELECT normalized_name FROM contacts WHERE id = ?2) "
  "ELSE normalized_name END, "
  "title = CASE WHEN title = '' THEN (SELECT title FROM contacts WHERE id = ?2) ELSE title END, "
  "email = CASE WHEN email = '' THEN (SELECT email FROM contacts WHERE id = ?2) ELSE email END, "
  "phone = CASE WHEN phone = '' THEN (SELECT phone FROM contacts WHERE id = ?2) ELSE phone END, "
  "address = CASE WHEN address = '' THEN (SELECT address FROM contacts WHERE id = ?2) ELSE address END, "
  "updated_at = ?3 WHERE id = ?1",
  "DELETE FROM contacts WHERE id = ?1",
  "INSERT INTO contacts (id, company_id, name, normalized_name, title, email, phone, address, created_at, "
  "updated_at, import_batch) VALUES ("
  "CASE WHEN EXISTS (SELECT 1 FROM contacts WHERE id = json_extract (?1, '$.id')) THEN NULL "
  "ELSE json_extract (?1, '$.id') END, "
  "(SELECT id FROM companies WHERE id = json_extract (?1, '$.company_id')), "
  "json_extract (?1, '$.name'), json_extract (?1, '$.normalized_name'), json_extract (?1, '$.title'), "
  "json_extract (?1, '$.email'), json_extract (?1, '$.phone'), json_extract (?1, '$.address'), "
  "json_extract (?1, '$.created_at'), json_extract (?1, '$.updated_at'), json_extract (?1, '$.import_batch'))",
  "UPDATE leads SET contact_id = ?1 WHERE contact_id = ?2 AND id IN (SELECT value FROM json_each (?3))",
  "UPDATE signals SET contact_id = ?1 WHERE contact_id = ?2 AND id IN (SELECT value FROM json_each (?3))",
  NULL,
  "UPDATE contacts SET "
  "company_id = CASE WHEN json_extract (?2, '$.company_id') IS NULL THEN NULL ELSE company_id END, "
  "name = CASE WHEN json_extract (?2, '$.name') = '' THEN '' ELSE name END, "
  "normalized_name = CASE WHEN json_extract (?2, '$.normalized_name') = '' THEN '' ELSE normalized_name END, "
  "title = CASE WHEN json_extract (?2, '$.title') = '' THEN '' ELSE title END, "
  "email = CASE WHEN json_extract (?2, '$.email') = '' THEN '' ELSE email END, "
  "phone = CASE WHEN json_extract (?2, '$.phone') = '' THEN '' ELSE phone END, "
  "address = CASE WHEN json_extract (?2, '$.address') = '' THEN '' ELSE address END, "
  "updated_at = ?3 WHERE id = ?1",
  "SELECT email, group_concat (id) FROM contacts WHERE email <> '' "
  "GROUP BY email HAVING count (*) > 1 ORDER BY min (id)",
  /* The same person at two companies is two people; at one (or with no
   * company known) it is one. */
  "SELECT normalized_name, group_concat (id) FROM contacts WHERE normalized_name <> '' "
  "GROUP BY normalized_name HAVING count (*) > 1 AND count (DISTINCT company_id) <= 1 ORDER BY min (id)",
  "SELECT DISTINCT coalesce (company_id, 0), normalized_name FROM contacts WHERE normalized_name <> '' "
  "ORDER BY 1, 2",
  "SELECT group_concat (id) FROM contacts WHERE normalized_name IN (?1, ?2) AND normalized_name <> '' "
  "AND coalesce (company_id, 0) = ?3",
};

static const KindSql *
kind_sql (RfDuplicateKind kind)
{
  return kind == RF_DUPLICATE_COMPANY ? &company_sql : &contact_sql;
}

static const char *
kind_nick (RfDuplicateKind kind)
{
  return kind == RF_DUPLICATE_COMPANY ? "company" : "contact";
}

/* Helpers. */

static char *
query_text (RfDatabase  *database,
            const char  *sql,
            gint64       id,
            GError     **error)
{
  sqlite3_stmt *stmt = rf_database_prepare (database, sql, error);
  gboolean has_row;
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!rf_database_step (database, stmt, &has_row, error))
    return NULL;
  if (has_row && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  else
    text = g_strdup ("");
  sqlite3_reset (stmt);
  return text;
}

static gboolean
exec_ids (RfDatabase   *database,
          const char   *sql,
          gint64        a,
          gint64        b,
          GError      **error)
{
  sqlite3_stmt *stmt;

  if (sql == NULL)
    return TRUE;
  if (!(stmt = rf_database_prepare (database, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  if (b != 0)
    sqlite3_bind_int64 (stmt, 2, b);
  if (strstr (sql, "?3") != NULL)
    sqlite3_bind_int64 (stmt, 3, rf_store_now ());
  return rf_database_step_done (database, stmt, error);
}

static gboolean
move_back (RfDatabase  *database,
           const char  *sql,
           gint64       to,
           gint64       from,
           const char  *ids_json,
           GError     **error)
{
  sqlite3_stmt *stmt;

  if (sql == NULL)
    return TRUE;
  if (!(stmt = rf_database_prepare (database, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, to);
  sqlite3_bind_int64 (stmt, 2, from);
  rf_stmt_bind_text (stmt, 3, ids_json);
  return rf_database_step_done (database, stmt, error);
}

static void
notify_all (RfDatabase      *database,
            RfDuplicateKind  kind)
{
  rf_database_notify_changed (database, kind_sql (kind)->table, RF_CHANGE_MANY, 0);
  rf_database_notify_changed (database, "leads", RF_CHANGE_MANY, 0);
}

/* Merging. */

typedef struct
{
  RfDuplicateKind kind;
  gint64          primary_id;
  gint64          duplicate_id;
} Merge;

static gint64
merge_steps (RfDatabase  *database,
             Merge       *merge,
             GError     **error)
{
  const KindSql *sql = kind_sql (merge->kind);
  g_autofree char *duplicate_row = NULL;
  g_autofree char *primary_row = NULL;
  g_autofree char *leads = NULL;
  g_autofree char *signals = NULL;
  g_autofree char *contacts = NULL;
  sqlite3_stmt *stmt;

  if (!(duplicate_row = query_text (database, sql->snapshot, merge->duplicate_id, error)) ||
      !(primary_row = query_text (database, sql->snapshot, merge->primary_id, error)))
    return 0;
  if (*duplicate_row == '\0' || *primary_row == '\0')
    {
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND,
                   merge->kind == RF_DUPLICATE_COMPANY ? _("There is no company %" PRId64)
                                                       : _("There is no contact %" PRId64),
                   *duplicate_row == '\0' ? merge->duplicate_id : merge->primary_id);
      return 0;
    }

  if (!(leads = query_text (database, sql->leads, merge->duplicate_id, error)) ||
      !(signals = query_text (database, sql->signals, merge->duplicate_id, error)))
    return 0;
  if (sql->contacts != NULL && !(contacts = query_text (database, sql->contacts, merge->duplicate_id, error)))
    return 0;

  if (!exec_ids (database, sql->move_leads, merge->primary_id, merge->duplicate_id, error) ||
      !exec_ids (database, sql->move_signals, merge->primary_id, merge->duplicate_id, error) ||
      !exec_ids (database, sql->move_contacts, merge->primary_id, merge->duplicate_id, error) ||
      !exec_ids (database, sql->fill, merge->primary_id, merge->duplicate_id, error) ||
      !exec_ids (database, sql->remove, merge->duplicate_id, 0, error))
    return 0;

  stmt = rf_database_prepare (database,
                              "INSERT INTO merge_log (kind, primary_id, duplicate_id, duplicate_row, primary_row, "
                              "moved_leads, moved_signals, moved_contacts, merged_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                              error);
  if (stmt == NULL)
    return 0;
  rf_stmt_bind_text (stmt, 1, kind_nick (merge->kind));
  sqlite3_bind_int64 (stmt, 2, merge->primary_id);
  sqlite3_bind_int64 (stmt, 3, merge->duplicate_id);
  rf_stmt_bind_text (stmt, 4, duplicate_row);
  rf_stmt_bind_text (stmt, 5, primary_row);
  rf_stmt_bind_text (stmt, 6, *leads != '\0' ? leads : "[]");
  rf_stmt_bind_text (stmt, 7, *signals != '\0' ? signals : "[]");
  rf_stmt_bind_text (stmt, 8, contacts != NULL && *contacts != '\0' ? contacts : "[]");
  sqlite3_bind_int64 (stmt, 9, rf_store_now ());
  if (!rf_database_step_done (database, stmt, error))
    return 0;
  return rf_database_last_insert_id (database);
}

static gpointer
merge_work (RfDatabase    *database,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Merge *merge = data;
  gint64 id;

  if (merge->primary_id == merge->duplicate_id)
    {
      g_set_error_literal (error, RF_STORE_ERROR, RF_STORE_ERROR_INVALID,
                           _("A record cannot be merged into itself: choose another primary"));
      return NULL;
    }
  if (!rf_database_transaction_begin (database, error))
    return NULL;
  if ((id = merge_steps (database, merge, error)) <= 0 || !rf_database_transaction_commit (database, error))
    {
      rf_database_transaction_rollback (database);
      return NULL;
    }
  notify_all (database, merge->kind);
  return rf_dao_boxed_id (id);
}

gint64
rf_duplicate_dao_merge_sync (RfDuplicateDao   *self,
                             RfDuplicateKind   kind,
                             gint64            primary_id,
                             gint64            duplicate_id,
                             GCancellable     *cancellable,
                             GError          **error)
{
  Merge merge = { kind, primary_id, duplicate_id };
  g_autofree gint64 *id = NULL;

  g_return_val_if_fail (RF_IS_DUPLICATE_DAO (self), 0);

  id = rf_dao_run_sync (RF_DAO (self), merge_work, &merge, cancellable, error);
  return id != NULL ? *id : 0;
}

void
rf_duplicate_dao_merge_async (RfDuplicateDao      *self,
                              RfDuplicateKind      kind,
                              gint64               primary_id,
                              gint64               duplicate_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Merge *merge;

  g_return_if_fail (RF_IS_DUPLICATE_DAO (self));

  merge = g_new0 (Merge, 1);
  merge->kind = kind;
  merge->primary_id = primary_id;
  merge->duplicate_id = duplicate_id;
  rf_dao_run_async (RF_DAO (self), merge_work, merge, g_free, g_free, rf_duplicate_dao_merge_async,
                    cancellable, callback, user_data);
}

gint64
rf_duplicate_dao_merge_finish (RfDuplicateDao  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_autofree gint64 *id = NULL;

  g_return_val_if_fail (RF_IS_DUPLICATE_DAO (self), 0);

  id = rf_dao_run_finish (RF_DAO (self), result, rf_duplicate_dao_merge_async, error);
  return id != NULL ? *id : 0;
}

/* Undoing. */

static gint64
undo_steps (RfDatabase  *database,
            gint64       merge_id,
            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;
  const KindSql *sql;
  RfDuplicateKind kind;
  gint64 primary_id, restored_id;
  g_autofree char *duplicate_row = NULL;
  g_autofree char *primary_row = NULL;
  g_autofree char *leads = NULL;
  g_autofree char *signals = NULL;
  g_autofree char *contacts = NULL;

  stmt = rf_database_prepare (database,
                              "SELECT kind, primary_id, NULL, duplicate_row, primary_row, moved_leads, "
                              "moved_signals, moved_contacts, undone_at FROM merge_log WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, merge_id);
  if (!rf_database_step (database, stmt, &has_row, error))
    return 0;
  if (!has_row)
    {
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND, _("There is no merge %" PRId64), merge_id);
      return 0;
    }
  if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
    {
      sqlite3_reset (stmt);
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_INVALID, _("Merge %" PRId64 " was already undone"),
                   merge_id);
      return 0;
    }
  kind = g_strcmp0 (rf_stmt_column_text (stmt, 0), "company") == 0 ? RF_DUPLICATE_COMPANY : RF_DUPLICATE_CONTACT;
  primary_id = sqlite3_column_int64 (stmt, 1);
  duplicate_row = g_strdup (rf_stmt_column_text (stmt, 3));
  primary_row = g_strdup (rf_stmt_column_text (stmt, 4));
  leads = g_strdup (rf_stmt_column_text (stmt, 5));
  signals = g_strdup (rf_stmt_column_text (stmt, 6));
  contacts = g_strdup (rf_stmt_column_text (stmt, 7));
  sqlite3_reset (stmt);
  sql = kind_sql (kind);

  /* The duplicate comes back, under a new id if its own was taken since. */
  if (!(stmt = rf_database_prepare (database, sql->reinsert, error)))
    return 0;
  rf_stmt_bind_text (stmt, 1, duplicate_row);
  if (!rf_database_step_done (database, stmt, error))
    return 0;
  restored_id = rf_database_last_insert_id (database);

  /* What moved goes back, unless it has moved on since. */
  if (!move_back (database, sql->back_leads, restored_id, primary_id, leads, error) ||
      !move_back (database, sql->back_signals, restored_id, primary_id, signals, error) ||
      !move_back (database, sql->back_contacts, restored_id, primary_id, contacts, error))
    return 0;

  /* The primary's fields that the merge filled are empty again. */
  if (!(stmt = rf_database_prepare (database, sql->restore, error)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, primary_id);
  rf_stmt_bind_text (stmt, 2, primary_row);
  sqlite3_bind_int64 (stmt, 3, rf_store_now ());
  if (!rf_database_step_done (database, stmt, error))
    return 0;

  if (!(stmt = rf_database_prepare (database, "UPDATE merge_log SET undone_at = ?2 WHERE id = ?1", error)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, merge_id);
  sqlite3_bind_int64 (stmt, 2, rf_store_now ());
  if (!rf_database_step_done (database, stmt, error))
    return 0;

  notify_all (database, kind);
  return restored_id;
}

static gpointer
undo_work (RfDatabase    *database,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  gint64 merge_id = *(gint64 *)data;
  gint64 id;

  if (!rf_database_transaction_begin (database, error))
    return NULL;
  if ((id = undo_steps (database, merge_id, error)) <= 0 || !rf_database_transaction_commit (database, error))
    {
      rf_database_transaction_rollback (database);
      return NULL;
    }
  return rf_dao_boxed_id (id);
}

gint64
rf_duplicate_dao_undo_sync (RfDuplicateDao  *self,
                            gint64           merge_id,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_autofree gint64 *id = NULL;

  g_return_val_if_fail (RF_IS_DUPLICATE_DAO (self), 0);

  id = rf_dao_run_sync (RF_DAO (self), undo_work, &merge_id, cancellable, error);
  return id != NULL ? *id : 0;
}

void
rf_duplicate_dao_undo_async (RfDuplicateDao      *self,
                             gint64               merge_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (RF_IS_DUPLICATE_DAO (self));

  rf_dao_run_async (RF_DAO (self), undo_work, rf_dao_boxed_id (merge_id), g_free, g_free,
                    rf_duplicate_dao_undo_async, cancellable, callback, user_data);
}

gint64
rf_duplicate_dao_undo_finish (RfDuplicateDao  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_autofree gint64 *id = NULL;

  g_return_val_if_fail (RF_IS_DUPLICATE_DAO (self), 0);

  id = rf_dao_run_finish (RF_DAO (self), result, rf_duplicate_dao_undo_async, error);
  return id != NULL ? *id : 0;
}

/* Finding. */

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

static RfDuplicateGroup *
group_new (RfDuplicateKind    kind,
           RfDuplicateReason  reason,
           const char        *key,
           const char        *id_list)
{
  RfDuplicateGroup *group = g_new0 (RfDuplicateGroup, 1);
  g_auto(GStrv) ids = g_strsplit (id_list != NULL ? id_list : "", ",", -1);

  group->kind = kind;
  group->reason = reason;
  group->key = g_strdup (key);
  group->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (ids[i], NULL, 10);
      if (id > 0)
        g_array_append_val (group->ids, id);
    }
  g_array_sort (group->ids, compare_ids);
  return group;
}

static gboolean
add_groups (RfDatabase         *database,
            const char         *sql,
            RfDuplicateKind     kind,
            RfDuplicateReason   reason,
            GPtrArray          *groups,
            GError            **error)
{
  sqlite3_stmt *stmt = rf_database_prepare (database, sql, error);
  gboolean has_row;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  while ((ok = rf_database_step (database, stmt, &has_row, error)) && has_row)
    g_ptr_array_add (groups, group_new (kind, reason, rf_stmt_column_text (stmt, 0), rf_stmt_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  return ok;
}

/* At most one insertion, deletion or substitution apart, by characters. */
static gboolean
one_edit_apart (const char *a,
                const char *b)
{
  g_autofree gunichar *x = NULL;
  g_autofree gunichar *y = NULL;
  glong nx, ny, i = 0, j = 0;
  guint edits = 0;

  x = g_utf8_to_ucs4_fast (a, -1, &nx);
  y = g_utf8_to_ucs4_fast (b, -1, &ny);
  if (ABS (nx - ny) > 1 || MIN (nx, ny) < 5)
    return FALSE;
  while (i < nx && j < ny)
    {
      if (x[i] == y[j])
        {
          i++;
          j++;
          continue;
        }
      if (++edits > 1)
        return FALSE;
      if (nx > ny)
        i++;
      else if (ny > nx)
        j++;
      else
        {
          i++;
          j++;
        }
    }
  edits += (nx - i) + (ny - j);
  return edits == 1;
}

/* Names one typo apart, compared with their neighbours in sorted order
 * (within one company for contacts): cheap, and it finds "acme corp" and
 * "acme crop" without comparing every pair. */
static gboolean
add_similar_groups (RfDatabase       *database,
                    const KindSql    *sql,
                    RfDuplicateKind   kind,
                    GPtrArray        *groups,
                    GError          **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) scopes = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = rf_database_prepare (database, sql->names, error);
  gboolean has_row;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  while ((ok = rf_database_step (database, stmt, &has_row, error)) && has_row)
    {
      gint64 scope = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (scopes, scope);
      g_ptr_array_add (names, g_strdup (rf_stmt_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (!ok)
    return FALSE;

  for (guint i = 1; i < names->len; i++)
    {
      const char *a = g_ptr_array_index (names, i - 1);
      const char *b = g_ptr_array_index (names, i);
      g_autofree char *key = NULL;

      if (g_array_index (scopes, gint64, i - 1) != g_array_index (scopes, gint64, i) || !one_edit_apart (a, b))
        continue;
      if (!(stmt = rf_database_prepare (database, sql->ids_by_names, error)))
        return FALSE;
      rf_stmt_bind_text (stmt, 1, a);
      rf_stmt_bind_text (stmt, 2, b);
      if (kind == RF_DUPLICATE_CONTACT)
        sqlite3_bind_int64 (stmt, 3, g_array_index (scopes, gint64, i));
      if (!rf_database_step (database, stmt, &has_row, error))
        return FALSE;
      key = g_strdup_printf ("%s ~ %s", a, b);
      if (has_row)
        g_ptr_array_add (groups, group_new (kind, RF_DUPLICATE_SIMILAR_NAME, key, rf_stmt_column_text (stmt, 0)));
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/* Each group's records, for showing them side by side. */
static gboolean
add_records (RfDatabase  *database,
             GPtrArray   *groups,
             GError     **error)
{
  for (guint i = 0; i < groups->len; i++)
    {
      RfDuplicateGroup *group = g_ptr_array_index (groups, i);

      g_clear_pointer (&group->records, g_ptr_array_unref);
      group->records = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint j = 0; j < group->ids->len; j++)
        {
          gint64 id = g_array_index (group->ids, gint64, j);
          gpointer record;

          if (group->kind == RF_DUPLICATE_COMPANY)
            record = rf_company_dao_get_in_thread (database, id, error);
          else
            record = rf_contact_dao_get_in_thread (database, id, error);
          if (record == NULL)
            return FALSE;
          g_ptr_array_add (group->records, record);
        }
    }
  return TRUE;
}

static gpointer
find_work (RfDatabase    *database,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  RfDuplicateKind kind = GPOINTER_TO_INT (data);
  const KindSql *sql = kind_sql (kind);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify)rf_duplicate_group_free);

  if (!add_groups (database, sql->same_key, kind,
                   kind == RF_DUPLICATE_COMPANY ? RF_DUPLICATE_SAME_DOMAIN : RF_DUPLICATE_SAME_EMAIL,
                   groups, error) ||
      !add_groups (database, sql->same_name, kind, RF_DUPLICATE_SAME_NAME, groups, error) ||
      !add_similar_groups (database, sql, kind, groups, error) ||
      !add_records (database, groups, error))
    return NULL;
  return g_steal_pointer (&groups);
}

GPtrArray *
rf_duplicate_dao_find_sync (RfDuplicateDao   *self,
                            RfDuplicateKind   kind,
                            GCancellable     *cancellable,
                            GError          **error)
{
  g_return_val_if_fail (RF_IS_DUPLICATE_DAO (self), NULL);

  return rf_dao_run_sync (RF_DAO (self), find_work, GINT_TO_POINTER (kind), cancellable, error);
}

void
rf_duplicate_dao_find_async (RfDuplicateDao      *self,
                             RfDuplicateKind      kind,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (RF_IS_DUPLICATE_DAO (self));

  rf_dao_run_async (RF_DAO (self), find_work, GINT_TO_POINTER (kind), NULL,
                    (GDestroyNotify)g_ptr_array_unref, rf_duplicate_dao_find_async,
                    cancellable, callback, user_data);
}

GPtrArray *
rf_duplicate_dao_find_finish (RfDuplicateDao  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (RF_IS_DUPLICATE_DAO (self), NULL);

  return rf_dao_run_finish (RF_DAO (self), result, rf_duplicate_dao_find_async, error);
}
