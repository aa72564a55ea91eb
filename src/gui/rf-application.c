/* rf-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-alerts.h"
#include "rf-application.h"
#include "rf-document-intake.h"
#include "rf-metainfo.h"
#include "rf-lead-dao.h"
#include "rf-preferences-window.h"
#include "rf-renderer.h"
#include "rf-window.h"

struct _RfApplication
{
  AdwApplication  parent_instance;

  RfDatabase     *database;
  GSettings      *settings;   /* NULL when the schema is not installed */
  RfConfig       *config;
  RfLeadEngine   *engine;
  RfAlerts       *alerts;
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

static RfWindow *
ensure_window (GApplication *app)
{
  GtkWindow *window;

  g_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  return RF_IS_WINDOW (window) ? RF_WINDOW (window) : NULL;
}

/* raptorflow FILE..., Open With: as if dropped on the window. */
static void
rf_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  RfWindow *window = ensure_window (app);

  if (window != NULL && n_files > 0)
    rf_window_open_files (window, files, n_files);
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    GApplication    *app)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
      RfWindow *window = ensure_window (app);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      if (window != NULL)
        rf_window_open_files (window, (GFile **)array->pdata, array->len);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) everything = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) lists = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Leads"), gtk_application_get_active_window (app),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  /* What the window takes when dropped (rf_intake_kind_for_file). */
  gtk_file_filter_set_name (lists, _("Contact lists (CSV, TSV, vCard)"));
  gtk_file_filter_set_name (documents, _("Business cards and documents (images, PDF)"));
  gtk_file_filter_set_name (everything, _("Everything Raptorflow reads"));
  for (guint i = 0; i < 2; i++)
    {
      GtkFileFilter *filter = i == 0 ? lists : everything;

      gtk_file_filter_add_suffix (filter, "csv");
      gtk_file_filter_add_suffix (filter, "tsv");
      gtk_file_filter_add_suffix (filter, "vcf");
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_mime_type (filter, "text/vcard");
      filter = i == 0 ? documents : everything;
      gtk_file_filter_add_mime_type (filter, "image/*");
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
    }
  gtk_file_filter_add_suffix (everything, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), everything);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), lists);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), documents);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), app);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RfApplication *self = user_data;
  RfPreferencesWindow *preferences;

  if (self->settings == NULL)
    return;
  preferences = rf_preferences_window_new (self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (preferences));
}

/* From a notification: show the lead. */
static void
show_lead_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  RfWindow *window = ensure_window (user_data);
  gint64 lead_id = g_variant_get_int64 (parameter);

  if (window != NULL && lead_id > 0)
    rf_window_select_lead (window, lead_id);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "Raptorflow contributors", NULL };
  GtkWidget *about;

  g_autoptr(RfMetainfo) info = NULL;
  g_autoptr(GError) error = NULL;

  /* Name, developer, links and the newest release's notes come from the
   * metainfo the software centre shows too, in the user's language. */
  info = rf_metainfo_load (RESOURCE_PREFIX "/metainfo.xml", &error);
  if (info == NULL)
    g_warning ("Cannot read the metainfo: %s", error->message);

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-icon", APP_ID,
                        "application-name", info != NULL && info->name != NULL ? info->name : _("Raptorflow Lead Engine"),
                        "developer-name", info != NULL && info->developer_name != NULL ? info->developer_name : "Raptorflow",
                        "version", PACKAGE_VERSION,
                        "comments", _("Turns business cards, job posts, websites and CSV files into scored "
                                      "leads, on your own computer, with a local model or built-in rules."),
                        "website", info != NULL && info->homepage != NULL ? info->homepage : "",
                        "issue-url", info != NULL && info->bugtracker != NULL ? info->bugtracker : "",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        "release-notes-version", info != NULL ? info->release_version : NULL,
                        "release-notes", info != NULL ? info->release_notes : NULL,
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
    { "import", import_action },
    { "preferences", preferences_action },
    { "show-lead", show_lead_action, "x" },
  };
  static const char * const quit_accels[] = { "<Control>q", NULL };
  static const char * const preferences_accels[] = { "<Control>comma", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *path = NULL;

  G_APPLICATION_CLASS (rf_application_parent_class)->startup (app);

  /* Before any window exists: its renderer is chosen when it is shown. */
  rf_renderer_choose (gdk_display_get_default ());

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
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);

  /* Without the schema there is nothing for Preferences to write. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app), "preferences")),
                               self->settings != NULL);

  /* Opening is quick (one small file); the window shows the error if not. */
  self->database = rf_database_open_sync (path, NULL, &error);
  if (self->database == NULL)
    {
      g_warning ("%s", error->message);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app), "import")),
                                   FALSE);
    }
  else
    {
      self->engine = rf_lead_engine_new (self->database, self->config);
      self->alerts = rf_alerts_new (app, self->engine, self->settings);
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
  g_clear_object (&self->alerts);
  g_clear_object (&self->engine);
  if (self->database != NULL)
    {
      g_autoptr(RfLeadDao) dao = rf_lead_dao_new (self->database);
      g_autoptr(GError) error = NULL;

      /* Deleted leads stayed in the trash while they could be undone. */
      if (!rf_lead_dao_purge_trash_sync (dao, NULL, &error) ||
          !rf_document_images_sweep_sync (self->database, NULL, NULL, &error))
        g_warning ("Cannot empty the trash: %s", error->message);
      rf_database_close (self->database);
    }

  G_APPLICATION_CLASS (rf_application_parent_class)->shutdown (app);
}

static void
rf_application_finalize (GObject *object)
{
  RfApplication *self = RF_APPLICATION (object);

  g_clear_object (&self->alerts);
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
  app_class->open = rf_application_open;
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
