/* test-lead-list-model.c: the paged lead model: counts, pages, sort,
 * filters and live updates that keep rows and selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gtk/gtk.h>

#include "rf-lead-dao.h"
#include "rf-lead-list-model.h"
#include "rf-test-util.h"

#define N_LEADS 150

typedef struct
{
  char            *dir;
  RfDatabase      *database;
  RfLeadDao       *dao;
  RfLeadListModel *model;
  gint64           ids[N_LEADS];
} Fixture;

static double
score_of (guint i)
{
  return (i * 37) % 101;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->database = rf_test_open_database (&f->dir);
  f->dao = rf_lead_dao_new (f->database);
  for (guint i = 0; i < N_LEADS; i++)
    {
      g_autofree char *company = g_strdup_printf ("Company %03u", (i * 7) % N_LEADS);
      g_autofree char *contact = g_strdup_printf ("Person %u", i);

      f->ids[i] = rf_test_insert_lead (f->database, company, NULL, contact, NULL, score_of (i),
                                       i % 10 == 0 ? "kettle descaling" : "plain text");
    }
  f->model = rf_lead_list_model_new (f->database);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->model);
  g_clear_object (&f->dao);
  rf_database_close (f->database);
  g_clear_object (&f->database);
  rf_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gboolean
model_idle (gpointer data)
{
  return !rf_lead_list_model_get_loading (data);
}

static void
wait_idle (Fixture *f)
{
  g_assert_true (rf_test_wait_until (model_idle, f->model, 5000));
}

static void
set_query (Fixture     *f,
           RfLeadQuery *query)
{
  rf_lead_list_model_set_query (f->model, query);
  wait_idle (f);
}

static RfLead *
lead_at (Fixture *f,
         guint    position)
{
  g_autoptr(RfLeadRow) row = g_list_model_get_item (G_LIST_MODEL (f->model), position);

  wait_idle (f);
  g_assert_nonnull (rf_lead_row_get_lead (row));
  return rf_lead_row_get_lead (row);
}

static void
test_counts_and_pages (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  g_autoptr(RfLeadRow) first = NULL;
  g_autoptr(RfLeadRow) far = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->model)) == RF_TYPE_LEAD_ROW);
  set_query (f, query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, N_LEADS);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->model), N_LEADS));

  /* A row knows its id at once and is a placeholder until its page is in. */
  first = g_list_model_get_item (G_LIST_MODEL (f->model), 0);
  g_assert_cmpint (rf_lead_row_get_id (first), ==, rf_lead_list_model_get_id (f->model, 0));
  g_assert_null (rf_lead_row_get_lead (first));
  g_assert_true (rf_lead_list_model_get_loading (f->model));
  wait_idle (f);
  g_assert_nonnull (rf_lead_row_get_lead (first));
  g_assert_cmpint (rf_lead_get_id (rf_lead_row_get_lead (first)), ==, rf_lead_row_get_id (first));

  /* Only that page was fetched. */
  far = g_list_model_get_item (G_LIST_MODEL (f->model), RF_LEAD_LIST_MODEL_PAGE_SIZE * 2);
  g_assert_null (rf_lead_row_get_lead (far));
  wait_idle (f);
  g_assert_nonnull (rf_lead_row_get_lead (far));

  /* Asking again gives the same row. */
  {
    g_autoptr(RfLeadRow) again = g_list_model_get_item (G_LIST_MODEL (f->model), 0);
    g_assert_true (again == first);
  }
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  guint n;

  /* Hottest first by default. */
  set_query (f, query);
  n = g_list_model_get_n_items (G_LIST_MODEL (f->model));
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (rf_lead_get_total_score (lead_at (f, i - 1)), >=, rf_lead_get_total_score (lead_at (f, i)));
  g_assert_cmpfloat (rf_lead_get_total_score (lead_at (f, 0)), ==, 100);

  query->sort = RF_LEAD_SORT_COMPANY;
  query->ascending = TRUE;
  set_query (f, query);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (g_strcmp0 (rf_lead_get_company_name (lead_at (f, i - 1)),
                                rf_lead_get_company_name (lead_at (f, i))), <=, 0);
  g_assert_cmpstr (rf_lead_get_company_name (lead_at (f, 0)), ==, "Company 000");

  query->ascending = FALSE;
  set_query (f, query);
  g_assert_cmpstr (rf_lead_get_company_name (lead_at (f, 0)), ==, "Company 149");
}

static void
set_flag (gboolean *flag)
{
  *flag = TRUE;
}

/* The same query again before the first one's rows came in (a search
 * entry's delayed signal after the text was applied at once): the rows
 * whose fetch it cancelled are fetched again, not left empty. */
