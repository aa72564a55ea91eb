/* rf-profiles-view.h: the ICP builder: profiles listed, one edited in a
 * form that validates inline and saves itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rf-icp-profile.h"
#include "rf-lead-engine.h"
#include "rf-tag-entry.h"

G_BEGIN_DECLS

typedef enum
{
  RF_PROFILE_TAGS_INDUSTRIES,
  RF_PROFILE_TAGS_LOCATIONS,
  RF_PROFILE_TAGS_HIRING,
  RF_PROFILE_TAGS_PAIN,
} RfProfileTags;

#define RF_PROFILES_VIEW_SAVE_DELAY_MS 600

#define RF_TYPE_PROFILES_VIEW (rf_profiles_view_get_type ())

G_DECLARE_FINAL_TYPE (RfProfilesView, rf_profiles_view, RF, PROFILES_VIEW, GtkWidget)

GtkWidget    *rf_profiles_view_new              (void);
void          rf_profiles_view_set_database     (RfProfilesView *self,
                                                 RfDatabase     *database);
void          rf_profiles_view_set_engine       (RfProfilesView *self,
                                                 RfLeadEngine   *engine);
GListModel   *rf_profiles_view_get_profiles     (RfProfilesView *self);
RfIcpProfile *rf_profiles_view_get_current      (RfProfilesView *self);
void          rf_profiles_view_select           (RfProfilesView *self,
                                                 guint           position);
/* @template_id: NULL for an empty profile, else "solo-founder", "small-d2c". */
void          rf_profiles_view_add              (RfProfilesView *self,
                                                 const char     *template_id);
void          rf_profiles_view_duplicate        (RfProfilesView *self);
void          rf_profiles_view_delete           (RfProfilesView *self);
void          rf_profiles_view_rescore          (RfProfilesView *self);

/* For tests: the form's parts and whether anything is loading or saving. */
GtkEditable  *rf_profiles_view_get_name_editable (RfProfilesView *self);
RfTagEntry   *rf_profiles_view_get_tag_entry    (RfProfilesView *self,
                                                 RfProfileTags   which);
GtkToggleButton *rf_profiles_view_get_size_toggle (RfProfilesView *self,
                                                   guint           bucket);
/* NULL when the form is valid, else what is wrong. */
const char   *rf_profiles_view_get_problem      (RfProfilesView *self);
gboolean      rf_profiles_view_get_busy         (RfProfilesView *self);

G_END_DECLS
