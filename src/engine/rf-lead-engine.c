/* rf-lead-engine.c: a signal is stored and scored by rules at once (in one
 * transaction), then queued for the fast model; a lead that scores past the
 * threshold is queued for a dossier from the rich model. A queue with a
 * fixed number of requests in flight keeps one slow answer from holding up
 * the rest; classification goes before dossiers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-engine"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rf-lead-engine-private.h"

G_DEFINE_ENUM_TYPE (RfOllamaStatus, rf_ollama_status,
  G_DEFINE_ENUM_VALUE (RF_OLLAMA_STATUS_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (RF_OLLAMA_STATUS_CHECKING, "checking"),
  G_DEFINE_ENUM_VALUE (RF_OLLAMA_STATUS_READY, "ready"),
  G_DEFINE_ENUM_VALUE (RF_OLLAMA_STATUS_NOT_RUNNING, "not-running"),
  G_DEFINE_ENUM_VALUE (RF_OLLAMA_STATUS_MODEL_MISSING, "model-missing"))

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RfLeadEngine, rf_lead_engine, G_TYPE_OBJECT)

void
rf_lead_engine_notify (RfLeadEngine *self,
                       guint         prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
rf_lead_engine_emit (RfLeadEngine *self,
                     guint         signal,
                     gpointer      argument)
{
  g_signal_emit (self, signals[signal], 0, argument);
}

void
rf_classify_outcome_free (RfClassifyOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_clear_object (&outcome->lead);
  g_clear_error (&outcome->ollama_error);
  g_free (outcome);
}

/* --- intake ------------------------------------------------------------ */

typedef struct
{
  RfSignal  *signal;
  RfCompany *company;
  RfContact *contact;
  gint64     icp_id;
} Intake;

static void
intake_free (Intake *intake)
{
  g_clear_object (&intake->signal);
  g_clear_object (&intake->company);
  g_clear_object (&intake->contact);
  g_free (intake);
}

static gpointer
intake_work (RfDatabase    *database,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Intake *intake = data;

  return rf_engine_store_intake_in_thread (database, intake->signal, intake->company, intake->contact,
                                           intake->icp_id, error);
}

static void
intake_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RfLeadEngine *self = g_task_get_source_object (task);
  GError *error = NULL;
  RfLeadContext *context = rf_database_run_finish (RF_LEAD_ENGINE (source)->database, result, intake_work, &error);
  Job *job;

  if (context == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (context->existed)
    {
      RfClassifyOutcome *outcome = g_new0 (RfClassifyOutcome, 1);

      outcome->lead = g_object_ref (context->lead);
      outcome->duplicate = TRUE;
      rf_lead_context_free (context);
      g_task_return_pointer (task, outcome, (GDestroyNotify) rf_classify_outcome_free);
      return;
    }

  job = rf_engine_job_new (self, JOB_CLASSIFY, rf_lead_get_id (context->lead), g_task_get_cancellable (task));
  job->context = context;
  job->task = g_steal_pointer (&task);
  rf_engine_enqueue (self, job);
}

/* Stores @signal (with @company and @contact, each may be NULL), scores it
 * by rules, then by the fast model when Ollama is ready. The outcome always
 * has the stored lead once the store succeeded; cancelling after that
 * leaves the rules' score and says so in ollama_error. @icp_id 0: the
 * active profile. */
void
rf_lead_engine_classify_async (RfLeadEngine        *self,
                               RfSignal            *signal,
                               RfCompany           *company,
                               RfContact           *contact,
                               gint64               icp_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  Intake *intake;

  g_return_if_fail (RF_IS_LEAD_ENGINE (self));
  g_return_if_fail (RF_IS_SIGNAL (signal));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rf_lead_engine_classify_async);
  g_task_set_check_cancellable (task, FALSE);

  intake = g_new0 (Intake, 1);
  intake->signal = rf_signal_copy (signal);
  intake->company = company != NULL ? rf_company_copy (company) : NULL;
  intake->contact = contact != NULL ? rf_contact_copy (contact) : NULL;
  intake->icp_id = icp_id;
  rf_database_run_async (self->database, self, intake_work, intake, (GDestroyNotify) intake_free,
                         (GDestroyNotify) rf_lead_context_free, intake_work, cancellable, intake_cb, task);
}

