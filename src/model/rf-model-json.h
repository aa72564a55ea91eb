/* rf-model-json.h: the seed's JSON shapes of profiles, leads and scores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rf-activity.h"
#include "rf-classification.h"
#include "rf-icp-profile.h"
#include "rf-lead.h"

G_BEGIN_DECLS

RfIcpProfile *rf_icp_profile_from_json       (JsonNode          *node,
                                              GError           **error);
void          rf_icp_profile_build_json      (RfIcpProfile      *profile,
                                              JsonBuilder       *builder);
void          rf_classification_build_json   (RfClassification  *classification,
                                              JsonBuilder       *builder);
void          rf_dossier_build_json          (RfDossier         *dossier,
                                              JsonBuilder       *builder);
RfDossier    *rf_dossier_from_stored_json    (const char        *json);
char         *rf_dossier_to_stored_json      (RfDossier         *dossier);
void          rf_lead_build_json             (RfLead            *lead,
                                              gboolean           full,
                                              JsonBuilder       *builder);
void          rf_activity_build_json         (RfActivity        *activity,
                                              JsonBuilder       *builder);
char         *rf_format_timestamp            (gint64             unix_seconds);
const char   *rf_json_object_get_string      (JsonObject        *object,
                                              const char        *member,
                                              const char        *fallback);
char         *rf_json_to_string              (JsonBuilder       *builder,
                                              gboolean           pretty);

G_END_DECLS
