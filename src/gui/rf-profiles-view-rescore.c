/* rf-profiles-view-rescore.c: every lead re-scored against the profile
 * in the form, with progress from the engine's completed count
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-lead-dao.h"
#include "rf-profiles-view-private.h"

/* Re-scoring every lead against the current profile. */

static void
rescore_progress_cb (RfProfilesView *self)
{
  guint done;
  g_autofree char *text = NULL;

  if (!self->rescoring || self->rescore_total == 0)
    return;
  done = MIN (rf_lead_engine_get_completed (self->engine) - self->rescore_base, self->rescore_total);
  gtk_progress_bar_set_fraction (self->rescore_bar, (double)done / self->rescore_total);
  text = g_strdup_printf (_("%u of %u leads re-scored"), done, self->rescore_total);
  gtk_label_set_text (self->rescore_label, text);
}

static void
rescore_finished (RfProfilesView *self)
{
  self->rescoring = FALSE;
  if (self->engine != NULL)
    g_clear_signal_handler (&self->completed_id, self->engine);
  rf_profiles_view_show_validation (self);
}

static void
rescore_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RfProfilesView) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n = rf_lead_engine_rescore_finish (RF_LEAD_ENGINE (object), result, &error);
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  rescore_finished (self);
  if (error != NULL)
    text = g_strdup_printf (_("Cannot re-score: %s"), error->message);
  else
    text = g_strdup_printf (ngettext ("%u lead re-scored", "%u leads re-scored", n), n);
  gtk_progress_bar_set_fraction (self->rescore_bar, 1.0);
  gtk_label_set_text (self->rescore_label, text);
}

static void
rescore_ids_ready_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(RfProfilesView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = rf_lead_dao_list_ids_finish (RF_LEAD_DAO (object), result, &error);
  gint64 icp_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (object), "icp-id"));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (ids == NULL || ids->len == 0)
    {
      rescore_finished (self);
      gtk_label_set_text (self->rescore_label, ids == NULL ? error->message : _("There are no leads to re-score."));
      return;
    }
  self->rescore_total = ids->len;
  self->rescore_base = rf_lead_engine_get_completed (self->engine);
  self->completed_id = g_signal_connect_swapped (self->engine, "notify::completed",
                                                 G_CALLBACK (rescore_progress_cb), self);
  rescore_progress_cb (self);
  rf_lead_engine_rescore_async (self->engine, (const gint64 *)ids->data, ids->len, icp_id, self->cancellable,
                                rescore_ready_cb, g_object_ref (self));
}

void
rf_profiles_view_rescore (RfProfilesView *self)
{
  g_autoptr(RfLeadDao) dao = NULL;
  g_autoptr(RfLeadQuery) query = NULL;

  g_return_if_fail (RF_IS_PROFILES_VIEW (self));

  if (self->engine == NULL || self->current == NULL || self->rescoring || rf_icp_profile_get_id (self->current) <= 0)
    return;
  self->rescoring = TRUE;
  rf_profiles_view_show_validation (self);
  gtk_widget_set_visible (GTK_WIDGET (self->rescore_bar), TRUE);
  gtk_progress_bar_set_fraction (self->rescore_bar, 0);
  gtk_label_set_text (self->rescore_label, _("Listing the leads…"));
  dao = rf_lead_dao_new (self->database);
  g_object_set_data (G_OBJECT (dao), "icp-id", GSIZE_TO_POINTER ((gsize)rf_icp_profile_get_id (self->current)));
  query = rf_lead_query_new ();
  rf_lead_dao_list_ids_async (dao, query, self->cancellable, rescore_ids_ready_cb, g_object_ref (self));
}
