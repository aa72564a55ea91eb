/* rf-window.c: the main window: filters, lead table and lead detail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-lead-dao.h"
#include "rf-score-chart.h"
#include "rf-window-private.h"

/* Counts follow writes a little behind the rows: one count per burst. */
#define COUNTS_DELAY_MS 200

G_DEFINE_FINAL_TYPE (RfWindow, rf_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void count_all (RfWindow *self);

static void
update_content_page (RfWindow *self)
{
  const GError *error = rf_lead_list_model_get_error (self->model);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  const char *page;

  if (error != NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      page = "error";
    }
  else if (n > 0)
    page = "leads";
  else if (rf_lead_list_model_get_loading (self->model))
    return;
  else if (!self->totals_known)
    {
      if (self->counting == 0)
        count_all (self);
      return;
    }
  else if (self->total_leads == 0)
    page = "empty";
  else
    page = "no-results";

  gtk_stack_set_visible_child_name (self->content_stack, page);
}

/* Counts and histogram. */

/* The window may be gone when these run: dispose cancels them, so a
 * cancelled answer touches nothing. */

static gboolean
count_finished (GError   *error,
                gpointer  user_data)
{
  RfWindow *self = user_data;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  self->counting--;
  if (error != NULL)
    g_warning ("Cannot count leads: %s", error->message);
  return error == NULL;
}

static void
totals_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  guint bins[RF_SCORE_HISTOGRAM_BINS];
  RfWindow *self = user_data;

  rf_lead_dao_score_histogram_finish (RF_LEAD_DAO (object), result, bins, &error);
  if (!count_finished (error, user_data))
    return;
  self->total_leads = 0;
  for (guint i = 0; i < RF_SCORE_HISTOGRAM_BINS; i++)
    self->total_leads += bins[i];
  self->totals_known = TRUE;
  update_content_page (self);
}

/* Whether there are leads at all matters only when none passes the
 * filters: empty database, or no match? */
static void
count_all (RfWindow *self)
{
  g_autoptr(RfLeadQuery) all = rf_lead_query_new ();

  self->counting++;
  rf_lead_dao_score_histogram_async (self->dao, all, self->cancellable, totals_ready_cb, self);
}

/* The histogram gives the bucket counts too: bins are aligned with the
 * buckets' edges. */
static void
histogram_ready_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  guint bins[RF_SCORE_HISTOGRAM_BINS];
  guint counts[RF_N_SCORE_BUCKETS] = { 0 };
  RfWindow *self = user_data;

  rf_lead_dao_score_histogram_finish (RF_LEAD_DAO (object), result, bins, &error);
  if (!count_finished (error, user_data))
    return;
  for (guint i = 0; i < RF_SCORE_HISTOGRAM_BINS; i++)
    counts[rf_score_chart_bin_bucket (i)] += bins[i];
  rf_filter_bar_set_bins (self->filter_bar, bins);
  rf_filter_bar_set_counts (self->filter_bar, counts);
  update_content_page (self);
}

static void
refresh_counts (RfWindow *self)
{
  const RfLeadQuery *query = rf_lead_list_model_get_query (self->model);

  g_clear_handle_id (&self->counts_id, g_source_remove);
  self->counts_after_rows = FALSE;
  g_clear_pointer (&self->counted, rf_lead_query_free);
  self->counted = rf_lead_query_copy (query);
  self->counting++;
  rf_lead_dao_score_histogram_async (self->dao, query, self->cancellable, histogram_ready_cb, self);
}

/* The histogram ignores the bucket filter and the sort: changing only
 * those leaves the counts as they are. */
static gboolean
counts_differ (const RfLeadQuery *a,
               const RfLeadQuery *b)
{
  if (a->ids != NULL || b->ids != NULL)
    return TRUE;
  return a->status_mask != b->status_mask || a->min_score != b->min_score ||
         a->icp_id != b->icp_id || g_strcmp0 (a->search, b->search) != 0 ||
         g_strcmp0 (a->classifier, b->classifier) != 0 ||
         g_strcmp0 (a->import_batch, b->import_batch) != 0;
}

static gboolean
counts_timeout_cb (gpointer user_data)
{
  RfWindow *self = user_data;

  self->counts_id = 0;
  refresh_counts (self);
  return G_SOURCE_REMOVE;
}

static void
leads_changed_cb (RfDatabase   *database,
                  const char   *table,
                  RfChangeKind  kind,
                  gint64        id,
                  RfWindow     *self)
{
  self->totals_known = FALSE;
  if (self->counts_id == 0)
    self->counts_id = g_timeout_add (COUNTS_DELAY_MS, counts_timeout_cb, self);
}

/* Filters, search and sort make one query. */

