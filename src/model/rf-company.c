/* rf-company.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-model"

#include "rf-company.h"
#include "rf-model-private.h"

struct _RfCompany
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *website;
  char *domain;
  char *industry;
  char *size;
  char *location;
  gint64 created_at;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (RfCompany, rf_company, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_WEBSITE,
  PROP_DOMAIN,
  PROP_INDUSTRY,
  PROP_SIZE,
  PROP_LOCATION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rf_company_finalize (GObject *object)
{
  RfCompany *self = (RfCompany *)object;

  g_free (self->name);
  g_free (self->website);
  g_free (self->domain);
  g_free (self->industry);
  g_free (self->size);
  g_free (self->location);

  G_OBJECT_CLASS (rf_company_parent_class)->finalize (object);
}

static void
rf_company_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RfCompany *self = RF_COMPANY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_WEBSITE:
      g_value_set_string (value, self->website);
      break;

    case PROP_DOMAIN:
      g_value_set_string (value, self->domain);
      break;

    case PROP_INDUSTRY:
      g_value_set_string (value, self->industry);
      break;

    case PROP_SIZE:
      g_value_set_string (value, self->size);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
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
rf_company_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RfCompany *self = RF_COMPANY (object);

  switch (prop_id)
    {
    case PROP_ID:
      rf_company_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      rf_company_set_name (self, g_value_get_string (value));
      break;

    case PROP_WEBSITE:
      rf_company_set_website (self, g_value_get_string (value));
      break;

    case PROP_DOMAIN:
      rf_company_set_domain (self, g_value_get_string (value));
      break;

    case PROP_INDUSTRY:
      rf_company_set_industry (self, g_value_get_string (value));
      break;

    case PROP_SIZE:
      rf_company_set_size (self, g_value_get_string (value));
      break;

    case PROP_LOCATION:
      rf_company_set_location (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      rf_company_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      rf_company_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_company_class_init (RfCompanyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rf_company_finalize;
  object_class->get_property = rf_company_get_property;
  object_class->set_property = rf_company_set_property;

  /* Database row id, 0 until stored. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);
  /* Company name. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, RF_PARAM_RW);
  /* Website URL as given. */
  properties[PROP_WEBSITE] =
    g_param_spec_string ("website", NULL, NULL, NULL, RF_PARAM_RW);
  /* Normalised domain of the website. */
  properties[PROP_DOMAIN] =
    g_param_spec_string ("domain", NULL, NULL, NULL, RF_PARAM_RW);
  /* Industry. */
  properties[PROP_INDUSTRY] =
    g_param_spec_string ("industry", NULL, NULL, NULL, RF_PARAM_RW);
  /* Size bucket, e.g. "2-10". */
  properties[PROP_SIZE] =
    g_param_spec_string ("size", NULL, NULL, NULL, RF_PARAM_RW);
  /* Location. */
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, NULL, RF_PARAM_RW);
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
rf_company_init (RfCompany *self)
{
}

RfCompany *
rf_company_new (void)
{
  return g_object_new (RF_TYPE_COMPANY, NULL);
}

/* A deep copy: a snapshot another thread may own. */
RfCompany *
rf_company_copy (RfCompany *self)
{
  RfCompany *copy;

  g_return_val_if_fail (RF_IS_COMPANY (self), NULL);

  copy = rf_company_new ();
  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->website = g_strdup (self->website);
  copy->domain = g_strdup (self->domain);
  copy->industry = g_strdup (self->industry);
  copy->size = g_strdup (self->size);
  copy->location = g_strdup (self->location);
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;

  return copy;
}

gint64
rf_company_get_id (RfCompany *self)
{
  g_return_val_if_fail (RF_IS_COMPANY (self), 0);

  return self->id;
}

void
rf_company_set_id (RfCompany *self,
                   gint64     value)
{
  g_return_if_fail (RF_IS_COMPANY (self));

  if (rf_model_set_int64 (&self->id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
rf_company_get_name (RfCompany *self)
{
  g_return_val_if_fail (RF_IS_COMPANY (self), NULL);

  return self->name;
}

void
rf_company_set_name (RfCompany  *self,
                     const char *value)
{
  g_return_if_fail (RF_IS_COMPANY (self));

  if (rf_model_set_string (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
rf_company_get_website (RfCompany *self)
{
  g_return_val_if_fail (RF_IS_COMPANY (self), NULL);

  return self->website;
}

void
rf_company_set_website (RfCompany  *self,
                        const char *value)
{
  g_return_if_fail (RF_IS_COMPANY (self));

  if (rf_model_set_string (&self->website, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEBSITE]);
}

const char *
rf_company_get_domain (RfCompany *self)
{
  g_return_val_if_fail (RF_IS_COMPANY (self), NULL);

  return self->domain;
}

void
rf_company_set_domain (RfCompany  *self,
                       const char *value)
{
  g_return_if_fail (RF_IS_COMPANY (self));

  if (rf_model_set_string (&self->domain, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOMAIN]);
}

const char *
rf_company_get_industry (RfCompany *self)
{
  g_return_val_if_fail (RF_IS_COMPANY (self), NULL);

  return self->industry;
}

void
rf_company_set_industry (RfCompany  *self,
                         const char *value)
{
  g_return_if_fail (RF_IS_COMPANY (self));

  if (rf_model_set_string (&self->industry, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDUSTRY]);
}

const char *
rf_company_get_size (RfCompany *self)
{
  g_return_val_if_fail (RF_IS_COMPANY (self), NULL);

  return self->size;
}

void
rf_company_set_size (RfCompany  *self,
                     const char *value)
{
  g_return_if_fail (RF_IS_COMPANY (self));

  if (rf_model_set_string (&self->size, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
}

const char *
rf_company_get_location (RfCompany *self)
{
  g_return_val_if_fail (RF_IS_COMPANY (self), NULL);

  return self->location;
}

void
rf_company_set_location (RfCompany  *self,
                         const char *value)
{
  g_return_if_fail (RF_IS_COMPANY (self));

  if (rf_model_set_string (&self->location, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION]);
}

gint64
rf_company_get_created_at (RfCompany *self)
{
  g_return_val_if_fail (RF_IS_COMPANY (self), 0);

  return self->created_at;
}

void
rf_company_set_created_at (RfCompany *self,
                           gint64     value)
{
  g_return_if_fail (RF_IS_COMPANY (self));

  if (rf_model_set_int64 (&self->created_at, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

gint64
rf_company_get_updated_at (RfCompany *self)
{
  g_return_val_if_fail (RF_IS_COMPANY (self), 0);

  return self->updated_at;
}

void
rf_company_set_updated_at (RfCompany *self,
                           gint64     value)
{
  g_return_if_fail (RF_IS_COMPANY (self));

  if (rf_model_set_int64 (&self->updated_at, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}
