/* rf-icp-fit.h: how well a signal meets an ideal customer profile's
 * criteria, the anchor of every fit score
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-company.h"
#include "rf-icp-profile.h"
#include "rf-text-match.h"

G_BEGIN_DECLS

typedef struct
{
  double     score;            /* 0-50 */
  gboolean   has_profile;
  guint      n_criteria;       /* criteria groups the profile sets */
  guint      n_matched;        /* groups met (a group of unknown value counts half) */
  GPtrArray *matched;          /* "industry: ecommerce", ... */
  GPtrArray *unknown;          /* "size", "location": not stated */
  GPtrArray *partial;          /* met in other words, counted half: "hiring: marketing" */
  char      *size_bucket;      /* detected, or NULL */
} RfIcpFit;

RfIcpFit   *rf_icp_fit_compute          (RfIcpProfile *profile,
                                         RfMatchText  *text,
                                         RfCompany    *company);
void        rf_icp_fit_free             (RfIcpFit     *fit);
const char *rf_size_bucket_for_count    (guint64       people);
gboolean    rf_text_mentions_marketing_hire (RfMatchText *text);
char       *rf_detect_size_bucket       (RfMatchText  *text,
                                         const char   *company_size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfIcpFit, rf_icp_fit_free)

G_END_DECLS
