/* rf-config.h: the settings the engine runs with: GSettings, overridden by
 * the seed's environment variables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RF_DEFAULT_FAST_MODEL        "gemma3:1b"
#define RF_DEFAULT_RICH_MODEL        "gemma3:4b"
#define RF_DEFAULT_DOSSIER_THRESHOLD 70.0
#define RF_DEFAULT_PARALLEL          2
#define RF_MAX_PARALLEL              16

#define RF_TYPE_CONFIG (rf_config_get_type ())

G_DECLARE_FINAL_TYPE (RfConfig, rf_config, RF, CONFIG, GObject)

RfConfig   *rf_config_new                   (void);
RfConfig   *rf_config_new_for_settings      (GSettings  *settings);
void        rf_config_apply_environment     (RfConfig   *self);

const char *rf_config_get_ollama_url        (RfConfig   *self);
void        rf_config_set_ollama_url        (RfConfig   *self,
                                             const char *url);
const char *rf_config_get_ollama_token      (RfConfig   *self);
void        rf_config_set_ollama_token      (RfConfig   *self,
                                             const char *token);
const char *rf_config_get_fast_model        (RfConfig   *self);
void        rf_config_set_fast_model        (RfConfig   *self,
                                             const char *model);
const char *rf_config_get_rich_model        (RfConfig   *self);
void        rf_config_set_rich_model        (RfConfig   *self,
                                             const char *model);
double      rf_config_get_dossier_threshold (RfConfig   *self);
void        rf_config_set_dossier_threshold (RfConfig   *self,
                                             double      threshold);
guint       rf_config_get_parallel          (RfConfig   *self);
void        rf_config_set_parallel          (RfConfig   *self,
                                             guint       parallel);
char       *rf_config_dup_database_path     (RfConfig   *self);
void        rf_config_set_database_path     (RfConfig   *self,
                                             const char *path);

G_END_DECLS
