/* rf-lead-row.h: one row of the lead list, loaded or not yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-lead.h"

G_BEGIN_DECLS

#define RF_TYPE_LEAD_ROW (rf_lead_row_get_type ())

/* The item of RfLeadListModel. A row knows its lead's id at once; its
 * "lead" is NULL until the page holding it is loaded, then replaced when
 * the lead changes: views keep the row (and its selection), cells follow
 * "lead". A row may be pointed at another lead (a new query): until that
 * one is set, the row has no lead, but "lead" is not notified, so cells
 * keep showing the old one rather than blinking empty. */
G_DECLARE_FINAL_TYPE (RfLeadRow, rf_lead_row, RF, LEAD_ROW, GObject)

RfLeadRow *rf_lead_row_new      (gint64     id);
gint64     rf_lead_row_get_id   (RfLeadRow *self);
void       rf_lead_row_set_id   (RfLeadRow *self,
                                 gint64     id);
RfLead    *rf_lead_row_get_lead (RfLeadRow *self);
void       rf_lead_row_set_lead (RfLeadRow *self,
                                 RfLead    *lead);

G_END_DECLS
