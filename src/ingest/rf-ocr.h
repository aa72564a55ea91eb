/* rf-ocr.h: text from images, with tesseract and leptonica
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rf-ingest-error.h"

G_BEGIN_DECLS

/* Images larger than this are refused before they are decoded. */
#define RF_OCR_MAX_PIXELS (100 * 1000 * 1000)

typedef enum
{
  RF_OCR_MODE_CARD,      /* a photo of a card: find, straighten, two passes */
  RF_OCR_MODE_DOCUMENT,  /* a clean page (a rendered PDF): one pass, full layout */
} RfOcrMode;

typedef struct
{
  char   *text;
  double  confidence;   /* 0-1 */
  int     x, y, width, height;  /* in the straightened, scaled image */
} RfOcrWord;

typedef struct
{
  char      *text;        /* the words joined by single spaces */
  double     confidence;  /* mean of its words, 0-1 */
  GPtrArray *words;       /* RfOcrWord */
} RfOcrLine;

typedef struct
{
  char      *text;        /* the lines joined by "\n" */
  double     confidence;  /* mean word confidence, 0-1 */
  GPtrArray *lines;       /* RfOcrLine, top to bottom */
  double     skew;        /* degrees the image was turned to straighten it */
} RfOcrResult;

void         rf_ocr_result_free              (RfOcrResult         *result);
RfOcrResult *rf_ocr_result_copy              (const RfOcrResult   *result);

#define RF_TYPE_OCR (rf_ocr_get_type ())

G_DECLARE_FINAL_TYPE (RfOcr, rf_ocr, RF, OCR, GObject)

RfOcr       *rf_ocr_new                      (void);
const char  *rf_ocr_get_language             (RfOcr               *self);
void         rf_ocr_set_language             (RfOcr               *self,
                                              const char          *language);
RfOcrMode    rf_ocr_get_mode                 (RfOcr               *self);
void         rf_ocr_set_mode                 (RfOcr               *self,
                                              RfOcrMode            mode);

RfOcrResult *rf_ocr_recognize_file_sync      (RfOcr               *self,
                                              GFile               *file,
                                              GCancellable        *cancellable,
                                              GError             **error);
void         rf_ocr_recognize_file_async     (RfOcr               *self,
                                              GFile               *file,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
RfOcrResult *rf_ocr_recognize_file_finish    (RfOcr               *self,
                                              GAsyncResult        *result,
                                              GError             **error);

RfOcrResult *rf_ocr_recognize_bytes_sync     (RfOcr               *self,
                                              GBytes              *bytes,
                                              GCancellable        *cancellable,
                                              GError             **error);
void         rf_ocr_recognize_bytes_async    (RfOcr               *self,
                                              GBytes              *bytes,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
RfOcrResult *rf_ocr_recognize_bytes_finish   (RfOcr               *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* Pixels in cairo's CAIRO_FORMAT_RGB24/ARGB32 layout (a rendered PDF page). */
RfOcrResult *rf_ocr_recognize_pixels_sync    (RfOcr               *self,
                                              const guint8        *data,
                                              int                  width,
                                              int                  height,
                                              int                  stride,
                                              int                  dpi,
                                              GCancellable        *cancellable,
                                              GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfOcrResult, rf_ocr_result_free)

G_END_DECLS
