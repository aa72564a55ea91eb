/* rf-ocr-quad.c: the card's outline, and the card warped flat
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A card photographed at an angle is a quadrilateral, not a turned
 * rectangle: its lines change slope from top to bottom and its letters
 * shrink towards the far edge. Where the card stands out from the desk its
 * four edges give the perspective exactly, so the card is warped back to a
 * rectangle in one step (which also turns and scales it). A card whose
 * edges cannot be seen goes through the skew model instead.
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <math.h>

#include "rf-ocr-private.h"

/* Points this close to a side's ends are left out of its line: the
 * morphology that made the mask rounds the corners. */
#define END_MARGIN 0.12
/* Pixels of the analysis image: a blob nearer its edge touches the frame. */
#define FRAME_MARGIN 16
/* How far the corners are moved towards the middle. */
#define INSET 0.03

typedef struct
{
  double a, b;   /* y = a x + b (top, bottom) or x = a y + b (left, right) */
} Side;

/* Least squares through @n points (u, v): v = a u + b, twice, the second
 * time without the points far from the first line (text or a thumb
 * against the edge). */
static gboolean
fit_side (const double *u,
          const double *v,
          guint         n,
          Side         *side)
{
  for (int round = 0; round < 2; round++)
    {
      double su = 0, sv = 0, suu = 0, suv = 0;
      guint used = 0;
      double denominator;

      for (guint i = 0; i < n; i++)
        {
          if (round == 1 && fabs (v[i] - (side->a * u[i] + side->b)) > 2.0)
            continue;
          su += u[i];
          sv += v[i];
          suu += u[i] * u[i];
          suv += u[i] * v[i];
          used++;
        }
      if (used < 10)
        return FALSE;
      denominator = used * suu - su * su;
      if (fabs (denominator) < 1e-9)
        return FALSE;
      side->a = (used * suv - su * sv) / denominator;
      side->b = (sv - side->a * su) / used;
    }
  return TRUE;
}

/* Where a top or bottom side (y = a x + b) meets a left or right one
 * (x = a y + b). */
static void
meet (const Side *across,
      const Side *down,
      double     *x,
      double     *y)
{
  double denominator = 1.0 - down->a * across->a;

  *x = fabs (denominator) < 1e-9 ? down->b : (down->a * across->b + down->b) / denominator;
  *y = across->a * *x + across->b;
}

static double
distance (const double *quad,
          int           i,
          int           j)
{
  return hypot (quad[2 * i] - quad[2 * j], quad[2 * i + 1] - quad[2 * j + 1]);
}

