/* rf-lead-dao-sql.c: the WHERE, ORDER and LIMIT of a lead query
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

/* Queries are built from the filters in use, with every value bound; each
 * distinct SQL text is prepared once and cached by the database. */

static void
bind_clear (gpointer data)
{
  g_free (((Bind *)data)->s);
}

void
rf_lead_statement_init (RfLeadStatement *statement,
                        const char      *head)
{
  statement->sql = g_string_new (head);
  statement->binds = g_array_new (FALSE, TRUE, sizeof (Bind));
  g_array_set_clear_func (statement->binds, bind_clear);
}

void
rf_lead_statement_clear (RfLeadStatement *statement)
{
  g_string_free (statement->sql, TRUE);
  g_array_unref (statement->binds);
}

/* Appends a placeholder for a new value and returns its number. */
static guint
add_text (RfLeadStatement  *statement,
          const char *value)
{
  Bind bind = { .type = BIND_TEXT, .s = g_strdup (value) };

  g_array_append_val (statement->binds, bind);
  g_string_append_printf (statement->sql, "?%u", statement->binds->len);
  return statement->binds->len;
}

static void
add_int (RfLeadStatement *statement,
         gint64     value)
{
  Bind bind = { .type = BIND_INT, .i = value };

  g_array_append_val (statement->binds, bind);
  g_string_append_printf (statement->sql, "?%u", statement->binds->len);
}

static void
add_double (RfLeadStatement *statement,
            double     value)
{
  Bind bind = { .type = BIND_DOUBLE, .d = value };

  g_array_append_val (statement->binds, bind);
  g_string_append_printf (statement->sql, "?%u", statement->binds->len);
}

sqlite3_stmt *
rf_lead_statement_prepare (RfLeadStatement  *statement,
                           RfDatabase       *database,
                           GError          **error)
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
void
rf_lead_statement_add_from (RfLeadStatement   *statement,
                            const RfLeadQuery *query,
                            gboolean           for_columns)
{
  g_string_append (statement->sql, for_columns ? RF_LEAD_LIGHT_JOINS : "FROM leads l ");
  if (query->import_batch != NULL)
    g_string_append (statement->sql, "JOIN signals s ON s.id = l.signal_id ");
}

static void
add_enum_filter (RfLeadStatement  *statement,
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
add_bucket_filter (RfLeadStatement *statement,
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

void
rf_lead_statement_add_where (RfLeadStatement   *statement,
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
      g_autofree char *match = rf_lead_search_fts_query (query->search);

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

void
rf_lead_statement_add_order (RfLeadStatement   *statement,
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
    case RF_LEAD_SORT_PROFILE: key = "l.profile_sort"; break;
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

void
rf_lead_statement_add_limit (RfLeadStatement   *statement,
                             const RfLeadQuery *query)
{
  if (query->limit == 0 && query->offset == 0)
    return;

  g_string_append (statement->sql, " LIMIT ");
  add_int (statement, query->limit > 0 ? (gint64)query->limit : -1);
  g_string_append (statement->sql, " OFFSET ");
  add_int (statement, query->offset);
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
  RfLeadStatement statement;
  sqlite3_stmt *stmt;

  g_assert (rf_database_is_db_thread (database));

  rf_lead_statement_init (&statement, "SELECT ");
  g_string_append (statement.sql, columns);
  g_string_append_c (statement.sql, ' ');
  rf_lead_statement_add_from (&statement, query, FALSE);
  rf_lead_statement_add_where (&statement, query, with_buckets);
  if (tail != NULL)
    g_string_append (statement.sql, tail);
  stmt = rf_lead_statement_prepare (&statement, database, error);
  rf_lead_statement_clear (&statement);
  return stmt;
}
