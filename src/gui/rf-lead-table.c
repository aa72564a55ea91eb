/* rf-lead-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-gui-labels.h"
#include "rf-lead-table.h"
#include "rf-score-bar.h"
#include "rf-scoring.h"

struct _RfLeadTable
{
  GtkWidget           parent_instance;

  GtkScrolledWindow  *scroller;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *score_column;
  GtkColumnViewColumn *bucket_column;
  GtkColumnViewColumn *company_column;
  GtkColumnViewColumn *contact_column;
  GtkColumnViewColumn *role_column;
  GtkColumnViewColumn *tags_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *source_column;
  GtkColumnViewColumn *profile_column;
  GtkColumnViewColumn *added_column;

  GtkMultiSelection  *selection;

  GSimpleActionGroup *column_actions;   /* "columns.NAME", shown or not */
  GMenu              *columns_section;  /* the actions' items */
  GMenu              *columns_menu;     /* the headers' menu: the items, titled */
  GSettings          *settings;         /* NULL: nothing remembered */
};

G_DEFINE_FINAL_TYPE (RfLeadTable, rf_lead_table, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SORT_CHANGED,
  SIGNAL_ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Cells. A row's lead arrives after the row is shown, so each cell
 * follows its row's "lead". */

typedef void (*CellUpdate) (GtkListItem *item,
                            RfLead      *lead);

static void
row_lead_notify_cb (RfLeadRow   *row,
                    GParamSpec  *pspec,
                    GtkListItem *item)
{
  CellUpdate update = g_object_get_data (G_OBJECT (item), "rf-cell-update");

  update (item, rf_lead_row_get_lead (row));
}

static void
bind_with (GtkListItem *item,
           CellUpdate   update)
{
  RfLeadRow *row = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (item), "rf-cell-update", update);
  g_signal_connect_object (row, "notify::lead", G_CALLBACK (row_lead_notify_cb), item, 0);
  update (item, rf_lead_row_get_lead (row));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  RfLeadRow *row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, row_lead_notify_cb, item);
}

static void
setup_text_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 6);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), 14);
  gtk_list_item_set_child (item, inscription);
}

static void
setup_score_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *bar = rf_score_bar_new ();

  gtk_label_set_width_chars (GTK_LABEL (label), 3);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_list_item_set_child (item, box);
}

static void
setup_pill_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "bucket-pill");
  gtk_list_item_set_child (item, label);
}

static void
set_text (GtkListItem *item,
          const char  *text)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text);
}

static void
update_score (GtkListItem *item,
              RfLead      *lead)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *bar = gtk_widget_get_last_child (box);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (bar, lead != NULL);
  if (lead == NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), "");
      return;
    }
  text = g_strdup_printf ("%.0f", rf_gui_shown_score (rf_lead_get_total_score (lead)));
  gtk_label_set_text (GTK_LABEL (label), text);
  rf_score_bar_set_score (RF_SCORE_BAR (bar), rf_lead_get_total_score (lead), rf_lead_get_score_bucket (lead));
}

static void
update_bucket (GtkListItem *item,
               RfLead      *lead)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_widget_set_visible (label, lead != NULL);
  if (lead == NULL)
    return;
  gtk_label_set_text (GTK_LABEL (label), rf_score_bucket_label (rf_lead_get_score_bucket (lead)));
  rf_gui_set_bucket_css_class (label, rf_lead_get_score_bucket (lead));
}

static void
update_company (GtkListItem *item,
                RfLead      *lead)
{
  set_text (item, lead != NULL ? rf_lead_get_company_name (lead) : NULL);
}

static void
update_contact (GtkListItem *item,
                RfLead      *lead)
{
  set_text (item, lead != NULL ? rf_lead_get_contact_name (lead) : NULL);
}

static void
update_role (GtkListItem *item,
             RfLead      *lead)
{
  const char *nick = lead != NULL ? rf_classification_get_role_type (rf_lead_get_classification (lead)) : NULL;
  /* "unknown" says nothing a blank cell does not. */
  g_autofree char *role = g_strcmp0 (nick, "unknown") != 0 ? rf_gui_humanize (nick) : NULL;

  set_text (item, role);
}

static void
update_tags (GtkListItem *item,
             RfLead      *lead)
{
  const char * const *tags = lead != NULL ? rf_classification_get_pain_tags (rf_lead_get_classification (lead)) : NULL;
  g_autofree char *joined = tags != NULL ? g_strjoinv (", ", (char **)tags) : NULL;
  g_autofree char *text = rf_gui_humanize (joined);

  set_text (item, text);
}

static void
update_status (GtkListItem *item,
               RfLead      *lead)
{
  set_text (item, lead != NULL ? rf_gui_status_label (rf_lead_get_status (lead)) : NULL);
}

