/* rf-icp-template.h: ready-made profiles and the size vocabulary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-icp-profile.h"

G_BEGIN_DECLS

/* Company size buckets, smallest first, as profiles and leads name them. */
extern const char * const rf_size_buckets[];

const char * const *rf_icp_template_list_ids  (void);
RfIcpProfile       *rf_icp_template_new       (const char *template_id);

G_END_DECLS
