/* rf-status-pill.c: follows the engine's ollama-status; checks again
 * every half minute while not ready and when the window gets the focus;
 * when Ollama comes back, offers to re-score what rules scored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-lead-dao.h"
#include "rf-status-pill.h"
#include "rf-window.h"

struct _RfStatusPill
{
  GtkWidget          parent_instance;

  RfLeadEngine      *engine;
  RfStatusPillState  state;
  GCancellable      *cancellable;     /* the pill's life */
  GCancellable      *pulling;         /* the download under way */
  GPtrArray         *to_pull;         /* char *: models left to download */
  guint              recheck_id;
  gulong             active_id;
  GtkWindow         *window;          /* weak: whose focus triggers a check */
  int                rules_leads;
  GArray            *rules_ids;       /* gint64 */
  gboolean           rescoring;

  GtkMenuButton     *button;
  GtkImage          *icon;
  GtkLabel          *label;
  GtkStack          *stack;
  GtkLabel          *ready_label;
  GtkLabel          *missing_label;
  GtkButton         *download_button;
  GtkBox            *download_box;
  GtkProgressBar    *download_bar;
  GtkLabel          *download_label;
  GtkLabel          *offline_label;
  GtkRevealer       *rescore_revealer;
  GtkLabel          *rescore_label;
  GtkButton         *rescore_button;
};

G_DEFINE_FINAL_TYPE (RfStatusPill, rf_status_pill, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void count_rules_leads (RfStatusPill *self);

/* The button. */

static void
update_label (RfStatusPill *self)
{
  guint pending = rf_lead_engine_get_pending (self->engine);
  const char *icon = NULL;
  const char *css = NULL;
  g_autofree char *text = NULL;
  static const char * const classes[] = { "ready", "missing", "offline", NULL };

  switch (self->state)
    {
    case RF_STATUS_PILL_READY:
      icon = "emblem-ok-symbolic";
      css = "ready";
      /* Translators: the status pill: Ollama answers */
      text = g_strdup (C_("ollama status", "Ready"));
      break;
    case RF_STATUS_PILL_MODEL_MISSING:
      icon = "folder-download-symbolic";
      css = "missing";
      text = g_strdup (C_("ollama status", "Model Missing"));
      break;
    case RF_STATUS_PILL_OFFLINE:
      icon = "network-offline-symbolic";
      css = "offline";
      /* Translators: the status pill: Ollama is not reachable, rules score */
      text = g_strdup (C_("ollama status", "Offline · Rules"));
      break;
    case RF_STATUS_PILL_CHECKING:
    default:
      icon = "content-loading-symbolic";
      text = g_strdup (C_("ollama status", "Checking…"));
      break;
    }
  if (pending > 0)
    {
      g_free (text);
      /* Translators: the status pill while signals are being scored */
      text = g_strdup_printf (ngettext ("Scoring %u…", "Scoring %u…", pending), pending);
      icon = "emblem-synchronizing-symbolic";
    }

  gtk_image_set_from_icon_name (self->icon, icon);
  gtk_label_set_text (self->label, text);
  for (guint i = 0; classes[i] != NULL; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->button), classes[i]);
  if (css != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->button), css);
  {
    /* Translators: the accessible name of the status pill, e.g. "Ollama: Ready" */
    g_autofree char *name = g_strdup_printf (_("Ollama: %s"), text);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
}

/* The popover. */

