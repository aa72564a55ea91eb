/* test-duplicates-window.c: the Find Duplicates window over a real
 * database (one group, merge into the chosen primary, undo; the empty
 * state) and the card thumbnail in the lead detail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cairo.h>

#include "rf-company-dao.h"
#include "rf-document-intake.h"
#include "rf-duplicates-window.h"
#include "rf-lead-dao.h"
#include "rf-scoring.h"
#include "rf-signal-dao.h"
#include "rf-store-error.h"
#include "rf-test-util.h"
#include "rf-window-private.h"

typedef struct
{
  char       *dir;
  RfDatabase *database;
  RfLeadDao  *leads;
  RfWindow   *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->database = rf_test_open_database (&f->dir);
  f->leads = rf_lead_dao_new (f->database);
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  spin (100);
  g_clear_object (&f->leads);
  rf_database_close (f->database);
  g_clear_object (&f->database);
  rf_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gint64
lead_company (Fixture *f,
              gint64   lead_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfLead) lead = rf_lead_dao_get_sync (f->leads, lead_id, NULL, &error);

  g_assert_no_error (error);
  return rf_lead_get_company_id (lead);
}

static gboolean
duplicates_settled (gpointer data)
{
  RfDuplicatesWindow *window = data;

  return rf_duplicates_window_is_idle (window) &&
         g_strcmp0 (rf_duplicates_window_get_page (window), "loading") != 0;
}

static RfDuplicatesWindow *
find_duplicates_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (RF_IS_DUPLICATES_WINDOW (window))
        return RF_DUPLICATES_WINDOW (window);
    }
  return NULL;
}

static void
test_merge_and_undo (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfCompanyDao) companies = rf_company_dao_new (f->database);
  g_autoptr(RfCompany) company = NULL;
  g_autoptr(RfCompany) gone = NULL;
  RfDuplicatesWindow *duplicates;
  gint64 lead_a, lead_b, company_a, company_b;

  lead_a = rf_test_insert_lead (f->database, "Acme", "https://acme.example", "Ada", "ada@acme.example", 70, "a");
  lead_b = rf_test_insert_lead (f->database, "Acme Holdings", "https://acme-holdings.example", "Bob",
                                "bob@acme-holdings.example", 50, "b");
  rf_test_insert_lead (f->database, "Unrelated", "https://unrelated.example", "Cy", "cy@unrelated.example", 20, "c");
  company_a = lead_company (f, lead_a);
  company_b = lead_company (f, lead_b);
  g_assert_cmpint (company_a, !=, company_b);
  /* The same company entered twice: the second under the first's domain. */
  company = rf_company_dao_get_sync (companies, company_b, NULL, &error);
  g_assert_no_error (error);
  rf_company_set_domain (company, "acme.example");
  g_assert_true (rf_company_dao_update_sync (companies, company, NULL, &error));
  g_assert_no_error (error);

  f->window = rf_window_new_for_database (f->database);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find-duplicates", NULL));
  duplicates = find_duplicates_window ();
  g_assert_nonnull (duplicates);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (duplicates)) == GTK_WINDOW (f->window));
  g_assert_true (rf_test_wait_until (duplicates_settled, duplicates, 5000));
  g_assert_cmpstr (rf_duplicates_window_get_page (duplicates), ==, "groups");
  g_assert_cmpuint (rf_duplicates_window_get_n_groups (duplicates), ==, 1);
  g_assert_true (gtk_check_button_get_active (rf_duplicates_window_get_primary_check (duplicates, 0, 0)));

  /* Keep the second as the primary. */
  gtk_check_button_set_active (rf_duplicates_window_get_primary_check (duplicates, 0, 1), TRUE);
  g_assert_false (gtk_check_button_get_active (rf_duplicates_window_get_primary_check (duplicates, 0, 0)));
  g_signal_emit_by_name (rf_duplicates_window_get_merge_button (duplicates, 0), "clicked");
  g_assert_false (rf_duplicates_window_is_idle (duplicates));
  g_assert_true (rf_test_wait_until (duplicates_settled, duplicates, 5000));
  g_assert_cmpstr (rf_duplicates_window_get_page (duplicates), ==, "empty");
  g_assert_cmpint (lead_company (f, lead_a), ==, company_b);
  g_assert_cmpint (lead_company (f, lead_b), ==, company_b);
  gone = rf_company_dao_get_sync (companies, company_a, NULL, &error);
  g_assert_null (gone);
  g_assert_error (error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The toast's Undo puts Acme back with its lead. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (duplicates), "duplicates.undo", NULL));
  g_assert_true (rf_test_wait_until (duplicates_settled, duplicates, 5000));
  g_assert_cmpint (lead_company (f, lead_a), ==, company_a);
  g_assert_cmpint (lead_company (f, lead_b), ==, company_b);
  g_assert_cmpstr (rf_duplicates_window_get_page (duplicates), ==, "groups");
  g_assert_cmpuint (rf_duplicates_window_get_n_groups (duplicates), ==, 1);

  gtk_window_destroy (GTK_WINDOW (duplicates));
}

