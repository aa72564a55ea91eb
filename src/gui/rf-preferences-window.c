/* rf-preferences-window.c: rows write GSettings; RfConfig follows the
 * settings and the engine follows RfConfig, so changes apply at once
 * (the database location on the next start)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-ollama-client.h"
#include "rf-preferences-window.h"

struct _RfPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GCancellable         *cancellable;
  GCancellable         *testing;
  GtkStringList        *models;
  char                 *test_result;
  gboolean              filling;       /* setting the combo rows: not a choice */
  GtkFileChooserNative *chooser;

  AdwPreferencesGroup  *ollama_group;
  AdwEntryRow          *url_row;
  AdwPasswordEntryRow  *token_row;
  GtkButton            *test_button;
  GtkSpinner           *test_spinner;
  GtkLabel             *test_label;
  AdwComboRow          *fast_row;
  AdwComboRow          *rich_row;
  GtkSpinButton        *threshold_spin;
  GtkSpinButton        *in_flight_spin;
  AdwActionRow         *database_row;
  GtkButton            *database_reset;
  GtkSwitch            *notifications_switch;
};

G_DEFINE_FINAL_TYPE (RfPreferencesWindow, rf_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Models. */

static guint
find_model (RfPreferencesWindow *self,
            const char          *name)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->models));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->models, i), name) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
fill_models (RfPreferencesWindow *self,
             const char * const  *installed)
{
  g_autofree char *fast = g_settings_get_string (self->settings, "fast-model");
  g_autofree char *rich = g_settings_get_string (self->settings, "rich-model");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->models));

  self->filling = TRUE;
  gtk_string_list_splice (self->models, 0, n, installed);
  /* The chosen models stay choosable even when not installed. */
  if (find_model (self, fast) == GTK_INVALID_LIST_POSITION)
    gtk_string_list_append (self->models, fast);
  if (find_model (self, rich) == GTK_INVALID_LIST_POSITION)
    gtk_string_list_append (self->models, rich);
  adw_combo_row_set_selected (self->fast_row, find_model (self, fast));
  adw_combo_row_set_selected (self->rich_row, find_model (self, rich));
  self->filling = FALSE;
}

static void
model_selected_cb (AdwComboRow         *row,
                   GParamSpec          *pspec,
                   RfPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);
  const char *key = row == self->fast_row ? "fast-model" : "rich-model";

  if (self->filling || selected == GTK_INVALID_LIST_POSITION)
    return;
  g_settings_set_string (self->settings, key, gtk_string_list_get_string (self->models, selected));
}

/* Test connection. */

/* Returns: (nullable): the address typed, completed, or NULL when it is none. */
static char *
dup_url (RfPreferencesWindow *self)
{
  g_autofree char *url = rf_ollama_normalize_base_url (gtk_editable_get_text (GTK_EDITABLE (self->url_row)));
  g_autofree char *scheme = g_uri_parse_scheme (url);

  if (!g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL) || scheme == NULL
      || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    return NULL;
  return g_steal_pointer (&url);
}

static void
set_testing (RfPreferencesWindow *self,
             gboolean             testing)
{
  gtk_widget_set_visible (GTK_WIDGET (self->test_spinner), testing);
  gtk_spinner_set_spinning (self->test_spinner, testing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), !testing);
}

static void
set_test_result (RfPreferencesWindow *self,
                 const char          *text,
                 gboolean             ok)
{
  g_free (self->test_result);
  self->test_result = g_strdup (text);
  gtk_label_set_text (self->test_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->test_label), TRUE);
  if (ok)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->test_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->test_label), "success");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->test_label), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->test_label), "error");
    }
  set_testing (self, FALSE);
}

typedef struct
{
  RfPreferencesWindow *self;
  char                *version;
} Test;

static void
test_free (Test *test)
{
  g_object_unref (test->self);
  g_free (test->version);
  g_free (test);
}

static void
test_models_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Test *test = user_data;
  RfPreferencesWindow *self = test->self;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) models = rf_ollama_client_list_models_finish (RF_OLLAMA_CLIENT (object), result, &error);
  g_autofree char *text = NULL;

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (models == NULL)
        {
          text = g_strdup_printf (_("Ollama %s answers, but its models cannot be listed: %s"), test->version,
                                  error->message);
          set_test_result (self, text, FALSE);
        }
      else
        {
          guint n = g_strv_length (models);

          fill_models (self, (const char * const *)models);
          text = g_strdup_printf (ngettext ("Connected to Ollama %s: %u model installed.",
                                            "Connected to Ollama %s: %u models installed.", n),
                                  test->version, n);
          set_test_result (self, text, TRUE);
        }
    }
  test_free (test);
}

