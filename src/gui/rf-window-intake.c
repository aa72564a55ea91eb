/* rf-window-intake.c: the window's intake and setup parts: drops and
 * pastes, the intake list, new signal, the status pill, profiles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-new-signal-dialog.h"
#include "rf-status-pill.h"
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
  rf_profiles_view_set_engine (self->profiles_view, engine);
  rf_lead_detail_set_engine (self->detail, engine);

  if (self->status_pill != NULL)
    gtk_box_remove (self->status_slot, self->status_pill);
  self->status_pill = NULL;
  if (engine != NULL)
    {
      self->status_pill = rf_status_pill_new (engine);
      gtk_box_insert_child_after (self->status_slot, self->status_pill, self->new_signal_button);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-signal", engine != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.paste-signal", engine != NULL);
  rf_window_update_actions (self);
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

/* Actions. */

static void
new_signal_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RfWindow *self = RF_WINDOW (widget);
  RfNewSignalDialog *dialog;

  if (self->engine == NULL)
    return;
  dialog = rf_new_signal_dialog_new (self->engine);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
paste_signal_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RfWindow *self = RF_WINDOW (widget);

  rf_intake_paste (self->intake, gtk_widget_get_clipboard (widget));
}

/* Construction. */

void
rf_window_init_intake (RfWindow *self)
{
  rf_intake_attach (self->intake, GTK_WIDGET (self));
  rf_profiles_view_set_database (self->profiles_view, self->database);
  g_signal_connect_object (self->intake, "lead-ready", G_CALLBACK (lead_ready_cb), self, G_CONNECT_SWAPPED);

  self->new_signal_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->new_signal_button), "win.new-signal");
  gtk_widget_set_tooltip_text (self->new_signal_button, _("New Signal (Ctrl+N)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_signal_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New signal"), -1);
  gtk_box_append (self->status_slot, self->new_signal_button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-signal", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.paste-signal", FALSE);

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
  g_type_ensure (RF_TYPE_PROFILES_VIEW);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, intake);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, profiles_view);
  gtk_widget_class_install_action (widget_class, "win.new-signal", NULL, new_signal_action);
  gtk_widget_class_install_action (widget_class, "win.paste-signal", NULL, paste_signal_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-signal", NULL);
}