static void
test_query_again_before_rows (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  g_autoptr(RfLeadRow) first = NULL;
  gboolean applied = FALSE;

  set_query (f, query);
  first = g_list_model_get_item (G_LIST_MODEL (f->model), 0);
  wait_idle (f);
  g_assert_nonnull (rf_lead_row_get_lead (first));

  /* Applied: the row points at its new lead, whose page is queued. */
  query->sort = RF_LEAD_SORT_COMPANY;
  query->ascending = TRUE;
  g_signal_connect_swapped (f->model, "query-applied", G_CALLBACK (set_flag), &applied);
  rf_lead_list_model_set_query (f->model, query);
  while (!applied)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (rf_lead_row_get_lead (first));

  rf_lead_list_model_set_query (f->model, query);
  wait_idle (f);
  g_assert_cmpint (rf_lead_row_get_id (first), ==, rf_lead_list_model_get_id (f->model, 0));
  g_assert_nonnull (rf_lead_row_get_lead (first));
  g_assert_cmpstr (rf_lead_get_company_name (rf_lead_row_get_lead (first)), ==, "Company 000");
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  guint hot = 0;
  guint above_50 = 0;

  for (guint i = 0; i < N_LEADS; i++)
    {
      hot += score_of (i) >= 80;
      above_50 += score_of (i) >= 50;
    }

  query->bucket_mask = 1 << RF_SCORE_BUCKET_RED_HOT;
  set_query (f, query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, hot);
  for (guint i = 0; i < hot; i++)
    g_assert_cmpint (rf_lead_get_score_bucket (lead_at (f, i)), ==, RF_SCORE_BUCKET_RED_HOT);

  query->bucket_mask = 0;
  query->min_score = 50;
  set_query (f, query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, above_50);

  query->min_score = 0;
  rf_lead_query_set_search (query, "Person 42");
  set_query (f, query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 1);
  g_assert_cmpint (rf_lead_get_id (lead_at (f, 0)), ==, f->ids[42]);
  g_assert_cmpuint (rf_lead_list_model_find (f->model, f->ids[42]), ==, 0);
  g_assert_cmpuint (rf_lead_list_model_find (f->model, f->ids[41]), ==, G_MAXUINT);
}

typedef struct
{
  guint calls;
  guint position;
  guint removed;
  guint added;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->calls++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

static gboolean
changed_once (gpointer data)
{
  return ((Changes *)data)->calls > 0;
}

static gboolean
row_won (gpointer data)
{
  RfLead *lead = rf_lead_row_get_lead (data);

  return lead != NULL && rf_lead_get_status (lead) == RF_LEAD_STATUS_WON;
}

static void
test_live_insert_keeps_selection (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  g_autoptr(GtkMultiSelection) selection = NULL;
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(RfLeadRow) row5 = NULL;
  g_autoptr(RfLeadRow) row5_after = NULL;
  gint64 id5, id6, new_id;
  Changes changes = { 0 };

  set_query (f, query);
  selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (f->model)));
  row5 = g_list_model_get_item (G_LIST_MODEL (selection), 5);
  wait_idle (f);
  id5 = rf_lead_list_model_get_id (f->model, 5);
  id6 = rf_lead_list_model_get_id (f->model, 6);
  gtk_selection_model_select_range (GTK_SELECTION_MODEL (selection), 5, 2, TRUE);
  g_signal_connect (f->model, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  /* A new hottest lead: one row in at the top, nothing else replaced. */
  new_id = rf_test_insert_lead (f->database, "Fresh", NULL, NULL, NULL, 100, NULL);
  g_assert_true (rf_test_wait_until (changed_once, &changes, 5000));
  wait_idle (f);
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, N_LEADS + 1);
  g_assert_cmpuint (rf_lead_list_model_find (f->model, new_id), ==, changes.position);
  g_assert_cmpuint (changes.position, <=, 1);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (selection));
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 2);
  g_assert_cmpint (rf_lead_list_model_get_id (f->model, gtk_bitset_get_minimum (selected)), ==, id5);
  g_assert_cmpint (rf_lead_list_model_get_id (f->model, gtk_bitset_get_maximum (selected)), ==, id6);

  /* The row object stayed, and an update to its lead reaches it. */
  row5_after = g_list_model_get_item (G_LIST_MODEL (f->model), 6);
  g_assert_true (row5_after == row5);
  g_assert_true (rf_lead_dao_set_status_sync (f->dao, id5, RF_LEAD_STATUS_WON, NULL, NULL));
  changes.calls = 0;
  g_assert_true (rf_test_wait_until (row_won, row5, 5000));
  g_assert_cmpuint (changes.calls, ==, 0);   /* same place: no rows replaced */
  g_signal_handlers_disconnect_by_func (f->model, items_changed_cb, &changes);
}

static gboolean
n_items_is (gpointer data)
{
  Fixture *f = data;
  return g_list_model_get_n_items (G_LIST_MODEL (f->model)) == N_LEADS - 2;
}

static void
test_live_delete (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  gint64 ids[2] = { f->ids[3], f->ids[4] };

  set_query (f, query);
  g_assert_cmpuint (rf_lead_dao_remove_sync (f->dao, RF_LEAD_REMOVAL_TRASH, ids, 2, NULL, NULL), ==, 2);
  g_assert_true (rf_test_wait_until (n_items_is, f, 5000));
  g_assert_cmpuint (rf_lead_list_model_find (f->model, ids[0]), ==, G_MAXUINT);
  g_assert_cmpuint (rf_lead_list_model_find (f->model, ids[1]), ==, G_MAXUINT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/lead-list-model/counts-and-pages", test_counts_and_pages);
  ADD ("/lead-list-model/sort", test_sort);
  ADD ("/lead-list-model/filters", test_filters);
  ADD ("/lead-list-model/query-again-before-rows", test_query_again_before_rows);
  ADD ("/lead-list-model/live-insert-keeps-selection", test_live_insert_keeps_selection);
  ADD ("/lead-list-model/live-delete", test_live_delete);
#undef ADD

  return g_test_run ();
}
