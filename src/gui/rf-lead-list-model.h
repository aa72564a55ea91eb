/* rf-lead-list-model.h: the leads a query selects, loaded page by page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rf-database.h"
#include "rf-lead-query.h"
#include "rf-lead-row.h"

G_BEGIN_DECLS

#define RF_TYPE_LEAD_LIST_MODEL (rf_lead_list_model_get_type ())

/* A GListModel of RfLeadRow. Setting a query lists the ids it selects (one
 * small query); rows are created on demand and their leads fetched a page
 * at a time, off the main thread. Writes to the leads table refresh the
 * list in place: rows before and after the change stay the same objects,
 * so selection and scroll position survive. */
G_DECLARE_FINAL_TYPE (RfLeadListModel, rf_lead_list_model, RF, LEAD_LIST_MODEL, GObject)

#define RF_LEAD_LIST_MODEL_PAGE_SIZE 64

RfLeadListModel   *rf_lead_list_model_new         (RfDatabase        *database);
RfDatabase        *rf_lead_list_model_get_database (RfLeadListModel  *self);
const RfLeadQuery *rf_lead_list_model_get_query   (RfLeadListModel   *self);
void               rf_lead_list_model_set_query   (RfLeadListModel   *self,
                                                   const RfLeadQuery *query);
gboolean           rf_lead_list_model_get_loading (RfLeadListModel   *self);
const GError      *rf_lead_list_model_get_error   (RfLeadListModel   *self);
gint64             rf_lead_list_model_get_id      (RfLeadListModel   *self,
                                                   guint              position);
guint              rf_lead_list_model_find        (RfLeadListModel   *self,
                                                   gint64             id);
void               rf_lead_list_model_refresh     (RfLeadListModel   *self);

G_END_DECLS