RfClassifyOutcome *
rf_lead_engine_classify_finish (RfLeadEngine  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Scores stored leads again: by the fast model when Ollama is ready, else
 * by rules; against @icp_id, or each lead's own profile when 0. Returns the
 * number of leads re-scored. */
void
rf_lead_engine_rescore_async (RfLeadEngine        *self,
                              const gint64        *lead_ids,
                              guint                n_lead_ids,
                              gint64               icp_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Batch *batch;

  g_return_if_fail (RF_IS_LEAD_ENGINE (self));

  batch = g_new0 (Batch, 1);
  batch->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (batch->task, rf_lead_engine_rescore_async);
  g_task_set_check_cancellable (batch->task, FALSE);
  batch->remaining = n_lead_ids;
  if (n_lead_ids == 0)
    {
      g_task_return_int (batch->task, 0);
      g_object_unref (batch->task);
      g_free (batch);
      return;
    }
  /* Asked for by a person, likely because Ollama is back: look again. */
  self->status_checked_us = 0;
  for (guint i = 0; i < n_lead_ids; i++)
    {
      Job *job = rf_engine_job_new (self, JOB_RESCORE, lead_ids[i], cancellable);

      job->icp_id = icp_id;
      job->batch = batch;
      g_queue_push_tail (&self->classify_queue, job);
    }
  rf_engine_notify_counts (self);
  rf_engine_pump (self);
}

guint
rf_lead_engine_rescore_finish (RfLeadEngine  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  return (guint) g_task_propagate_int (G_TASK (result), error);
}

/* Asks the rich model for @lead_id's dossier now, whatever its score. */
void
rf_lead_engine_write_dossier_async (RfLeadEngine        *self,
                                    gint64               lead_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Job *job;

  g_return_if_fail (RF_IS_LEAD_ENGINE (self));

  job = rf_engine_job_new (self, JOB_DOSSIER, lead_id, cancellable);
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, rf_lead_engine_write_dossier_async);
  /* Asked for by a person: ahead of background dossiers. */
  g_queue_push_head (&self->dossier_queue, job);
  rf_engine_notify_counts (self);
  rf_engine_pump (self);
}

RfLead *
rf_lead_engine_write_dossier_finish (RfLeadEngine  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Completes when nothing is queued or running (dossiers included). */
void
rf_lead_engine_wait_idle_async (RfLeadEngine        *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RF_IS_LEAD_ENGINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rf_lead_engine_wait_idle_async);
  g_ptr_array_add (self->idle_waiters, task);
  rf_engine_notify_idle (self);
}

