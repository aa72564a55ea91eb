/* test-window.c: the main window over a real database: rows, filters,
 * detail, status, notes, activities, delete and undo, live inserts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rf-activity-dao.h"
#include "rf-activity-log.h"
#include "rf-gui-labels.h"
#include "rf-icp-dao.h"
#include "rf-icp-template.h"
#include "rf-lead-dao.h"
#include "rf-test-util.h"
#include "rf-window-private.h"

typedef struct
{
  char       *dir;
  RfDatabase *database;
  RfLeadDao  *dao;
  RfWindow   *window;
  GArray     *ids;
} Fixture;

/* Two red hot, three warm, four nurture, six parked. */
static const double scores[] = { 95, 81, 79, 70, 60, 59, 50, 45, 40, 39, 30, 20, 10, 5, 0 };

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  gboolean empty = GPOINTER_TO_INT (data);

  f->database = rf_test_open_database (&f->dir);
  f->dao = rf_lead_dao_new (f->database);
  f->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; !empty && i < G_N_ELEMENTS (scores); i++)
    {
      g_autofree char *company = g_strdup_printf ("Company %c", 'A' + i);
      g_autofree char *website = g_strdup_printf ("company%u.example", i);
      g_autofree char *email = g_strdup_printf ("p%u@company%u.example", i, i);
      gint64 id = rf_test_insert_lead (f->database, company, website, "Pat Doe", email,
                                       scores[i], "We are <b>hiring</b> & growing");
      g_array_append_val (f->ids, id);
    }
  f->window = rf_window_new_for_database (f->database);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  /* Let cancelled requests and queued saves finish. */
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_clear_object (&f->dao);
  rf_database_close (f->database);
  g_clear_object (&f->database);
  rf_test_remove_tree (f->dir);
  g_free (f->dir);
  g_array_unref (f->ids);
}

static gboolean
window_idle (gpointer data)
{
  return rf_window_is_idle (data);
}

static void
wait_idle (Fixture *f)
{
  g_assert_true (rf_test_wait_until (window_idle, f->window, 5000));
}

static guint
n_rows (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (f->window->model));
}

typedef struct
{
  Fixture *f;
  guint    n;
} RowCount;

static gboolean
has_rows (gpointer data)
{
  RowCount *count = data;
  return rf_window_is_idle (count->f->window) && n_rows (count->f) == count->n;
}

static void
wait_rows (Fixture *f,
           guint    n)
{
  RowCount count = { f, n };

  if (!rf_test_wait_until (has_rows, &count, 5000))
    g_error ("Waited for %u rows, have %u (%s)", n, n_rows (f),
             rf_window_is_idle (f->window) ? "idle" : "busy");
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
select_lead (Fixture *f,
             gint64   id)
{
  guint position = rf_lead_list_model_find (f->window->model, id);

  g_assert_cmpuint (position, !=, G_MAXUINT);
  rf_lead_table_select (f->window->table, position);
  g_assert_cmpint (rf_lead_detail_get_lead_id (f->window->detail), ==, id);
  wait_idle (f);
  g_assert_nonnull (rf_lead_detail_get_lead (f->window->detail));
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  wait_idle (f);
  g_assert_cmpuint (n_rows (f), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->content_stack), ==, "empty");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (f->window->filter_bar)) == FALSE);
  g_assert_nonnull (rf_window_get_status_slot (f->window));

  /* No leads: the empty page says it all, no strip above it. */
  g_assert_false (gtk_revealer_get_reveal_child (f->window->profile_hint));
  /* The empty page's way to the profiles. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->view_stack), ==, "leads");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-profiles", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->view_stack), ==, "profiles");
}

static void
test_rows_shown (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RfLeadRow) first = NULL;

  wait_rows (f, G_N_ELEMENTS (scores));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->content_stack), ==, "leads");
  /* Hottest first. */
  first = g_list_model_get_item (G_LIST_MODEL (f->window->model), 0);
  wait_idle (f);
  g_assert_cmpfloat (rf_lead_get_total_score (rf_lead_row_get_lead (first)), ==, 95);
  /* Nothing selected: the detail waits. */
  g_assert_cmpint (rf_lead_detail_get_lead_id (f->window->detail), ==, 0);
}