static void
test_version_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Test *test = user_data;
  RfPreferencesWindow *self = test->self;
  g_autoptr(GError) error = NULL;

  test->version = rf_ollama_client_version_finish (RF_OLLAMA_CLIENT (object), result, &error);
  if (test->version == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("No answer: %s"), error->message);
          set_test_result (self, text, FALSE);
        }
      test_free (test);
      return;
    }
  rf_ollama_client_list_models_async (RF_OLLAMA_CLIENT (object), self->testing, test_models_cb, test);
}

void
rf_preferences_window_test (RfPreferencesWindow *self)
{
  g_autoptr(RfOllamaClient) client = NULL;
  g_autofree char *url = NULL;
  Test *test;

  g_return_if_fail (RF_IS_PREFERENCES_WINDOW (self));

  if (self->testing != NULL)
    g_cancellable_cancel (self->testing);
  g_clear_object (&self->testing);
  self->testing = g_cancellable_new ();
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel), self->testing,
                           G_CONNECT_SWAPPED);

  url = dup_url (self);
  if (url == NULL)
    {
      set_test_result (self, _("This is not a web address: use one like http://localhost:11434"), FALSE);
      return;
    }
  client = rf_ollama_client_new (url);
  rf_ollama_client_set_token (client, gtk_editable_get_text (GTK_EDITABLE (self->token_row)));
  rf_ollama_client_set_retries (client, 0, 0);
  g_clear_pointer (&self->test_result, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->test_label), FALSE);
  set_testing (self, TRUE);

  test = g_new0 (Test, 1);
  test->self = g_object_ref (self);
  rf_ollama_client_version_async (client, self->testing, test_version_cb, test);
}

static void
test_clicked_cb (RfPreferencesWindow *self)
{
  rf_preferences_window_test (self);
}

/* Address and token: written on Apply (Enter), so a half-typed address is
 * never tried. */

static void
url_apply_cb (RfPreferencesWindow *self)
{
  g_autofree char *url = dup_url (self);

  if (url == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
      set_test_result (self, _("This is not a web address: use one like http://localhost:11434"), FALSE);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
  g_settings_set_string (self->settings, "ollama-url", url);
  rf_preferences_window_test (self);
}

static void
token_apply_cb (RfPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "ollama-token", gtk_editable_get_text (GTK_EDITABLE (self->token_row)));
}

/* Database. */

static void
update_database_row (RfPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "database-path");
  g_autofree char *shown = NULL;

  if (*path == '\0')
    shown = g_build_filename (g_get_user_data_dir (), "raptorflow", "leads.db", NULL);
  adw_action_row_set_subtitle (self->database_row, shown != NULL ? shown : path);
  gtk_widget_set_visible (GTK_WIDGET (self->database_reset), *path != '\0');
}

static void
chooser_response_cb (GtkNativeDialog     *dialog,
                     int                  response,
                     RfPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, "database-path", path);
    }
  g_clear_object (&self->chooser);
}

static void
database_choose_cb (RfPreferencesWindow *self)
{
  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Database Location"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Use"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "leads.db");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
database_reset_cb (RfPreferencesWindow *self)
{
  g_settings_reset (self->settings, "database-path");
}

/* The object. */

static void
rf_preferences_window_dispose (GObject *object)
{
  RfPreferencesWindow *self = RF_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), RF_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (rf_preferences_window_parent_class)->dispose (object);
}

static void
rf_preferences_window_finalize (GObject *object)
{
  RfPreferencesWindow *self = RF_PREFERENCES_WINDOW (object);

  g_clear_object (&self->testing);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->models);
  g_free (self->test_result);

  G_OBJECT_CLASS (rf_preferences_window_parent_class)->finalize (object);
}

static void
rf_preferences_window_class_init (RfPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rf_preferences_window_dispose;
  object_class->finalize = rf_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gui/rf-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RfPreferencesWindow, ollama_group);
  gtk_widget_class_bind_template_child (widget_class, RfPreferencesWindow, url_row);
  gtk_widget_class_bind_template_child (widget_class, RfPreferencesWindow, token_row);
  gtk_widget_class_bind_template_child (widget_class, RfPreferencesWindow, test_button);
  gtk_widget_class_bind_template_child (widget_class, RfPreferencesWindow, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, RfPreferencesWindow, test_label);
  gtk_widget_class_bind_template_child (widget_class, RfPreferencesWindow, fast_row);
  gtk_widget_class_bind_template_child (widget_class, RfPreferencesWindow, rich_row);
  gtk_widget_class_bind_template_child (widget_class, RfPreferencesWindow, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, RfPreferencesWindow, in_flight_spin);
  gtk_widget_class_bind_template_child (widget_class, RfPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, RfPreferencesWindow, database_reset);
  gtk_widget_class_bind_template_child (widget_class, RfPreferencesWindow, notifications_switch);
  gtk_widget_class_bind_template_callback (widget_class, test_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, url_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, token_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, database_choose_cb);
  gtk_widget_class_bind_template_callback (widget_class, database_reset_cb);
}

