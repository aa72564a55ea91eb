/* rf-engine-status.c: is Ollama there, with which models; asked once
 * before the first job, again when it seems away or the settings change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-engine"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rf-lead-engine-private.h"

void
rf_engine_set_status (RfLeadEngine   *self,
                      RfOllamaStatus  status,
                      gboolean        dossiers_enabled,
                      const char     *message)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->status != status)
    {
      self->status = status;
      rf_lead_engine_notify (self, PROP_OLLAMA_STATUS);
    }
  if (self->dossiers_enabled != dossiers_enabled)
    {
      self->dossiers_enabled = dossiers_enabled;
      rf_lead_engine_notify (self, PROP_DOSSIERS_ENABLED);
    }
  if (g_strcmp0 (self->status_message, message) != 0)
    {
      g_free (self->status_message);
      self->status_message = g_strdup (message);
      rf_lead_engine_notify (self, PROP_STATUS_MESSAGE);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
rf_engine_set_status_from_error (RfLeadEngine *self,
                                 const GError *error)
{
  g_autofree char *message = NULL;

  self->status_checked_us = g_get_monotonic_time ();
  if (g_error_matches (error, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_MODEL_NOT_FOUND))
    {
      message = g_strdup_printf (_("The model %s is not installed. Download it with “ollama pull %s”; "
                                   "until then leads are scored by the built-in rules."),
                                 rf_config_get_fast_model (self->config), rf_config_get_fast_model (self->config));
      rf_engine_set_status (self, RF_OLLAMA_STATUS_MODEL_MISSING, FALSE, message);
    }
  else
    {
      /* Translators: the client's error, which says what to do */
      message = g_strdup_printf (_("%s Until then leads are scored by the built-in rules."), error->message);
      rf_engine_set_status (self, RF_OLLAMA_STATUS_NOT_RUNNING, FALSE, message);
    }
}

static void
finish_check (RfLeadEngine *self)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->check_waiters);

  self->check_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiters->len; i++)
    g_task_return_int (g_ptr_array_index (waiters, i), self->status);
  rf_engine_pump (self);
}

static void
list_models_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RfLeadEngine) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) models = rf_ollama_client_list_models_finish (RF_OLLAMA_CLIENT (source), result, &error);
  const char *fast = rf_config_get_fast_model (self->config);
  const char *rich = rf_config_get_rich_model (self->config);
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (models == NULL)
    {
      rf_engine_set_status_from_error (self, error);
      finish_check (self);
      return;
    }

  self->status_checked_us = g_get_monotonic_time ();
  if (!rf_ollama_model_list_has ((const char * const *) models, fast))
    {
      g_autoptr(GError) missing = g_error_new (RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_MODEL_NOT_FOUND, "%s", fast);

      rf_engine_set_status_from_error (self, missing);
    }
  else if (rf_ollama_model_list_has ((const char * const *) models, rich))
    {
      message = g_strdup_printf (_("Ollama is ready: %s scores leads, %s writes dossiers."), fast, rich);
      rf_engine_set_status (self, RF_OLLAMA_STATUS_READY, TRUE, message);
    }
  else
    {
      message = g_strdup_printf (_("Ollama is ready: %s scores leads. %s is not installed, so no dossiers "
                                   "are written until you run “ollama pull %s”."), fast, rich, rich);
      rf_engine_set_status (self, RF_OLLAMA_STATUS_READY, FALSE, message);
    }
  finish_check (self);
}

static void
version_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RfLeadEngine) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = rf_ollama_client_version_finish (RF_OLLAMA_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (version == NULL)
    {
      rf_engine_set_status_from_error (self, error);
      finish_check (self);
      return;
    }
  rf_ollama_client_list_models_async (self->ollama, self->check_cancellable, list_models_cb, g_object_ref (self));
}

void
rf_engine_start_check (RfLeadEngine *self)
{
  if (self->status == RF_OLLAMA_STATUS_CHECKING)
    return;
  g_clear_object (&self->check_cancellable);
  self->check_cancellable = g_cancellable_new ();
  rf_engine_set_status (self, RF_OLLAMA_STATUS_CHECKING, self->dossiers_enabled, _("Checking Ollama…"));
  rf_ollama_client_version_async (self->ollama, self->check_cancellable, version_cb, g_object_ref (self));
}

gboolean
rf_engine_status_needs_check (RfLeadEngine *self)
{
  switch (self->status)
    {
    case RF_OLLAMA_STATUS_UNKNOWN:
      return TRUE;
    case RF_OLLAMA_STATUS_NOT_RUNNING:
    case RF_OLLAMA_STATUS_MODEL_MISSING:
      return g_get_monotonic_time () - self->status_checked_us > RECHECK_AFTER_US;
    case RF_OLLAMA_STATUS_CHECKING:
    case RF_OLLAMA_STATUS_READY:
    default:
      return FALSE;
    }
}

/* Asks Ollama now whether it runs and has the models; the answer is also
 * the ollama-status property. */
void
rf_lead_engine_check_ollama_async (RfLeadEngine        *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_return_if_fail (RF_IS_LEAD_ENGINE (self));

  g_task_set_source_tag (task, rf_lead_engine_check_ollama_async);
  g_ptr_array_add (self->check_waiters, g_steal_pointer (&task));
  if (self->status != RF_OLLAMA_STATUS_CHECKING)
    {
      self->status = RF_OLLAMA_STATUS_UNKNOWN;
      rf_engine_start_check (self);
    }
}

RfOllamaStatus
rf_lead_engine_check_ollama_finish (RfLeadEngine *self,
                                    GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, self), RF_OLLAMA_STATUS_UNKNOWN);
  return (RfOllamaStatus) g_task_propagate_int (G_TASK (result), NULL);
}

void
rf_engine_config_changed_cb (RfLeadEngine *self)
{
  rf_ollama_client_set_base_url (self->ollama, rf_config_get_ollama_url (self->config));
  rf_ollama_client_set_token (self->ollama, rf_config_get_ollama_token (self->config));
  if (self->check_cancellable != NULL)
    g_cancellable_cancel (self->check_cancellable);
  /* Re-checked before the next request that needs it. */
  self->status = RF_OLLAMA_STATUS_UNKNOWN;
  rf_lead_engine_notify (self, PROP_OLLAMA_STATUS);
  rf_engine_pump (self);
}