static void
update_source (GtkListItem *item,
               RfLead      *lead)
{
  set_text (item, lead != NULL ? rf_gui_source_label (rf_lead_get_source_type (lead)) : NULL);
}

static void
update_profile (GtkListItem *item,
                RfLead      *lead)
{
  set_text (item, lead != NULL ? rf_lead_get_icp_name (lead) : NULL);
}

static void
update_added (GtkListItem *item,
              RfLead      *lead)
{
  g_autofree char *text = lead != NULL ? rf_gui_format_date (rf_lead_get_created_at (lead)) : NULL;

  set_text (item, text);
}

#define DEFINE_BIND(name)                                        \
  static void                                                    \
  bind_##name##_cb (GtkSignalListItemFactory *factory,           \
                    GtkListItem              *item,              \
                    gpointer                  user_data)         \
  {                                                              \
    bind_with (item, update_##name);                             \
  }

DEFINE_BIND (score)
DEFINE_BIND (bucket)
DEFINE_BIND (company)
DEFINE_BIND (contact)
DEFINE_BIND (role)
DEFINE_BIND (tags)
DEFINE_BIND (status)
DEFINE_BIND (source)
DEFINE_BIND (profile)
DEFINE_BIND (added)

/* Sorting. Rows are sorted by the database, not by GTK: each sortable
 * column gets a sorter that only says which RfLeadSort it stands for.
 * GTK 4.8 has no getter for the column view's primary sort column, so
 * ask its sorter to compare two objects: the first column sorter it
 * consults is the primary one, and the sign of the answer its order. */

static RfLeadSort probed_sort;
static gboolean   probed;

static int
probe_sort_cb (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  probed_sort = GPOINTER_TO_UINT (user_data);
  probed = TRUE;
  return -1;
}

void
rf_lead_table_get_sort (RfLeadTable *self,
                        RfLeadSort  *sort,
                        gboolean    *ascending)
{
  GtkSorter *sorter;
  GtkOrdering order;

  g_return_if_fail (RF_IS_LEAD_TABLE (self));

  sorter = gtk_column_view_get_sorter (self->column_view);
  probed = FALSE;
  order = gtk_sorter_compare (sorter, self->column_view, self->scroller);
  if (!probed || order == GTK_ORDERING_EQUAL)
    {
      *sort = RF_LEAD_SORT_SCORE;
      *ascending = FALSE;
      return;
    }
  *sort = probed_sort;
  *ascending = order == GTK_ORDERING_SMALLER;
}

static GtkColumnViewColumn *
column_for_sort (RfLeadTable *self,
                 RfLeadSort   sort)
{
  switch (sort)
    {
    case RF_LEAD_SORT_COMPANY: return self->company_column;
    case RF_LEAD_SORT_CONTACT: return self->contact_column;
    case RF_LEAD_SORT_ROLE_TYPE: return self->role_column;
    case RF_LEAD_SORT_STATUS: return self->status_column;
    case RF_LEAD_SORT_SOURCE: return self->source_column;
    case RF_LEAD_SORT_PROFILE: return self->profile_column;
    case RF_LEAD_SORT_CREATED: return self->added_column;
    case RF_LEAD_SORT_SCORE:
    default: return self->score_column;
    }
}

void
rf_lead_table_sort_by (RfLeadTable *self,
                       RfLeadSort   sort,
                       gboolean     ascending)
{
  g_return_if_fail (RF_IS_LEAD_TABLE (self));

  gtk_column_view_sort_by_column (self->column_view, column_for_sort (self, sort),
                                  ascending ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING);
}

static void
set_sort_key (GtkColumnViewColumn *column,
              RfLeadSort           sort)
{
  g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (probe_sort_cb, GUINT_TO_POINTER (sort), NULL);

  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
}

static void
sorter_changed_cb (GtkSorter       *sorter,
                   GtkSorterChange  change,
                   RfLeadTable     *self)
{
  g_signal_emit (self, signals[SIGNAL_SORT_CHANGED], 0);
}

static void
activate_cb (GtkColumnView *view,
             guint          position,
             RfLeadTable   *self)
{
  g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0, position);
}

/* Columns. Score and Company always show; the others can be hidden
 * from any column header's menu (and the window's), by the names kept in
 * GSettings' "hidden-columns". */

static const struct
{
  const char *name;
  gsize       offset;
} optional_columns[] = {
  { "bucket", G_STRUCT_OFFSET (RfLeadTable, bucket_column) },
  { "contact", G_STRUCT_OFFSET (RfLeadTable, contact_column) },
  { "role-type", G_STRUCT_OFFSET (RfLeadTable, role_column) },
  { "pain-tags", G_STRUCT_OFFSET (RfLeadTable, tags_column) },
  { "status", G_STRUCT_OFFSET (RfLeadTable, status_column) },
  { "source", G_STRUCT_OFFSET (RfLeadTable, source_column) },
  { "profile", G_STRUCT_OFFSET (RfLeadTable, profile_column) },
  { "added", G_STRUCT_OFFSET (RfLeadTable, added_column) },
};

