/* rf-profiles-view-private.h: what rf-profiles-view*.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-icp-dao.h"
#include "rf-profiles-view.h"

G_BEGIN_DECLS

struct _RfProfilesView
{
  GtkWidget             parent_instance;

  RfDatabase           *database;
  RfIcpDao             *dao;
  RfLeadEngine         *engine;
  GCancellable         *cancellable;
  GListStore           *profiles;       /* RfIcpProfile */
  RfIcpProfile         *current;        /* in profiles, or NULL */
  guint                 save_id;
  guint                 saving;
  gboolean              loading;        /* filling the form: not a user change */
  gboolean              listing;
  const char           *problem;
  GPtrArray            *size_toggles;   /* GtkToggleButton, as rf_size_buckets */
  guint                 rescore_total;
  guint                 rescore_base;   /* the engine's completed count at the start */
  gboolean              rescoring;
  gulong                completed_id;

  GtkListBox           *list_box;
  GtkStack             *stack;
  AdwEntryRow          *name_row;
  GtkLabel             *name_error;
  AdwEntryRow          *description_row;
  GtkSwitch            *active_switch;
  GtkFlowBox           *size_box;
  RfTagEntry           *industries_entry;
  RfTagEntry           *locations_entry;
  RfTagEntry           *hiring_entry;
  RfTagEntry           *pain_entry;
  GtkLabel             *criteria_error;
  GtkLabel             *save_label;
  GtkButton            *rescore_button;
  GtkProgressBar       *rescore_bar;
  GtkLabel             *rescore_label;
};

void rf_profiles_view_show_validation (RfProfilesView *self);

G_END_DECLS
