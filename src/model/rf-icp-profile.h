/* rf-icp-profile.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RF_TYPE_ICP_PROFILE (rf_icp_profile_get_type ())

/* An Ideal Customer Profile: who the user wants to find. */
G_DECLARE_FINAL_TYPE (RfIcpProfile, rf_icp_profile, RF, ICP_PROFILE, GObject)

RfIcpProfile       *rf_icp_profile_new                 (void);
RfIcpProfile       *rf_icp_profile_copy                (RfIcpProfile *self);
gint64              rf_icp_profile_get_id              (RfIcpProfile *self);
void                rf_icp_profile_set_id              (RfIcpProfile *self,
                                                        gint64        value);
const char         *rf_icp_profile_get_name            (RfIcpProfile *self);
void                rf_icp_profile_set_name            (RfIcpProfile *self,
                                                        const char   *value);
const char         *rf_icp_profile_get_description     (RfIcpProfile *self);
void                rf_icp_profile_set_description     (RfIcpProfile *self,
                                                        const char   *value);
const char * const *rf_icp_profile_get_size_buckets    (RfIcpProfile *self);
void                rf_icp_profile_set_size_buckets    (RfIcpProfile       *self,
                                                        const char * const *value);
const char * const *rf_icp_profile_get_industries      (RfIcpProfile *self);
void                rf_icp_profile_set_industries      (RfIcpProfile       *self,
                                                        const char * const *value);
const char * const *rf_icp_profile_get_locations       (RfIcpProfile *self);
void                rf_icp_profile_set_locations       (RfIcpProfile       *self,
                                                        const char * const *value);
const char * const *rf_icp_profile_get_hiring_keywords (RfIcpProfile *self);
void                rf_icp_profile_set_hiring_keywords (RfIcpProfile       *self,
                                                        const char * const *value);
const char * const *rf_icp_profile_get_pain_keywords   (RfIcpProfile *self);
void                rf_icp_profile_set_pain_keywords   (RfIcpProfile       *self,
                                                        const char * const *value);
gboolean            rf_icp_profile_get_active          (RfIcpProfile *self);
void                rf_icp_profile_set_active          (RfIcpProfile *self,
                                                        gboolean      value);
gint64              rf_icp_profile_get_created_at      (RfIcpProfile *self);
void                rf_icp_profile_set_created_at      (RfIcpProfile *self,
                                                        gint64        value);
gint64              rf_icp_profile_get_updated_at      (RfIcpProfile *self);
void                rf_icp_profile_set_updated_at      (RfIcpProfile *self,
                                                        gint64        value);

G_END_DECLS
