/* rf-ingest-error.h: the errors of reading images, PDFs and cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RF_INGEST_ERROR (rf_ingest_error_quark ())

/* Cancellation is G_IO_ERROR_CANCELLED, as everywhere in GIO. */
typedef enum
{
  RF_INGEST_ERROR_UNSUPPORTED_FILE,  /* not an image or PDF we can read */
  RF_INGEST_ERROR_CORRUPT_FILE,      /* truncated or damaged */
  RF_INGEST_ERROR_NO_TEXT,           /* read fine, but no text in it */
  RF_INGEST_ERROR_ENCRYPTED,         /* a PDF that needs a password */
  RF_INGEST_ERROR_TOO_LARGE,         /* past the size limit: refused before decoding */
  RF_INGEST_ERROR_NO_LANGUAGE_DATA,  /* tesseract's language data is missing */
  RF_INGEST_ERROR_FAILED,
} RfIngestError;

GQuark rf_ingest_error_quark (void);

G_END_DECLS
