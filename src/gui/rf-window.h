/* rf-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rf-application.h"
#include "rf-database.h"
#include "rf-intake.h"

G_BEGIN_DECLS

#define RF_TYPE_WINDOW (rf_window_get_type ())

G_DECLARE_FINAL_TYPE (RfWindow, rf_window, RF, WINDOW, AdwApplicationWindow)

RfWindow   *rf_window_new              (RfApplication *application);
/* A window over @database; its application may be set later, or never
 * (tests, the benchmark). */
RfWindow   *rf_window_new_for_database (RfDatabase    *database);
RfDatabase *rf_window_get_database     (RfWindow      *self);
void        rf_window_bind_settings    (RfWindow      *self,
                                        GSettings     *settings);
/* Where the Ollama status pill goes, at the start of the header bar. */
GtkBox     *rf_window_get_status_slot  (RfWindow      *self);
void        rf_window_add_toast        (RfWindow      *self,
                                        AdwToast      *toast);

/* Intake and setup: rf-window-intake.c */
void          rf_window_set_engine     (RfWindow      *self,
                                        RfLeadEngine  *engine);
RfLeadEngine *rf_window_get_engine     (RfWindow      *self);
RfIntake     *rf_window_get_intake     (RfWindow      *self);
void          rf_window_open_files     (RfWindow      *self,
                                        GFile        **files,
                                        guint          n_files);
/* Selects the lead (showing it even when the filters hide it). */
void          rf_window_select_lead    (RfWindow      *self,
                                        gint64         lead_id);

G_END_DECLS
