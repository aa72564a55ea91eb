/* rf-intake-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-card-review.h"
#include "rf-intake-item.h"
#include "rf-intake-list.h"

struct _RfIntakeList
{
  GtkWidget       parent_instance;

  RfIntake       *intake;

  GtkMenuButton  *button;
  GtkSpinner     *spinner;
  GtkImage       *icon;
  GtkLabel       *count_label;
  GtkListBox     *list_box;
};

G_DEFINE_FINAL_TYPE (RfIntakeList, rf_intake_list, GTK_TYPE_WIDGET)

enum {
  SIGNAL_LEAD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Rows. */

static void
update_row (GtkWidget    *row,
            GParamSpec   *pspec,
            RfIntakeItem *item)
{
  RfIntakeItemPhase phase = rf_intake_item_get_phase (item);
  const char *message = rf_intake_item_get_message (item);
  GtkWidget *spinner = g_object_get_data (G_OBJECT (row), "spinner");
  GtkWidget *state = g_object_get_data (G_OBJECT (row), "state");
  GtkWidget *open = g_object_get_data (G_OBJECT (row), "open");
  GtkWidget *review = g_object_get_data (G_OBJECT (row), "review");
  g_autofree char *subtitle = NULL;
  gboolean running = phase != RF_INTAKE_ITEM_DONE && phase != RF_INTAKE_ITEM_FAILED;

  if (message != NULL && phase == RF_INTAKE_ITEM_FAILED)
    subtitle = g_strdup (message);
  else if (message != NULL)
    /* Translators: "Done · Scored by rules" */
    subtitle = g_strdup_printf (C_("intake phase and note", "%s · %s"), rf_intake_item_phase_label (phase), message);
  else
    subtitle = g_strdup (rf_intake_item_phase_label (phase));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_visible (spinner, running);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), running);
  gtk_widget_set_visible (state, !running);
  gtk_image_set_from_icon_name (GTK_IMAGE (state), phase == RF_INTAKE_ITEM_FAILED ? "dialog-error-symbolic"
                                                                                  : "emblem-ok-symbolic");
  if (phase == RF_INTAKE_ITEM_FAILED)
    gtk_widget_add_css_class (row, "failed");
  else
    gtk_widget_remove_css_class (row, "failed");
  gtk_widget_set_visible (open, phase == RF_INTAKE_ITEM_DONE && rf_intake_item_get_lead_id (item) > 0);
  gtk_widget_set_visible (review, rf_intake_item_has_fields (item) && rf_intake_item_get_lead_id (item) > 0);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
}

static void
open_clicked_cb (GtkButton    *button,
                 RfIntakeItem *item)
{
  RfIntakeList *self = RF_INTAKE_LIST (gtk_widget_get_ancestor (GTK_WIDGET (button), RF_TYPE_INTAKE_LIST));

  /* The popover is not a descendant once it is closed: found through the data. */
  if (self == NULL)
    self = g_object_get_data (G_OBJECT (button), "intake-list");
  gtk_menu_button_popdown (self->button);
  g_signal_emit (self, signals[SIGNAL_LEAD_ACTIVATED], 0, rf_intake_item_get_lead_id (item));
}

static void
review_clicked_cb (GtkButton    *button,
                   RfIntakeItem *item)
{
  RfIntakeList *self = g_object_get_data (G_OBJECT (button), "intake-list");
  RfLeadEngine *engine = rf_intake_get_engine (self->intake);
  RfCardReview *review;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (engine == NULL)
    return;
  gtk_menu_button_popdown (self->button);
  review = rf_card_review_new (rf_lead_engine_get_database (engine), item);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (review), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (review));
}

