/* rf-lead-dao-stats.c: figures about many leads: the score histogram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-store"

#include "config.h"

#include "rf-lead-dao-private.h"

static gpointer
histogram_work (RfDatabase    *database,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  const RfLeadQuery *query = data;
  g_autofree guint *bins = g_new0 (guint, RF_SCORE_HISTOGRAM_BINS);
  sqlite3_stmt *stmt;
  gboolean has_row;
  gboolean ok;

  /* Bins of 10 points; a score of 100 joins 90-99. Scores are never
   * negative: the test only steers SQLite to the score index, which holds
   * all this query reads (100,000 leads: 30 ms instead of 170). */
  stmt = rf_lead_dao_prepare_filtered (database,
                                       "max(0, min(9, CAST(l.total_score / 10 AS INTEGER))), count(*)",
                                       query, FALSE, " AND l.total_score >= 0 GROUP BY 1", error);
  if (stmt == NULL)
    return NULL;

  while ((ok = rf_database_step (database, stmt, &has_row, error)) && has_row)
    {
      int bin = sqlite3_column_int (stmt, 0);

      g_assert (bin >= 0 && bin < RF_SCORE_HISTOGRAM_BINS);
      bins[bin] += sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  return ok ? g_steal_pointer (&bins) : NULL;
}

gboolean
rf_lead_dao_score_histogram_sync (RfLeadDao          *self,
                                  const RfLeadQuery  *query,
                                  guint               bins[RF_SCORE_HISTOGRAM_BINS],
                                  GCancellable       *cancellable,
                                  GError            **error)
{
  g_autofree guint *result = NULL;

  g_return_val_if_fail (RF_IS_LEAD_DAO (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  result = rf_dao_run_sync (RF_DAO (self), histogram_work, (gpointer)query, cancellable, error);
  if (result == NULL)
    return FALSE;
  memcpy (bins, result, sizeof (guint) * RF_SCORE_HISTOGRAM_BINS);
  return TRUE;
}

void
rf_lead_dao_score_histogram_async (RfLeadDao           *self,
                                   const RfLeadQuery   *query,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (RF_IS_LEAD_DAO (self));
  g_return_if_fail (query != NULL);

  rf_dao_run_async (RF_DAO (self), histogram_work, rf_lead_query_copy (query),
                    (GDestroyNotify)rf_lead_query_free, g_free,
                    rf_lead_dao_score_histogram_async, cancellable, callback, user_data);
}

gboolean
rf_lead_dao_score_histogram_finish (RfLeadDao     *self,
                                    GAsyncResult  *result,
                                    guint          bins[RF_SCORE_HISTOGRAM_BINS],
                                    GError       **error)
{
  g_autofree guint *values = NULL;

  g_return_val_if_fail (RF_IS_LEAD_DAO (self), FALSE);

  values = rf_dao_run_finish (RF_DAO (self), result, rf_lead_dao_score_histogram_async, error);
  if (values == NULL)
    return FALSE;
  memcpy (bins, values, sizeof (guint) * RF_SCORE_HISTOGRAM_BINS);
  return TRUE;
}
