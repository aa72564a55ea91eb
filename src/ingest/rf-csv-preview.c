/* rf-csv-preview.c: the dry run of an import
 *
 * The rows come from the same scan as the import's; deduplication asks the
 * database the questions the import's upserts ask, on the database thread
 * but without writing, and remembers what the file itself would have
 * created earlier (as negative ids), so that "merged within the file"
 * counts the same as in a real import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rf-company-dao.h"
#include "rf-contact-dao.h"
#include "rf-csv-importer-private.h"
#include "rf-normalize.h"
#include "rf-signal-dao.h"

typedef struct
{
  RfImportPreview *preview;
  GHashTable      *company_by_domain;   /* normalised domain -> id */
  GHashTable      *company_by_name;     /* normalised name -> id */
  GHashTable      *contact_by_email;    /* normalised email -> id */
  GHashTable      *contact_by_name;     /* "company id/normalised name" -> id */
  gint64           next_id;             /* ids of what the file would create: -1, -2... */
} Simulation;

static void
simulation_free (Simulation *sim)
{
  g_hash_table_unref (sim->company_by_domain);
  g_hash_table_unref (sim->company_by_name);
  g_hash_table_unref (sim->contact_by_email);
  g_hash_table_unref (sim->contact_by_name);
  g_free (sim);
}

static GHashTable *
key_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static gint64
table_lookup (GHashTable *table,
              const char *key)
{
  gint64 *id = *key != '\0' ? g_hash_table_lookup (table, key) : NULL;

  return id != NULL ? *id : 0;
}

static void
table_remember (GHashTable *table,
                const char *key,
                gint64      id)
{
  if (*key != '\0' && !g_hash_table_contains (table, key))
    g_hash_table_insert (table, g_strdup (key), g_memdup2 (&id, sizeof id));
}

/* rf_company_dao_find_in_thread()'s rule, over the database and what the
 * file created before this row: same domain, else same name. */
static gboolean
simulate_company (RfDatabase  *database,
                  Simulation  *sim,
                  RfCompany   *company,
                  gint64      *company_id,
                  GError     **error)
{
  const char *known = rf_company_get_domain (company);
  const char *website = known != NULL && *known != '\0' ? known : rf_company_get_website (company);
  g_autofree char *domain = rf_normalize_domain (website);
  g_autofree char *name = rf_normalize_company_name (rf_company_get_name (company));
  RfImportPreview *preview = sim->preview;
  gint64 id = 0;

  *company_id = 0;
  if (*domain == '\0' && *name == '\0')
    return TRUE;

  if (*domain != '\0')
    {
      g_autoptr(RfCompany) probe = rf_company_new ();

      rf_company_set_domain (probe, domain);
      if ((id = rf_company_dao_find_in_thread (database, probe, error)) < 0)
        return FALSE;
      if (id == 0)
        id = table_lookup (sim->company_by_domain, domain);
    }
  if (id == 0 && *name != '\0')
    {
      g_autoptr(RfCompany) probe = rf_company_new ();

      rf_company_set_name (probe, rf_company_get_name (company));
      if ((id = rf_company_dao_find_in_thread (database, probe, error)) < 0)
        return FALSE;
      if (id == 0)
        id = table_lookup (sim->company_by_name, name);
    }

  if (id != 0)
    preview->would_merge_companies++;
  else
    {
      id = sim->next_id--;
      preview->would_create_companies++;
    }
  /* A found company gets the domain or name it lacked. */
  table_remember (sim->company_by_domain, domain, id);
  table_remember (sim->company_by_name, name, id);
  *company_id = id;
  return TRUE;
}

/* rf_contact_dao_find_in_thread()'s rule: same email, else same name at
 * the same company. */
static gboolean
simulate_contact (RfDatabase  *database,
                  Simulation  *sim,
                  RfContact   *contact,
                  gint64       company_id,
                  GError     **error)
{
  g_autofree char *email = rf_normalize_email (rf_contact_get_email (contact));
  g_autofree char *name = rf_normalize_person_name (rf_contact_get_name (contact));
  g_autofree char *name_key = NULL;
  const char *phone = rf_contact_get_phone (contact);
  RfImportPreview *preview = sim->preview;
  gint64 id = 0;

  if (*email == '\0' && *name == '\0' && (phone == NULL || *phone == '\0'))
    return TRUE;
  name_key = *name != '\0' && company_id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT "/%s", company_id, name)
                                              : g_strdup ("");

  if (*email != '\0')
    {
      g_autoptr(RfContact) probe = rf_contact_new ();

      rf_contact_set_email (probe, email);
      if ((id = rf_contact_dao_find_in_thread (database, probe, error)) < 0)
        return FALSE;
      if (id == 0)
        id = table_lookup (sim->contact_by_email, email);
    }
  if (id == 0 && *name_key != '\0')
    {
      if (company_id > 0)
        {
          g_autoptr(RfContact) probe = rf_contact_new ();

          rf_contact_set_name (probe, rf_contact_get_name (contact));
          rf_contact_set_company_id (probe, company_id);
          if ((id = rf_contact_dao_find_in_thread (database, probe, error)) < 0)
            return FALSE;
        }
      if (id == 0)
        id = table_lookup (sim->contact_by_name, name_key);
    }

  if (id != 0)
    preview->would_merge_contacts++;
  else
    {
      id = sim->next_id--;
      preview->would_create_contacts++;
    }
  table_remember (sim->contact_by_email, email, id);
  table_remember (sim->contact_by_name, name_key, id);
  return TRUE;
}

