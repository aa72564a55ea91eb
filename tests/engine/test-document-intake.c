/* test-document-intake.c: a card image or a PDF through OCR, the card
 * parser and the engine to a stored lead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>

#include <json-glib/json-glib.h>

#include "rf-document-intake.h"
#include "rf-ingest-error.h"
#include <glib/gstdio.h>
#include <time.h>
#include <utime.h>

#include "rf-lead-dao.h"
#include "rf-signal-dao.h"
#include "rf-test-util.h"

typedef struct
{
  char         *dir;
  RfDatabase   *database;
  RfConfig     *config;
  RfLeadEngine *engine;
  GArray       *phases;
} Fixture;

static const char * const card_lines[] = {
  "Maria Lopez",
  "Head of Marketing",
  "Brightleaf Candles",
  "maria@brightleaf.example",
  "+1 415 555 0134",
  "www.brightleaf.example",
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->database = rf_test_open_database (&fixture->dir);
  fixture->config = rf_config_new ();
  /* Nobody listens there: scored by rules, as without Ollama. */
  rf_config_set_ollama_url (fixture->config, "http://127.0.0.1:9");
  fixture->engine = rf_lead_engine_new (fixture->database, fixture->config);
  fixture->phases = g_array_new (FALSE, FALSE, sizeof (RfIntakePhase));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->engine);
  g_clear_object (&fixture->config);
  rf_database_close (fixture->database);
  g_clear_object (&fixture->database);
  g_array_unref (fixture->phases);
  rf_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
draw_card (cairo_t *cr)
{
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  for (guint i = 0; i < G_N_ELEMENTS (card_lines); i++)
    {
      cairo_set_font_size (cr, i == 0 ? 44 : 32);
      cairo_move_to (cr, 60, 90 + i * 70);
      cairo_show_text (cr, card_lines[i]);
    }
}

