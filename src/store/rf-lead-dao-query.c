/* rf-lead-dao-query.c: many leads at a time: listing, counting, removing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rf-lead-dao-private.h"
#include "rf-lead-dao-sql.h"
#include "rf-lead-search.h"
#include "rf-scoring.h"

typedef struct
{
  gint64 *ids;
  guint   n_ids;
} IdList;

static gpointer list_ids_work (RfDatabase    *database,
                               gpointer       data,
                               GCancellable  *cancellable,
                               GError       **error);
static gpointer get_many_work (RfDatabase    *database,
                               gpointer       data,
                               GCancellable  *cancellable,
                               GError       **error);

GPtrArray *
rf_lead_dao_list_in_thread (RfDatabase         *database,
                            const RfLeadQuery  *query,
                            GError            **error)
{
  g_autoptr(GPtrArray) leads = g_ptr_array_new_with_free_func (g_object_unref);
  RfLeadStatement statement;
  sqlite3_stmt *stmt;
  gboolean has_row;
  gboolean ok = TRUE;

  /* Every lead the filters select (an export, the CLI's list): their ids
   * in order from an index, then the rows by id, which SQLite reads in
   * table order, where a lead's company and contact were stored near it.
   * Whole rows in index order looked each lead, company and contact up at
   * random (100,000 leads: ~560 to ~370 ms). */
  if (query->limit == 0 && query->offset == 0)
    {
      g_autoptr(GArray) ids = list_ids_work (database, (gpointer) query, NULL, error);
      IdList list;

      if (ids == NULL)
        return NULL;
      list.ids = (gint64 *) ids->data;
      list.n_ids = ids->len;
      return get_many_work (database, &list, NULL, error);
    }

  /* A searched page: maybe found without asking the index for every match. */
  if (query->search != NULL)
    {
      g_autoptr(GArray) ids = NULL;
      GError *walk_error = NULL;

      if (rf_lead_search_walk_ids (database, query, &ids, &walk_error))
        {
          IdList list = { (gint64 *) ids->data, ids->len };

          return get_many_work (database, &list, NULL, error);
        }
      if (walk_error != NULL)
        {
          g_propagate_error (error, walk_error);
          return NULL;
        }
    }

  rf_lead_statement_init (&statement, "SELECT " RF_LEAD_LIGHT_COLUMNS " ");
  rf_lead_statement_add_from (&statement, query, TRUE);
  rf_lead_statement_add_where (&statement, query, TRUE);
  rf_lead_statement_add_order (&statement, query);
  rf_lead_statement_add_limit (&statement, query);
  stmt = rf_lead_statement_prepare (&statement, database, error);
  rf_lead_statement_clear (&statement);
  if (stmt == NULL)
    return NULL;

  while ((ok = rf_database_step (database, stmt, &has_row, error)) && has_row)
    g_ptr_array_add (leads, rf_lead_dao_lead_from_row (stmt, FALSE));
  sqlite3_reset (stmt);

  if (!ok || !rf_lead_dao_fill_profile_names (database, leads, error))
    return NULL;
  return g_steal_pointer (&leads);
}

static gpointer
list_work (RfDatabase    *database,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return rf_lead_dao_list_in_thread (database, data, error);
}

