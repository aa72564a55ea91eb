/* rf-icp-profile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-model"

#include "rf-icp-profile.h"
#include "rf-model-private.h"

struct _RfIcpProfile
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *description;
  char **size_buckets;
  char **industries;
  char **locations;
  char **hiring_keywords;
  char **pain_keywords;
  gboolean active;
  gint64 created_at;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (RfIcpProfile, rf_icp_profile, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_SIZE_BUCKETS,
  PROP_INDUSTRIES,
  PROP_LOCATIONS,
  PROP_HIRING_KEYWORDS,
  PROP_PAIN_KEYWORDS,
  PROP_ACTIVE,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rf_icp_profile_finalize (GObject *object)
{
  RfIcpProfile *self = (RfIcpProfile *)object;

  g_free (self->name);
  g_free (self->description);
  g_strfreev (self->size_buckets);
  g_strfreev (self->industries);
  g_strfreev (self->locations);
  g_strfreev (self->hiring_keywords);
  g_strfreev (self->pain_keywords);

  G_OBJECT_CLASS (rf_icp_profile_parent_class)->finalize (object);
}

static void
rf_icp_profile_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RfIcpProfile *self = RF_ICP_PROFILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_SIZE_BUCKETS:
      g_value_set_boxed (value, self->size_buckets);
      break;

    case PROP_INDUSTRIES:
      g_value_set_boxed (value, self->industries);
      break;

    case PROP_LOCATIONS:
      g_value_set_boxed (value, self->locations);
      break;

    case PROP_HIRING_KEYWORDS:
      g_value_set_boxed (value, self->hiring_keywords);
      break;

    case PROP_PAIN_KEYWORDS:
      g_value_set_boxed (value, self->pain_keywords);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
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
rf_icp_profile_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RfIcpProfile *self = RF_ICP_PROFILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      rf_icp_profile_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      rf_icp_profile_set_name (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      rf_icp_profile_set_description (self, g_value_get_string (value));
      break;

    case PROP_SIZE_BUCKETS:
      rf_icp_profile_set_size_buckets (self, g_value_get_boxed (value));
      break;

    case PROP_INDUSTRIES:
      rf_icp_profile_set_industries (self, g_value_get_boxed (value));
      break;

    case PROP_LOCATIONS:
      rf_icp_profile_set_locations (self, g_value_get_boxed (value));
      break;

    case PROP_HIRING_KEYWORDS:
      rf_icp_profile_set_hiring_keywords (self, g_value_get_boxed (value));
      break;

    case PROP_PAIN_KEYWORDS:
      rf_icp_profile_set_pain_keywords (self, g_value_get_boxed (value));
      break;

    case PROP_ACTIVE:
      rf_icp_profile_set_active (self, g_value_get_boolean (value));
      break;

    case PROP_CREATED_AT:
      rf_icp_profile_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      rf_icp_profile_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_icp_profile_class_init (RfIcpProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rf_icp_profile_finalize;
  object_class->get_property = rf_icp_profile_get_property;
  object_class->set_property = rf_icp_profile_set_property;

  /* Database row id, 0 until stored. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);
  /* Short name shown in lists. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, RF_PARAM_RW);
  /* Free text describing the profile. */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, RF_PARAM_RW);
  /* Company sizes that fit, e.g. "1", "2-10". */
  properties[PROP_SIZE_BUCKETS] =
    g_param_spec_boxed ("size-buckets", NULL, NULL, G_TYPE_STRV, RF_PARAM_RW);
  /* Industries that fit. */
  properties[PROP_INDUSTRIES] =
    g_param_spec_boxed ("industries", NULL, NULL, G_TYPE_STRV, RF_PARAM_RW);
  /* Locations that fit. */
  properties[PROP_LOCATIONS] =
    g_param_spec_boxed ("locations", NULL, NULL, G_TYPE_STRV, RF_PARAM_RW);
  /* Roles whose hiring signals a fit. */
  properties[PROP_HIRING_KEYWORDS] =
    g_param_spec_boxed ("hiring-keywords", NULL, NULL, G_TYPE_STRV, RF_PARAM_RW);
  /* Phrases that signal marketing pain. */
  properties[PROP_PAIN_KEYWORDS] =
    g_param_spec_boxed ("pain-keywords", NULL, NULL, G_TYPE_STRV, RF_PARAM_RW);
  /* Whether new signals are scored against it. */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE, RF_PARAM_RW);
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
rf_icp_profile_init (RfIcpProfile *self)
{
  self->active = TRUE;
}

RfIcpProfile *
rf_icp_profile_new (void)
{
  return g_object_new (RF_TYPE_ICP_PROFILE, NULL);
}

/* A deep copy: a snapshot another thread may own. */
RfIcpProfile *
rf_icp_profile_copy (RfIcpProfile *self)
{
  RfIcpProfile *copy;

  g_return_val_if_fail (RF_IS_ICP_PROFILE (self), NULL);

  copy = rf_icp_profile_new ();
  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->description = g_strdup (self->description);
  copy->size_buckets = g_strdupv (self->size_buckets);
  copy->industries = g_strdupv (self->industries);
  copy->locations = g_strdupv (self->locations);
  copy->hiring_keywords = g_strdupv (self->hiring_keywords);
  copy->pain_keywords = g_strdupv (self->pain_keywords);
  copy->active = self->active;
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;

  return copy;
}

