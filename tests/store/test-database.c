/* test-database.c: opening, migrating, guarding and threading RfDatabase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rf-icp-dao.h"
#include "rf-lead-dao.h"
#include "rf-test-util.h"

static void
test_open_creates_private_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rf_test_make_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "nested", "raptorflow", NULL);
  g_autofree char *path = g_build_filename (folder, "leads.db", NULL);
  g_autoptr(RfDatabase) database = NULL;
  struct stat st;

  database = rf_database_open_sync (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rf_database_get_path (database), ==, path);
  g_assert_cmpint (rf_database_get_schema_version (database), >=, 1);

  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 077, ==, 0);

  rf_database_close (database);
  rf_test_remove_tree (dir);
}

static int
read_int (const char *path,
          const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return value;
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

static void
test_migrations_from_empty_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(RfDatabase) database = NULL;
  int version;

  /* A 0-byte file is an empty SQLite database: it is migrated, not refused. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  database = rf_database_open_sync (path, NULL, &error);
  g_assert_no_error (error);
  version = rf_database_get_schema_version (database);
  rf_database_close (database);

  g_assert_cmpint (read_int (path, "PRAGMA user_version"), ==, version);
  g_assert_cmpint (read_int (path, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                                   "('icp_profiles', 'companies', 'contacts', 'signals', 'leads', 'activities')"),
                   ==, 6);
  g_assert_cmpint (read_int (path, "PRAGMA journal_mode = WAL") >= 0, ==, TRUE);

  /* Opening again migrates nothing and keeps the data. */
  exec_sql (path, "INSERT INTO icp_profiles (name, created_at, updated_at) VALUES ('kept', 1, 1)");
  g_clear_object (&database);
  database = rf_database_open_sync (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rf_database_get_schema_version (database), ==, version);
  rf_database_close (database);
  g_assert_cmpint (read_int (path, "SELECT count(*) FROM icp_profiles WHERE name = 'kept'"), ==, 1);

  rf_test_remove_tree (dir);
}

static void
test_corrupt_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RfDatabase *database;

  g_assert_true (g_file_set_contents (path, "These are my notes, not a database.\n", -1, NULL));
  database = rf_database_open_sync (path, NULL, &error);
  g_assert_null (database);
  g_assert_error (error, RF_STORE_ERROR, RF_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));

  /* The file the user had is untouched. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "These are my notes, not a database.\n");

  rf_test_remove_tree (dir);
}

static void
test_damaged_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "leads.db", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  RfDatabase *database;

  database = rf_database_open_sync (path, NULL, &error);
  g_assert_no_error (error);
  rf_database_close (database);
  g_object_unref (database);

  /* Scribble over the header's magic: SQLite then calls it not a database. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 100);
  memcpy (contents, "XXXXXXXXXXXXXXXX", 16);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  database = rf_database_open_sync (path, NULL, &error);
  g_assert_null (database);
  g_assert_error (error, RF_STORE_ERROR, RF_STORE_ERROR_CORRUPT);
  rf_test_remove_tree (dir);
}

static void
check_read_only_as_user (const char *path)
{
  g_autoptr(GError) error = NULL;
  RfDatabase *database = rf_database_open_sync (path, NULL, &error);

  g_assert_null (database);
  g_assert_error (error, RF_STORE_ERROR, RF_STORE_ERROR_READ_ONLY);
}

static void
test_read_only_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "leads.db", NULL);
  RfDatabase *database;

  database = rf_database_open_sync (path, NULL, &error);
  g_assert_no_error (error);
  rf_database_close (database);
  g_object_unref (database);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  if (geteuid () != 0)
    check_read_only_as_user (path);
  else
    {
      /* Root writes anything: check as nobody, in a child process. */
      if (g_test_subprocess ())
        return;
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
      g_setenv ("RF_TEST_READ_ONLY_PATH", path, TRUE);
      g_test_trap_subprocess ("/database/read-only/as-nobody", 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
    }

  g_chmod (path, 0644);
  rf_test_remove_tree (dir);
}

