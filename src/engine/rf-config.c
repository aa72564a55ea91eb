/* rf-config.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-engine"

#include "config.h"

#include <stdlib.h>

#include "rf-config.h"
#include "rf-database.h"
#include "rf-ollama-client.h"

struct _RfConfig
{
  GObject    parent_instance;

  char      *ollama_url;
  char      *ollama_token;
  char      *fast_model;
  char      *rich_model;
  double     dossier_threshold;
  guint      parallel;
  char      *database_path;   /* NULL: DATABASE_URL or the default */
  GSettings *settings;
};

enum {
  PROP_0,
  PROP_OLLAMA_URL,
  PROP_OLLAMA_TOKEN,
  PROP_FAST_MODEL,
  PROP_RICH_MODEL,
  PROP_DOSSIER_THRESHOLD,
  PROP_PARALLEL,
  PROP_DATABASE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RfConfig, rf_config, G_TYPE_OBJECT)

static void
set_string (RfConfig   *self,
            char      **field,
            const char *value,
            int         prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
rf_config_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RfConfig *self = RF_CONFIG (object);

  switch (prop_id)
    {
    case PROP_OLLAMA_URL: g_value_set_string (value, self->ollama_url); break;
    case PROP_OLLAMA_TOKEN: g_value_set_string (value, self->ollama_token); break;
    case PROP_FAST_MODEL: g_value_set_string (value, self->fast_model); break;
    case PROP_RICH_MODEL: g_value_set_string (value, self->rich_model); break;
    case PROP_DOSSIER_THRESHOLD: g_value_set_double (value, self->dossier_threshold); break;
    case PROP_PARALLEL: g_value_set_uint (value, self->parallel); break;
    case PROP_DATABASE_PATH: g_value_set_string (value, self->database_path); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_config_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RfConfig *self = RF_CONFIG (object);

  switch (prop_id)
    {
    case PROP_OLLAMA_URL: rf_config_set_ollama_url (self, g_value_get_string (value)); break;
    case PROP_OLLAMA_TOKEN: rf_config_set_ollama_token (self, g_value_get_string (value)); break;
    case PROP_FAST_MODEL: rf_config_set_fast_model (self, g_value_get_string (value)); break;
    case PROP_RICH_MODEL: rf_config_set_rich_model (self, g_value_get_string (value)); break;
    case PROP_DOSSIER_THRESHOLD: rf_config_set_dossier_threshold (self, g_value_get_double (value)); break;
    case PROP_PARALLEL: rf_config_set_parallel (self, g_value_get_uint (value)); break;
    case PROP_DATABASE_PATH: rf_config_set_database_path (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_config_finalize (GObject *object)
{
  RfConfig *self = RF_CONFIG (object);

  g_free (self->ollama_url);
  g_free (self->ollama_token);
  g_free (self->fast_model);
  g_free (self->rich_model);
  g_free (self->database_path);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rf_config_parent_class)->finalize (object);
}

static void
rf_config_class_init (RfConfigClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = rf_config_get_property;
  object_class->set_property = rf_config_set_property;
  object_class->finalize = rf_config_finalize;

  properties[PROP_OLLAMA_URL] = g_param_spec_string ("ollama-url", NULL, NULL, RF_OLLAMA_DEFAULT_URL, flags);
  properties[PROP_OLLAMA_TOKEN] = g_param_spec_string ("ollama-token", NULL, NULL, NULL, flags);
  properties[PROP_FAST_MODEL] = g_param_spec_string ("fast-model", NULL, NULL, RF_DEFAULT_FAST_MODEL, flags);
  properties[PROP_RICH_MODEL] = g_param_spec_string ("rich-model", NULL, NULL, RF_DEFAULT_RICH_MODEL, flags);
  properties[PROP_DOSSIER_THRESHOLD] = g_param_spec_double ("dossier-threshold", NULL, NULL, 0, 100,
                                                            RF_DEFAULT_DOSSIER_THRESHOLD, flags);
  properties[PROP_PARALLEL] = g_param_spec_uint ("parallel", NULL, NULL, 1, RF_MAX_PARALLEL, RF_DEFAULT_PARALLEL, flags);
  properties[PROP_DATABASE_PATH] = g_param_spec_string ("database-path", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rf_config_init (RfConfig *self)
{
  self->ollama_url = g_strdup (RF_OLLAMA_DEFAULT_URL);
  self->fast_model = g_strdup (RF_DEFAULT_FAST_MODEL);
  self->rich_model = g_strdup (RF_DEFAULT_RICH_MODEL);
  self->dossier_threshold = RF_DEFAULT_DOSSIER_THRESHOLD;
  self->parallel = RF_DEFAULT_PARALLEL;
}

/* Defaults, then the environment: what the CLI runs with. */
RfConfig *
rf_config_new (void)
{
  RfConfig *self = g_object_new (RF_TYPE_CONFIG, NULL);

  rf_config_apply_environment (self);
  return self;
}

static gboolean
env_set (const char *name)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0';
}

/* Follows @settings (the app's Preferences) live, except for what the
 * environment overrides: scripts and CI win over a user's settings. */
RfConfig *
rf_config_new_for_settings (GSettings *settings)
{
  RfConfig *self = g_object_new (RF_TYPE_CONFIG, NULL);
  const struct { const char *key; const char *property; const char *env; } bindings[] = {
    { "ollama-url", "ollama-url", "OLLAMA_BASE_URL" },
    { "ollama-token", "ollama-token", "OLLAMA_TOKEN" },
    { "fast-model", "fast-model", "OLLAMA_MODEL_1B" },
    { "rich-model", "rich-model", "OLLAMA_MODEL_4B" },
    { "requests-in-flight", "parallel", NULL },
  };

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self->settings = g_object_ref (settings);
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    if (bindings[i].env == NULL || !env_set (bindings[i].env))
      g_settings_bind (settings, bindings[i].key, self, bindings[i].property, G_SETTINGS_BIND_GET);
  if (!env_set ("CLASSIFIER_SCORE_THRESHOLD"))
    rf_config_set_dossier_threshold (self, g_settings_get_int (settings, "dossier-threshold"));
  if (!env_set ("DATABASE_URL"))
    {
      g_autofree char *path = g_settings_get_string (settings, "database-path");

      rf_config_set_database_path (self, *path != '\0' ? path : NULL);
    }
  rf_config_apply_environment (self);
  return self;
}

/* The seed's names: OLLAMA_BASE_URL, OLLAMA_MODEL_1B, OLLAMA_MODEL_4B,
 * CLASSIFIER_SCORE_THRESHOLD, DATABASE_URL; and OLLAMA_TOKEN. */
void
rf_config_apply_environment (RfConfig *self)
{
  g_return_if_fail (RF_IS_CONFIG (self));

  if (env_set ("OLLAMA_BASE_URL"))
    rf_config_set_ollama_url (self, g_getenv ("OLLAMA_BASE_URL"));
  if (env_set ("OLLAMA_TOKEN"))
    rf_config_set_ollama_token (self, g_getenv ("OLLAMA_TOKEN"));
  if (env_set ("OLLAMA_MODEL_1B"))
    rf_config_set_fast_model (self, g_getenv ("OLLAMA_MODEL_1B"));
  if (env_set ("OLLAMA_MODEL_4B"))
    rf_config_set_rich_model (self, g_getenv ("OLLAMA_MODEL_4B"));
  if (env_set ("CLASSIFIER_SCORE_THRESHOLD"))
    {
      const char *text = g_getenv ("CLASSIFIER_SCORE_THRESHOLD");
      char *end = NULL;
      double value = g_ascii_strtod (text, &end);

      if (end != text && *end == '\0')
        rf_config_set_dossier_threshold (self, value);
      else
        g_warning ("Ignoring CLASSIFIER_SCORE_THRESHOLD=%s: not a number", text);
    }
}

const char *
rf_config_get_ollama_url (RfConfig *self)
{
  g_return_val_if_fail (RF_IS_CONFIG (self), NULL);
  return self->ollama_url;
}

void
rf_config_set_ollama_url (RfConfig   *self,
                          const char *url)
{
  g_autofree char *normalized = NULL;

  g_return_if_fail (RF_IS_CONFIG (self));
  normalized = rf_ollama_normalize_base_url (url);
  set_string (self, &self->ollama_url, normalized, PROP_OLLAMA_URL);
}

const char *
rf_config_get_ollama_token (RfConfig *self)
{
  g_return_val_if_fail (RF_IS_CONFIG (self), NULL);
  return self->ollama_token;
}

void
rf_config_set_ollama_token (RfConfig   *self,
                            const char *token)
{
  g_return_if_fail (RF_IS_CONFIG (self));
  set_string (self, &self->ollama_token, token != NULL && *token != '\0' ? token : NULL, PROP_OLLAMA_TOKEN);
}

const char *
rf_config_get_fast_model (RfConfig *self)
{
  g_return_val_if_fail (RF_IS_CONFIG (self), NULL);
  return self->fast_model;
}

void
rf_config_set_fast_model (RfConfig   *self,
                          const char *model)
{
  g_return_if_fail (RF_IS_CONFIG (self));
  set_string (self, &self->fast_model, model != NULL && *model != '\0' ? model : RF_DEFAULT_FAST_MODEL, PROP_FAST_MODEL);
}

const char *
rf_config_get_rich_model (RfConfig *self)
{
  g_return_val_if_fail (RF_IS_CONFIG (self), NULL);
  return self->rich_model;
}

void
rf_config_set_rich_model (RfConfig   *self,
                          const char *model)
{
  g_return_if_fail (RF_IS_CONFIG (self));
  set_string (self, &self->rich_model, model != NULL && *model != '\0' ? model : RF_DEFAULT_RICH_MODEL, PROP_RICH_MODEL);
}

double
rf_config_get_dossier_threshold (RfConfig *self)
{
  g_return_val_if_fail (RF_IS_CONFIG (self), RF_DEFAULT_DOSSIER_THRESHOLD);
  return self->dossier_threshold;
}

void
rf_config_set_dossier_threshold (RfConfig *self,
                                 double    threshold)
{
  g_return_if_fail (RF_IS_CONFIG (self));
  threshold = CLAMP (threshold, 0, 100);
  if (self->dossier_threshold == threshold)
    return;
  self->dossier_threshold = threshold;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOSSIER_THRESHOLD]);
}

guint
rf_config_get_parallel (RfConfig *self)
{
  g_return_val_if_fail (RF_IS_CONFIG (self), RF_DEFAULT_PARALLEL);
  return self->parallel;
}

void
rf_config_set_parallel (RfConfig *self,
                        guint     parallel)
{
  g_return_if_fail (RF_IS_CONFIG (self));
  parallel = CLAMP (parallel, 1, RF_MAX_PARALLEL);
  if (self->parallel == parallel)
    return;
  self->parallel = parallel;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARALLEL]);
}

/* DATABASE_URL first (as rf_database_default_path), then the setting,
 * then $XDG_DATA_HOME/raptorflow/leads.db. */
char *
rf_config_dup_database_path (RfConfig *self)
{
  g_return_val_if_fail (RF_IS_CONFIG (self), NULL);

  if (env_set ("DATABASE_URL") || self->database_path == NULL)
    return rf_database_default_path ();
  return g_strdup (self->database_path);
}

void
rf_config_set_database_path (RfConfig   *self,
                             const char *path)
{
  g_return_if_fail (RF_IS_CONFIG (self));
  set_string (self, &self->database_path, path, PROP_DATABASE_PATH);
}
