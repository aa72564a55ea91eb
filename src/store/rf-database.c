/* rf-database.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rf-database-private.h"
#include "rf-store-resources.h"

#define BUSY_TIMEOUT_MS 10000

typedef struct
{
  RfDatabaseFunc  func;
  gpointer        data;
  GDestroyNotify  data_free;
  GCancellable   *cancellable;
  /* Exactly one of these two is used. */
  GTask          *task;
  struct {
    GMutex        mutex;
    GCond         cond;
    gboolean      done;
    gpointer      result;
    GError       *error;
  } sync;
} Job;

struct _RfDatabase
{
  GObject      parent_instance;

  char        *path;
  sqlite3     *handle;
  GThread     *thread;
  GAsyncQueue *jobs;
  /* SQL text -> sqlite3_stmt*, used on the database thread only; and the
   * same by the address of the text, which for the DAOs' literal SQL
   * saves hashing a long string on every call. */
  GHashTable  *statements;
  GHashTable  *statements_by_address;
  int          schema_version;
  gboolean     closed;

  /* Leads inserted in the open transaction, indexed for search at commit. */
  GArray      *unindexed_leads;

  /* "changed" is emitted on the context that opened the database; writes
   * on the database thread queue here. */
  GMainContext *owner_context;
  GMutex        changes_lock;
  GArray       *pending_changes;
  GSource      *changes_source;
};

typedef struct
{
  const char   *table;   /* interned */
  RfChangeKind  kind;
  gint64        id;
} Change;

/* Past this many queued changes a table's are folded into one RF_CHANGE_MANY,
 * so a long import with no main loop running holds no growing list. */
#define MAX_PENDING_CHANGES 256

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RfDatabase, rf_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (rf-store-error-quark, rf_store_error)

/* Pushed to stop the thread. */
static Job quit_job;

static void
job_free (Job *job)
{
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->task);
  g_free (job);
}

