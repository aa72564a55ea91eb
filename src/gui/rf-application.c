/* rf-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-application.h"
#include "rf-window.h"

struct _RfApplication
{
  AdwApplication  parent_instance;

  RfDatabase     *database;
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
rf_application_startup (GApplication *app)
{
  RfApplication *self = RF_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rf_database_default_path ();

  G_APPLICATION_CLASS (rf_application_parent_class)->startup (app);

  /* Opening is quick (one small file); the window shows the error if not. */
  self->database = rf_database_open_sync (path, NULL, &error);
  if (self->database == NULL)
    g_warning ("%s", error->message);
}

static void
rf_application_shutdown (GApplication *app)
{
  RfApplication *self = RF_APPLICATION (app);

  if (self->database != NULL)
    rf_database_close (self->database);

  G_APPLICATION_CLASS (rf_application_parent_class)->shutdown (app);
}

static void
rf_application_finalize (GObject *object)
{
  RfApplication *self = RF_APPLICATION (object);

  g_clear_object (&self->database);

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
