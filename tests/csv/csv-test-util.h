/* csv-test-util.h: small helpers for the CSV tests (header-only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rf-test-util.h"

/* One integer from @sql, through a connection of its own (read-only). */
static inline gint64
csv_test_query_int (const char *path,
                    const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return value;
}

static inline char *
csv_test_query_text (const char *path,
                     const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return value;
}

static inline void
csv_test_exec (const char *path,
               const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (handle);
}

/* @contents written to @dir/@name; returns the path. */
static inline char *
csv_test_write (const char *dir,
                const char *name,
                const char *contents,
                gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

/* A CSV of @n rows: every fifth row at a company seen before. */
static inline GString *
csv_test_generate (guint n)
{
  GString *out = g_string_new ("Company,Website,First Name,Last Name,Email,Title,Notes\r\n");

  for (guint i = 0; i < n; i++)
    {
      guint company = i % 5 == 4 ? i - 1 : i;

      g_string_append_printf (out, "Company %u,https://company%u.example,First%u,Last%u,person%u@company%u.example,"
                                   "%s,\"We are hiring, and our spreadsheets are chaos (row %u)\"\r\n",
                              company, company, i, i, i, company, i % 3 == 0 ? "Founder" : "Head of Sales", i);
    }
  return out;
}
