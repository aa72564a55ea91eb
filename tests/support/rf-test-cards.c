/* rf-test-cards.c: business cards drawn with cairo and pango, photographed
 * with leptonica: turned, seen at an angle, noisy, blurred
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <leptonica/allheaders.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rf-test-cards.h"

static const char * const first_names[] = {
  "Avery", "Jordan", "Maria", "Liam", "Sofia", "Noah", "Hannah", "Lukas", "Emma", "Oliver",
  "Chloe", "Mateo", "Priya", "Daniel", "Grace", "Felix", "Nora", "Samuel", "Julia", "Ethan",
};
static const char * const last_names[] = {
  "Smith", "Johnson", "Garcia", "Becker", "Martin", "Walker", "Fischer", "Nguyen", "Clarke",
  "Patel", "Morgan", "Weber", "Turner", "Lopez", "Hughes", "Keller", "Bennett", "Shaw",
};
static const char * const titles[] = {
  "Chief Executive Officer", "Sales Director", "Senior Software Engineer", "Head of Marketing",
  "Founder", "Account Manager", "Product Manager", "Managing Director", "Senior Researcher",
  "Operations Manager", "Business Development Lead", "Marketing Consultant",
};
static const char * const company_stems[] = {
  "Northwind", "Contoso", "Fabrikam", "Brightpath", "Bluefin", "Redwood", "Lumina", "Ironbark",
  "Clearwater", "Tailspin", "Wingtip", "Adatum", "Greenleaf", "Silverline",
};
static const char * const company_suffixes[] = {
  "Ltd", "Inc", "GmbH", "Labs", "Solutions", "Group", "Consulting", "Technologies",
};
static const char * const fonts[] = {
  "DejaVu Sans", "DejaVu Serif", "Liberation Sans", "URW Bookman", "Nimbus Sans", "DejaVu Sans Condensed",
};

typedef struct
{
  const char *region;
  const char *street;
  const char *town;
} Place;

static const Place places[] = {
  { "US", "4001 Market Street", "San Francisco, CA 94103" },
  { "US", "120 Main Avenue", "Austin, TX 78701" },
  { "GB", "2 Kingdom Street", "London W2 6BD" },
  { "GB", "18 Queen Road", "Manchester M1 4BT" },
  { "DE", "Hauptstraße 5", "10115 Berlin" },
};

RfTestCard *
rf_test_card_new (const char * const *lines,
                  const char         *font)
{
  RfTestCard *card = g_new0 (RfTestCard, 1);

  for (guint i = 0; lines[i] != NULL && i < G_N_ELEMENTS (card->lines) - 1; i++)
    card->lines[i] = g_strdup (lines[i]);
  card->font = font;
  card->n_person = 3;
  return card;
}

void
rf_test_card_free (RfTestCard *card)
{
  if (card == NULL)
    return;
  g_free (card->name);
  g_free (card->title);
  g_free (card->company);
  g_free (card->email);
  g_free (card->phone);
  g_free (card->website);
  g_free (card->address);
  for (guint i = 0; card->lines[i] != NULL; i++)
    g_free (card->lines[i]);
  g_free (card);
}

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

RfTestCard *
rf_test_card_generate (guint seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  RfTestCard *card = g_new0 (RfTestCard, 1);
  const char *first = PICK (rand, first_names);
  const char *last = PICK (rand, last_names);
  const char *stem = PICK (rand, company_stems);
  const Place *place = &PICK (rand, places);
  g_autofree char *domain = NULL;
  g_autofree char *local = NULL;
  g_autofree char *printed_phone = NULL;
  const char *tld;
  guint n = 0;
  int a = g_rand_int_range (rand, 200, 989);
  int b = g_rand_int_range (rand, 1000, 9999);
  int c = g_rand_int_range (rand, 100, 999);

  card->name = g_strdup_printf ("%s %s", first, last);
  card->title = g_strdup (PICK (rand, titles));
  card->company = g_strdup_printf ("%s %s", stem, PICK (rand, company_suffixes));
  tld = g_str_equal (place->region, "GB") ? "co.uk" : g_str_equal (place->region, "DE") ? "de" : "com";
  {
    g_autofree char *lower_stem = g_ascii_strdown (stem, -1);

    domain = g_strdup_printf ("%s.%s", lower_stem, tld);
  }
  {
    g_autofree char *lower_first = g_ascii_strdown (first, -1);
    g_autofree char *lower_last = g_ascii_strdown (last, -1);

    local = g_rand_boolean (rand) ? g_strdup_printf ("%s.%s", lower_first, lower_last)
                                  : g_strdup_printf ("%c%s", lower_first[0], lower_last);
  }
  card->email = g_strdup_printf ("%s@%s", local, domain);
  card->website = g_strdup_printf ("www.%s", domain);
  card->address = g_strdup_printf ("%s, %s", place->street, place->town);

  if (g_str_equal (place->region, "US"))
    {
      card->phone = g_strdup_printf ("+1%d%03d%04d", a, c, b);
      printed_phone = g_strdup_printf ("+1 (%d) %03d-%04d", a, c, b);
    }
  else if (g_str_equal (place->region, "GB"))
    {
      card->phone = g_strdup_printf ("+447%03d%06d", c, b * 100 + c % 100);
      printed_phone = g_strdup_printf ("+44 (0) 7%03d %06d", c, b * 100 + c % 100);
    }
  else
    {
      card->phone = g_strdup_printf ("+49170%04d%03d", b, c);
      printed_phone = g_strdup_printf ("+49 170 %04d%03d", b, c);
    }

  card->lines[n++] = g_strdup (card->name);
  card->lines[n++] = g_strdup (card->title);
  card->lines[n++] = g_strdup (card->company);
  card->n_person = n;
  switch (g_rand_int_range (rand, 0, 3))
    {
    case 0:
      card->lines[n++] = g_strdup_printf ("M: %s", printed_phone);
      card->lines[n++] = g_strdup_printf ("E: %s", card->email);
      card->lines[n++] = g_strdup_printf ("W: %s", card->website);
      break;
    case 1:
      card->lines[n++] = g_strdup_printf ("Mobile %s", printed_phone);
      card->lines[n++] = g_strdup (card->email);
      card->lines[n++] = g_strdup (card->website);
      break;
    default:
      card->lines[n++] = g_strdup (card->email);
      card->lines[n++] = g_strdup_printf ("Tel: %s", printed_phone);
      card->lines[n++] = g_strdup_printf ("https://%s", card->website);
      break;
    }
  card->lines[n++] = g_strdup (place->street);
  card->lines[n++] = g_strdup (place->town);

  card->font = PICK (rand, fonts);
  card->layout = g_rand_int_range (rand, 0, 3);
  card->dark = g_rand_int_range (rand, 0, 4) == 0;
  card->rotate = g_rand_double_range (rand, -20, 20);
  card->keystone = g_rand_double_range (rand, 0, 0.12);
  card->noise = g_rand_double_range (rand, 0, 0.5);
  card->blur = g_rand_int_range (rand, 0, 2);
  card->jpeg = g_rand_boolean (rand);
  return card;
}

/* The card's text on @cr, in a card of @width × @height at the origin. */
static void
draw_card (cairo_t          *cr,
           const RfTestCard *card,
           double            width,
           double            height,
           gboolean          dark)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  guint n_lines = 0;
  double margin = width * 0.07;
  double y;
  double line_height;

  while (card->lines[n_lines] != NULL)
    n_lines++;
  line_height = MIN (height * 0.85 / MAX (n_lines, 1), height * 0.1);

  cairo_set_source_rgb (cr, dark ? 0.12 : 0.97, dark ? 0.16 : 0.97, dark ? 0.28 : 0.95);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, dark ? 0.95 : 0.1, dark ? 0.95 : 0.1, dark ? 0.9 : 0.12);

  y = (height - line_height * n_lines) / 2;
  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(PangoFontDescription) description = pango_font_description_from_string (card->font);
      gboolean person = i < card->n_person;
      double size = line_height * (i == 0 ? 0.8 : 0.6);
      int text_width;
      int text_height;
      double x;
      double line_y = y + i * line_height;

      if (card->layout == RF_TEST_CARD_COLUMNS)
        {
          guint in_column = person ? card->n_person : n_lines - card->n_person;
          double column_height = MIN (height * 0.85 / MAX (in_column, 1), height * 0.11);

          line_y = (height - column_height * in_column) / 2 + (person ? i : i - card->n_person) * column_height;
          size = column_height * (i == 0 ? 0.75 : 0.55);
        }
      pango_font_description_set_absolute_size (description, size * PANGO_SCALE);
      if (i == 0)
        pango_font_description_set_weight (description, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, description);
      pango_layout_set_text (layout, card->lines[i], -1);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);

      switch (card->layout)
        {
        case RF_TEST_CARD_CENTERED:
          x = (width - text_width) / 2;
          break;
        case RF_TEST_CARD_COLUMNS:
          x = person ? margin : width - margin - text_width;
          break;
        case RF_TEST_CARD_LEFT:
        default:
          x = margin;
          break;
        }
      cairo_move_to (cr, x, line_y);
      pango_cairo_show_layout (cr, layout);
    }
  g_object_unref (layout);
}