void
rf_window_update_query (RfWindow *self)
{
  g_autoptr(RfLeadQuery) query = NULL;
  g_autofree char *search = NULL;

  /* Also called while the template is being built. */
  if (self->model == NULL)
    return;

  query = rf_lead_query_new ();
  search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  rf_filter_bar_apply (self->filter_bar, query);
  rf_lead_query_set_search (query, *search != '\0' ? search : NULL);
  rf_lead_table_get_sort (self->table, &query->sort, &query->ascending);
  rf_lead_list_model_set_query (self->model, query);

  /* The histogram shares the database thread with the rows: it waits
   * until they are in (model_notify_cb). */
  if (self->counted == NULL || counts_differ (self->counted, query))
    self->counts_after_rows = TRUE;
  if (self->counts_after_rows && !rf_lead_list_model_get_loading (self->model))
    refresh_counts (self);
}

static void
filters_changed_cb (RfWindow *self)
{
  rf_window_update_query (self);
}

static void
sort_changed_cb (RfWindow *self)
{
  rf_window_update_query (self);
}

static void
search_changed_cb (RfWindow *self)
{
  rf_window_update_query (self);
}

static void
search_activate_cb (RfWindow *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    rf_lead_table_select (self->table, 0);
}

/* Selection and detail. */

void
rf_window_show_detail (RfWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

static void
row_activated_cb (RfWindow *self,
                  guint     position)
{
  rf_window_show_detail (self);
}

static void
folded_changed_cb (RfWindow *self)
{
  gtk_revealer_set_reveal_child (self->back_revealer, adw_leaflet_get_folded (self->leaflet));
}

static void
selection_changed_cb (GtkSelectionModel *selection,
                      guint              position,
                      guint              n_items,
                      RfWindow          *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  guint64 n_selected = gtk_bitset_get_size (selected);
  gint64 id = 0;

  if (n_selected > 0)
    id = rf_lead_list_model_get_id (self->model, gtk_bitset_get_minimum (selected));
  rf_lead_detail_set_lead_id (self->detail, id);

  gtk_action_bar_set_revealed (self->selection_bar, n_selected > 1);
  if (n_selected > 1)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u lead selected", "%u leads selected", (gulong)n_selected),
                                               (guint)n_selected);
      gtk_label_set_text (self->selection_label, text);
    }
  rf_window_update_actions (self);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  RfWindow   *self)
{
  GtkSelectionModel *selection = rf_lead_table_get_selection (self->table);
  guint n = g_list_model_get_n_items (model);

  update_content_page (self);
  if (self->pending_lead_id > 0 && added > 0)
    rf_window_select_pending (self);

  /* After a delete, the next lead takes the place of the deleted one. */
  if (self->pending_select != GTK_INVALID_LIST_POSITION && removed > 0 && n > 0)
    {
      g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);

      if (gtk_bitset_is_empty (selected))
        rf_lead_table_select (self->table, MIN (self->pending_select, n - 1));
      self->pending_select = GTK_INVALID_LIST_POSITION;
    }
  rf_window_update_actions (self);
}

/* Another sort or filter: the lead shown stays selected and in view if it
 * is still listed; else nothing is selected and the list shows its top.
 * (Rows keep their places and selection while pointed at other leads.) */
static void
query_applied_cb (RfWindow *self)
{
  GtkSelectionModel *selection = rf_lead_table_get_selection (self->table);
  gint64 shown = rf_lead_detail_get_lead_id (self->detail);
  guint keep = shown > 0 ? rf_lead_list_model_find (self->model, shown) : GTK_INVALID_LIST_POSITION;

  if (keep != GTK_INVALID_LIST_POSITION)
    rf_lead_table_select (self->table, keep);
  else
    {
      gtk_selection_model_unselect_all (selection);
      rf_lead_table_scroll_to (self->table, 0);
    }
  update_content_page (self);
  rf_window_update_actions (self);
}

static void
model_notify_cb (RfWindow *self)
{
  if (self->counts_after_rows && !rf_lead_list_model_get_loading (self->model))
    refresh_counts (self);
  update_content_page (self);
}

/* Construction. */

