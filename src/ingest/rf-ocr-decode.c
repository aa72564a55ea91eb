/* rf-ocr-decode.c: an image file to pixels, turned upright by its EXIF tag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The header is checked before leptonica allocates anything: a small
 * file can claim a huge picture.
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rf-ocr-private.h"

/* -- Decoding ------------------------------------------------------------ */

static guint16
read_u16 (const guint8 *p,
          gboolean      big_endian)
{
  return big_endian ? (guint16)(p[0] << 8 | p[1]) : (guint16)(p[1] << 8 | p[0]);
}

static guint32
read_u32 (const guint8 *p,
          gboolean      big_endian)
{
  return big_endian
    ? (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | p[3]
    : (guint32)p[3] << 24 | (guint32)p[2] << 16 | (guint32)p[1] << 8 | p[0];
}

/* The orientation tag (0x0112) of IFD0 in a TIFF structure. */
static int
tiff_orientation (const guint8 *tiff,
                  gsize         size)
{
  gboolean big_endian;
  guint32 ifd;
  guint16 count;

  if (size < 8)
    return 1;
  if (memcmp (tiff, "MM\0*", 4) == 0)
    big_endian = TRUE;
  else if (memcmp (tiff, "II*\0", 4) == 0)
    big_endian = FALSE;
  else
    return 1;

  ifd = read_u32 (tiff + 4, big_endian);
  if (ifd > size - 2 || ifd < 8)
    return 1;
  count = read_u16 (tiff + ifd, big_endian);
  for (guint i = 0; i < count; i++)
    {
      gsize entry = ifd + 2 + (gsize)i * 12;
      guint16 value;

      if (entry + 12 > size)
        break;
      if (read_u16 (tiff + entry, big_endian) != 0x0112)
        continue;
      value = read_u16 (tiff + entry + 8, big_endian);
      return value >= 1 && value <= 8 ? value : 1;
    }
  return 1;
}

/* The EXIF orientation (1-8) of a JPEG, or of a TIFF; 1 when there is none.
 * Leptonica does not apply it, and phones store most photos turned. */
int
rf_ocr_exif_orientation (const guint8 *data,
                         gsize         size)
{
  gsize pos = 2;

  if (size >= 4 && (memcmp (data, "MM\0*", 4) == 0 || memcmp (data, "II*\0", 4) == 0))
    return tiff_orientation (data, size);
  if (size < 4 || data[0] != 0xFF || data[1] != 0xD8)
    return 1;

  while (pos + 4 <= size)
    {
      guint8 marker;
      gsize length;

      if (data[pos] != 0xFF)
        return 1;
      marker = data[pos + 1];
      if (marker == 0xFF)
        {
          pos++;
          continue;
        }
      if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01)
        {
          pos += 2;
          continue;
        }
      if (marker == 0xDA || marker == 0xD9)
        return 1;  /* image data: no EXIF before it */
      length = read_u16 (data + pos + 2, TRUE);
      if (length < 2 || pos + 2 + length > size)
        return 1;
      if (marker == 0xE1 && length >= 8 && memcmp (data + pos + 4, "Exif\0\0", 6) == 0)
        return tiff_orientation (data + pos + 10, length - 8);
      pos += 2 + length;
    }
  return 1;
}

/* Takes @pix; returns it turned upright for EXIF @orientation. */
PIX *
rf_ocr_apply_orientation (PIX *pix,
                          int  orientation)
{
  PIX *turned = NULL;

  g_assert (pix != NULL);

  switch (orientation)
    {
    case 2:
      return pixFlipLR (pix, pix);
    case 3:
      turned = pixRotateOrth (pix, 2);
      break;
    case 4:
      return pixFlipTB (pix, pix);
    case 5:
      pixFlipLR (pix, pix);
      turned = pixRotateOrth (pix, 3);
      break;
    case 6:
      turned = pixRotateOrth (pix, 1);
      break;
    case 7:
      pixFlipLR (pix, pix);
      turned = pixRotateOrth (pix, 1);
      break;
    case 8:
      turned = pixRotateOrth (pix, 3);
      break;
    default:
      return pix;
    }
  pixDestroy (&pix);
  return turned;
}