static GtkColumnViewColumn *
optional_column (RfLeadTable *self,
                 guint        i)
{
  return G_STRUCT_MEMBER (GtkColumnViewColumn *, self, optional_columns[i].offset);
}

static void
show_column (RfLeadTable *self,
             guint        i,
             gboolean     shown)
{
  GtkColumnViewColumn *column = optional_column (self, i);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->column_actions), optional_columns[i].name);
  RfLeadSort sort;
  gboolean ascending;

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (shown));
  if (gtk_column_view_column_get_visible (column) == shown)
    return;
  gtk_column_view_column_set_visible (column, shown);

  /* A hidden column sorts nothing the user can see: back to hottest first. */
  rf_lead_table_get_sort (self, &sort, &ascending);
  if (!shown && column_for_sort (self, sort) == column)
    rf_lead_table_sort_by (self, RF_LEAD_SORT_SCORE, FALSE);
}

static void
apply_hidden_columns (RfLeadTable *self)
{
  g_auto(GStrv) hidden = g_settings_get_strv (self->settings, "hidden-columns");

  for (guint i = 0; i < G_N_ELEMENTS (optional_columns); i++)
    show_column (self, i, !g_strv_contains ((const char * const *) hidden, optional_columns[i].name));
}

static void
column_state_cb (GSimpleAction *action,
                 GVariant      *state,
                 gpointer       user_data)
{
  RfLeadTable *self = user_data;
  g_autoptr(GStrvBuilder) hidden = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (optional_columns); i++)
    {
      if (g_str_equal (optional_columns[i].name, g_action_get_name (G_ACTION (action))))
        show_column (self, i, g_variant_get_boolean (state));
      if (!gtk_column_view_column_get_visible (optional_column (self, i)))
        g_strv_builder_add (hidden, optional_columns[i].name);
    }

  if (self->settings != NULL)
    {
      names = g_strv_builder_end (hidden);
      g_settings_set_strv (self->settings, "hidden-columns", (const char * const *) names);
    }
}

static void
init_columns (RfLeadTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  self->column_actions = g_simple_action_group_new ();
  self->columns_section = g_menu_new ();
  for (guint i = 0; i < G_N_ELEMENTS (optional_columns); i++)
    {
      g_autoptr(GSimpleAction) action =
        g_simple_action_new_stateful (optional_columns[i].name, NULL, g_variant_new_boolean (TRUE));
      g_autofree char *detailed = g_strconcat ("columns.", optional_columns[i].name, NULL);

      g_signal_connect_object (action, "change-state", G_CALLBACK (column_state_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (self->column_actions), G_ACTION (action));
      g_menu_append (self->columns_section, gtk_column_view_column_get_title (optional_column (self, i)), detailed);
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "columns", G_ACTION_GROUP (self->column_actions));

  self->columns_menu = g_menu_new ();
  g_menu_append_section (self->columns_menu, _("Show Columns"), G_MENU_MODEL (self->columns_section));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      gtk_column_view_column_set_header_menu (column, G_MENU_MODEL (self->columns_menu));
    }
}

