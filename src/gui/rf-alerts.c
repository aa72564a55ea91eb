/* rf-alerts.c: listens to the engine's lead-scored; a red-hot lead,
 * the window not focused and the notifications setting on make a
 * GNotification whose default action opens the lead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-alerts.h"
#include "rf-gui-labels.h"

struct _RfAlerts
{
  GObject       parent_instance;

  GApplication *application;   /* weak: it owns us */
  RfLeadEngine *engine;
  GSettings    *settings;
  GHashTable   *sent;          /* lead ids already notified: a dossier re-emits */
  guint         n_sent;
};

G_DEFINE_FINAL_TYPE (RfAlerts, rf_alerts, G_TYPE_OBJECT)

enum {
  SIGNAL_SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
window_focused (RfAlerts *self)
{
  GtkWindow *window;

  if (!GTK_IS_APPLICATION (self->application))
    return FALSE;
  window = gtk_application_get_active_window (GTK_APPLICATION (self->application));
  return window != NULL && gtk_widget_get_visible (GTK_WIDGET (window)) && gtk_window_is_active (window);
}

GNotification *
rf_alerts_build_notification (RfLead *lead)
{
  GNotification *notification;
  const char *company = rf_lead_get_company_name (lead);
  const char *contact = rf_lead_get_contact_name (lead);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (RF_IS_LEAD (lead), NULL);

  /* Translators: a notification's title, e.g. "Red-hot lead: Acme GmbH" */
  title = g_strdup_printf (_("Red-hot lead: %s"), company != NULL && *company != '\0' ? company : _("No company"));
  if (contact != NULL && *contact != '\0')
    /* Translators: "Score 91 · Jane Doe" */
    body = g_strdup_printf (_("Score %.0f · %s"), rf_gui_shown_score (rf_lead_get_total_score (lead)), contact);
  else
    body = g_strdup_printf (_("Score %.0f"), rf_gui_shown_score (rf_lead_get_total_score (lead)));

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.show-lead", "x", rf_lead_get_id (lead));
  g_notification_add_button_with_target (notification, _("Open Lead"), "app.show-lead", "x", rf_lead_get_id (lead));
  return notification;
}

static void
lead_scored_cb (RfLeadEngine *engine,
                RfLead       *lead,
                RfAlerts     *self)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *id = NULL;
  gint64 lead_id = rf_lead_get_id (lead);

  if (rf_lead_get_score_bucket (lead) != RF_SCORE_BUCKET_RED_HOT)
    return;
  if (self->settings != NULL && !g_settings_get_boolean (self->settings, "notifications"))
    return;
  if (window_focused (self) || g_hash_table_contains (self->sent, &lead_id))
    return;

  notification = rf_alerts_build_notification (lead);
  id = g_strdup_printf ("lead-%" G_GINT64_FORMAT, lead_id);
  g_hash_table_add (self->sent, g_memdup2 (&lead_id, sizeof lead_id));
  self->n_sent++;
  g_signal_emit (self, signals[SIGNAL_SENT], 0, notification, lead_id);
  if (self->application != NULL && g_application_get_is_registered (self->application))
    g_application_send_notification (self->application, id, notification);
}

static void
rf_alerts_dispose (GObject *object)
{
  RfAlerts *self = RF_ALERTS (object);

  if (self->application != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->application), (gpointer *)&self->application);
  self->application = NULL;
  g_clear_object (&self->engine);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rf_alerts_parent_class)->dispose (object);
}

static void
rf_alerts_finalize (GObject *object)
{
  g_hash_table_unref (RF_ALERTS (object)->sent);
  G_OBJECT_CLASS (rf_alerts_parent_class)->finalize (object);
}

static void
rf_alerts_class_init (RfAlertsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rf_alerts_dispose;
  object_class->finalize = rf_alerts_finalize;

  /* Emitted for each notification, just before it is sent. */
  signals[SIGNAL_SENT] = g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 2, G_TYPE_NOTIFICATION, G_TYPE_INT64);
}

static void
rf_alerts_init (RfAlerts *self)
{
  self->sent = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

RfAlerts *
rf_alerts_new (GApplication *application,
               RfLeadEngine *engine,
               GSettings    *settings)
{
  RfAlerts *self;

  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (RF_IS_LEAD_ENGINE (engine), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RF_TYPE_ALERTS, NULL);
  self->application = application;
  if (application != NULL)
    g_object_add_weak_pointer (G_OBJECT (application), (gpointer *)&self->application);
  self->engine = g_object_ref (engine);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  g_signal_connect_object (engine, "lead-scored", G_CALLBACK (lead_scored_cb), self, 0);
  return self;
}

guint
rf_alerts_get_n_sent (RfAlerts *self)
{
  g_return_val_if_fail (RF_IS_ALERTS (self), 0);
  return self->n_sent;
}