static void
rf_preferences_window_init (RfPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->models = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->fast_row, G_LIST_MODEL (self->models));
  adw_combo_row_set_model (self->rich_row, G_LIST_MODEL (self->models));
}

RfPreferencesWindow *
rf_preferences_window_new (GSettings *settings)
{
  RfPreferencesWindow *self;
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GString) overrides = g_string_new (NULL);
  static const char * const none[] = { NULL };
  static const struct { const char *variable; const char *what; } variables[] = {
    { "OLLAMA_BASE_URL", N_("the address") },
    { "OLLAMA_MODEL_1B", N_("the fast model") },
    { "OLLAMA_MODEL_4B", N_("the rich model") },
    { "CLASSIFIER_SCORE_THRESHOLD", N_("the dossier threshold") },
    { "DATABASE_URL", N_("the database location") },
  };

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RF_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);

  url = g_settings_get_string (settings, "ollama-url");
  token = g_settings_get_string (settings, "ollama-token");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), token);
  fill_models (self, none);
  g_signal_connect_object (self->fast_row, "notify::selected", G_CALLBACK (model_selected_cb), self, 0);
  g_signal_connect_object (self->rich_row, "notify::selected", G_CALLBACK (model_selected_cb), self, 0);

  g_settings_bind (settings, "dossier-threshold", gtk_spin_button_get_adjustment (self->threshold_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "requests-in-flight", gtk_spin_button_get_adjustment (self->in_flight_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "notifications", self->notifications_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::database-path", G_CALLBACK (update_database_row), self,
                           G_CONNECT_SWAPPED);
  update_database_row (self);

  /* The seed's environment wins over these settings: say so. */
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *value = g_getenv (variables[i].variable);

      if (value == NULL || *value == '\0')
        continue;
      g_string_append_printf (overrides, "%s%s (%s)", overrides->len > 0 ? ", " : "", _(variables[i].what),
                              variables[i].variable);
    }
  if (overrides->len > 0)
    {
      g_autofree char *description = g_strdup_printf (_("Set in the environment, so it wins over the setting here: %s."),
                                                      overrides->str);
      adw_preferences_group_set_description (self->ollama_group, description);
    }

  rf_preferences_window_test (self);
  return self;
}

gboolean
rf_preferences_window_get_busy (RfPreferencesWindow *self)
{
  g_return_val_if_fail (RF_IS_PREFERENCES_WINDOW (self), FALSE);
  return gtk_spinner_get_spinning (self->test_spinner);
}

const char *
rf_preferences_window_get_test_result (RfPreferencesWindow *self)
{
  g_return_val_if_fail (RF_IS_PREFERENCES_WINDOW (self), NULL);
  return self->test_result;
}

GListModel *
rf_preferences_window_get_models (RfPreferencesWindow *self)
{
  g_return_val_if_fail (RF_IS_PREFERENCES_WINDOW (self), NULL);
  return G_LIST_MODEL (self->models);
}

AdwEntryRow *
rf_preferences_window_get_url_row (RfPreferencesWindow *self)
{
  g_return_val_if_fail (RF_IS_PREFERENCES_WINDOW (self), NULL);
  return self->url_row;
}

AdwComboRow *
rf_preferences_window_get_fast_row (RfPreferencesWindow *self)
{
  g_return_val_if_fail (RF_IS_PREFERENCES_WINDOW (self), NULL);
  return self->fast_row;
}

GtkSpinButton *
rf_preferences_window_get_threshold (RfPreferencesWindow *self)
{
  g_return_val_if_fail (RF_IS_PREFERENCES_WINDOW (self), NULL);
  return self->threshold_spin;
}

GtkSpinButton *
rf_preferences_window_get_in_flight (RfPreferencesWindow *self)
{
  g_return_val_if_fail (RF_IS_PREFERENCES_WINDOW (self), NULL);
  return self->in_flight_spin;
}

GtkSwitch *
rf_preferences_window_get_notifications (RfPreferencesWindow *self)
{
  g_return_val_if_fail (RF_IS_PREFERENCES_WINDOW (self), NULL);
  return self->notifications_switch;
}
