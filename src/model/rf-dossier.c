/* rf-dossier.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-model"

#include "rf-dossier.h"
#include "rf-model-private.h"

struct _RfDossier
{
  GObject parent_instance;

  char *snapshot;
  char **why_pain;
  char *uncomfortable_truth;
  char *reframe;
  char **best_angle;
  char *challenger_insight;
  char *model;
  gint64 created_at;
};

G_DEFINE_FINAL_TYPE (RfDossier, rf_dossier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SNAPSHOT,
  PROP_WHY_PAIN,
  PROP_UNCOMFORTABLE_TRUTH,
  PROP_REFRAME,
  PROP_BEST_ANGLE,
  PROP_CHALLENGER_INSIGHT,
  PROP_MODEL,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rf_dossier_finalize (GObject *object)
{
  RfDossier *self = (RfDossier *)object;

  g_free (self->snapshot);
  g_strfreev (self->why_pain);
  g_free (self->uncomfortable_truth);
  g_free (self->reframe);
  g_strfreev (self->best_angle);
  g_free (self->challenger_insight);
  g_free (self->model);

  G_OBJECT_CLASS (rf_dossier_parent_class)->finalize (object);
}

static void
rf_dossier_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RfDossier *self = RF_DOSSIER (object);

  switch (prop_id)
    {
    case PROP_SNAPSHOT:
      g_value_set_string (value, self->snapshot);
      break;

    case PROP_WHY_PAIN:
      g_value_set_boxed (value, self->why_pain);
      break;

    case PROP_UNCOMFORTABLE_TRUTH:
      g_value_set_string (value, self->uncomfortable_truth);
      break;

    case PROP_REFRAME:
      g_value_set_string (value, self->reframe);
      break;

    case PROP_BEST_ANGLE:
      g_value_set_boxed (value, self->best_angle);
      break;

    case PROP_CHALLENGER_INSIGHT:
      g_value_set_string (value, self->challenger_insight);
      break;

    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_dossier_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RfDossier *self = RF_DOSSIER (object);

  switch (prop_id)
    {
    case PROP_SNAPSHOT:
      rf_dossier_set_snapshot (self, g_value_get_string (value));
      break;

    case PROP_WHY_PAIN:
      rf_dossier_set_why_pain (self, g_value_get_boxed (value));
      break;

    case PROP_UNCOMFORTABLE_TRUTH:
      rf_dossier_set_uncomfortable_truth (self, g_value_get_string (value));
      break;

    case PROP_REFRAME:
      rf_dossier_set_reframe (self, g_value_get_string (value));
      break;

    case PROP_BEST_ANGLE:
      rf_dossier_set_best_angle (self, g_value_get_boxed (value));
      break;

    case PROP_CHALLENGER_INSIGHT:
      rf_dossier_set_challenger_insight (self, g_value_get_string (value));
      break;

    case PROP_MODEL:
      rf_dossier_set_model (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      rf_dossier_set_created_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_dossier_class_init (RfDossierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rf_dossier_finalize;
  object_class->get_property = rf_dossier_get_property;
  object_class->set_property = rf_dossier_set_property;

  /* Who they are in about 40 words. */
  properties[PROP_SNAPSHOT] =
    g_param_spec_string ("snapshot", NULL, NULL, NULL, RF_PARAM_RW);
  /* Three bullets on their marketing struggle. */
  properties[PROP_WHY_PAIN] =
    g_param_spec_boxed ("why-pain", NULL, NULL, G_TYPE_STRV, RF_PARAM_RW);
  /* What happens if they do not fix it. */
  properties[PROP_UNCOMFORTABLE_TRUTH] =
    g_param_spec_string ("uncomfortable-truth", NULL, NULL, NULL, RF_PARAM_RW);
  /* Their thinking flipped in one sentence. */
  properties[PROP_REFRAME] =
    g_param_spec_string ("reframe", NULL, NULL, NULL, RF_PARAM_RW);
  /* Three ways to approach them. */
  properties[PROP_BEST_ANGLE] =
    g_param_spec_boxed ("best-angle", NULL, NULL, G_TYPE_STRV, RF_PARAM_RW);
  /* The one thing to lead with. */
  properties[PROP_CHALLENGER_INSIGHT] =
    g_param_spec_string ("challenger-insight", NULL, NULL, NULL, RF_PARAM_RW);
  /* Model that wrote it. */
  properties[PROP_MODEL] =
    g_param_spec_string ("model", NULL, NULL, NULL, RF_PARAM_RW);
  /* When it was written, Unix seconds. */
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rf_dossier_init (RfDossier *self)
{
}

