/* rf-classification.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-model"

#include "rf-classification.h"
#include "rf-model-private.h"

struct _RfClassification
{
  GObject parent_instance;

  gboolean icp_match;
  char *size_bucket;
  char *role_type;
  double score_fit;
  double score_pain;
  double score_data_quality;
  char **pain_tags;
  char *spin_situation;
  char *spin_problem;
  char *spin_implication;
  char *spin_need_payoff;
  char *meddic_economic_buyer;
  char *meddic_key_pain;
  char **meddic_chaos_flags;
  char *classifier;
  char *prompt_version;
  char *explanation;
  char **matched_criteria;
  char **matched_keywords;
  char **repairs;
};

G_DEFINE_FINAL_TYPE (RfClassification, rf_classification, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ICP_MATCH,
  PROP_SIZE_BUCKET,
  PROP_ROLE_TYPE,
  PROP_SCORE_FIT,
  PROP_SCORE_PAIN,
  PROP_SCORE_DATA_QUALITY,
  PROP_PAIN_TAGS,
  PROP_SPIN_SITUATION,
  PROP_SPIN_PROBLEM,
  PROP_SPIN_IMPLICATION,
  PROP_SPIN_NEED_PAYOFF,
  PROP_MEDDIC_ECONOMIC_BUYER,
  PROP_MEDDIC_KEY_PAIN,
  PROP_MEDDIC_CHAOS_FLAGS,
  PROP_CLASSIFIER,
  PROP_PROMPT_VERSION,
  PROP_EXPLANATION,
  PROP_MATCHED_CRITERIA,
  PROP_MATCHED_KEYWORDS,
  PROP_REPAIRS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rf_classification_finalize (GObject *object)
{
  RfClassification *self = (RfClassification *)object;

  g_free (self->size_bucket);
  g_free (self->role_type);
  g_strfreev (self->pain_tags);
  g_free (self->spin_situation);
  g_free (self->spin_problem);
  g_free (self->spin_implication);
  g_free (self->spin_need_payoff);
  g_free (self->meddic_economic_buyer);
  g_free (self->meddic_key_pain);
  g_strfreev (self->meddic_chaos_flags);
  g_free (self->classifier);
  g_free (self->prompt_version);
  g_free (self->explanation);
  g_strfreev (self->matched_criteria);
  g_strfreev (self->matched_keywords);
  g_strfreev (self->repairs);

  G_OBJECT_CLASS (rf_classification_parent_class)->finalize (object);
}

static void
rf_classification_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RfClassification *self = RF_CLASSIFICATION (object);

  switch (prop_id)
    {
    case PROP_ICP_MATCH:
      g_value_set_boolean (value, self->icp_match);
      break;

    case PROP_SIZE_BUCKET:
      g_value_set_string (value, self->size_bucket);
      break;

    case PROP_ROLE_TYPE:
      g_value_set_string (value, self->role_type);
      break;

    case PROP_SCORE_FIT:
      g_value_set_double (value, self->score_fit);
      break;

    case PROP_SCORE_PAIN:
      g_value_set_double (value, self->score_pain);
      break;

    case PROP_SCORE_DATA_QUALITY:
      g_value_set_double (value, self->score_data_quality);
      break;

    case PROP_PAIN_TAGS:
      g_value_set_boxed (value, self->pain_tags);
      break;

    case PROP_SPIN_SITUATION:
      g_value_set_string (value, self->spin_situation);
      break;

    case PROP_SPIN_PROBLEM:
      g_value_set_string (value, self->spin_problem);
      break;

    case PROP_SPIN_IMPLICATION:
      g_value_set_string (value, self->spin_implication);
      break;

    case PROP_SPIN_NEED_PAYOFF:
      g_value_set_string (value, self->spin_need_payoff);
      break;

    case PROP_MEDDIC_ECONOMIC_BUYER:
      g_value_set_string (value, self->meddic_economic_buyer);
      break;

    case PROP_MEDDIC_KEY_PAIN:
      g_value_set_string (value, self->meddic_key_pain);
      break;

    case PROP_MEDDIC_CHAOS_FLAGS:
      g_value_set_boxed (value, self->meddic_chaos_flags);
      break;

    case PROP_CLASSIFIER:
      g_value_set_string (value, self->classifier);
      break;

    case PROP_PROMPT_VERSION:
      g_value_set_string (value, self->prompt_version);
      break;

    case PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;

    case PROP_MATCHED_CRITERIA:
      g_value_set_boxed (value, self->matched_criteria);
      break;

    case PROP_MATCHED_KEYWORDS:
      g_value_set_boxed (value, self->matched_keywords);
      break;

    case PROP_REPAIRS:
      g_value_set_boxed (value, self->repairs);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_classification_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RfClassification *self = RF_CLASSIFICATION (object);

  switch (prop_id)
    {
    case PROP_ICP_MATCH:
      rf_classification_set_icp_match (self, g_value_get_boolean (value));
      break;

    case PROP_SIZE_BUCKET:
      rf_classification_set_size_bucket (self, g_value_get_string (value));
      break;

    case PROP_ROLE_TYPE:
      rf_classification_set_role_type (self, g_value_get_string (value));
      break;

    case PROP_SCORE_FIT:
      rf_classification_set_score_fit (self, g_value_get_double (value));
      break;

    case PROP_SCORE_PAIN:
      rf_classification_set_score_pain (self, g_value_get_double (value));
      break;

    case PROP_SCORE_DATA_QUALITY:
      rf_classification_set_score_data_quality (self, g_value_get_double (value));
      break;

    case PROP_PAIN_TAGS:
      rf_classification_set_pain_tags (self, g_value_get_boxed (value));
      break;

    case PROP_SPIN_SITUATION:
      rf_classification_set_spin_situation (self, g_value_get_string (value));
      break;

    case PROP_SPIN_PROBLEM:
      rf_classification_set_spin_problem (self, g_value_get_string (value));
      break;

    case PROP_SPIN_IMPLICATION:
      rf_classification_set_spin_implication (self, g_value_get_string (value));
      break;

    case PROP_SPIN_NEED_PAYOFF:
      rf_classification_set_spin_need_payoff (self, g_value_get_string (value));
      break;

    case PROP_MEDDIC_ECONOMIC_BUYER:
      rf_classification_set_meddic_economic_buyer (self, g_value_get_string (value));
      break;

    case PROP_MEDDIC_KEY_PAIN:
      rf_classification_set_meddic_key_pain (self, g_value_get_string (value));
      break;

    case PROP_MEDDIC_CHAOS_FLAGS:
      rf_classification_set_meddic_chaos_flags (self, g_value_get_boxed (value));
      break;

    case PROP_CLASSIFIER:
      rf_classification_set_classifier (self, g_value_get_string (value));
      break;

    case PROP_PROMPT_VERSION:
      rf_classification_set_prompt_version (self, g_value_get_string (value));
      break;

    case PROP_EXPLANATION:
      rf_classification_set_explanation (self, g_value_get_string (value));
      break;

    case PROP_MATCHED_CRITERIA:
      rf_classification_set_matched_criteria (self, g_value_get_boxed (value));
      break;

    case PROP_MATCHED_KEYWORDS:
      rf_classification_set_matched_keywords (self, g_value_get_boxed (value));
      break;

    case PROP_REPAIRS:
      rf_classification_set_repairs (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_classification_class_init (RfClassificationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rf_classification_finalize;
  object_class->get_property = rf_classification_get_property;
  object_class->set_property = rf_classification_set_property;

  /* Whether the signal matches the profile. */
  properties[PROP_ICP_MATCH] =
    g_param_spec_boolean ("icp-match", NULL, NULL, FALSE, RF_PARAM_RW);
  /* Estimated company size bucket. */
  properties[PROP_SIZE_BUCKET] =
    g_param_spec_string ("size-bucket", NULL, NULL, NULL, RF_PARAM_RW);
  /* Kind of marketing role, e.g. first_marketer. */
  properties[PROP_ROLE_TYPE] =
    g_param_spec_string ("role-type", NULL, NULL, NULL, RF_PARAM_RW);
  /* Profile fit, 0-50. */
  properties[PROP_SCORE_FIT] =
    g_param_spec_double ("score-fit", NULL, NULL,
                          -G_MAXDOUBLE, G_MAXDOUBLE, 0, RF_PARAM_RW);
  /* Marketing pain, 0-40. */
  properties[PROP_SCORE_PAIN] =
    g_param_spec_double ("score-pain", NULL, NULL,
                          -G_MAXDOUBLE, G_MAXDOUBLE, 0, RF_PARAM_RW);
  /* Data quality, 0-10. */
  properties[PROP_SCORE_DATA_QUALITY] =
    g_param_spec_double ("score-data-quality", NULL, NULL,
                          -G_MAXDOUBLE, G_MAXDOUBLE, 0, RF_PARAM_RW);
  /* Tags for the pain found. */
  properties[PROP_PAIN_TAGS] =
    g_param_spec_boxed ("pain-tags", NULL, NULL, G_TYPE_STRV, RF_PARAM_RW);
  /* SPIN: situation. */
  properties[PROP_SPIN_SITUATION] =
    g_param_spec_string ("spin-situation", NULL, NULL, NULL, RF_PARAM_RW);
  /* SPIN: problem. */
  properties[PROP_SPIN_PROBLEM] =
    g_param_spec_string ("spin-problem", NULL, NULL, NULL, RF_PARAM_RW);
  /* SPIN: implication. */
  properties[PROP_SPIN_IMPLICATION] =
    g_param_spec_string ("spin-implication", NULL, NULL, NULL, RF_PARAM_RW);
  /* SPIN: need-payoff. */
  properties[PROP_SPIN_NEED_PAYOFF] =
    g_param_spec_string ("spin-need-payoff", NULL, NULL, NULL, RF_PARAM_RW);
  /* MEDDIC-lite: economic buyer. */
  properties[PROP_MEDDIC_ECONOMIC_BUYER] =
    g_param_spec_string ("meddic-economic-buyer", NULL, NULL, NULL, RF_PARAM_RW);
  /* MEDDIC-lite: key pain. */
  properties[PROP_MEDDIC_KEY_PAIN] =
    g_param_spec_string ("meddic-key-pain", NULL, NULL, NULL, RF_PARAM_RW);
  /* MEDDIC-lite: chaos flags. */
  properties[PROP_MEDDIC_CHAOS_FLAGS] =
    g_param_spec_boxed ("meddic-chaos-flags", NULL, NULL, G_TYPE_STRV, RF_PARAM_RW);
  /* Which classifier decided: "rules" or "ollama:<model>". */
  properties[PROP_CLASSIFIER] =
    g_param_spec_string ("classifier", NULL, NULL, NULL, RF_PARAM_RW);
  /* Version of the prompt used, if any. */
  properties[PROP_PROMPT_VERSION] =
    g_param_spec_string ("prompt-version", NULL, NULL, NULL, RF_PARAM_RW);
  /* Why it scored so, readable text. */
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL, RF_PARAM_RW);
  /* Profile criteria that matched. */
  properties[PROP_MATCHED_CRITERIA] =
    g_param_spec_boxed ("matched-criteria", NULL, NULL, G_TYPE_STRV, RF_PARAM_RW);
  /* Keywords that matched. */
  properties[PROP_MATCHED_KEYWORDS] =
    g_param_spec_boxed ("matched-keywords", NULL, NULL, G_TYPE_STRV, RF_PARAM_RW);
  /* What was repaired in the model answer. */
  properties[PROP_REPAIRS] =
    g_param_spec_boxed ("repairs", NULL, NULL, G_TYPE_STRV, RF_PARAM_RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rf_classification_init (RfClassification *self)
{
}

RfClassification *
rf_classification_new (void)
{
  return g_object_new (RF_TYPE_CLASSIFICATION, NULL);
}

/* A deep copy: a snapshot another thread may own. */
RfClassification *
rf_classification_copy (RfClassification *self)
{
  RfClassification *copy;

  g_return_val_if_fail (RF_IS_CLASSIFICATION (self), NULL);

  copy = rf_classification_new ();
  copy->icp_match = self->icp_match;
  copy->size_bucket = g_strdup (self->size_bucket);
  copy->role_type = g_strdup (self->role_type);
  copy->score_fit = self->score_fit;
  copy->score_pain = self->score_pain;
  copy->score_data_quality = self->score_data_quality;
  copy->pain_tags = g_strdupv (self->pain_tags);
  copy->spin_situation = g_strdup (self->spin_situation);
  copy->spin_problem = g_strdup (self->spin_problem);
  copy->spin_implication = g_strdup (self->spin_implication);
  copy->spin_need_payoff = g_strdup (self->spin_need_payoff);
  copy->meddic_economic_buyer = g_strdup (self->meddic_economic_buyer);
  copy->meddic_key_pain = g_strdup (self->meddic_key_pain);
  copy->meddic_chaos_flags = g_strdupv (self->meddic_chaos_flags);
  copy->classifier = g_strdup (self->classifier);
  copy->prompt_version = g_strdup (self->prompt_version);
  copy->explanation = g_strdup (self->explanation);
  copy->matched_criteria = g_strdupv (self->matched_criteria);
  copy->matched_keywords = g_strdupv (self->matched_keywords);
  copy->repairs = g_strdupv (self->repairs);

  return copy;
}

gboolean
rf_classification_get_icp_match (RfClassification *self)
{
  g_return_val_if_fail (RF_IS_CLASSIFICATION (self), FALSE);

  return self->icp_match;
}

void
rf_classification_set_icp_match (RfClassification *self,
                                 gboolean          value)
{
  g_return_if_fail (RF_IS_CLASSIFICATION (self));

  if (rf_model_set_boolean (&self->icp_match, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICP_MATCH]);
}

const char *
rf_classification_get_size_bucket (RfClassification *self)
{
  g_return_val_if_fail (RF_IS_CLASSIFICATION (self), NULL);

  return self->size_bucket;
}

void
rf_classification_set_size_bucket (RfClassification *self,
                                   const char       *value)
{
  g_return_if_fail (RF_IS_CLASSIFICATION (self));

  if (rf_model_set_string (&self->size_bucket, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE_BUCKET]);
}

const char *
rf_classification_get_role_type (RfClassification *self)
{
  g_return_val_if_fail (RF_IS_CLASSIFICATION (self), NULL);

  return self->role_type;
}

void
rf_classification_set_role_type (RfClassification *self,
                                 const char       *value)
{
  g_return_if_fail (RF_IS_CLASSIFICATION (self));

  if (rf_model_set_string (&self->role_type, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE_TYPE]);
}

double
rf_classification_get_score_fit (RfClassification *self)
{
  g_return_val_if_fail (RF_IS_CLASSIFICATION (self), 0.0);

  return self->score_fit;
}

void
rf_classification_set_score_fit (RfClassification *self,
                                 double            value)
{
  g_return_if_fail (RF_IS_CLASSIFICATION (self));

  if (rf_model_set_double (&self->score_fit, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE_FIT]);
}

double
rf_classification_get_score_pain (RfClassification *self)
{
  g_return_val_if_fail (RF_IS_CLASSIFICATION (self), 0.0);

  return self->score_pain;
}

void
rf_classification_set_score_pain (RfClassification *self,
                                  double            value)
{
  g_return_if_fail (RF_IS_CLASSIFICATION (self));

  if (rf_model_set_double (&self->score_pain, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE_PAIN]);
}

double
rf_classification_get_score_data_quality (RfClassification *self)
{
  g_return_val_if_fail (RF_IS_CLASSIFICATION (self), 0.0);

  return self->score_data_quality;
}

void
rf_classification_set_score_data_quality (RfClassification *self,
                                          double            value)
{
  g_return_if_fail (RF_IS_CLASSIFICATION (self));

  if (rf_model_set_double (&self->score_data_quality, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE_DATA_QUALITY]);
}

const char * const *
rf_classification_get_pain_tags (RfClassification *self)
{
  g_return_val_if_fail (RF_IS_CLASSIFICATION (self), NULL);

  return (const char * const *)self->pain_tags;
}

void
rf_classification_set_pain_tags (RfClassification   *self,
                                 const char * const *value)
{
  g_return_if_fail (RF_IS_CLASSIFICATION (self));

  if (rf_model_set_strv (&self->pain_tags, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAIN_TAGS]);
}

const char *
rf_classification_get_spin_situation (RfClassification *self)
{
  g_return_val_if_fail (RF_IS_CLASSIFICATION (self), NULL);

  return self->spin_situation;
}

void
rf_classification_set_spin_situation (RfClassification *self,
                                      const char       *value)
{
  g_return_if_fail (RF_IS_CLASSIFICATION (self));

  if (rf_model_set_string (&self->spin_situation, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPIN_SITUATION]);
}

const char *
rf_classification_get_spin_problem (RfClassification *self)
{
  g_return_val_if_fail (RF_IS_CLASSIFICATION (self), NULL);

  return self->spin_problem;
}

void
rf_classification_set_spin_problem (RfClassification *self,
                                    const char       *value)
{
  g_return_if_fail (RF_IS_CLASSIFICATION (self));

  if (rf_model_set_string (&self->spin_problem, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPIN_PROBLEM]);
}

const char *
rf_classification_get_spin_implication (RfClassification *self)
{
  g_return_val_if_fail (RF_IS_CLASSIFICATION (self), NULL);

  return self->spin_implication;
}

void
rf_classification_set_spin_implication (RfClassification *self,
                                        const char       *value)
{
  g_return_if_fail (RF_IS_CLASSIFICATION (self));

  if (rf_model_set_string (&self->spin_implication, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPIN_IMPLICATION]);
}

const char *
rf_classification_get_spin_need_payoff (RfClassification *self)
{
  g_return_val_if_fail (RF_IS_CLASSIFICATION (self), NULL);

  return self->spin_need_payoff;
}

void
rf_classification_set_spin_need_payoff (RfClassification *self,
                                        const char       *value)
{
  g_return_if_fail (RF_IS_CLASSIFICATION (self));

  if (rf_model_set_string (&self->spin_need_payoff, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPIN_NEED_PAYOFF]);
}

const char *
rf_classification_get_meddic_economic_buyer (RfClassification *self)
{
  g_return_val_if_fail (RF_IS_CLASSIFICATION (self), NULL);

  return self->meddic_economic_buyer;
}

void
rf_classification_set_meddic_economic_buyer (RfClassification *self,
                                             const char       *value)
{
  g_return_if_fail (RF_IS_CLASSIFICATION (self));

  if (rf_model_set_string (&self->meddic_economic_buyer, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEDDIC_ECONOMIC_BUYER]);
}

const char *
rf_classification_get_meddic_key_pain (RfClassification *self)
{
  g_return_val_if_fail (RF_IS_CLASSIFICATION (self), NULL);

  return self->meddic_key_pain;
}

void
rf_classification_set_meddic_key_pain (RfClassification *self,
                                       const char       *value)
{
  g_return_if_fail (RF_IS_CLASSIFICATION (self));

  if (rf_model_set_string (&self->meddic_key_pain, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEDDIC_KEY_PAIN]);
}

const char * const *
rf_classification_get_meddic_chaos_flags (RfClassification *self)
{
  g_return_val_if_fail (RF_IS_CLASSIFICATION (self), NULL);

  return (const char * const *)self->meddic_chaos_flags;
}

void
rf_classification_set_meddic_chaos_flags (RfClassification   *self,
                                          const char * const *value)
{
  g_return_if_fail (RF_IS_CLASSIFICATION (self));

  if (rf_model_set_strv (&self->meddic_chaos_flags, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEDDIC_CHAOS_FLAGS]);
}

const char *
rf_classification_get_classifier (RfClassification *self)
{
  g_return_val_if_fail (RF_IS_CLASSIFICATION (self), NULL);

  return self->classifier;
}

void
rf_classification_set_classifier (RfClassification *self,
                                  const char       *value)
{
  g_return_if_fail (RF_IS_CLASSIFICATION (self));

  if (rf_model_set_string (&self->classifier, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLASSIFIER]);
}

const char *
rf_classification_get_prompt_version (RfClassification *self)
{
  g_return_val_if_fail (RF_IS_CLASSIFICATION (self), NULL);

  return self->prompt_version;
}

void
rf_classification_set_prompt_version (RfClassification *self,
                                      const char       *value)
{
  g_return_if_fail (RF_IS_CLASSIFICATION (self));

  if (rf_model_set_string (&self->prompt_version, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROMPT_VERSION]);
}

const char *
rf_classification_get_explanation (RfClassification *self)
{
  g_return_val_if_fail (RF_IS_CLASSIFICATION (self), NULL);

  return self->explanation;
}

void
rf_classification_set_explanation (RfClassification *self,
                                   const char       *value)
{
  g_return_if_fail (RF_IS_CLASSIFICATION (self));

  if (rf_model_set_string (&self->explanation, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLANATION]);
}

const char * const *
rf_classification_get_matched_criteria (RfClassification *self)
{
  g_return_val_if_fail (RF_IS_CLASSIFICATION (self), NULL);

  return (const char * const *)self->matched_criteria;
}

void
rf_classification_set_matched_criteria (RfClassification   *self,
                                        const char * const *value)
{
  g_return_if_fail (RF_IS_CLASSIFICATION (self));

  if (rf_model_set_strv (&self->matched_criteria, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCHED_CRITERIA]);
}

const char * const *
rf_classification_get_matched_keywords (RfClassification *self)
{
  g_return_val_if_fail (RF_IS_CLASSIFICATION (self), NULL);

  return (const char * const *)self->matched_keywords;
}

void
rf_classification_set_matched_keywords (RfClassification   *self,
                                        const char * const *value)
{
  g_return_if_fail (RF_IS_CLASSIFICATION (self));

  if (rf_model_set_strv (&self->matched_keywords, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCHED_KEYWORDS]);
}

const char * const *
rf_classification_get_repairs (RfClassification *self)
{
  g_return_val_if_fail (RF_IS_CLASSIFICATION (self), NULL);

  return (const char * const *)self->repairs;
}

void
rf_classification_set_repairs (RfClassification   *self,
                               const char * const *value)
{
  g_return_if_fail (RF_IS_CLASSIFICATION (self));

  if (rf_model_set_strv (&self->repairs, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPAIRS]);
}
