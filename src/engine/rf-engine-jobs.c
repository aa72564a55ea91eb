/* rf-engine-jobs.c: the queue: jobs start while there are free slots,
 * load their lead, ask the model (or fall back to rules) and store the
 * result
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-engine"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rf-answer-anchor.h"
#include "rf-answer-validator.h"
#include "rf-engine-requests.h"
#include "rf-lead-engine-private.h"

void
rf_engine_notify_counts (RfLeadEngine *self)
{
  rf_lead_engine_notify (self, PROP_PENDING);
  rf_lead_engine_notify (self, PROP_COMPLETED);
}

static void
job_cancelled_cb (GCancellable *cancellable,
                  Job          *job)
{
  g_cancellable_cancel (job->cancellable);
}

Job *
rf_engine_job_new (RfLeadEngine *self,
                   JobKind       kind,
                   gint64        lead_id,
                   GCancellable *cancellable)
{
  Job *job = g_new0 (Job, 1);

  job->engine = g_object_ref (self);
  job->kind = kind;
  job->lead_id = lead_id;
  job->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      job->caller_cancellable = g_object_ref (cancellable);
      job->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (job_cancelled_cb), job, NULL);
    }
  return job;
}

void
rf_engine_job_free (Job *job)
{
  if (job->caller_cancellable != NULL)
    {
      g_cancellable_disconnect (job->caller_cancellable, job->cancelled_id);
      g_object_unref (job->caller_cancellable);
    }
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->context, rf_lead_context_free);
  g_clear_object (&job->task);
  g_clear_object (&job->engine);
  g_free (job);
}

void
rf_engine_enqueue (RfLeadEngine *self,
                   Job          *job)
{
  if (job->kind == JOB_DOSSIER)
    g_queue_push_tail (&self->dossier_queue, job);
  else
    g_queue_push_tail (&self->classify_queue, job);
  rf_engine_notify_counts (self);
  rf_engine_pump (self);
}

static void
maybe_queue_dossier (RfLeadEngine *self,
                     RfLead       *lead)
{
  Job *job;

  if (!self->dossiers_enabled || !self->automatic_dossiers || rf_lead_get_dossier (lead) != NULL ||
      rf_lead_get_total_score (lead) < rf_config_get_dossier_threshold (self->config))
    return;
  job = rf_engine_job_new (self, JOB_DOSSIER, rf_lead_get_id (lead), NULL);
  rf_engine_enqueue (self, job);
}

void
rf_engine_notify_idle (RfLeadEngine *self)
{
  g_autoptr(GPtrArray) waiters = NULL;

  if (self->running->len > 0 || self->classify_queue.length > 0 || self->dossier_queue.length > 0 ||
      self->idle_waiters->len == 0)
    return;
  waiters = g_steal_pointer (&self->idle_waiters);
  self->idle_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiters->len; i++)
    g_task_return_boolean (g_ptr_array_index (waiters, i), TRUE);
}

static void
batch_job_done (Batch    *batch,
                gboolean  rescored)
{
  if (rescored)
    batch->rescored++;
  if (--batch->remaining > 0)
    return;
  g_task_return_int (batch->task, batch->rescored);
  g_object_unref (batch->task);
  g_free (batch);
}

/* Ends @job: its lead (when it has one) to the caller, @error as the
 * reason the model did not score it. Takes @lead and @error. */
void
rf_engine_job_done (Job    *job,
                    RfLead *lead,
                    GError *error)
{
  RfLeadEngine *self = g_object_ref (job->engine);

  g_ptr_array_remove (self->running, job);
  self->completed++;

  if (error != NULL && job->asked_model && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    rf_lead_engine_emit (self, SIGNAL_OLLAMA_ERROR, error);
  if (lead != NULL)
    rf_lead_engine_emit (self, SIGNAL_LEAD_SCORED, lead);

  if (job->task != NULL && job->kind == JOB_CLASSIFY)
    {
      RfClassifyOutcome *outcome = g_new0 (RfClassifyOutcome, 1);

      outcome->lead = lead != NULL ? g_object_ref (lead) : g_object_ref (job->context->lead);
      outcome->ollama_error = error != NULL ? g_error_copy (error) : NULL;
      g_task_return_pointer (job->task, outcome, (GDestroyNotify) rf_classify_outcome_free);
    }
  else if (job->task != NULL && lead != NULL)
    g_task_return_pointer (job->task, g_object_ref (lead), g_object_unref);
  else if (job->task != NULL)
    g_task_return_error (job->task, error != NULL ? g_error_copy (error)
                         : g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, _("The lead could not be scored")));
  if (job->batch != NULL)
    batch_job_done (job->batch, lead != NULL);

  if (lead != NULL && job->kind != JOB_DOSSIER)
    maybe_queue_dossier (self, lead);

  g_clear_object (&lead);
  g_clear_error (&error);
  rf_engine_job_free (job);
  rf_engine_notify_counts (self);
  rf_engine_pump (self);
  rf_engine_notify_idle (self);
  g_object_unref (self);
}

