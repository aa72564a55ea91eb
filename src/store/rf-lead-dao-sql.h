/* rf-lead-dao-sql.h: SQL for many leads, built from an RfLeadQuery with
 * every value bound (store only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rf-database.h"
#include "rf-lead-query.h"

G_BEGIN_DECLS

typedef struct
{
  enum { BIND_INT, BIND_DOUBLE, BIND_TEXT } type;
  gint64  i;
  double  d;
  char   *s;
} Bind;

/* A statement being built: its SQL and the values to bind, in order. */
typedef struct
{
  GString *sql;
  GArray  *binds;
} RfLeadStatement;

void          rf_lead_statement_init        (RfLeadStatement   *statement,
                                             const char        *start);
void          rf_lead_statement_clear       (RfLeadStatement   *statement);
sqlite3_stmt *rf_lead_statement_prepare     (RfLeadStatement   *statement,
                                             RfDatabase        *database,
                                             GError           **error);
void          rf_lead_statement_add_from    (RfLeadStatement   *statement,
                                             const RfLeadQuery *query,
                                             gboolean           for_columns);
void          rf_lead_statement_add_where   (RfLeadStatement   *statement,
                                             const RfLeadQuery *query,
                                             gboolean           with_buckets);
void          rf_lead_statement_add_order   (RfLeadStatement   *statement,
                                             const RfLeadQuery *query);
void          rf_lead_statement_add_limit   (RfLeadStatement   *statement,
                                             const RfLeadQuery *query);

G_END_DECLS
