/* rf-profiles-view.c: the form writes into the current profile as the
 * user types; a valid profile is saved a moment after the last change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-icp-dao.h"
#include "rf-icp-template.h"
#include "rf-lead-dao.h"
#include "rf-profiles-view-private.h"
#include "rf-window.h"



G_DEFINE_FINAL_TYPE (RfProfilesView, rf_profiles_view, GTK_TYPE_WIDGET)

static void save_now     (RfProfilesView *self);
static void save_profile (RfProfilesView *self,
                          RfIcpProfile   *profile);

static const char *
profile_title (RfIcpProfile *profile)
{
  const char *name = rf_icp_profile_get_name (profile);

  return name != NULL && *name != '\0' ? name : _("Unnamed profile");
}

static void
toast (RfProfilesView *self,
       AdwToast       *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (RF_IS_WINDOW (root))
    rf_window_add_toast (RF_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
error_toast (RfProfilesView *self,
             const char     *what,
             const GError   *error)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", what, error->message);
  /* Toast titles are markup: names and messages are not. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *t = adw_toast_new (escaped);

  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  toast (self, t);
}

/* The list. */

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  RfIcpProfile *profile = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), profile_title (profile));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rf_icp_profile_get_active (profile) ? _("Active")
                                                                                          : _("Inactive"));
  return row;
}

static void
refresh_row (RfProfilesView *self)
{
  guint position;
  GtkListBoxRow *row;

  if (self->current == NULL || !g_list_store_find (self->profiles, self->current, &position))
    return;
  row = gtk_list_box_get_row_at_index (self->list_box, position);
  if (row == NULL)
    return;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), profile_title (self->current));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rf_icp_profile_get_active (self->current) ? _("Active")
                                                                                                 : _("Inactive"));
}

/* Validation. */

static gboolean
has_any (const char * const *values)
{
  return values != NULL && values[0] != NULL;
}

static const char *
find_problem (RfIcpProfile *profile)
{
  const char *name = rf_icp_profile_get_name (profile);

  if (name == NULL || *name == '\0')
    return _("A profile needs a name.");
  if (!has_any (rf_icp_profile_get_size_buckets (profile)) && !has_any (rf_icp_profile_get_industries (profile))
      && !has_any (rf_icp_profile_get_locations (profile)) && !has_any (rf_icp_profile_get_hiring_keywords (profile))
      && !has_any (rf_icp_profile_get_pain_keywords (profile)))
    return _("Add at least one criterion: a company size, an industry, a location or a keyword.");
  return NULL;
}

void
rf_profiles_view_show_validation (RfProfilesView *self)
{
  const char *name = self->current != NULL ? rf_icp_profile_get_name (self->current) : NULL;
  gboolean name_missing = self->current != NULL && (name == NULL || *name == '\0');

  self->problem = self->current != NULL ? find_problem (self->current) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->name_error), name_missing);
  if (name_missing)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->criteria_error), self->problem != NULL && !name_missing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rescore_button),
                            self->engine != NULL && self->problem == NULL && !self->rescoring
                              && self->current != NULL && rf_icp_profile_get_id (self->current) > 0);
}

static void
set_save_label (RfProfilesView *self)
{
  if (self->current == NULL)
    return;
  if (self->problem != NULL)
    gtk_label_set_text (self->save_label, _("Not saved: fix what is marked."));
  else if (self->saving > 0 || self->save_id != 0)
    gtk_label_set_text (self->save_label, _("Saving…"));
  else
    gtk_label_set_text (self->save_label, _("All changes saved."));
}

/* Saving. */

static void
save_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RfIcpProfile) profile = user_data;   /* the one in the list */
  g_autoptr(GError) error = NULL;
  g_autoptr(RfIcpProfile) saved = rf_icp_dao_save_finish (RF_ICP_DAO (object), result, &error);
  RfProfilesView *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = g_object_get_data (G_OBJECT (profile), "rf-profiles-view");
  if (self == NULL)
    return;
  self->saving--;
  if (saved == NULL)
    {
      error_toast (self, _("Cannot save the profile"), error);
      set_save_label (self);
      return;
    }
  if (rf_icp_profile_get_id (profile) == 0)
    rf_icp_profile_set_id (profile, rf_icp_profile_get_id (saved));
  /* Changed again while it was being saved: save again. */
  if (g_object_get_data (G_OBJECT (profile), "dirty") != NULL)
    {
      g_object_set_data (G_OBJECT (profile), "dirty", NULL);
      save_profile (self, profile);
    }
  rf_profiles_view_show_validation (self);
  set_save_label (self);
}

