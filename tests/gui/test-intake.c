/* test-intake.c: drops (text, a file list), paste, the intake list, card
 * review, the New Signal dialog and the CSV import dialog, over a real
 * database and engine (scoring by rules: no Ollama)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rf-card-review.h"
#include "rf-contact-dao.h"
#include "rf-gui-test-fixture.h"
#include "rf-import-dialog.h"
#include "rf-intake-item.h"
#include "rf-lead-dao.h"
#include "rf-new-signal-dialog.h"

#define WAIT_MS 10000

/* Cards drawn at test time come with the OCR branch. */
#include "rf-test-cards.h"

static const char vcard[] =
  "BEGIN:VCARD\r\n"
  "VERSION:3.0\r\n"
  "FN:Jane Doe\r\n"
  "ORG:Acme Shop\r\n"
  "TITLE:Founder\r\n"
  "EMAIL:jane@acmeshop.example\r\n"
  "TEL:+49 30 1234567\r\n"
  "URL:https://acmeshop.example\r\n"
  "END:VCARD\r\n";

static void
set_up (GuiFixture    *f,
        gconstpointer  data)
{
  gui_fixture_set_up (f, FALSE, TRUE);
}

static void
tear_down (GuiFixture    *f,
           gconstpointer  data)
{
  gui_fixture_tear_down (f);
}

static GFile *
write_file (GuiFixture *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return g_file_new_for_path (path);
}

static RfIntakeItem *
find_item (GuiFixture *f,
           const char *title)
{
  GListModel *items = rf_intake_get_items (f->window->intake);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RfIntakeItem) item = g_list_model_get_item (items, i);
      if (g_str_has_prefix (rf_intake_item_get_title (item), title))
        return item;   /* the store keeps it */
    }
  return NULL;
}

static gboolean
intake_idle (gpointer data)
{
  GuiFixture *f = data;
  return !rf_intake_get_busy (f->window->intake) && g_list_model_get_n_items (rf_intake_get_items (f->window->intake)) > 0;
}

static void
wait_intake (GuiFixture *f)
{
  g_assert_true (rf_test_wait_until (intake_idle, f, WAIT_MS));
}

typedef struct
{
  GuiFixture *f;
  gint64      lead_id;
} Selected;

static gboolean
lead_selected (gpointer data)
{
  Selected *selected = data;
  RfWindow *window = selected->f->window;
  guint position = rf_lead_table_get_selected (window->table);

  return rf_lead_detail_get_lead_id (window->detail) == selected->lead_id && position != GTK_INVALID_LIST_POSITION
         && rf_lead_list_model_get_id (window->model, position) == selected->lead_id;
}

static void
assert_selected (GuiFixture *f,
                 gint64      lead_id)
{
  Selected selected = { f, lead_id };

  g_assert_true (rf_test_wait_until (lead_selected, &selected, WAIT_MS));
}

static RfLead *
get_lead (GuiFixture *f,
          gint64      lead_id)
{
  g_autoptr(RfLeadDao) dao = rf_lead_dao_new (f->database);
  g_autoptr(GError) error = NULL;
  RfLead *lead = rf_lead_dao_get_sync (dao, lead_id, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (lead);
  return lead;
}

static gboolean
drop_value (GuiFixture   *f,
            const GValue *value)
{
  GtkDropTarget *target = rf_intake_get_drop_target (f->window->intake);
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  g_signal_emit_by_name (target, "drop", value, 200.0, 200.0, &accepted);
  return accepted;
}

/* Text dragged onto the window becomes a scored lead, which is selected. */
static void
test_drop_text (GuiFixture    *f,
                gconstpointer  data)
{
  g_auto(GValue) value = G_VALUE_INIT;
  RfIntakeItem *item;
  g_autoptr(RfLead) lead = NULL;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "  " RF_TEST_SIGNAL_TEXT "\n");
  g_assert_true (drop_value (f, &value));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window->intake)));
  wait_intake (f);

  /* Its title: the first line, shortened. */
  item = find_item (f, "Looking to hire a growth marketer.");
  g_assert_nonnull (item);
  g_assert_cmpint (g_utf8_strlen (rf_intake_item_get_title (item), -1), ==, 60);
  g_assert_true (g_str_has_suffix (rf_intake_item_get_title (item), "…"));
  g_assert_cmpint (rf_intake_item_get_phase (item), ==, RF_INTAKE_ITEM_DONE);
  g_assert_cmpint (rf_intake_item_get_lead_id (item), >, 0);

  lead = get_lead (f, rf_intake_item_get_lead_id (item));
  g_assert_cmpint (rf_lead_get_source_type (lead), ==, RF_SOURCE_TYPE_MANUAL);
  g_assert_cmpstr (rf_classification_get_classifier (rf_lead_get_classification (lead)), ==, "rules");
  assert_selected (f, rf_lead_get_id (lead));
  /* The intake list shows itself once there is something in it. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window->intake_list)));
}

/* A file list: the vCard and the text file make leads; a broken image and
 * an unknown file fail with their names and why, and the rest go on. */
