/* rf-company.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RF_TYPE_COMPANY (rf_company_get_type ())

/* A company, deduplicated on its domain or name. */
G_DECLARE_FINAL_TYPE (RfCompany, rf_company, RF, COMPANY, GObject)

RfCompany  *rf_company_new            (void);
RfCompany  *rf_company_copy           (RfCompany *self);
gint64      rf_company_get_id         (RfCompany *self);
void        rf_company_set_id         (RfCompany *self,
                                       gint64     value);
const char *rf_company_get_name       (RfCompany *self);
void        rf_company_set_name       (RfCompany  *self,
                                       const char *value);
const char *rf_company_get_website    (RfCompany *self);
void        rf_company_set_website    (RfCompany  *self,
                                       const char *value);
const char *rf_company_get_domain     (RfCompany *self);
void        rf_company_set_domain     (RfCompany  *self,
                                       const char *value);
const char *rf_company_get_industry   (RfCompany *self);
void        rf_company_set_industry   (RfCompany  *self,
                                       const char *value);
const char *rf_company_get_size       (RfCompany *self);
void        rf_company_set_size       (RfCompany  *self,
                                       const char *value);
const char *rf_company_get_location   (RfCompany *self);
void        rf_company_set_location   (RfCompany  *self,
                                       const char *value);
gint64      rf_company_get_created_at (RfCompany *self);
void        rf_company_set_created_at (RfCompany *self,
                                       gint64     value);
gint64      rf_company_get_updated_at (RfCompany *self);
void        rf_company_set_updated_at (RfCompany *self,
                                       gint64     value);

G_END_DECLS