gboolean
rf_lead_engine_wait_idle_finish (RfLeadEngine  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Stops all model work: queued jobs end at once, running ones as soon as
 * their request is closed. Every stored lead keeps the score it has. */
void
rf_lead_engine_cancel_all (RfLeadEngine *self)
{
  Job *job;

  g_return_if_fail (RF_IS_LEAD_ENGINE (self));

  for (guint i = 0; i < self->running->len; i++)
    g_cancellable_cancel (((Job *) g_ptr_array_index (self->running, i))->cancellable);

  while ((job = g_queue_pop_head (&self->classify_queue)) != NULL ||
         (job = g_queue_pop_head (&self->dossier_queue)) != NULL)
    {
      g_ptr_array_add (self->running, job);
      if (job->context != NULL && job->kind == JOB_CLASSIFY)
        rf_engine_job_done (job, g_object_ref (job->context->lead),
                  g_error_new (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled")));
      else
        rf_engine_job_done (job, NULL, g_error_new (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled")));
    }
}

/* --- object ------------------------------------------------------------ */

RfLeadEngine *
rf_lead_engine_new (RfDatabase *database,
                    RfConfig   *config)
{
  RfLeadEngine *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RF_IS_DATABASE (database), NULL);
  g_return_val_if_fail (RF_IS_CONFIG (config), NULL);

  self = g_object_new (RF_TYPE_LEAD_ENGINE, NULL);
  self->database = g_object_ref (database);
  self->config = g_object_ref (config);
  self->ollama = rf_ollama_client_new (rf_config_get_ollama_url (config));
  rf_ollama_client_set_token (self->ollama, rf_config_get_ollama_token (config));

  /* Built into the library: failing to load them is a broken build. */
  self->classify_prompt = rf_prompt_load ("classify", &error);
  g_assert_no_error (error);
  self->dossier_prompt = rf_prompt_load ("dossier", &error);
  g_assert_no_error (error);

  g_signal_connect_object (config, "notify::ollama-url", G_CALLBACK (rf_engine_config_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (config, "notify::ollama-token", G_CALLBACK (rf_engine_config_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (config, "notify::fast-model", G_CALLBACK (rf_engine_config_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (config, "notify::rich-model", G_CALLBACK (rf_engine_config_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (config, "notify::parallel", G_CALLBACK (rf_engine_pump), self, G_CONNECT_SWAPPED);
  return self;
}

static void
rf_lead_engine_dispose (GObject *object)
{
  RfLeadEngine *self = RF_LEAD_ENGINE (object);

  if (self->check_cancellable != NULL)
    g_cancellable_cancel (self->check_cancellable);

  G_OBJECT_CLASS (rf_lead_engine_parent_class)->dispose (object);
}

static void
rf_lead_engine_finalize (GObject *object)
{
  RfLeadEngine *self = RF_LEAD_ENGINE (object);

  g_clear_object (&self->database);
  g_clear_object (&self->config);
  g_clear_object (&self->ollama);
  g_clear_object (&self->classify_prompt);
  g_clear_object (&self->dossier_prompt);
  g_clear_object (&self->rules);
  g_clear_object (&self->check_cancellable);
  g_ptr_array_unref (self->running);
  g_ptr_array_unref (self->check_waiters);
  g_ptr_array_unref (self->idle_waiters);
  g_free (self->status_message);

  G_OBJECT_CLASS (rf_lead_engine_parent_class)->finalize (object);
}

static void
rf_lead_engine_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RfLeadEngine *self = RF_LEAD_ENGINE (object);

  switch (prop_id)
    {
    case PROP_OLLAMA_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_STATUS_MESSAGE: g_value_set_string (value, self->status_message); break;
    case PROP_DOSSIERS_ENABLED: g_value_set_boolean (value, self->dossiers_enabled); break;
    case PROP_PENDING: g_value_set_uint (value, rf_lead_engine_get_pending (self)); break;
    case PROP_COMPLETED: g_value_set_uint (value, self->completed); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_lead_engine_class_init (RfLeadEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = rf_lead_engine_dispose;
  object_class->finalize = rf_lead_engine_finalize;
  object_class->get_property = rf_lead_engine_get_property;

  properties[PROP_OLLAMA_STATUS] = g_param_spec_enum ("ollama-status", NULL, NULL, RF_TYPE_OLLAMA_STATUS,
                                                      RF_OLLAMA_STATUS_UNKNOWN, flags);
  properties[PROP_STATUS_MESSAGE] = g_param_spec_string ("status-message", NULL, NULL, NULL, flags);
  properties[PROP_DOSSIERS_ENABLED] = g_param_spec_boolean ("dossiers-enabled", NULL, NULL, FALSE, flags);
  properties[PROP_PENDING] = g_param_spec_uint ("pending", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_COMPLETED] = g_param_spec_uint ("completed", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A model request failed; the lead keeps the rules' score. */
  signals[SIGNAL_OLLAMA_ERROR] = g_signal_new ("ollama-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  /* A lead got its final score or its dossier. */
  signals[SIGNAL_LEAD_SCORED] = g_signal_new ("lead-scored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 1, RF_TYPE_LEAD);
}

static void
rf_lead_engine_init (RfLeadEngine *self)
{
  self->automatic_dossiers = TRUE;
  g_queue_init (&self->classify_queue);
  g_queue_init (&self->dossier_queue);
  self->running = g_ptr_array_new ();
  self->check_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  self->idle_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  self->rules = rf_rules_classifier_new ();
}

RfDatabase *
rf_lead_engine_get_database (RfLeadEngine *self)
{
  g_return_val_if_fail (RF_IS_LEAD_ENGINE (self), NULL);
  return self->database;
}

RfConfig *
rf_lead_engine_get_config (RfLeadEngine *self)
{
  g_return_val_if_fail (RF_IS_LEAD_ENGINE (self), NULL);
  return self->config;
}

RfOllamaClient *
rf_lead_engine_get_ollama (RfLeadEngine *self)
{
  g_return_val_if_fail (RF_IS_LEAD_ENGINE (self), NULL);
  return self->ollama;
}

RfOllamaStatus
rf_lead_engine_get_ollama_status (RfLeadEngine *self)
{
  g_return_val_if_fail (RF_IS_LEAD_ENGINE (self), RF_OLLAMA_STATUS_UNKNOWN);
  return self->status;
}

const char *
rf_lead_engine_get_status_message (RfLeadEngine *self)
{
  g_return_val_if_fail (RF_IS_LEAD_ENGINE (self), NULL);
  return self->status_message;
}

gboolean
rf_lead_engine_get_dossiers_enabled (RfLeadEngine *self)
{
  g_return_val_if_fail (RF_IS_LEAD_ENGINE (self), FALSE);
  return self->dossiers_enabled;
}

/* Whether leads that reach the dossier threshold get a dossier without
 * being asked (the default). Scripts that only want scores turn it off;
 * rf_lead_engine_write_dossier_async() works either way. */
void
rf_lead_engine_set_automatic_dossiers (RfLeadEngine *self,
                                       gboolean      automatic)
{
  g_return_if_fail (RF_IS_LEAD_ENGINE (self));
  self->automatic_dossiers = !!automatic;
}

guint
rf_lead_engine_get_pending (RfLeadEngine *self)
{
  g_return_val_if_fail (RF_IS_LEAD_ENGINE (self), 0);
  return self->running->len + self->classify_queue.length + self->dossier_queue.length;
}

guint
rf_lead_engine_get_completed (RfLeadEngine *self)
{
  g_return_val_if_fail (RF_IS_LEAD_ENGINE (self), 0);
  return self->completed;
}
