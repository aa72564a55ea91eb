/* rf-data-quality.h: the 0-10 data-quality score, computed locally for
 * every classifier from what the lead really has
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-company.h"
#include "rf-contact.h"
#include "rf-signal.h"

G_BEGIN_DECLS

double rf_data_quality_compute (RfSignal  *signal,
                                RfCompany *company,
                                RfContact *contact,
                                GString   *explanation);

G_END_DECLS
