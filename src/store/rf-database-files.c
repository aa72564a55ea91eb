/* rf-database-files.c: where the database lives, its migrations, what its
 * errors mean, and the small helpers every DAO binds and reads values with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "rf-database-private.h"
#include "rf-store-error.h"
#include "rf-strv-json.h"

#define MIGRATIONS_PATH RESOURCE_PREFIX "/store/migrations"

/* SQLite's result code @rc, for the database at @path, as an RF_STORE_ERROR
 * whose message says what to do; @detail is SQLite's own message. */
void
rf_store_error_from_sqlite (int          rc,
                            const char  *path,
                            const char  *detail,
                            GError     **error)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_CORRUPT,
                   _("“%s” is not a Raptorflow database or is damaged (%s). "
                     "Open another file, or move this one away to start afresh."),
                   path, detail);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written (%s). Check the permissions of the file and its folder."),
                   path, detail);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_BUSY,
                   _("The database is locked by another program (%s). Close it and try again."),
                   detail);
      break;

    case SQLITE_FULL:
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_FULL,
                   _("The disk holding “%s” is full. Free some space and try again."),
                   path);
      break;

    case SQLITE_CANTOPEN:
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_OPEN,
                   _("Cannot open “%s” (%s). Check that its folder exists and can be written."),
                   path, detail);
      break;

    default:
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_FAILED,
                   _("Database error: %s"), detail);
      break;
    }
}


static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static int
read_user_version (RfDatabase  *self,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;
  int version = -1;

  if (!(stmt = rf_database_prepare (self, "PRAGMA user_version", error)))
    return -1;
  if (rf_database_step (self, stmt, &has_row, error) && has_row)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return version;
}

/* Applies each NNN-name.sql newer than PRAGMA user_version, each in its own
 * transaction with the version bump, so a crash leaves a whole step.
 * Returns the schema version reached, or -1 with @error set. */
int
rf_database_migrate (RfDatabase  *self,
                     GError     **error)
{
  g_auto(GStrv) names = NULL;
  int current;
  int latest = 0;

  names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, error);
  if (names == NULL)
    return -1;
  qsort (names, g_strv_length (names), sizeof (char *), compare_strings);

  if ((current = read_user_version (self, error)) < 0)
    return -1;

  for (guint i = 0; names[i] != NULL; i++)
    latest = MAX (latest, (int)g_ascii_strtoll (names[i], NULL, 10));

  if (current > latest)
    {
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Raptorflow (schema %d, this one knows %d). "
                     "Update Raptorflow to open it."),
                   rf_database_get_path (self), current, latest);
      return -1;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      int version = (int)g_ascii_strtoll (names[i], NULL, 10);
      g_autofree char *resource = NULL;
      g_autofree char *bump = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (version <= current)
        continue;

      resource = g_build_path ("/", MIGRATIONS_PATH, names[i], NULL);
      bytes = g_resources_lookup_data (resource, 0, error);
      if (bytes == NULL)
        return -1;

      bump = g_strdup_printf ("PRAGMA user_version = %d", version);
      if (!rf_database_transaction_begin (self, error))
        return -1;
      if (!rf_database_exec (self, g_bytes_get_data (bytes, NULL), error) ||
          !rf_database_exec (self, bump, error))
        {
          rf_database_transaction_rollback (self);
          g_prefix_error (error, _("Updating the database to schema %d failed: "), version);
          return -1;
        }
      if (!rf_database_transaction_commit (self, error))
        return -1;
      current = version;
    }

  return current;
}

/* DATABASE_URL (sqlite:///PATH, as in the seed) wins; then the default
 * under $XDG_DATA_HOME. */
char *
rf_database_default_path (void)
{
  const char *url = g_getenv ("DATABASE_URL");

  if (url != NULL && *url != '\0')
    {
      g_autoptr(GError) error = NULL;
      char *path = rf_database_path_from_url (url, &error);

      if (path != NULL)
        return path;
      g_warning ("Ignoring DATABASE_URL: %s", error->message);
    }

  return g_build_filename (g_get_user_data_dir (), "raptorflow", "leads.db", NULL);
}

/* Accepts sqlite:///abs/path, sqlite:///./rel/path (as the seed writes it)
 * and a plain path. */
char *
rf_database_path_from_url (const char  *url,
                           GError     **error)
{
  const char *path = url;

  g_return_val_if_fail (url != NULL, NULL);

  if (g_str_has_prefix (url, "sqlite:"))
    {
      path = url + strlen ("sqlite:");
      if (g_str_has_prefix (path, "///"))
        path += 3;
      else if (g_str_has_prefix (path, "//"))
        {
          g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_INVALID,
                       _("“%s” names a host; use sqlite:///PATH"), url);
          return NULL;
        }
      /* sqlite:////abs keeps its slash; sqlite:///rel is relative. */
    }
  else if (strstr (url, "://") != NULL)
    {
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_INVALID,
                   _("“%s” is not an SQLite URL; Raptorflow stores leads in SQLite (sqlite:///PATH)"), url);
      return NULL;
    }

  if (*path == '\0')
    {
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_INVALID, _("The database URL has no path"));
      return NULL;
    }

  return g_canonicalize_filename (path, NULL);
}

/* Binders. */

void
rf_stmt_bind_text (sqlite3_stmt *stmt,
                   int           index,
                   const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
rf_stmt_bind_text_or_empty (sqlite3_stmt *stmt,
                            int           index,
                            const char   *value)
{
  sqlite3_bind_text (stmt, index, value != NULL ? value : "", -1, SQLITE_TRANSIENT);
}

void
rf_stmt_bind_text_static (sqlite3_stmt *stmt,
                          int           index,
                          const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
}

void
rf_stmt_bind_text_or_empty_static (sqlite3_stmt *stmt,
                                   int           index,
                                   const char   *value)
{
  sqlite3_bind_text (stmt, index, value != NULL ? value : "", -1, SQLITE_STATIC);
}

void
rf_stmt_bind_id (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

void
rf_stmt_bind_strv (sqlite3_stmt       *stmt,
                   int                 index,
                   const char * const *value)
{
  sqlite3_bind_text (stmt, index, rf_strv_to_json (value), -1, g_free);
}

const char *
rf_stmt_column_text (sqlite3_stmt *stmt,
                     int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

char **
rf_stmt_column_strv (sqlite3_stmt *stmt,
                     int           column)
{
  return rf_strv_from_json ((const char *)sqlite3_column_text (stmt, column));
}
