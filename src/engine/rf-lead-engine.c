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

#include "rf-answer-anchor.h"
#include "rf-answer-validator.h"
#include "rf-engine-requests.h"
#include "rf-engine-store.h"
#include "rf-lead-engine.h"
#include "rf-prompt.h"
#include "rf-rules-classifier.h"

/* How long an "Ollama is away" verdict stands before it is checked again. */
#define RECHECK_AFTER_US (30 * G_USEC_PER_SEC)

G_DEFINE_ENUM_TYPE (RfOllamaStatus, rf_ollama_status,
  G_DEFINE_ENUM_VALUE (RF_OLLAMA_STATUS_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (RF_OLLAMA_STATUS_CHECKING, "checking"),
  G_DEFINE_ENUM_VALUE (RF_OLLAMA_STATUS_READY, "ready"),
  G_DEFINE_ENUM_VALUE (RF_OLLAMA_STATUS_NOT_RUNNING, "not-running"),
  G_DEFINE_ENUM_VALUE (RF_OLLAMA_STATUS_MODEL_MISSING, "model-missing"))

typedef enum
{
  JOB_CLASSIFY,   /* a fresh lead, already scored by rules */
  JOB_RESCORE,    /* a stored lead, scored again (by the model or rules) */
  JOB_DOSSIER,
} JobKind;

/* Completes one GTask when all its jobs are done (re-scoring many). */
typedef struct
{
  GTask *task;
  guint  remaining;
  guint  rescored;
} Batch;

typedef struct
{
  RfLeadEngine  *engine;
  JobKind        kind;
  gint64         lead_id;
  gint64         icp_id;
  RfLeadContext *context;       /* NULL until loaded */
  GTask         *task;          /* NULL for background work */
  Batch         *batch;         /* or part of a batch */
  GCancellable  *cancellable;   /* the job's own: the caller's or cancel_all */
  gulong         cancelled_id;
  GCancellable  *caller_cancellable;
  gboolean       asked_model;   /* a request was made: its failure is news */
  gint64         started_us;
} Job;

struct _RfLeadEngine
{
  GObject            parent_instance;

  RfDatabase        *database;
  RfConfig          *config;
  RfOllamaClient    *ollama;
  RfPrompt          *classify_prompt;
  RfPrompt          *dossier_prompt;
  RfRulesClassifier *rules;

  GQueue             classify_queue;
  GQueue             dossier_queue;
  GPtrArray         *running;       /* Job* */
  guint              completed;

  RfOllamaStatus     status;
  gboolean           dossiers_enabled;
  char              *status_message;
  gint64             status_checked_us;
  GCancellable      *check_cancellable;
  GPtrArray         *check_waiters; /* GTask* */
  GPtrArray         *idle_waiters;  /* GTask* */
};

enum {
  PROP_0,
  PROP_OLLAMA_STATUS,
  PROP_STATUS_MESSAGE,
  PROP_DOSSIERS_ENABLED,
  PROP_PENDING,
  PROP_COMPLETED,
  N_PROPS
};

enum {
  SIGNAL_OLLAMA_ERROR,
  SIGNAL_LEAD_SCORED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RfLeadEngine, rf_lead_engine, G_TYPE_OBJECT)

static void pump (RfLeadEngine *self);
static void job_continue (Job *job);

void
rf_classify_outcome_free (RfClassifyOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_clear_object (&outcome->lead);
  g_clear_error (&outcome->ollama_error);
  g_free (outcome);
}

/* --- status ------------------------------------------------------------ */

static void
set_status (RfLeadEngine   *self,
            RfOllamaStatus  status,
            gboolean        dossiers_enabled,
            const char     *message)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OLLAMA_STATUS]);
    }
  if (self->dossiers_enabled != dossiers_enabled)
    {
      self->dossiers_enabled = dossiers_enabled;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOSSIERS_ENABLED]);
    }
  if (g_strcmp0 (self->status_message, message) != 0)
    {
      g_free (self->status_message);
      self->status_message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_MESSAGE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_status_from_error (RfLeadEngine *self,
                       const GError *error)
{
  g_autofree char *message = NULL;

  self->status_checked_us = g_get_monotonic_time ();
  if (g_error_matches (error, RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_MODEL_NOT_FOUND))
    {
      message = g_strdup_printf (_("The model %s is not installed. Download it with “ollama pull %s”; "
                                   "until then leads are scored by the built-in rules."),
                                 rf_config_get_fast_model (self->config), rf_config_get_fast_model (self->config));
      set_status (self, RF_OLLAMA_STATUS_MODEL_MISSING, FALSE, message);
    }
  else
    {
      /* Translators: the client's error, which says what to do */
      message = g_strdup_printf (_("%s Until then leads are scored by the built-in rules."), error->message);
      set_status (self, RF_OLLAMA_STATUS_NOT_RUNNING, FALSE, message);
    }
}

static void
finish_check (RfLeadEngine *self)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->check_waiters);

  self->check_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiters->len; i++)
    g_task_return_int (g_ptr_array_index (waiters, i), self->status);
  pump (self);
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
      set_status_from_error (self, error);
      finish_check (self);
      return;
    }

  self->status_checked_us = g_get_monotonic_time ();
  if (!rf_ollama_model_list_has ((const char * const *) models, fast))
    {
      g_autoptr(GError) missing = g_error_new (RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_MODEL_NOT_FOUND, "%s", fast);

      set_status_from_error (self, missing);
    }
  else if (rf_ollama_model_list_has ((const char * const *) models, rich))
    {
      message = g_strdup_printf (_("Ollama is ready: %s scores leads, %s writes dossiers."), fast, rich);
      set_status (self, RF_OLLAMA_STATUS_READY, TRUE, message);
    }
  else
    {
      message = g_strdup_printf (_("Ollama is ready: %s scores leads. %s is not installed, so no dossiers "
                                   "are written until you run “ollama pull %s”."), fast, rich, rich);
      set_status (self, RF_OLLAMA_STATUS_READY, FALSE, message);
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
      set_status_from_error (self, error);
      finish_check (self);
      return;
    }
  rf_ollama_client_list_models_async (self->ollama, self->check_cancellable, list_models_cb, g_object_ref (self));
}

