/* rf-contact.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RF_TYPE_CONTACT (rf_contact_get_type ())

/* A person at a company. */
G_DECLARE_FINAL_TYPE (RfContact, rf_contact, RF, CONTACT, GObject)

RfContact  *rf_contact_new            (void);
RfContact  *rf_contact_copy           (RfContact *self);
gint64      rf_contact_get_id         (RfContact *self);
void        rf_contact_set_id         (RfContact *self,
                                       gint64     value);
gint64      rf_contact_get_company_id (RfContact *self);
void        rf_contact_set_company_id (RfContact *self,
                                       gint64     value);
const char *rf_contact_get_name       (RfContact *self);
void        rf_contact_set_name       (RfContact  *self,
                                       const char *value);
const char *rf_contact_get_title      (RfContact *self);
void        rf_contact_set_title      (RfContact  *self,
                                       const char *value);
const char *rf_contact_get_email      (RfContact *self);
void        rf_contact_set_email      (RfContact  *self,
                                       const char *value);
const char *rf_contact_get_phone      (RfContact *self);
void        rf_contact_set_phone      (RfContact  *self,
                                       const char *value);
const char *rf_contact_get_address    (RfContact *self);
void        rf_contact_set_address    (RfContact  *self,
                                       const char *value);
gint64      rf_contact_get_created_at (RfContact *self);
void        rf_contact_set_created_at (RfContact *self,
                                       gint64     value);
gint64      rf_contact_get_updated_at (RfContact *self);
void        rf_contact_set_updated_at (RfContact *self,
                                       gint64     value);

G_END_DECLS
