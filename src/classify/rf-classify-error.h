/* rf-classify-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RF_CLASSIFY_ERROR (rf_classify_error_quark ())

typedef enum
{
  RF_CLASSIFY_ERROR_BAD_ANSWER,   /* the model's answer is not usable */
  RF_CLASSIFY_ERROR_PROMPT,       /* a prompt resource is missing or malformed */
} RfClassifyError;

GQuark rf_classify_error_quark (void);

G_END_DECLS