/* A JPEG ends with EOI, a PNG with IEND: libjpeg and libpng would
 * otherwise hand back a half-grey picture of a truncated file. */
static gboolean
looks_truncated (const guint8 *data,
                 gsize         size,
                 int           format)
{
  if (format == IFF_JFIF_JPEG)
    {
      /* Some writers pad after EOI: look at the last few bytes. */
      for (gsize i = size; i >= 2 && i + 64 >= size; i--)
        if (data[i - 2] == 0xFF && data[i - 1] == 0xD9)
          return FALSE;
      return TRUE;
    }
  if (format == IFF_PNG)
    {
      static const guint8 iend[] = { 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82 };

      return size < 12 || memcmp (data + size - 8, iend, 8) != 0;
    }
  return FALSE;
}

static gboolean
format_is_supported (int format)
{
  switch (format)
    {
    case IFF_PNG:
    case IFF_JFIF_JPEG:
    case IFF_TIFF:
    case IFF_TIFF_PACKBITS:
    case IFF_TIFF_RLE:
    case IFF_TIFF_G3:
    case IFF_TIFF_G4:
    case IFF_TIFF_LZW:
    case IFF_TIFF_ZIP:
    case IFF_TIFF_JPEG:
    case IFF_WEBP:
    case IFF_BMP:
    case IFF_PNM:
      return TRUE;
    default:
      return FALSE;
    }
}

PIX *
rf_ocr_decode_image (const guint8  *data,
                     gsize          size,
                     GError       **error)
{
  l_int32 format = IFF_UNKNOWN;
  l_int32 width = 0;
  l_int32 height = 0;
  l_int32 bps = 0;
  l_int32 spp = 0;
  l_int32 iscmap = 0;
  PIX *pix;

  if (size == 0)
    {
      g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_CORRUPT_FILE,
                   _("The file is empty. Copy or export the image again."));
      return NULL;
    }
  if (size < 12 || findFileFormatBuffer (data, &format) != 0 || !format_is_supported (format))
    {
      g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_UNSUPPORTED_FILE,
                   _("This is not an image that can be read. Use a PNG, JPEG, TIFF, WebP or BMP file."));
      return NULL;
    }
  /* Leptonica decodes a whole BMP to read its header: read it here. */
  if (format == IFF_BMP && size >= 26)
    {
      gint64 bmp_width = (gint32)read_u32 (data + 18, FALSE);
      gint64 bmp_height = (gint32)read_u32 (data + 22, FALSE);

      if (ABS (bmp_width) * ABS (bmp_height) > RF_OCR_MAX_PIXELS)
        {
          g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_TOO_LARGE,
                       _("The image is too large (%d × %d pixels). Scale it below %d megapixels and try again."),
                       (int)ABS (bmp_width), (int)ABS (bmp_height), RF_OCR_MAX_PIXELS / 1000000);
          return NULL;
        }
    }
  if (pixReadHeaderMem (data, size, &format, &width, &height, &bps, &spp, &iscmap) != 0
      || width <= 0 || height <= 0)
    {
      g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_CORRUPT_FILE,
                   _("The image is damaged and cannot be read. Save or export it again."));
      return NULL;
    }
  if ((guint64)width * (guint64)height > RF_OCR_MAX_PIXELS)
    {
      g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_TOO_LARGE,
                   _("The image is too large (%d × %d pixels). Scale it below %d megapixels and try again."),
                   width, height, RF_OCR_MAX_PIXELS / 1000000);
      return NULL;
    }
  if (looks_truncated (data, size, format))
    {
      g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_CORRUPT_FILE,
                   _("The image is cut short: the file was not copied completely. Copy it again."));
      return NULL;
    }

  pix = pixReadMem (data, size);
  if (pix == NULL)
    {
      g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_CORRUPT_FILE,
                   _("The image is damaged and cannot be read. Save or export it again."));
      return NULL;
    }
  return rf_ocr_apply_orientation (pix, rf_ocr_exif_orientation (data, size));
}