static void
save_profile (RfProfilesView *self,
              RfIcpProfile   *profile)
{
  g_autoptr(RfIcpProfile) copy = NULL;

  if (find_problem (profile) != NULL)
    return;
  /* An unsaved profile has no id yet: a second save would make a twin. */
  if (self->saving > 0 && rf_icp_profile_get_id (profile) == 0)
    {
      g_object_set_data (G_OBJECT (profile), "dirty", GINT_TO_POINTER (TRUE));
      return;
    }
  copy = rf_icp_profile_copy (profile);
  self->saving++;
  g_object_set_data (G_OBJECT (profile), "rf-profiles-view", self);
  rf_icp_dao_save_async (self->dao, copy, self->cancellable, save_ready_cb, g_object_ref (profile));
}

static void
save_now (RfProfilesView *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->current != NULL && self->dao != NULL)
    save_profile (self, self->current);
  set_save_label (self);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  RfProfilesView *self = user_data;

  self->save_id = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (RfProfilesView *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->problem == NULL)
    self->save_id = g_timeout_add (RF_PROFILES_VIEW_SAVE_DELAY_MS, save_timeout_cb, self);
  set_save_label (self);
}

/* Form to profile. */

static void
form_changed (RfProfilesView *self)
{
  g_autoptr(GPtrArray) sizes = NULL;
  g_autofree char *name = NULL;

  if (self->loading || self->current == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  rf_icp_profile_set_name (self->current, *name != '\0' ? name : NULL);
  rf_icp_profile_set_description (self->current, gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  rf_icp_profile_set_active (self->current, gtk_switch_get_active (self->active_switch));

  sizes = g_ptr_array_new ();
  for (guint i = 0; i < self->size_toggles->len; i++)
    if (gtk_toggle_button_get_active (g_ptr_array_index (self->size_toggles, i)))
      g_ptr_array_add (sizes, (gpointer)rf_size_buckets[i]);
  g_ptr_array_add (sizes, NULL);
  rf_icp_profile_set_size_buckets (self->current, (const char * const *)sizes->pdata);
  rf_icp_profile_set_industries (self->current, rf_tag_entry_get_tags (self->industries_entry));
  rf_icp_profile_set_locations (self->current, rf_tag_entry_get_tags (self->locations_entry));
  rf_icp_profile_set_hiring_keywords (self->current, rf_tag_entry_get_tags (self->hiring_entry));
  rf_icp_profile_set_pain_keywords (self->current, rf_tag_entry_get_tags (self->pain_entry));

  refresh_row (self);
  rf_profiles_view_show_validation (self);
  schedule_save (self);
}

static void
changed_cb (RfProfilesView *self)
{
  form_changed (self);
}

/* Profile to form. */

static void
load_form (RfProfilesView *self)
{
  RfIcpProfile *profile = self->current;
  const char * const *sizes;

  if (profile == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         rf_icp_profile_get_name (profile) != NULL ? rf_icp_profile_get_name (profile) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         rf_icp_profile_get_description (profile) != NULL ? rf_icp_profile_get_description (profile)
                                                                          : "");
  gtk_switch_set_active (self->active_switch, rf_icp_profile_get_active (profile));
  sizes = rf_icp_profile_get_size_buckets (profile);
  for (guint i = 0; i < self->size_toggles->len; i++)
    gtk_toggle_button_set_active (g_ptr_array_index (self->size_toggles, i),
                                  sizes != NULL && g_strv_contains (sizes, rf_size_buckets[i]));
  rf_tag_entry_set_tags (self->industries_entry, rf_icp_profile_get_industries (profile));
  rf_tag_entry_set_tags (self->locations_entry, rf_icp_profile_get_locations (profile));
  rf_tag_entry_set_tags (self->hiring_entry, rf_icp_profile_get_hiring_keywords (profile));
  rf_tag_entry_set_tags (self->pain_entry, rf_icp_profile_get_pain_keywords (profile));
  self->loading = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->rescore_bar), FALSE);
  gtk_label_set_text (self->rescore_label, "");
  rf_profiles_view_show_validation (self);
  set_save_label (self);
  gtk_stack_set_visible_child_name (self->stack, "form");
}

