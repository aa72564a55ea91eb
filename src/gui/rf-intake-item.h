/* rf-intake-item.h: one thing fed to the window (a file, text, an image)
 * and how far it got
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  RF_INTAKE_ITEM_QUEUED,
  RF_INTAKE_ITEM_READING,
  RF_INTAKE_ITEM_RECOGNIZING,
  RF_INTAKE_ITEM_CLASSIFYING,
  RF_INTAKE_ITEM_IMPORTING,
  RF_INTAKE_ITEM_DONE,
  RF_INTAKE_ITEM_FAILED,
} RfIntakeItemPhase;

/* The fields read off a business card, in RfCardField's order. */
typedef enum
{
  RF_CARD_REVIEW_NAME,
  RF_CARD_REVIEW_TITLE,
  RF_CARD_REVIEW_COMPANY,
  RF_CARD_REVIEW_EMAIL,
  RF_CARD_REVIEW_PHONE,
  RF_CARD_REVIEW_WEBSITE,
  RF_CARD_REVIEW_ADDRESS,
  RF_CARD_REVIEW_N_FIELDS
} RfCardReviewField;

typedef struct
{
  char     *value;       /* NULL: not found */
  double    confidence;  /* 0-1 */
  gboolean  unsure;
} RfIntakeField;

#define RF_TYPE_INTAKE_ITEM (rf_intake_item_get_type ())

G_DECLARE_FINAL_TYPE (RfIntakeItem, rf_intake_item, RF, INTAKE_ITEM, GObject)

RfIntakeItem        *rf_intake_item_new             (const char          *title,
                                                     GFile               *file);
const char          *rf_intake_item_get_title       (RfIntakeItem        *self);
GFile               *rf_intake_item_get_file        (RfIntakeItem        *self);
RfIntakeItemPhase    rf_intake_item_get_phase       (RfIntakeItem        *self);
void                 rf_intake_item_set_phase       (RfIntakeItem        *self,
                                                     RfIntakeItemPhase    phase);
const char          *rf_intake_item_get_message     (RfIntakeItem        *self);
void                 rf_intake_item_fail            (RfIntakeItem        *self,
                                                     const char          *message);
void                 rf_intake_item_finish          (RfIntakeItem        *self,
                                                     gint64               lead_id,
                                                     const char          *message);
gint64               rf_intake_item_get_lead_id     (RfIntakeItem        *self);
gint64               rf_intake_item_get_contact_id  (RfIntakeItem        *self);
void                 rf_intake_item_set_contact_id  (RfIntakeItem        *self,
                                                     gint64               contact_id);
gboolean             rf_intake_item_has_fields      (RfIntakeItem        *self);
const RfIntakeField *rf_intake_item_get_field       (RfIntakeItem        *self,
                                                     RfCardReviewField    field);
void                 rf_intake_item_set_field       (RfIntakeItem        *self,
                                                     RfCardReviewField    field,
                                                     const char          *value,
                                                     double               confidence,
                                                     gboolean             unsure);
guint                rf_intake_item_count_unsure    (RfIntakeItem        *self);

const char          *rf_intake_item_phase_label     (RfIntakeItemPhase    phase);
const char          *rf_card_review_field_label     (RfCardReviewField    field);

G_END_DECLS
