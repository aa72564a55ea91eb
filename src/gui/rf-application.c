/* rf-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-application.h"
#include "rf-lead-dao.h"
#include "rf-window.h"

struct _RfApplication
{
  AdwApplication  parent_instance;

  RfDatabase     *database;
  GSettings      *settings;   /* NULL when the schema is not installed */
  RfConfig       *config;
  RfLeadEngine   *engine;
};

G_DEFINE_FINAL_TYPE (RfApplication, rf_application, ADW_TYPE_APPLICATION)

RfApplication *
rf_application_new (void)
{
  return g_object_new (RF_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

static void
rf_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (rf_window_new (RF_APPLICATION (app)));
  gtk_window_present (window);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "Raptorflow contributors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-icon", APP_ID,
                        "application-name", _("Raptorflow Lead Engine"),
                        "developer-name", _("Raptorflow contributors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Turns business cards, job posts, websites and CSV files into scored "
                                      "leads, on your own computer, with a local model or built-in rules."),
                        "website", "https://github.com/raptorflow/raptorflow-lead-engine",
                        "issue-url", "https://github.com/raptorflow/raptorflow-lead-engine/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        "release-notes-version", PACKAGE_VERSION,
                        "release-notes", _("<p>The first desktop release.</p>"
                                           "<ul>"
                                           "<li>Leads scored hottest first, filtered by bucket, score, status and text</li>"
                                           "<li>Why a lead scored so: fit, pain and data quality, SPIN and MEDDIC-lite</li>"
                                           "<li>Status, notes and an activity timeline for every lead</li>"
                                           "<li>Smooth with a hundred thousand leads</li>"
                                           "</ul>"),
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Built on"),
                                       (const char *[]) { "GTK https://gtk.org",
                                                          "libadwaita https://gnome.pages.gitlab.gnome.org/libadwaita/",
                                                          "SQLite https://sqlite.org",
                                                          "Ollama https://ollama.com",
                                                          NULL });
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Close windows first: their notes get saved. */
  while (windows != NULL)
    {
      GList *next = windows->next;
      gtk_window_destroy (windows->data);
      windows = next;
    }
  g_application_quit (G_APPLICATION (app));
}

static void
rf_application_startup (GApplication *app)
{
  RfApplication *self = RF_APPLICATION (app);
  static const GActionEntry entries[] = {
    { "about", about_action },
    { "quit", quit_action },
    /* Stand-ins until their pieces exist: shown, but disabled. */
    { "import", NULL },
    { "export", NULL },
    { "preferences", NULL },
  };
  static const char * const quit_accels[] = { "<Control>q", NULL };
  static const char * const disabled[] = { "import", "export", "preferences" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *path = NULL;

  G_APPLICATION_CLASS (rf_application_parent_class)->startup (app);

  /* Preferences live in GSettings; the seed's environment names override
   * them. Without the schema (an uninstalled build) the defaults apply. */
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), SCHEMA_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (SCHEMA_ID);
      self->config = rf_config_new_for_settings (self->settings);
    }
  else
    self->config = rf_config_new ();
  path = rf_config_dup_database_path (self->config);

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (disabled); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app), disabled[i])),
                                 FALSE);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);

  /* Opening is quick (one small file); the window shows the error if not. */
  self->database = rf_database_open_sync (path, NULL, &error);
  if (self->database == NULL)
    g_warning ("%s", error->message);
  else
    {
      self->engine = rf_lead_engine_new (self->database, self->config);
      /* The status pill shows the answer; nothing waits for it. */
      rf_lead_engine_check_ollama_async (self->engine, NULL, NULL, NULL);
    }
}

static void
rf_application_shutdown (GApplication *app)
{
  RfApplication *self = RF_APPLICATION (app);

  if (self->engine != NULL)
    rf_lead_engine_cancel_all (self->engine);
  g_clear_object (&self->engine);
  if (self->database != NULL)
    {
      g_autoptr(RfLeadDao) dao = rf_lead_dao_new (self->database);
      g_autoptr(GError) error = NULL;

      /* Deleted leads stayed in the trash while they could be undone. */
      if (!rf_lead_dao_purge_trash_sync (dao, NULL, &error))
        g_warning ("Cannot empty the trash: %s", error->message);
      rf_database_close (self->database);
    }

  G_APPLICATION_CLASS (rf_application_parent_class)->shutdown (app);
}

static void
rf_application_finalize (GObject *object)
{
  RfApplication *self = RF_APPLICATION (object);

  g_clear_object (&self->engine);
  g_clear_object (&self->database);
  g_clear_object (&self->config);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rf_application_parent_class)->finalize (object);
}

static void
rf_application_class_init (RfApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rf_application_finalize;
  app_class->activate = rf_application_activate;
  app_class->startup = rf_application_startup;
  app_class->shutdown = rf_application_shutdown;
}

static void
rf_application_init (RfApplication *self)
{
}

RfDatabase *
rf_application_get_database (RfApplication *self)
{
  g_return_val_if_fail (RF_IS_APPLICATION (self), NULL);

  return self->database;
}

/* Returns: (nullable): the engine, NULL when the database did not open. */
RfLeadEngine *
rf_application_get_engine (RfApplication *self)
{
  g_return_val_if_fail (RF_IS_APPLICATION (self), NULL);

  return self->engine;
}

/* Returns: (nullable): the app's settings, NULL without the schema. */
GSettings *
rf_application_get_settings (RfApplication *self)
{
  g_return_val_if_fail (RF_IS_APPLICATION (self), NULL);

  return self->settings;
}

RfConfig *
rf_application_get_config (RfApplication *self)
{
  g_return_val_if_fail (RF_IS_APPLICATION (self), NULL);

  return self->config;
}