static void
test_drop_files (GuiFixture    *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) broken = write_file (f, "broken-card.png", "not a PNG at all", -1);
  g_autoptr(GFile) card = write_file (f, "jane.vcf", vcard, -1);
  /* Names are never markup: GTK would warn, and warnings are fatal here. */
  g_autoptr(GFile) note = write_file (f, "R&D <b>note.txt", RF_TEST_SIGNAL_TEXT, -1);
  g_autoptr(GFile) other = write_file (f, "table.xyz", "?", -1);
  GFile *files[] = { broken, card, note, other };
  g_auto(GValue) value = G_VALUE_INIT;
  RfIntakeItem *item;
  g_autoptr(RfLead) lead = NULL;
  g_autoptr(RfLead) note_lead = NULL;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, G_N_ELEMENTS (files)));
  g_assert_true (drop_value (f, &value));
  wait_intake (f);
  g_assert_cmpuint (g_list_model_get_n_items (rf_intake_get_items (f->window->intake)), ==, 4);
  rf_intake_list_popup (f->window->intake_list);
  gui_fixture_spin (100);

  item = find_item (f, "broken-card.png");
  g_assert_cmpint (rf_intake_item_get_phase (item), ==, RF_INTAKE_ITEM_FAILED);
  g_assert_nonnull (rf_intake_item_get_message (item));
  g_assert_cmpstr (rf_intake_item_get_message (item), !=, "");

  item = find_item (f, "table.xyz");
  g_assert_cmpint (rf_intake_item_get_phase (item), ==, RF_INTAKE_ITEM_FAILED);

  item = find_item (f, "R&D <b>note.txt");
  g_assert_cmpint (rf_intake_item_get_phase (item), ==, RF_INTAKE_ITEM_DONE);
  note_lead = get_lead (f, rf_intake_item_get_lead_id (item));

  item = find_item (f, "jane.vcf");
  g_assert_cmpint (rf_intake_item_get_phase (item), ==, RF_INTAKE_ITEM_DONE);
  lead = get_lead (f, rf_intake_item_get_lead_id (item));
  g_assert_cmpstr (rf_lead_get_contact_name (lead), ==, "Jane Doe");
  g_assert_cmpstr (rf_lead_get_contact_email (lead), ==, "jane@acmeshop.example");
  g_assert_cmpstr (rf_lead_get_company_name (lead), ==, "Acme Shop");

  /* The last lead made is the one shown. */
  assert_selected (f, rf_lead_get_id (note_lead));

  /* Finished items can be cleared. */
  rf_intake_clear_finished (f->window->intake);
  g_assert_cmpuint (g_list_model_get_n_items (rf_intake_get_items (f->window->intake)), ==, 0);
}

/* A photo of a card, dropped: read, then a lead with its contact, and the
 * fields to review. */
static void
test_drop_card (GuiFixture    *f,
                gconstpointer  data)
{
  static const char * const lines[] = {
    "Jane Doe", "Founder", "Acme Shop", "jane@acmeshop.example", "+49 30 1234567", "acmeshop.example", NULL
  };
  g_autoptr(RfTestCard) card = rf_test_card_new (lines, "DejaVu Sans");
  g_autoptr(GBytes) photo = rf_test_card_render (card, 1600);
  g_autoptr(GFile) file = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GFile *files[1];
  RfIntakeItem *item;
  g_autoptr(RfLead) lead = NULL;

  file = write_file (f, card->jpeg ? "card.jpg" : "card.png", g_bytes_get_data (photo, NULL),
                     g_bytes_get_size (photo));
  files[0] = file;
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, 1));
  g_assert_true (drop_value (f, &value));
  g_assert_true (rf_test_wait_until (intake_idle, f, 60000));

  item = find_item (f, "card.");
  g_assert_cmpint (rf_intake_item_get_phase (item), ==, RF_INTAKE_ITEM_DONE);
  lead = get_lead (f, rf_intake_item_get_lead_id (item));
  g_assert_cmpstr (rf_lead_get_contact_email (lead), ==, "jane@acmeshop.example");
  g_assert_true (rf_intake_item_has_fields (item));
  g_assert_cmpstr (rf_intake_item_get_field (item, RF_CARD_REVIEW_EMAIL)->value, ==, "jane@acmeshop.example");
  assert_selected (f, rf_lead_get_id (lead));
}

