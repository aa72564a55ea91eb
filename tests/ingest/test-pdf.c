/* test-pdf.c: RfPdf on PDFs made here: a text layer, a scan, and bad ones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rf-card-parser.h"
#include "rf-pdf.h"
#include "rf-test-cards.h"
#include "rf-test-util.h"

static const char * const card_lines[] = {
  "Maria Garcia", "Head of Marketing", "Brightpath Inc", "T: +1 (415) 555-0199", "maria.garcia@brightpath.com",
  "www.brightpath.com", "120 Main Avenue", "Austin, TX 78701", NULL,
};

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

typedef void (*DrawFunc) (cairo_t *cr);

/* A PDF of one page (252 × 144 pt, a card) drawn by @draw; NULL: blank. */
static GBytes *
make_pdf (DrawFunc draw)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_cb, out, 252, 144);
  cairo_t *cr = cairo_create (surface);

  if (draw != NULL)
    draw (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}

static void
draw_text (cairo_t *cr)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("DejaVu Sans 8");

  pango_layout_set_font_description (layout, font);
  cairo_move_to (cr, 14, 10);
  for (guint i = 0; card_lines[i] != NULL; i++)
    {
      pango_layout_set_text (layout, card_lines[i], -1);
      cairo_move_to (cr, 14, 8 + i * 15);
      pango_cairo_show_layout (cr, layout);
    }
  pango_font_description_free (font);
  g_object_unref (layout);
}

/* A scan: the card as pixels only, no text in the PDF. */
static void
draw_picture (cairo_t *cr)
{
  g_autoptr(RfTestCard) card = rf_test_card_new (card_lines, "DejaVu Sans");
  int height;
  int stride;
  g_autoptr(GBytes) pixels = rf_test_card_render_flat (card, 1050, &height, &stride);
  cairo_surface_t *image = cairo_image_surface_create_for_data ((guchar *)g_bytes_get_data (pixels, NULL),
                                                                 CAIRO_FORMAT_RGB24, 1050, height, stride);

  static cairo_user_data_key_t pixels_key;

  /* The PDF surface keeps the image until the page is written. */
  cairo_surface_set_user_data (image, &pixels_key, g_bytes_ref (pixels), (cairo_destroy_func_t)g_bytes_unref);
  cairo_scale (cr, 252.0 / 1050, 252.0 / 1050);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_surface_destroy (image);
}

static void
test_text_layer (void)
{
  g_autoptr(RfPdf) pdf = rf_pdf_new ();
  g_autoptr(GBytes) bytes = make_pdf (draw_text);
  g_autoptr(GError) error = NULL;
  g_autoptr(RfPdfResult) result = rf_pdf_read_bytes_sync (pdf, bytes, NULL, &error);
  g_autoptr(RfCardParser) parser = rf_card_parser_new ();
  g_autoptr(RfCardFields) fields = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (result->n_pages, ==, 1);
  g_assert_cmpuint (result->n_ocr_pages, ==, 0);
  g_assert_cmpfloat (result->confidence, ==, 1.0);
  fields = rf_card_parser_parse (parser, result->text, -1);
  g_assert_cmpstr (rf_card_fields_get (fields, RF_CARD_FIELD_NAME), ==, "Maria Garcia");
  g_assert_cmpstr (rf_card_fields_get (fields, RF_CARD_FIELD_EMAIL), ==, "maria.garcia@brightpath.com");
  g_assert_cmpstr (rf_card_fields_get (fields, RF_CARD_FIELD_PHONE), ==, "+14155550199");
  g_assert_cmpstr (rf_card_fields_get (fields, RF_CARD_FIELD_ADDRESS), ==, "120 Main Avenue, Austin, TX 78701");
}

static void
test_image_only (void)
{
  g_autoptr(RfPdf) pdf = rf_pdf_new ();
  g_autoptr(GBytes) bytes = make_pdf (draw_picture);
  g_autoptr(GError) error = NULL;
  g_autoptr(RfPdfResult) result = rf_pdf_read_bytes_sync (pdf, bytes, NULL, &error);
  g_autoptr(RfCardParser) parser = rf_card_parser_new ();
  g_autoptr(RfCardFields) fields = NULL;

  g_assert_no_error (error);
  g_test_message ("read by OCR:\n%s", result->text);
  g_assert_cmpuint (result->n_ocr_pages, ==, 1);
  g_assert_cmpfloat (result->confidence, >, 0.5);
  g_assert_cmpfloat (result->confidence, <, 1.0);
  fields = rf_card_parser_parse (parser, result->text, -1);
  g_assert_cmpstr (rf_card_fields_get (fields, RF_CARD_FIELD_EMAIL), ==, "maria.garcia@brightpath.com");
  g_assert_cmpstr (rf_card_fields_get (fields, RF_CARD_FIELD_PHONE), ==, "+14155550199");
  g_assert_cmpstr (rf_card_fields_get (fields, RF_CARD_FIELD_NAME), ==, "Maria Garcia");
}

/* A PDF from @objects (bodies of objects 1, 2, ...) and @trailer extras,
 * with a correct cross-reference table. */
