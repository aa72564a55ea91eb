/* rf-ocr-image.c: the card pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A phone photo of a card is large, turned by up to 20 degrees, seen at an
 * angle, lit unevenly and often has light text on coloured panels. Plain
 * tesseract reads next to nothing from it. So: find the card (the largest
 * bright region); where its outline is a clean quadrilateral, warp it flat
 * (rf-ocr-quad.c), else crop to it, measure and undo the skew and the
 * perspective's change of skew; scale so the smaller letters are about
 * 34 px high, binarise locally (Sauvola), and where the card has dark
 * panels give tesseract a second image, inverted, for light-on-dark text.
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <tesseract/capi.h>

#include "rf-ocr-private.h"

/* The analysis image: small enough to be quick, large enough for lines. */
#define ANALYSIS_SIZE 1000
/* Wanted height of the card's smaller letters (the lower quartile of
 * letter-sized blobs: x-heights and capitals), in pixels, for tesseract. */
#define TARGET_TEXT_HEIGHT 34.0
/* Sets the Sauvola window: about 1.5 times this, each side. */
#define SAUVOLA_TEXT_HEIGHT 26.0
/* Grey levels ink must be below its surroundings' mean, in the pass on
 * the inverted image. */
#define MIN_INK_CONTRAST 8
#define MAX_SKEW 30.0
/* Word boxes (ascender to descender) in a block read again. */
#define BLOCK_TEXT_HEIGHT 24.0

void
rf_ocr_pass_free (RfOcrPass *pass)
{
  if (pass == NULL)
    return;
  pixDestroy (&pass->pix);
  pixDestroy (&pass->grey);
  g_free (pass);
}

static RfOcrPass *
pass_new (PIX *pix,
          PIX *grey,
          int  psm)
{
  RfOcrPass *pass = g_new0 (RfOcrPass, 1);

  pass->pix = pix;
  pass->grey = grey;
  pass->psm = psm;
  return pass;
}

/* -- The card pipeline --------------------------------------------------- */

