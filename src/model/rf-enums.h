/* rf-enums.h: the closed vocabularies of the seed, with their wire names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Each value's GEnumValue nick is the name used in the database, in JSON
 * and on the command line ("red_hot", "job_post", ...). */

typedef enum {
  RF_SOURCE_TYPE_MANUAL,
  RF_SOURCE_TYPE_JOB_POST,
  RF_SOURCE_TYPE_WEBSITE,
  RF_SOURCE_TYPE_OCR,
  RF_SOURCE_TYPE_PDF,
  RF_SOURCE_TYPE_CSV,
  RF_SOURCE_TYPE_VCARD,
} RfSourceType;

typedef enum {
  RF_LEAD_STATUS_NEW,
  RF_LEAD_STATUS_CONTACTED,
  RF_LEAD_STATUS_QUALIFIED,
  RF_LEAD_STATUS_WON,
  RF_LEAD_STATUS_LOST,
  RF_LEAD_STATUS_PARKED,
} RfLeadStatus;

/* Ordered hottest first. */
typedef enum {
  RF_SCORE_BUCKET_RED_HOT,
  RF_SCORE_BUCKET_WARM,
  RF_SCORE_BUCKET_NURTURE,
  RF_SCORE_BUCKET_PARKED,
} RfScoreBucket;

#define RF_N_SCORE_BUCKETS 4

typedef enum {
  RF_ACTIVITY_KIND_CALL,
  RF_ACTIVITY_KIND_EMAIL,
  RF_ACTIVITY_KIND_NOTE,
  RF_ACTIVITY_KIND_TASK,
  RF_ACTIVITY_KIND_STATUS_CHANGE,
} RfActivityKind;

#define RF_TYPE_SOURCE_TYPE   (rf_source_type_get_type ())
#define RF_TYPE_LEAD_STATUS   (rf_lead_status_get_type ())
#define RF_TYPE_SCORE_BUCKET  (rf_score_bucket_get_type ())
#define RF_TYPE_ACTIVITY_KIND (rf_activity_kind_get_type ())

GType       rf_source_type_get_type   (void) G_GNUC_CONST;
GType       rf_lead_status_get_type   (void) G_GNUC_CONST;
GType       rf_score_bucket_get_type  (void) G_GNUC_CONST;
GType       rf_activity_kind_get_type (void) G_GNUC_CONST;

const char *rf_enum_to_nick           (GType       enum_type,
                                       int         value);
gboolean    rf_enum_from_nick         (GType       enum_type,
                                       const char *nick,
                                       int        *value);
char       *rf_enum_list_nicks        (GType       enum_type,
                                       const char *separator);

const char *rf_source_type_to_nick    (RfSourceType   value);
const char *rf_lead_status_to_nick    (RfLeadStatus   value);
const char *rf_score_bucket_to_nick   (RfScoreBucket  value);
const char *rf_activity_kind_to_nick  (RfActivityKind value);

G_END_DECLS
