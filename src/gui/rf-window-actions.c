/* rf-window-actions.c: the window's actions and their shortcuts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-duplicates-window.h"
#include "rf-gui-labels.h"
#include "rf-lead-dao.h"
#include "rf-window-private.h"

static void
show_error_toast (RfWindow     *self,
                  const char   *what,
                  const GError *error)
{
  g_autofree char *title = g_strdup_printf ("%s: %s", what, error->message);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Delete, with Undo: leads go to the trash, Undo restores them; the
 * application purges the trash when it quits. */

typedef struct
{
  GWeakRef   window;   /* the toast holding this may outlive it */
  RfLeadDao *dao;
  GArray    *ids;
} Removal;

static void
removal_free (gpointer data)
{
  Removal *removal = data;

  g_weak_ref_clear (&removal->window);
  g_object_unref (removal->dao);
  g_array_unref (removal->ids);
  g_free (removal);
}

static Removal *
removal_new (RfWindow *self,
             GArray   *ids)
{
  Removal *removal = g_new0 (Removal, 1);

  g_weak_ref_init (&removal->window, self);
  removal->dao = g_object_ref (self->dao);
  removal->ids = g_array_ref (ids);
  return removal;
}

static void
restore_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Removal *removal = user_data;
  g_autoptr(RfWindow) self = g_weak_ref_get (&removal->window);
  g_autoptr(GError) error = NULL;

  if (!rf_lead_dao_remove_finish (RF_LEAD_DAO (object), result, &error) && self != NULL)
    show_error_toast (self, _("Cannot restore"), error);
  removal_free (removal);
}

static void
undo_clicked_cb (AdwToast *toast,
                 Removal  *removal)
{
  g_autoptr(RfWindow) self = g_weak_ref_get (&removal->window);
  Removal *restore;

  if (self == NULL)
    return;
  restore = removal_new (self, removal->ids);

  rf_lead_dao_remove_async (removal->dao, RF_LEAD_REMOVAL_RESTORE,
                            (const gint64 *)(gpointer)removal->ids->data, removal->ids->len,
                            NULL, restore_ready_cb, restore);
}

static void
trash_ready_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Removal *removal = user_data;
  g_autoptr(RfWindow) self = g_weak_ref_get (&removal->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self == NULL)
    {
      removal_free (removal);
      return;
    }
  if (!rf_lead_dao_remove_finish (RF_LEAD_DAO (object), result, &error))
    {
      show_error_toast (self, _("Cannot delete"), error);
      removal_free (removal);
      return;
    }

  title = g_strdup_printf (ngettext ("%u lead deleted", "%u leads deleted", removal->ids->len),
                           removal->ids->len);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* The toast keeps what it can undo. */
  g_object_set_data_full (G_OBJECT (toast), "rf-removal", removal, removal_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), removal);

  if (self->delete_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->delete_toast), (gpointer *)&self->delete_toast);
  self->delete_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *)&self->delete_toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RfWindow *self = RF_WINDOW (widget);
  g_autoptr(GArray) ids = rf_lead_table_get_selected_ids (self->table);

  if (ids->len == 0 || self->dao == NULL)
    return;
  self->pending_select = rf_lead_table_get_selected (self->table);
  rf_lead_dao_remove_async (self->dao, RF_LEAD_REMOVAL_TRASH, (const gint64 *)(gpointer)ids->data, ids->len,
                            NULL, trash_ready_cb, removal_new (self, ids));
}

/* Status of every selected lead. */

typedef struct
{
  RfWindow     *window;
  RfLeadStatus  status;
  guint         remaining;
  guint         failed;
  guint         total;
} StatusChange;

static void
status_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  StatusChange *change = user_data;
  g_autoptr(GError) error = NULL;

  if (!rf_lead_dao_set_status_finish (RF_LEAD_DAO (object), result, &error))
    change->failed++;
  if (--change->remaining > 0)
    return;

  if (change->failed > 0)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("Cannot set the status of %u lead",
                                                          "Cannot set the status of %u leads", change->failed),
                                                change->failed);
      adw_toast_overlay_add_toast (change->window->toast_overlay, adw_toast_new (title));
    }
  else if (change->total > 1)
    {
      /* Translators: %2$s is a status, e.g. "Contacted" */
      g_autofree char *title = g_strdup_printf (ngettext ("%1$u lead set to %2$s", "%1$u leads set to %2$s", change->total),
                                                change->total, rf_gui_status_label (change->status));
      adw_toast_overlay_add_toast (change->window->toast_overlay, adw_toast_new (title));
    }
  g_object_unref (change->window);
  g_free (change);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RfWindow *self = RF_WINDOW (widget);
  g_autoptr(GArray) ids = rf_lead_table_get_selected_ids (self->table);
  int status = g_variant_get_int32 (parameter);
  StatusChange *change;

  if (ids->len == 0 || status < 0 || status >= RF_N_LEAD_STATUSES || self->dao == NULL)
    return;

  change = g_new0 (StatusChange, 1);
  change->window = g_object_ref (self);
  change->status = status;
  change->remaining = change->total = ids->len;
  for (guint i = 0; i < ids->len; i++)
    rf_lead_dao_set_status_async (self->dao, g_array_index (ids, gint64, i), status, NULL,
                                  status_ready_cb, change);
}