static void
start_check (RfLeadEngine *self)
{
  if (self->status == RF_OLLAMA_STATUS_CHECKING)
    return;
  g_clear_object (&self->check_cancellable);
  self->check_cancellable = g_cancellable_new ();
  set_status (self, RF_OLLAMA_STATUS_CHECKING, self->dossiers_enabled, _("Checking Ollama…"));
  rf_ollama_client_version_async (self->ollama, self->check_cancellable, version_cb, g_object_ref (self));
}

static gboolean
status_needs_check (RfLeadEngine *self)
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
      start_check (self);
    }
}

RfOllamaStatus
rf_lead_engine_check_ollama_finish (RfLeadEngine *self,
                                    GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, self), RF_OLLAMA_STATUS_UNKNOWN);
  return (RfOllamaStatus) g_task_propagate_int (G_TASK (result), NULL);
}

static void
config_changed_cb (RfLeadEngine *self)
{
  rf_ollama_client_set_base_url (self->ollama, rf_config_get_ollama_url (self->config));
  rf_ollama_client_set_token (self->ollama, rf_config_get_ollama_token (self->config));
  if (self->check_cancellable != NULL)
    g_cancellable_cancel (self->check_cancellable);
  /* Re-checked before the next request that needs it. */
  self->status = RF_OLLAMA_STATUS_UNKNOWN;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OLLAMA_STATUS]);
  pump (self);
}

/* --- jobs -------------------------------------------------------------- */

static void
notify_counts (RfLeadEngine *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETED]);
}

static void
job_cancelled_cb (GCancellable *cancellable,
                  Job          *job)
{
  g_cancellable_cancel (job->cancellable);
}

