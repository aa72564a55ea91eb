/* rf-lead.c: a lead: its links, scores, classification, status, notes
 * and dossier (the copies of what it links to are in rf-lead-copies.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-model"

#include "rf-lead.h"
#include "rf-lead-private.h"
#include "rf-model-private.h"

G_DEFINE_FINAL_TYPE (RfLead, rf_lead, G_TYPE_OBJECT)

GParamSpec *rf_lead_properties[RF_LEAD_N_PROPS];

static void
rf_lead_finalize (GObject *object)
{
  RfLead *self = (RfLead *)object;

  g_clear_object (&self->classification);
  g_clear_object (&self->dossier);
  g_free (self->notes);
  g_free (self->company_name);
  g_free (self->company_website);
  g_free (self->contact_name);
  g_free (self->contact_email);
  g_free (self->contact_phone);
  g_free (self->contact_title);
  g_free (self->icp_name);

  G_OBJECT_CLASS (rf_lead_parent_class)->finalize (object);
}

static void
rf_lead_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  RfLead *self = RF_LEAD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_SIGNAL_ID:
      g_value_set_int64 (value, self->signal_id);
      break;

    case PROP_COMPANY_ID:
      g_value_set_int64 (value, self->company_id);
      break;

    case PROP_CONTACT_ID:
      g_value_set_int64 (value, self->contact_id);
      break;

    case PROP_ICP_ID:
      g_value_set_int64 (value, self->icp_id);
      break;

    case PROP_TOTAL_SCORE:
      g_value_set_double (value, self->total_score);
      break;

    case PROP_SCORE_BUCKET:
      g_value_set_enum (value, self->score_bucket);
      break;

    case PROP_CLASSIFICATION:
      g_value_set_object (value, self->classification);
      break;

    case PROP_DOSSIER:
      g_value_set_object (value, self->dossier);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    case PROP_SOURCE_TYPE:
      g_value_set_enum (value, self->source_type);
      break;

    case PROP_COMPANY_NAME:
      g_value_set_string (value, self->company_name);
      break;

    case PROP_COMPANY_WEBSITE:
      g_value_set_string (value, self->company_website);
      break;

    case PROP_CONTACT_NAME:
      g_value_set_string (value, self->contact_name);
      break;

    case PROP_CONTACT_EMAIL:
      g_value_set_string (value, self->contact_email);
      break;

    case PROP_CONTACT_PHONE:
      g_value_set_string (value, self->contact_phone);
      break;
    case PROP_CONTACT_TITLE:
      g_value_set_string (value, self->contact_title);
      break;

    case PROP_ICP_NAME:
      g_value_set_string (value, self->icp_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_lead_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  RfLead *self = RF_LEAD (object);

  switch (prop_id)
    {
    case PROP_ID:
      rf_lead_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_SIGNAL_ID:
      rf_lead_set_signal_id (self, g_value_get_int64 (value));
      break;

    case PROP_COMPANY_ID:
      rf_lead_set_company_id (self, g_value_get_int64 (value));
      break;

    case PROP_CONTACT_ID:
      rf_lead_set_contact_id (self, g_value_get_int64 (value));
      break;

    case PROP_ICP_ID:
      rf_lead_set_icp_id (self, g_value_get_int64 (value));
      break;

    case PROP_TOTAL_SCORE:
      rf_lead_set_total_score (self, g_value_get_double (value));
      break;

    case PROP_SCORE_BUCKET:
      rf_lead_set_score_bucket (self, g_value_get_enum (value));
      break;

    case PROP_CLASSIFICATION:
      rf_lead_set_classification (self, g_value_get_object (value));
      break;

    case PROP_DOSSIER:
      rf_lead_set_dossier (self, g_value_get_object (value));
      break;

    case PROP_STATUS:
      rf_lead_set_status (self, g_value_get_enum (value));
      break;

    case PROP_NOTES:
      rf_lead_set_notes (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      rf_lead_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      rf_lead_set_updated_at (self, g_value_get_int64 (value));
      break;

    case PROP_SOURCE_TYPE:
      rf_lead_set_source_type (self, g_value_get_enum (value));
      break;

    case PROP_COMPANY_NAME:
      rf_lead_set_company_name (self, g_value_get_string (value));
      break;

    case PROP_COMPANY_WEBSITE:
      rf_lead_set_company_website (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_NAME:
      rf_lead_set_contact_name (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_EMAIL:
      rf_lead_set_contact_email (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_PHONE:
      rf_lead_set_contact_phone (self, g_value_get_string (value));
      break;
    case PROP_CONTACT_TITLE:
      rf_lead_set_contact_title (self, g_value_get_string (value));
      break;

    case PROP_ICP_NAME:
      rf_lead_set_icp_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_lead_class_init (RfLeadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rf_lead_finalize;
  object_class->get_property = rf_lead_get_property;
  object_class->set_property = rf_lead_set_property;

  /* Database row id, 0 until stored. */
  rf_lead_properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);
  /* Row id of the signal. */
  rf_lead_properties[PROP_SIGNAL_ID] =
    g_param_spec_int64 ("signal-id", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);
  /* Row id of the company, 0 for none. */
  rf_lead_properties[PROP_COMPANY_ID] =
    g_param_spec_int64 ("company-id", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);
  /* Row id of the contact, 0 for none. */
  rf_lead_properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);
  /* Row id of the profile scored against, 0 for none. */
  rf_lead_properties[PROP_ICP_ID] =
    g_param_spec_int64 ("icp-id", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);
  /* Total score, 0-100. */
  rf_lead_properties[PROP_TOTAL_SCORE] =
    g_param_spec_double ("total-score", NULL, NULL,
                          -G_MAXDOUBLE, G_MAXDOUBLE, 0, RF_PARAM_RW);
  /* Bucket of the total score. */
  rf_lead_properties[PROP_SCORE_BUCKET] =
    g_param_spec_enum ("score-bucket", NULL, NULL,
                        RF_TYPE_SCORE_BUCKET, RF_SCORE_BUCKET_PARKED, RF_PARAM_RW);
  /* What the classifier concluded; never NULL. */
  rf_lead_properties[PROP_CLASSIFICATION] =
    g_param_spec_object ("classification", NULL, NULL,
                          RF_TYPE_CLASSIFICATION, RF_PARAM_RW);
  /* The dossier of a hot lead, or NULL. */
  rf_lead_properties[PROP_DOSSIER] =
    g_param_spec_object ("dossier", NULL, NULL,
                          RF_TYPE_DOSSIER, RF_PARAM_RW);
  /* Where the lead is in the pipeline. */
  rf_lead_properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                        RF_TYPE_LEAD_STATUS, RF_LEAD_STATUS_NEW, RF_PARAM_RW);
  /* The user's notes. */
  rf_lead_properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, RF_PARAM_RW);
  /* Creation time, Unix seconds. */
  rf_lead_properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);
  /* Last change, Unix seconds. */
  rf_lead_properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);
  /* Source of its signal (read from the signal). */
  rf_lead_properties[PROP_SOURCE_TYPE] =
    g_param_spec_enum ("source-type", NULL, NULL,
                        RF_TYPE_SOURCE_TYPE, RF_SOURCE_TYPE_MANUAL, RF_PARAM_RW);
  /* Name of its company (read from the company). */
  rf_lead_properties[PROP_COMPANY_NAME] =
    g_param_spec_string ("company-name", NULL, NULL, NULL, RF_PARAM_RW);
  /* Website of its company (read from the company). */
  rf_lead_properties[PROP_COMPANY_WEBSITE] =
    g_param_spec_string ("company-website", NULL, NULL, NULL, RF_PARAM_RW);
  /* Name of its contact (read from the contact). */
  rf_lead_properties[PROP_CONTACT_NAME] =
    g_param_spec_string ("contact-name", NULL, NULL, NULL, RF_PARAM_RW);
  /* Email of its contact (read from the contact). */
  rf_lead_properties[PROP_CONTACT_EMAIL] =
    g_param_spec_string ("contact-email", NULL, NULL, NULL, RF_PARAM_RW);
  /* Phone of its contact (read from the contact). */
  rf_lead_properties[PROP_CONTACT_PHONE] =
    g_param_spec_string ("contact-phone", NULL, NULL, NULL, RF_PARAM_RW);
  /* Job title of its contact (read from the contact; whole leads only). */
  rf_lead_properties[PROP_CONTACT_TITLE] =
    g_param_spec_string ("contact-title", NULL, NULL, NULL, RF_PARAM_RW);
  /* Name of its profile (read from the profile). */
  rf_lead_properties[PROP_ICP_NAME] =
    g_param_spec_string ("icp-name", NULL, NULL, NULL, RF_PARAM_RW);

  g_object_class_install_properties (object_class, RF_LEAD_N_PROPS, rf_lead_properties);
}

