/* rf-ocr-private.h: the image side of RfOcr, shared by rf-ocr.c and rf-ocr-image.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <leptonica/allheaders.h>

#include "rf-ocr.h"

G_BEGIN_DECLS

static inline void
rf_pix_unref (PIX *pix)
{
  pixDestroy (&pix);
}

static inline void
rf_box_unref (BOX *box)
{
  boxDestroy (&box);
}

static inline void
rf_box_unref_cb (gpointer box)
{
  rf_box_unref (box);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PIX, rf_pix_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BOX, rf_box_unref)

/* One image ready for tesseract, and the tesseract settings for it. */
typedef struct
{
  PIX  *pix;        /* 1 bpp or 8 bpp */
  PIX  *grey;       /* 8 bpp before binarising (inverted for light text), or NULL */
  int   psm;        /* TessPageSegMode */
} RfOcrPass;

/* The decoded image, oriented by its EXIF tag. NULL with RF_INGEST_ERROR. */
PIX        *rf_ocr_decode_image        (const guint8  *data,
                                        gsize          size,
                                        GError       **error);
int         rf_ocr_exif_orientation    (const guint8  *data,
                                        gsize          size);
PIX        *rf_ocr_apply_orientation   (PIX           *pix,
                                        int            orientation);

/* The passes to run on @pix in @mode; *skew gets the correction applied. */
GPtrArray  *rf_ocr_prepare_passes      (PIX           *pix,
                                        RfOcrMode      mode,
                                        double        *skew);
/* @box of @grey cut out, straightened and binarised; *angle gets the turn. */
PIX        *rf_ocr_straighten_block    (PIX           *grey,
                                        BOX           *box,
                                        double         text_height,
                                        double         extra,
                                        double        *angle,
                                        double        *scale);
void        rf_ocr_pass_free           (RfOcrPass     *pass);

G_END_DECLS