static void
assert_counts (Fixture *f,
               guint    red_hot,
               guint    warm,
               guint    nurture,
               guint    parked)
{
  g_assert_cmpuint (rf_filter_bar_get_count (f->window->filter_bar, RF_SCORE_BUCKET_RED_HOT), ==, red_hot);
  g_assert_cmpuint (rf_filter_bar_get_count (f->window->filter_bar, RF_SCORE_BUCKET_WARM), ==, warm);
  g_assert_cmpuint (rf_filter_bar_get_count (f->window->filter_bar, RF_SCORE_BUCKET_NURTURE), ==, nurture);
  g_assert_cmpuint (rf_filter_bar_get_count (f->window->filter_bar, RF_SCORE_BUCKET_PARKED), ==, parked);
}

static void
test_bucket_filter (Fixture       *f,
                    gconstpointer  data)
{
  GtkSpinButton *min_score;
  GtkDropDown *status;

  wait_rows (f, G_N_ELEMENTS (scores));
  assert_counts (f, 2, 3, 4, 6);

  rf_filter_bar_toggle_only (f->window->filter_bar, RF_SCORE_BUCKET_WARM);
  wait_rows (f, 3);
  /* The buttons keep counting every bucket. */
  assert_counts (f, 2, 3, 4, 6);
  rf_filter_bar_toggle_only (f->window->filter_bar, RF_SCORE_BUCKET_PARKED);
  wait_rows (f, 6);
  /* Alt+1 adds red hot. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-bucket", "i", 0));
  wait_rows (f, 8);
  /* The same bucket again shows every bucket. */
  rf_filter_bar_set_bucket_mask (f->window->filter_bar, 1 << RF_SCORE_BUCKET_PARKED);
  rf_filter_bar_toggle_only (f->window->filter_bar, RF_SCORE_BUCKET_PARKED);
  wait_rows (f, G_N_ELEMENTS (scores));

  /* Minimum score: rows and counts follow. */
  min_score = GTK_SPIN_BUTTON (find_descendant (GTK_WIDGET (f->window->filter_bar), GTK_TYPE_SPIN_BUTTON));
  gtk_spin_button_set_value (min_score, 60);
  wait_rows (f, 5);
  assert_counts (f, 2, 3, 0, 0);
  gtk_spin_button_set_value (min_score, 0);
  wait_rows (f, G_N_ELEMENTS (scores));

  /* Status: one lead contacted. */
  g_assert_true (rf_lead_dao_set_status_sync (f->dao, g_array_index (f->ids, gint64, 7), RF_LEAD_STATUS_CONTACTED,
                                              NULL, NULL));
  status = GTK_DROP_DOWN (find_descendant (GTK_WIDGET (f->window->filter_bar), GTK_TYPE_DROP_DOWN));
  gtk_drop_down_set_selected (status, 1 + RF_LEAD_STATUS_CONTACTED);
  wait_rows (f, 1);
  assert_counts (f, 0, 0, 1, 0);
  gtk_drop_down_set_selected (status, 0);
  wait_rows (f, G_N_ELEMENTS (scores));

  /* Search, then nothing matches, then clear. */
  gtk_editable_set_text (GTK_EDITABLE (f->window->search_entry), "company2");
  rf_window_update_query (f->window);
  wait_rows (f, 1);
  assert_counts (f, 0, 1, 0, 0);
  /* The counts ignore the sort and the bucket filter: they stay. */
  rf_lead_table_sort_by (f->window->table, RF_LEAD_SORT_COMPANY, TRUE);
  wait_rows (f, 1);
  rf_filter_bar_toggle_only (f->window->filter_bar, RF_SCORE_BUCKET_RED_HOT);
  wait_rows (f, 0);
  assert_counts (f, 0, 1, 0, 0);
  rf_filter_bar_toggle_only (f->window->filter_bar, RF_SCORE_BUCKET_RED_HOT);
  wait_rows (f, 1);
  gtk_editable_set_text (GTK_EDITABLE (f->window->search_entry), "zzzz");
  rf_window_update_query (f->window);
  wait_rows (f, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->content_stack), ==, "no-results");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.clear-filters", NULL));
  wait_rows (f, G_N_ELEMENTS (scores));
}

