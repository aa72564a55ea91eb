/* rf-card-review.h: the fields read off a card, with their confidence,
 * beside the card; the user corrects them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rf-database.h"
#include "rf-intake-item.h"

G_BEGIN_DECLS

#define RF_TYPE_CARD_REVIEW (rf_card_review_get_type ())

G_DECLARE_FINAL_TYPE (RfCardReview, rf_card_review, RF, CARD_REVIEW, AdwWindow)

RfCardReview *rf_card_review_new         (RfDatabase        *database,
                                          RfIntakeItem      *item);
/* For tests: the row of @field, and whether a save is under way. */
AdwEntryRow  *rf_card_review_get_row     (RfCardReview      *self,
                                          RfCardReviewField  field);
gboolean      rf_card_review_get_busy    (RfCardReview      *self);

G_END_DECLS