typedef struct
{
  GPtrArray  *rows;
  Simulation *sim;
} Check;

/* Database thread; reads only. */
static gpointer
check_rows_work (RfDatabase    *database,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  Check *check = data;
  Simulation *sim = check->sim;

  for (guint i = 0; i < check->rows->len; i++)
    {
      RfImportRow *row = g_ptr_array_index (check->rows, i);
      gint64 signal_id, company_id = 0;

      if ((signal_id = rf_signal_dao_find_by_key_in_thread (database, row->dedup_key, error)) < 0)
        return NULL;
      if (signal_id > 0)
        {
          sim->preview->would_skip++;
          continue;
        }
      if (row->mapped.company != NULL && !simulate_company (database, sim, row->mapped.company, &company_id, error))
        return NULL;
      if (row->mapped.contact != NULL && !simulate_contact (database, sim, row->mapped.contact, company_id, error))
        return NULL;
      sim->preview->would_create++;
    }
  return GINT_TO_POINTER (TRUE);
}

static gboolean
check_rows (RfImportJob   *job,
            GError       **error)
{
  Check check = { job->rows, job->preview };

  if (job->rows->len > 0 && !rf_database_run_sync (job->database, check_rows_work, &check, NULL, error))
    return FALSE;
  g_ptr_array_set_size (job->rows, 0);
  return TRUE;
}

static gboolean
preview_row_cb (RfImportRow  *row,
                gpointer      user_data,
                GError      **error)
{
  RfImportJob *job = user_data;
  Simulation *sim = job->preview;
  guint line = row->line;

  g_ptr_array_add (sim->preview->rows, g_strdupv (row->cells));
  g_array_append_val (sim->preview->row_lines, line);
  if (row->rejected)
    {
      rf_import_row_free (row);
      return TRUE;
    }
  g_ptr_array_add (job->rows, row);
  if (job->rows->len >= job->batch_size)
    return check_rows (job, error);
  return TRUE;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const RfImportProblem *pa = a, *pb = b;

  return pa->line < pb->line ? -1 : pa->line > pb->line;
}

static RfImportPreview *
preview_run (RfImportJob   *job,
             GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  Simulation *sim = g_new0 (Simulation, 1);
  RfImportPreview *preview = rf_import_preview_new ();
  RfImportScan *scan = &job->scan;

  sim->preview = preview;
  sim->company_by_domain = key_table_new ();
  sim->company_by_name = key_table_new ();
  sim->contact_by_email = key_table_new ();
  sim->contact_by_name = key_table_new ();
  sim->next_id = -1;
  job->preview = sim;

  if (!rf_import_scan_file (scan, file, preview_row_cb, job, cancellable, error) ||
      !check_rows (job, error))
    {
      simulation_free (sim);
      job->preview = NULL;
      rf_import_preview_free (preview);
      return NULL;
    }
  simulation_free (sim);
  job->preview = NULL;

  preview->file_name = g_strdup (scan->file_name);
  preview->file_hash = g_strdup (scan->file_hash);
  preview->encoding = g_strdup (scan->detected_encoding);
  preview->delimiter = scan->is_vcard ? 0 : scan->detected_delimiter;
  preview->header = g_strdupv (scan->header);
  preview->mapping = scan->mapping != NULL ? g_object_ref (scan->mapping) : NULL;
  preview->rows_rejected = scan->rejected->len;
  for (guint i = 0; i < 2; i++)
    {
      GArray *problems = i == 0 ? scan->rejected : scan->warnings;

      for (guint j = 0; j < problems->len; j++)
        {
          RfImportProblem *problem = &g_array_index (problems, RfImportProblem, j);
          rf_import_problems_add (preview->problems, problem->line, problem->reason);
        }
    }
  g_array_sort (preview->problems, compare_problems);
  preview->would_merge = preview->would_merge_companies + preview->would_merge_contacts + preview->would_skip;
  return preview;
}

RfImportPreview *
rf_csv_importer_preview (RfCsvImporter  *self,
                         GFile          *file,
                         GCancellable   *cancellable,
                         GError        **error)
{
  RfImportJob *job;
  RfImportPreview *preview;

  g_return_val_if_fail (RF_IS_CSV_IMPORTER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  job = rf_import_job_new (self);
  preview = preview_run (job, file, cancellable, error);
  rf_import_job_free (job);
  return preview;
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RfImportJob *job = task_data;
  GError *error = NULL;
  RfImportPreview *preview = preview_run (job, job->file, cancellable, &error);

  if (preview != NULL)
    g_task_return_pointer (task, preview, (GDestroyNotify)rf_import_preview_free);
  else
    g_task_return_error (task, error);
}

static void
job_free_cb (gpointer job)
{
  rf_import_job_free (job);
}

void
rf_csv_importer_preview_async (RfCsvImporter       *self,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RfImportJob *job;

  g_return_if_fail (RF_IS_CSV_IMPORTER (self));
  g_return_if_fail (G_IS_FILE (file));

  job = rf_import_job_new (self);
  job->file = g_object_ref (file);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rf_csv_importer_preview_async);
  g_task_set_task_data (task, job, job_free_cb);
  g_task_run_in_thread (task, preview_thread);
}

RfImportPreview *
rf_csv_importer_preview_finish (RfCsvImporter  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (RF_IS_CSV_IMPORTER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rf_csv_importer_preview_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
