/* rf-pdf.c: poppler-glib, and RfOcr for pages that are only a picture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PDF from a CRM or a mail merge has a text layer: take it. One from a
 * scanner app or a phone is a picture per page: render it at 300 DPI and
 * read it with RfOcr. Poppler is used from one thread at a time per
 * document, which a GTask per file gives.
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "rf-ocr.h"
#include "rf-pdf.h"

struct _RfPdf
{
  GObject  parent_instance;

  GMutex   lock;
  RfOcr   *ocr;      /* made on first need */
};

G_DEFINE_FINAL_TYPE (RfPdf, rf_pdf, G_TYPE_OBJECT)

/* poppler-glib 22.12 declares no autoptr cleanups of its own. */
typedef PopplerDocument RfPopplerDocument;
typedef PopplerPage RfPopplerPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfPopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfPopplerPage, g_object_unref)

void
rf_pdf_result_free (RfPdfResult *result)
{
  if (result == NULL)
    return;
  g_free (result->text);
  g_free (result);
}

/* "%PDF-" near the start, as readers accept it. */
gboolean
rf_pdf_bytes_look_like_pdf (GBytes *bytes)
{
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  size = MIN (size, 1024);
  for (gsize i = 0; i + 5 <= size; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_text (const char *text)
{
  guint alnum = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)) && ++alnum >= 3)
      return TRUE;
  return FALSE;
}

static RfOcr *
get_ocr (RfPdf *self)
{
  RfOcr *ocr;

  g_mutex_lock (&self->lock);
  if (self->ocr == NULL)
    {
      self->ocr = rf_ocr_new ();
      rf_ocr_set_mode (self->ocr, RF_OCR_MODE_DOCUMENT);
    }
  ocr = g_object_ref (self->ocr);
  g_mutex_unlock (&self->lock);
  return ocr;
}

/* The page as a picture, read by OCR. NULL with NO_TEXT when there is none. */
static char *
ocr_page (RfPdf         *self,
          PopplerPage   *page,
          double        *confidence,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(RfOcr) ocr = get_ocr (self);
  g_autoptr(RfOcrResult) result = NULL;
  double width_pt;
  double height_pt;
  int width;
  int height;
  double scale = RF_PDF_RENDER_DPI / 72.0;
  cairo_surface_t *surface;
  cairo_t *cr;
  char *text;

  poppler_page_get_size (page, &width_pt, &height_pt);
  /* Huge pages (posters, drawings) at a lower resolution. */
  if (width_pt * height_pt * scale * scale > RF_OCR_MAX_PIXELS / 2)
    scale = sqrt ((RF_OCR_MAX_PIXELS / 2) / (width_pt * height_pt));
  width = (int)ceil (width_pt * scale);
  height = (int)ceil (height_pt * scale);
  if (width <= 0 || height <= 0)
    {
      g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_CORRUPT_FILE,
                   _("A page of the PDF has no size. Export the PDF again."));
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_TOO_LARGE,
                   _("A page of the PDF is too large to read. Export it at a smaller size."));
      return NULL;
    }
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  result = rf_ocr_recognize_pixels_sync (ocr, cairo_image_surface_get_data (surface), width, height,
                                         cairo_image_surface_get_stride (surface), (int)(scale * 72),
                                         cancellable, error);
  cairo_surface_destroy (surface);
  if (result == NULL)
    return NULL;
  *confidence = result->confidence;
  text = g_steal_pointer (&result->text);
  return text;
}

RfPdfResult *
rf_pdf_read_bytes_sync (RfPdf         *self,
                        GBytes        *bytes,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(RfPopplerDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree RfPdfResult *result = NULL;
  double ocr_confidence = 0;
  guint n_read;

  g_return_val_if_fail (RF_IS_PDF (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_CORRUPT_FILE,
                   _("The file is empty. Copy or export the PDF again."));
      return NULL;
    }
  if (!rf_pdf_bytes_look_like_pdf (bytes))
    {
      g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_UNSUPPORTED_FILE,
                   _("This file is not a PDF, whatever its name says. Open it in the program that made it and export a PDF."));
      return NULL;
    }

  document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_ENCRYPTED,
                     _("The PDF is protected by a password. Open it, remove the password (print or export it to a new PDF), and add that."));
      else
        g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_CORRUPT_FILE,
                     _("The PDF is damaged and cannot be read (%s). Export or download it again."),
                     local_error->message);
      return NULL;
    }

  result = g_new0 (RfPdfResult, 1);
  result->n_pages = poppler_document_get_n_pages (document);
  if (result->n_pages == 0)
    {
      g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_NO_TEXT,
                   _("The PDF has no pages. Export it again."));
      return NULL;
    }

  n_read = MIN (result->n_pages, RF_PDF_MAX_PAGES);
  for (guint i = 0; i < n_read; i++)
    {
      g_autoptr(RfPopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (page == NULL)
        continue;
      page_text = poppler_page_get_text (page);
      if (!has_text (page_text))
        {
          g_autoptr(GError) ocr_error = NULL;
          double confidence = 0;

          g_clear_pointer (&page_text, g_free);
          page_text = ocr_page (self, page, &confidence, cancellable, &ocr_error);
          if (page_text == NULL)
            {
              /* A blank page among others is no error; anything else is. */
              if (!g_error_matches (ocr_error, RF_INGEST_ERROR, RF_INGEST_ERROR_NO_TEXT))
                {
                  g_propagate_error (error, g_steal_pointer (&ocr_error));
                  return NULL;
                }
              continue;
            }
          result->n_ocr_pages++;
          ocr_confidence += confidence;
        }
      g_strstrip (page_text);
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, page_text);
    }

  if (!has_text (text->str))
    {
      g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_NO_TEXT,
                   _("No text was found in the PDF. If it is a photo, take it again closer and in good light."));
      return NULL;
    }
  result->text = g_string_free (g_steal_pointer (&text), FALSE);
  result->confidence = result->n_ocr_pages > 0 ? ocr_confidence / result->n_ocr_pages : 1.0;
  return g_steal_pointer (&result);
}

RfPdfResult *
rf_pdf_read_file_sync (RfPdf         *self,
                       GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (RF_IS_PDF (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;
  return rf_pdf_read_bytes_sync (self, bytes, cancellable, error);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  RfPdfResult *result = rf_pdf_read_file_sync (source_object, task_data, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify)rf_pdf_result_free);
}

void
rf_pdf_read_file_async (RfPdf               *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RF_IS_PDF (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rf_pdf_read_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_thread);
}

RfPdfResult *
rf_pdf_read_file_finish (RfPdf         *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rf_pdf_read_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

RfPdf *
rf_pdf_new (void)
{
  return g_object_new (RF_TYPE_PDF, NULL);
}

static void
rf_pdf_finalize (GObject *object)
{
  RfPdf *self = RF_PDF (object);

  g_clear_object (&self->ocr);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (rf_pdf_parent_class)->finalize (object);
}

static void
rf_pdf_class_init (RfPdfClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rf_pdf_finalize;
}

static void
rf_pdf_init (RfPdf *self)
{
  g_mutex_init (&self->lock);
}
