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

/* A word as read by one pass. */
typedef struct
{
  RfOcrWord word;
  guint     pass;
  guint     line;   /* index of its line in its pass */
} RfOcrPassWord;

/* One tesseract run: a pass over the card, or a block read again. */
typedef struct
{
  RfOcr        *self;
  PIX          *pix;
  int           psm;
  guint         index;
  GCancellable *cancellable;
  GPtrArray    *words;    /* RfOcrPassWord */
  GError       *error;
  /* Where @pix came from: cut at (x, y) and turned by @angle about its centre. */
  int           x, y;
  double        angle;
  double        scale;   /* of @pix against the block; 0: 1 */
  double        centre_x, centre_y;  /* the block's centre, in the block */
} RfOcrRun;

void          rf_ocr_word_free           (RfOcrWord     *word);
RfOcrWord    *rf_ocr_word_copy           (const RfOcrWord *word);
void          rf_ocr_line_free           (RfOcrLine     *line);
void          rf_ocr_pass_word_free      (RfOcrPassWord *word);
gboolean      rf_ocr_run_all             (RfOcrRun      *runs,
                                          guint          n_runs,
                                          GPtrArray     *words,
                                          GError       **error);
gboolean      rf_ocr_refine_blocks       (RfOcr         *self,
                                          GPtrArray     *passes,
                                          GPtrArray     *words,
                                          GCancellable  *cancellable,
                                          GError       **error);
RfOcrResult  *rf_ocr_merge_passes        (GPtrArray     *words);

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

/* rf-ocr-quad.c: @quad gets the corners (top left, top right, bottom right,
 * bottom left) of the largest blob of @mask when it is a quadrilateral. */
gboolean    rf_ocr_find_card_quad      (PIX           *mask,
                                        double         quad[8]);
void        rf_ocr_quad_size           (const double   quad[8],
                                        double        *width,
                                        double        *height);
double      rf_ocr_quad_angle          (const double   quad[8]);
/* @grey (8 bpp) with @quad × @scale warped to a @width × @height rectangle. */
PIX        *rf_ocr_warp_quad           (PIX           *grey,
                                        const double   quad[8],
                                        double         scale,
                                        int            width,
                                        int            height);

G_END_DECLS
