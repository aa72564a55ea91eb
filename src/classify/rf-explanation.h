/* rf-explanation.h: the "why it scored so" text stored on every lead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-icp-fit.h"

G_BEGIN_DECLS

void rf_explanation_append_fit     (GString    *out,
                                    double      fit,
                                    RfIcpFit   *icp_fit,
                                    const char *profile_name);
void rf_explanation_append_pain    (GString    *out,
                                    double      pain,
                                    GPtrArray  *keywords,
                                    GPtrArray  *tags);
void rf_explanation_append_quality (GString    *out,
                                    double      quality,
                                    const char *parts);
void rf_explanation_append_classifier (GString *out,
                                       const char *classifier,
                                       const char *version);
void rf_explanation_append_line    (GString    *out,
                                    const char *line);
char *rf_join_ptr_array            (GPtrArray  *array,
                                    const char *separator);

G_END_DECLS
