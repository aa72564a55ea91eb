/* rf-duplicates-window.c: the store's likely duplicates, each group's
 * records in columns with a choice of primary; Merge moves the others into
 * it (one DAO merge each) and an Undo toast reverses them, last first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-company.h"
#include "rf-contact.h"
#include "rf-duplicate-dao.h"
#include "rf-duplicates-window.h"

typedef struct
{
  RfDuplicateGroup *group;     /* owned by the window's groups */
  GPtrArray        *checks;    /* GtkCheckButton, one per record */
  GtkButton        *merge;
} GroupView;

struct _RfDuplicatesWindow
{
  AdwWindow        parent_instance;

  RfDatabase      *database;
  RfDuplicateDao  *dao;
  GCancellable    *cancellable;     /* the current find */
  GPtrArray       *found[2];        /* RfDuplicateGroup by RfDuplicateKind */
  guint            finding;
  GError          *find_error;
  GPtrArray       *groups;          /* RfDuplicateGroup shown */
  GPtrArray       *views;           /* GroupView, in the order of groups */
  guint            busy;            /* merges or undos running */
  GArray          *undo_merges;     /* the last Merge's merge ids */
  AdwToast        *undo_toast;      /* weak */

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *error_page;
  GtkBox          *groups_box;
};

G_DEFINE_FINAL_TYPE (RfDuplicatesWindow, rf_duplicates_window, ADW_TYPE_WINDOW)

static void
group_view_free (gpointer data)
{
  GroupView *view = data;

  g_ptr_array_unref (view->checks);
  g_free (view);
}

static void
show_error_toast (RfDuplicatesWindow *self,
                  const char         *what,
                  const GError       *error)
{
  /* AdwToast titles are markup: escape the message. */
  g_autofree char *message = g_markup_escape_text (error != NULL ? error->message : "", -1);
  g_autofree char *title = g_strdup_printf ("%s: %s", what, message);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_actions (RfDuplicatesWindow *self)
{
  gboolean idle = self->busy == 0 && self->finding == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "duplicates.reload", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "duplicates.undo",
                                 idle && self->undo_merges->len > 0);
  for (guint i = 0; self->views != NULL && i < self->views->len; i++)
    {
      GroupView *view = g_ptr_array_index (self->views, i);
      gtk_widget_set_sensitive (GTK_WIDGET (view->merge), idle);
    }
}

/* Showing the groups. */

static char *
group_heading (RfDuplicateGroup *group)
{
  const char *key = group->key != NULL ? group->key : "";

  switch (group->reason)
    {
    case RF_DUPLICATE_SAME_DOMAIN:
      /* Translators: the heading of a group of companies; %s is the domain */
      return g_strdup_printf (_("Same domain: %s"), key);
    case RF_DUPLICATE_SAME_EMAIL:
      /* Translators: the heading of a group of contacts; %s is the email address */
      return g_strdup_printf (_("Same email: %s"), key);
    case RF_DUPLICATE_SAME_NAME:
      /* Translators: the heading of a group; %s is the name they share */
      return g_strdup_printf (_("Same name: %s"), key);
    case RF_DUPLICATE_SIMILAR_NAME:
    default:
      /* Translators: the heading of a group; %s is one of the similar names */
      return g_strdup_printf (_("Similar names: %s"), key);
    }
}

typedef struct
{
  const char *label;
  const char *(*get) (gpointer record);
} Field;

static const Field company_fields[] = {
  { N_("Name"), (const char *(*) (gpointer))rf_company_get_name },
  { N_("Website"), (const char *(*) (gpointer))rf_company_get_website },
  { N_("Domain"), (const char *(*) (gpointer))rf_company_get_domain },
  { N_("Industry"), (const char *(*) (gpointer))rf_company_get_industry },
  { N_("Size"), (const char *(*) (gpointer))rf_company_get_size },
  { N_("Location"), (const char *(*) (gpointer))rf_company_get_location },
};

