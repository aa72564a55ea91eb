/* rf-screenshots.c: shows each intake and setup screen over demo data and
 * takes a picture of the screen with ImageMagick's import. Not a test:
 *
 *   meson compile -C build rf-screenshots
 *   xvfb-run -a -s "-screen 0 1400x900x24" build/tests/gui/rf-screenshots data/screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>

#include "rf-card-review.h"
#include "rf-gui-test-fixture.h"
#include "rf-icp-dao.h"
#include "rf-icp-template.h"
#include "rf-import-dialog.h"
#include "rf-intake-item.h"
#include "rf-new-signal-dialog.h"
#include "rf-preferences-window.h"
#include "rf-status-pill.h"

static const char *out_dir;

static void
settle (guint ms)
{
  gui_fixture_spin (ms);
}

static void
shoot (const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.png", name);
  g_autofree char *path = g_build_filename (out_dir, file, NULL);
  const char *argv[] = { "import", "-window", "root", path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  settle (600);
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("import %s: %s", path, error->message);
  g_print ("%s\n", path);
}

static GFile *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

static GFile *
draw_card (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "card-jane-doe.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 700, 400);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 22");

  cairo_set_source_rgb (cr, 0.97, 0.96, 0.93);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.85, 0.25, 0.2);
  cairo_rectangle (cr, 0, 0, 18, 400);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, "Jane Doe\nFounder\nAcme Shop\n\njane@acrneshop.example\n+49 30 1234567\nacmeshop.example", -1);
  cairo_move_to (cr, 60, 40);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  return g_file_new_for_path (path);
}

static GtkMenuButton *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_menu_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static RfFakeReply *
hot_answer (JsonObject *request,
            gpointer    user_data)
{
  return rf_fake_reply_new (RF_TEST_HOT_ANSWER);
}

static gboolean
intake_idle (gpointer data)
{
  return !rf_intake_get_busy (data);
}

int
main (int   argc,
      char *argv[])
{
  GuiFixture fixture = { 0 }, *f = &fixture;
  const char *fast_only[] = { RF_DEFAULT_FAST_MODEL, NULL };
  const char *both[] = { RF_DEFAULT_FAST_MODEL, RF_DEFAULT_RICH_MODEL, "qwen3:0.6b", NULL };
  static const struct { const char *company; const char *contact; double score; } demo[] = {
    { "Northwind Coffee", "Maria Lopez", 91 }, { "Brightside Labs", "Omar Haddad", 84 },
    { "Pine & Co", "Lea Vogel", 76 }, { "Kitebox", "Sam Carter", 68 }, { "Loomly Studio", "Ana Souza", 55 },
    { "Fjord Outdoor", "Erik Berg", 47 }, { "Hexa Parts GmbH", "Jonas Weber", 31 }, { "Tidewater Inc.", NULL, 12 },
  };
  g_autoptr(RfIcpDao) icps = NULL;
  g_autoptr(RfIcpProfile) profile = rf_icp_template_new ("solo-founder");
  g_autoptr(GSettings) settings = NULL;
  GtkMenuButton *button;

  if (argc != 2)
    {
      g_printerr ("Usage: %s OUTPUT-FOLDER\n", argv[0]);
      return 2;
    }
  out_dir = argv[1];
  g_mkdir_with_parents (out_dir, 0755);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();
  settings = g_settings_new (SCHEMA_ID);
  {
    /* AdwApplication loads it in the app. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  gui_fixture_set_up (f, TRUE, FALSE);
  rf_fake_ollama_set_models (f->ollama, fast_only);
  rf_fake_ollama_set_chat_handler (f->ollama, hot_answer, NULL);
  icps = rf_icp_dao_new (f->database);
  rf_icp_dao_save_sync (icps, profile, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (demo); i++)
    {
      g_autofree char *website = g_strdup_printf ("%c%u.example", 'a' + i, i);
      rf_test_insert_lead (f->database, demo[i].company, website, demo[i].contact, NULL, demo[i].score,
                           "Hiring a growth marketer; our conversion is low.");
    }
  f->window = rf_window_new_for_database (f->database);
  rf_window_set_engine (f->window, f->engine);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  settle (1500);

  /* The pill: a model is missing. */
  button = find_menu_button (f->window->status_pill);
  gtk_menu_button_popup (button);
  shoot ("status-model-missing");
  gtk_menu_button_popdown (button);

  /* Offline. */
  rf_fake_ollama_stop (f->ollama);
  rf_status_pill_check (RF_STATUS_PILL (f->window->status_pill));
  settle (1500);
  gtk_menu_button_popup (button);
  shoot ("status-offline");
  gtk_menu_button_popdown (button);
  rf_fake_ollama_restart (f->ollama);
  rf_fake_ollama_set_models (f->ollama, both);
  rf_status_pill_check (RF_STATUS_PILL (f->window->status_pill));
  settle (1500);

  /* Dragging files over the window. */
  {
    g_autoptr(GFile) card = g_file_new_for_path ("card.jpg");
    g_autoptr(GFile) pdf = g_file_new_for_path ("brochure.pdf");
    g_autoptr(GFile) csv = g_file_new_for_path ("trade-fair.csv");
    g_autoptr(GFile) vcf = g_file_new_for_path ("jane.vcf");
    GFile *files[] = { card, pdf, csv, vcf };
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, gdk_file_list_new_from_array (files, G_N_ELEMENTS (files)));
    rf_intake_preview_drop (f->window->intake, &value);
    shoot ("drop-overlay");
    rf_intake_preview_drop (f->window->intake, NULL);
  }

  /* The intake list after a drop with a failure. */
  {
    g_autoptr(GFile) broken = write_file (f->dir, "scan-0042.png", "not an image");
    g_autoptr(GFile) vcf = write_file (f->dir, "jane.vcf",
                                       "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Doe\r\nORG:Acme Shop\r\n"
                                       "EMAIL:jane@acmeshop.example\r\nEND:VCARD\r\n");
    GFile *files[] = { broken, vcf };

    rf_intake_add_files (f->window->intake, files, G_N_ELEMENTS (files));
    rf_intake_add_text (f->window->intake, RF_TEST_SIGNAL_TEXT);
    rf_test_wait_until (intake_idle, f->window->intake, 10000);
    settle (800);
    rf_intake_list_popup (f->window->intake_list);
    shoot ("intake-list");
    gtk_menu_button_popdown (find_menu_button (GTK_WIDGET (f->window->intake_list)));
  }

  /* New signal, classified. */
  {
    RfNewSignalDialog *dialog = rf_new_signal_dialog_new (f->engine);

    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (f->window));
    gtk_window_present (GTK_WINDOW (dialog));
    rf_new_signal_dialog_set_text (dialog, "We are a 6-person eCommerce brand doing $50K MRR. Looking to hire our first "
                                           "growth marketer: we have no marketing system and conversion keeps dropping.");
    settle (300);
    rf_new_signal_dialog_classify (dialog);
    while (rf_new_signal_dialog_get_busy (dialog))
      g_main_context_iteration (NULL, TRUE);
    shoot ("new-signal");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* Card review. */
  {
    g_autoptr(GFile) card = draw_card (f->dir);
    g_autoptr(RfIntakeItem) item = rf_intake_item_new ("card-jane-doe.png", card);
    RfCardReview *review;

    rf_intake_item_set_field (item, RF_CARD_REVIEW_NAME, "Jane Doe", 0.97, FALSE);
    rf_intake_item_set_field (item, RF_CARD_REVIEW_TITLE, "Founder", 0.91, FALSE);
    rf_intake_item_set_field (item, RF_CARD_REVIEW_COMPANY, "Acme Shop", 0.88, FALSE);
    rf_intake_item_set_field (item, RF_CARD_REVIEW_EMAIL, "jane@acrneshop.example", 0.42, TRUE);
    rf_intake_item_set_field (item, RF_CARD_REVIEW_PHONE, "+49301234567", 0.83, FALSE);
    rf_intake_item_set_field (item, RF_CARD_REVIEW_WEBSITE, "acmeshop.example", 0.55, TRUE);
    rf_intake_item_finish (item, 1, NULL);
    review = rf_card_review_new (f->database, item);
    gtk_window_set_transient_for (GTK_WINDOW (review), GTK_WINDOW (f->window));
    gtk_window_present (GTK_WINDOW (review));
    shoot ("card-review");
    gtk_window_destroy (GTK_WINDOW (review));
  }

  /* CSV import: mapping, then the report. */
  {
    g_autoptr(GFile) csv = write_file (f->dir, "trade-fair.csv",
                                       "Company,Website,Contact,Email,Phone,Notes\n"
                                       "Acme Shop,acmeshop.example,Jane Doe,jane@acmeshop.example,+49 30 1234567,Hiring a growth marketer\n"
                                       "Bolt Goods,boltgoods.example,Sam Roe,sam@boltgoods.example,,No marketing system yet\n"
                                       "Cask & Co,cask.example,Ann Poe,ann@cask.example,+44 20 7946 0000,Conversion is low\n"
                                       "Bolt Goods,boltgoods.example,Sam Roe,sam@boltgoods.example,,Duplicate row\n"
                                       ",,,,,\n");
    RfImportDialog *dialog = rf_import_dialog_new (f->database, csv);

    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (f->window));
    gtk_window_present (GTK_WINDOW (dialog));
    settle (1000);
    shoot ("import-mapping");
    rf_import_dialog_start (dialog);
    while (g_strcmp0 (rf_import_dialog_get_page (dialog), "report") != 0)
      g_main_context_iteration (NULL, TRUE);
    shoot ("import-report");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* The ICP builder. */
  adw_view_stack_set_visible_child_name (f->window->view_stack, "profiles");
  settle (800);
  shoot ("profiles");
  adw_view_stack_set_visible_child_name (f->window->view_stack, "leads");

  /* Preferences. */
  {
    RfPreferencesWindow *preferences;

    g_settings_set_string (settings, "ollama-url", rf_fake_ollama_get_url (f->ollama));
    preferences = rf_preferences_window_new (settings);
    gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (f->window));
    gtk_window_present (GTK_WINDOW (preferences));
    settle (1000);
    shoot ("preferences");
    gtk_window_destroy (GTK_WINDOW (preferences));
  }

  gui_fixture_tear_down (f);
  return 0;
}
