/* rf-import-report.c: what an import did and what its dry run would do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include "rf-csv-importer-private.h"

GArray *
rf_import_problems_copy (GArray *problems)
{
  GArray *copy = g_array_new (FALSE, FALSE, sizeof (RfImportProblem));

  g_array_set_clear_func (copy, rf_import_problems_clear);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      RfImportProblem *problem = &g_array_index (problems, RfImportProblem, i);
      rf_import_problems_add (copy, problem->line, problem->reason);
    }
  return copy;
}

static GArray *
ids_copy (GArray *ids)
{
  GArray *copy = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (ids != NULL)
    g_array_append_vals (copy, ids->data, ids->len);
  return copy;
}

RfImportReport *
rf_import_report_new (void)
{
  RfImportReport *report = g_new0 (RfImportReport, 1);

  report->rejected = rf_import_problems_copy (NULL);
  report->warnings = rf_import_problems_copy (NULL);
  report->lead_ids = ids_copy (NULL);
  return report;
}

RfImportReport *
rf_import_report_copy (const RfImportReport *report)
{
  RfImportReport *copy;

  g_return_val_if_fail (report != NULL, NULL);

  copy = g_memdup2 (report, sizeof *report);
  copy->batch_id = g_strdup (report->batch_id);
  copy->file_name = g_strdup (report->file_name);
  copy->file_hash = g_strdup (report->file_hash);
  copy->encoding = g_strdup (report->encoding);
  copy->mapping = report->mapping != NULL ? g_object_ref (report->mapping) : NULL;
  copy->rejected = rf_import_problems_copy (report->rejected);
  copy->warnings = rf_import_problems_copy (report->warnings);
  copy->lead_ids = ids_copy (report->lead_ids);
  return copy;
}

void
rf_import_report_free (RfImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->batch_id);
  g_free (report->file_name);
  g_free (report->file_hash);
  g_free (report->encoding);
  g_clear_object (&report->mapping);
  g_array_unref (report->rejected);
  g_array_unref (report->warnings);
  g_array_unref (report->lead_ids);
  g_free (report);
}

G_DEFINE_BOXED_TYPE (RfImportReport, rf_import_report, rf_import_report_copy, rf_import_report_free)

RfImportPreview *
rf_import_preview_new (void)
{
  RfImportPreview *preview = g_new0 (RfImportPreview, 1);

  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  preview->row_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  preview->problems = rf_import_problems_copy (NULL);
  return preview;
}

RfImportPreview *
rf_import_preview_copy (const RfImportPreview *preview)
{
  RfImportPreview *copy;

  g_return_val_if_fail (preview != NULL, NULL);

  copy = g_memdup2 (preview, sizeof *preview);
  copy->file_name = g_strdup (preview->file_name);
  copy->file_hash = g_strdup (preview->file_hash);
  copy->encoding = g_strdup (preview->encoding);
  copy->header = g_strdupv (preview->header);
  copy->mapping = preview->mapping != NULL ? g_object_ref (preview->mapping) : NULL;
  copy->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  for (guint i = 0; i < preview->rows->len; i++)
    g_ptr_array_add (copy->rows, g_strdupv (g_ptr_array_index (preview->rows, i)));
  copy->row_lines = g_array_copy (preview->row_lines);
  copy->problems = rf_import_problems_copy (preview->problems);
  return copy;
}

void
rf_import_preview_free (RfImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->file_name);
  g_free (preview->file_hash);
  g_free (preview->encoding);
  g_strfreev (preview->header);
  g_clear_object (&preview->mapping);
  g_ptr_array_unref (preview->rows);
  g_array_unref (preview->row_lines);
  g_array_unref (preview->problems);
  g_free (preview);
}

G_DEFINE_BOXED_TYPE (RfImportPreview, rf_import_preview, rf_import_preview_copy, rf_import_preview_free)