gboolean
rf_ocr_find_card_quad (PIX    *mask,
                       double  quad[8])
{
  PIXA *pixa = NULL;
  BOXA *boxes = pixConnComp (mask, &pixa, 8);
  g_autoptr(PIX) blob = NULL;
  g_autofree int *left = NULL;
  g_autofree int *right = NULL;
  g_autofree int *top = NULL;
  g_autofree int *bottom = NULL;
  g_autofree double *u = NULL;
  g_autofree double *v = NULL;
  double corner[8];
  Side sides[4];  /* top, right, bottom, left */
  l_int32 best = -1;
  l_int64 best_area = 0;
  l_int32 bx = 0, by = 0, w = 0, h = 0;
  l_int32 count = 0;
  l_uint32 *data;
  int wpl;
  double s_min = G_MAXDOUBLE, s_max = -G_MAXDOUBLE, d_min = G_MAXDOUBLE, d_max = -G_MAXDOUBLE;
  double area = 0;

  for (l_int32 i = 0; boxes != NULL && i < boxaGetCount (boxes); i++)
    {
      l_int32 x, y, bw, bh;

      boxaGetBoxGeometry (boxes, i, &x, &y, &bw, &bh);
      if ((l_int64)bw * bh > best_area)
        {
          best_area = (l_int64)bw * bh;
          best = i;
        }
    }
  if (best >= 0)
    {
      boxaGetBoxGeometry (boxes, best, &bx, &by, &w, &h);
      blob = pixaGetPix (pixa, best, L_COPY);
    }
  boxaDestroy (&boxes);
  pixaDestroy (&pixa);
  if (blob == NULL || w < 50 || h < 50)
    return FALSE;
  /* From edge to edge of the photo it is the desk, not a card. A card cut
   * off at one side or corner still has its other edges. (The mask's
   * morphology keeps blobs a few pixels off the frame.) */
  if ((bx <= FRAME_MARGIN && bx + w >= pixGetWidth (mask) - FRAME_MARGIN)
      || (by <= FRAME_MARGIN && by + h >= pixGetHeight (mask) - FRAME_MARGIN))
    return FALSE;

  /* The outline: each row's ends and each column's ends. */
  left = g_new (int, h);
  right = g_new (int, h);
  top = g_new (int, w);
  bottom = g_new (int, w);
  for (int x = 0; x < w; x++)
    {
      top[x] = -1;
      bottom[x] = -1;
    }
  data = pixGetData (blob);
  wpl = pixGetWpl (blob);
  for (int y = 0; y < h; y++)
    {
      l_uint32 *line = data + y * wpl;

      left[y] = -1;
      right[y] = -1;
      for (int x = 0; x < w; x++)
        {
          if (!GET_DATA_BIT (line, x))
            continue;
          if (left[y] < 0)
            left[y] = x;
          right[y] = x;
          if (top[x] < 0)
            top[x] = y;
          bottom[x] = y;
        }
    }

  /* Rough corners: the outline's extremes along the diagonals. */
  for (int y = 0; y < h; y++)
    for (int e = 0; e < 2 && left[y] >= 0; e++)
      {
        int x = e == 0 ? left[y] : right[y];

        if (x + y < s_min)
          {
            s_min = x + y;
            corner[0] = x;
            corner[1] = y;
          }
        if (x - y > d_max)
          {
            d_max = x - y;
            corner[2] = x;
            corner[3] = y;
          }
        if (x + y > s_max)
          {
            s_max = x + y;
            corner[4] = x;
            corner[5] = y;
          }
        if (x - y < d_min)
          {
            d_min = x - y;
            corner[6] = x;
            corner[7] = y;
          }
      }

  /* Each side a straight line through the outline between its corners. */
  u = g_new (double, MAX (w, h));
  v = g_new (double, MAX (w, h));
  for (int s = 0; s < 4; s++)
    {
      const double *from = &corner[2 * s];
      const double *to = &corner[2 * ((s + 1) % 4)];
      gboolean across = s == 0 || s == 2;
      double lo = across ? MIN (from[0], to[0]) : MIN (from[1], to[1]);
      double hi = across ? MAX (from[0], to[0]) : MAX (from[1], to[1]);
      double margin = (hi - lo) * END_MARGIN;
      guint n = 0;

      for (int t = (int)(lo + margin); t <= (int)(hi - margin); t++)
        {
          int value = s == 0 ? top[t] : s == 1 ? right[t] : s == 2 ? bottom[t] : left[t];

          int x = across ? t : value;
          int y = across ? value : t;

          /* Along the frame: where the card is cut off, not its edge. */
          if (value < 0 || bx + x <= FRAME_MARGIN || by + y <= FRAME_MARGIN
              || bx + x >= pixGetWidth (mask) - FRAME_MARGIN || by + y >= pixGetHeight (mask) - FRAME_MARGIN)
            continue;
          u[n] = t;
          v[n] = value;
          n++;
        }
      if (!fit_side (u, v, n, &sides[s]))
        return FALSE;
    }
  meet (&sides[0], &sides[3], &quad[0], &quad[1]);
  meet (&sides[0], &sides[1], &quad[2], &quad[3]);
  meet (&sides[2], &sides[1], &quad[4], &quad[5]);
  meet (&sides[2], &sides[3], &quad[6], &quad[7]);

  /* A card: the blob fills the quadrilateral, whose sides are not tiny. */
  for (int i = 0; i < 4; i++)
    {
      int j = (i + 1) % 4;

      area += quad[2 * i] * quad[2 * j + 1] - quad[2 * j] * quad[2 * i + 1];
      if (distance (quad, i, j) < 40)
        return FALSE;
    }
  area = area / 2;
  pixCountPixels (blob, &count, NULL);
  g_debug ("card outline: (%.0f,%.0f) (%.0f,%.0f) (%.0f,%.0f) (%.0f,%.0f), filled %.2f",
           quad[0] + bx, quad[1] + by, quad[2] + bx, quad[3] + by, quad[4] + bx, quad[5] + by,
           quad[6] + bx, quad[7] + by, area > 0 ? count / area : 0);
  if (area <= 0 || count < 0.94 * area || count > 1.03 * area)
    return FALSE;
  /* A little inside the edges: a sliver of desk along them would be read
   * as a line of "letters" (and can keep tesseract busy for long). Cards
   * keep their print further in than that. */
  {
    double cx = (quad[0] + quad[2] + quad[4] + quad[6]) / 4;
    double cy = (quad[1] + quad[3] + quad[5] + quad[7]) / 4;

    for (int i = 0; i < 4; i++)
      {
        quad[2 * i] = cx + (quad[2 * i] - cx) * (1 - INSET) + bx;
        quad[2 * i + 1] = cy + (quad[2 * i + 1] - cy) * (1 - INSET) + by;
      }
  }
  return TRUE;
}

