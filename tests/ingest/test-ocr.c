/* test-ocr.c: RfOcr on cards drawn here, on real photos, and on bad files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "rf-card-parser.h"
#include "rf-ocr-private.h"
#include "rf-test-cards.h"
#include "rf-test-util.h"

static RfCardFields *
parse_result (RfOcrResult *result)
{
  g_autoptr(RfCardParser) parser = rf_card_parser_new ();

  g_test_message ("read (%.2f, turned %.1f°):\n%s", result->confidence, result->skew, result->text);
  g_assert_true (g_utf8_validate (result->text, -1, NULL));
  g_assert_cmpuint (result->lines->len, >, 0);
  g_assert_cmpfloat (result->confidence, >, 0);
  g_assert_cmpfloat (result->confidence, <=, 1);
  return rf_card_parser_parse (parser, result->text, -1);
}

static RfCardFields *
read_card (RfOcr   *ocr,
           GBytes  *image,
           GError **error)
{
  g_autoptr(RfOcrResult) result = rf_ocr_recognize_bytes_sync (ocr, image, NULL, error);

  return result != NULL ? parse_result (result) : NULL;
}

static const char * const avery_lines[] = {
  "Avery Smith", "Senior Researcher", "Contoso Ltd", "M: +44 7911 123456", "E: avery.smith@contoso.com",
  "W: www.contoso.com", "2 Kingdom Street", "London W2 6BD", NULL,
};

static void
check_avery (RfCardFields *fields)
{
  g_assert_nonnull (fields);
  g_assert_cmpstr (rf_card_fields_get (fields, RF_CARD_FIELD_EMAIL), ==, "avery.smith@contoso.com");
  g_assert_cmpstr (rf_card_fields_get (fields, RF_CARD_FIELD_PHONE), ==, "+447911123456");
  g_assert_cmpstr (rf_card_fields_get (fields, RF_CARD_FIELD_NAME), ==, "Avery Smith");
  g_assert_cmpstr (rf_card_fields_get (fields, RF_CARD_FIELD_WEBSITE), ==, "www.contoso.com");
}

/* @card photographed at 2000 px and read once: turned back within a
 * couple of degrees (clockwise is positive), Avery's fields found. */
static RfCardFields *
read_turned_avery (RfOcr            *ocr,
                   const RfTestCard *card)
{
  g_autoptr(GBytes) image = rf_test_card_render (card, 2000);
  g_autoptr(GError) error = NULL;
  g_autoptr(RfOcrResult) result = rf_ocr_recognize_bytes_sync (ocr, image, NULL, &error);
  RfCardFields *fields;

  g_assert_no_error (error);
  g_assert_cmpfloat (fabs (result->skew + card->rotate), <, 2.5);
  fields = parse_result (result);
  check_avery (fields);
  return fields;
}

static void
test_drawn_straight (void)
{
  g_autoptr(RfOcr) ocr = rf_ocr_new ();
  g_autoptr(RfTestCard) card = rf_test_card_new (avery_lines, "DejaVu Sans");
  g_autoptr(GBytes) image = rf_test_card_render (card, 1600);
  g_autoptr(GError) error = NULL;
  g_autoptr(RfCardFields) fields = read_card (ocr, image, &error);

  g_assert_no_error (error);
  check_avery (fields);
  g_assert_cmpstr (rf_card_fields_get (fields, RF_CARD_FIELD_TITLE), ==, "Senior Researcher");
  g_assert_cmpstr (rf_card_fields_get (fields, RF_CARD_FIELD_COMPANY), ==, "Contoso Ltd");
}

static void
test_drawn_turned (void)
{
  g_autoptr(RfOcr) ocr = rf_ocr_new ();
  double angles[] = { 15, -18 };

  for (guint i = 0; i < G_N_ELEMENTS (angles); i++)
    {
      g_autoptr(RfTestCard) card = rf_test_card_new (avery_lines, i == 0 ? "DejaVu Serif" : "DejaVu Sans");
      g_autoptr(RfCardFields) fields = NULL;

      card->rotate = angles[i];
      card->keystone = 0.06;
      card->noise = 0.3;
      card->jpeg = TRUE;
      fields = read_turned_avery (ocr, card);
    }
}