static gpointer
load_context_work (RfDatabase    *database,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  Job *job = data;

  return rf_engine_store_load_in_thread (database, job->lead_id, job->icp_id, error);
}

static void
load_context_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Job *job = user_data;
  GError *error = NULL;

  job->context = rf_database_run_finish (RF_LEAD_ENGINE (source)->database, result, load_context_work, &error);
  if (job->context == NULL)
    {
      rf_engine_job_done (job, NULL, error);
      return;
    }
  rf_engine_job_continue (job);
}

typedef struct
{
  gint64            lead_id;
  gint64            icp_id;
  RfClassification *classification;
} SaveScore;

static void
save_score_free (SaveScore *save)
{
  g_clear_object (&save->classification);
  g_free (save);
}

static gpointer
save_score_work (RfDatabase    *database,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  SaveScore *save = data;

  return rf_engine_store_save_score_in_thread (database, save->lead_id, save->icp_id, save->classification, error);
}

typedef struct
{
  Job    *job;
  GError *ollama_error;
} Saving;

static void
save_score_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Saving *saving = user_data;
  GError *error = NULL;
  RfLead *lead = rf_database_run_finish (RF_LEAD_ENGINE (source)->database, result, save_score_work, &error);

  if (lead == NULL)
    {
      /* The store failed: the lead keeps its earlier score. */
      g_clear_error (&saving->ollama_error);
      rf_engine_job_done (saving->job, NULL, error);
    }
  else
    {
      g_clear_error (&error);
      rf_engine_job_done (saving->job, lead, saving->ollama_error);
    }
  g_free (saving);
}

static void
save_score (Job              *job,
            RfClassification *classification,
            GError           *ollama_error)
{
  SaveScore *save = g_new0 (SaveScore, 1);
  Saving *saving = g_new0 (Saving, 1);

  save->lead_id = rf_lead_get_id (job->context->lead);
  save->icp_id = job->context->profile != NULL ? rf_icp_profile_get_id (job->context->profile) : 0;
  save->classification = g_object_ref (classification);
  saving->job = job;
  saving->ollama_error = ollama_error;
  /* Not cancellable: a score that was computed is kept. */
  rf_database_run_async (job->engine->database, job->engine, save_score_work, save,
                         (GDestroyNotify) save_score_free, g_object_unref, save_score_work,
                         NULL, save_score_cb, saving);
}

/* The model could not score: a fresh lead keeps its rules score; a lead
 * being re-scored gets the rules' score against its (maybe new) profile. */
static void
fall_back_to_rules (Job    *job,
                    GError *ollama_error)
{
  g_autoptr(RfClassification) classification = NULL;

  if (job->kind == JOB_CLASSIFY || g_error_matches (ollama_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      rf_engine_job_done (job, g_object_ref (job->context->lead), ollama_error);
      return;
    }
  classification = rf_rules_classifier_classify (job->engine->rules, job->context->profile, job->context->signal,
                                                 job->context->company, job->context->contact);
  save_score (job, classification, ollama_error);
}

static void
classify_chat_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Job *job = user_data;
  RfLeadEngine *self = job->engine;
  GError *error = NULL;
  g_autoptr(RfOllamaChatResult) answer = rf_ollama_client_chat_finish (RF_OLLAMA_CLIENT (source), result, &error);
  g_autoptr(RfClassification) parsed = NULL;
  g_autoptr(RfClassification) rules = NULL;
  g_autoptr(RfClassification) final = NULL;
  g_autofree char *classifier = NULL;

  if (answer == NULL)
    {
      if (g_error_matches (error, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_NOT_RUNNING) ||
          g_error_matches (error, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_MODEL_NOT_FOUND))
        rf_engine_set_status_from_error (self, error);
      fall_back_to_rules (job, error);
      return;
    }

  parsed = rf_classification_answer_parse (answer->content, -1, &error);
  if (parsed == NULL)
    {
      GError *bad = g_error_new (RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_BAD_ANSWER, "%s", error->message);

      g_clear_error (&error);
      fall_back_to_rules (job, bad);
      return;
    }

  rules = rf_rules_classifier_classify (self->rules, job->context->profile, job->context->signal,
                                        job->context->company, job->context->contact);
  classifier = g_strconcat ("ollama:", rf_config_get_fast_model (self->config), NULL);
  final = rf_answer_anchor (parsed, rules, rf_signal_get_raw_text (job->context->signal), classifier,
                            rf_prompt_get_version (self->classify_prompt));
  save_score (job, final, NULL);
}

