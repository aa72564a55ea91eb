/* rf-lead-engine-private.h: what the engine's files share: its state,
 * its jobs, and the status and queue functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-engine-store.h"
#include "rf-lead-engine.h"
#include "rf-prompt.h"
#include "rf-rules-classifier.h"

G_BEGIN_DECLS

/* How long an "Ollama is away" verdict stands before it is checked again. */
#define RECHECK_AFTER_US (30 * G_USEC_PER_SEC)

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
  gboolean           automatic_dossiers; /* hot leads get one unasked */
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

/* rf-lead-engine.c */
void     rf_lead_engine_notify          (RfLeadEngine   *self,
                                         guint           prop);
void     rf_lead_engine_emit            (RfLeadEngine   *self,
                                         guint           signal,
                                         gpointer        argument);

/* rf-engine-status.c */
void     rf_engine_set_status           (RfLeadEngine   *self,
                                         RfOllamaStatus  status,
                                         gboolean        dossiers_enabled,
                                         const char     *message);
void     rf_engine_set_status_from_error (RfLeadEngine  *self,
                                          const GError  *error);
void     rf_engine_start_check          (RfLeadEngine   *self);
gboolean rf_engine_status_needs_check   (RfLeadEngine   *self);
void     rf_engine_config_changed_cb    (RfLeadEngine   *self);

/* rf-engine-jobs.c */
Job     *rf_engine_job_new              (RfLeadEngine   *self,
                                         JobKind         kind,
                                         gint64          lead_id,
                                         GCancellable   *cancellable);
void     rf_engine_job_free             (Job            *job);
void     rf_engine_enqueue              (RfLeadEngine   *self,
                                         Job            *job);
void     rf_engine_pump                 (RfLeadEngine   *self);
void     rf_engine_notify_idle          (RfLeadEngine   *self);
void     rf_engine_notify_counts        (RfLeadEngine   *self);
void     rf_engine_job_done             (Job            *job,
                                         RfLead         *lead,
                                         GError         *error);
void     rf_engine_job_continue         (Job            *job);

G_END_DECLS