/* The same files opened from the command line (the application's open). */
static void
test_open_files (GuiFixture    *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) card = write_file (f, "jane.vcf", vcard, -1);
  RfIntakeItem *item;

  rf_window_open_files (f->window, &card, 1);
  wait_intake (f);
  item = find_item (f, "jane.vcf");
  g_assert_cmpint (rf_intake_item_get_phase (item), ==, RF_INTAKE_ITEM_DONE);
  assert_selected (f, rf_intake_item_get_lead_id (item));
}

/* Ctrl+V with text on the clipboard. */
static void
test_paste_text (GuiFixture    *f,
                 gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  RfIntakeItem *item;
  g_autoptr(RfLead) lead = NULL;

  gdk_clipboard_set_text (clipboard, "Pasted: " RF_TEST_SIGNAL_TEXT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.paste-signal", NULL));
  wait_intake (f);
  item = find_item (f, "Pasted: Looking to hire");
  g_assert_nonnull (item);
  g_assert_cmpint (rf_intake_item_get_phase (item), ==, RF_INTAKE_ITEM_DONE);
  lead = get_lead (f, rf_intake_item_get_lead_id (item));
  assert_selected (f, rf_lead_get_id (lead));
}

/* Card review: unsure fields are marked; a correction reaches the contact. */

static gboolean
review_idle (gpointer data)
{
  return !rf_card_review_get_busy (data);
}

static void
test_card_review (GuiFixture    *f,
                  gconstpointer  data)
{
  gint64 lead_id = rf_test_insert_lead (f->database, "Acme Shop", "acmeshop.example", "Jane Doe",
                                        "jane@acrneshop.example", 50, "card");
  g_autoptr(RfLead) lead = get_lead (f, lead_id);
  g_autoptr(RfIntakeItem) item = rf_intake_item_new ("card.png", NULL);
  g_autoptr(RfContactDao) contacts = rf_contact_dao_new (f->database);
  g_autoptr(RfContact) contact = NULL;
  RfCardReview *review;
  AdwEntryRow *email;

  rf_intake_item_set_field (item, RF_CARD_REVIEW_NAME, "Jane Doe", 0.95, FALSE);
  rf_intake_item_set_field (item, RF_CARD_REVIEW_EMAIL, "jane@acrneshop.example", 0.41, TRUE);
  rf_intake_item_set_contact_id (item, rf_lead_get_contact_id (lead));
  rf_intake_item_finish (item, lead_id, NULL);
  g_assert_cmpuint (rf_intake_item_count_unsure (item), ==, 1);

  review = rf_card_review_new (f->database, item);
  gtk_window_present (GTK_WINDOW (review));
  email = rf_card_review_get_row (review, RF_CARD_REVIEW_EMAIL);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (email), "unsure-field"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (rf_card_review_get_row (review, RF_CARD_REVIEW_NAME)),
                                            "unsure-field"));

  gtk_editable_set_text (GTK_EDITABLE (email), "jane@acmeshop.example");
  g_signal_emit_by_name (email, "apply");
  g_assert_true (rf_card_review_get_busy (review));
  g_assert_true (rf_test_wait_until (review_idle, review, WAIT_MS));

  contact = rf_contact_dao_get_sync (contacts, rf_lead_get_contact_id (lead), NULL, NULL);
  g_assert_cmpstr (rf_contact_get_email (contact), ==, "jane@acmeshop.example");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (email), "unsure-field"));
  g_assert_false (rf_intake_item_get_field (item, RF_CARD_REVIEW_EMAIL)->unsure);
  gtk_window_destroy (GTK_WINDOW (review));
}

/* New signal: Classify shows the result in place and opens the lead. */

static gboolean
dialog_idle (gpointer data)
{
  return !rf_new_signal_dialog_get_busy (data) && rf_new_signal_dialog_get_lead_id (data) > 0;
}

static void
test_new_signal (GuiFixture    *f,
                 gconstpointer  data)
{
  RfNewSignalDialog *dialog;
  g_autoptr(RfLead) lead = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-signal", NULL));
  dialog = rf_new_signal_dialog_new (f->engine);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (dialog));
  rf_new_signal_dialog_set_text (dialog, "<b>Hiring</b> a head of marketing & growth");
  rf_new_signal_dialog_classify (dialog);
  g_assert_true (rf_test_wait_until (dialog_idle, dialog, WAIT_MS));

  lead = get_lead (f, rf_new_signal_dialog_get_lead_id (dialog));
  assert_selected (f, rf_lead_get_id (lead));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* CSV import: mapping, import, report, revert. */