static void
debug_write (PIX        *pix,
             const char *name)
{
  const char *dir = g_getenv ("RF_OCR_DEBUG_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL || *dir == '\0')
    return;
  path = g_build_filename (dir, name, NULL);
  pixWrite (path, pix, IFF_PNG);
}

/* 8 bpp grey, no colormap. */
static PIX *
to_grey (PIX *pix)
{
  if (pixGetDepth (pix) == 32)
    return pixConvertRGBToLuminance (pix);
  return pixConvertTo8 (pix, FALSE);
}

static PIX *
scale_grey (PIX    *grey,
            double  factor)
{
  if (fabs (factor - 1.0) < 0.02)
    return pixClone (grey);
  if (factor < 0.7)
    return pixScaleAreaMap (grey, (float)factor, (float)factor);
  return pixScaleGrayLI (grey, (float)factor, (float)factor);
}

/* @pix (32 bpp) at @small's size, as how much each pixel looks like card
 * stock: its brightness less twice its colourfulness. A white card on a
 * light wooden desk is barely brighter than the wood, but the wood is
 * beige and the card is not. NULL for images without colour. */
static PIX *
neutral_brightness (PIX *pix,
                    PIX *small)
{
  g_autoptr(PIX) colour = NULL;
  PIX *neutral;
  l_int32 width = pixGetWidth (small);
  l_int32 height = pixGetHeight (small);

  if (pixGetDepth (pix) != 32)
    return NULL;
  colour = pixScaleToSize (pix, width, height);
  if (colour == NULL)
    return NULL;
  neutral = pixCreate (width, height, 8);
  for (l_int32 y = 0; y < height; y++)
    for (l_int32 x = 0; x < width; x++)
      {
        l_int32 r, g, b;
        l_int32 low, high;

        pixGetRGBPixel (colour, x, y, &r, &g, &b);
        low = MIN (r, MIN (g, b));
        high = MAX (r, MAX (g, b));
        pixSetPixel (neutral, x, y, (l_uint32)CLAMP ((r + g + b) / 3 - 2 * (high - low), 0, 255));
      }
  return neutral;
}

/* The card's box in @small: the largest bright, smooth region, with that
 * region's mask in *card_mask. NULL when nothing looks like a card (a
 * screenshot, a scan edge to edge). */
static BOX *
find_card (PIX  *small,
           PIX **card_mask)
{
  g_autoptr(PIX) mask = NULL;
  g_autoptr(PIX) closed = NULL;
  BOXA *boxes;
  l_int32 threshold = 0;
  l_int32 best = -1;
  l_int64 best_area = 0;
  l_int64 image_area = (l_int64)pixGetWidth (small) * pixGetHeight (small);
  BOX *card = NULL;

  if (pixSplitDistributionFgBg (small, 0.1f, 2, &threshold, NULL, NULL, NULL) != 0)
    return NULL;
  /* pixThresholdToBinary sets pixels below the threshold: invert for the bright side. */
  mask = pixThresholdToBinary (small, threshold);
  pixInvert (mask, mask);
  /* Close the text holes, then open away wood grain and reflections. */
  closed = pixCloseBrick (NULL, mask, 25, 25);
  pixOpenBrick (closed, closed, 15, 15);
  debug_write (closed, "card-mask.png");

  boxes = pixConnCompBB (closed, 8);
  for (l_int32 i = 0; boxes != NULL && i < boxaGetCount (boxes); i++)
    {
      l_int32 x, y, w, h;

      boxaGetBoxGeometry (boxes, i, &x, &y, &w, &h);
      if ((l_int64)w * h > best_area)
        {
          best_area = (l_int64)w * h;
          best = i;
        }
    }
  if (best >= 0 && best_area > image_area / 8 && best_area < image_area * 95 / 100)
    card = boxaGetBox (boxes, best, L_COPY);
  boxaDestroy (&boxes);
  if (card != NULL)
    *card_mask = g_steal_pointer (&closed);
  return card;
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *)a - *(const int *)b;
}

/* Median height of letter-sized components in a 1 bpp image, 0 if too few. */
static double
median_text_height (PIX *binary)
{
  BOXA *boxes = pixConnCompBB (binary, 8);
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (int));
  double median = 0;

  for (l_int32 i = 0; boxes != NULL && i < boxaGetCount (boxes); i++)
    {
      l_int32 x, y, w, h;

      boxaGetBoxGeometry (boxes, i, &x, &y, &w, &h);
      /* Letters: not specks, not rules or panels. */
      if (h >= 4 && h <= pixGetHeight (binary) / 6 && w <= 3 * h && w * 8 >= h)
        g_array_append_val (heights, h);
    }
  boxaDestroy (&boxes);

  if (heights->len >= 8)
    {
      g_array_sort (heights, compare_int);
      /* The small print matters most (emails, phones): a low quantile. */
      median = g_array_index (heights, int, heights->len / 4);
      g_debug ("text heights: n=%u q10 %d q25 %d q50 %d q75 %d", heights->len,
               g_array_index (heights, int, heights->len / 10), g_array_index (heights, int, heights->len / 4),
               g_array_index (heights, int, heights->len / 2), g_array_index (heights, int, heights->len * 3 / 4));
    }
  return median;
}