static void
test_drawn_light_on_dark (void)
{
  g_autoptr(RfOcr) ocr = rf_ocr_new ();
  g_autoptr(RfTestCard) card = rf_test_card_new (avery_lines, "DejaVu Sans");
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RfCardFields) fields = NULL;

  card->dark = TRUE;
  card->rotate = -8;
  card->layout = RF_TEST_CARD_COLUMNS;
  image = rf_test_card_render (card, 1800);
  fields = read_card (ocr, image, &error);
  g_assert_no_error (error);
  check_avery (fields);
}

/* Seen at a steep angle, further than the bench's cards: the far edge a
 * quarter shorter than the near one. The card's outline is warped flat. */
static void
test_drawn_perspective (void)
{
  g_autoptr(RfOcr) ocr = rf_ocr_new ();
  g_autoptr(RfTestCard) card = rf_test_card_new (avery_lines, "DejaVu Sans");
  g_autoptr(RfCardFields) fields = NULL;

  card->rotate = 12;
  card->keystone = 0.25;
  card->noise = 0.2;
  fields = read_turned_avery (ocr, card);
  g_assert_cmpstr (rf_card_fields_get (fields, RF_CARD_FIELD_TITLE), ==, "Senior Researcher");
  g_assert_cmpstr (rf_card_fields_get (fields, RF_CARD_FIELD_ADDRESS), ==, "2 Kingdom Street, London W2 6BD");
}

/* A white card at a steep angle on light wood, barely darker than the card
 * but beige: the outline is found by brightness without colour. */
static void
test_drawn_light_desk (void)
{
  g_autoptr(RfOcr) ocr = rf_ocr_new ();
  g_autoptr(RfTestCard) card = rf_test_card_new (avery_lines, "DejaVu Sans");
  g_autoptr(RfCardFields) fields = NULL;

  card->rotate = -10;
  card->keystone = 0.25;
  card->noise = 0.2;
  card->light_desk = TRUE;
  card->jpeg = TRUE;
  fields = read_turned_avery (ocr, card);
  g_assert_cmpstr (rf_card_fields_get (fields, RF_CARD_FIELD_ADDRESS), ==, "2 Kingdom Street, London W2 6BD");
}

/* The outline of a known quadrilateral, and no outline for a blob that
 * runs from edge to edge of the photo (a bright desk). */
static void
test_card_quad (void)
{
  static const float corners[8] = { 180, 140, 820, 90, 870, 560, 120, 620 };
  g_autoptr(PIX) mask = pixCreate (1000, 750, 1);
  g_autoptr(PIX) desk = pixCreate (1000, 750, 1);
  g_autoptr(BOX) corner = boxCreate (0, 0, 300, 200);
  double quad[8];
  double cx = 0;
  double cy = 0;

  for (guint i = 0; i < 4; i++)
    {
      cx += corners[2 * i] / 4;
      cy += corners[2 * i + 1] / 4;
    }
  /* Inside: on the same side of each edge, going round. */
  for (int y = 0; y < 750; y++)
    for (int x = 0; x < 1000; x++)
      {
        gboolean inside = TRUE;

        for (guint i = 0; i < 4 && inside; i++)
          {
            guint j = (i + 1) % 4;
            double cross = (corners[2 * j] - corners[2 * i]) * (y - corners[2 * i + 1])
                           - (corners[2 * j + 1] - corners[2 * i + 1]) * (x - corners[2 * i]);

            inside = cross >= 0;
          }
        if (inside)
          pixSetPixel (mask, x, y, 1);
      }
  g_assert_true (rf_ocr_find_card_quad (mask, quad));
  /* The corners, moved 3% towards the middle (the desk's sliver). */
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpfloat (fabs (quad[2 * i] - (cx + (corners[2 * i] - cx) * 0.97)), <, 3);
      g_assert_cmpfloat (fabs (quad[2 * i + 1] - (cy + (corners[2 * i + 1] - cy) * 0.97)), <, 3);
    }

  pixSetAll (desk);
  pixClearInRect (desk, corner);
  g_assert_false (rf_ocr_find_card_quad (desk, quad));
}

