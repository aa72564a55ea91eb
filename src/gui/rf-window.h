/* rf-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rf-application.h"

G_BEGIN_DECLS

#define RF_TYPE_WINDOW (rf_window_get_type ())

G_DECLARE_FINAL_TYPE (RfWindow, rf_window, RF, WINDOW, AdwApplicationWindow)

RfWindow *rf_window_new (RfApplication *application);

G_END_DECLS