static void
rf_lead_init (RfLead *self)
{
  self->score_bucket = RF_SCORE_BUCKET_PARKED;
  self->classification = rf_classification_new ();
  self->status = RF_LEAD_STATUS_NEW;
  self->source_type = RF_SOURCE_TYPE_MANUAL;
}

RfLead *
rf_lead_new (void)
{
  return g_object_new (RF_TYPE_LEAD, NULL);
}

/* A deep copy: a snapshot another thread may own. */
RfLead *
rf_lead_copy (RfLead *self)
{
  RfLead *copy;

  g_return_val_if_fail (RF_IS_LEAD (self), NULL);

  copy = rf_lead_new ();
  copy->id = self->id;
  copy->signal_id = self->signal_id;
  copy->company_id = self->company_id;
  copy->contact_id = self->contact_id;
  copy->icp_id = self->icp_id;
  copy->total_score = self->total_score;
  copy->score_bucket = self->score_bucket;
  g_object_unref (copy->classification);
  copy->classification = rf_classification_copy (self->classification);
  copy->dossier = self->dossier ? rf_dossier_copy (self->dossier) : NULL;
  copy->status = self->status;
  copy->notes = g_strdup (self->notes);
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  copy->source_type = self->source_type;
  copy->company_name = g_strdup (self->company_name);
  copy->company_website = g_strdup (self->company_website);
  copy->contact_name = g_strdup (self->contact_name);
  copy->contact_email = g_strdup (self->contact_email);
  copy->contact_phone = g_strdup (self->contact_phone);
  copy->contact_title = g_strdup (self->contact_title);
  copy->icp_name = g_strdup (self->icp_name);

  return copy;
}

