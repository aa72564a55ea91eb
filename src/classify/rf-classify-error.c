/* rf-classify-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rf-classify-error.h"

G_DEFINE_QUARK (rf-classify-error-quark, rf_classify_error)
