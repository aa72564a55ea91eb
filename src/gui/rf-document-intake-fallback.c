/* rf-document-intake-fallback.c: stands in for rf_lead_engine_ingest_document_async()
 * until src/engine/rf-document-intake.c exists (src/gui/meson.build adds
 * this file only then): every document fails with an error that says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-document-intake.h"

void
rf_document_outcome_free (RfDocumentOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_clear_pointer (&outcome->outcome, rf_classify_outcome_free);
  g_free (outcome->text);
  g_free (outcome->file_name);
  g_free (outcome);
}

void
rf_lead_engine_ingest_document_async (RfLeadEngine       *self,
                                      GFile              *file,
                                      gint64              icp_id,
                                      RfIntakePhaseFunc   phase_func,
                                      gpointer            phase_data,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RF_IS_LEAD_ENGINE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rf_lead_engine_ingest_document_async);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Reading images and PDFs is not available in this build"));
}

RfDocumentOutcome *
rf_lead_engine_ingest_document_finish (RfLeadEngine  *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
