/* rf-dossier.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RF_TYPE_DOSSIER (rf_dossier_get_type ())

/* The rich model's write-up of a hot lead. */
G_DECLARE_FINAL_TYPE (RfDossier, rf_dossier, RF, DOSSIER, GObject)

RfDossier          *rf_dossier_new                     (void);
RfDossier          *rf_dossier_copy                    (RfDossier *self);
const char         *rf_dossier_get_snapshot            (RfDossier *self);
void                rf_dossier_set_snapshot            (RfDossier  *self,
                                                        const char *value);
const char * const *rf_dossier_get_why_pain            (RfDossier *self);
void                rf_dossier_set_why_pain            (RfDossier          *self,
                                                        const char * const *value);
const char         *rf_dossier_get_uncomfortable_truth (RfDossier *self);
void                rf_dossier_set_uncomfortable_truth (RfDossier  *self,
                                                        const char *value);
const char         *rf_dossier_get_reframe             (RfDossier *self);
void                rf_dossier_set_reframe             (RfDossier  *self,
                                                        const char *value);
const char * const *rf_dossier_get_best_angle          (RfDossier *self);
void                rf_dossier_set_best_angle          (RfDossier          *self,
                                                        const char * const *value);
const char         *rf_dossier_get_challenger_insight  (RfDossier *self);
void                rf_dossier_set_challenger_insight  (RfDossier  *self,
                                                        const char *value);
const char         *rf_dossier_get_model               (RfDossier *self);
void                rf_dossier_set_model               (RfDossier  *self,
                                                        const char *value);
gint64              rf_dossier_get_created_at          (RfDossier *self);
void                rf_dossier_set_created_at          (RfDossier *self,
                                                        gint64     value);

G_END_DECLS