gint64
rf_icp_profile_get_id (RfIcpProfile *self)
{
  g_return_val_if_fail (RF_IS_ICP_PROFILE (self), 0);

  return self->id;
}

void
rf_icp_profile_set_id (RfIcpProfile *self,
                       gint64        value)
{
  g_return_if_fail (RF_IS_ICP_PROFILE (self));

  if (rf_model_set_int64 (&self->id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
rf_icp_profile_get_name (RfIcpProfile *self)
{
  g_return_val_if_fail (RF_IS_ICP_PROFILE (self), NULL);

  return self->name;
}

void
rf_icp_profile_set_name (RfIcpProfile *self,
                         const char   *value)
{
  g_return_if_fail (RF_IS_ICP_PROFILE (self));

  if (rf_model_set_string (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
rf_icp_profile_get_description (RfIcpProfile *self)
{
  g_return_val_if_fail (RF_IS_ICP_PROFILE (self), NULL);

  return self->description;
}

void
rf_icp_profile_set_description (RfIcpProfile *self,
                                const char   *value)
{
  g_return_if_fail (RF_IS_ICP_PROFILE (self));

  if (rf_model_set_string (&self->description, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char * const *
rf_icp_profile_get_size_buckets (RfIcpProfile *self)
{
  g_return_val_if_fail (RF_IS_ICP_PROFILE (self), NULL);

  return (const char * const *)self->size_buckets;
}

void
rf_icp_profile_set_size_buckets (RfIcpProfile       *self,
                                 const char * const *value)
{
  g_return_if_fail (RF_IS_ICP_PROFILE (self));

  if (rf_model_set_strv (&self->size_buckets, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE_BUCKETS]);
}

const char * const *
rf_icp_profile_get_industries (RfIcpProfile *self)
{
  g_return_val_if_fail (RF_IS_ICP_PROFILE (self), NULL);

  return (const char * const *)self->industries;
}

void
rf_icp_profile_set_industries (RfIcpProfile       *self,
                               const char * const *value)
{
  g_return_if_fail (RF_IS_ICP_PROFILE (self));

  if (rf_model_set_strv (&self->industries, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDUSTRIES]);
}

const char * const *
rf_icp_profile_get_locations (RfIcpProfile *self)
{
  g_return_val_if_fail (RF_IS_ICP_PROFILE (self), NULL);

  return (const char * const *)self->locations;
}

void
rf_icp_profile_set_locations (RfIcpProfile       *self,
                              const char * const *value)
{
  g_return_if_fail (RF_IS_ICP_PROFILE (self));

  if (rf_model_set_strv (&self->locations, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATIONS]);
}

const char * const *
rf_icp_profile_get_hiring_keywords (RfIcpProfile *self)
{
  g_return_val_if_fail (RF_IS_ICP_PROFILE (self), NULL);

  return (const char * const *)self->hiring_keywords;
}

void
rf_icp_profile_set_hiring_keywords (RfIcpProfile       *self,
                                    const char * const *value)
{
  g_return_if_fail (RF_IS_ICP_PROFILE (self));

  if (rf_model_set_strv (&self->hiring_keywords, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIRING_KEYWORDS]);
}

const char * const *
rf_icp_profile_get_pain_keywords (RfIcpProfile *self)
{
  g_return_val_if_fail (RF_IS_ICP_PROFILE (self), NULL);

  return (const char * const *)self->pain_keywords;
}

void
rf_icp_profile_set_pain_keywords (RfIcpProfile       *self,
                                  const char * const *value)
{
  g_return_if_fail (RF_IS_ICP_PROFILE (self));

  if (rf_model_set_strv (&self->pain_keywords, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAIN_KEYWORDS]);
}

gboolean
rf_icp_profile_get_active (RfIcpProfile *self)
{
  g_return_val_if_fail (RF_IS_ICP_PROFILE (self), FALSE);

  return self->active;
}

void
rf_icp_profile_set_active (RfIcpProfile *self,
                           gboolean      value)
{
  g_return_if_fail (RF_IS_ICP_PROFILE (self));

  if (rf_model_set_boolean (&self->active, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

gint64
rf_icp_profile_get_created_at (RfIcpProfile *self)
{
  g_return_val_if_fail (RF_IS_ICP_PROFILE (self), 0);

  return self->created_at;
}

void
rf_icp_profile_set_created_at (RfIcpProfile *self,
                               gint64        value)
{
  g_return_if_fail (RF_IS_ICP_PROFILE (self));

  if (rf_model_set_int64 (&self->created_at, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

gint64
rf_icp_profile_get_updated_at (RfIcpProfile *self)
{
  g_return_val_if_fail (RF_IS_ICP_PROFILE (self), 0);

  return self->updated_at;
}

void
rf_icp_profile_set_updated_at (RfIcpProfile *self,
                               gint64        value)
{
  g_return_if_fail (RF_IS_ICP_PROFILE (self));

  if (rf_model_set_int64 (&self->updated_at, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}
