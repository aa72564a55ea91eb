/* rf-pdf.h: text from PDFs, from the text layer or by OCR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rf-ingest-error.h"

G_BEGIN_DECLS

/* Pages past this are not read: a card or a one-pager is what we want. */
#define RF_PDF_MAX_PAGES 50
#define RF_PDF_RENDER_DPI 300

typedef struct
{
  char   *text;          /* the pages' text, pages apart by a blank line */
  guint   n_pages;       /* in the document */
  guint   n_ocr_pages;   /* of those read, how many had no text layer */
  double  confidence;    /* 1 for a text layer, OCR's mean otherwise (0-1) */
} RfPdfResult;

void          rf_pdf_result_free       (RfPdfResult          *result);

#define RF_TYPE_PDF (rf_pdf_get_type ())

G_DECLARE_FINAL_TYPE (RfPdf, rf_pdf, RF, PDF, GObject)

RfPdf        *rf_pdf_new               (void);
gboolean      rf_pdf_bytes_look_like_pdf (GBytes             *bytes);
RfPdfResult  *rf_pdf_read_bytes_sync   (RfPdf                *self,
                                        GBytes               *bytes,
                                        GCancellable         *cancellable,
                                        GError              **error);
RfPdfResult  *rf_pdf_read_file_sync    (RfPdf                *self,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GError              **error);
void          rf_pdf_read_file_async   (RfPdf                *self,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
RfPdfResult  *rf_pdf_read_file_finish  (RfPdf                *self,
                                        GAsyncResult         *result,
                                        GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfPdfResult, rf_pdf_result_free)

G_END_DECLS
