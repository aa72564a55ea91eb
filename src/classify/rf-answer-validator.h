/* rf-answer-validator.h: a model's JSON answer to a classification or a
 * dossier, checked field by field and repaired where it can be
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-classification.h"
#include "rf-dossier.h"

G_BEGIN_DECLS

RfClassification *rf_classification_answer_parse (const char  *text,
                                                  gssize       length,
                                                  GError     **error);
RfDossier        *rf_dossier_answer_parse        (const char  *text,
                                                  gssize       length,
                                                  GError     **error);

G_END_DECLS