static const Field contact_fields[] = {
  { N_("Name"), (const char *(*) (gpointer))rf_contact_get_name },
  { N_("Title"), (const char *(*) (gpointer))rf_contact_get_title },
  { N_("Email"), (const char *(*) (gpointer))rf_contact_get_email },
  { N_("Phone"), (const char *(*) (gpointer))rf_contact_get_phone },
  { N_("Address"), (const char *(*) (gpointer))rf_contact_get_address },
};

/* Text from the database: a plain label, never markup. */
static GtkWidget *
plain_label (const char *text,
             gboolean    dim)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static const char *
record_name (RfDuplicateGroup *group,
             guint             i)
{
  gpointer record = g_ptr_array_index (group->records, i);
  const char *name = group->kind == RF_DUPLICATE_COMPANY ? rf_company_get_name (record)
                                                         : rf_contact_get_name (record);

  return name != NULL && *name != '\0' ? name : _("Unnamed");
}

static void merge_clicked_cb (GtkButton          *button,
                              RfDuplicatesWindow *self);

static GtkWidget *
group_widget_new (RfDuplicatesWindow *self,
                  RfDuplicateGroup   *group,
                  guint               index)
{
  gboolean company = group->kind == RF_DUPLICATE_COMPANY;
  const Field *fields = company ? company_fields : contact_fields;
  guint n_fields = company ? G_N_ELEMENTS (company_fields) : G_N_ELEMENTS (contact_fields);
  GroupView *view = g_new0 (GroupView, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *grid = gtk_grid_new ();
  g_autofree char *heading = group_heading (group);
  g_autofree char *merge_name = NULL;
  GtkWidget *title = plain_label (heading, FALSE);
  GtkWidget *merge;
  GtkCheckButton *first = NULL;

  view->group = group;
  view->checks = g_ptr_array_new ();

  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 60);
  gtk_widget_set_valign (title, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (top), title);

  merge = gtk_button_new_with_mnemonic (_("_Merge"));
  gtk_widget_set_valign (merge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (merge, "suggested-action");
  gtk_widget_set_tooltip_text (merge, _("Merge the others into the primary"));
  /* Translators: the accessible name of a Merge button; %s is the group's heading */
  merge_name = g_strdup_printf (_("Merge the group “%s” into its primary"), heading);
  gtk_accessible_update_property (GTK_ACCESSIBLE (merge), GTK_ACCESSIBLE_PROPERTY_LABEL, merge_name, -1);
  g_signal_connect (merge, "clicked", G_CALLBACK (merge_clicked_cb), self);
  g_object_set_data (G_OBJECT (merge), "rf-group-index", GUINT_TO_POINTER (index));
  view->merge = GTK_BUTTON (merge);
  gtk_box_append (GTK_BOX (top), merge);
  gtk_box_append (GTK_BOX (box), top);

  gtk_widget_add_css_class (card, "card");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);

  for (guint f = 0; f < n_fields; f++)
    gtk_grid_attach (GTK_GRID (grid), plain_label (_(fields[f].label), TRUE), 0, (int)f + 1, 1, 1);

  for (guint r = 0; r < group->records->len; r++)
    {
      gpointer record = g_ptr_array_index (group->records, r);
      GtkWidget *check = gtk_check_button_new_with_label (_("Primary"));
      g_autofree char *check_name = NULL;

      /* Translators: the accessible name of the choice of primary; %s is a company or contact name */
      check_name = g_strdup_printf (_("Keep “%s” as the primary"), record_name (group, r));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_name, -1);
      if (first == NULL)
        first = GTK_CHECK_BUTTON (check);
      else
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), r == 0);
      g_ptr_array_add (view->checks, check);
      gtk_grid_attach (GTK_GRID (grid), check, (int)r + 1, 0, 1, 1);

      for (guint f = 0; f < n_fields; f++)
        {
          const char *value = fields[f].get (record);
          GtkWidget *label = plain_label (value != NULL && *value != '\0' ? value : "—", FALSE);

          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_widget_set_hexpand (label, TRUE);
          gtk_grid_attach (GTK_GRID (grid), label, (int)r + 1, (int)f + 1, 1, 1);
        }
    }

  gtk_box_append (GTK_BOX (card), grid);
  gtk_box_append (GTK_BOX (box), card);
  g_ptr_array_add (self->views, view);
  return box;
}