/* Re-score the selected leads (the engine: the fast model, else rules). */

static void
rescore_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RfWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n = rf_lead_engine_rescore_finish (RF_LEAD_ENGINE (object), result, &error);

  if (error != NULL)
    {
      show_error_toast (self, _("Cannot re-score"), error);
      return;
    }
  title = g_strdup_printf (ngettext ("%u lead re-scored", "%u leads re-scored", n), n);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
rescore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RfWindow *self = RF_WINDOW (widget);
  g_autoptr(GArray) ids = rf_lead_table_get_selected_ids (self->table);

  if (ids->len == 0 || self->engine == NULL)
    return;
  rf_lead_engine_rescore_async (self->engine, (const gint64 *)(gpointer)ids->data, ids->len, 0, NULL,
                                rescore_ready_cb, g_object_ref (self));
}

/* Moving around. */

static void
step_lead (RfWindow *self,
           int       step)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  guint current = rf_lead_table_get_selected (self->table);
  guint next;

  if (n == 0)
    return;
  if (current == GTK_INVALID_LIST_POSITION)
    next = 0;
  else if (step < 0)
    next = current > 0 ? current - 1 : 0;
  else
    next = MIN (current + 1, n - 1);
  rf_lead_table_select (self->table, next);
}

static void
next_lead_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  step_lead (RF_WINDOW (widget), 1);
}

static void
previous_lead_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  step_lead (RF_WINDOW (widget), -1);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RfWindow *self = RF_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "leads");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RfWindow *self = RF_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->table));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RfWindow *self = RF_WINDOW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  rf_filter_bar_reset (self->filter_bar);
}

static void
toggle_bucket_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RfWindow *self = RF_WINDOW (widget);
  int bucket = g_variant_get_int32 (parameter);

  if (bucket < 0 || bucket >= RF_N_SCORE_BUCKETS)
    return;
  rf_filter_bar_set_bucket_mask (self->filter_bar, rf_filter_bar_get_bucket_mask (self->filter_bar) ^ (1u << bucket));
}

static void
find_duplicates_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RfWindow *self = RF_WINDOW (widget);
  RfDuplicatesWindow *duplicates = rf_duplicates_window_new (self->database);

  gtk_window_set_transient_for (GTK_WINDOW (duplicates), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (duplicates));
}

static void
show_profiles_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  adw_view_stack_set_visible_child_name (RF_WINDOW (widget)->view_stack, "profiles");
}

void
rf_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.next-lead", NULL, next_lead_action);
  gtk_widget_class_install_action (widget_class, "win.previous-lead", NULL, previous_lead_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.set-status", "i", set_status_action);
  rf_window_class_init_export (widget_class);
  gtk_widget_class_install_action (widget_class, "win.rescore", NULL, rescore_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-bucket", "i", toggle_bucket_action);
  gtk_widget_class_install_action (widget_class, "win.find-duplicates", NULL, find_duplicates_action);
  gtk_widget_class_install_action (widget_class, "win.show-profiles", NULL, show_profiles_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "win.next-lead", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "win.previous-lead", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.find-duplicates", NULL);
  for (int i = 0; i < RF_N_LEAD_STATUSES; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK, "win.set-status", "i", i);
  for (int i = 0; i < RF_N_SCORE_BUCKETS; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, "win.toggle-bucket", "i", i);
}

/* Single keys act only where typing cannot mean text: on the table. */
void
rf_window_init_actions (RfWindow *self)
{
  static const struct { const char *trigger; const char *action; } keys[] = {
    { "j", "win.next-lead" },
    { "k", "win.previous-lead" },
    { "Delete", "win.delete" },
    { "KP_Delete", "win.delete" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (keys[i].trigger),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self->table), controller);
}

void
rf_window_update_actions (RfWindow *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  gboolean selected = self->model != NULL && rf_lead_table_get_selected (self->table) != GTK_INVALID_LIST_POSITION;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.delete", selected);
  gtk_widget_action_set_enabled (widget, "win.set-status", selected);
  gtk_widget_action_set_enabled (widget, "win.next-lead", n > 0);
  gtk_widget_action_set_enabled (widget, "win.previous-lead", n > 0);
  gtk_widget_action_set_enabled (widget, "win.export-selection", selected);
  gtk_widget_action_set_enabled (widget, "win.rescore", selected && self->engine != NULL);
  gtk_widget_action_set_enabled (widget, "win.export-shown", n > 0);
  gtk_widget_action_set_enabled (widget, "win.search", self->model != NULL);
}