static gboolean
detail_qualified (gpointer data)
{
  RfLead *lead = rf_lead_detail_get_lead (data);

  return lead != NULL && rf_lead_get_status (lead) == RF_LEAD_STATUS_QUALIFIED;
}

typedef struct
{
  Fixture    *f;
  const char *name;
} FirstCompany;

static gboolean
first_company_is (gpointer data)
{
  Fixture *f = ((FirstCompany *)data)->f;
  const char *name = ((FirstCompany *)data)->name;
  g_autoptr(RfLeadRow) row = NULL;

  if (!rf_window_is_idle (f->window) || n_rows (f) == 0)
    return FALSE;
  row = g_list_model_get_item (G_LIST_MODEL (f->window->model), 0);
  return rf_lead_row_get_lead (row) != NULL && g_strcmp0 (rf_lead_get_company_name (rf_lead_row_get_lead (row)), name) == 0;
}

static void
test_sort_by_column (Fixture       *f,
                     gconstpointer  data)
{
  RfLeadSort sort;
  gboolean ascending;
  FirstCompany args = { f, NULL };

  wait_rows (f, G_N_ELEMENTS (scores));
  rf_lead_table_get_sort (f->window->table, &sort, &ascending);
  g_assert_cmpint (sort, ==, RF_LEAD_SORT_SCORE);
  g_assert_false (ascending);

  /* Clicking a header sorts through the database. */
  rf_lead_table_sort_by (f->window->table, RF_LEAD_SORT_COMPANY, FALSE);
  rf_lead_table_get_sort (f->window->table, &sort, &ascending);
  g_assert_cmpint (sort, ==, RF_LEAD_SORT_COMPANY);
  g_assert_false (ascending);
  args.name = "Company O";
  g_assert_true (rf_test_wait_until (first_company_is, &args, 5000));

  rf_lead_table_sort_by (f->window->table, RF_LEAD_SORT_SCORE, TRUE);
  rf_lead_table_get_sort (f->window->table, &sort, &ascending);
  g_assert_cmpint (sort, ==, RF_LEAD_SORT_SCORE);
  g_assert_true (ascending);
  args.name = "Company O";   /* score 0 */
  g_assert_true (rf_test_wait_until (first_company_is, &args, 5000));
  rf_lead_table_sort_by (f->window->table, RF_LEAD_SORT_SCORE, FALSE);
  args.name = "Company A";   /* score 95 */
  g_assert_true (rf_test_wait_until (first_company_is, &args, 5000));
}

static gboolean
hint_shown (gpointer data)
{
  RfWindow *window = data;

  return rf_window_is_idle (window) && gtk_revealer_get_reveal_child (window->profile_hint);
}

static gboolean
hint_hidden (gpointer data)
{
  return !gtk_revealer_get_reveal_child (((RfWindow *)data)->profile_hint);
}

/* Leads but no active profile: the window says so, and stops once one
 * is saved and the user comes back from Profiles. */
static void
test_profile_hint (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RfIcpDao) icp_dao = rf_icp_dao_new (f->database);
  g_autoptr(RfIcpProfile) profile = rf_icp_template_new ("small-d2c");
  g_autoptr(GError) error = NULL;

  wait_rows (f, G_N_ELEMENTS (scores));
  g_assert_true (rf_test_wait_until (hint_shown, f->window, 10000));

  rf_icp_profile_set_active (profile, TRUE);
  g_assert_true (rf_icp_dao_save_sync (icp_dao, profile, NULL, &error));
  g_assert_no_error (error);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "profiles");
  adw_view_stack_set_visible_child_name (f->window->view_stack, "leads");
  g_assert_true (rf_test_wait_until (hint_hidden, f->window, 10000));
}

