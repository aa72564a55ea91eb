/* rf-lead-dao-query.c: many leads at a time: listing, counting, removing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rf-lead-dao-private.h"
#include "rf-scoring.h"

/* Queries are built from the filters in use, with every value bound; each
 * distinct SQL text is prepared once and cached by the database. */

typedef struct
{
  enum { BIND_INT, BIND_DOUBLE, BIND_TEXT } type;
  gint64  i;
  double  d;
  char   *s;
} Bind;

typedef struct
{
  GString *sql;
  GArray  *binds;
} Statement;

static void
bind_clear (gpointer data)
{
  g_free (((Bind *)data)->s);
}

static void
statement_init (Statement  *statement,
                const char *head)
{
  statement->sql = g_string_new (head);
  statement->binds = g_array_new (FALSE, TRUE, sizeof (Bind));
  g_array_set_clear_func (statement->binds, bind_clear);
}

static void
statement_clear (Statement *statement)
{
  g_string_free (statement->sql, TRUE);
  g_array_unref (statement->binds);
}

/* Appends a placeholder for a new value and returns its number. */
static guint
add_text (Statement  *statement,
          const char *value)
{
  Bind bind = { .type = BIND_TEXT, .s = g_strdup (value) };

  g_array_append_val (statement->binds, bind);
  g_string_append_printf (statement->sql, "?%u", statement->binds->len);
  return statement->binds->len;
}

static void
add_int (Statement *statement,
         gint64     value)
{
  Bind bind = { .type = BIND_INT, .i = value };

  g_array_append_val (statement->binds, bind);
  g_string_append_printf (statement->sql, "?%u", statement->binds->len);
}

static void
add_double (Statement *statement,
            double     value)
{
  Bind bind = { .type = BIND_DOUBLE, .d = value };

  g_array_append_val (statement->binds, bind);
  g_string_append_printf (statement->sql, "?%u", statement->binds->len);
}

static sqlite3_stmt *
statement_prepare (Statement   *statement,
                   RfDatabase  *database,
                   GError     **error)
{
  sqlite3_stmt *stmt = rf_database_prepare (database, statement->sql->str, error);

  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < statement->binds->len; i++)
    {
      Bind *bind = &g_array_index (statement->binds, Bind, i);

      switch (bind->type)
        {
        case BIND_INT:
          sqlite3_bind_int64 (stmt, i + 1, bind->i);
          break;
        case BIND_DOUBLE:
          sqlite3_bind_double (stmt, i + 1, bind->d);
          break;
        case BIND_TEXT:
          rf_stmt_bind_text (stmt, i + 1, bind->s);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return stmt;
}

/* FROM and the joins a query needs: columns to show, or the filters and
 * sort in use. Leads keep copies of what most filters and sorts read, so
 * counting and listing ids usually join nothing. */
static void
add_from (Statement         *statement,
          const RfLeadQuery *query,
          gboolean           for_columns)
{
  g_string_append (statement->sql, for_columns ? RF_LEAD_LIGHT_JOINS : "FROM leads l ");
  if (query->sort == RF_LEAD_SORT_PROFILE)
    g_string_append (statement->sql, "LEFT JOIN icp_profiles i ON i.id = l.icp_id ");
  if (query->import_batch != NULL)
    g_string_append (statement->sql, "JOIN signals s ON s.id = l.signal_id ");
}

static void
add_enum_filter (Statement  *statement,
                 const char *column,
                 GType       enum_type,
                 guint       mask)
{
  GEnumClass *klass = g_type_class_ref (enum_type);
  gboolean first = TRUE;

  g_string_append_printf (statement->sql, " AND %s IN (", column);
  for (guint i = 0; i < klass->n_values; i++)
    {
      if (!(mask & (1u << klass->values[i].value)))
        continue;
      if (!first)
        g_string_append (statement->sql, ", ");
      add_text (statement, klass->values[i].value_nick);
      first = FALSE;
    }
  if (first)
    g_string_append (statement->sql, "NULL");
  g_string_append_c (statement->sql, ')');
  g_type_class_unref (klass);
}

static char *
like_pattern (const char *search)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = search; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/* Bucket filters as score ranges, so the score index serves them. */
static void
add_bucket_filter (Statement *statement,
                   guint      mask)
{
  static const double lower[RF_N_SCORE_BUCKETS] = { RF_BUCKET_RED_HOT_MIN, RF_BUCKET_WARM_MIN, RF_BUCKET_NURTURE_MIN, 0 };
  static const double upper[RF_N_SCORE_BUCKETS] = { 0, RF_BUCKET_RED_HOT_MIN, RF_BUCKET_WARM_MIN, RF_BUCKET_NURTURE_MIN };
  gboolean first = TRUE;

  g_string_append (statement->sql, " AND (");
  for (guint bucket = 0; bucket < RF_N_SCORE_BUCKETS; bucket++)
    {
      if (!(mask & (1u << bucket)))
        continue;
      if (!first)
        g_string_append (statement->sql, " OR ");
      first = FALSE;

      g_string_append_c (statement->sql, '(');
      if (bucket != RF_SCORE_BUCKET_PARKED)
        {
          g_string_append (statement->sql, "l.total_score >= ");
          add_double (statement, lower[bucket]);
        }
      if (bucket != RF_SCORE_BUCKET_RED_HOT)
        {
          if (bucket != RF_SCORE_BUCKET_PARKED)
            g_string_append (statement->sql, " AND ");
          g_string_append (statement->sql, "l.total_score < ");
          add_double (statement, upper[bucket]);
        }
      g_string_append_c (statement->sql, ')');
    }
  if (first)
    g_string_append (statement->sql, "0");
  g_string_append_c (statement->sql, ')');
}

/* "acme co@x" -> "\"acme\"* \"co\"* \"x\"*": every word, as a prefix.
 * NULL when the text has no word (then the search falls back to LIKE). */
static char *
fts_query (const char *search)
{
  g_autofree char *folded = g_utf8_casefold (search, -1);
  GString *query = g_string_new (NULL);
  gboolean in_word = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isalnum (ch))
        {
          if (!in_word)
            g_string_append (query, query->len > 0 ? " \"" : "\"");
          g_string_append_unichar (query, ch);
          in_word = TRUE;
        }
      else if (in_word)
        {
          g_string_append (query, "\"*");
          in_word = FALSE;
        }
    }
  if (in_word)
    g_string_append (query, "\"*");

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }
  return g_string_free (query, FALSE);
}