static char *
write_card_png (Fixture *fixture)
{
  char *path = g_build_filename (fixture->dir, "card.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1100, 560);
  cairo_t *cr = cairo_create (surface);

  draw_card (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static char *
write_card_pdf (Fixture *fixture)
{
  char *path = g_build_filename (fixture->dir, "card.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 1100, 560);
  cairo_t *cr = cairo_create (surface);

  draw_card (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return path;
}

static void
phase_cb (RfIntakePhase phase,
          gpointer      user_data)
{
  Fixture *fixture = user_data;

  g_array_append_val (fixture->phases, phase);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static RfDocumentOutcome *
ingest (Fixture     *fixture,
        const char  *path,
        GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) idle = NULL;
  RfDocumentOutcome *outcome;

  g_array_set_size (fixture->phases, 0);
  rf_lead_engine_ingest_document_async (fixture->engine, file, 0, phase_cb, fixture, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  outcome = rf_lead_engine_ingest_document_finish (fixture->engine, result, error);
  rf_lead_engine_wait_idle_async (fixture->engine, NULL, store_result_cb, &idle);
  while (idle == NULL)
    g_main_context_iteration (NULL, TRUE);
  return outcome;
}

static guint
count_leads (Fixture *fixture)
{
  g_autoptr(RfLeadDao) leads = rf_lead_dao_new (fixture->database);
  RfLeadQuery query = { 0 };

  return rf_lead_dao_count_sync (leads, &query, NULL, NULL);
}

static void
test_card_image (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = write_card_png (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(RfDocumentOutcome) first = ingest (fixture, path, &error);
  g_autoptr(RfDocumentOutcome) again = NULL;
  RfLead *lead;

  g_assert_no_error (error);
  lead = first->outcome->lead;
  g_assert_false (first->outcome->duplicate);
  g_assert_cmpint (rf_lead_get_source_type (lead), ==, RF_SOURCE_TYPE_OCR);
  g_assert_cmpstr (rf_lead_get_contact_email (lead), ==, "maria@brightleaf.example");
  g_assert_cmpstr (rf_lead_get_contact_name (lead), ==, "Maria Lopez");
  g_assert_nonnull (strstr (first->text, "Head of Marketing"));
  g_assert_nonnull (first->fields);
  g_assert_cmpstr (rf_card_fields_get (first->fields, RF_CARD_FIELD_EMAIL), ==, "maria@brightleaf.example");
  g_assert_cmpstr (first->file_name, ==, "card.png");
  /* The photo is kept beside the database, private, for the lead's view. */
  {
    g_autoptr(RfSignalDao) signals = rf_signal_dao_new (fixture->database);
    g_autoptr(RfSignal) signal = rf_signal_dao_get_sync (signals, rf_lead_get_signal_id (lead), NULL, NULL);
    g_autofree char *kept = rf_document_image_path (fixture->database, rf_signal_get_file_hash (signal));
    GStatBuf st;

    g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (g_stat (kept, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  g_assert_cmpuint (fixture->phases->len, ==, 4);
  g_assert_cmpint (g_array_index (fixture->phases, RfIntakePhase, 0), ==, RF_INTAKE_PHASE_READING);
  g_assert_cmpint (g_array_index (fixture->phases, RfIntakePhase, 1), ==, RF_INTAKE_PHASE_RECOGNIZING);
  g_assert_cmpint (g_array_index (fixture->phases, RfIntakePhase, 2), ==, RF_INTAKE_PHASE_CLASSIFYING);
  g_assert_cmpint (g_array_index (fixture->phases, RfIntakePhase, 3), ==, RF_INTAKE_PHASE_DONE);

  /* Dropped twice: the same lead, not read again. */
  again = ingest (fixture, path, &error);
  g_assert_no_error (error);
  g_assert_true (again->outcome->duplicate);
  g_assert_cmpint (rf_lead_get_id (again->outcome->lead), ==, rf_lead_get_id (lead));
  g_assert_cmpuint (fixture->phases->len, ==, 2);
  g_assert_cmpuint (count_leads (fixture), ==, 1);
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = write_card_pdf (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(RfDocumentOutcome) outcome = ingest (fixture, path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (rf_lead_get_source_type (outcome->outcome->lead), ==, RF_SOURCE_TYPE_PDF);
  g_assert_cmpstr (rf_lead_get_contact_email (outcome->outcome->lead), ==, "maria@brightleaf.example");
  g_assert_cmpstr (rf_lead_get_company_website (outcome->outcome->lead), !=, NULL);
}

/* Bad files: a clear error, nothing stored, what was there stays. */
static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  struct { const char *name; const char *contents; gssize length; int code; } cases[] = {
    { "notes.jpg", "just some text, not a JPEG", -1, RF_INGEST_ERROR_UNSUPPORTED_FILE },
    { "empty.png", "", 0, RF_INGEST_ERROR_CORRUPT_FILE },
    { "cut.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x04", 20, -1 },
    { "cut.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog", -1, -1 },
  };
  g_autofree char *good = write_card_png (fixture);
  g_autoptr(RfDocumentOutcome) first = ingest (fixture, good, NULL);

  g_assert_nonnull (first);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, cases[i].name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(RfDocumentOutcome) outcome = NULL;

      g_test_message ("%s", cases[i].name);
      g_assert_true (g_file_set_contents (path, cases[i].contents, cases[i].length, NULL));
      outcome = ingest (fixture, path, &error);
      g_assert_null (outcome);
      g_assert_true (error->domain == RF_INGEST_ERROR);
      if (cases[i].code >= 0)
        g_assert_cmpint (error->code, ==, cases[i].code);
      g_assert_cmpuint (count_leads (fixture), ==, 1);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RfDocumentOutcome) outcome = ingest (fixture, fixture->dir, &error);

    g_assert_null (outcome);
    g_assert_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_UNSUPPORTED_FILE);
  }
}

/* A phone photo of a real card (skipped when the test data is absent). */
static void
test_real_card (Fixture       *fixture,
                gconstpointer  data)
{
  const char *dir = rf_test_testdata_dir ("real-cards");
  g_autofree char *path = dir != NULL ? g_build_filename (dir, "chris-smith.jpg", NULL) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RfDocumentOutcome) outcome = NULL;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("real-cards test data not found");
      return;
    }
  outcome = ingest (fixture, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rf_lead_get_contact_name (outcome->outcome->lead), ==, "Chris Smith");
  g_assert_cmpstr (rf_lead_get_contact_email (outcome->outcome->lead), ==, "chris.smith@contoso.com");
}

/* `raptorflow-cli ingest card.png README` : one lead, one error, one JSON. */
/* Age a file past the sweep's grace minute. */
static void
make_old (const char *path)
{
  struct utimbuf times = { time (NULL) - 3600, time (NULL) - 3600 };

  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

/* A kept card photo stays while its lead is in the trash (undo) and goes
 * when the lead is deleted for good; nothing else in the folder is touched. */
static void
test_image_sweep (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = write_card_png (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(RfDocumentOutcome) outcome = ingest (fixture, path, &error);
  g_autoptr(RfLeadDao) leads = rf_lead_dao_new (fixture->database);
  g_autoptr(RfSignalDao) signals = rf_signal_dao_new (fixture->database);
  g_autoptr(RfSignal) signal = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *other = NULL;
  g_autofree char *young = NULL;
  gint64 id;
  guint removed = 99;

  g_assert_no_error (error);
  id = rf_lead_get_id (outcome->outcome->lead);
  signal = rf_signal_dao_get_sync (signals, rf_lead_get_signal_id (outcome->outcome->lead), NULL, NULL);
  kept = rf_document_image_path (fixture->database, rf_signal_get_file_hash (signal));
  other = rf_document_image_path (fixture->database, "notes.txt");
  young = rf_document_image_path (fixture->database, "00000000000000000000000000000000000000000000000000000000000000ff");
  g_assert_true (g_file_set_contents (other, "mine", -1, NULL));
  g_assert_true (g_file_set_contents (young, "just written", -1, NULL));
  make_old (kept);
  make_old (other);

  /* Nothing orphaned but the photo still being written. */
  g_assert_true (rf_document_images_sweep_sync (fixture->database, &removed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 0);

  g_assert_cmpuint (rf_lead_dao_remove_sync (leads, RF_LEAD_REMOVAL_TRASH, &id, 1, NULL, &error), ==, 1);
  g_assert_true (rf_document_images_sweep_sync (fixture->database, &removed, NULL, &error));
  g_assert_cmpuint (removed, ==, 0);
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));

  g_assert_true (rf_lead_dao_purge_trash_sync (leads, NULL, &error));
  g_assert_true (rf_document_images_sweep_sync (fixture->database, &removed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_false (g_file_test (kept, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (young, G_FILE_TEST_EXISTS));

  /* The command line deletes the photo with the lead. */
  g_clear_pointer (&outcome, rf_document_outcome_free);
  outcome = ingest (fixture, path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  make_old (kept);
  id = rf_lead_get_id (outcome->outcome->lead);
  {
    g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

    g_assert_cmpint (rf_test_run_cli (rf_database_get_path (fixture->database), NULL, NULL, "lead", id_text, "--delete", NULL), ==, 0);
  }
  g_assert_false (g_file_test (kept, G_FILE_TEST_EXISTS));
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *card = write_card_png (fixture);
  g_autofree char *notes = g_build_filename (fixture->dir, "notes.pdf", NULL);
  g_autofree char *db = g_build_filename (fixture->dir, "cli.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *results;
  JsonObject *lead;

  g_assert_true (g_file_set_contents (notes, "not a pdf", -1, NULL));
  g_assert_cmpint (rf_test_run_cli (db, &out, &err, "--ollama", "127.0.0.1:9", "--json", "ingest", card, notes, NULL), ==, 1);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  results = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (results), ==, 2);
  lead = json_array_get_object_element (results, 0);
  g_assert_cmpint (json_object_get_int_member (lead, "lead_id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (lead, "fields"), "email"), ==,
                   "maria@brightleaf.example");
  g_assert_nonnull (strstr (json_object_get_string_member (lead, "text"), "Brightleaf"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (lead, "classification"), "classifier"), ==, "rules");
  g_assert_true (json_object_has_member (json_array_get_object_element (results, 1), "error"));
  g_assert_nonnull (strstr (err, "notes.pdf"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/document-intake/card-image", test_card_image);
  ADD ("/document-intake/pdf", test_pdf);
  ADD ("/document-intake/bad-files", test_bad_files);
  ADD ("/document-intake/real-card", test_real_card);
  ADD ("/document-intake/cli", test_cli);
  ADD ("/document-intake/image-sweep", test_image_sweep);
#undef ADD

  return g_test_run ();
}
