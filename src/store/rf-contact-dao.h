/* rf-contact-dao.h: the contacts table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-contact.h"
#include "rf-dao.h"

G_BEGIN_DECLS

#define RF_TYPE_CONTACT_DAO (rf_contact_dao_get_type ())

G_DECLARE_FINAL_TYPE (RfContactDao, rf_contact_dao, RF, CONTACT_DAO, RfDao)

RfContactDao *rf_contact_dao_new              (RfDatabase           *database);
RfContact    *rf_contact_dao_get_sync         (RfContactDao         *self,
                                               gint64                id,
                                               GCancellable         *cancellable,
                                               GError              **error);
void          rf_contact_dao_get_async        (RfContactDao         *self,
                                               gint64                id,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
RfContact    *rf_contact_dao_get_finish       (RfContactDao         *self,
                                               GAsyncResult         *result,
                                               GError              **error);
gboolean      rf_contact_dao_update_sync      (RfContactDao         *self,
                                               RfContact            *contact,
                                               GCancellable         *cancellable,
                                               GError              **error);
void          rf_contact_dao_update_async     (RfContactDao         *self,
                                               RfContact            *contact,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean      rf_contact_dao_update_finish    (RfContactDao         *self,
                                               GAsyncResult         *result,
                                               GError              **error);
gint64        rf_contact_dao_upsert_sync      (RfContactDao         *self,
                                               RfContact            *contact,
                                               gboolean             *found,
                                               GCancellable         *cancellable,
                                               GError              **error);

/* Database thread only. */
gint64        rf_contact_dao_find_in_thread   (RfDatabase           *database,
                                               RfContact            *contact,
                                               GError              **error);
gint64        rf_contact_dao_upsert_in_thread (RfDatabase           *database,
                                               RfContact            *contact,
                                               gboolean             *found,
                                               GError              **error);
RfContact    *rf_contact_dao_get_in_thread    (RfDatabase           *database,
                                               gint64                id,
                                               GError              **error);

G_END_DECLS
