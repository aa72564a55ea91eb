/* rf-bench-seed.h: plausible leads in bulk, for benchmarks and screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-database.h"

G_BEGIN_DECLS

/* Adds @n leads (with companies, contacts and signals) in batches. With
 * @rich, leads carry SPIN, MEDDIC-lite, explanations and, for the hottest,
 * a dossier. Returns FALSE with @error set on failure. */
gboolean rf_bench_seed_leads (RfDatabase  *database,
                              guint        n,
                              gboolean     rich,
                              GError     **error);

G_END_DECLS