static void
update_popover (RfStatusPill *self)
{
  RfConfig *config = rf_lead_engine_get_config (self->engine);
  const char *url = rf_config_get_ollama_url (config);
  const char *message = rf_lead_engine_get_status_message (self->engine);
  g_autofree char *text = NULL;

  switch (self->state)
    {
    case RF_STATUS_PILL_READY:
      gtk_label_set_text (self->ready_label, message != NULL ? message : "");
      gtk_stack_set_visible_child_name (self->stack, "ready");
      break;
    case RF_STATUS_PILL_MODEL_MISSING:
      if (!rf_lead_engine_get_dossiers_enabled (self->engine)
          && rf_lead_engine_get_ollama_status (self->engine) == RF_OLLAMA_STATUS_READY)
        text = g_strdup_printf (_("%s is not downloaded, so hot leads get no dossier. Download it now?"),
                                rf_config_get_rich_model (config));
      else
        text = g_strdup_printf (_("%s is not downloaded. Leads are scored with built-in rules until it is. Download it now?"),
                                rf_config_get_fast_model (config));
      gtk_label_set_text (self->missing_label, text);
      gtk_stack_set_visible_child_name (self->stack, "missing");
      break;
    case RF_STATUS_PILL_OFFLINE:
      text = g_strdup_printf (_("Ollama does not answer at %s, so leads are scored with built-in rules.\n\n"
                                "Start it with “ollama serve” in a terminal (install it from ollama.com), "
                                "or set its address in Preferences. Raptorflow checks again every %u seconds."),
                              url, RF_STATUS_PILL_RECHECK_SECONDS);
      gtk_label_set_text (self->offline_label, text);
      gtk_stack_set_visible_child_name (self->stack, "offline");
      break;
    case RF_STATUS_PILL_CHECKING:
    default:
      gtk_stack_set_visible_child_name (self->stack, "checking");
      break;
    }
}

static gboolean
recheck_cb (gpointer user_data)
{
  RfStatusPill *self = user_data;

  rf_status_pill_check (self);
  return G_SOURCE_CONTINUE;
}

static void
set_state (RfStatusPill      *self,
           RfStatusPillState  state)
{
  RfStatusPillState old = self->state;

  if (old == state)
    {
      update_label (self);
      update_popover (self);
      return;
    }
  self->state = state;
  update_label (self);
  update_popover (self);

  /* Check again by itself while not ready. */
  if (state == RF_STATUS_PILL_READY)
    g_clear_handle_id (&self->recheck_id, g_source_remove);
  else if (state != RF_STATUS_PILL_CHECKING && self->recheck_id == 0)
    self->recheck_id = g_timeout_add_seconds (RF_STATUS_PILL_RECHECK_SECONDS, recheck_cb, self);

  /* Back from offline or a missing model: what rules scored may be re-scored. */
  if (state == RF_STATUS_PILL_READY && (old == RF_STATUS_PILL_OFFLINE || old == RF_STATUS_PILL_MODEL_MISSING))
    count_rules_leads (self);
  if (state != RF_STATUS_PILL_READY)
    gtk_revealer_set_reveal_child (self->rescore_revealer, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
engine_status_cb (RfStatusPill *self)
{
  RfOllamaStatus status = rf_lead_engine_get_ollama_status (self->engine);

  switch (status)
    {
    case RF_OLLAMA_STATUS_READY:
      set_state (self, rf_lead_engine_get_dossiers_enabled (self->engine) ? RF_STATUS_PILL_READY
                                                                            : RF_STATUS_PILL_MODEL_MISSING);
      break;
    case RF_OLLAMA_STATUS_MODEL_MISSING:
      set_state (self, RF_STATUS_PILL_MODEL_MISSING);
      break;
    case RF_OLLAMA_STATUS_NOT_RUNNING:
      set_state (self, RF_STATUS_PILL_OFFLINE);
      break;
    case RF_OLLAMA_STATUS_UNKNOWN:
    case RF_OLLAMA_STATUS_CHECKING:
    default:
      /* Keep what was shown while asking again: no flicker every half minute. */
      if (self->state == RF_STATUS_PILL_CHECKING)
        set_state (self, RF_STATUS_PILL_CHECKING);
      break;
    }
}

static void
pending_cb (RfStatusPill *self)
{
  update_label (self);
}

void
rf_status_pill_check (RfStatusPill *self)
{
  g_return_if_fail (RF_IS_STATUS_PILL (self));

  if (rf_lead_engine_get_ollama_status (self->engine) != RF_OLLAMA_STATUS_CHECKING)
    rf_lead_engine_check_ollama_async (self->engine, NULL, NULL, NULL);
}

/* Focus: the user may have just started Ollama in a terminal. */

static void
window_active_cb (GtkWindow    *window,
                  GParamSpec   *pspec,
                  RfStatusPill *self)
{
  if (gtk_window_is_active (window) && self->state != RF_STATUS_PILL_READY)
    rf_status_pill_check (self);
}

static void
disconnect_window (RfStatusPill *self)
{
  if (self->window == NULL)
    return;
  g_clear_signal_handler (&self->active_id, self->window);
  g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *)&self->window);
  self->window = NULL;
}