static void
test_read_only_as_nobody (void)
{
  const char *path = g_getenv ("RF_TEST_READ_ONLY_PATH");

  if (!g_test_subprocess ())
    return;
  g_assert_nonnull (path);
  g_assert_cmpint (setgid (65534), ==, 0);
  g_assert_cmpint (setuid (65534), ==, 0);
  check_read_only_as_user (path);
}

static void
test_too_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "leads.db", NULL);
  RfDatabase *database;

  database = rf_database_open_sync (path, NULL, &error);
  g_assert_no_error (error);
  rf_database_close (database);
  g_object_unref (database);

  exec_sql (path, "PRAGMA user_version = 9999");
  database = rf_database_open_sync (path, NULL, &error);
  g_assert_null (database);
  g_assert_error (error, RF_STORE_ERROR, RF_STORE_ERROR_TOO_NEW);
  rf_test_remove_tree (dir);
}

static void
test_path_from_url (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *absolute = rf_database_path_from_url ("sqlite:////var/tmp/x.db", &error);
  g_autofree char *seed = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *expected = g_build_filename (cwd, "raptorflow_leads.db", NULL);
  g_autofree char *plain = NULL;
  char *bad;

  g_assert_no_error (error);
  g_assert_cmpstr (absolute, ==, "/var/tmp/x.db");

  /* The seed's own example, relative to the working folder. */
  seed = rf_database_path_from_url ("sqlite:///./raptorflow_leads.db", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seed, ==, expected);

  plain = rf_database_path_from_url ("/tmp/plain.db", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plain, ==, "/tmp/plain.db");

  bad = rf_database_path_from_url ("postgresql://db/leads", &error);
  g_assert_null (bad);
  g_assert_error (error, RF_STORE_ERROR, RF_STORE_ERROR_INVALID);
  g_clear_error (&error);

  bad = rf_database_path_from_url ("sqlite:", &error);
  g_assert_null (bad);
  g_assert_error (error, RF_STORE_ERROR, RF_STORE_ERROR_INVALID);
}

static void
test_default_path (void)
{
  g_autofree char *from_url = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "raptorflow", "leads.db", NULL);

  g_setenv ("DATABASE_URL", "sqlite:////tmp/from-env.db", TRUE);
  from_url = rf_database_default_path ();
  g_assert_cmpstr (from_url, ==, "/tmp/from-env.db");

  g_setenv ("DATABASE_URL", "", TRUE);
  fallback = rf_database_default_path ();
  g_assert_cmpstr (fallback, ==, expected);
  g_unsetenv ("DATABASE_URL");
}

typedef struct
{
  GPtrArray *seen;
} ChangedData;

static void
changed_cb (RfDatabase   *database,
            const char   *table,
            RfChangeKind  kind,
            gint64        id,
            ChangedData  *data)
{
  g_ptr_array_add (data->seen, g_strdup_printf ("%s:%d:%" G_GINT64_FORMAT, table, kind, id));
}

static gboolean
seen_enough (gpointer user_data)
{
  return ((ChangedData *)user_data)->seen->len >= 2;
}

static void
test_changed_signal (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RfDatabase) database = rf_test_open_database (&dir);
  ChangedData data = { g_ptr_array_new_with_free_func (g_free) };
  gint64 id;
  g_autofree char *inserted = NULL;

  g_signal_connect (database, "changed::leads", G_CALLBACK (changed_cb), &data);
  id = rf_test_insert_lead (database, "Acme", "https://acme.test", "Jo", "jo@acme.test", 70, "text");

  /* Not synchronous: emitted from the main context after the write. */
  g_assert_cmpuint (data.seen->len, ==, 0);
  {
    g_autoptr(RfLeadDao) dao = rf_lead_dao_new (database);
    g_autoptr(GError) error = NULL;
    rf_lead_dao_set_status_sync (dao, id, RF_LEAD_STATUS_CONTACTED, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_true (rf_test_wait_until (seen_enough, &data, 5000));

  inserted = g_strdup_printf ("leads:%d:%" G_GINT64_FORMAT, RF_CHANGE_INSERTED, id);
  g_assert_cmpstr (g_ptr_array_index (data.seen, 0), ==, inserted);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (data.seen, 1), "leads:1:"));

  g_ptr_array_unref (data.seen);
  rf_database_close (database);
  rf_test_remove_tree (dir);
}