gint64
rf_lead_get_id (RfLead *self)
{
  g_return_val_if_fail (RF_IS_LEAD (self), 0);

  return self->id;
}

void
rf_lead_set_id (RfLead *self,
                gint64  value)
{
  g_return_if_fail (RF_IS_LEAD (self));

  if (rf_model_set_int64 (&self->id, value))
    g_object_notify_by_pspec (G_OBJECT (self), rf_lead_properties[PROP_ID]);
}

gint64
rf_lead_get_signal_id (RfLead *self)
{
  g_return_val_if_fail (RF_IS_LEAD (self), 0);

  return self->signal_id;
}

void
rf_lead_set_signal_id (RfLead *self,
                       gint64  value)
{
  g_return_if_fail (RF_IS_LEAD (self));

  if (rf_model_set_int64 (&self->signal_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), rf_lead_properties[PROP_SIGNAL_ID]);
}

gint64
rf_lead_get_company_id (RfLead *self)
{
  g_return_val_if_fail (RF_IS_LEAD (self), 0);

  return self->company_id;
}

void
rf_lead_set_company_id (RfLead *self,
                        gint64  value)
{
  g_return_if_fail (RF_IS_LEAD (self));

  if (rf_model_set_int64 (&self->company_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), rf_lead_properties[PROP_COMPANY_ID]);
}

gint64
rf_lead_get_contact_id (RfLead *self)
{
  g_return_val_if_fail (RF_IS_LEAD (self), 0);

  return self->contact_id;
}

void
rf_lead_set_contact_id (RfLead *self,
                        gint64  value)
{
  g_return_if_fail (RF_IS_LEAD (self));

  if (rf_model_set_int64 (&self->contact_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), rf_lead_properties[PROP_CONTACT_ID]);
}

gint64
rf_lead_get_icp_id (RfLead *self)
{
  g_return_val_if_fail (RF_IS_LEAD (self), 0);

  return self->icp_id;
}

void
rf_lead_set_icp_id (RfLead *self,
                    gint64  value)
{
  g_return_if_fail (RF_IS_LEAD (self));

  if (rf_model_set_int64 (&self->icp_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), rf_lead_properties[PROP_ICP_ID]);
}