static void
rf_status_pill_root (GtkWidget *widget)
{
  RfStatusPill *self = RF_STATUS_PILL (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (rf_status_pill_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  disconnect_window (self);
  if (GTK_IS_WINDOW (root))
    {
      self->window = GTK_WINDOW (root);
      g_object_add_weak_pointer (G_OBJECT (self->window), (gpointer *)&self->window);
      self->active_id = g_signal_connect (self->window, "notify::is-active", G_CALLBACK (window_active_cb), self);
    }
}

static void
rf_status_pill_unroot (GtkWidget *widget)
{
  disconnect_window (RF_STATUS_PILL (widget));
  GTK_WIDGET_CLASS (rf_status_pill_parent_class)->unroot (widget);
}

/* Download. */

static void pull_next (RfStatusPill *self);

static void
pull_progress_cb (const char *status,
                  double      fraction,
                  gpointer    user_data)
{
  RfStatusPill *self = user_data;
  const char *model = self->to_pull->len > 0 ? g_ptr_array_index (self->to_pull, 0) : "";
  g_autofree char *text = NULL;

  if (fraction >= 0)
    gtk_progress_bar_set_fraction (self->download_bar, fraction);
  else
    gtk_progress_bar_pulse (self->download_bar);
  /* Translators: "gemma3:1b: downloading" (Ollama's own words after the colon) */
  text = g_strdup_printf (_("%s: %s"), model, status != NULL ? status : "");
  gtk_label_set_text (self->download_label, text);
}

static void
download_finished (RfStatusPill *self)
{
  g_clear_object (&self->pulling);
  g_ptr_array_set_size (self->to_pull, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->download_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->download_button), TRUE);
}

static void
pull_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RfStatusPill) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rf_ollama_client_pull_finish (RF_OLLAMA_CLIENT (object), result, &error))
    {
      if (!g_cancellable_is_cancelled (self->cancellable))
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            gtk_label_set_text (self->download_label, _("Download cancelled"));
          else
            {
              g_autofree char *text = g_strdup_printf (_("Download failed: %s"), error->message);
              gtk_label_set_text (self->download_label, text);
            }
          g_clear_object (&self->pulling);
          g_ptr_array_set_size (self->to_pull, 0);
          gtk_widget_set_visible (GTK_WIDGET (self->download_button), TRUE);
        }
      return;
    }
  g_ptr_array_remove_index (self->to_pull, 0);
  if (self->to_pull->len > 0)
    pull_next (self);
  else
    {
      download_finished (self);
      rf_status_pill_check (self);
    }
}

static void
pull_next (RfStatusPill *self)
{
  gtk_progress_bar_set_fraction (self->download_bar, 0);
  rf_ollama_client_pull_async (rf_lead_engine_get_ollama (self->engine), g_ptr_array_index (self->to_pull, 0),
                               pull_progress_cb, self, NULL, self->pulling, pull_ready_cb, g_object_ref (self));
}

static void
models_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RfStatusPill) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) models = rf_ollama_client_list_models_finish (RF_OLLAMA_CLIENT (object), result, &error);
  RfConfig *config = rf_lead_engine_get_config (self->engine);
  const char *wanted[] = { rf_config_get_fast_model (config), rf_config_get_rich_model (config) };

  if (g_cancellable_is_cancelled (self->cancellable) || self->pulling == NULL)
    return;
  if (models == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Download failed: %s"), error->message);
      gtk_label_set_text (self->download_label, text);
      g_clear_object (&self->pulling);
      gtk_widget_set_visible (GTK_WIDGET (self->download_button), TRUE);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    if (!rf_ollama_model_list_has ((const char * const *)models, wanted[i]))
      g_ptr_array_add (self->to_pull, g_strdup (wanted[i]));
  if (self->to_pull->len == 0)
    {
      download_finished (self);
      rf_status_pill_check (self);
      return;
    }
  pull_next (self);
}