static void
test_detail_and_status (Fixture       *f,
                        gconstpointer  data)
{
  gint64 id = g_array_index (f->ids, gint64, 2);
  g_autoptr(RfLead) stored = NULL;
  RfLead *shown;

  wait_rows (f, G_N_ELEMENTS (scores));
  select_lead (f, id);
  shown = rf_lead_detail_get_lead (f->window->detail);
  g_assert_cmpstr (rf_lead_get_company_name (shown), ==, "Company C");
  /* The person, not the role the company needs (no title stored). */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (f->window->detail),
                                                                                  RF_TYPE_LEAD_DETAIL,
                                                                                  "contact_label"))),
                   ==, "Pat Doe");

  /* j moves on, k back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-lead", NULL));
  g_assert_cmpint (rf_lead_detail_get_lead_id (f->window->detail), ==, g_array_index (f->ids, gint64, 3));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-lead", NULL));
  g_assert_cmpint (rf_lead_detail_get_lead_id (f->window->detail), ==, id);
  wait_idle (f);

  /* Ctrl+3: qualified, stored and shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.set-status", "i", RF_LEAD_STATUS_QUALIFIED));
  wait_idle (f);
  stored = rf_lead_dao_get_sync (f->dao, id, NULL, NULL);
  g_assert_cmpint (rf_lead_get_status (stored), ==, RF_LEAD_STATUS_QUALIFIED);
  /* The detail follows the store. */
  g_assert_true (rf_test_wait_until (detail_qualified, f->window->detail, 5000));
}

static void
test_signal_text_is_plain (Fixture       *f,
                           gconstpointer  data)
{
  wait_rows (f, G_N_ELEMENTS (scores));
  select_lead (f, g_array_index (f->ids, gint64, 0));

  /* The signal's "<b>" stays text: no label of the detail parses markup. */
  for (GtkWidget *w = GTK_WIDGET (f->window->detail); w != NULL;)
    {
      if (GTK_IS_LABEL (w))
        {
          const char *text = gtk_label_get_label (GTK_LABEL (w));
          if (text != NULL && strstr (text, "hiring") != NULL)
            {
              g_assert_false (gtk_label_get_use_markup (GTK_LABEL (w)));
              g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (w)), ==, "We are <b>hiring</b> & growing");
              return;
            }
        }
      /* Depth-first walk. */
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = w == GTK_WIDGET (f->window->detail) ? NULL : gtk_widget_get_parent (w);
          if (w != NULL)
            w = w == GTK_WIDGET (f->window->detail) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_not_reached ();
}

