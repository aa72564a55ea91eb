/* rf-database-private.h: SQL access for the DAOs, database thread only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rf-database.h"

G_BEGIN_DECLS

sqlite3_stmt *rf_database_prepare        (RfDatabase    *self,
                                          const char    *sql,
                                          GError       **error);
gboolean      rf_database_exec           (RfDatabase    *self,
                                          const char    *sql,
                                          GError       **error);
gboolean      rf_database_step           (RfDatabase    *self,
                                          sqlite3_stmt  *stmt,
                                          gboolean      *has_row,
                                          GError       **error);
gboolean      rf_database_step_done      (RfDatabase    *self,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);
gint64        rf_database_last_insert_id (RfDatabase    *self);
int           rf_database_changes        (RfDatabase    *self);
gboolean      rf_database_lead_inserted  (RfDatabase    *self,
                                          gint64         id,
                                          GError       **error);
void          rf_store_error_from_sqlite (int            rc,
                                          const char    *path,
                                          const char    *detail,
                                          GError       **error);
int           rf_database_migrate        (RfDatabase    *self,
                                          GError       **error);
void          rf_database_set_error      (RfDatabase    *self,
                                          int            rc,
                                          GError       **error);

/* Small binders that treat NULL as SQL NULL and "" as "". */
void          rf_stmt_bind_text          (sqlite3_stmt  *stmt,
                                          int            index,
                                          const char    *value);
void          rf_stmt_bind_text_or_empty (sqlite3_stmt  *stmt,
                                          int            index,
                                          const char    *value);
/* The same without a copy: @value must live until the statement is reset
 * (rf_database_step_done() does), as an object's field does. */
void          rf_stmt_bind_text_static   (sqlite3_stmt  *stmt,
                                          int            index,
                                          const char    *value);
void          rf_stmt_bind_text_or_empty_static (sqlite3_stmt *stmt,
                                                 int           index,
                                                 const char   *value);
void          rf_stmt_bind_id            (sqlite3_stmt  *stmt,
                                          int            index,
                                          gint64         id);
void          rf_stmt_bind_strv          (sqlite3_stmt  *stmt,
                                          int            index,
                                          const char * const *value);
const char   *rf_stmt_column_text        (sqlite3_stmt  *stmt,
                                          int            column);
char        **rf_stmt_column_strv        (sqlite3_stmt  *stmt,
                                          int            column);

G_END_DECLS