static gboolean
drop_task_cb (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static gpointer
rf_database_thread_main (gpointer user_data)
{
  RfDatabase *self = user_data;

  for (;;)
    {
      Job *job = g_async_queue_pop (self->jobs);
      gpointer result = NULL;
      GError *error = NULL;

      if (job == &quit_job)
        break;

      if (!g_cancellable_set_error_if_cancelled (job->cancellable, &error))
        result = job->func (self, job->data, job->cancellable, &error);

      if (job->task != NULL)
        {
          GTask *task = g_steal_pointer (&job->task);
          GSource *source;

          if (error != NULL)
            g_task_return_error (task, error);
          else
            g_task_return_pointer (task, result, g_task_get_task_data (task));
          job_free (job);

          /* Drop our reference on the caller's thread: the last reference
           * to the source object, and so to this database, must never go
           * here, where finalising would join this very thread. */
          source = g_idle_source_new ();
          g_source_set_callback (source, drop_task_cb, task, NULL);
          g_source_attach (source, g_task_get_context (task));
          g_source_unref (source);
        }
      else
        {
          /* The waiting thread owns and frees the job. */
          g_mutex_lock (&job->sync.mutex);
          job->sync.result = result;
          job->sync.error = error;
          job->sync.done = TRUE;
          g_cond_signal (&job->sync.cond);
          g_mutex_unlock (&job->sync.mutex);
        }
    }

  return NULL;
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
rf_database_stop_thread (RfDatabase *self)
{
  if (self->thread == NULL)
    return;

  g_async_queue_push (self->jobs, &quit_job);
  g_thread_join (self->thread);
  self->thread = NULL;
}

static void
rf_database_finalize (GObject *object)
{
  RfDatabase *self = (RfDatabase *)object;

  rf_database_close (self);
  g_mutex_lock (&self->changes_lock);
  if (self->changes_source != NULL)
    {
      g_source_destroy (self->changes_source);
      g_clear_pointer (&self->changes_source, g_source_unref);
    }
  g_mutex_unlock (&self->changes_lock);
  g_clear_pointer (&self->pending_changes, g_array_unref);
  g_clear_pointer (&self->owner_context, g_main_context_unref);
  g_mutex_clear (&self->changes_lock);
  g_clear_pointer (&self->jobs, g_async_queue_unref);
  g_clear_pointer (&self->unindexed_leads, g_array_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (rf_database_parent_class)->finalize (object);
}

static void
rf_database_class_init (RfDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rf_database_finalize;

  /**
   * RfDatabase::changed:
   * @table: the table written ("leads", "icp_profiles", "activities", ...)
   * @kind: an #RfChangeKind
   * @id: the row id, 0 with %RF_CHANGE_MANY
   *
   * Rows changed. Detailed by table, e.g. "changed::leads". Emitted on the
   * main context that opened the database, after the write.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE, G_TYPE_INT, G_TYPE_INT64);
}

static void
rf_database_init (RfDatabase *self)
{
  self->jobs = g_async_queue_new ();
  g_mutex_init (&self->changes_lock);
  self->pending_changes = g_array_new (FALSE, FALSE, sizeof (Change));
  self->owner_context = g_main_context_ref_thread_default ();
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->statements_by_address = g_hash_table_new (NULL, NULL);
  self->unindexed_leads = g_array_new (FALSE, FALSE, sizeof (gint64));
}

void
rf_database_set_error (RfDatabase  *self,
                       int          rc,
                       GError     **error)
{
  rf_store_error_from_sqlite (rc, self->path,
                              self->handle != NULL ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc),
                              error);
}

sqlite3_stmt *
rf_database_prepare (RfDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_assert (rf_database_is_db_thread (self));

  stmt = g_hash_table_lookup (self->statements_by_address, sql);
  if (stmt == NULL || strcmp (sqlite3_sql (stmt), sql) != 0)
    {
      stmt = g_hash_table_lookup (self->statements, sql);
      if (stmt != NULL)
        g_hash_table_insert (self->statements_by_address, (gpointer)sql, stmt);
    }
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      rf_database_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  g_hash_table_insert (self->statements_by_address, (gpointer)sql, stmt);
  return stmt;
}

gboolean
rf_database_exec (RfDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc;

  g_assert (rf_database_is_db_thread (self));

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      rf_database_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
rf_database_step (RfDatabase    *self,
                  sqlite3_stmt  *stmt,
                  gboolean      *has_row,
                  GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    {
      *has_row = rc == SQLITE_ROW;
      return TRUE;
    }

  *has_row = FALSE;
  rf_database_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return FALSE;
}

/* For statements that return no rows. Resets @stmt so it holds no lock. */
gboolean
rf_database_step_done (RfDatabase    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  rf_database_set_error (self, rc, error);
  return FALSE;
}

gint64
rf_database_last_insert_id (RfDatabase *self)
{
  return sqlite3_last_insert_rowid (self->handle);
}

int
rf_database_changes (RfDatabase *self)
{
  return sqlite3_changes (self->handle);
}

gboolean
rf_database_transaction_begin (RfDatabase  *self,
                               GError     **error)
{
  /* IMMEDIATE takes the write lock now, so a busy database fails here and
   * not halfway through the work. */
  return rf_database_exec (self, "BEGIN IMMEDIATE", error);
}

static gboolean
index_leads_for_search (RfDatabase    *self,
                        const gint64  *ids,
                        guint          n_ids,
                        GError       **error)
{
  GString *json;
  sqlite3_stmt *stmt;

  if (n_ids == 0)
    return TRUE;

  stmt = rf_database_prepare (self,
                              "INSERT INTO lead_search (rowid, body) SELECT id, body FROM lead_search_source "
                              "WHERE id IN (SELECT value FROM json_each (?))",
                              error);
  if (stmt == NULL)
    return FALSE;

  json = g_string_sized_new (n_ids * 8);
  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, i > 0 ? ",%" G_GINT64_FORMAT : "%" G_GINT64_FORMAT, ids[i]);
  g_string_append_c (json, ']');
  sqlite3_bind_text (stmt, 1, g_string_free (json, FALSE), -1, g_free);
  return rf_database_step_done (self, stmt, error);
}

/* Called by the lead DAO after inserting a lead: indexed now when there
 * is no transaction, else at its commit, with the others. */
gboolean
rf_database_lead_inserted (RfDatabase  *self,
                           gint64       id,
                           GError     **error)
{
  g_assert (rf_database_is_db_thread (self));

  if (sqlite3_get_autocommit (self->handle))
    return index_leads_for_search (self, &id, 1, error);

  g_array_append_val (self->unindexed_leads, id);
  return TRUE;
}

gboolean
rf_database_transaction_commit (RfDatabase  *self,
                                GError     **error)
{
  gboolean indexed = index_leads_for_search (self, (gint64 *)(gpointer)self->unindexed_leads->data,
                                             self->unindexed_leads->len, error);

  g_array_set_size (self->unindexed_leads, 0);
  if (indexed && rf_database_exec (self, "COMMIT", error))
    return TRUE;

  rf_database_transaction_rollback (self);
  return FALSE;
}

void
rf_database_transaction_rollback (RfDatabase *self)
{
  g_array_set_size (self->unindexed_leads, 0);
  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
emit_changes_cb (gpointer user_data)
{
  RfDatabase *self = user_data;
  g_autoptr(GArray) changes = NULL;

  g_mutex_lock (&self->changes_lock);
  changes = g_steal_pointer (&self->pending_changes);
  self->pending_changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_clear_pointer (&self->changes_source, g_source_unref);
  g_mutex_unlock (&self->changes_lock);

  g_object_ref (self);
  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = &g_array_index (changes, Change, i);
      g_signal_emit (self, signals[SIGNAL_CHANGED], g_quark_from_static_string (change->table),
                     change->table, change->kind, change->id);
    }
  g_object_unref (self);

  return G_SOURCE_REMOVE;
}

/* Queues a "changed" emission on the owner's context; any thread. */
void
rf_database_notify_changed (RfDatabase   *self,
                            const char   *table,
                            RfChangeKind  kind,
                            gint64        id)
{
  Change change = { g_intern_string (table), kind, id };

  g_return_if_fail (RF_IS_DATABASE (self));

  g_mutex_lock (&self->changes_lock);

  if (self->pending_changes->len >= MAX_PENDING_CHANGES)
    {
      /* Fold: keep one MANY per table. */
      g_autoptr(GArray) folded = g_array_new (FALSE, FALSE, sizeof (Change));
      for (guint i = 0; i < self->pending_changes->len; i++)
        {
          Change *old = &g_array_index (self->pending_changes, Change, i);
          gboolean seen = FALSE;
          for (guint j = 0; j < folded->len; j++)
            seen |= g_array_index (folded, Change, j).table == old->table;
          if (!seen)
            {
              Change many = { old->table, RF_CHANGE_MANY, 0 };
              g_array_append_val (folded, many);
            }
        }
      g_array_unref (self->pending_changes);
      self->pending_changes = g_steal_pointer (&folded);
      change.kind = RF_CHANGE_MANY;
      change.id = 0;
      for (guint j = 0; j < self->pending_changes->len; j++)
        if (g_array_index (self->pending_changes, Change, j).table == change.table)
          goto unlock;
    }

  g_array_append_val (self->pending_changes, change);

  if (self->changes_source == NULL)
    {
      self->changes_source = g_idle_source_new ();
      g_source_set_priority (self->changes_source, G_PRIORITY_DEFAULT);
      /* The source holds no reference: finalize destroys it first. */
      g_source_set_callback (self->changes_source, emit_changes_cb, self, NULL);
      g_source_attach (self->changes_source, self->owner_context);
    }

unlock:
  g_mutex_unlock (&self->changes_lock);
}

gboolean
rf_database_is_db_thread (RfDatabase *self)
{
  g_return_val_if_fail (RF_IS_DATABASE (self), FALSE);

  return self->thread == g_thread_self ();
}

const char *
rf_database_get_path (RfDatabase *self)
{
  g_return_val_if_fail (RF_IS_DATABASE (self), NULL);

  return self->path;
}

int
rf_database_get_schema_version (RfDatabase *self)
{
  g_return_val_if_fail (RF_IS_DATABASE (self), 0);

  return self->schema_version;
}

void
rf_database_run_async (RfDatabase          *self,
                       gpointer             source_object,
                       RfDatabaseFunc       func,
                       gpointer             data,
                       GDestroyNotify       data_free,
                       GDestroyNotify       result_free,
                       gpointer             source_tag,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Job *job;

  g_return_if_fail (RF_IS_DATABASE (self));
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  job->task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, source_tag != NULL ? source_tag : rf_database_run_async);
  /* The task data carries the result's free function to the thread. */
  g_task_set_task_data (job->task, result_free, NULL);

  if (self->closed)
    {
      g_task_return_new_error (job->task, RF_STORE_ERROR, RF_STORE_ERROR_CLOSED,
                               _("The database is closed"));
      job_free (job);
      return;
    }

  g_async_queue_push (self->jobs, job);
}

gpointer
rf_database_run_finish (RfDatabase    *self,
                        GAsyncResult  *result,
                        gpointer       source_tag,
                        GError       **error)
{
  g_return_val_if_fail (RF_IS_DATABASE (self), NULL);
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (source_tag == NULL ||
                        g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gpointer
rf_database_run_sync (RfDatabase      *self,
                      RfDatabaseFunc   func,
                      gpointer         data,
                      GCancellable    *cancellable,
                      GError         **error)
{
  Job job = { 0 };
  gpointer result;

  g_return_val_if_fail (RF_IS_DATABASE (self), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  /* Work may call other sync DAO functions; run those in place. */
  if (rf_database_is_db_thread (self))
    return func (self, data, cancellable, error);

  if (self->closed)
    {
      g_set_error_literal (error, RF_STORE_ERROR, RF_STORE_ERROR_CLOSED, _("The database is closed"));
      return NULL;
    }

  job.func = func;
  job.data = data;
  job.cancellable = cancellable;
  g_mutex_init (&job.sync.mutex);
  g_cond_init (&job.sync.cond);

  g_mutex_lock (&job.sync.mutex);
  g_async_queue_push (self->jobs, &job);
  while (!job.sync.done)
    g_cond_wait (&job.sync.cond, &job.sync.mutex);
  g_mutex_unlock (&job.sync.mutex);

  g_mutex_clear (&job.sync.mutex);
  g_cond_clear (&job.sync.cond);

  result = job.sync.result;
  if (job.sync.error != NULL)
    g_propagate_error (error, job.sync.error);
  return result;
}

static gpointer
open_work (RfDatabase    *self,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  int rc;

  /* Make the file private before SQLite creates it, with its -wal and -shm. */
  mode_t old_umask = umask (077);
  rc = sqlite3_open_v2 (self->path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  umask (old_umask);

  if (rc != SQLITE_OK)
    {
      rf_database_set_error (self, rc, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);

  if (sqlite3_db_readonly (self->handle, "main") == 1)
    {
      rf_database_set_error (self, SQLITE_READONLY, error);
      return NULL;
    }

  /* The first statements read the header: a file that is not a database
   * fails here with SQLITE_NOTADB. */
  if (!rf_database_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !rf_database_exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !rf_database_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !rf_database_exec (self, "PRAGMA temp_store = MEMORY", error) ||
      /* Lists of 100,000 leads read most pages of the indexes: keep them
       * in memory. No memory map: its pages counted toward the window's
       * RSS (+90 MB at 100,000 leads) and made no query measurably faster
       * once the cache is warm. */
      !rf_database_exec (self, "PRAGMA cache_size = -32768", error) ||
      !rf_database_exec (self, "PRAGMA mmap_size = 0", error) ||
      /* Checkpoint every ~40 MB of WAL, not every 4 MB: a batch of an
       * import rewrites most index pages, and each checkpoint copied them
       * to the file and waited on two fsyncs (import 20% faster). The WAL
       * is cut back to 64 MB after each. */
      !rf_database_exec (self, "PRAGMA wal_autocheckpoint = 10000", error) ||
      !rf_database_exec (self, "PRAGMA journal_size_limit = 67108864", error))
    return NULL;

  if ((self->schema_version = rf_database_migrate (self, error)) < 0)
    return NULL;

  return GINT_TO_POINTER (TRUE);
}

static gboolean
ensure_private_folder (const char  *path,
                       GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    return TRUE;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_OPEN,
                   _("Cannot create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

RfDatabase *
rf_database_open_sync (const char    *path,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(RfDatabase) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  /* The migrations live in this library's resource bundle. */
  rf_store_get_resource ();

  /* SQLite's allocation statistics take a global lock on every malloc. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);

  if (!ensure_private_folder (path, error))
    return NULL;

  self = g_object_new (RF_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->thread = g_thread_new ("rf-database", rf_database_thread_main, self);

  if (rf_database_run_sync (self, open_work, NULL, cancellable, error) == NULL)
    {
      rf_database_close (self);
      return NULL;
    }

  return g_steal_pointer (&self);
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  RfDatabase *self = rf_database_open_sync (task_data, cancellable, &error);

  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

void
rf_database_open_async (const char          *path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rf_database_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_in_thread);
}

RfDatabase *
rf_database_open_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
close_work (RfDatabase    *self,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  g_hash_table_remove_all (self->statements_by_address);
  g_hash_table_remove_all (self->statements);
  if (self->handle != NULL)
    {
      sqlite3_close_v2 (self->handle);
      self->handle = NULL;
    }
  return NULL;
}

/* Waits for queued work, then closes. Safe to call twice. */
void
rf_database_close (RfDatabase *self)
{
  g_return_if_fail (RF_IS_DATABASE (self));

  if (self->thread != NULL)
    {
      rf_database_run_sync (self, close_work, NULL, NULL, NULL);
      rf_database_stop_thread (self);
    }
  g_clear_pointer (&self->statements_by_address, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  self->closed = TRUE;
}