static void
test_notes_save (Fixture       *f,
                 gconstpointer  data)
{
  gint64 id = g_array_index (f->ids, gint64, 4);
  GtkTextView *view;
  g_autoptr(RfLead) stored = NULL;

  wait_rows (f, G_N_ELEMENTS (scores));
  select_lead (f, id);
  view = GTK_TEXT_VIEW (find_descendant (GTK_WIDGET (f->window->detail), GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Call back on Monday", -1);
  /* Saved by itself after a pause. */
  g_assert_true (rf_lead_detail_get_busy (f->window->detail));
  wait_idle (f);
  stored = rf_lead_dao_get_sync (f->dao, id, NULL, NULL);
  g_assert_cmpstr (rf_lead_get_notes (stored), ==, "Call back on Monday");

  /* Typing then switching leads saves at once. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Sent the deck", -1);
  select_lead (f, g_array_index (f->ids, gint64, 5));
  g_clear_object (&stored);
  stored = rf_lead_dao_get_sync (f->dao, id, NULL, NULL);
  g_assert_cmpstr (rf_lead_get_notes (stored), ==, "Sent the deck");
}

static void
test_activities (Fixture       *f,
                 gconstpointer  data)
{
  gint64 id = g_array_index (f->ids, gint64, 6);
  g_autoptr(RfActivityDao) activity_dao = rf_activity_dao_new (f->database);
  g_autoptr(GPtrArray) activities = NULL;
  RfActivityLog *log;
  GtkEntry *entry;

  wait_rows (f, G_N_ELEMENTS (scores));
  select_lead (f, id);
  log = RF_ACTIVITY_LOG (find_descendant (GTK_WIDGET (f->window->detail), RF_TYPE_ACTIVITY_LOG));
  entry = GTK_ENTRY (find_descendant (GTK_WIDGET (log), GTK_TYPE_ENTRY));
  g_assert_cmpuint (rf_activity_log_get_n_shown (log), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (entry), "Left a voicemail");
  rf_activity_log_submit (log);
  wait_idle (f);
  g_assert_true (rf_test_wait_until (window_idle, f->window, 5000));
  activities = rf_activity_dao_list_sync (activity_dao, id, NULL, NULL);
  g_assert_cmpuint (activities->len, ==, 1);
  g_assert_cmpstr (rf_activity_get_body (g_ptr_array_index (activities, 0)), ==, "Left a voicemail");
  g_assert_cmpint (rf_activity_get_kind (g_ptr_array_index (activities, 0)), ==, RF_ACTIVITY_KIND_NOTE);
  g_assert_cmpuint (rf_activity_log_get_n_shown (log), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  RfLeadDao *dao;
  gint64     id;
} StoredLead;

/* The rules classifier explains itself; test leads come without one. */
static gboolean
rescored (gpointer data)
{
  StoredLead *stored = data;
  g_autoptr(RfLead) lead = rf_lead_dao_get_sync (stored->dao, stored->id, NULL, NULL);
  const char *explanation = rf_classification_get_explanation (rf_lead_get_classification (lead));

  return explanation != NULL && *explanation != '\0';
}

static void
test_engine_actions (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RfConfig) config = rf_config_new ();
  g_autoptr(RfLeadEngine) engine = rf_lead_engine_new (f->database, config);
  gint64 id = g_array_index (f->ids, gint64, 0);
  GtkWidget *write;

  wait_rows (f, G_N_ELEMENTS (scores));
  write = find_button (GTK_WIDGET (f->window->detail), "_Write Dossier");
  g_assert_nonnull (write);
  /* No engine: Write Dossier is there but does nothing, and says why. */
  g_assert_false (gtk_widget_get_sensitive (write));
  g_assert_nonnull (gtk_widget_get_tooltip_text (write));

  /* An engine without Ollama (tests point it at a closed port): still
   * no dossier, with the engine's reason; re-scoring works by rules. */
  g_set_object (&f->window->engine, engine);
  rf_lead_detail_set_engine (f->window->detail, engine);
  select_lead (f, id);
  g_assert_false (gtk_widget_get_sensitive (write));
  g_assert_true (gtk_widget_get_visible (write));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.rescore", NULL));
  {
    StoredLead stored = { f->dao, id };
    g_autoptr(RfLead) lead = NULL;

    g_assert_false (rescored (&stored));
    g_assert_true (rf_test_wait_until (rescored, &stored, 10000));
    lead = rf_lead_dao_get_sync (f->dao, id, NULL, NULL);
    g_assert_cmpstr (rf_classification_get_classifier (rf_lead_get_classification (lead)), ==, "rules");
  }
  wait_idle (f);
  rf_lead_detail_set_engine (f->window->detail, NULL);
  g_clear_object (&f->window->engine);
}

static gboolean
toast_shown (gpointer data)
{
  Fixture *f = data;
  return f->window->delete_toast != NULL;
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = g_array_index (f->ids, gint64, 1);
  guint n = G_N_ELEMENTS (scores);

  wait_rows (f, n);
  select_lead (f, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete", NULL));
  wait_rows (f, n - 1);
  g_assert_cmpuint (rf_lead_list_model_find (f->window->model, id), ==, G_MAXUINT);
  g_assert_true (rf_test_wait_until (toast_shown, f, 5000));
  /* The next lead took its place in the selection. */
  g_assert_cmpint (rf_lead_detail_get_lead_id (f->window->detail), ==, g_array_index (f->ids, gint64, 2));

  g_signal_emit_by_name (f->window->delete_toast, "button-clicked");
  wait_rows (f, n);
  g_assert_cmpuint (rf_lead_list_model_find (f->window->model, id), ==, 1);
  {
    g_autoptr(RfLead) restored = rf_lead_dao_get_sync (f->dao, id, NULL, NULL);
    g_assert_nonnull (restored);
  }
}

static void
test_live_insert (Fixture       *f,
                  gconstpointer  data)
{
  gint64 selected = g_array_index (f->ids, gint64, 3);
  gint64 id;

  wait_rows (f, G_N_ELEMENTS (scores));
  select_lead (f, selected);
  id = rf_test_insert_lead (f->database, "Brand New Co", NULL, NULL, NULL, 99, NULL);
  wait_rows (f, G_N_ELEMENTS (scores) + 1);
  g_assert_cmpuint (rf_lead_list_model_find (f->window->model, id), ==, 0);
  /* The selection followed its lead. */
  g_assert_cmpint (rf_lead_detail_get_lead_id (f->window->detail), ==, selected);
  g_assert_cmpuint (rf_lead_table_get_selected (f->window->table), ==, 4);
}

static GtkColumnViewColumn *
column_titled (Fixture    *f,
               const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (rf_lead_table_get_view (f->window->table));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_error ("No column %s", title);
}

static gboolean
column_shown (Fixture    *f,
              const char *title)
{
  return gtk_column_view_column_get_visible (column_titled (f, title));
}

/* As a click on the menu's check item does: toggles when it differs. */
static void
show_column (Fixture    *f,
             const char *name,
             gboolean    shown)
{
  GActionGroup *actions = rf_lead_table_get_column_actions (f->window->table);
  g_autoptr(GVariant) state = g_action_group_get_action_state (actions, name + strlen ("columns."));

  if (g_variant_get_boolean (state) != shown)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), name, NULL));
  g_clear_pointer (&state, g_variant_unref);
  state = g_action_group_get_action_state (actions, name + strlen ("columns."));
  g_assert_true (g_variant_get_boolean (state) == shown);
}

