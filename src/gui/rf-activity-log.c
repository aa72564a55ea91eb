/* rf-activity-log.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-activity-dao.h"
#include "rf-activity-log.h"
#include "rf-activity-row.h"
#include "rf-gui-labels.h"

struct _RfActivityLog
{
  GtkWidget      parent_instance;

  RfActivityDao *dao;
  RfDatabase    *database;
  gint64         lead_id;
  GCancellable  *cancellable;
  guint          pending;
  guint          n_shown;
  gulong         changed_id;
  GDateTime     *due;

  GtkDropDown   *kind;
  GtkEntry      *body;
  GtkMenuButton *due_button;
  GtkCalendar   *calendar;
  GtkListBox    *list;
};

G_DEFINE_FINAL_TYPE (RfActivityLog, rf_activity_log, GTK_TYPE_WIDGET)

static void reload (RfActivityLog *self);

static void
remove_rows (RfActivityLog *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
  self->n_shown = 0;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RfActivityLog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RfActivity) saved = rf_activity_dao_save_finish (RF_ACTIVITY_DAO (object), result, &error);

  self->pending--;
  if (saved == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Cannot save the activity: %s", error->message);
  /* "changed::activities" reloads the list. */
}

static void
row_done_toggled_cb (RfActivityRow *row,
                     gboolean       done,
                     RfActivityLog *self)
{
  g_autoptr(RfActivity) copy = rf_activity_copy (rf_activity_row_get_activity (row));

  rf_activity_set_done_at (copy, done ? g_get_real_time () / G_USEC_PER_SEC : 0);
  self->pending++;
  rf_activity_dao_save_async (self->dao, copy, self->cancellable, saved_cb, g_object_ref (self));
}

static void
list_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RfActivityLog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = rf_activity_dao_list_finish (RF_ACTIVITY_DAO (object), result, &error);

  self->pending--;
  if (activities == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot list activities: %s", error->message);
      return;
    }

  remove_rows (self);
  /* Newest first. */
  for (guint i = activities->len; i > 0; i--)
    {
      GtkWidget *row = rf_activity_row_new (g_ptr_array_index (activities, i - 1));

      g_signal_connect (row, "done-toggled", G_CALLBACK (row_done_toggled_cb), self);
      gtk_list_box_append (self->list, row);
      self->n_shown++;
    }
}

static void
reload (RfActivityLog *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  remove_rows (self);
  if (self->dao == NULL || self->lead_id <= 0)
    return;
  self->pending++;
  rf_activity_dao_list_async (self->dao, self->lead_id, self->cancellable, list_ready_cb, g_object_ref (self));
}

static void
activities_changed_cb (RfDatabase    *database,
                       const char    *table,
                       RfChangeKind   kind,
                       gint64         id,
                       RfActivityLog *self)
{
  reload (self);
}

static void
update_due_label (RfActivityLog *self)
{
  g_autofree char *date = g_date_time_format (self->due, "%x");

  gtk_menu_button_set_label (self->due_button, date);
}

static void
day_selected_cb (GtkCalendar   *calendar,
                 RfActivityLog *self)
{
  g_clear_pointer (&self->due, g_date_time_unref);
  self->due = gtk_calendar_get_date (calendar);
  update_due_label (self);
  gtk_menu_button_popdown (self->due_button);
}

static void
kind_changed_cb (RfActivityLog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->due_button),
                          gtk_drop_down_get_selected (self->kind) == RF_ACTIVITY_KIND_TASK);
}

void
rf_activity_log_submit (RfActivityLog *self)
{
  g_autoptr(RfActivity) activity = NULL;
  const char *body;
  guint kind;

  g_return_if_fail (RF_IS_ACTIVITY_LOG (self));

  if (self->dao == NULL || self->lead_id <= 0)
    return;
  kind = gtk_drop_down_get_selected (self->kind);
  body = gtk_editable_get_text (GTK_EDITABLE (self->body));
  if (kind >= RF_N_LOGGED_ACTIVITY_KINDS)
    return;
  if (*body == '\0' && kind != RF_ACTIVITY_KIND_CALL && kind != RF_ACTIVITY_KIND_EMAIL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->body));
      gtk_widget_error_bell (GTK_WIDGET (self->body));
      return;
    }

  activity = rf_activity_new ();
  rf_activity_set_lead_id (activity, self->lead_id);
  rf_activity_set_kind (activity, kind);
  rf_activity_set_body (activity, body);
  if (kind == RF_ACTIVITY_KIND_TASK)
    rf_activity_set_due_at (activity, g_date_time_to_unix (self->due));
  self->pending++;
  rf_activity_dao_save_async (self->dao, activity, self->cancellable, saved_cb, g_object_ref (self));
  gtk_editable_set_text (GTK_EDITABLE (self->body), "");
}

