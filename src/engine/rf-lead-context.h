/* rf-lead-context.h: a lead with everything it was made from, as the
 * engine passes it between the database thread and the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-company.h"
#include "rf-contact.h"
#include "rf-icp-profile.h"
#include "rf-lead.h"
#include "rf-signal.h"

G_BEGIN_DECLS

typedef struct
{
  RfLead       *lead;
  RfSignal     *signal;
  RfCompany    *company;    /* NULL when the signal names none */
  RfContact    *contact;    /* NULL when the signal names nobody */
  RfIcpProfile *profile;    /* NULL when there is no profile */
  gboolean      existed;    /* the signal had been stored before */
} RfLeadContext;

RfLeadContext *rf_lead_context_new  (void);
void           rf_lead_context_free (RfLeadContext *context);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfLeadContext, rf_lead_context_free)

G_END_DECLS