static void
set_current (RfProfilesView *self,
             RfIcpProfile   *profile)
{
  if (self->current == profile)
    return;
  /* Leaving a profile saves what is pending on it. */
  if (self->save_id != 0)
    save_now (self);
  self->current = profile;
  load_form (self);
}

static void
row_selected_cb (GtkListBox     *list_box,
                 GtkListBoxRow  *row,
                 RfProfilesView *self)
{
  g_autoptr(RfIcpProfile) profile = NULL;

  if (row == NULL)
    return;
  profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), gtk_list_box_row_get_index (row));
  set_current (self, profile);
}

void
rf_profiles_view_select (RfProfilesView *self,
                         guint           position)
{
  GtkListBoxRow *row;

  g_return_if_fail (RF_IS_PROFILES_VIEW (self));

  row = gtk_list_box_get_row_at_index (self->list_box, position);
  if (row != NULL)
    gtk_list_box_select_row (self->list_box, row);
}

/* Loading the list. */

static void
list_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  RfProfilesView *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = rf_icp_dao_list_finish (RF_ICP_DAO (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->listing = FALSE;
  if (profiles == NULL)
    {
      error_toast (self, _("Cannot list the profiles"), error);
      return;
    }
  self->current = NULL;
  g_list_store_splice (self->profiles, 0, g_list_model_get_n_items (G_LIST_MODEL (self->profiles)),
                       profiles->pdata, profiles->len);
  if (profiles->len > 0)
    rf_profiles_view_select (self, 0);
  else
    load_form (self);
}

static void
reload (RfProfilesView *self)
{
  if (self->dao == NULL)
    return;
  self->listing = TRUE;
  rf_icp_dao_list_async (self->dao, FALSE, self->cancellable, list_ready_cb, self);
}

/* Adding, duplicating, deleting. */

static void
append_and_select (RfProfilesView *self,
                   RfIcpProfile   *profile)
{
  g_list_store_append (self->profiles, profile);
  rf_profiles_view_select (self, g_list_model_get_n_items (G_LIST_MODEL (self->profiles)) - 1);
}

void
rf_profiles_view_add (RfProfilesView *self,
                      const char     *template_id)
{
  g_autoptr(RfIcpProfile) profile = NULL;

  g_return_if_fail (RF_IS_PROFILES_VIEW (self));

  if (template_id != NULL)
    profile = rf_icp_template_new (template_id);
  if (profile == NULL)
    {
      profile = rf_icp_profile_new ();
      rf_icp_profile_set_active (profile, TRUE);
    }
  append_and_select (self, profile);
  /* A template is complete: keep it at once. An empty one waits for a name. */
  if (template_id != NULL)
    save_now (self);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

void
rf_profiles_view_duplicate (RfProfilesView *self)
{
  g_autoptr(RfIcpProfile) copy = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (RF_IS_PROFILES_VIEW (self));

  if (self->current == NULL)
    return;
  copy = rf_icp_profile_copy (self->current);
  rf_icp_profile_set_id (copy, 0);
  /* Translators: the name of a duplicated profile */
  name = g_strdup_printf (_("%s (copy)"), profile_title (self->current));
  rf_icp_profile_set_name (copy, name);
  append_and_select (self, copy);
  save_now (self);
}

typedef struct
{
  GWeakRef      view;
  RfIcpProfile *profile;
} Deletion;

static void
deletion_free (gpointer data)
{
  Deletion *deletion = data;

  g_weak_ref_clear (&deletion->view);
  g_object_unref (deletion->profile);
  g_free (deletion);
}

static void
undo_delete_cb (AdwToast *t,
                Deletion *deletion)
{
  g_autoptr(RfProfilesView) self = g_weak_ref_get (&deletion->view);
  g_autoptr(RfIcpProfile) restored = NULL;

  if (self == NULL)
    return;
  /* Saved again as a new profile; leads keep their scores. */
  restored = rf_icp_profile_copy (deletion->profile);
  rf_icp_profile_set_id (restored, 0);
  append_and_select (self, restored);
  save_now (self);
}

static void
delete_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RfProfilesView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rf_icp_dao_delete_finish (RF_ICP_DAO (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    error_toast (self, _("Cannot delete the profile"), error);
}

void
rf_profiles_view_delete (RfProfilesView *self)
{
  g_autoptr(RfIcpProfile) profile = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  Deletion *deletion;
  AdwToast *t;
  guint position;
  guint n;

  g_return_if_fail (RF_IS_PROFILES_VIEW (self));

  if (self->current == NULL || !g_list_store_find (self->profiles, self->current, &position))
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  profile = g_object_ref (self->current);
  g_object_set_data (G_OBJECT (profile), "rf-profiles-view", NULL);
  self->current = NULL;
  g_list_store_remove (self->profiles, position);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));
  if (n > 0)
    rf_profiles_view_select (self, MIN (position, n - 1));
  else
    load_form (self);

  if (rf_icp_profile_get_id (profile) > 0)
    rf_icp_dao_delete_async (self->dao, rf_icp_profile_get_id (profile), self->cancellable, delete_ready_cb,
                             g_object_ref (self));

  title = g_strdup_printf (_("“%s” deleted"), profile_title (profile));
  escaped = g_markup_escape_text (title, -1);
  t = adw_toast_new (escaped);
  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  deletion = g_new0 (Deletion, 1);
  g_weak_ref_init (&deletion->view, self);
  deletion->profile = g_steal_pointer (&profile);
  g_signal_connect_data (t, "button-clicked", G_CALLBACK (undo_delete_cb), deletion,
                         (GClosureNotify)(void (*) (void))deletion_free, 0);
  toast (self, t);
}

/* Actions. */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  const char *template_id = g_variant_get_string (parameter, NULL);

  rf_profiles_view_add (RF_PROFILES_VIEW (widget), *template_id != '\0' ? template_id : NULL);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  rf_profiles_view_duplicate (RF_PROFILES_VIEW (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  rf_profiles_view_delete (RF_PROFILES_VIEW (widget));
}

static void
rescore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  rf_profiles_view_rescore (RF_PROFILES_VIEW (widget));
}

/* The object. */

static void
build_size_toggles (RfProfilesView *self)
{
  for (guint i = 0; rf_size_buckets[i] != NULL; i++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (rf_size_buckets[i]);
      g_autofree char *label = NULL;

      if (g_str_equal (rf_size_buckets[i], "1"))
        label = g_strdup (_("1 person: a solo founder"));
      else
        /* Translators: the accessible name of a company size chip, e.g. "2-10 people" */
        label = g_strdup_printf (_("%s people"), rf_size_buckets[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_tooltip_text (toggle, label);
      gtk_widget_add_css_class (toggle, "chip");
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->size_box, toggle);
      gtk_widget_set_focusable (gtk_widget_get_parent (toggle), FALSE);
      g_ptr_array_add (self->size_toggles, toggle);
    }
}

static void
rf_profiles_view_dispose (GObject *object)
{
  RfProfilesView *self = RF_PROFILES_VIEW (object);

  /* What was typed last is not lost. */
  if (self->save_id != 0)
    save_now (self);
  g_cancellable_cancel (self->cancellable);
  if (self->engine != NULL)
    g_clear_signal_handler (&self->completed_id, self->engine);
  for (guint i = 0; self->profiles != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->profiles)); i++)
    {
      g_autoptr(GObject) profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);
      g_object_set_data (profile, "rf-profiles-view", NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), RF_TYPE_PROFILES_VIEW);
  /* The template's top widget is not bound: GTK 4.8 leaves it. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  self->current = NULL;
  g_clear_object (&self->profiles);
  g_clear_object (&self->engine);
  g_clear_object (&self->dao);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (rf_profiles_view_parent_class)->dispose (object);
}

static void
rf_profiles_view_finalize (GObject *object)
{
  RfProfilesView *self = RF_PROFILES_VIEW (object);

  g_clear_object (&self->cancellable);
  g_ptr_array_unref (self->size_toggles);

  G_OBJECT_CLASS (rf_profiles_view_parent_class)->finalize (object);
}

static void
rf_profiles_view_class_init (RfProfilesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rf_profiles_view_dispose;
  object_class->finalize = rf_profiles_view_finalize;

  g_type_ensure (RF_TYPE_TAG_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gui/rf-profiles-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RfProfilesView, list_box);
  gtk_widget_class_bind_template_child (widget_class, RfProfilesView, stack);
  gtk_widget_class_bind_template_child (widget_class, RfProfilesView, name_row);
  gtk_widget_class_bind_template_child (widget_class, RfProfilesView, name_error);
  gtk_widget_class_bind_template_child (widget_class, RfProfilesView, description_row);
  gtk_widget_class_bind_template_child (widget_class, RfProfilesView, active_switch);
  gtk_widget_class_bind_template_child (widget_class, RfProfilesView, size_box);
  gtk_widget_class_bind_template_child (widget_class, RfProfilesView, industries_entry);
  gtk_widget_class_bind_template_child (widget_class, RfProfilesView, locations_entry);
  gtk_widget_class_bind_template_child (widget_class, RfProfilesView, hiring_entry);
  gtk_widget_class_bind_template_child (widget_class, RfProfilesView, pain_entry);
  gtk_widget_class_bind_template_child (widget_class, RfProfilesView, criteria_error);
  gtk_widget_class_bind_template_child (widget_class, RfProfilesView, save_label);
  gtk_widget_class_bind_template_child (widget_class, RfProfilesView, rescore_button);
  gtk_widget_class_bind_template_child (widget_class, RfProfilesView, rescore_bar);
  gtk_widget_class_bind_template_child (widget_class, RfProfilesView, rescore_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);

  gtk_widget_class_install_action (widget_class, "profiles.new", "s", new_action);
  gtk_widget_class_install_action (widget_class, "profiles.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "profiles.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "profiles.rescore", NULL, rescore_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rf_profiles_view_init (RfProfilesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->profiles = g_list_store_new (RF_TYPE_ICP_PROFILE);
  self->size_toggles = g_ptr_array_new ();
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->profiles), create_row, self, NULL);
  build_size_toggles (self);
  load_form (self);
}

GtkWidget *
rf_profiles_view_new (void)
{
  return g_object_new (RF_TYPE_PROFILES_VIEW, NULL);
}

void
rf_profiles_view_set_database (RfProfilesView *self,
                               RfDatabase     *database)
{
  g_return_if_fail (RF_IS_PROFILES_VIEW (self));
  g_return_if_fail (database == NULL || RF_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;
  g_clear_object (&self->dao);
  if (database != NULL)
    {
      self->dao = rf_icp_dao_new (database);
      reload (self);
    }
}

void
rf_profiles_view_set_engine (RfProfilesView *self,
                             RfLeadEngine   *engine)
{
  g_return_if_fail (RF_IS_PROFILES_VIEW (self));

  if (self->engine != NULL)
    g_clear_signal_handler (&self->completed_id, self->engine);
  self->rescoring = FALSE;
  g_set_object (&self->engine, engine);
  rf_profiles_view_show_validation (self);
}

GListModel *
rf_profiles_view_get_profiles (RfProfilesView *self)
{
  g_return_val_if_fail (RF_IS_PROFILES_VIEW (self), NULL);
  return G_LIST_MODEL (self->profiles);
}

RfIcpProfile *
rf_profiles_view_get_current (RfProfilesView *self)
{
  g_return_val_if_fail (RF_IS_PROFILES_VIEW (self), NULL);
  return self->current;
}

GtkEditable *
rf_profiles_view_get_name_editable (RfProfilesView *self)
{
  g_return_val_if_fail (RF_IS_PROFILES_VIEW (self), NULL);
  return GTK_EDITABLE (self->name_row);
}

RfTagEntry *
rf_profiles_view_get_tag_entry (RfProfilesView *self,
                                RfProfileTags   which)
{
  g_return_val_if_fail (RF_IS_PROFILES_VIEW (self), NULL);

  switch (which)
    {
    case RF_PROFILE_TAGS_INDUSTRIES: return self->industries_entry;
    case RF_PROFILE_TAGS_LOCATIONS: return self->locations_entry;
    case RF_PROFILE_TAGS_HIRING: return self->hiring_entry;
    case RF_PROFILE_TAGS_PAIN: return self->pain_entry;
    default: g_return_val_if_reached (NULL);
    }
}

GtkToggleButton *
rf_profiles_view_get_size_toggle (RfProfilesView *self,
                                  guint           bucket)
{
  g_return_val_if_fail (RF_IS_PROFILES_VIEW (self), NULL);
  g_return_val_if_fail (bucket < self->size_toggles->len, NULL);
  return g_ptr_array_index (self->size_toggles, bucket);
}

const char *
rf_profiles_view_get_problem (RfProfilesView *self)
{
  g_return_val_if_fail (RF_IS_PROFILES_VIEW (self), NULL);
  return self->problem;
}

gboolean
rf_profiles_view_get_busy (RfProfilesView *self)
{
  g_return_val_if_fail (RF_IS_PROFILES_VIEW (self), FALSE);
  return self->listing || self->saving > 0 || self->save_id != 0 || self->rescoring;
}
