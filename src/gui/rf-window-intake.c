/* rf-window-intake.c: the window's intake and setup parts: drops and
 * pastes, the intake list, new signal, the status pill, profiles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-window-private.h"

/* Selecting a lead. */

static gboolean
select_in_table (RfWindow *self,
                 gint64    lead_id)
{
  guint position;

  if (self->model == NULL)
    return FALSE;
  position = rf_lead_list_model_find (self->model, lead_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  rf_lead_table_select (self->table, position);
  return TRUE;
}

void
rf_window_select_pending (RfWindow *self)
{
  if (self->pending_lead_id > 0 && select_in_table (self, self->pending_lead_id))
    self->pending_lead_id = 0;
}

void
rf_window_select_lead (RfWindow *self,
                       gint64    lead_id)
{
  g_return_if_fail (RF_IS_WINDOW (self));
  g_return_if_fail (lead_id > 0);

  adw_view_stack_set_visible_child_name (self->view_stack, "leads");
  if (select_in_table (self, lead_id))
    self->pending_lead_id = 0;
  else
    {
      /* Not listed yet (it is being inserted) or hidden by the filters:
       * show it now, select its row when it comes. */
      self->pending_lead_id = lead_id;
      rf_lead_detail_set_lead_id (self->detail, lead_id);
    }
  rf_window_show_detail (self);
}

static void
lead_ready_cb (RfWindow *self,
               gint64    lead_id)
{
  rf_window_select_lead (self, lead_id);
}

/* Engine. */

void
rf_window_set_engine (RfWindow     *self,
                      RfLeadEngine *engine)
{
  g_return_if_fail (RF_IS_WINDOW (self));
  g_return_if_fail (engine == NULL || RF_IS_LEAD_ENGINE (engine));

  if (!g_set_object (&self->engine, engine))
    return;
  rf_intake_set_engine (self->intake, engine);
}

RfLeadEngine *
rf_window_get_engine (RfWindow *self)
{
  g_return_val_if_fail (RF_IS_WINDOW (self), NULL);
  return self->engine;
}

RfIntake *
rf_window_get_intake (RfWindow *self)
{
  g_return_val_if_fail (RF_IS_WINDOW (self), NULL);
  return self->intake;
}

void
rf_window_open_files (RfWindow  *self,
                      GFile    **files,
                      guint      n_files)
{
  g_return_if_fail (RF_IS_WINDOW (self));

  rf_intake_add_files (self->intake, files, n_files);
}

/* Construction. */

void
rf_window_init_intake (RfWindow *self)
{
  rf_intake_attach (self->intake, GTK_WIDGET (self));
  g_signal_connect_object (self->intake, "lead-ready", G_CALLBACK (lead_ready_cb), self, G_CONNECT_SWAPPED);

  self->intake_list = RF_INTAKE_LIST (rf_intake_list_new (self->intake));
  g_signal_connect_object (self->intake_list, "lead-activated", G_CALLBACK (lead_ready_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (self->status_slot, GTK_WIDGET (self->intake_list));
}

void
rf_window_dispose_intake (RfWindow *self)
{
  g_clear_object (&self->engine);
}

void
rf_window_class_init_intake (GtkWidgetClass *widget_class)
{
  g_type_ensure (RF_TYPE_INTAKE);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, intake);
}