static GtkWidget *
section_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-4");
  return label;
}

static void
show_groups (RfDuplicatesWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  self->views = g_ptr_array_new_with_free_func (group_view_free);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify)rf_duplicate_group_free);

  for (int kind = RF_DUPLICATE_COMPANY; kind <= RF_DUPLICATE_CONTACT; kind++)
    {
      GPtrArray *found = self->found[kind];

      if (found == NULL || found->len == 0)
        continue;
      gtk_box_append (self->groups_box,
                      section_label (kind == RF_DUPLICATE_COMPANY ? _("Companies") : _("Contacts")));
      for (guint i = 0; i < found->len; i++)
        {
          RfDuplicateGroup *group = g_ptr_array_index (found, i);

          if (group->records == NULL || group->records->len < 2)
            continue;
          found->pdata[i] = NULL;
          g_ptr_array_add (self->groups, group);
          gtk_box_append (self->groups_box, group_widget_new (self, group, self->groups->len - 1));
        }
    }
  g_clear_pointer (&self->found[0], g_ptr_array_unref);
  g_clear_pointer (&self->found[1], g_ptr_array_unref);

  gtk_stack_set_visible_child_name (self->stack, self->groups->len > 0 ? "groups" : "empty");
}

/* Finding. */

typedef struct
{
  RfDuplicatesWindow *self;
  RfDuplicateKind     kind;
} Find;

static void
find_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Find *find = user_data;
  g_autoptr(RfDuplicatesWindow) self = find->self;
  RfDuplicateKind kind = find->kind;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = rf_duplicate_dao_find_finish (RF_DUPLICATE_DAO (object), result, &error);

  g_free (find);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* a newer find owns the counters */

  self->finding--;
  if (groups == NULL && self->find_error == NULL)
    self->find_error = g_steal_pointer (&error);
  g_clear_pointer (&self->found[kind], g_ptr_array_unref);
  self->found[kind] = g_steal_pointer (&groups);
  if (self->finding > 0)
    return;

  gtk_spinner_stop (self->spinner);
  if (self->find_error != NULL)
    {
      /* AdwStatusPage descriptions are markup. */
      g_autofree char *message = g_markup_escape_text (self->find_error->message, -1);

      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      g_clear_error (&self->find_error);
      g_clear_pointer (&self->found[0], g_ptr_array_unref);
      g_clear_pointer (&self->found[1], g_ptr_array_unref);
    }
  else
    show_groups (self);
  update_actions (self);
}

void
rf_duplicates_window_reload (RfDuplicatesWindow *self)
{
  g_return_if_fail (RF_IS_DUPLICATES_WINDOW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_error (&self->find_error);
  g_clear_pointer (&self->found[0], g_ptr_array_unref);
  g_clear_pointer (&self->found[1], g_ptr_array_unref);

  if (gtk_stack_get_visible_child_name (self->stack) == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "groups") != 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);
  self->finding = 2;
  for (int kind = RF_DUPLICATE_COMPANY; kind <= RF_DUPLICATE_CONTACT; kind++)
    {
      Find *find = g_new0 (Find, 1);

      find->self = g_object_ref (self);
      find->kind = kind;
      rf_duplicate_dao_find_async (self->dao, kind, self->cancellable, find_ready_cb, find);
    }
  update_actions (self);
}

/* Merging and undoing: one DAO call after another. */

typedef struct
{
  RfDuplicatesWindow *self;
  RfDuplicateKind     kind;
  gint64              primary_id;
  GArray             *ids;        /* to merge, or merges to undo (last first) */
  guint               next;
  GArray             *done;       /* merge ids */
} Step;

static void
step_free (Step *step)
{
  g_object_unref (step->self);
  g_array_unref (step->ids);
  g_array_unref (step->done);
  g_free (step);
}

static void merge_next (Step *step);
static void undo_next (Step *step);