static gpointer
list_ids_work (RfDatabase    *database,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  const RfLeadQuery *query = data;
  g_autoptr(GArray) ids = NULL;
  RfLeadStatement statement;
  sqlite3_stmt *stmt;
  gboolean has_row;
  gboolean ok;
  GError *walk_error = NULL;

  if (rf_lead_search_walk_ids (database, query, &ids, &walk_error)
      || (walk_error == NULL && rf_lead_search_filter_ids (database, query, &ids, &walk_error)))
    return g_steal_pointer (&ids);
  if (walk_error != NULL)
    {
      g_propagate_error (error, walk_error);
      return NULL;
    }
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  rf_lead_statement_init (&statement, "SELECT l.id ");
  rf_lead_statement_add_from (&statement, query, FALSE);
  rf_lead_statement_add_where (&statement, query, TRUE);
  rf_lead_statement_add_order (&statement, query);
  rf_lead_statement_add_limit (&statement, query);
  stmt = rf_lead_statement_prepare (&statement, database, error);
  rf_lead_statement_clear (&statement);
  if (stmt == NULL)
    return NULL;

  while ((ok = rf_database_step (database, stmt, &has_row, error)) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  return ok ? g_steal_pointer (&ids) : NULL;
}

static void
id_list_free (gpointer data)
{
  IdList *list = data;

  g_free (list->ids);
  g_free (list);
}

static IdList *
id_list_new (const gint64 *ids,
             guint         n_ids)
{
  IdList *list = g_new0 (IdList, 1);

  list->ids = g_memdup2 (ids, sizeof (gint64) * n_ids);
  list->n_ids = n_ids;
  return list;
}

static gpointer
get_many_work (RfDatabase    *database,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  IdList *list = data;
  g_autoptr(GPtrArray) leads = g_ptr_array_new_full (list->n_ids, g_object_unref);
  g_autofree RfLead **slots = g_new0 (RfLead *, list->n_ids);
  /* id -> its place + 1, keyed by the list's own storage: no copies. */
  g_autoptr(GHashTable) places = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  gboolean has_row;
  gboolean ok;

  stmt = rf_database_prepare (database,
                              "SELECT " RF_LEAD_LIGHT_COLUMNS " " RF_LEAD_LIGHT_JOINS
                              "WHERE l.id IN (SELECT value FROM json_each (?)) AND l.deleted_at IS NULL",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, rf_lead_dao_ids_to_json (list->ids, list->n_ids), -1, g_free);
  for (guint i = list->n_ids; i > 0; i--)
    g_hash_table_insert (places, &list->ids[i - 1], GUINT_TO_POINTER (i));

  /* The rows come in table order; each goes to its id's (first) place. */
  while ((ok = rf_database_step (database, stmt, &has_row, error)) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint place = GPOINTER_TO_UINT (g_hash_table_lookup (places, &id));

      if (place > 0 && slots[place - 1] == NULL)
        slots[place - 1] = rf_lead_dao_lead_from_row (stmt, FALSE);
    }
  sqlite3_reset (stmt);

  /* In the order asked; ids not found (deleted meanwhile) leave no hole. */
  for (guint i = 0; i < list->n_ids; i++)
    if (slots[i] != NULL)
      g_ptr_array_add (leads, slots[i]);
  if (!ok || !rf_lead_dao_fill_profile_names (database, leads, error))
    return NULL;
  return g_steal_pointer (&leads);
}

typedef struct
{
  RfLeadQuery *query;
  guint        counts[RF_N_SCORE_BUCKETS];
} CountData;

static void
count_data_free (gpointer data)
{
  CountData *count = data;

  rf_lead_query_free (count->query);
  g_free (count);
}

static gpointer
count_work (RfDatabase    *database,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  CountData *count = data;
  RfLeadStatement statement;
  sqlite3_stmt *stmt;
  gboolean has_row;
  guint total = 0;

  rf_lead_statement_init (&statement, "SELECT count(*) ");
  rf_lead_statement_add_from (&statement, count->query, FALSE);
  rf_lead_statement_add_where (&statement, count->query, TRUE);
  stmt = rf_lead_statement_prepare (&statement, database, error);
  rf_lead_statement_clear (&statement);
  if (stmt == NULL)
    return NULL;

  if (!rf_database_step (database, stmt, &has_row, error))
    return NULL;
  if (has_row)
    total = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return GUINT_TO_POINTER (total + 1);
}

static gpointer
count_by_bucket_work (RfDatabase    *database,
                      gpointer       data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  CountData *count = data;
  RfLeadStatement statement;
  sqlite3_stmt *stmt;
  gboolean has_row;
  gboolean ok;

  rf_lead_statement_init (&statement, "SELECT l.score_bucket, count(*) ");
  rf_lead_statement_add_from (&statement, count->query, FALSE);
  rf_lead_statement_add_where (&statement, count->query, FALSE);
  g_string_append (statement.sql, " GROUP BY l.score_bucket");
  stmt = rf_lead_statement_prepare (&statement, database, error);
  rf_lead_statement_clear (&statement);
  if (stmt == NULL)
    return NULL;

  memset (count->counts, 0, sizeof count->counts);
  while ((ok = rf_database_step (database, stmt, &has_row, error)) && has_row)
    {
      int bucket;
      if (rf_enum_from_nick (RF_TYPE_SCORE_BUCKET, rf_stmt_column_text (stmt, 0), &bucket))
        count->counts[bucket] += sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  return ok ? g_memdup2 (count->counts, sizeof count->counts) : NULL;
}

typedef struct
{
  RfLeadRemoval  removal;
  IdList        *ids;
} RemoveData;

static void
remove_data_free (gpointer data)
{
  RemoveData *remove = data;

  id_list_free (remove->ids);
  g_free (remove);
}

static gpointer
remove_work (RfDatabase    *database,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  RemoveData *remove = data;
  sqlite3_stmt *stmt;
  const char *sql;
  int changed;

  switch (remove->removal)
    {
    case RF_LEAD_REMOVAL_TRASH:
      sql = "UPDATE leads SET deleted_at = ?2 "
            "WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each (?1))";
      break;
    case RF_LEAD_REMOVAL_RESTORE:
      sql = "UPDATE leads SET deleted_at = NULL "
            "WHERE deleted_at IS NOT NULL AND id IN (SELECT value FROM json_each (?1))";
      break;
    case RF_LEAD_REMOVAL_DELETE:
      /* A lead is its signal scored: both go, activities with them. */
      sql = "DELETE FROM signals WHERE id IN "
            "(SELECT signal_id FROM leads WHERE id IN (SELECT value FROM json_each (?1)))";
      break;
    default:
      g_set_error_literal (error, RF_STORE_ERROR, RF_STORE_ERROR_INVALID, "Unknown removal");
      return NULL;
    }

  if (!(stmt = rf_database_prepare (database, sql, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, rf_lead_dao_ids_to_json (remove->ids->ids, remove->ids->n_ids), -1, g_free);
  if (remove->removal == RF_LEAD_REMOVAL_TRASH)
    sqlite3_bind_int64 (stmt, 2, rf_store_now ());
  if (!rf_database_step_done (database, stmt, error))
    return NULL;
  changed = rf_database_changes (database);

  for (guint i = 0; changed > 0 && i < remove->ids->n_ids; i++)
    rf_database_notify_changed (database, "leads",
                                remove->removal == RF_LEAD_REMOVAL_RESTORE ? RF_CHANGE_INSERTED : RF_CHANGE_DELETED,
                                remove->ids->ids[i]);

  return GUINT_TO_POINTER ((guint)changed + 1);
}

static gpointer
purge_work (RfDatabase    *database,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  sqlite3_stmt *stmt = rf_database_prepare (database,
                                            "DELETE FROM signals WHERE id IN "
                                            "(SELECT signal_id FROM leads WHERE deleted_at IS NOT NULL)",
                                            error);

  if (stmt == NULL || !rf_database_step_done (database, stmt, error))
    return NULL;
  if (rf_database_changes (database) > 0)
    rf_database_notify_changed (database, "leads", RF_CHANGE_MANY, 0);
  return GINT_TO_POINTER (TRUE);
}

GPtrArray *
rf_lead_dao_list_sync (RfLeadDao          *self,
                       const RfLeadQuery  *query,
                       GCancellable       *cancellable,
                       GError            **error)
{
  g_return_val_if_fail (RF_IS_LEAD_DAO (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  return rf_dao_run_sync (RF_DAO (self), list_work, (gpointer)query, cancellable, error);
}

void
rf_lead_dao_list_async (RfLeadDao           *self,
                        const RfLeadQuery   *query,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (RF_IS_LEAD_DAO (self));
  g_return_if_fail (query != NULL);

  rf_dao_run_async (RF_DAO (self), list_work, rf_lead_query_copy (query),
                    (GDestroyNotify)rf_lead_query_free, (GDestroyNotify)g_ptr_array_unref,
                    rf_lead_dao_list_async, cancellable, callback, user_data);
}

GPtrArray *
rf_lead_dao_list_finish (RfLeadDao     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return rf_dao_run_finish (RF_DAO (self), result, rf_lead_dao_list_async, error);
}

GArray *
rf_lead_dao_list_ids_sync (RfLeadDao          *self,
                           const RfLeadQuery  *query,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_return_val_if_fail (RF_IS_LEAD_DAO (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  return rf_dao_run_sync (RF_DAO (self), list_ids_work, (gpointer)query, cancellable, error);
}

void
rf_lead_dao_list_ids_async (RfLeadDao           *self,
                            const RfLeadQuery   *query,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (RF_IS_LEAD_DAO (self));
  g_return_if_fail (query != NULL);

  rf_dao_run_async (RF_DAO (self), list_ids_work, rf_lead_query_copy (query),
                    (GDestroyNotify)rf_lead_query_free, (GDestroyNotify)g_array_unref,
                    rf_lead_dao_list_ids_async, cancellable, callback, user_data);
}

GArray *
rf_lead_dao_list_ids_finish (RfLeadDao     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return rf_dao_run_finish (RF_DAO (self), result, rf_lead_dao_list_ids_async, error);
}

GPtrArray *
rf_lead_dao_get_many_sync (RfLeadDao     *self,
                           const gint64  *ids,
                           guint          n_ids,
                           GCancellable  *cancellable,
                           GError       **error)
{
  IdList list = { (gint64 *)ids, n_ids };

  g_return_val_if_fail (RF_IS_LEAD_DAO (self), NULL);

  return rf_dao_run_sync (RF_DAO (self), get_many_work, &list, cancellable, error);
}

void
rf_lead_dao_get_many_async (RfLeadDao           *self,
                            const gint64        *ids,
                            guint                n_ids,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (RF_IS_LEAD_DAO (self));

  rf_dao_run_async (RF_DAO (self), get_many_work, id_list_new (ids, n_ids), id_list_free,
                    (GDestroyNotify)g_ptr_array_unref, rf_lead_dao_get_many_async,
                    cancellable, callback, user_data);
}

GPtrArray *
rf_lead_dao_get_many_finish (RfLeadDao     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return rf_dao_run_finish (RF_DAO (self), result, rf_lead_dao_get_many_async, error);
}

/* Returns G_MAXUINT on error. */
guint
rf_lead_dao_count_sync (RfLeadDao          *self,
                        const RfLeadQuery  *query,
                        GCancellable       *cancellable,
                        GError            **error)
{
  CountData count = { (RfLeadQuery *)query };
  gpointer result;

  g_return_val_if_fail (RF_IS_LEAD_DAO (self), G_MAXUINT);
  g_return_val_if_fail (query != NULL, G_MAXUINT);

  /* The work returns count + 1 so that 0 leads is not NULL. */
  result = rf_dao_run_sync (RF_DAO (self), count_work, &count, cancellable, error);
  return result != NULL ? GPOINTER_TO_UINT (result) - 1 : G_MAXUINT;
}

gboolean
rf_lead_dao_count_by_bucket_sync (RfLeadDao          *self,
                                  const RfLeadQuery  *query,
                                  guint               counts[RF_N_SCORE_BUCKETS],
                                  GCancellable       *cancellable,
                                  GError            **error)
{
  CountData count = { (RfLeadQuery *)query };
  g_autofree guint *result = NULL;

  g_return_val_if_fail (RF_IS_LEAD_DAO (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  result = rf_dao_run_sync (RF_DAO (self), count_by_bucket_work, &count, cancellable, error);
  if (result == NULL)
    return FALSE;
  memcpy (counts, result, sizeof (guint) * RF_N_SCORE_BUCKETS);
  return TRUE;
}

void
rf_lead_dao_count_by_bucket_async (RfLeadDao           *self,
                                   const RfLeadQuery   *query,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  CountData *count;

  g_return_if_fail (RF_IS_LEAD_DAO (self));
  g_return_if_fail (query != NULL);

  count = g_new0 (CountData, 1);
  count->query = rf_lead_query_copy (query);
  rf_dao_run_async (RF_DAO (self), count_by_bucket_work, count, count_data_free, g_free,
                    rf_lead_dao_count_by_bucket_async, cancellable, callback, user_data);
}

gboolean
rf_lead_dao_count_by_bucket_finish (RfLeadDao     *self,
                                    GAsyncResult  *result,
                                    guint          counts[RF_N_SCORE_BUCKETS],
                                    GError       **error)
{
  g_autofree guint *values = rf_dao_run_finish (RF_DAO (self), result,
                                                rf_lead_dao_count_by_bucket_async, error);

  if (values == NULL)
    return FALSE;
  memcpy (counts, values, sizeof (guint) * RF_N_SCORE_BUCKETS);
  return TRUE;
}

/* Returns how many leads changed, G_MAXUINT on error. */
guint
rf_lead_dao_remove_sync (RfLeadDao      *self,
                         RfLeadRemoval   removal,
                         const gint64   *ids,
                         guint           n_ids,
                         GCancellable   *cancellable,
                         GError        **error)
{
  IdList list = { (gint64 *)ids, n_ids };
  RemoveData remove = { removal, &list };
  gpointer result;

  g_return_val_if_fail (RF_IS_LEAD_DAO (self), G_MAXUINT);

  result = rf_dao_run_sync (RF_DAO (self), remove_work, &remove, cancellable, error);
  return result != NULL ? GPOINTER_TO_UINT (result) - 1 : G_MAXUINT;
}

void
rf_lead_dao_remove_async (RfLeadDao           *self,
                          RfLeadRemoval        removal,
                          const gint64        *ids,
                          guint                n_ids,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  RemoveData *remove;

  g_return_if_fail (RF_IS_LEAD_DAO (self));

  remove = g_new0 (RemoveData, 1);
  remove->removal = removal;
  remove->ids = id_list_new (ids, n_ids);
  rf_dao_run_async (RF_DAO (self), remove_work, remove, remove_data_free, NULL,
                    rf_lead_dao_remove_async, cancellable, callback, user_data);
}

gboolean
rf_lead_dao_remove_finish (RfLeadDao     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return rf_dao_run_finish_boolean (RF_DAO (self), result, rf_lead_dao_remove_async, error);
}

gboolean
rf_lead_dao_purge_trash_sync (RfLeadDao     *self,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_return_val_if_fail (RF_IS_LEAD_DAO (self), FALSE);

  return rf_dao_run_sync (RF_DAO (self), purge_work, NULL, cancellable, error) != NULL;
}