/* Columns are hidden and shown from the header's menu or the main menu's,
 * and a sort by a column that goes away goes back to hottest first. */
static void
test_columns (Fixture       *f,
              gconstpointer  data)
{
  GMenuModel *items = rf_lead_table_get_columns_menu (f->window->table);
  GListModel *columns = gtk_column_view_get_columns (rf_lead_table_get_view (f->window->table));
  RfLeadSort sort;
  gboolean ascending;

  wait_rows (f, G_N_ELEMENTS (scores));
  /* Without settings every column shows; each has the menu. */
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_assert_true (gtk_column_view_column_get_visible (column));
      g_assert_nonnull (gtk_column_view_column_get_header_menu (column));
    }
  /* Score and Company are not in it: the table never loses them. */
  g_assert_cmpint (g_menu_model_get_n_items (items), ==, g_list_model_get_n_items (columns) - 2);
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (f->window->columns_submenu)), ==, 1);

  show_column (f, "columns.source", FALSE);
  g_assert_false (column_shown (f, "Source"));
  g_assert_true (column_shown (f, "Profile"));
  show_column (f, "columns.source", TRUE);
  g_assert_true (column_shown (f, "Source"));

  rf_lead_table_sort_by (f->window->table, RF_LEAD_SORT_CREATED, TRUE);
  show_column (f, "columns.bucket", FALSE);      /* not the sorted one */
  rf_lead_table_get_sort (f->window->table, &sort, &ascending);
  g_assert_cmpint (sort, ==, RF_LEAD_SORT_CREATED);
  show_column (f, "columns.added", FALSE);
  g_assert_false (column_shown (f, "Added"));
  rf_lead_table_get_sort (f->window->table, &sort, &ascending);
  g_assert_cmpint (sort, ==, RF_LEAD_SORT_SCORE);
  g_assert_false (ascending);
  wait_rows (f, G_N_ELEMENTS (scores));
}

/* Hidden columns and the window's size are remembered in GSettings. */
static void
test_columns_remembered (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("com.raptorflow.LeadEngine");
  g_auto(GStrv) hidden = NULL;
  int width, height;

  g_settings_reset (settings, "hidden-columns");
  g_settings_set_int (settings, "window-width", 1000);
  rf_window_bind_settings (f->window, settings);

  /* The defaults: Source and Profile hidden, the size as saved. */
  g_assert_false (column_shown (f, "Source"));
  g_assert_false (column_shown (f, "Profile"));
  g_assert_true (column_shown (f, "Pain Tags"));
  gtk_window_get_default_size (GTK_WINDOW (f->window), &width, &height);
  g_assert_cmpint (width, ==, 1000);

  show_column (f, "columns.profile", TRUE);
  show_column (f, "columns.pain-tags", FALSE);
  hidden = g_settings_get_strv (settings, "hidden-columns");
  g_assert_cmpint (g_strv_length (hidden), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) hidden, "source"));
  g_assert_true (g_strv_contains ((const char * const *) hidden, "pain-tags"));

  /* A change made elsewhere (another window) shows here too. */
  g_settings_set_strv (settings, "hidden-columns", (const char * const[]) { "added", NULL });
  g_assert_false (column_shown (f, "Added"));
  g_assert_true (column_shown (f, "Source"));
  g_assert_true (column_shown (f, "Pain Tags"));
  {
    g_autoptr(GVariant) state = g_action_group_get_action_state (rf_lead_table_get_column_actions (f->window->table),
                                                                 "source");
    g_assert_true (g_variant_get_boolean (state));
  }

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1111, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1111);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_settings_reset (settings, "hidden-columns");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