typedef struct
{
  RfDatabase *database;
  guint       index;
  gint64      ids[50];
} ThreadData;

static gpointer
insert_thread (gpointer user_data)
{
  ThreadData *data = user_data;

  for (guint i = 0; i < G_N_ELEMENTS (data->ids); i++)
    {
      g_autofree char *company = g_strdup_printf ("Company %u-%u", data->index, i);
      g_autofree char *email = g_strdup_printf ("person%u-%u@example.com", data->index, i);
      data->ids[i] = rf_test_insert_lead (data->database, company, NULL, "Someone", email, i, "t");
    }
  return NULL;
}

static void
test_many_threads (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RfDatabase) database = rf_test_open_database (&dir);
  g_autoptr(RfLeadDao) dao = rf_lead_dao_new (database);
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  ThreadData data[4];
  GThread *threads[4];

  for (guint t = 0; t < 4; t++)
    {
      data[t].database = database;
      data[t].index = t;
      threads[t] = g_thread_new ("inserter", insert_thread, &data[t]);
    }
  for (guint t = 0; t < 4; t++)
    g_thread_join (threads[t]);

  for (guint t = 0; t < 4; t++)
    for (guint i = 0; i < G_N_ELEMENTS (data[t].ids); i++)
      {
        g_assert_cmpint (data[t].ids[i], >, 0);
        g_hash_table_add (ids, &data[t].ids[i]);
      }
  g_assert_cmpuint (g_hash_table_size (ids), ==, 200);
  g_assert_cmpuint (rf_lead_dao_count_sync (dao, query, NULL, &error), ==, 200);
  g_assert_no_error (error);

  rf_database_close (database);
  rf_test_remove_tree (dir);
}

static void
list_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = rf_lead_dao_list_finish (RF_LEAD_DAO (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer user_data)
{
  return *(gpointer *)user_data != NULL;
}

static void
test_async_and_close (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RfDatabase) database = rf_test_open_database (&dir);
  g_autoptr(RfLeadDao) dao = rf_lead_dao_new (database);
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  g_autoptr(GPtrArray) leads = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RfIcpDao) icp_dao = NULL;

  rf_test_insert_lead (database, "Acme", NULL, NULL, NULL, 50, "x");
  rf_lead_dao_list_async (dao, query, NULL, list_ready_cb, &leads);
  g_assert_true (rf_test_wait_until (is_set, &leads, 5000));
  g_assert_cmpuint (leads->len, ==, 1);

  /* After close every call fails cleanly instead of crashing. */
  rf_database_close (database);
  icp_dao = rf_icp_dao_new (database);
  g_assert_null (rf_icp_dao_list_sync (icp_dao, FALSE, NULL, &error));
  g_assert_error (error, RF_STORE_ERROR, RF_STORE_ERROR_CLOSED);
  rf_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/open/private", test_open_creates_private_files);
  g_test_add_func ("/database/migrations/empty-file", test_migrations_from_empty_file);
  g_test_add_func ("/database/corrupt/not-a-database", test_corrupt_file);
  g_test_add_func ("/database/corrupt/damaged-header", test_damaged_database);
  g_test_add_func ("/database/read-only", test_read_only_file);
  g_test_add_func ("/database/read-only/as-nobody", test_read_only_as_nobody);
  g_test_add_func ("/database/too-new", test_too_new);
  g_test_add_func ("/database/url", test_path_from_url);
  g_test_add_func ("/database/default-path", test_default_path);
  g_test_add_func ("/database/changed-signal", test_changed_signal);
  g_test_add_func ("/database/threads", test_many_threads);
  g_test_add_func ("/database/async-and-close", test_async_and_close);

  return g_test_run ();
}
