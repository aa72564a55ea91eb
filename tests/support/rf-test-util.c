/* rf-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "rf-company-dao.h"
#include "rf-contact-dao.h"
#include "rf-lead-dao.h"
#include "rf-scoring.h"
#include "rf-signal-dao.h"
#include "rf-test-util.h"

#include <sys/wait.h>

char *
rf_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("raptorflow-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
rf_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      rf_test_remove_tree (child);
    }
  g_rmdir (path);
}

/* A fresh database in a fresh folder; the folder is returned to remove. */
RfDatabase *
rf_test_open_database (char **out_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "leads.db", NULL);
  RfDatabase *database = rf_database_open_sync (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (database);
  if (out_dir != NULL)
    *out_dir = g_steal_pointer (&dir);
  return database;
}

/* $RAPTORFLOW_TESTDATA/@subdir, or NULL when absent (tests then skip). */
const char *
rf_test_testdata_dir (const char *subdir)
{
  static char *path;
  const char *root = g_getenv ("RAPTORFLOW_TESTDATA");

  if (root == NULL)
    return NULL;
  g_free (path);
  path = g_build_filename (root, subdir, NULL);
  return g_file_test (path, G_FILE_TEST_IS_DIR) ? path : NULL;
}

/* Runs the built raptorflow-cli ($RAPTORFLOW_CLI) with --db @db_path
 * (unless NULL) and returns its exit status. */
int
rf_test_run_cli_argv (const char          *db_path,
                      const char * const  *envp_extra,
                      const char * const  *args,
                      char               **out_stdout,
                      char               **out_stderr)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *cli = g_getenv ("RAPTORFLOW_CLI");
  int status = -1;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *)cli);
  if (db_path != NULL)
    {
      g_ptr_array_add (argv, (char *)"--db");
      g_ptr_array_add (argv, (char *)db_path);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  for (guint i = 0; envp_extra != NULL && envp_extra[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (envp_extra[i], "=", 2);
      envp = g_environ_setenv (envp, pair[0], pair[1] != NULL ? pair[1] : "", TRUE);
    }

  /* Output not asked for must not reach our stdout: TAP reads it. */
  g_spawn_sync (NULL, (char **)argv->pdata, envp, out_stdout == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : G_SPAWN_DEFAULT,
                NULL, NULL, out_stdout, out_stderr, &status, &error);
  g_assert_no_error (error);

  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

int
rf_test_run_cli (const char  *db_path,
                 char       **out_stdout,
                 char       **out_stderr,
                 const char  *first_arg,
                 ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return rf_test_run_cli_argv (db_path, NULL, (const char * const *)args->pdata, out_stdout, out_stderr);
}

/* Iterates the default main context until @condition holds or time is up. */
gboolean
rf_test_wait_until (gboolean (*condition) (gpointer),
                    gpointer   data,
                    guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

gint64
rf_test_insert_lead (RfDatabase *database,
                     const char *company_name,
                     const char *website,
                     const char *contact_name,
                     const char *email,
                     double      total,
                     const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfCompanyDao) company_dao = rf_company_dao_new (database);
  g_autoptr(RfContactDao) contact_dao = rf_contact_dao_new (database);
  g_autoptr(RfSignalDao) signal_dao = rf_signal_dao_new (database);
  g_autoptr(RfLeadDao) lead_dao = rf_lead_dao_new (database);
  g_autoptr(RfCompany) company = rf_company_new ();
  g_autoptr(RfContact) contact = rf_contact_new ();
  g_autoptr(RfSignal) signal = rf_signal_new ();
  g_autoptr(RfLead) lead = rf_lead_new ();
  RfClassification *classification = rf_lead_get_classification (lead);
  gint64 company_id = 0;
  gint64 contact_id = 0;
  gint64 id;

  if (company_name != NULL || website != NULL)
    {
      rf_company_set_name (company, company_name);
      rf_company_set_website (company, website);
      company_id = rf_company_dao_upsert_sync (company_dao, company, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  if (contact_name != NULL || email != NULL)
    {
      rf_contact_set_name (contact, contact_name);
      rf_contact_set_email (contact, email);
      rf_contact_set_company_id (contact, company_id);
      contact_id = rf_contact_dao_upsert_sync (contact_dao, contact, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  rf_signal_set_source_type (signal, RF_SOURCE_TYPE_MANUAL);
  rf_signal_set_raw_text (signal, text != NULL ? text : "");
  rf_signal_set_company_id (signal, company_id);
  rf_signal_set_contact_id (signal, contact_id);
  rf_signal_dao_insert_sync (signal_dao, signal, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Split as the formula would: fit first, then pain, then quality. */
  rf_classification_set_score_fit (classification, MIN (total, 50));
  rf_classification_set_score_pain (classification, CLAMP (total - 50, 0, 40));
  rf_classification_set_score_data_quality (classification, CLAMP (total - 90, 0, 10));
  rf_classification_set_classifier (classification, "rules");
  rf_lead_set_total_score (lead, total);
  rf_lead_set_score_bucket (lead, rf_score_bucket_for_total (total));
  rf_lead_set_signal_id (lead, rf_signal_get_id (signal));
  rf_lead_set_company_id (lead, company_id);
  rf_lead_set_contact_id (lead, contact_id);
  id = rf_lead_dao_insert_sync (lead_dao, lead, NULL, &error);
  g_assert_no_error (error);
  return id;
}
