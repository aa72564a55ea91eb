/* rf-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rf-database.h"
#include "rf-lead-engine.h"

G_BEGIN_DECLS

#define RF_TYPE_APPLICATION (rf_application_get_type ())

G_DECLARE_FINAL_TYPE (RfApplication, rf_application, RF, APPLICATION, AdwApplication)

RfApplication *rf_application_new          (void);
RfDatabase    *rf_application_get_database (RfApplication *self);
RfLeadEngine  *rf_application_get_engine   (RfApplication *self);
RfConfig      *rf_application_get_config   (RfApplication *self);
GSettings     *rf_application_get_settings (RfApplication *self);

G_END_DECLS
