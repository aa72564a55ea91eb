/* rf-contact.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-model"

#include "rf-contact.h"
#include "rf-model-private.h"

struct _RfContact
{
  GObject parent_instance;

  gint64 id;
  gint64 company_id;
  char *name;
  char *title;
  char *email;
  char *phone;
  char *address;
  gint64 created_at;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (RfContact, rf_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_COMPANY_ID,
  PROP_NAME,
  PROP_TITLE,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_ADDRESS,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rf_contact_finalize (GObject *object)
{
  RfContact *self = (RfContact *)object;

  g_free (self->name);
  g_free (self->title);
  g_free (self->email);
  g_free (self->phone);
  g_free (self->address);

  G_OBJECT_CLASS (rf_contact_parent_class)->finalize (object);
}

static void
rf_contact_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RfContact *self = RF_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_COMPANY_ID:
      g_value_set_int64 (value, self->company_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_contact_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RfContact *self = RF_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      rf_contact_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_COMPANY_ID:
      rf_contact_set_company_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      rf_contact_set_name (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      rf_contact_set_title (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      rf_contact_set_email (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      rf_contact_set_phone (self, g_value_get_string (value));
      break;

    case PROP_ADDRESS:
      rf_contact_set_address (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      rf_contact_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      rf_contact_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_contact_class_init (RfContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rf_contact_finalize;
  object_class->get_property = rf_contact_get_property;
  object_class->set_property = rf_contact_set_property;

  /* Database row id, 0 until stored. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);
  /* Row id of the company, 0 for none. */
  properties[PROP_COMPANY_ID] =
    g_param_spec_int64 ("company-id", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);
  /* Full name. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, RF_PARAM_RW);
  /* Job title. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, RF_PARAM_RW);
  /* Email address. */
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL, RF_PARAM_RW);
  /* Phone number. */
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL, RF_PARAM_RW);
  /* Postal address. */
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL, RF_PARAM_RW);
  /* Creation time, Unix seconds. */
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);
  /* Last change, Unix seconds. */
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rf_contact_init (RfContact *self)
{
}

RfContact *
rf_contact_new (void)
{
  return g_object_new (RF_TYPE_CONTACT, NULL);
}

/* A deep copy: a snapshot another thread may own. */
RfContact *
rf_contact_copy (RfContact *self)
{
  RfContact *copy;

  g_return_val_if_fail (RF_IS_CONTACT (self), NULL);

  copy = rf_contact_new ();
  copy->id = self->id;
  copy->company_id = self->company_id;
  copy->name = g_strdup (self->name);
  copy->title = g_strdup (self->title);
  copy->email = g_strdup (self->email);
  copy->phone = g_strdup (self->phone);
  copy->address = g_strdup (self->address);
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;

  return copy;
}

gint64
rf_contact_get_id (RfContact *self)
{
  g_return_val_if_fail (RF_IS_CONTACT (self), 0);

  return self->id;
}

void
rf_contact_set_id (RfContact *self,
                   gint64     value)
{
  g_return_if_fail (RF_IS_CONTACT (self));

  if (rf_model_set_int64 (&self->id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
rf_contact_get_company_id (RfContact *self)
{
  g_return_val_if_fail (RF_IS_CONTACT (self), 0);

  return self->company_id;
}

void
rf_contact_set_company_id (RfContact *self,
                           gint64     value)
{
  g_return_if_fail (RF_IS_CONTACT (self));

  if (rf_model_set_int64 (&self->company_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY_ID]);
}

const char *
rf_contact_get_name (RfContact *self)
{
  g_return_val_if_fail (RF_IS_CONTACT (self), NULL);

  return self->name;
}

void
rf_contact_set_name (RfContact  *self,
                     const char *value)
{
  g_return_if_fail (RF_IS_CONTACT (self));

  if (rf_model_set_string (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
rf_contact_get_title (RfContact *self)
{
  g_return_val_if_fail (RF_IS_CONTACT (self), NULL);

  return self->title;
}

void
rf_contact_set_title (RfContact  *self,
                      const char *value)
{
  g_return_if_fail (RF_IS_CONTACT (self));

  if (rf_model_set_string (&self->title, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
rf_contact_get_email (RfContact *self)
{
  g_return_val_if_fail (RF_IS_CONTACT (self), NULL);

  return self->email;
}

void
rf_contact_set_email (RfContact  *self,
                      const char *value)
{
  g_return_if_fail (RF_IS_CONTACT (self));

  if (rf_model_set_string (&self->email, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
rf_contact_get_phone (RfContact *self)
{
  g_return_val_if_fail (RF_IS_CONTACT (self), NULL);

  return self->phone;
}

void
rf_contact_set_phone (RfContact  *self,
                      const char *value)
{
  g_return_if_fail (RF_IS_CONTACT (self));

  if (rf_model_set_string (&self->phone, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
rf_contact_get_address (RfContact *self)
{
  g_return_val_if_fail (RF_IS_CONTACT (self), NULL);

  return self->address;
}

void
rf_contact_set_address (RfContact  *self,
                        const char *value)
{
  g_return_if_fail (RF_IS_CONTACT (self));

  if (rf_model_set_string (&self->address, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
}

gint64
rf_contact_get_created_at (RfContact *self)
{
  g_return_val_if_fail (RF_IS_CONTACT (self), 0);

  return self->created_at;
}

void
rf_contact_set_created_at (RfContact *self,
                           gint64     value)
{
  g_return_if_fail (RF_IS_CONTACT (self));

  if (rf_model_set_int64 (&self->created_at, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

gint64
rf_contact_get_updated_at (RfContact *self)
{
  g_return_val_if_fail (RF_IS_CONTACT (self), 0);

  return self->updated_at;
}

void
rf_contact_set_updated_at (RfContact *self,
                           gint64     value)
{
  g_return_if_fail (RF_IS_CONTACT (self));

  if (rf_model_set_int64 (&self->updated_at, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}
