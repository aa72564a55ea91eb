/* rf-document-intake.h: an image or PDF in, a lead out: read (OCR or the
 * text layer), card fields to company and contact, then the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-card-parser.h"
#include "rf-lead-engine.h"

G_BEGIN_DECLS

typedef enum
{
  RF_INTAKE_PHASE_READING,      /* the file, its hash */
  RF_INTAKE_PHASE_RECOGNIZING,  /* OCR or the PDF's text */
  RF_INTAKE_PHASE_CLASSIFYING,  /* stored; the engine scores it */
  RF_INTAKE_PHASE_DONE,
} RfIntakePhase;

/* Called on the caller's main context as the document moves on. */
typedef void (*RfIntakePhaseFunc) (RfIntakePhase phase,
                                   gpointer      user_data);

typedef struct _RfCardFields RfCardFieldsRef;

typedef struct
{
  RfClassifyOutcome *outcome;     /* the lead; outcome->duplicate for a file seen before */
  char              *text;        /* what was read */
  char              *file_name;
  RfCardFields      *fields;      /* with confidences and unsure marks; NULL for a seen file */
} RfDocumentOutcome;

char              *rf_document_image_path                (RfDatabase         *database,
                                                          const char         *file_hash);
gboolean           rf_document_images_sweep_sync         (RfDatabase         *database,
                                                          guint              *n_removed,
                                                          GCancellable       *cancellable,
                                                          GError            **error);
void               rf_document_outcome_free              (RfDocumentOutcome  *outcome);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfDocumentOutcome, rf_document_outcome_free)

void               rf_lead_engine_ingest_document_async  (RfLeadEngine       *self,
                                                          GFile              *file,
                                                          gint64              icp_id,
                                                          RfIntakePhaseFunc   phase_func,
                                                          gpointer            phase_data,
                                                          GCancellable       *cancellable,
                                                          GAsyncReadyCallback callback,
                                                          gpointer            user_data);
RfDocumentOutcome *rf_lead_engine_ingest_document_finish (RfLeadEngine       *self,
                                                          GAsyncResult       *result,
                                                          GError            **error);

G_END_DECLS