static GtkWidget *
create_row (gpointer data,
            gpointer user_data)
{
  RfIntakeItem *item = data;
  RfIntakeList *self = user_data;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *state = gtk_image_new ();
  GtkWidget *open = gtk_button_new_from_icon_name ("go-next-symbolic");
  GtkWidget *review = gtk_button_new_from_icon_name ("contact-new-symbolic");
  g_autofree char *open_label = NULL;
  g_autofree char *review_label = NULL;

  /* File names and pasted text are not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rf_intake_item_get_title (item));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_add_css_class (row, "intake-row");

  gtk_accessible_update_property (GTK_ACCESSIBLE (state), GTK_ACCESSIBLE_PROPERTY_LABEL, _("State"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Working"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), spinner);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), state);

  open_label = g_strdup_printf (_("Show the lead from %s"), rf_intake_item_get_title (item));
  gtk_widget_set_tooltip_text (open, _("Show Lead"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, open_label, -1);
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open, "flat");
  g_object_set_data (G_OBJECT (open), "intake-list", self);
  g_signal_connect_object (open, "clicked", G_CALLBACK (open_clicked_cb), item, 0);

  review_label = g_strdup_printf (_("Review the card fields of %s"), rf_intake_item_get_title (item));
  gtk_widget_set_tooltip_text (review, _("Review Card"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (review), GTK_ACCESSIBLE_PROPERTY_LABEL, review_label, -1);
  gtk_widget_set_valign (review, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (review, "flat");
  g_object_set_data (G_OBJECT (review), "intake-list", self);
  g_signal_connect_object (review, "clicked", G_CALLBACK (review_clicked_cb), item, 0);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), review);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);

  g_object_set_data (G_OBJECT (row), "spinner", spinner);
  g_object_set_data (G_OBJECT (row), "state", state);
  g_object_set_data (G_OBJECT (row), "open", open);
  g_object_set_data (G_OBJECT (row), "review", review);
  g_signal_connect_object (item, "notify", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  update_row (row, NULL, item);
  return row;
}

/* The button. */

static void
update_button (RfIntakeList *self)
{
  GListModel *items = rf_intake_get_items (self->intake);
  guint n = g_list_model_get_n_items (items);
  guint failed = 0;
  gboolean busy = rf_intake_get_busy (self->intake);
  g_autofree char *count = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RfIntakeItem) item = g_list_model_get_item (items, i);
      failed += rf_intake_item_get_phase (item) == RF_INTAKE_ITEM_FAILED;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), !busy);
  gtk_image_set_from_icon_name (self->icon, failed > 0 ? "dialog-warning-symbolic" : "emblem-ok-symbolic");
  count = g_strdup_printf ("%u", n);
  gtk_label_set_text (self->count_label, count);
}

static void
items_changed_cb (RfIntakeList *self)
{
  update_button (self);
}

static void
clear_clicked_cb (RfIntakeList *self)
{
  rf_intake_clear_finished (self->intake);
}

static void
rf_intake_list_dispose (GObject *object)
{
  RfIntakeList *self = RF_INTAKE_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RF_TYPE_INTAKE_LIST);
  g_clear_object (&self->intake);

  G_OBJECT_CLASS (rf_intake_list_parent_class)->dispose (object);
}

static void
rf_intake_list_class_init (RfIntakeListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rf_intake_list_dispose;

  /* The user asked to see the lead an item made. */
  signals[SIGNAL_LEAD_ACTIVATED] = g_signal_new ("lead-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gui/rf-intake-list.ui");
  gtk_widget_class_bind_template_child (widget_class, RfIntakeList, button);
  gtk_widget_class_bind_template_child (widget_class, RfIntakeList, spinner);
  gtk_widget_class_bind_template_child (widget_class, RfIntakeList, icon);
  gtk_widget_class_bind_template_child (widget_class, RfIntakeList, count_label);
  gtk_widget_class_bind_template_child (widget_class, RfIntakeList, list_box);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rf_intake_list_init (RfIntakeList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rf_intake_list_new (RfIntake *intake)
{
  RfIntakeList *self;

  g_return_val_if_fail (RF_IS_INTAKE (intake), NULL);

  self = g_object_new (RF_TYPE_INTAKE_LIST, NULL);
  self->intake = g_object_ref (intake);
  gtk_list_box_bind_model (self->list_box, rf_intake_get_items (intake), create_row, self, NULL);
  g_signal_connect_object (rf_intake_get_items (intake), "items-changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (intake, "notify::busy", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  update_button (self);
  return GTK_WIDGET (self);
}

RfIntake *
rf_intake_list_get_intake (RfIntakeList *self)
{
  g_return_val_if_fail (RF_IS_INTAKE_LIST (self), NULL);
  return self->intake;
}

void
rf_intake_list_popup (RfIntakeList *self)
{
  g_return_if_fail (RF_IS_INTAKE_LIST (self));
  gtk_menu_button_popup (self->button);
}