typedef struct
{
  gint64     lead_id;
  RfDossier *dossier;
} SaveDossier;

static void
save_dossier_free (SaveDossier *save)
{
  g_clear_object (&save->dossier);
  g_free (save);
}

static gpointer
save_dossier_work (RfDatabase    *database,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  SaveDossier *save = data;

  return rf_engine_store_save_dossier_in_thread (database, save->lead_id, save->dossier, error);
}

static void
save_dossier_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Job *job = user_data;
  GError *error = NULL;
  RfLead *lead = rf_database_run_finish (RF_LEAD_ENGINE (source)->database, result, save_dossier_work, &error);

  rf_engine_job_done (job, lead, error);
}

static void
dossier_chat_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Job *job = user_data;
  RfLeadEngine *self = job->engine;
  GError *error = NULL;
  g_autoptr(RfOllamaChatResult) answer = rf_ollama_client_chat_finish (RF_OLLAMA_CLIENT (source), result, &error);
  g_autoptr(RfDossier) dossier = NULL;
  SaveDossier *save;

  if (answer == NULL)
    {
      rf_engine_job_done (job, NULL, error);
      return;
    }
  dossier = rf_dossier_answer_parse (answer->content, -1, &error);
  if (dossier == NULL)
    {
      GError *bad = g_error_new (RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_BAD_ANSWER, "%s", error->message);

      g_clear_error (&error);
      rf_engine_job_done (job, NULL, bad);
      return;
    }
  rf_dossier_set_model (dossier, rf_config_get_rich_model (self->config));
  rf_dossier_set_created_at (dossier, g_get_real_time () / G_USEC_PER_SEC);

  save = g_new0 (SaveDossier, 1);
  save->lead_id = job->lead_id;
  save->dossier = g_steal_pointer (&dossier);
  rf_database_run_async (self->database, self, save_dossier_work, save, (GDestroyNotify) save_dossier_free,
                         g_object_unref, save_dossier_work, NULL, save_dossier_cb, job);
}

/* Runs the next step of @job: load, then ask the model (or fall back). */
void
rf_engine_job_continue (Job *job)
{
  RfLeadEngine *self = job->engine;
  g_autoptr(RfOllamaChatRequest) request = NULL;

  if (job->context == NULL)
    {
      rf_database_run_async (self->database, self, load_context_work, job, NULL,
                             (GDestroyNotify) rf_lead_context_free, load_context_work,
                             job->cancellable, load_context_cb, job);
      return;
    }

  if (job->kind == JOB_DOSSIER)
    {
      if (!self->dossiers_enabled)
        {
          rf_engine_job_done (job, NULL, g_error_new (RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_MODEL_NOT_FOUND, "%s",
                                            self->status_message != NULL ? self->status_message
                                                                          : _("Ollama is not ready")));
          return;
        }
      job->asked_model = TRUE;
      request = rf_engine_dossier_request (self->dossier_prompt, rf_config_get_rich_model (self->config), job->context);
      rf_ollama_client_chat_async (self->ollama, request, job->cancellable, dossier_chat_cb, job);
      return;
    }

  if (self->status != RF_OLLAMA_STATUS_READY)
    {
      /* Known already (the status says so): no news, but the caller
       * learns why this lead has the rules' score. */
      fall_back_to_rules (job, g_error_new (RF_OLLAMA_ERROR,
                                            self->status == RF_OLLAMA_STATUS_MODEL_MISSING
                                              ? RF_OLLAMA_ERROR_MODEL_NOT_FOUND : RF_OLLAMA_ERROR_NOT_RUNNING,
                                            "%s", self->status_message != NULL ? self->status_message
                                                                                : _("Ollama is not reachable")));
      return;
    }
  job->asked_model = TRUE;
  request = rf_engine_classify_request (self->classify_prompt, rf_config_get_fast_model (self->config), job->context);
  rf_ollama_client_chat_async (self->ollama, request, job->cancellable, classify_chat_cb, job);
}

/* Starts queued jobs while there are free slots. Every job may talk to
 * Ollama, so while its state is unknown the queue waits for one check. */
void
rf_engine_pump (RfLeadEngine *self)
{
  while (self->running->len < rf_config_get_parallel (self->config))
    {
      GQueue *queue = self->classify_queue.length > 0 ? &self->classify_queue : &self->dossier_queue;
      Job *job;

      if (queue->length == 0)
        break;
      if (rf_engine_status_needs_check (self))
        rf_engine_start_check (self);
      if (self->status == RF_OLLAMA_STATUS_CHECKING)
        break;

      job = g_queue_pop_head (queue);
      g_ptr_array_add (self->running, job);
      job->started_us = g_get_monotonic_time ();
      rf_engine_job_continue (job);
    }
}