void
rf_status_pill_download (RfStatusPill *self)
{
  g_return_if_fail (RF_IS_STATUS_PILL (self));

  if (self->pulling != NULL)
    return;
  self->pulling = g_cancellable_new ();
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel), self->pulling,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->download_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->download_box), TRUE);
  gtk_progress_bar_set_fraction (self->download_bar, 0);
  gtk_label_set_text (self->download_label, _("Looking for the missing models…"));
  rf_ollama_client_list_models_async (rf_lead_engine_get_ollama (self->engine), self->pulling, models_listed_cb,
                                      g_object_ref (self));
}

void
rf_status_pill_cancel_download (RfStatusPill *self)
{
  g_return_if_fail (RF_IS_STATUS_PILL (self));

  if (self->pulling != NULL)
    g_cancellable_cancel (self->pulling);
}

static void
download_clicked_cb (RfStatusPill *self)
{
  rf_status_pill_download (self);
}

static void
cancel_download_clicked_cb (RfStatusPill *self)
{
  rf_status_pill_cancel_download (self);
}

static void
check_clicked_cb (RfStatusPill *self)
{
  rf_status_pill_check (self);
}

/* Re-scoring what rules scored. */

static void
rescore_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RfStatusPill) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n = rf_lead_engine_rescore_finish (RF_LEAD_ENGINE (object), result, &error);
  g_autofree char *text = NULL;
  GtkRoot *root;

  self->rescoring = FALSE;
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (error != NULL)
    text = g_strdup_printf (_("Cannot re-score: %s"), error->message);
  else
    text = g_strdup_printf (ngettext ("%u lead re-scored by the model", "%u leads re-scored by the model", n), n);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (RF_IS_WINDOW (root))
    {
      /* Toast titles are markup; an error message is not. */
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      rf_window_add_toast (RF_WINDOW (root), adw_toast_new (escaped));
    }
  self->rules_leads = 0;
}

void
rf_status_pill_rescore_rules (RfStatusPill *self)
{
  g_return_if_fail (RF_IS_STATUS_PILL (self));

  if (self->rescoring || self->rules_ids == NULL || self->rules_ids->len == 0)
    return;
  self->rescoring = TRUE;
  gtk_revealer_set_reveal_child (self->rescore_revealer, FALSE);
  rf_lead_engine_rescore_async (self->engine, (const gint64 *)self->rules_ids->data, self->rules_ids->len, 0,
                                self->cancellable, rescore_ready_cb, g_object_ref (self));
}

static void
rescore_clicked_cb (RfStatusPill *self)
{
  gtk_menu_button_popdown (self->button);
  rf_status_pill_rescore_rules (self);
}

static void
toast_rescore_cb (AdwToast     *toast,
                  RfStatusPill *self)
{
  rf_status_pill_rescore_rules (self);
}

static void
rules_ids_ready_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RfStatusPill) self = user_data;
  g_autoptr(GError) error = NULL;
  GArray *ids = rf_lead_dao_list_ids_finish (RF_LEAD_DAO (object), result, &error);
  g_autofree char *text = NULL;
  GtkRoot *root;

  if (ids == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot list the leads scored by rules: %s", error->message);
      return;
    }
  g_clear_pointer (&self->rules_ids, g_array_unref);
  self->rules_ids = ids;
  self->rules_leads = ids->len;
  if (ids->len == 0 || self->state != RF_STATUS_PILL_READY)
    return;

  text = g_strdup_printf (ngettext ("Ollama is back. %u lead was scored by built-in rules.",
                                    "Ollama is back. %u leads were scored by built-in rules.", ids->len),
                          ids->len);
  gtk_label_set_text (self->rescore_label, text);
  gtk_revealer_set_reveal_child (self->rescore_revealer, TRUE);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (RF_IS_WINDOW (root))
    {
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_button_label (toast, _("_Re-score"));
      adw_toast_set_timeout (toast, 0);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_rescore_cb), self, 0);
      rf_window_add_toast (RF_WINDOW (root), toast);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
count_rules_leads (RfStatusPill *self)
{
  g_autoptr(RfLeadDao) dao = rf_lead_dao_new (rf_lead_engine_get_database (self->engine));
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();

  query->classifier = g_strdup ("rules");
  rf_lead_dao_list_ids_async (dao, query, self->cancellable, rules_ids_ready_cb, g_object_ref (self));
}

/* The object. */