void
rf_ocr_quad_size (const double  quad[8],
                  double       *width,
                  double       *height)
{
  /* The nearer edge of each pair: its print is the larger, and the warp
   * should not shrink it. */
  *width = MAX (distance (quad, 0, 1), distance (quad, 3, 2));
  *height = MAX (distance (quad, 0, 3), distance (quad, 1, 2));
}

double
rf_ocr_quad_angle (const double quad[8])
{
  double top = atan2 (quad[3] - quad[1], quad[2] - quad[0]);
  double bottom = atan2 (quad[5] - quad[7], quad[4] - quad[6]);

  /* The turn that straightens it, as the skew search gives it. */
  return -(top + bottom) / 2 * 180.0 / G_PI;
}

PIX *
rf_ocr_warp_quad (PIX          *grey,
                  const double  quad[8],
                  double        scale,
                  int           width,
                  int           height)
{
  PTA *rectangle = ptaCreate (4);
  PTA *seen = ptaCreate (4);
  l_float32 *coefficients = NULL;
  l_uint32 *source;
  l_uint32 *target;
  int source_wpl;
  int target_wpl;
  int source_width = pixGetWidth (grey);
  int source_height = pixGetHeight (grey);
  PIX *flat = NULL;

  g_assert (pixGetDepth (grey) == 8);

  ptaAddPt (rectangle, 0, 0);
  ptaAddPt (rectangle, width - 1, 0);
  ptaAddPt (rectangle, width - 1, height - 1);
  ptaAddPt (rectangle, 0, height - 1);
  for (int i = 0; i < 4; i++)
    ptaAddPt (seen, (float)(quad[2 * i] * scale), (float)(quad[2 * i + 1] * scale));
  /* From the rectangle to the photo: each pixel of the flat card is
   * looked up where it was seen. */
  if (width > 0 && height > 0 && getProjectiveXformCoeffs (rectangle, seen, &coefficients) == 0)
    {
      flat = pixCreate (width, height, 8);
      source = pixGetData (grey);
      source_wpl = pixGetWpl (grey);
      target = pixGetData (flat);
      target_wpl = pixGetWpl (flat);
      for (int y = 0; y < height; y++)
        {
          l_uint32 *line = target + y * target_wpl;

          for (int x = 0; x < width; x++)
            {
              l_float32 sx;
              l_float32 sy;
              l_int32 value = 255;

              projectiveXformPt (coefficients, x, y, &sx, &sy);
              linearInterpolatePixelGray (source, source_wpl, source_width, source_height, sx, sy, 255, &value);
              SET_DATA_BYTE (line, x, value);
            }
        }
    }
  LEPT_FREE (coefficients);
  ptaDestroy (&rectangle);
  ptaDestroy (&seen);
  return flat;
}