static void
merge_finished (Step         *step,
                const GError *error)
{
  RfDuplicatesWindow *self = step->self;
  g_autofree char *title = NULL;
  AdwToast *toast;

  self->busy--;
  if (error != NULL)
    show_error_toast (self, _("Cannot merge"), error);
  if (step->done->len > 0)
    {
      g_array_set_size (self->undo_merges, 0);
      g_array_append_vals (self->undo_merges, step->done->data, step->done->len);
      if (step->kind == RF_DUPLICATE_COMPANY)
        title = g_strdup_printf (ngettext ("%u company merged into the primary",
                                           "%u companies merged into the primary", step->done->len),
                                 step->done->len);
      else
        title = g_strdup_printf (ngettext ("%u contact merged into the primary",
                                           "%u contacts merged into the primary", step->done->len),
                                 step->done->len);
      if (self->undo_toast != NULL)
        adw_toast_dismiss (self->undo_toast);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "duplicates.undo");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 10);
      if (self->undo_toast != NULL)
        g_object_remove_weak_pointer (G_OBJECT (self->undo_toast), (gpointer *)&self->undo_toast);
      self->undo_toast = toast;
      g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *)&self->undo_toast);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  rf_duplicates_window_reload (self);
  step_free (step);
}

static void
merge_ready_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Step *step = user_data;
  g_autoptr(GError) error = NULL;
  gint64 merge_id = rf_duplicate_dao_merge_finish (RF_DUPLICATE_DAO (object), result, &error);

  if (merge_id <= 0)
    {
      merge_finished (step, error);
      return;
    }
  g_array_append_val (step->done, merge_id);
  merge_next (step);
}

static void
merge_next (Step *step)
{
  if (step->next >= step->ids->len)
    {
      merge_finished (step, NULL);
      return;
    }
  rf_duplicate_dao_merge_async (step->self->dao, step->kind, step->primary_id,
                                g_array_index (step->ids, gint64, step->next++),
                                NULL, merge_ready_cb, step);
}

static void
merge_group (RfDuplicatesWindow *self,
             guint               index)
{
  GroupView *view;
  Step *step;

  g_assert (index < self->views->len);
  view = g_ptr_array_index (self->views, index);
  step = g_new0 (Step, 1);
  step->self = g_object_ref (self);
  step->kind = view->group->kind;
  step->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  step->done = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < view->checks->len; i++)
    {
      gint64 id = g_array_index (view->group->ids, gint64, i);

      if (gtk_check_button_get_active (g_ptr_array_index (view->checks, i)))
        step->primary_id = id;
      else
        g_array_append_val (step->ids, id);
    }
  if (step->primary_id == 0)
    {
      step_free (step);
      return;
    }
  self->busy++;
  update_actions (self);
  merge_next (step);
}

static void
merge_clicked_cb (GtkButton          *button,
                  RfDuplicatesWindow *self)
{
  if (self->busy > 0 || self->finding > 0)
    return;
  merge_group (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "rf-group-index")));
}

static void
undo_finished (Step         *step,
               const GError *error)
{
  RfDuplicatesWindow *self = step->self;

  self->busy--;
  if (error != NULL)
    show_error_toast (self, _("Cannot undo the merge"), error);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Merge undone")));
  rf_duplicates_window_reload (self);
  step_free (step);
}

static void
undo_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Step *step = user_data;
  g_autoptr(GError) error = NULL;

  if (rf_duplicate_dao_undo_finish (RF_DUPLICATE_DAO (object), result, &error) <= 0)
    {
      undo_finished (step, error);
      return;
    }
  undo_next (step);
}

static void
undo_next (Step *step)
{
  if (step->next >= step->ids->len)
    {
      undo_finished (step, NULL);
      return;
    }
  rf_duplicate_dao_undo_async (step->self->dao, g_array_index (step->ids, gint64, step->next++),
                               NULL, undo_ready_cb, step);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RfDuplicatesWindow *self = RF_DUPLICATES_WINDOW (widget);
  Step *step;

  if (self->undo_merges->len == 0 || self->busy > 0)
    return;
  step = g_new0 (Step, 1);
  step->self = g_object_ref (self);
  step->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  step->done = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = self->undo_merges->len; i > 0; i--)
    g_array_append_val (step->ids, g_array_index (self->undo_merges, gint64, i - 1));
  g_array_set_size (self->undo_merges, 0);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  self->busy++;
  update_actions (self);
  undo_next (step);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  rf_duplicates_window_reload (RF_DUPLICATES_WINDOW (widget));
}