static void
rf_status_pill_dispose (GObject *object)
{
  RfStatusPill *self = RF_STATUS_PILL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->recheck_id, g_source_remove);
  disconnect_window (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RF_TYPE_STATUS_PILL);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (rf_status_pill_parent_class)->dispose (object);
}

static void
rf_status_pill_finalize (GObject *object)
{
  RfStatusPill *self = RF_STATUS_PILL (object);

  g_clear_object (&self->pulling);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->to_pull, g_ptr_array_unref);
  g_clear_pointer (&self->rules_ids, g_array_unref);

  G_OBJECT_CLASS (rf_status_pill_parent_class)->finalize (object);
}

static void
rf_status_pill_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RfStatusPill *self = RF_STATUS_PILL (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_status_pill_class_init (RfStatusPillClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rf_status_pill_dispose;
  object_class->finalize = rf_status_pill_finalize;
  object_class->get_property = rf_status_pill_get_property;
  widget_class->root = rf_status_pill_root;
  widget_class->unroot = rf_status_pill_unroot;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, RF_STATUS_PILL_CHECKING, RF_STATUS_PILL_OFFLINE, RF_STATUS_PILL_CHECKING,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gui/rf-status-pill.ui");
  gtk_widget_class_bind_template_child (widget_class, RfStatusPill, button);
  gtk_widget_class_bind_template_child (widget_class, RfStatusPill, icon);
  gtk_widget_class_bind_template_child (widget_class, RfStatusPill, label);
  gtk_widget_class_bind_template_child (widget_class, RfStatusPill, stack);
  gtk_widget_class_bind_template_child (widget_class, RfStatusPill, ready_label);
  gtk_widget_class_bind_template_child (widget_class, RfStatusPill, missing_label);
  gtk_widget_class_bind_template_child (widget_class, RfStatusPill, download_button);
  gtk_widget_class_bind_template_child (widget_class, RfStatusPill, download_box);
  gtk_widget_class_bind_template_child (widget_class, RfStatusPill, download_bar);
  gtk_widget_class_bind_template_child (widget_class, RfStatusPill, download_label);
  gtk_widget_class_bind_template_child (widget_class, RfStatusPill, offline_label);
  gtk_widget_class_bind_template_child (widget_class, RfStatusPill, rescore_revealer);
  gtk_widget_class_bind_template_child (widget_class, RfStatusPill, rescore_label);
  gtk_widget_class_bind_template_child (widget_class, RfStatusPill, rescore_button);
  gtk_widget_class_bind_template_callback (widget_class, download_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_download_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, rescore_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rf_status_pill_init (RfStatusPill *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->to_pull = g_ptr_array_new_with_free_func (g_free);
  self->rules_leads = -1;
}

GtkWidget *
rf_status_pill_new (RfLeadEngine *engine)
{
  RfStatusPill *self;

  g_return_val_if_fail (RF_IS_LEAD_ENGINE (engine), NULL);

  self = g_object_new (RF_TYPE_STATUS_PILL, NULL);
  self->engine = g_object_ref (engine);
  g_signal_connect_object (engine, "notify::ollama-status", G_CALLBACK (engine_status_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (engine, "notify::dossiers-enabled", G_CALLBACK (engine_status_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (engine, "notify::status-message", G_CALLBACK (engine_status_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (engine, "notify::pending", G_CALLBACK (pending_cb), self, G_CONNECT_SWAPPED);
  update_label (self);
  update_popover (self);
  engine_status_cb (self);
  if (rf_lead_engine_get_ollama_status (engine) == RF_OLLAMA_STATUS_UNKNOWN)
    rf_status_pill_check (self);
  return GTK_WIDGET (self);
}

RfStatusPillState
rf_status_pill_get_state (RfStatusPill *self)
{
  g_return_val_if_fail (RF_IS_STATUS_PILL (self), RF_STATUS_PILL_CHECKING);
  return self->state;
}

gboolean
rf_status_pill_get_busy (RfStatusPill *self)
{
  g_return_val_if_fail (RF_IS_STATUS_PILL (self), FALSE);
  return self->pulling != NULL || self->rescoring || rf_lead_engine_get_pending (self->engine) > 0;
}

int
rf_status_pill_get_rules_leads (RfStatusPill *self)
{
  g_return_val_if_fail (RF_IS_STATUS_PILL (self), -1);
  return self->rules_leads;
}