static void
test_none (Fixture       *f,
           gconstpointer  data)
{
  RfDuplicatesWindow *duplicates;

  rf_test_insert_lead (f->database, "Acme", "https://acme.example", "Ada", "ada@acme.example", 70, "a");
  rf_test_insert_lead (f->database, "Globex", "https://globex.example", "Hank", "hank@globex.example", 40, "b");

  duplicates = rf_duplicates_window_new (f->database);
  gtk_window_present (GTK_WINDOW (duplicates));
  g_assert_true (rf_test_wait_until (duplicates_settled, duplicates, 5000));
  g_assert_cmpstr (rf_duplicates_window_get_page (duplicates), ==, "empty");
  g_assert_cmpuint (rf_duplicates_window_get_n_groups (duplicates), ==, 0);
  gtk_window_destroy (GTK_WINDOW (duplicates));
}

/* The card thumbnail. */

static gint64
insert_card_lead (Fixture    *f,
                  const char *hash)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfSignalDao) signals = rf_signal_dao_new (f->database);
  g_autoptr(RfSignal) signal = rf_signal_new ();
  g_autoptr(RfLead) lead = rf_lead_new ();
  gint64 id;

  rf_signal_set_source_type (signal, RF_SOURCE_TYPE_OCR);
  rf_signal_set_raw_text (signal, hash);
  rf_signal_set_file_hash (signal, hash);
  rf_signal_dao_insert_sync (signals, signal, NULL, NULL, &error);
  g_assert_no_error (error);
  rf_lead_set_total_score (lead, 40);
  rf_lead_set_score_bucket (lead, rf_score_bucket_for_total (40));
  rf_lead_set_signal_id (lead, rf_signal_get_id (signal));
  id = rf_lead_dao_insert_sync (f->leads, lead, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static void
write_card_png (Fixture    *f,
                const char *hash)
{
  g_autofree char *path = rf_document_image_path (f->database, hash);
  g_autofree char *folder = g_path_get_dirname (path);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 350);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.9, 0.9, 0.85);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.2, 0.5);
  cairo_rectangle (cr, 40, 40, 300, 40);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static gboolean
detail_settled (gpointer data)
{
  return !rf_lead_detail_get_busy (data);
}

static GtkPicture *
show_lead (RfLeadDetail *detail,
           gint64        id)
{
  rf_lead_detail_set_lead_id (detail, id);
  g_assert_true (rf_test_wait_until (detail_settled, detail, 5000));
  return GTK_PICTURE (gtk_widget_get_template_child (GTK_WIDGET (detail), RF_TYPE_LEAD_DETAIL, "card_picture"));
}

static void
test_card_thumbnail (Fixture       *f,
                     gconstpointer  data)
{
  const char *kept = "0123456789abcdef0123456789abcdef";
  const char *lost = "fedcba9876543210fedcba9876543210";
  gint64 with_card, without_card, manual;
  GtkWidget *window = gtk_window_new ();
  RfLeadDetail *detail = g_object_new (RF_TYPE_LEAD_DETAIL, NULL);
  GtkPicture *picture;
  GdkPaintable *paintable;

  write_card_png (f, kept);
  with_card = insert_card_lead (f, kept);
  without_card = insert_card_lead (f, lost);
  manual = rf_test_insert_lead (f->database, "Acme", "https://acme.example", "Ada", "ada@acme.example", 70, "a");

  rf_lead_detail_set_database (detail, f->database);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (detail));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 900);
  gtk_window_present (GTK_WINDOW (window));

  picture = show_lead (detail, with_card);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picture)));
  paintable = gtk_picture_get_paintable (picture);
  g_assert_nonnull (paintable);
  /* Scaled down to a thumbnail, the aspect kept. */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 240);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 140);

  picture = show_lead (detail, without_card);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picture)));
  g_assert_null (gtk_picture_get_paintable (picture));

  picture = show_lead (detail, with_card);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picture)));

  picture = show_lead (detail, manual);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picture)));
  g_assert_null (gtk_picture_get_paintable (picture));

  gtk_window_destroy (GTK_WINDOW (window));
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

  g_test_add ("/duplicates-window/merge-and-undo", Fixture, NULL, fixture_set_up, test_merge_and_undo, fixture_tear_down);
  g_test_add ("/duplicates-window/none", Fixture, NULL, fixture_set_up, test_none, fixture_tear_down);
  g_test_add ("/lead-detail/card-thumbnail", Fixture, NULL, fixture_set_up, test_card_thumbnail, fixture_tear_down);
  return g_test_run ();
}