static void
rf_window_constructed (GObject *object)
{
  RfWindow *self = RF_WINDOW (object);
  GtkSelectionModel *selection = rf_lead_table_get_selection (self->table);

  G_OBJECT_CLASS (rf_window_parent_class)->constructed (object);

  rf_window_init_actions (self);
  rf_window_init_intake (self);
  if (self->database == NULL)
    {
      adw_status_page_set_title (self->error_page, _("Cannot Open the Database"));
      adw_status_page_set_description (self->error_page,
                                       _("Check that the data folder can be written, then restart Raptorflow."));
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      rf_window_update_actions (self);
      return;
    }

  self->dao = rf_lead_dao_new (self->database);
  self->model = rf_lead_list_model_new (self->database);
  rf_lead_table_set_model (self->table, self->model);
  rf_lead_detail_set_database (self->detail, self->database);

  rf_window_init_profile_hint (self);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_AFTER);
  g_signal_connect_object (self->model, "query-applied", G_CALLBACK (query_applied_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (model_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::error", G_CALLBACK (model_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "selection-changed", G_CALLBACK (selection_changed_cb), self, 0);
  self->changed_id = g_signal_connect (self->database, "changed::leads", G_CALLBACK (leads_changed_cb), self);

  rf_window_update_query (self);
  rf_window_update_actions (self);
}

static void
rf_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RfWindow *self = RF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RfWindow *self = RF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_window_dispose (GObject *object)
{
  RfWindow *self = RF_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  rf_window_dispose_intake (self);
  g_clear_handle_id (&self->counts_id, g_source_remove);
  self->counts_after_rows = FALSE;
  g_clear_pointer (&self->counted, rf_lead_query_free);
  if (self->delete_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->delete_toast), (gpointer *)&self->delete_toast);
  self->delete_toast = NULL;
  if (self->database != NULL)
    g_clear_signal_handler (&self->changed_id, self->database);
  if (self->table != NULL)
    rf_lead_table_set_model (self->table, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RF_TYPE_WINDOW);
  g_clear_object (&self->model);
  g_clear_object (&self->dao);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (rf_window_parent_class)->dispose (object);
}

static void
rf_window_finalize (GObject *object)
{
  RfWindow *self = RF_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (rf_window_parent_class)->finalize (object);
}

static void
rf_window_class_init (RfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rf_window_constructed;
  object_class->dispose = rf_window_dispose;
  object_class->finalize = rf_window_finalize;
  object_class->get_property = rf_window_get_property;
  object_class->set_property = rf_window_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, RF_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RF_TYPE_FILTER_BAR);
  g_type_ensure (RF_TYPE_LEAD_TABLE);
  g_type_ensure (RF_TYPE_LEAD_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gui/rf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RfWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, status_slot);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, back_revealer);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, profile_hint);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, table);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, columns_submenu);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, selection_bar);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, selection_label);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, detail);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);

  rf_window_class_init_actions (widget_class);
  rf_window_class_init_intake (widget_class);
}

static void
rf_window_init (RfWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->pending_select = GTK_INVALID_LIST_POSITION;
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  folded_changed_cb (self);

  /* The table's column toggles, in the main menu as well as its headers'. */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "columns", rf_lead_table_get_column_actions (self->table));
  g_menu_append_section (self->columns_submenu, NULL, rf_lead_table_get_columns_menu (self->table));
}

RfWindow *
rf_window_new (RfApplication *application)
{
  RfWindow *self;

  g_return_val_if_fail (RF_IS_APPLICATION (application), NULL);

  self = g_object_new (RF_TYPE_WINDOW,
                       "application", application,
                       "database", rf_application_get_database (application),
                       NULL);
  rf_window_set_engine (self, rf_application_get_engine (application));
  if (rf_application_get_settings (application) != NULL)
    rf_window_bind_settings (self, rf_application_get_settings (application));
  return self;
}

/* The window's size and the table's columns, as last left. */
void
rf_window_bind_settings (RfWindow  *self,
                         GSettings *settings)
{
  g_return_if_fail (RF_IS_WINDOW (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  rf_lead_table_bind_settings (self->table, settings);
}

RfWindow *
rf_window_new_for_database (RfDatabase *database)
{
  g_return_val_if_fail (database == NULL || RF_IS_DATABASE (database), NULL);

  return g_object_new (RF_TYPE_WINDOW, "database", database, NULL);
}

RfDatabase *
rf_window_get_database (RfWindow *self)
{
  g_return_val_if_fail (RF_IS_WINDOW (self), NULL);

  return self->database;
}

GtkBox *
rf_window_get_status_slot (RfWindow *self)
{
  g_return_val_if_fail (RF_IS_WINDOW (self), NULL);

  return self->status_slot;
}

void
rf_window_add_toast (RfWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (RF_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gboolean
rf_window_is_idle (RfWindow *self)
{
  g_return_val_if_fail (RF_IS_WINDOW (self), FALSE);

  return self->model != NULL && !rf_lead_list_model_get_loading (self->model) &&
         self->counting == 0 && self->counts_id == 0 && !self->counts_after_rows &&
         (self->totals_known || g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0) &&
         !rf_lead_detail_get_busy (self->detail);
}
