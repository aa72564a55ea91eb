/* rf-dao.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-store"

#include "rf-dao.h"

typedef struct
{
  RfDatabase *database;
} RfDaoPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RfDao, rf_dao, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rf_dao_dispose (GObject *object)
{
  RfDaoPrivate *priv = rf_dao_get_instance_private (RF_DAO (object));

  g_clear_object (&priv->database);

  G_OBJECT_CLASS (rf_dao_parent_class)->dispose (object);
}

static void
rf_dao_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  RfDaoPrivate *priv = rf_dao_get_instance_private (RF_DAO (object));

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, priv->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_dao_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  RfDaoPrivate *priv = rf_dao_get_instance_private (RF_DAO (object));

  switch (prop_id)
    {
    case PROP_DATABASE:
      priv->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_dao_class_init (RfDaoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rf_dao_dispose;
  object_class->get_property = rf_dao_get_property;
  object_class->set_property = rf_dao_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         RF_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rf_dao_init (RfDao *self)
{
}

RfDatabase *
rf_dao_get_database (RfDao *self)
{
  RfDaoPrivate *priv = rf_dao_get_instance_private (self);

  g_return_val_if_fail (RF_IS_DAO (self), NULL);

  return priv->database;
}

gpointer
rf_dao_run_sync (RfDao           *self,
                 RfDatabaseFunc   func,
                 gpointer         data,
                 GCancellable    *cancellable,
                 GError         **error)
{
  return rf_database_run_sync (rf_dao_get_database (self), func, data, cancellable, error);
}

void
rf_dao_run_async (RfDao               *self,
                  RfDatabaseFunc       func,
                  gpointer             data,
                  GDestroyNotify       data_free,
                  GDestroyNotify       result_free,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  rf_database_run_async (rf_dao_get_database (self), self, func, data, data_free, result_free,
                         source_tag, cancellable, callback, user_data);
}

gpointer
rf_dao_run_finish (RfDao         *self,
                   GAsyncResult  *result,
                   gpointer       source_tag,
                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return rf_database_run_finish (rf_dao_get_database (self), result, source_tag, error);
}

/* For operations whose work returns GINT_TO_POINTER (TRUE) on success. */
gboolean
rf_dao_run_finish_boolean (RfDao         *self,
                           GAsyncResult  *result,
                           gpointer       source_tag,
                           GError       **error)
{
  GError *local_error = NULL;

  rf_dao_run_finish (self, result, source_tag, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

gint64 *
rf_dao_boxed_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

gint64
rf_store_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}