/* A JPEG stored on its side, with EXIF saying so: phones do that. */
static GBytes *
sideways_jpeg (GBytes *png)
{
  static const guint8 exif[] = {
    0xFF, 0xE1, 0x00, 0x22, 'E', 'x', 'i', 'f', 0, 0,
    'M', 'M', 0, 42, 0, 0, 0, 8,                  /* TIFF header, IFD0 at 8 */
    0, 1,                                          /* one entry */
    0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0,      /* Orientation, SHORT, 1, value 6 */
    0, 0, 0, 0,                                    /* no next IFD */
  };
  PIX *pix = pixReadMem (g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  PIX *turned = pixRotateOrth (pix, 3);  /* stored 90° anticlockwise: shown turned clockwise */
  l_uint8 *data = NULL;
  size_t size = 0;
  GByteArray *out = g_byte_array_new ();

  pixWriteMemJpeg (&data, &size, turned, 90, 0);
  g_byte_array_append (out, data, 2);
  g_byte_array_append (out, exif, sizeof exif);
  g_byte_array_append (out, data + 2, size - 2);
  lept_free (data);
  pixDestroy (&pix);
  pixDestroy (&turned);
  return g_byte_array_free_to_bytes (out);
}

static void
test_exif_orientation (void)
{
  g_autoptr(RfOcr) ocr = rf_ocr_new ();
  g_autoptr(RfTestCard) card = rf_test_card_new (avery_lines, "DejaVu Sans");
  g_autoptr(GBytes) png = rf_test_card_render (card, 1600);
  g_autoptr(GBytes) jpeg = sideways_jpeg (png);
  g_autoptr(GError) error = NULL;
  g_autoptr(RfCardFields) fields = NULL;
  g_autoptr(PIX) upright = NULL;

  g_assert_cmpint (rf_ocr_exif_orientation (g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg)), ==, 6);
  g_assert_cmpint (rf_ocr_exif_orientation (g_bytes_get_data (png, NULL), g_bytes_get_size (png)), ==, 1);
  upright = rf_ocr_decode_image (g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg), &error);
  g_assert_no_error (error);
  /* Stored tall, shown wide. */
  g_assert_cmpint (pixGetWidth (upright), >, pixGetHeight (upright));

  fields = read_card (ocr, jpeg, &error);
  g_assert_no_error (error);
  check_avery (fields);
}

static void
test_generated (void)
{
  g_autoptr(RfOcr) ocr = rf_ocr_new ();
  guint found = 0;
  guint total = 0;
  /* Each card takes OCR seconds to tens of seconds on a busy machine: two
   * in the everyday suite, all four with -m thorough. */
  guint seeds = g_test_thorough () ? 4 : 2;

  for (guint seed = 1; seed <= seeds; seed++)
    {
      g_autoptr(RfTestCard) card = rf_test_card_generate (seed);
      g_autoptr(GBytes) image = rf_test_card_render (card, 2000);
      g_autoptr(GError) error = NULL;
      g_autoptr(RfCardFields) fields = read_card (ocr, image, &error);
      const char *truth[] = { card->name, card->email, card->phone };
      RfCardField field[] = { RF_CARD_FIELD_NAME, RF_CARD_FIELD_EMAIL, RF_CARD_FIELD_PHONE };

      g_assert_no_error (error);
      for (guint i = 0; i < G_N_ELEMENTS (truth); i++)
        {
          total++;
          if (g_strcmp0 (rf_card_fields_get (fields, field[i]), truth[i]) == 0)
            found++;
          else
            g_test_message ("seed %u: %s “%s”, expected “%s”", seed, rf_card_field_to_string (field[i]),
                            rf_card_fields_get (fields, field[i]), truth[i]);
        }
    }
  /* Photo-like cards at random angles, fonts and layouts: most fields
   * exact (80% over all four; two of three over the everyday two). */
  if (g_test_thorough ())
    g_assert_cmpuint (found * 10, >=, total * 8);
  else
    g_assert_cmpuint (found * 3, >=, total * 2);
}