static GBytes *
build_pdf (const char * const *objects,
           const char         *trailer)
{
  GString *pdf = g_string_new ("%PDF-1.4\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize xref;
  guint n = g_strv_length ((char **)objects);

  for (guint i = 0; i < n; i++)
    {
      g_array_append_val (offsets, pdf->len);
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", n + 1);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R %s >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          n + 1, trailer, xref);
  return g_string_free_to_bytes (pdf);
}

static void
expect_error (GBytes     *bytes,
              int         code,
              const char *what)
{
  g_autoptr(RfPdf) pdf = rf_pdf_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RfPdfResult) result = NULL;

  g_test_message ("%s", what);
  result = rf_pdf_read_bytes_sync (pdf, bytes, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, RF_INGEST_ERROR, code);
  g_assert_true (g_str_has_suffix (error->message, "."));
}

static void
test_bad_pdfs (void)
{
  const char * const page[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 252 144] >>",
    /* RC4 40-bit, a user password: these O and U match no empty password. */
    "<< /Filter /Standard /V 1 /R 2 /P -44 "
    "/O <9c1b8e1a0c6f2e5d3a4b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b> "
    "/U <1f2e3d4c5b6a79880716253443526170ffeeddccbbaa99887766554433221100> >>",
    NULL,
  };
  const char * const no_pages[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [] /Count 0 >>",
    NULL,
  };
  g_autoptr(GBytes) encrypted = build_pdf (page, "/Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]");
  g_autoptr(GBytes) empty_document = build_pdf (no_pages, "");
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) garbage = g_bytes_new_static ("%PDF-1.7\n\x01\x02 this is not a PDF body at all \xff\xfe\n", 46);
  g_autoptr(GBytes) text_pdf = make_pdf (draw_text);
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (text_pdf, 0, 60);
  g_autoptr(GBytes) blank = make_pdf (NULL);
  g_autoptr(RfTestCard) card = rf_test_card_new (card_lines, "DejaVu Sans");
  g_autoptr(GBytes) png = rf_test_card_render (card, 600);

  expect_error (encrypted, RF_INGEST_ERROR_ENCRYPTED, "a password-protected PDF");
  expect_error (empty, RF_INGEST_ERROR_CORRUPT_FILE, "0 bytes");
  expect_error (garbage, RF_INGEST_ERROR_CORRUPT_FILE, "a PDF header and garbage");
  expect_error (truncated, RF_INGEST_ERROR_CORRUPT_FILE, "the first 60 bytes of a PDF");
  expect_error (png, RF_INGEST_ERROR_UNSUPPORTED_FILE, "a PNG");
  expect_error (blank, RF_INGEST_ERROR_NO_TEXT, "a blank page");
  {
    g_autoptr(RfPdf) pdf = rf_pdf_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(RfPdfResult) result = rf_pdf_read_bytes_sync (pdf, empty_document, NULL, &error);

    /* Poppler refuses it or finds no pages: either way, a clear error. */
    g_assert_null (result);
    g_assert_true (g_error_matches (error, RF_INGEST_ERROR, RF_INGEST_ERROR_NO_TEXT)
                   || g_error_matches (error, RF_INGEST_ERROR, RF_INGEST_ERROR_CORRUPT_FILE));
  }
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *)data != NULL;
}

/* A PNG named card.pdf, and a real PDF, read from files asynchronously. */
static void
test_files_async (void)
{
  g_autoptr(RfPdf) pdf = rf_pdf_new ();
  g_autofree char *dir = rf_test_make_tmpdir ();
  g_autofree char *fake_path = g_build_filename (dir, "card.pdf", NULL);
  g_autofree char *real_path = g_build_filename (dir, "real.pdf", NULL);
  g_autoptr(GFile) fake = g_file_new_for_path (fake_path);
  g_autoptr(GFile) real = g_file_new_for_path (real_path);
  g_autoptr(RfTestCard) card = rf_test_card_new (card_lines, "DejaVu Sans");
  g_autoptr(GBytes) png = rf_test_card_render (card, 600);
  g_autoptr(GBytes) text_pdf = make_pdf (draw_text);
  g_autoptr(GAsyncResult) fake_result = NULL;
  g_autoptr(GAsyncResult) real_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RfPdfResult) read = NULL;
  RfPdfResult *not_read;

  g_assert_true (g_file_set_contents (fake_path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
  g_assert_true (g_file_set_contents (real_path, g_bytes_get_data (text_pdf, NULL), g_bytes_get_size (text_pdf), NULL));

  rf_pdf_read_file_async (pdf, fake, NULL, store_result_cb, &fake_result);
  rf_pdf_read_file_async (pdf, real, NULL, store_result_cb, &real_result);
  g_assert_true (rf_test_wait_until (is_set, &fake_result, 30000));
  g_assert_true (rf_test_wait_until (is_set, &real_result, 30000));

  not_read = rf_pdf_read_file_finish (pdf, fake_result, &error);
  g_assert_null (not_read);
  g_assert_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_UNSUPPORTED_FILE);
  g_clear_error (&error);

  read = rf_pdf_read_file_finish (pdf, real_result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (read->text, "maria.garcia@brightpath.com"));

  rf_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/text-layer", test_text_layer);
  g_test_add_func ("/pdf/image-only", test_image_only);
  g_test_add_func ("/pdf/bad", test_bad_pdfs);
  g_test_add_func ("/pdf/files-async", test_files_async);
  return g_test_run ();
}