static void
add_where (Statement         *statement,
           const RfLeadQuery *query,
           gboolean           with_buckets)
{
  g_string_append (statement->sql, "WHERE l.deleted_at IS NULL");

  if (with_buckets && query->bucket_mask != 0)
    add_bucket_filter (statement, query->bucket_mask);
  if (query->status_mask != 0)
    add_enum_filter (statement, "l.status", RF_TYPE_LEAD_STATUS, query->status_mask);
  if (query->min_score > 0)
    {
      g_string_append (statement->sql, " AND l.total_score >= ");
      add_double (statement, query->min_score);
    }
  if (query->icp_id > 0)
    {
      g_string_append (statement->sql, " AND l.icp_id = ");
      add_int (statement, query->icp_id);
    }
  if (query->classifier != NULL)
    {
      g_string_append (statement->sql, " AND l.classifier = ");
      add_text (statement, query->classifier);
    }
  if (query->import_batch != NULL)
    {
      g_string_append (statement->sql, " AND s.import_batch = ");
      add_text (statement, query->import_batch);
    }
  if (query->ids != NULL)
    {
      /* Bound one by one (SQLite takes up to 32,766 parameters). */
      g_string_append (statement->sql, query->ids->len > 0 ? " AND l.id IN (" : " AND 0");
      for (guint i = 0; i < query->ids->len; i++)
        {
          if (i > 0)
            g_string_append_c (statement->sql, ',');
          add_int (statement, g_array_index (query->ids, gint64, i));
        }
      if (query->ids->len > 0)
        g_string_append_c (statement->sql, ')');
    }
  if (query->search != NULL)
    {
      g_autofree char *match = fts_query (query->search);

      if (match != NULL)
        {
          g_string_append (statement->sql, " AND l.id IN (SELECT rowid FROM lead_search WHERE lead_search MATCH ");
          add_text (statement, match);
          g_string_append_c (statement->sql, ')');
        }
      else
        {
          g_autofree char *pattern = like_pattern (query->search);

          g_string_append (statement->sql, " AND l.id IN (SELECT rowid FROM lead_search WHERE body LIKE ");
          add_text (statement, pattern);
          g_string_append (statement->sql, " ESCAPE '\\')");
        }
    }
}