static guint32
crc32 (const guint8 *data,
       gsize         size)
{
  guint32 crc = 0xFFFFFFFF;

  for (gsize i = 0; i < size; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xEDB88320 & -(crc & 1));
    }
  return ~crc;
}

static void
put_u32 (guint8  *p,
         guint32  value)
{
  p[0] = value >> 24;
  p[1] = value >> 16;
  p[2] = value >> 8;
  p[3] = value;
}

/* A PNG that claims 20000 × 20000 pixels: 1.2 GB once decoded. */
static GBytes *
png_bomb (void)
{
  guint8 png[8 + 25 + 12];
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

  memcpy (png, signature, 8);
  put_u32 (png + 8, 13);
  memcpy (png + 12, "IHDR", 4);
  put_u32 (png + 16, 20000);
  put_u32 (png + 20, 20000);
  png[24] = 8;
  png[25] = 2;
  png[26] = png[27] = png[28] = 0;
  put_u32 (png + 29, crc32 (png + 12, 17));
  put_u32 (png + 33, 0);
  memcpy (png + 37, "IEND", 4);
  put_u32 (png + 41, crc32 (png + 37, 4));
  return g_bytes_new (png, sizeof png);
}

/* A real small BMP whose header was changed to say 30000 × 30000. */
static GBytes *
bmp_bomb (void)
{
  PIX *pix = pixCreate (16, 16, 32);
  l_uint8 *data = NULL;
  size_t size = 0;
  GBytes *bytes;

  pixSetAll (pix);
  pixWriteMem (&data, &size, pix, IFF_BMP);
  pixDestroy (&pix);
  g_assert_cmpuint (size, >, 54);
  data[18] = 0x30; data[19] = 0x75; data[20] = 0; data[21] = 0;
  data[22] = 0x30; data[23] = 0x75; data[24] = 0; data[25] = 0;
  bytes = g_bytes_new (data, size);
  lept_free (data);
  return bytes;
}

static void
expect_error (RfOcr      *ocr,
              GBytes     *bytes,
              int         code,
              const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfOcrResult) result = NULL;

  g_test_message ("%s", what);
  result = rf_ocr_recognize_bytes_sync (ocr, bytes, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, RF_INGEST_ERROR, code);
  /* Messages say what to do, and end with a full stop. */
  g_assert_true (g_str_has_suffix (error->message, "."));
}

static void
test_bad_images (void)
{
  g_autoptr(RfOcr) ocr = rf_ocr_new ();
  g_autoptr(RfTestCard) card = rf_test_card_new (avery_lines, "DejaVu Sans");
  g_autoptr(GBytes) png = rf_test_card_render (card, 800);
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) text = g_bytes_new_static ("Name,Email\nAvery,avery@contoso.com\n", 35);
  g_autoptr(GBytes) truncated_png = g_bytes_new_from_bytes (png, 0, g_bytes_get_size (png) / 2);
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(GBytes) truncated_jpeg = NULL;
  g_autoptr(GBytes) header_only = g_bytes_new_from_bytes (png, 0, 40);
  g_autoptr(GBytes) png_big = png_bomb ();
  g_autoptr(GBytes) bmp_big = bmp_bomb ();
  g_autoptr(GBytes) blank = NULL;

  card->jpeg = TRUE;
  jpeg = rf_test_card_render (card, 800);
  truncated_jpeg = g_bytes_new_from_bytes (jpeg, 0, g_bytes_get_size (jpeg) * 2 / 3);

  expect_error (ocr, empty, RF_INGEST_ERROR_CORRUPT_FILE, "0 bytes");
  expect_error (ocr, text, RF_INGEST_ERROR_UNSUPPORTED_FILE, "a CSV file");
  expect_error (ocr, truncated_png, RF_INGEST_ERROR_CORRUPT_FILE, "half a PNG");
  expect_error (ocr, truncated_jpeg, RF_INGEST_ERROR_CORRUPT_FILE, "two thirds of a JPEG");
  expect_error (ocr, header_only, RF_INGEST_ERROR_CORRUPT_FILE, "a PNG header alone");
  expect_error (ocr, png_big, RF_INGEST_ERROR_TOO_LARGE, "a PNG of 20000 × 20000");
  expect_error (ocr, bmp_big, RF_INGEST_ERROR_TOO_LARGE, "a BMP of 30000 × 30000");

  /* A photo of an empty desk. */
  {
    const char *no_lines[] = { NULL };
    g_autoptr(RfTestCard) nothing = rf_test_card_new (no_lines, "DejaVu Sans");

    blank = rf_test_card_render (nothing, 1200);
    expect_error (ocr, blank, RF_INGEST_ERROR_NO_TEXT, "a card with nothing on it");
  }
}