static PIX *
pix_from_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  PIX *pix = pixCreate (width, height, 32);
  l_uint32 *pixels = pixGetData (pix);
  int wpl = pixGetWpl (pix);

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      pixels[y * wpl + x] = ((const guint32 *)(data + (gsize)y * stride))[x] << 8;
  return pix;
}

GBytes *
rf_test_card_render (const RfTestCard *card,
                     int               width)
{
  int height = width * 3 / 4;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  double card_width = width * 0.72;
  double card_height = card_width / 1.75;
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32)(card->rotate * 1000 + card->noise * 100));
  PIX *pix;
  l_uint8 *data = NULL;
  size_t size = 0;

  /* Light wood: beige, its grain streaks lighter and darker. */
  if (card->light_desk)
    {
      g_autoptr(GRand) grain = g_rand_new_with_seed (7);

      cairo_set_source_rgb (cr, 0.88, 0.82, 0.72);
      cairo_paint (cr);
      cairo_set_line_width (cr, width / 200.0);
      for (int i = 0; i < 60; i++)
        {
          double shade = g_rand_double_range (grain, -0.08, 0.06);
          double y = g_rand_double_range (grain, -0.2, 1.0) * height;

          cairo_set_source_rgb (cr, 0.88 + shade, 0.82 + shade, 0.72 + shade);
          cairo_move_to (cr, 0, y);
          cairo_line_to (cr, width, y + height * 0.25);
          cairo_stroke (cr);
        }
    }
  /* A desk: a warm gradient, darker under a dark card's light. */
  else
    {
      cairo_pattern_t *desk = cairo_pattern_create_linear (0, 0, width, height);

      cairo_pattern_add_color_stop_rgb (desk, 0, 0.55, 0.45, 0.35);
      cairo_pattern_add_color_stop_rgb (desk, 1, 0.35, 0.3, 0.25);
      cairo_set_source (cr, desk);
      cairo_paint (cr);
      cairo_pattern_destroy (desk);
    }
  cairo_translate (cr, width / 2.0, height / 2.0);
  cairo_rotate (cr, card->rotate * G_PI / 180.0);
  cairo_translate (cr, -card_width / 2, -card_height / 2);
  draw_card (cr, card, card_width, card_height, card->dark);
  cairo_destroy (cr);

  pix = pix_from_surface (surface);
  cairo_surface_destroy (surface);

  if (card->keystone > 0)
    {
      /* The top edge further away: shorter. */
      PTA *from = ptaCreate (4);
      PTA *to = ptaCreate (4);
      double shrink = width * card->keystone / 2;
      PIX *seen;

      ptaAddPt (from, 0, 0);
      ptaAddPt (from, width - 1, 0);
      ptaAddPt (from, 0, height - 1);
      ptaAddPt (from, width - 1, height - 1);
      ptaAddPt (to, shrink, 0);
      ptaAddPt (to, width - 1 - shrink, 0);
      ptaAddPt (to, 0, height - 1);
      ptaAddPt (to, width - 1, height - 1);
      seen = pixProjectivePta (pix, to, from, L_BRING_IN_BLACK);
      ptaDestroy (&from);
      ptaDestroy (&to);
      if (seen != NULL)
        {
          pixDestroy (&pix);
          pix = seen;
        }
    }

  if (card->noise > 0)
    {
      l_uint32 *pixels = pixGetData (pix);
      int wpl = pixGetWpl (pix);

      for (int y = 0; y < pixGetHeight (pix); y++)
        for (int x = 0; x < pixGetWidth (pix); x++)
          {
            l_int32 r, g, b;
            int delta = (int)(g_rand_double_range (rand, -1, 1) * card->noise * 60);

            extractRGBValues (pixels[y * wpl + x], &r, &g, &b);
            composeRGBPixel (CLAMP (r + delta, 0, 255), CLAMP (g + delta, 0, 255), CLAMP (b + delta, 0, 255),
                             &pixels[y * wpl + x]);
          }
    }
  if (card->blur > 0)
    {
      PIX *blurred = pixBlockconv (pix, card->blur, card->blur);

      if (blurred != NULL)
        {
          pixDestroy (&pix);
          pix = blurred;
        }
    }

  if (card->jpeg)
    pixWriteMemJpeg (&data, &size, pix, 85, 0);
  else
    pixWriteMemPng (&data, &size, pix, 0);
  pixDestroy (&pix);
  g_assert_nonnull (data);
  return g_bytes_new_with_free_func (data, size, (GDestroyNotify)lept_free, data);
}

GBytes *
rf_test_card_render_flat (const RfTestCard *card,
                          int               width,
                          int              *height,
                          int              *stride)
{
  int card_height = (int)(width / 1.75);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, card_height);
  cairo_t *cr = cairo_create (surface);
  GBytes *bytes;

  draw_card (cr, card, width, card_height, FALSE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  *height = card_height;
  *stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize)*stride * card_height);
  cairo_surface_destroy (surface);
  return bytes;
}