static void
add_order (Statement         *statement,
           const RfLeadQuery *query)
{
  const char *dir = query->ascending ? "ASC" : "DESC";
  const char *key;

  switch (query->sort)
    {
    case RF_LEAD_SORT_COMPANY: key = "l.company_sort"; break;
    case RF_LEAD_SORT_CONTACT: key = "l.contact_sort"; break;
    case RF_LEAD_SORT_ROLE_TYPE: key = "l.role_type"; break;
    case RF_LEAD_SORT_STATUS:
      key = "CASE l.status WHEN 'new' THEN 0 WHEN 'contacted' THEN 1 WHEN 'qualified' THEN 2 "
            "WHEN 'won' THEN 3 WHEN 'lost' THEN 4 ELSE 5 END";
      break;
    case RF_LEAD_SORT_SOURCE: key = "l.source_type"; break;
    case RF_LEAD_SORT_PROFILE: key = "i.name COLLATE NOCASE"; break;
    case RF_LEAD_SORT_CREATED:
      g_string_append_printf (statement->sql, " ORDER BY l.created_at %s, l.id %s", dir, dir);
      return;
    case RF_LEAD_SORT_SCORE:
    default:
      g_string_append_printf (statement->sql, " ORDER BY l.total_score %s, l.id %s", dir, dir);
      return;
    }

  /* Ties broken by score in the same direction. */
  g_string_append_printf (statement->sql, " ORDER BY %s %s, l.total_score %s, l.id %s", key, dir, dir, dir);
}

static void
add_limit (Statement         *statement,
           const RfLeadQuery *query)
{
  if (query->limit == 0 && query->offset == 0)
    return;

  g_string_append (statement->sql, " LIMIT ");
  add_int (statement, query->limit > 0 ? (gint64)query->limit : -1);
  g_string_append (statement->sql, " OFFSET ");
  add_int (statement, query->offset);
}

GPtrArray *
rf_lead_dao_list_in_thread (RfDatabase         *database,
                            const RfLeadQuery  *query,
                            GError            **error)
{
  g_autoptr(GPtrArray) leads = g_ptr_array_new_with_free_func (g_object_unref);
  Statement statement;
  sqlite3_stmt *stmt;
  gboolean has_row;
  gboolean ok = TRUE;

  statement_init (&statement, "SELECT " RF_LEAD_LIGHT_COLUMNS " ");
  add_from (&statement, query, TRUE);
  add_where (&statement, query, TRUE);
  add_order (&statement, query);
  add_limit (&statement, query);
  stmt = statement_prepare (&statement, database, error);
  statement_clear (&statement);
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
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  Statement statement;
  sqlite3_stmt *stmt;
  gboolean has_row;
  gboolean ok;

  statement_init (&statement, "SELECT l.id ");
  add_from (&statement, query, FALSE);
  add_where (&statement, query, TRUE);
  add_order (&statement, query);
  add_limit (&statement, query);
  stmt = statement_prepare (&statement, database, error);
  statement_clear (&statement);
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

typedef struct
{
  gint64 *ids;
  guint   n_ids;
} IdList;

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
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
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

  while ((ok = rf_database_step (database, stmt, &has_row, error)) && has_row)
    {
      RfLead *lead = rf_lead_dao_lead_from_row (stmt, FALSE);
      g_hash_table_insert (by_id, rf_dao_boxed_id (rf_lead_get_id (lead)), lead);
    }
  sqlite3_reset (stmt);
  if (!ok)
    return NULL;

  for (guint i = 0; i < list->n_ids; i++)
    {
      RfLead *lead = g_hash_table_lookup (by_id, &list->ids[i]);
      if (lead != NULL)
        g_ptr_array_add (leads, g_object_ref (lead));
    }
  if (!rf_lead_dao_fill_profile_names (database, leads, error))
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
  Statement statement;
  sqlite3_stmt *stmt;
  gboolean has_row;
  guint total = 0;

  statement_init (&statement, "SELECT count(*) ");
  add_from (&statement, count->query, FALSE);
  add_where (&statement, count->query, TRUE);
  stmt = statement_prepare (&statement, database, error);
  statement_clear (&statement);
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
  Statement statement;
  sqlite3_stmt *stmt;
  gboolean has_row;
  gboolean ok;

  statement_init (&statement, "SELECT l.score_bucket, count(*) ");
  add_from (&statement, count->query, FALSE);
  add_where (&statement, count->query, FALSE);
  g_string_append (statement.sql, " GROUP BY l.score_bucket");
  stmt = statement_prepare (&statement, database, error);
  statement_clear (&statement);
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

/* For the other query files: "SELECT @columns FROM leads l WHERE <the
 * filters of @query> @tail", prepared with every value bound. */
sqlite3_stmt *
rf_lead_dao_prepare_filtered (RfDatabase         *database,
                              const char         *columns,
                              const RfLeadQuery  *query,
                              gboolean            with_buckets,
                              const char         *tail,
                              GError            **error)
{
  Statement statement;
  sqlite3_stmt *stmt;

  g_assert (rf_database_is_db_thread (database));

  statement_init (&statement, "SELECT ");
  g_string_append (statement.sql, columns);
  g_string_append_c (statement.sql, ' ');
  add_from (&statement, query, FALSE);
  add_where (&statement, query, with_buckets);
  if (tail != NULL)
    g_string_append (statement.sql, tail);
  stmt = statement_prepare (&statement, database, error);
  statement_clear (&statement);
  return stmt;
}
