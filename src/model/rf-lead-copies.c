/* rf-lead-copies.c: what a lead carries of its signal, company, contact
 * and profile, copied when it is read for the table and the detail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-model"

#include "rf-lead-private.h"
#include "rf-model-private.h"

RfSourceType
rf_lead_get_source_type (RfLead *self)
{
  g_return_val_if_fail (RF_IS_LEAD (self), RF_SOURCE_TYPE_MANUAL);

  return self->source_type;
}

void
rf_lead_set_source_type (RfLead       *self,
                         RfSourceType  value)
{
  g_return_if_fail (RF_IS_LEAD (self));

  if (rf_model_set_enum ((int *)&self->source_type, value))
    g_object_notify_by_pspec (G_OBJECT (self), rf_lead_properties[PROP_SOURCE_TYPE]);
}

const char *
rf_lead_get_company_name (RfLead *self)
{
  g_return_val_if_fail (RF_IS_LEAD (self), NULL);

  return self->company_name;
}

void
rf_lead_set_company_name (RfLead     *self,
                          const char *value)
{
  g_return_if_fail (RF_IS_LEAD (self));

  if (rf_model_set_string (&self->company_name, value))
    g_object_notify_by_pspec (G_OBJECT (self), rf_lead_properties[PROP_COMPANY_NAME]);
}

const char *
rf_lead_get_company_website (RfLead *self)
{
  g_return_val_if_fail (RF_IS_LEAD (self), NULL);

  return self->company_website;
}

void
rf_lead_set_company_website (RfLead     *self,
                             const char *value)
{
  g_return_if_fail (RF_IS_LEAD (self));

  if (rf_model_set_string (&self->company_website, value))
    g_object_notify_by_pspec (G_OBJECT (self), rf_lead_properties[PROP_COMPANY_WEBSITE]);
}

const char *
rf_lead_get_contact_name (RfLead *self)
{
  g_return_val_if_fail (RF_IS_LEAD (self), NULL);

  return self->contact_name;
}

void
rf_lead_set_contact_name (RfLead     *self,
                          const char *value)
{
  g_return_if_fail (RF_IS_LEAD (self));

  if (rf_model_set_string (&self->contact_name, value))
    g_object_notify_by_pspec (G_OBJECT (self), rf_lead_properties[PROP_CONTACT_NAME]);
}

const char *
rf_lead_get_contact_email (RfLead *self)
{
  g_return_val_if_fail (RF_IS_LEAD (self), NULL);

  return self->contact_email;
}

void
rf_lead_set_contact_email (RfLead     *self,
                           const char *value)
{
  g_return_if_fail (RF_IS_LEAD (self));

  if (rf_model_set_string (&self->contact_email, value))
    g_object_notify_by_pspec (G_OBJECT (self), rf_lead_properties[PROP_CONTACT_EMAIL]);
}

const char *
rf_lead_get_contact_phone (RfLead *self)
{
  g_return_val_if_fail (RF_IS_LEAD (self), NULL);

  return self->contact_phone;
}

void
rf_lead_set_contact_phone (RfLead     *self,
                           const char *value)
{
  g_return_if_fail (RF_IS_LEAD (self));

  if (rf_model_set_string (&self->contact_phone, value))
    g_object_notify_by_pspec (G_OBJECT (self), rf_lead_properties[PROP_CONTACT_PHONE]);
}

const char *
rf_lead_get_contact_title (RfLead *self)
{
  g_return_val_if_fail (RF_IS_LEAD (self), NULL);

  return self->contact_title;
}

void
rf_lead_set_contact_title (RfLead     *self,
                           const char *value)
{
  g_return_if_fail (RF_IS_LEAD (self));

  if (rf_model_set_string (&self->contact_title, value))
    g_object_notify_by_pspec (G_OBJECT (self), rf_lead_properties[PROP_CONTACT_TITLE]);
}

const char *
rf_lead_get_icp_name (RfLead *self)
{
  g_return_val_if_fail (RF_IS_LEAD (self), NULL);

  return self->icp_name;
}

void
rf_lead_set_icp_name (RfLead     *self,
                      const char *value)
{
  g_return_if_fail (RF_IS_LEAD (self));

  if (rf_model_set_string (&self->icp_name, value))
    g_object_notify_by_pspec (G_OBJECT (self), rf_lead_properties[PROP_ICP_NAME]);
}