static PIX *
sauvola_with_floor (PIX    *grey,
                    double  text_height,
                    int     min_contrast)
{
  PIX *binary = NULL;
  int half_window = MAX (8, (int)(text_height * 1.5));
  int tiles_x = MAX (1, pixGetWidth (grey) / 1000);
  int tiles_y = MAX (1, pixGetHeight (grey) / 1000);

  /* The window must fit in a tile. */
  while (tiles_x > 1 && pixGetWidth (grey) / tiles_x < 2 * half_window + 3)
    tiles_x--;
  while (tiles_y > 1 && pixGetHeight (grey) / tiles_y < 2 * half_window + 3)
    tiles_y--;
  half_window = MIN (half_window, (MIN (pixGetWidth (grey), pixGetHeight (grey)) - 3) / 2);
  if (half_window < 2
      || pixSauvolaBinarizeTiled (grey, half_window, 0.34f, tiles_x, tiles_y, NULL, &binary) != 0)
    return pixThresholdToBinary (grey, 128);

  /* On a dark, even area Sauvola's threshold sits just under the mean, so
   * noise turns to ink (and inverted paper is such an area). There ink
   * must also be clearly darker than its surroundings. */
  {
    g_autoptr(PIX) mean = min_contrast > 0 ? pixBlockconv (grey, half_window, half_window) : NULL;
    g_autoptr(PIX) contrast = mean != NULL ? pixSubtractGray (NULL, mean, grey) : NULL;
    g_autoptr(PIX) faint = contrast != NULL ? pixThresholdToBinary (contrast, min_contrast) : NULL;

    if (faint != NULL)
      pixSubtract (binary, binary, faint);
  }
  return binary;
}

static PIX *
sauvola (PIX    *grey,
         double  text_height)
{
  return sauvola_with_floor (grey, text_height, 0);
}

/* Sauvola's speckles on paper texture and sensor noise: specks smaller
 * than any stroke, which tesseract would read as a page of "words". */
static PIX *
despeckle (PIX *binary)
{
  PIX *clean = pixSelectBySize (binary, 3, 3, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, NULL);
  BOXA *boxes;
  PIXA *pixa = NULL;

  if (clean == NULL)
    return binary;
  pixDestroy (&binary);

  /* Panel edges, the card's border and folds: marks far larger than any
   * letter and nearly empty inside. Tesseract takes letters beside them
   * for part of a picture and drops them ("WA 98052" by a panel's edge). */
  boxes = pixConnComp (clean, &pixa, 8);
  for (l_int32 i = 0; boxes != NULL && i < boxaGetCount (boxes); i++)
    {
      l_int32 x, y, w, h;
      l_int32 count = 0;
      g_autoptr(PIX) mark = NULL;

      boxaGetBoxGeometry (boxes, i, &x, &y, &w, &h);
      if (MAX (w, h) < 6 * TARGET_TEXT_HEIGHT)
        continue;
      mark = pixaGetPix (pixa, i, L_CLONE);
      pixCountPixels (mark, &count, NULL);
      if (count * 10 < (l_int64)w * h)
        pixRasterop (clean, x, y, w, h, PIX_DST & PIX_NOT (PIX_SRC), mark, 0, 0);
    }
  boxaDestroy (&boxes);
  pixaDestroy (&pixa);
  return clean;
}

