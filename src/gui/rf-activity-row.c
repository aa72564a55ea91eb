/* rf-activity-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-activity-row.h"
#include "rf-gui-labels.h"

struct _RfActivityRow
{
  GtkListBoxRow   parent_instance;

  RfActivity     *activity;

  GtkImage       *icon;
  GtkLabel       *kind_label;
  GtkLabel       *time_label;
  GtkLabel       *body_label;
  GtkLabel       *due_label;
  GtkCheckButton *done_check;
};

G_DEFINE_FINAL_TYPE (RfActivityRow, rf_activity_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  SIGNAL_DONE_TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
done_toggled_cb (GtkCheckButton *check,
                 RfActivityRow  *self)
{
  g_signal_emit (self, signals[SIGNAL_DONE_TOGGLED], 0, gtk_check_button_get_active (check));
}

static void
rf_activity_row_dispose (GObject *object)
{
  RfActivityRow *self = RF_ACTIVITY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RF_TYPE_ACTIVITY_ROW);
  g_clear_object (&self->activity);

  G_OBJECT_CLASS (rf_activity_row_parent_class)->dispose (object);
}

static void
rf_activity_row_class_init (RfActivityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rf_activity_row_dispose;

  signals[SIGNAL_DONE_TOGGLED] =
    g_signal_new ("done-toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gui/rf-activity-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RfActivityRow, icon);
  gtk_widget_class_bind_template_child (widget_class, RfActivityRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, RfActivityRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, RfActivityRow, body_label);
  gtk_widget_class_bind_template_child (widget_class, RfActivityRow, due_label);
  gtk_widget_class_bind_template_child (widget_class, RfActivityRow, done_check);
}

static void
rf_activity_row_init (RfActivityRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
rf_activity_row_fill (RfActivityRow *self)
{
  RfActivity *activity = self->activity;
  RfActivityKind kind = rf_activity_get_kind (activity);
  const char *body = rf_activity_get_body (activity);
  g_autofree char *created = rf_gui_format_date_time (rf_activity_get_created_at (activity));
  gboolean is_task = kind == RF_ACTIVITY_KIND_TASK;

  gtk_image_set_from_icon_name (self->icon, rf_gui_activity_kind_icon (kind));
  gtk_label_set_text (self->kind_label, rf_gui_activity_kind_label (kind));
  gtk_label_set_text (self->time_label, created);
  gtk_label_set_text (self->body_label, body != NULL ? body : "");
  gtk_widget_set_visible (GTK_WIDGET (self->body_label), body != NULL && *body != '\0');

  gtk_widget_set_visible (GTK_WIDGET (self->done_check), is_task);
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), is_task && rf_activity_get_due_at (activity) > 0);
  if (is_task)
    {
      g_autofree char *due = rf_gui_format_date (rf_activity_get_due_at (activity));
      /* Translators: when a task is due */
      g_autofree char *text = g_strdup_printf (_("Due %s"), due);
      gboolean done = rf_activity_get_done_at (activity) > 0;

      gtk_label_set_text (self->due_label, text);
      g_signal_handlers_block_by_func (self->done_check, done_toggled_cb, self);
      gtk_check_button_set_active (self->done_check, done);
      g_signal_handlers_unblock_by_func (self->done_check, done_toggled_cb, self);
      if (done)
        gtk_widget_add_css_class (GTK_WIDGET (self), "done");
    }
}

GtkWidget *
rf_activity_row_new (RfActivity *activity)
{
  RfActivityRow *self;

  g_return_val_if_fail (RF_IS_ACTIVITY (activity), NULL);

  self = g_object_new (RF_TYPE_ACTIVITY_ROW, NULL);
  self->activity = g_object_ref (activity);
  rf_activity_row_fill (self);
  g_signal_connect (self->done_check, "toggled", G_CALLBACK (done_toggled_cb), self);
  return GTK_WIDGET (self);
}

RfActivity *
rf_activity_row_get_activity (RfActivityRow *self)
{
  g_return_val_if_fail (RF_IS_ACTIVITY_ROW (self), NULL);

  return self->activity;
}