static Job *
job_new (RfLeadEngine *self,
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

static void
job_free (Job *job)
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

static void
enqueue (RfLeadEngine *self,
         Job          *job)
{
  if (job->kind == JOB_DOSSIER)
    g_queue_push_tail (&self->dossier_queue, job);
  else
    g_queue_push_tail (&self->classify_queue, job);
  notify_counts (self);
  pump (self);
}

static void
maybe_queue_dossier (RfLeadEngine *self,
                     RfLead       *lead)
{
  Job *job;

  if (!self->dossiers_enabled || rf_lead_get_dossier (lead) != NULL ||
      rf_lead_get_total_score (lead) < rf_config_get_dossier_threshold (self->config))
    return;
  job = job_new (self, JOB_DOSSIER, rf_lead_get_id (lead), NULL);
  enqueue (self, job);
}

static void
notify_idle (RfLeadEngine *self)
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
static void
job_done (Job    *job,
          RfLead *lead,
          GError *error)
{
  RfLeadEngine *self = g_object_ref (job->engine);

  g_ptr_array_remove (self->running, job);
  self->completed++;

  if (error != NULL && job->asked_model && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_signal_emit (self, signals[SIGNAL_OLLAMA_ERROR], 0, error);
  if (lead != NULL)
    g_signal_emit (self, signals[SIGNAL_LEAD_SCORED], 0, lead);

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
  job_free (job);
  notify_counts (self);
  pump (self);
  notify_idle (self);
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
      job_done (job, NULL, error);
      return;
    }
  job_continue (job);
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
      job_done (saving->job, NULL, error);
    }
  else
    {
      g_clear_error (&error);
      job_done (saving->job, lead, saving->ollama_error);
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
      job_done (job, g_object_ref (job->context->lead), ollama_error);
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
        set_status_from_error (self, error);
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

  job_done (job, lead, error);
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
      job_done (job, NULL, error);
      return;
    }
  dossier = rf_dossier_answer_parse (answer->content, -1, &error);
  if (dossier == NULL)
    {
      GError *bad = g_error_new (RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_BAD_ANSWER, "%s", error->message);

      g_clear_error (&error);
      job_done (job, NULL, bad);
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
static void
job_continue (Job *job)
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
          job_done (job, NULL, g_error_new (RF_OLLAMA_ERROR, RF_OLLAMA_ERROR_MODEL_NOT_FOUND, "%s",
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
static void
pump (RfLeadEngine *self)
{
  while (self->running->len < rf_config_get_parallel (self->config))
    {
      GQueue *queue = self->classify_queue.length > 0 ? &self->classify_queue : &self->dossier_queue;
      Job *job;

      if (queue->length == 0)
        break;
      if (status_needs_check (self))
        start_check (self);
      if (self->status == RF_OLLAMA_STATUS_CHECKING)
        break;

      job = g_queue_pop_head (queue);
      g_ptr_array_add (self->running, job);
      job->started_us = g_get_monotonic_time ();
      job_continue (job);
    }
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

  job = job_new (self, JOB_CLASSIFY, rf_lead_get_id (context->lead), g_task_get_cancellable (task));
  job->context = context;
  job->task = g_steal_pointer (&task);
  enqueue (self, job);
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
      Job *job = job_new (self, JOB_RESCORE, lead_ids[i], cancellable);

      job->icp_id = icp_id;
      job->batch = batch;
      g_queue_push_tail (&self->classify_queue, job);
    }
  notify_counts (self);
  pump (self);
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

  job = job_new (self, JOB_DOSSIER, lead_id, cancellable);
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, rf_lead_engine_write_dossier_async);
  /* Asked for by a person: ahead of background dossiers. */
  g_queue_push_head (&self->dossier_queue, job);
  notify_counts (self);
  pump (self);
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
  notify_idle (self);
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
        job_done (job, g_object_ref (job->context->lead),
                  g_error_new (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled")));
      else
        job_done (job, NULL, g_error_new (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled")));
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

  g_signal_connect_object (config, "notify::ollama-url", G_CALLBACK (config_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (config, "notify::ollama-token", G_CALLBACK (config_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (config, "notify::fast-model", G_CALLBACK (config_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (config, "notify::rich-model", G_CALLBACK (config_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (config, "notify::parallel", G_CALLBACK (pump), self, G_CONNECT_SWAPPED);
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
