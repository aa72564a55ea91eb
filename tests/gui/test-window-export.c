/* test-window-export.c: the window exports the leads in view or the
 * selection, and re-scores the selection through the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rf-gui-test-fixture.h"
#include "rf-lead-dao.h"

typedef struct
{
  GuiFixture gui;
  GArray    *ids;
} Fixture;

static const double scores[] = { 92, 85, 66, 45, 12 };

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  gui_fixture_set_up (&f->gui, FALSE, TRUE);
  f->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      g_autofree char *company = g_strdup_printf ("Company %c", 'A' + i);
      g_autofree char *email = g_strdup_printf ("p%u@c%u.example", i, i);
      g_autofree char *website = g_strdup_printf ("c%u.example", i);
      g_autofree char *contact = g_strdup_printf ("Pat Doe %u", i);
      gint64 id = rf_test_insert_lead (f->gui.database, company, website, contact, email, scores[i],
                                       "Hiring a growth marketer");

      g_array_append_val (f->ids, id);
    }
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  gui_fixture_tear_down (&f->gui);
  g_array_unref (f->ids);
}

static gboolean
shows_all (gpointer data)
{
  Fixture *f = data;

  return rf_window_is_idle (f->gui.window) &&
         g_list_model_get_n_items (G_LIST_MODEL (f->gui.window->model)) == G_N_ELEMENTS (scores);
}

typedef struct
{
  GFile      *file;
  const char *needle;
  guint       count;
} Written;

/* The export is done when the file holds @count times @needle. */
static gboolean
has_count (gpointer data)
{
  Written *written = data;
  g_autofree char *contents = NULL;
  guint count = 0;

  if (!g_file_load_contents (written->file, NULL, &contents, NULL, NULL, NULL))
    return FALSE;
  for (const char *p = contents; (p = strstr (p, written->needle)) != NULL; p++)
    count++;
  return count == written->count;
}

static void
select_positions (Fixture *f,
                  guint    first,
                  guint    second)
{
  GtkSelectionModel *selection = rf_lead_table_get_selection (f->gui.window->table);

  gtk_selection_model_unselect_all (selection);
  gtk_selection_model_select_item (selection, first, FALSE);
  gtk_selection_model_select_item (selection, second, FALSE);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *all_path = g_build_filename (f->gui.dir, "all.csv", NULL);
  g_autofree char *some_path = g_build_filename (f->gui.dir, "some.vcf", NULL);
  g_autoptr(GFile) all = g_file_new_for_path (all_path);
  g_autoptr(GFile) some = g_file_new_for_path (some_path);
  Written all_written = { all, ",Pat Doe ", G_N_ELEMENTS (scores) };
  Written some_written = { some, "END:VCARD", 2 };
  g_autofree char *vcards = NULL;

  g_assert_true (rf_test_wait_until (shows_all, f, 10000));

  /* Everything in view, as CSV: a row per lead. */
  rf_window_export_to_file (f->gui.window, all, FALSE);
  g_assert_true (rf_test_wait_until (has_count, &all_written, 10000));

  /* Two selected, as vCard (by the name): two cards, the right ones. */
  select_positions (f, 0, 3);
  rf_window_export_to_file (f->gui.window, some, TRUE);
  g_assert_true (rf_test_wait_until (has_count, &some_written, 10000));
  g_assert_true (g_file_load_contents (some, NULL, &vcards, NULL, NULL, NULL));
  g_assert_nonnull (strstr (vcards, "Company A"));
  g_assert_nonnull (strstr (vcards, "Company D"));
  g_assert_null (strstr (vcards, "Company B"));
}

static gboolean
rescored (gpointer data)
{
  return rf_lead_engine_get_completed (data) == 2 && rf_lead_engine_get_pending (data) == 0;
}

static void
test_rescore_selection (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RfLeadDao) dao = rf_lead_dao_new (f->gui.database);
  g_autoptr(RfLead) before = rf_lead_dao_get_sync (dao, f->ids->len > 0 ? g_array_index (f->ids, gint64, 0) : 0, NULL, NULL);
  g_autoptr(RfLead) after = NULL;

  g_assert_true (rf_test_wait_until (shows_all, f, 10000));
  select_positions (f, 0, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->gui.window), "win.rescore", NULL));
  g_assert_true (rf_test_wait_until (rescored, f->gui.engine, 10000));

  /* Scored again by rules (Ollama is away): the inserted 92 was made up. */
  after = rf_lead_dao_get_sync (dao, g_array_index (f->ids, gint64, 0), NULL, NULL);
  g_assert_cmpstr (rf_classification_get_classifier (rf_lead_get_classification (after)), ==, "rules");
  g_assert_cmpfloat (rf_lead_get_total_score (after), !=, rf_lead_get_total_score (before));
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

  g_test_add ("/window-export/export", Fixture, NULL, set_up, test_export, tear_down);
  g_test_add ("/window-export/rescore-selection", Fixture, NULL, set_up, test_rescore_selection, tear_down);

  return g_test_run ();
}