double
rf_lead_get_total_score (RfLead *self)
{
  g_return_val_if_fail (RF_IS_LEAD (self), 0.0);

  return self->total_score;
}

void
rf_lead_set_total_score (RfLead *self,
                         double  value)
{
  g_return_if_fail (RF_IS_LEAD (self));

  if (rf_model_set_double (&self->total_score, value))
    g_object_notify_by_pspec (G_OBJECT (self), rf_lead_properties[PROP_TOTAL_SCORE]);
}

RfScoreBucket
rf_lead_get_score_bucket (RfLead *self)
{
  g_return_val_if_fail (RF_IS_LEAD (self), RF_SCORE_BUCKET_PARKED);

  return self->score_bucket;
}

void
rf_lead_set_score_bucket (RfLead        *self,
                          RfScoreBucket  value)
{
  g_return_if_fail (RF_IS_LEAD (self));

  if (rf_model_set_enum ((int *)&self->score_bucket, value))
    g_object_notify_by_pspec (G_OBJECT (self), rf_lead_properties[PROP_SCORE_BUCKET]);
}

RfClassification *
rf_lead_get_classification (RfLead *self)
{
  g_return_val_if_fail (RF_IS_LEAD (self), NULL);

  return self->classification;
}

void
rf_lead_set_classification (RfLead           *self,
                            RfClassification *value)
{
  g_return_if_fail (RF_IS_LEAD (self));

  if (value == NULL)
    value = g_object_new (RF_TYPE_CLASSIFICATION, NULL);
  else
    g_object_ref (value);

  if (g_set_object (&self->classification, value))
    g_object_notify_by_pspec (G_OBJECT (self), rf_lead_properties[PROP_CLASSIFICATION]);
  g_object_unref (value);
}

RfDossier *
rf_lead_get_dossier (RfLead *self)
{
  g_return_val_if_fail (RF_IS_LEAD (self), NULL);

  return self->dossier;
}

void
rf_lead_set_dossier (RfLead    *self,
                     RfDossier *value)
{
  g_return_if_fail (RF_IS_LEAD (self));

  if (g_set_object (&self->dossier, value))
    g_object_notify_by_pspec (G_OBJECT (self), rf_lead_properties[PROP_DOSSIER]);
}

RfLeadStatus
rf_lead_get_status (RfLead *self)
{
  g_return_val_if_fail (RF_IS_LEAD (self), RF_LEAD_STATUS_NEW);

  return self->status;
}

void
rf_lead_set_status (RfLead       *self,
                    RfLeadStatus  value)
{
  g_return_if_fail (RF_IS_LEAD (self));

  if (rf_model_set_enum ((int *)&self->status, value))
    g_object_notify_by_pspec (G_OBJECT (self), rf_lead_properties[PROP_STATUS]);
}

const char *
rf_lead_get_notes (RfLead *self)
{
  g_return_val_if_fail (RF_IS_LEAD (self), NULL);

  return self->notes;
}

void
rf_lead_set_notes (RfLead     *self,
                   const char *value)
{
  g_return_if_fail (RF_IS_LEAD (self));

  if (rf_model_set_string (&self->notes, value))
    g_object_notify_by_pspec (G_OBJECT (self), rf_lead_properties[PROP_NOTES]);
}

gint64
rf_lead_get_created_at (RfLead *self)
{
  g_return_val_if_fail (RF_IS_LEAD (self), 0);

  return self->created_at;
}

void
rf_lead_set_created_at (RfLead *self,
                        gint64  value)
{
  g_return_if_fail (RF_IS_LEAD (self));

  if (rf_model_set_int64 (&self->created_at, value))
    g_object_notify_by_pspec (G_OBJECT (self), rf_lead_properties[PROP_CREATED_AT]);
}

gint64
rf_lead_get_updated_at (RfLead *self)
{
  g_return_val_if_fail (RF_IS_LEAD (self), 0);

  return self->updated_at;
}

void
rf_lead_set_updated_at (RfLead *self,
                        gint64  value)
{
  g_return_if_fail (RF_IS_LEAD (self));

  if (rf_model_set_int64 (&self->updated_at, value))
    g_object_notify_by_pspec (G_OBJECT (self), rf_lead_properties[PROP_UPDATED_AT]);
}