static void
test_no_language_data (void)
{
  g_autoptr(RfOcr) ocr = rf_ocr_new ();
  g_autoptr(RfTestCard) card = rf_test_card_new (avery_lines, "DejaVu Sans");
  g_autoptr(GBytes) png = rf_test_card_render (card, 800);
  g_autoptr(GError) error = NULL;
  g_autoptr(RfOcrResult) result = NULL;

  rf_ocr_set_language (ocr, "xx-not-installed");
  result = rf_ocr_recognize_bytes_sync (ocr, png, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_NO_LANGUAGE_DATA);
  g_assert_nonnull (strstr (error->message, "tesseract-ocr-"));
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

static void
test_async_and_cancel (void)
{
  g_autoptr(RfOcr) ocr = rf_ocr_new ();
  g_autoptr(RfTestCard) card = rf_test_card_new (avery_lines, "DejaVu Sans");
  g_autoptr(GBytes) png = rf_test_card_render (card, 1400);
  g_autofree char *dir = rf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "card.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) cancelled_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RfOcrResult) ocr_result = NULL;
  g_autoptr(RfOcrResult) cancelled = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));

  rf_ocr_recognize_file_async (ocr, file, NULL, store_result_cb, &result);
  g_assert_true (rf_test_wait_until (is_set, &result, 60000));
  ocr_result = rf_ocr_recognize_file_finish (ocr, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (ocr_result->text, "avery.smith@contoso.com"));

  g_cancellable_cancel (cancellable);
  rf_ocr_recognize_bytes_async (ocr, png, cancellable, store_result_cb, &cancelled_result);
  g_assert_true (rf_test_wait_until (is_set, &cancelled_result, 60000));
  cancelled = rf_ocr_recognize_bytes_finish (ocr, cancelled_result, &error);
  g_assert_null (cancelled);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  rf_test_remove_tree (dir);
}

/* Compared as a person would: case, spaces and punctuation aside. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  g_autofree char *lower = g_utf8_strdown (text != NULL ? text : "", -1);

  for (const char *p = lower; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static gboolean
same (const char *a,
      const char *b)
{
  g_autofree char *sa = squeeze (a);
  g_autofree char *sb = squeeze (b);

  return *sa != '\0' && g_str_equal (sa, sb);
}

static gboolean
same_site (const char *got,
           const char *truth)
{
  g_autofree char *sg = squeeze (got);
  g_autofree char *st = squeeze (truth);
  const char *g = sg;
  const char *t = st;

  /* "https://www.contoso.com/" and "www.contoso.com" are one site. */
  for (const char *const *prefix = (const char *const[]){ "https", "http", "www", NULL }; *prefix != NULL; prefix++)
    {
      if (g_str_has_prefix (g, *prefix))
        g += strlen (*prefix);
      if (g_str_has_prefix (t, *prefix))
        t += strlen (*prefix);
    }
  return *g != '\0' && g_str_equal (g, t);
}

