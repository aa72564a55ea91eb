/* rf-window-private.h: what rf-window*.c and the tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-filter-bar.h"
#include "rf-intake.h"
#include "rf-intake-list.h"
#include "rf-lead-detail.h"
#include "rf-lead-list-model.h"
#include "rf-lead-table.h"
#include "rf-profiles-view.h"
#include "rf-window.h"

G_BEGIN_DECLS

struct _RfWindow
{
  AdwApplicationWindow  parent_instance;

  RfDatabase           *database;
  RfLeadEngine         *engine;           /* NULL without an application */
  RfLeadDao            *dao;
  RfLeadListModel      *model;
  GCancellable         *cancellable;
  guint                 counts_id;
  gulong                changed_id;
  guint                 total_leads;
  gboolean              totals_known;
  guint                 pending_select;   /* after a delete */
  guint                 counting;
  RfLeadQuery          *counted;          /* the filters the counts are for */
  gboolean              counts_after_rows;

  AdwToastOverlay      *toast_overlay;
  GtkBox               *status_slot;
  AdwViewSwitcherTitle *switcher_title;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  AdwViewStack         *view_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *list_pane;
  GtkWidget            *detail_pane;
  GtkRevealer          *back_revealer;
  RfFilterBar          *filter_bar;
  GtkStack             *content_stack;
  GtkRevealer          *profile_hint;
  int                   n_active_profiles;  /* -1: not counted yet */
  RfLeadTable          *table;
  GMenu                *columns_submenu;
  AdwStatusPage        *empty_page;
  AdwStatusPage        *error_page;
  GtkActionBar         *selection_bar;
  GtkLabel             *selection_label;
  RfLeadDetail         *detail;
  AdwToast             *delete_toast;     /* weak: the last Undo toast */

  /* Intake and setup (rf-window-intake.c) */
  RfIntake             *intake;
  RfIntakeList         *intake_list;
  GtkWidget            *new_signal_button;
  GtkWidget            *status_pill;
  RfProfilesView       *profiles_view;
  gint64                pending_lead_id;  /* to select once it is listed */
};

/* rf-window-actions.c */
void rf_window_class_init_actions (GtkWidgetClass *widget_class);
void rf_window_init_actions       (RfWindow       *self);
void rf_window_update_actions     (RfWindow       *self);

/* rf-window-export.c */
void rf_window_class_init_export  (GtkWidgetClass *widget_class);
void rf_window_export_to_file     (RfWindow       *self,
                                   GFile          *file,
                                   gboolean        selection_only);

/* rf-window.c */
void rf_window_update_query       (RfWindow       *self);
void rf_window_show_detail        (RfWindow       *self);

/* rf-window-hint.c */
void rf_window_init_profile_hint   (RfWindow       *self);
void rf_window_update_profile_hint (RfWindow       *self);

/* rf-window-intake.c */
void rf_window_class_init_intake  (GtkWidgetClass *widget_class);
void rf_window_init_intake        (RfWindow       *self);
void rf_window_dispose_intake     (RfWindow       *self);
void rf_window_select_pending     (RfWindow       *self);

/* For tests and the benchmark: nothing loading, counted, shown. */
gboolean rf_window_is_idle        (RfWindow       *self);

G_END_DECLS