static gboolean
close_shortcut (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  gtk_window_close (GTK_WINDOW (widget));
  return TRUE;
}

/* The object. */

static void
rf_duplicates_window_dispose (GObject *object)
{
  RfDuplicatesWindow *self = RF_DUPLICATES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->undo_toast != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->undo_toast), (gpointer *)&self->undo_toast);
      self->undo_toast = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), RF_TYPE_DUPLICATES_WINDOW);
  G_OBJECT_CLASS (rf_duplicates_window_parent_class)->dispose (object);
}

static void
rf_duplicates_window_finalize (GObject *object)
{
  RfDuplicatesWindow *self = RF_DUPLICATES_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->dao);
  g_clear_object (&self->database);
  g_clear_pointer (&self->found[0], g_ptr_array_unref);
  g_clear_pointer (&self->found[1], g_ptr_array_unref);
  g_clear_error (&self->find_error);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_array_unref (self->undo_merges);
  G_OBJECT_CLASS (rf_duplicates_window_parent_class)->finalize (object);
}

static void
rf_duplicates_window_class_init (RfDuplicatesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rf_duplicates_window_dispose;
  object_class->finalize = rf_duplicates_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gui/rf-duplicates-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RfDuplicatesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RfDuplicatesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RfDuplicatesWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, RfDuplicatesWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RfDuplicatesWindow, groups_box);

  gtk_widget_class_install_action (widget_class, "duplicates.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "duplicates.reload", NULL, reload_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, close_shortcut, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "duplicates.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "duplicates.reload", NULL);
}

static void
rf_duplicates_window_init (RfDuplicatesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->undo_merges = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

RfDuplicatesWindow *
rf_duplicates_window_new (RfDatabase *database)
{
  RfDuplicatesWindow *self;

  g_return_val_if_fail (RF_IS_DATABASE (database), NULL);

  self = g_object_new (RF_TYPE_DUPLICATES_WINDOW, NULL);
  self->database = g_object_ref (database);
  self->dao = rf_duplicate_dao_new (database);
  rf_duplicates_window_reload (self);
  return self;
}

gboolean
rf_duplicates_window_is_idle (RfDuplicatesWindow *self)
{
  g_return_val_if_fail (RF_IS_DUPLICATES_WINDOW (self), FALSE);

  return self->finding == 0 && self->busy == 0;
}

const char *
rf_duplicates_window_get_page (RfDuplicatesWindow *self)
{
  g_return_val_if_fail (RF_IS_DUPLICATES_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

guint
rf_duplicates_window_get_n_groups (RfDuplicatesWindow *self)
{
  g_return_val_if_fail (RF_IS_DUPLICATES_WINDOW (self), 0);

  return self->views != NULL ? self->views->len : 0;
}

GtkCheckButton *
rf_duplicates_window_get_primary_check (RfDuplicatesWindow *self,
                                        guint               group,
                                        guint               record)
{
  GroupView *view;

  g_return_val_if_fail (RF_IS_DUPLICATES_WINDOW (self), NULL);
  g_return_val_if_fail (group < rf_duplicates_window_get_n_groups (self), NULL);

  view = g_ptr_array_index (self->views, group);
  g_return_val_if_fail (record < view->checks->len, NULL);
  return g_ptr_array_index (view->checks, record);
}

GtkButton *
rf_duplicates_window_get_merge_button (RfDuplicatesWindow *self,
                                       guint               group)
{
  GroupView *view;

  g_return_val_if_fail (RF_IS_DUPLICATES_WINDOW (self), NULL);
  g_return_val_if_fail (group < rf_duplicates_window_get_n_groups (self), NULL);

  view = g_ptr_array_index (self->views, group);
  return view->merge;
}