typedef struct
{
  GtkWidget *bar;
  int        width;
} BarWidth;

static gboolean
bar_is_allocated (gpointer data)
{
  BarWidth *b = data;

  return gtk_widget_get_width (b->bar) == b->width;
}

/* The filter bar keeps every filter in view: one line when the window is
 * wide, two when narrow (the status filter was cut off at 700 px). */
static void
test_filter_bar_wraps (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *bar = g_object_new (RF_TYPE_FILTER_BAR, NULL);
  GtkWidget *status = GTK_WIDGET (gtk_widget_get_template_child (bar, RF_TYPE_FILTER_BAR, "status"));
  GtkWidget *buckets = GTK_WIDGET (gtk_widget_get_template_child (bar, RF_TYPE_FILTER_BAR, "buckets"));
  const int widths[] = { 1200, 600 };
  int one_line_height = 0;

  gtk_widget_set_valign (bar, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (window), bar);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      BarWidth wanted = { bar, widths[i] - 24 };    /* the bar's margins */
      graphene_rect_t status_bounds, buckets_bounds;

      gtk_window_set_default_size (GTK_WINDOW (window), widths[i], 300);
      g_assert_true (rf_test_wait_until (bar_is_allocated, &wanted, 5000));
      g_assert_true (gtk_widget_compute_bounds (status, bar, &status_bounds));
      g_assert_true (gtk_widget_compute_bounds (buckets, bar, &buckets_bounds));
      g_test_message ("%d px: status at %.0f,%.0f, bar %d high", widths[i], status_bounds.origin.x,
                      status_bounds.origin.y, gtk_widget_get_height (bar));

      /* Whole, inside the bar. */
      g_assert_cmpfloat (status_bounds.origin.x, >=, 0);
      g_assert_cmpfloat (status_bounds.origin.x + status_bounds.size.width, <=, gtk_widget_get_width (bar));
      g_assert_cmpfloat (status_bounds.size.width, >=, gtk_widget_get_width (status) - 0.5);
      if (i == 0)
        {
          /* One line, the status filter at its end. */
          g_assert_cmpfloat (status_bounds.origin.y, <, buckets_bounds.origin.y + buckets_bounds.size.height);
          g_assert_cmpfloat (status_bounds.origin.x + status_bounds.size.width, ==, gtk_widget_get_width (bar));
          one_line_height = gtk_widget_get_height (bar);
        }
      else
        {
          /* Below the buckets, and the bar grew to hold it. */
          g_assert_cmpfloat (status_bounds.origin.y, >=, buckets_bounds.origin.y + buckets_bounds.size.height);
          g_assert_cmpint (gtk_widget_get_height (bar), >, one_line_height);
          g_assert_cmpfloat (status_bounds.origin.y + status_bounds.size.height, <=, gtk_widget_get_height (bar));
        }
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Bucket counts stay short on their buttons, whatever the database's size,
 * never rounded up; the exact count is the label's tooltip. */
static void
test_contact_line (void)
{
  g_autofree char *both = rf_gui_format_contact_line ("Maya Chen", "Founder", "performance_marketer");
  g_autofree char *name = rf_gui_format_contact_line ("Maya Chen", NULL, "performance_marketer");
  g_autofree char *role = rf_gui_format_contact_line (NULL, NULL, "performance_marketer");
  g_autofree char *unknown = rf_gui_format_contact_line (NULL, "Founder", "unknown");

  g_assert_cmpstr (both, ==, "Maya Chen, Founder");
  g_assert_cmpstr (name, ==, "Maya Chen");
  g_assert_cmpstr (role, ==, "Role: performance marketer");
  g_assert_null (unknown);
}

/* An empty value shows a dimmed placeholder, and a value clears it. */
static void
test_text_or_placeholder (void)
{
  GtkLabel *label = GTK_LABEL (g_object_ref_sink (gtk_label_new (NULL)));

  rf_gui_set_text_or_placeholder (label, "", "No company");
  g_assert_cmpstr (gtk_label_get_text (label), ==, "No company");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "dim-label"));
  rf_gui_set_text_or_placeholder (label, "Glowbar", "No company");
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Glowbar");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (label), "dim-label"));
  rf_gui_set_text_or_placeholder (label, NULL, "No company");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "dim-label"));
  g_object_unref (label);
}