typedef struct
{
  RfImportDialog *dialog;
  const char     *page;
} Page;

static gboolean
on_page (gpointer data)
{
  Page *page = data;
  return g_strcmp0 (rf_import_dialog_get_page (page->dialog), page->page) == 0;
}

static void
wait_page (RfImportDialog *dialog,
           const char     *name)
{
  Page page = { dialog, name };

  if (!rf_test_wait_until (on_page, &page, WAIT_MS))
    g_error ("Waited for page %s, on %s", name, rf_import_dialog_get_page (dialog));
}

static void
test_import_dialog (GuiFixture    *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "leads.csv",
                                      "Company,Website,Contact,Email,Notes\n"
                                      "Acme Shop,acmeshop.example,Jane Doe,jane@acmeshop.example,Hiring a growth marketer\n"
                                      "Bolt Goods,boltgoods.example,Sam Roe,sam@boltgoods.example,No marketing system\n"
                                      "Cask & Co,cask.example,Ann Poe,ann@cask.example,Low conversion\n",
                                      -1);
  g_autoptr(RfLeadDao) dao = rf_lead_dao_new (f->database);
  g_autoptr(RfLeadQuery) all = rf_lead_query_new ();
  RfImportDialog *dialog = rf_import_dialog_new (f->database, file);
  RfColumnMapping *mapping;
  const RfImportReport *report;

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (dialog));
  wait_page (dialog, "mapping");
  mapping = rf_csv_importer_get_mapping (rf_import_dialog_get_importer (dialog));
  g_assert_nonnull (mapping);
  g_assert_cmpint (rf_column_mapping_get_field (mapping, 0), ==, RF_LEAD_FIELD_COMPANY);
  g_assert_cmpint (rf_column_mapping_get_field (mapping, 3), ==, RF_LEAD_FIELD_EMAIL);

  rf_import_dialog_start (dialog);
  wait_page (dialog, "report");
  report = rf_import_dialog_get_report (dialog);
  g_assert_cmpuint (report->leads_created, ==, 3);
  g_assert_cmpuint (rf_lead_dao_count_sync (dao, all, NULL, NULL), ==, 3);

  rf_import_dialog_revert (dialog);
  for (guint i = 0; i < 500 && rf_lead_dao_count_sync (dao, all, NULL, NULL) > 0; i++)
    gui_fixture_spin (10);
  g_assert_cmpuint (rf_lead_dao_count_sync (dao, all, NULL, NULL), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* What a dropped file becomes. */
static void
test_kinds (void)
{
  static const struct { const char *name; RfIntakeKind kind; } cases[] = {
    { "card.JPG", RF_INTAKE_KIND_DOCUMENT },
    { "scan.png", RF_INTAKE_KIND_DOCUMENT },
    { "brochure.pdf", RF_INTAKE_KIND_DOCUMENT },
    { "leads.csv", RF_INTAKE_KIND_TABLE },
    { "leads.TSV", RF_INTAKE_KIND_TABLE },
    { "jane.vcf", RF_INTAKE_KIND_VCARD },
    { "post.txt", RF_INTAKE_KIND_TEXT },
    { "archive.zip", RF_INTAKE_KIND_UNSUPPORTED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cases[i].name);
      g_assert_cmpint (rf_intake_kind_for_file (file), ==, cases[i].kind);
    }
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

  g_test_add_func ("/intake/kinds", test_kinds);
  g_test_add ("/intake/drop-text", GuiFixture, NULL, set_up, test_drop_text, tear_down);
  g_test_add ("/intake/drop-files", GuiFixture, NULL, set_up, test_drop_files, tear_down);
  g_test_add ("/intake/drop-card", GuiFixture, NULL, set_up, test_drop_card, tear_down);
  g_test_add ("/intake/open-files", GuiFixture, NULL, set_up, test_open_files, tear_down);
  g_test_add ("/intake/paste-text", GuiFixture, NULL, set_up, test_paste_text, tear_down);
  g_test_add ("/intake/card-review", GuiFixture, NULL, set_up, test_card_review, tear_down);
  g_test_add ("/intake/new-signal", GuiFixture, NULL, set_up, test_new_signal, tear_down);
  g_test_add ("/intake/import-dialog", GuiFixture, NULL, set_up, test_import_dialog, tear_down);
  return g_test_run ();
}
