/* rf-activity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-model"

#include "rf-activity.h"
#include "rf-model-private.h"

struct _RfActivity
{
  GObject parent_instance;

  gint64 id;
  gint64 lead_id;
  RfActivityKind kind;
  char *body;
  gint64 due_at;
  gint64 done_at;
  gint64 created_at;
};

G_DEFINE_FINAL_TYPE (RfActivity, rf_activity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LEAD_ID,
  PROP_KIND,
  PROP_BODY,
  PROP_DUE_AT,
  PROP_DONE_AT,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rf_activity_finalize (GObject *object)
{
  RfActivity *self = (RfActivity *)object;

  g_free (self->body);

  G_OBJECT_CLASS (rf_activity_parent_class)->finalize (object);
}

static void
rf_activity_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RfActivity *self = RF_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_LEAD_ID:
      g_value_set_int64 (value, self->lead_id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_DUE_AT:
      g_value_set_int64 (value, self->due_at);
      break;

    case PROP_DONE_AT:
      g_value_set_int64 (value, self->done_at);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_activity_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RfActivity *self = RF_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      rf_activity_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_LEAD_ID:
      rf_activity_set_lead_id (self, g_value_get_int64 (value));
      break;

    case PROP_KIND:
      rf_activity_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_BODY:
      rf_activity_set_body (self, g_value_get_string (value));
      break;

    case PROP_DUE_AT:
      rf_activity_set_due_at (self, g_value_get_int64 (value));
      break;

    case PROP_DONE_AT:
      rf_activity_set_done_at (self, g_value_get_int64 (value));
      break;

    case PROP_CREATED_AT:
      rf_activity_set_created_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_activity_class_init (RfActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rf_activity_finalize;
  object_class->get_property = rf_activity_get_property;
  object_class->set_property = rf_activity_set_property;

  /* Database row id, 0 until stored. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);
  /* Row id of the lead. */
  properties[PROP_LEAD_ID] =
    g_param_spec_int64 ("lead-id", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);
  /* Kind of activity. */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                        RF_TYPE_ACTIVITY_KIND, RF_ACTIVITY_KIND_NOTE, RF_PARAM_RW);
  /* What was said or done. */
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL, RF_PARAM_RW);
  /* When a task is due, Unix seconds, 0 for none. */
  properties[PROP_DUE_AT] =
    g_param_spec_int64 ("due-at", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);
  /* When it was done, Unix seconds, 0 if not yet. */
  properties[PROP_DONE_AT] =
    g_param_spec_int64 ("done-at", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);
  /* Creation time, Unix seconds. */
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rf_activity_init (RfActivity *self)
{
  self->kind = RF_ACTIVITY_KIND_NOTE;
}

RfActivity *
rf_activity_new (void)
{
  return g_object_new (RF_TYPE_ACTIVITY, NULL);
}

/* A deep copy: a snapshot another thread may own. */
RfActivity *
rf_activity_copy (RfActivity *self)
{
  RfActivity *copy;

  g_return_val_if_fail (RF_IS_ACTIVITY (self), NULL);

  copy = rf_activity_new ();
  copy->id = self->id;
  copy->lead_id = self->lead_id;
  copy->kind = self->kind;
  copy->body = g_strdup (self->body);
  copy->due_at = self->due_at;
  copy->done_at = self->done_at;
  copy->created_at = self->created_at;

  return copy;
}

gint64
rf_activity_get_id (RfActivity *self)
{
  g_return_val_if_fail (RF_IS_ACTIVITY (self), 0);

  return self->id;
}

void
rf_activity_set_id (RfActivity *self,
                    gint64      value)
{
  g_return_if_fail (RF_IS_ACTIVITY (self));

  if (rf_model_set_int64 (&self->id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
rf_activity_get_lead_id (RfActivity *self)
{
  g_return_val_if_fail (RF_IS_ACTIVITY (self), 0);

  return self->lead_id;
}

void
rf_activity_set_lead_id (RfActivity *self,
                         gint64      value)
{
  g_return_if_fail (RF_IS_ACTIVITY (self));

  if (rf_model_set_int64 (&self->lead_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD_ID]);
}

RfActivityKind
rf_activity_get_kind (RfActivity *self)
{
  g_return_val_if_fail (RF_IS_ACTIVITY (self), RF_ACTIVITY_KIND_NOTE);

  return self->kind;
}

void
rf_activity_set_kind (RfActivity     *self,
                      RfActivityKind  value)
{
  g_return_if_fail (RF_IS_ACTIVITY (self));

  if (rf_model_set_enum ((int *)&self->kind, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
rf_activity_get_body (RfActivity *self)
{
  g_return_val_if_fail (RF_IS_ACTIVITY (self), NULL);

  return self->body;
}

void
rf_activity_set_body (RfActivity *self,
                      const char *value)
{
  g_return_if_fail (RF_IS_ACTIVITY (self));

  if (rf_model_set_string (&self->body, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

gint64
rf_activity_get_due_at (RfActivity *self)
{
  g_return_val_if_fail (RF_IS_ACTIVITY (self), 0);

  return self->due_at;
}

void
rf_activity_set_due_at (RfActivity *self,
                        gint64      value)
{
  g_return_if_fail (RF_IS_ACTIVITY (self));

  if (rf_model_set_int64 (&self->due_at, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_AT]);
}

gint64
rf_activity_get_done_at (RfActivity *self)
{
  g_return_val_if_fail (RF_IS_ACTIVITY (self), 0);

  return self->done_at;
}

void
rf_activity_set_done_at (RfActivity *self,
                         gint64      value)
{
  g_return_if_fail (RF_IS_ACTIVITY (self));

  if (rf_model_set_int64 (&self->done_at, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_AT]);
}

gint64
rf_activity_get_created_at (RfActivity *self)
{
  g_return_val_if_fail (RF_IS_ACTIVITY (self), 0);

  return self->created_at;
}

void
rf_activity_set_created_at (RfActivity *self,
                            gint64      value)
{
  g_return_if_fail (RF_IS_ACTIVITY (self));

  if (rf_model_set_int64 (&self->created_at, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}