/* Whole-number scores agree with their bucket: 79.99 is warm, shown 79. */
static void
test_shown_score (void)
{
  const struct { double score; const char *shown; } cases[] = {
    { 0, "0" }, { 39.99, "39" }, { 40, "40" }, { 44.5, "44" }, { 45.5, "45" }, { 59.99, "59" },
    { 60, "60" }, { 79.99, "79" }, { 80, "80" }, { 100, "100" }, { 104, "100" }, { -3, "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = g_strdup_printf ("%.0f", rf_gui_shown_score (cases[i].score));

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

static void
test_count_labels (void)
{
  const struct { guint count; const char *shown; } cases[] = {
    { 0, "0" }, { 9999, "9999" }, { 10000, "10.0k" }, { 12699, "12.6k" }, { 99999, "99.9k" },
    { 100000, "100k" }, { 999999, "999k" }, { 1000000, "1.0M" }, { 1259999, "1.2M" },
  };
  RfFilterBar *bar = g_object_ref_sink (g_object_new (RF_TYPE_FILTER_BAR, NULL));
  const guint counts[RF_N_SCORE_BUCKETS] = { 5, 61679, 0, 123456 };
  const char *tooltip;
  GtkWidget *label;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = rf_gui_format_count (cases[i].count);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }

  rf_filter_bar_set_counts (bar, counts);
  g_assert_cmpuint (rf_filter_bar_get_count (bar, RF_SCORE_BUCKET_WARM), ==, 61679);
  label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (bar), RF_TYPE_FILTER_BAR, "warm_count"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "61.6k");
  tooltip = gtk_widget_get_tooltip_text (label);
  g_assert_cmpstr (tooltip, ==, "61679");
  g_object_unref (bar);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

#define ADD(path, func, empty) \
  g_test_add (path, Fixture, GINT_TO_POINTER (empty), fixture_set_up, func, fixture_tear_down)
  ADD ("/window/empty", test_empty, TRUE);
  ADD ("/window/rows-shown", test_rows_shown, FALSE);
  ADD ("/window/bucket-filter", test_bucket_filter, FALSE);
  ADD ("/window/sort-by-column", test_sort_by_column, FALSE);
  ADD ("/window/profile-hint", test_profile_hint, FALSE);
  ADD ("/window/detail-and-status", test_detail_and_status, FALSE);
  ADD ("/window/signal-text-is-plain", test_signal_text_is_plain, FALSE);
  ADD ("/window/notes-save", test_notes_save, FALSE);
  ADD ("/window/activities", test_activities, FALSE);
  ADD ("/window/engine-actions", test_engine_actions, FALSE);
  ADD ("/window/delete-and-undo", test_delete_and_undo, FALSE);
  ADD ("/window/live-insert", test_live_insert, FALSE);
  ADD ("/window/columns", test_columns, FALSE);
  ADD ("/window/columns-remembered", test_columns_remembered, FALSE);
#undef ADD
  g_test_add_func ("/window/count-labels", test_count_labels);
  g_test_add_func ("/window/shown-score", test_shown_score);
  g_test_add_func ("/window/text-or-placeholder", test_text_or_placeholder);
  g_test_add_func ("/window/filter-bar-wraps", test_filter_bar_wraps);
  g_test_add_func ("/window/contact-line", test_contact_line);

  return g_test_run ();
}
