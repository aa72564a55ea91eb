/* rf-ingest-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include "rf-ingest-error.h"

G_DEFINE_QUARK (rf-ingest-error-quark, rf_ingest_error)
