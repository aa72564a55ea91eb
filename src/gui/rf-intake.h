/* rf-intake.h: what is dropped, pasted or opened on the window becomes a
 * lead: files, image data, text; with an overlay while dragging
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rf-lead-engine.h"

G_BEGIN_DECLS

typedef enum
{
  RF_INTAKE_KIND_UNSUPPORTED,
  RF_INTAKE_KIND_DOCUMENT,   /* image or PDF: read, then classified */
  RF_INTAKE_KIND_TABLE,      /* CSV or TSV: the import dialog */
  RF_INTAKE_KIND_VCARD,      /* imported as it is */
  RF_INTAKE_KIND_TEXT,       /* a plain text file: classified */
} RfIntakeKind;

#define RF_TYPE_INTAKE (rf_intake_get_type ())

G_DECLARE_FINAL_TYPE (RfIntake, rf_intake, RF, INTAKE, GtkWidget)

GtkWidget     *rf_intake_new             (void);
RfLeadEngine  *rf_intake_get_engine      (RfIntake      *self);
void           rf_intake_set_engine      (RfIntake      *self,
                                          RfLeadEngine  *engine);
/* Takes drops and Ctrl+V over @widget (the window). */
void           rf_intake_attach          (RfIntake      *self,
                                          GtkWidget     *widget);
GtkDropTarget *rf_intake_get_drop_target (RfIntake      *self);
GListModel    *rf_intake_get_items       (RfIntake      *self);
gboolean       rf_intake_get_busy        (RfIntake      *self);
void           rf_intake_clear_finished  (RfIntake      *self);

void           rf_intake_add_files       (RfIntake      *self,
                                          GFile        **files,
                                          guint          n_files);
void           rf_intake_add_text        (RfIntake      *self,
                                          const char    *text);
void           rf_intake_add_texture     (RfIntake      *self,
                                          GdkTexture    *texture);
void           rf_intake_paste           (RfIntake      *self,
                                          GdkClipboard  *clipboard);
/* The overlay for @value, as while it is dragged; NULL hides it. */
void           rf_intake_preview_drop    (RfIntake      *self,
                                          const GValue  *value);

RfIntakeKind   rf_intake_kind_for_file   (GFile         *file);

G_END_DECLS