RfDossier *
rf_dossier_new (void)
{
  return g_object_new (RF_TYPE_DOSSIER, NULL);
}

/* A deep copy: a snapshot another thread may own. */
RfDossier *
rf_dossier_copy (RfDossier *self)
{
  RfDossier *copy;

  g_return_val_if_fail (RF_IS_DOSSIER (self), NULL);

  copy = rf_dossier_new ();
  copy->snapshot = g_strdup (self->snapshot);
  copy->why_pain = g_strdupv (self->why_pain);
  copy->uncomfortable_truth = g_strdup (self->uncomfortable_truth);
  copy->reframe = g_strdup (self->reframe);
  copy->best_angle = g_strdupv (self->best_angle);
  copy->challenger_insight = g_strdup (self->challenger_insight);
  copy->model = g_strdup (self->model);
  copy->created_at = self->created_at;

  return copy;
}

const char *
rf_dossier_get_snapshot (RfDossier *self)
{
  g_return_val_if_fail (RF_IS_DOSSIER (self), NULL);

  return self->snapshot;
}

void
rf_dossier_set_snapshot (RfDossier  *self,
                         const char *value)
{
  g_return_if_fail (RF_IS_DOSSIER (self));

  if (rf_model_set_string (&self->snapshot, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAPSHOT]);
}

const char * const *
rf_dossier_get_why_pain (RfDossier *self)
{
  g_return_val_if_fail (RF_IS_DOSSIER (self), NULL);

  return (const char * const *)self->why_pain;
}

void
rf_dossier_set_why_pain (RfDossier          *self,
                         const char * const *value)
{
  g_return_if_fail (RF_IS_DOSSIER (self));

  if (rf_model_set_strv (&self->why_pain, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHY_PAIN]);
}

const char *
rf_dossier_get_uncomfortable_truth (RfDossier *self)
{
  g_return_val_if_fail (RF_IS_DOSSIER (self), NULL);

  return self->uncomfortable_truth;
}

void
rf_dossier_set_uncomfortable_truth (RfDossier  *self,
                                    const char *value)
{
  g_return_if_fail (RF_IS_DOSSIER (self));

  if (rf_model_set_string (&self->uncomfortable_truth, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNCOMFORTABLE_TRUTH]);
}

const char *
rf_dossier_get_reframe (RfDossier *self)
{
  g_return_val_if_fail (RF_IS_DOSSIER (self), NULL);

  return self->reframe;
}

void
rf_dossier_set_reframe (RfDossier  *self,
                        const char *value)
{
  g_return_if_fail (RF_IS_DOSSIER (self));

  if (rf_model_set_string (&self->reframe, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRAME]);
}

const char * const *
rf_dossier_get_best_angle (RfDossier *self)
{
  g_return_val_if_fail (RF_IS_DOSSIER (self), NULL);

  return (const char * const *)self->best_angle;
}

void
rf_dossier_set_best_angle (RfDossier          *self,
                           const char * const *value)
{
  g_return_if_fail (RF_IS_DOSSIER (self));

  if (rf_model_set_strv (&self->best_angle, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BEST_ANGLE]);
}

const char *
rf_dossier_get_challenger_insight (RfDossier *self)
{
  g_return_val_if_fail (RF_IS_DOSSIER (self), NULL);

  return self->challenger_insight;
}

void
rf_dossier_set_challenger_insight (RfDossier  *self,
                                   const char *value)
{
  g_return_if_fail (RF_IS_DOSSIER (self));

  if (rf_model_set_string (&self->challenger_insight, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHALLENGER_INSIGHT]);
}

const char *
rf_dossier_get_model (RfDossier *self)
{
  g_return_val_if_fail (RF_IS_DOSSIER (self), NULL);

  return self->model;
}

void
rf_dossier_set_model (RfDossier  *self,
                      const char *value)
{
  g_return_if_fail (RF_IS_DOSSIER (self));

  if (rf_model_set_string (&self->model, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

gint64
rf_dossier_get_created_at (RfDossier *self)
{
  g_return_val_if_fail (RF_IS_DOSSIER (self), 0);

  return self->created_at;
}

void
rf_dossier_set_created_at (RfDossier *self,
                           gint64     value)
{
  g_return_if_fail (RF_IS_DOSSIER (self));

  if (rf_model_set_int64 (&self->created_at, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}
