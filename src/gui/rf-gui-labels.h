/* rf-gui-labels.h: what the GUI calls the model's values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rf-enums.h"

G_BEGIN_DECLS

#define RF_N_LEAD_STATUSES 6
#define RF_N_LOGGED_ACTIVITY_KINDS 4   /* call, email, note, task */

const char *rf_gui_status_label        (RfLeadStatus    status);
const char *rf_gui_source_label        (RfSourceType    source);
const char *rf_gui_activity_kind_label (RfActivityKind  kind);
const char *rf_gui_activity_kind_icon  (RfActivityKind  kind);
const char *rf_gui_bucket_css_class    (RfScoreBucket   bucket);
void        rf_gui_set_bucket_css_class (GtkWidget     *widget,
                                         RfScoreBucket  bucket);
char       *rf_gui_humanize            (const char     *nick);
char       *rf_gui_format_count        (guint           count);
double      rf_gui_shown_score         (double          score);
void        rf_gui_set_text_or_placeholder (GtkLabel    *label,
                                            const char  *text,
                                            const char  *placeholder);
char       *rf_gui_format_contact_line (const char     *name,
                                        const char     *title,
                                        const char     *role_type);
char       *rf_gui_format_date         (gint64          unix_time);
char       *rf_gui_format_date_time    (gint64          unix_time);
GListModel *rf_gui_status_list_new     (void);
void        rf_gui_name_drop_down      (GtkDropDown    *drop_down,
                                        const char     *name);

G_END_DECLS
