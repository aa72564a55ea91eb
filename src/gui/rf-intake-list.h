/* rf-intake-list.h: the header-bar button whose popover lists what is
 * being added, how far each got, and why one failed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rf-intake.h"

G_BEGIN_DECLS

#define RF_TYPE_INTAKE_LIST (rf_intake_list_get_type ())

G_DECLARE_FINAL_TYPE (RfIntakeList, rf_intake_list, RF, INTAKE_LIST, GtkWidget)

GtkWidget *rf_intake_list_new        (RfIntake     *intake);
RfIntake  *rf_intake_list_get_intake (RfIntakeList *self);
void       rf_intake_list_popup      (RfIntakeList *self);

G_END_DECLS
