/* rf-window-hint.c: the window says so when no profile is active
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without an active profile every lead is scored on generic signs only,
 * and an imported list lands mostly in "parked" with no word of why but
 * a line in each lead's explanation. A strip above the list says it and
 * leads to the Profiles page. The active profiles are counted (one small
 * query) at start, when the profiles change and when the user comes back
 * from Profiles; a new list only looks at that count.
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include "rf-icp-dao.h"
#include "rf-window-private.h"

/* Leads listed, or hidden by the filters; not before they are in. */
static void
show_hint (RfWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);
  gboolean has_leads = g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0 || g_strcmp0 (page, "no-results") == 0;

  gtk_revealer_set_reveal_child (self->profile_hint, self->n_active_profiles == 0 && has_leads);
}

static void
active_profiles_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) active = rf_icp_dao_list_finish (RF_ICP_DAO (object), result, &error);
  RfWindow *self;

  /* Cancelled with the window, or unreadable: the list says why. */
  if (active == NULL)
    return;
  self = RF_WINDOW (user_data);
  self->n_active_profiles = active->len;
  show_hint (self);
}

/* Profiles may have changed: count the active ones again. */
void
rf_window_update_profile_hint (RfWindow *self)
{
  g_autoptr(RfIcpDao) dao = NULL;

  if (self->database == NULL || self->model == NULL)
    return;
  dao = rf_icp_dao_new (self->database);
  rf_icp_dao_list_async (dao, TRUE, self->cancellable, active_profiles_cb, self);
}

static void
view_changed_cb (RfWindow *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "leads") == 0)
    rf_window_update_profile_hint (self);
}

void
rf_window_init_profile_hint (RfWindow *self)
{
  self->n_active_profiles = -1;   /* not counted yet: no strip */
  /* A new list (the first, or after a filter or an import), a page:
   * the count at hand is enough, nothing is read while typing. */
  g_signal_connect_object (self->model, "query-applied", G_CALLBACK (show_hint), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->content_stack, "notify::visible-child-name",
                           G_CALLBACK (show_hint), self, G_CONNECT_SWAPPED);
  /* Profiles added, removed, or edited on their page. */
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (rf_profiles_view_get_profiles (self->profiles_view), "items-changed",
                           G_CALLBACK (rf_window_update_profile_hint), self, G_CONNECT_SWAPPED);
  rf_window_update_profile_hint (self);
}