/* Which columns show, remembered in @settings from now on. */
void
rf_lead_table_bind_settings (RfLeadTable *self,
                             GSettings   *settings)
{
  g_return_if_fail (RF_IS_LEAD_TABLE (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_set_object (&self->settings, settings);
  g_signal_connect_object (settings, "changed::hidden-columns", G_CALLBACK (apply_hidden_columns),
                           self, G_CONNECT_SWAPPED);
  apply_hidden_columns (self);
}

/* The "columns." actions and their menu items, for the window's menu. */
GActionGroup *
rf_lead_table_get_column_actions (RfLeadTable *self)
{
  g_return_val_if_fail (RF_IS_LEAD_TABLE (self), NULL);

  return G_ACTION_GROUP (self->column_actions);
}

GMenuModel *
rf_lead_table_get_columns_menu (RfLeadTable *self)
{
  g_return_val_if_fail (RF_IS_LEAD_TABLE (self), NULL);

  return G_MENU_MODEL (self->columns_section);
}

static void
rf_lead_table_dispose (GObject *object)
{
  RfLeadTable *self = RF_LEAD_TABLE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RF_TYPE_LEAD_TABLE);
  /* Template children without an id are not unparented by that. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->column_actions);
  g_clear_object (&self->columns_menu);
  g_clear_object (&self->columns_section);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rf_lead_table_parent_class)->dispose (object);
}

static void
rf_lead_table_class_init (RfLeadTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rf_lead_table_dispose;

  /* The user chose another column or order. */
  signals[SIGNAL_SORT_CHANGED] =
    g_signal_new ("sort-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A row was activated (double click, Enter). */
  signals[SIGNAL_ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gui/rf-lead-table.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RfLeadTable, scroller);
  gtk_widget_class_bind_template_child (widget_class, RfLeadTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, RfLeadTable, score_column);
  gtk_widget_class_bind_template_child (widget_class, RfLeadTable, bucket_column);
  gtk_widget_class_bind_template_child (widget_class, RfLeadTable, company_column);
  gtk_widget_class_bind_template_child (widget_class, RfLeadTable, contact_column);
  gtk_widget_class_bind_template_child (widget_class, RfLeadTable, role_column);
  gtk_widget_class_bind_template_child (widget_class, RfLeadTable, tags_column);
  gtk_widget_class_bind_template_child (widget_class, RfLeadTable, status_column);
  gtk_widget_class_bind_template_child (widget_class, RfLeadTable, source_column);
  gtk_widget_class_bind_template_child (widget_class, RfLeadTable, profile_column);
  gtk_widget_class_bind_template_child (widget_class, RfLeadTable, added_column);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_score_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_pill_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_score_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_bucket_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_company_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_contact_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_role_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_tags_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_status_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_source_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_profile_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_added_cb);
}

static void
rf_lead_table_init (RfLeadTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_sort_key (self->score_column, RF_LEAD_SORT_SCORE);
  set_sort_key (self->bucket_column, RF_LEAD_SORT_SCORE);
  set_sort_key (self->company_column, RF_LEAD_SORT_COMPANY);
  set_sort_key (self->contact_column, RF_LEAD_SORT_CONTACT);
  set_sort_key (self->role_column, RF_LEAD_SORT_ROLE_TYPE);
  set_sort_key (self->status_column, RF_LEAD_SORT_STATUS);
  set_sort_key (self->source_column, RF_LEAD_SORT_SOURCE);
  set_sort_key (self->profile_column, RF_LEAD_SORT_PROFILE);
  set_sort_key (self->added_column, RF_LEAD_SORT_CREATED);
  gtk_column_view_sort_by_column (self->column_view, self->score_column, GTK_SORT_DESCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, 0);

  init_columns (self);

  self->selection = gtk_multi_selection_new (NULL);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

GtkWidget *
rf_lead_table_new (void)
{
  return g_object_new (RF_TYPE_LEAD_TABLE, NULL);
}

void
rf_lead_table_set_model (RfLeadTable     *self,
                         RfLeadListModel *model)
{
  g_return_if_fail (RF_IS_LEAD_TABLE (self));
  g_return_if_fail (model == NULL || RF_IS_LEAD_LIST_MODEL (model));

  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (model));
}

GtkSelectionModel *
rf_lead_table_get_selection (RfLeadTable *self)
{
  g_return_val_if_fail (RF_IS_LEAD_TABLE (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

GtkColumnView *
rf_lead_table_get_view (RfLeadTable *self)
{
  g_return_val_if_fail (RF_IS_LEAD_TABLE (self), NULL);

  return self->column_view;
}

/* GTK 4.8 has no gtk_column_view_scroll_to(); its inner list view has the
 * "list.scroll-to-item" action. */
void
rf_lead_table_scroll_to (RfLeadTable *self,
                         guint        position)
{
  g_return_if_fail (RF_IS_LEAD_TABLE (self));

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
          return;
        }
    }
}

void
rf_lead_table_select (RfLeadTable *self,
                      guint        position)
{
  g_return_if_fail (RF_IS_LEAD_TABLE (self));

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    return;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  rf_lead_table_scroll_to (self, position);
}

guint
rf_lead_table_get_selected (RfLeadTable *self)
{
  g_autoptr(GtkBitset) selected = NULL;

  g_return_val_if_fail (RF_IS_LEAD_TABLE (self), GTK_INVALID_LIST_POSITION);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_is_empty (selected))
    return GTK_INVALID_LIST_POSITION;
  return gtk_bitset_get_minimum (selected);
}

/* The ids of the selected leads, in list order. */
GArray *
rf_lead_table_get_selected_ids (RfLeadTable *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GListModel *model;
  GtkBitsetIter iter;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint position;

  g_return_val_if_fail (RF_IS_LEAD_TABLE (self), ids);

  model = gtk_multi_selection_get_model (self->selection);
  if (model == NULL)
    return ids;
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = rf_lead_list_model_get_id (RF_LEAD_LIST_MODEL (model), position);
      g_array_append_val (ids, id);
    }
  return ids;
}