static PIX *
rotate_grey (PIX    *grey,
             double  degrees)
{
  if (fabs (degrees) < 0.1)
    return pixClone (grey);
  return pixRotate (grey, (float)(degrees * M_PI / 180.0), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
}

/* Skew of the text in @grey (small), in degrees, from both the dark and
 * the light text; 0 when not sure. */
static double
find_skew (PIX      *grey,
           gboolean *light_text)
{
  float best_angle = 0;
  float best_confidence = 0;

  for (int inverted = 0; inverted < 2; inverted++)
    {
      g_autoptr(PIX) source = inverted ? pixInvert (NULL, grey) : pixClone (grey);
      g_autoptr(PIX) binary = sauvola (source, 12);
      float angle = 0;
      float confidence = 0;

      if (pixFindSkewSweepAndSearch (binary, &angle, &confidence, 1, 1, MAX_SKEW, 1.0f, 0.01f) != 0)
        continue;
      g_debug ("skew %s: %.2f° (confidence %.2f)", inverted ? "light text" : "dark text", angle, confidence);
      if (confidence > best_confidence)
        {
          best_angle = angle;
          best_confidence = confidence;
          *light_text = inverted;
        }
    }
  return best_confidence >= 2.0f ? best_angle : 0.0;
}

/* Tesseract sees its words best when their bodies are 20-30 px tall. */
static double
text_scale (PIX *grey)
{
  double best = 0;

  for (int inverted = 0; inverted < 2; inverted++)
    {
      g_autoptr(PIX) source = inverted ? pixInvert (NULL, grey) : pixClone (grey);
      g_autoptr(PIX) binary = sauvola (source, 12);
      double height = median_text_height (binary);

      if (height > best)
        best = height;
    }
  return best;
}

/* @grey inverted for the pass that reads light text, with only its dark
 * panels left in (the rest white), or NULL when it has none. Inverted
 * paper is a dark, even area whose noise Sauvola turns into a page of
 * "words": reading it cost as much as the card itself, for nothing. */
static PIX *
dark_panels_inverted (PIX      *grey,
                      gboolean  light_text)
{
  int window = (int)(2 * TARGET_TEXT_HEIGHT);
  g_autoptr(PIX) mean = NULL;
  g_autoptr(PIX) panels = NULL;
  PIX *inverted;
  l_uint32 paper = 0;
  l_int32 dark = 0;

  if (light_text)
    return pixInvert (NULL, grey);
  /* Light text on a panel leaves its surroundings' mean far below the
   * paper's; dark print on paper does not. */
  mean = pixBlockconv (grey, window, window);
  if (mean == NULL || pixGetRankValue (mean, 4, 0.9f, &paper) != 0)
    return pixInvert (NULL, grey);
  panels = pixThresholdToBinary (mean, (int)(paper * 0.75));
  pixCountPixels (panels, &dark, NULL);
  g_debug ("dark panels: %.1f%% of the card (paper %u)", 100.0 * dark / ((double)pixGetWidth (grey) * pixGetHeight (grey)),
           paper);
  if (dark < pixGetWidth (grey) * pixGetHeight (grey) / 100)
    return NULL;
  /* Room for the light letters at a panel's edge. */
  pixDilateBrick (panels, panels, window, window);
  pixInvert (panels, panels);
  inverted = pixInvert (NULL, grey);
  pixSetMasked (inverted, panels, 255);
  return inverted;
}

/* The card inside @quad (corners in @small, which is @grey scaled by
 * @small_factor) warped flat, turned by what skew is left and scaled for
 * tesseract in one resampling of @grey. */
static PIX *
warp_card (PIX          *grey,
           PIX          *small,
           double        small_factor,
           const double  quad[8],
           double       *skew,
           gboolean     *light_text)
{
  g_autoptr(PIX) small_flat = NULL;
  g_autoptr(PIX) small_straight = NULL;
  g_autoptr(PIX) source = NULL;
  g_autoptr(PIX) flat = NULL;
  double width;
  double height;
  double residual;
  double text;
  double factor;
  double source_scale = 1.0;

  rf_ocr_quad_size (quad, &width, &height);
  small_flat = rf_ocr_warp_quad (small, quad, 1.0, (int)width, (int)height);
  if (small_flat == NULL)
    return NULL;
  debug_write (small_flat, "card.png");
  /* The edges may be a little off the print; light or dark text, too. */
  residual = find_skew (small_flat, light_text);
  if (fabs (residual) > 3.0)
    residual = 0;
  small_straight = rotate_grey (small_flat, residual);
  text = text_scale (small_straight) / small_factor;
  factor = text > 0 ? TARGET_TEXT_HEIGHT / text : 1.0;
  factor = CLAMP (factor, 0.1, 4.0);
  if (width / small_factor * factor > 5000)
    factor = 5000.0 / (width / small_factor);
  *skew = rf_ocr_quad_angle (quad) + residual;
  g_debug ("card outline %.0fx%.0f, turned %.1f° (%.1f° more), text %.0f px, scale %.2f",
           width / small_factor, height / small_factor, *skew, residual, text, factor);

  /* Interpolation alone would alias when shrinking much. */
  if (factor < 0.7)
    {
      source = scale_grey (grey, factor);
      source_scale = factor;
    }
  else
    source = pixClone (grey);
  flat = rf_ocr_warp_quad (source, quad, source_scale / small_factor,
                           (int)(width / small_factor * factor), (int)(height / small_factor * factor));
  if (flat == NULL)
    return NULL;
  return rotate_grey (flat, residual);
}

/* The card cropped to @box (in the analysis image, @grey scaled by
 * @factor; the whole image when NULL), turned by its skew, its perspective
 * evened out by the change of skew from top to bottom, and scaled for
 * tesseract. */
static PIX *
straighten_card (PIX      *grey,
                 double    factor,
                 BOX      *box,
                 double   *skew,
                 gboolean *light_text)
{
  g_autoptr(PIX) card = NULL;
  g_autoptr(PIX) small = NULL;
  g_autoptr(PIX) straight = NULL;
  g_autoptr(PIX) small_straight = NULL;
  PIX *scaled;
  PTA *local_from = NULL;
  PTA *local_to = NULL;
  double small_factor = factor;
  double angle;
  double height;

  if (box != NULL)
    {
      l_int32 x, y, w, h;
      BOX *full;

      boxGetGeometry (box, &x, &y, &w, &h);
      full = boxCreate ((l_int32)(x / factor), (l_int32)(y / factor), (l_int32)(w / factor), (l_int32)(h / factor));
      card = pixClipRectangle (grey, full, NULL);
      boxDestroy (&full);
    }
  if (card == NULL)
    card = pixClone (grey);
  small = scale_grey (card, factor);
  debug_write (small, "card.png");

  angle = find_skew (small, light_text);
  *skew = angle;
  straight = rotate_grey (card, angle);
  small_straight = rotate_grey (small, angle);

  /* Perspective: the skew changes from top to bottom. */
  {
    g_autoptr(PIX) source = *light_text ? pixInvert (NULL, small_straight) : pixClone (small_straight);
    g_autoptr(PIX) binary = sauvola (source, 12);

    if (pixGetLocalSkewTransform (binary, 0, 1, 1, 6.0f, 1.0f, 0.01f, &local_from, &local_to) != 0)
      {
        ptaDestroy (&local_from);
        ptaDestroy (&local_to);
      }
  }

  height = text_scale (small_straight) / factor;
  factor = height > 0 ? TARGET_TEXT_HEIGHT / height : 1.0;
  factor = CLAMP (factor, 0.1, 4.0);
  /* Keep tesseract's work bounded on huge photos of small text. */
  if (pixGetWidth (straight) * factor > 5000)
    factor = 5000.0 / pixGetWidth (straight);
  g_debug ("card %dx%d, skew %.1f°, text %.0f px, scale %.2f",
           pixGetWidth (card), pixGetHeight (card), angle, height, factor);
  scaled = scale_grey (straight, factor);
  if (local_from != NULL)
    {
      double to_scaled = factor / small_factor;
      PTA *from = ptaTransform (local_from, 0, 0, (float)to_scaled, (float)to_scaled);
      PTA *to = ptaTransform (local_to, 0, 0, (float)to_scaled, (float)to_scaled);
      PIX *warped = pixProjectivePtaGray (scaled, to, from, 255);

      if (warped != NULL)
        {
          pixDestroy (&scaled);
          scaled = warped;
        }
      ptaDestroy (&from);
      ptaDestroy (&to);
      ptaDestroy (&local_from);
      ptaDestroy (&local_to);
    }
  return scaled;
}

GPtrArray *
rf_ocr_prepare_passes (PIX       *pix,
                       RfOcrMode  mode,
                       double    *skew)
{
  g_autoptr(GPtrArray) passes = g_ptr_array_new_with_free_func ((GDestroyNotify)rf_ocr_pass_free);
  g_autoptr(PIX) grey = to_grey (pix);
  g_autoptr(PIX) small = NULL;
  g_autoptr(PIX) scaled = NULL;
  g_autoptr(PIX) inverted = NULL;
  gboolean light_text = FALSE;
  double factor;
  int long_side;

  *skew = 0;
  if (grey == NULL)
    return NULL;

  if (mode == RF_OCR_MODE_DOCUMENT)
    {
      g_ptr_array_add (passes, pass_new (pixClone (grey), NULL, 3 /* PSM_AUTO */));
      return g_steal_pointer (&passes);
    }

  /* Find the card on a small copy. */
  long_side = MAX (pixGetWidth (grey), pixGetHeight (grey));
  factor = long_side > ANALYSIS_SIZE ? (double)ANALYSIS_SIZE / long_side : 1.0;
  small = scale_grey (grey, factor);
  {
    g_autoptr(PIX) mask = NULL;
    g_autoptr(BOX) box = find_card (small, &mask);
    double quad[8];

    /* Its outline seen: warped flat, no skew model needed. */
    if (mask != NULL && rf_ocr_find_card_quad (mask, quad))
      scaled = warp_card (grey, small, factor, quad, skew, &light_text);
    /* Not by brightness: by brightness without colour, in a photo. */
    if (scaled == NULL)
      {
        g_autoptr(PIX) neutral = neutral_brightness (pix, small);
        g_autoptr(PIX) neutral_mask = NULL;
        g_autoptr(BOX) neutral_box = neutral != NULL ? find_card (neutral, &neutral_mask) : NULL;

        if (neutral_mask != NULL && rf_ocr_find_card_quad (neutral_mask, quad))
          scaled = warp_card (grey, small, factor, quad, skew, &light_text);
      }
    if (scaled == NULL)
      scaled = straighten_card (grey, factor, box, skew, &light_text);
  }
  if (scaled == NULL)
    return NULL;

  debug_write (scaled, "grey.png");
  g_ptr_array_add (passes, pass_new (despeckle (sauvola (scaled, SAUVOLA_TEXT_HEIGHT)), pixClone (scaled),
                                     11 /* PSM_SPARSE_TEXT */));
  debug_write (((RfOcrPass *)g_ptr_array_index (passes, 0))->pix, "pass-0.png");
  inverted = dark_panels_inverted (scaled, light_text);
  if (inverted != NULL)
    {
      g_ptr_array_add (passes, pass_new (despeckle (sauvola_with_floor (inverted, SAUVOLA_TEXT_HEIGHT, MIN_INK_CONTRAST)),
                                         pixClone (inverted), 11 /* PSM_SPARSE_TEXT */));
      debug_write (((RfOcrPass *)g_ptr_array_index (passes, 1))->pix, "pass-1.png");
    }
  return g_steal_pointer (&passes);
}

PIX *
rf_ocr_straighten_block (PIX    *grey,
                         BOX    *box,
                         double  text_height,
                         double  extra,
                         double *angle,
                         double *scale)
{
  g_autoptr(PIX) crop = pixClipRectangle (grey, box, NULL);
  g_autoptr(PIX) binary = NULL;
  g_autoptr(PIX) turned = NULL;
  float found = 0;
  float confidence = 0;

  *angle = 0;
  *scale = 1;
  if (crop == NULL)
    return NULL;
  binary = sauvola (crop, text_height);
  if (pixFindSkewSweepAndSearch (binary, &found, &confidence, 1, 1, 8.0f, 0.5f, 0.01f) != 0
      || confidence < 1.0f)
    found = 0;
  g_debug ("  block skew %.2f (confidence %.2f), text %.0f px", found, confidence, text_height);
  *angle = found + extra;
  /* The block has a line's margin all round, which a turn of a few
   * degrees does not reach into. */
  turned = rotate_grey (crop, *angle);
  /* Blurred small print reads better a little smaller than the rest. */
  *scale = BLOCK_TEXT_HEIGHT / text_height;
  *scale = CLAMP (*scale, 0.3, 1.5);
  return scale_grey (turned, *scale);
}