static void
submit_cb (RfActivityLog *self)
{
  rf_activity_log_submit (self);
}

static void
rf_activity_log_dispose (GObject *object)
{
  RfActivityLog *self = RF_ACTIVITY_LOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->database != NULL)
    g_clear_signal_handler (&self->changed_id, self->database);
  gtk_widget_dispose_template (GTK_WIDGET (self), RF_TYPE_ACTIVITY_LOG);
  /* Template children without an id are not unparented by that. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->dao);
  g_clear_object (&self->database);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->due, g_date_time_unref);

  G_OBJECT_CLASS (rf_activity_log_parent_class)->dispose (object);
}

static void
rf_activity_log_class_init (RfActivityLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rf_activity_log_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gui/rf-activity-log.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RfActivityLog, kind);
  gtk_widget_class_bind_template_child (widget_class, RfActivityLog, body);
  gtk_widget_class_bind_template_child (widget_class, RfActivityLog, due_button);
  gtk_widget_class_bind_template_child (widget_class, RfActivityLog, calendar);
  gtk_widget_class_bind_template_child (widget_class, RfActivityLog, list);
  gtk_widget_class_bind_template_callback (widget_class, submit_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
}

static void
rf_activity_log_init (RfActivityLog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

  gtk_widget_init_template (GTK_WIDGET (self));
  rf_gui_name_drop_down (self->kind, _("Activity kind"));
  self->cancellable = g_cancellable_new ();

  for (guint i = 0; i < RF_N_LOGGED_ACTIVITY_KINDS; i++)
    gtk_string_list_append (kinds, rf_gui_activity_kind_label (i));
  gtk_drop_down_set_model (self->kind, G_LIST_MODEL (kinds));
  gtk_drop_down_set_selected (self->kind, RF_ACTIVITY_KIND_NOTE);

  /* Tasks are due tomorrow at 9 unless the user picks a day. */
  self->due = g_date_time_new_local (g_date_time_get_year (tomorrow), g_date_time_get_month (tomorrow),
                                     g_date_time_get_day_of_month (tomorrow), 9, 0, 0);
  gtk_calendar_select_day (self->calendar, self->due);
  update_due_label (self);
  kind_changed_cb (self);
}

void
rf_activity_log_set_database (RfActivityLog *self,
                              RfDatabase    *database)
{
  g_return_if_fail (RF_IS_ACTIVITY_LOG (self));
  g_return_if_fail (RF_IS_DATABASE (database));

  if (self->database != NULL)
    g_clear_signal_handler (&self->changed_id, self->database);
  g_set_object (&self->database, database);
  g_clear_object (&self->dao);
  self->dao = rf_activity_dao_new (database);
  self->changed_id = g_signal_connect (database, "changed::activities",
                                       G_CALLBACK (activities_changed_cb), self);
  reload (self);
}

void
rf_activity_log_set_lead_id (RfActivityLog *self,
                             gint64         lead_id)
{
  g_return_if_fail (RF_IS_ACTIVITY_LOG (self));

  if (self->lead_id == lead_id)
    return;
  self->lead_id = lead_id;
  gtk_editable_set_text (GTK_EDITABLE (self->body), "");
  reload (self);
}

guint
rf_activity_log_get_n_shown (RfActivityLog *self)
{
  g_return_val_if_fail (RF_IS_ACTIVITY_LOG (self), 0);

  return self->n_shown;
}

gboolean
rf_activity_log_get_loading (RfActivityLog *self)
{
  g_return_val_if_fail (RF_IS_ACTIVITY_LOG (self), FALSE);

  return self->pending > 0;
}
