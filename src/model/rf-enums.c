/* rf-enums.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-model"

#include "rf-enums.h"

G_DEFINE_ENUM_TYPE (RfSourceType, rf_source_type,
  G_DEFINE_ENUM_VALUE (RF_SOURCE_TYPE_MANUAL, "manual"),
  G_DEFINE_ENUM_VALUE (RF_SOURCE_TYPE_JOB_POST, "job_post"),
  G_DEFINE_ENUM_VALUE (RF_SOURCE_TYPE_WEBSITE, "website"),
  G_DEFINE_ENUM_VALUE (RF_SOURCE_TYPE_OCR, "ocr"),
  G_DEFINE_ENUM_VALUE (RF_SOURCE_TYPE_PDF, "pdf"),
  G_DEFINE_ENUM_VALUE (RF_SOURCE_TYPE_CSV, "csv"),
  G_DEFINE_ENUM_VALUE (RF_SOURCE_TYPE_VCARD, "vcard"))

G_DEFINE_ENUM_TYPE (RfLeadStatus, rf_lead_status,
  G_DEFINE_ENUM_VALUE (RF_LEAD_STATUS_NEW, "new"),
  G_DEFINE_ENUM_VALUE (RF_LEAD_STATUS_CONTACTED, "contacted"),
  G_DEFINE_ENUM_VALUE (RF_LEAD_STATUS_QUALIFIED, "qualified"),
  G_DEFINE_ENUM_VALUE (RF_LEAD_STATUS_WON, "won"),
  G_DEFINE_ENUM_VALUE (RF_LEAD_STATUS_LOST, "lost"),
  G_DEFINE_ENUM_VALUE (RF_LEAD_STATUS_PARKED, "parked"))

G_DEFINE_ENUM_TYPE (RfScoreBucket, rf_score_bucket,
  G_DEFINE_ENUM_VALUE (RF_SCORE_BUCKET_RED_HOT, "red_hot"),
  G_DEFINE_ENUM_VALUE (RF_SCORE_BUCKET_WARM, "warm"),
  G_DEFINE_ENUM_VALUE (RF_SCORE_BUCKET_NURTURE, "nurture"),
  G_DEFINE_ENUM_VALUE (RF_SCORE_BUCKET_PARKED, "parked"))

G_DEFINE_ENUM_TYPE (RfActivityKind, rf_activity_kind,
  G_DEFINE_ENUM_VALUE (RF_ACTIVITY_KIND_CALL, "call"),
  G_DEFINE_ENUM_VALUE (RF_ACTIVITY_KIND_EMAIL, "email"),
  G_DEFINE_ENUM_VALUE (RF_ACTIVITY_KIND_NOTE, "note"),
  G_DEFINE_ENUM_VALUE (RF_ACTIVITY_KIND_TASK, "task"),
  G_DEFINE_ENUM_VALUE (RF_ACTIVITY_KIND_STATUS_CHANGE, "status_change"))

/* Returns the wire name of @value, or NULL when @value is out of range. */
const char *
rf_enum_to_nick (GType enum_type,
                 int   value)
{
  GEnumClass *klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  /* Enum classes are never finalised, so the nick outlives the ref. */
  g_type_class_unref (klass);
  return enum_value != NULL ? enum_value->value_nick : NULL;
}

/* Case-insensitive; accepts "-" for "_" so "job-post" works on a command line. */
gboolean
rf_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *normalized = NULL;
  GEnumClass *klass;
  GEnumValue *enum_value;

  if (nick == NULL)
    return FALSE;

  trimmed = g_strstrip (g_strdup (nick));
  normalized = g_strdelimit (g_ascii_strdown (trimmed, -1), "- ", '_');
  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value_by_nick (klass, normalized);
  g_type_class_unref (klass);

  if (enum_value == NULL)
    return FALSE;
  if (value != NULL)
    *value = enum_value->value;
  return TRUE;
}

/* "manual, job_post, ..." for messages that list what is accepted. */
char *
rf_enum_list_nicks (GType       enum_type,
                    const char *separator)
{
  GEnumClass *klass = g_type_class_ref (enum_type);
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (str, separator);
      g_string_append (str, klass->values[i].value_nick);
    }

  g_type_class_unref (klass);
  return g_string_free (str, FALSE);
}

const char *
rf_source_type_to_nick (RfSourceType value)
{
  return rf_enum_to_nick (RF_TYPE_SOURCE_TYPE, value);
}

const char *
rf_lead_status_to_nick (RfLeadStatus value)
{
  return rf_enum_to_nick (RF_TYPE_LEAD_STATUS, value);
}

const char *
rf_score_bucket_to_nick (RfScoreBucket value)
{
  return rf_enum_to_nick (RF_TYPE_SCORE_BUCKET, value);
}

const char *
rf_activity_kind_to_nick (RfActivityKind value)
{
  return rf_enum_to_nick (RF_TYPE_ACTIVITY_KIND, value);
}