static void
test_real_cards (void)
{
  const char *dir = rf_test_testdata_dir ("real-cards");
  g_autofree char *truth_path = NULL;
  g_autoptr(JsonParser) json = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RfOcr) ocr = rf_ocr_new ();
  g_autoptr(RfCardParser) parser = rf_card_parser_new ();
  JsonObject *truths;
  g_autoptr(GList) names = NULL;

  if (dir == NULL)
    {
      g_test_skip ("no ../shared/testdata/real-cards");
      return;
    }
  truth_path = g_build_filename (dir, "truth.json", NULL);
  g_assert_true (json_parser_load_from_file (json, truth_path, &error));
  truths = json_node_get_object (json_parser_get_root (json));
  names = json_object_get_members (truths);

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *truth = json_object_get_object_member (truths, l->data);
      JsonObject *phones = json_object_get_object_member (truth, "phones");
      g_autofree char *path = g_build_filename (dir, l->data, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(RfOcrResult) result = rf_ocr_recognize_file_sync (ocr, file, NULL, &error);
      g_autoptr(RfCardFields) fields = NULL;
      const char *phone;
      gboolean phone_ok = FALSE;
      gboolean chosen_ok = FALSE;
      guint found = 0;

      g_assert_no_error (error);
      g_test_message ("%s:\n%s", (char *)l->data, result->text);
      fields = rf_card_parser_parse (parser, result->text, -1);

      /* The chosen phone counts as a field; any number read right, as a phone found. */
      phone = rf_card_fields_get (fields, RF_CARD_FIELD_PHONE);
      for (const char *const *kind = (const char *const[]){ "mobile", "work", "fax", NULL }; *kind != NULL; kind++)
        {
          g_autofree char *e164 = rf_card_normalize_phone (json_object_get_string_member (phones, *kind), NULL, NULL);

          chosen_ok |= g_strcmp0 (phone, e164) == 0 && !g_str_equal (*kind, "fax");
          for (guint i = 0; i < fields->phones->len; i++)
            phone_ok |= g_strcmp0 (((RfCardPhone *)g_ptr_array_index (fields->phones, i))->number, e164) == 0;
        }
      found += same (rf_card_fields_get (fields, RF_CARD_FIELD_NAME), json_object_get_string_member (truth, "name"));
      found += same (rf_card_fields_get (fields, RF_CARD_FIELD_TITLE), json_object_get_string_member (truth, "title"));
      found += same (rf_card_fields_get (fields, RF_CARD_FIELD_COMPANY), json_object_get_string_member (truth, "company"));
      found += same (rf_card_fields_get (fields, RF_CARD_FIELD_EMAIL), json_object_get_string_member (truth, "email"));
      found += same_site (rf_card_fields_get (fields, RF_CARD_FIELD_WEBSITE), json_object_get_string_member (truth, "website"));
      found += same (rf_card_fields_get (fields, RF_CARD_FIELD_ADDRESS), json_object_get_string_member (truth, "address"));
      found += chosen_ok;
      g_test_message ("%s: %u of 7 fields", (char *)l->data, found);

      /* Plain tesseract reads nothing from these photos. */
      g_assert_true (phone_ok);
      g_assert_cmpstr (rf_card_fields_get (fields, RF_CARD_FIELD_NAME), ==, json_object_get_string_member (truth, "name"));
      g_assert_cmpstr (rf_card_fields_get (fields, RF_CARD_FIELD_EMAIL), ==, json_object_get_string_member (truth, "email"));
      g_assert_cmpuint (found, >=, 6);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ocr/drawn/straight", test_drawn_straight);
  g_test_add_func ("/ocr/drawn/turned", test_drawn_turned);
  g_test_add_func ("/ocr/drawn/light-on-dark", test_drawn_light_on_dark);
  g_test_add_func ("/ocr/drawn/perspective", test_drawn_perspective);
  g_test_add_func ("/ocr/drawn/light-desk", test_drawn_light_desk);
  g_test_add_func ("/ocr/card-quad", test_card_quad);
  g_test_add_func ("/ocr/drawn/exif-orientation", test_exif_orientation);
  g_test_add_func ("/ocr/drawn/generated", test_generated);
  g_test_add_func ("/ocr/bad-images", test_bad_images);
  g_test_add_func ("/ocr/no-language-data", test_no_language_data);
  g_test_add_func ("/ocr/async-and-cancel", test_async_and_cancel);
  g_test_add_func ("/ocr/real-cards", test_real_cards);
  return g_test_run ();
}
