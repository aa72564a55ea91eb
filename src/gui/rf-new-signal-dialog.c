/* rf-new-signal-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-gui-labels.h"
#include "rf-icp-dao.h"
#include "rf-new-signal-dialog.h"
#include "rf-scoring.h"
#include "rf-window.h"

static const RfSourceType sources[] = {
  RF_SOURCE_TYPE_MANUAL, RF_SOURCE_TYPE_JOB_POST, RF_SOURCE_TYPE_WEBSITE,
};

struct _RfNewSignalDialog
{
  AdwWindow        parent_instance;

  RfLeadEngine    *engine;
  GCancellable    *cancellable;
  GArray          *profile_ids;   /* gint64, parallel to the profile row, 0 first */
  gboolean         busy;
  gint64           lead_id;

  GtkTextView     *text_view;
  AdwComboRow     *source_row;
  AdwEntryRow     *company_row;
  AdwEntryRow     *website_row;
  AdwComboRow     *profile_row;
  GtkButton       *classify_button;
  GtkSpinner      *spinner;
  GtkRevealer     *result_revealer;
  GtkLabel        *result_bucket;
  GtkLabel        *result_title;
  GtkLabel        *result_detail;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (RfNewSignalDialog, rf_new_signal_dialog, ADW_TYPE_WINDOW)

static char *
dup_text (RfNewSignalDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
update_sensitivity (RfNewSignalDialog *self)
{
  g_autofree char *text = dup_text (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->classify_button), !self->busy && *text != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
}

static void
text_changed_cb (RfNewSignalDialog *self)
{
  update_sensitivity (self);
}

static void
show_result (RfNewSignalDialog *self,
             RfClassifyOutcome *outcome)
{
  RfLead *lead = outcome->lead;
  RfClassification *classification = rf_lead_get_classification (lead);
  RfScoreBucket bucket = rf_lead_get_score_bucket (lead);
  const char *company = rf_lead_get_company_name (lead);
  g_autofree char *title = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);
  const char *classifier = classification != NULL ? rf_classification_get_classifier (classification) : NULL;
  const char *explanation = classification != NULL ? rf_classification_get_explanation (classification) : NULL;

  gtk_label_set_text (self->result_bucket, rf_score_bucket_label (bucket));
  rf_gui_set_bucket_css_class (GTK_WIDGET (self->result_bucket), bucket);

  /* Translators: "Score 82 — Acme GmbH" */
  title = g_strdup_printf (_("Score %.0f — %s"), rf_gui_shown_score (rf_lead_get_total_score (lead)),
                           company != NULL && *company != '\0' ? company : _("No company"));
  gtk_label_set_text (self->result_title, title);

  if (outcome->duplicate)
    g_string_append (detail, _("This signal was seen before: its lead is shown. "));
  /* The explanation names the classifier; without one, say who scored. */
  if (explanation != NULL && *explanation != '\0')
    ;
  else if (classifier != NULL && g_str_equal (classifier, "rules"))
    g_string_append (detail, _("Scored with built-in rules. "));
  else if (classifier != NULL)
    /* Translators: "Scored by ollama:gemma3:1b." */
    g_string_append_printf (detail, _("Scored by %s. "), classifier);
  if (outcome->ollama_error != NULL)
    g_string_append_printf (detail, "%s ", outcome->ollama_error->message);
  if (explanation != NULL)
    g_string_append (detail, explanation);
  gtk_label_set_text (self->result_detail, g_strstrip (detail->str));
  gtk_revealer_set_reveal_child (self->result_revealer, TRUE);
}

static void
classify_ready_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RfNewSignalDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RfClassifyOutcome) outcome = NULL;
  GtkWindow *parent;

  outcome = rf_lead_engine_classify_finish (RF_LEAD_ENGINE (object), result, &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  self->busy = FALSE;
  update_sensitivity (self);
  if (outcome == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Cannot classify: %s"), error->message);
      gtk_label_set_text (self->error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  self->lead_id = rf_lead_get_id (outcome->lead);
  show_result (self, outcome);

  /* Open the lead behind the dialog. */
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (RF_IS_WINDOW (parent))
    rf_window_select_lead (RF_WINDOW (parent), self->lead_id);
}

void
rf_new_signal_dialog_classify (RfNewSignalDialog *self)
{
  g_autofree char *text = NULL;
  g_autoptr(RfSignal) signal = NULL;
  g_autoptr(RfCompany) company = NULL;
  const char *name;
  const char *website;
  guint source = adw_combo_row_get_selected (self->source_row);
  guint profile = adw_combo_row_get_selected (self->profile_row);
  gint64 icp_id = 0;

  g_return_if_fail (RF_IS_NEW_SIGNAL_DIALOG (self));

  text = dup_text (self);
  if (self->busy || *text == '\0')
    return;

  signal = rf_signal_new ();
  rf_signal_set_source_type (signal, source < G_N_ELEMENTS (sources) ? sources[source] : RF_SOURCE_TYPE_MANUAL);
  rf_signal_set_raw_text (signal, text);

  name = gtk_editable_get_text (GTK_EDITABLE (self->company_row));
  website = gtk_editable_get_text (GTK_EDITABLE (self->website_row));
  if (*name != '\0' || *website != '\0')
    {
      company = rf_company_new ();
      if (*name != '\0')
        rf_company_set_name (company, name);
      if (*website != '\0')
        rf_company_set_website (company, website);
    }
  if (profile != GTK_INVALID_LIST_POSITION && profile < self->profile_ids->len)
    icp_id = g_array_index (self->profile_ids, gint64, profile);

  self->busy = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_revealer_set_reveal_child (self->result_revealer, FALSE);
  update_sensitivity (self);
  rf_lead_engine_classify_async (self->engine, signal, company, NULL, icp_id, self->cancellable,
                                 classify_ready_cb, g_object_ref (self));
}

static void
classify_clicked_cb (RfNewSignalDialog *self)
{
  rf_new_signal_dialog_classify (self);
}

/* Profiles. */

static void
profiles_ready_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RfNewSignalDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = rf_icp_dao_list_finish (RF_ICP_DAO (object), result, &error);
  g_autoptr(GtkStringList) names = NULL;
  gint64 none = 0;

  if (profiles == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot list the profiles: %s", error->message);
      return;
    }
  names = gtk_string_list_new (NULL);
  g_array_set_size (self->profile_ids, 0);
  gtk_string_list_append (names, _("Active profiles"));
  g_array_append_val (self->profile_ids, none);
  for (guint i = 0; i < profiles->len; i++)
    {
      RfIcpProfile *profile = g_ptr_array_index (profiles, i);
      gint64 id = rf_icp_profile_get_id (profile);

      gtk_string_list_append (names, rf_icp_profile_get_name (profile));
      g_array_append_val (self->profile_ids, id);
    }
  adw_combo_row_set_model (self->profile_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->profile_row, 0);
}

/* The object. */

static void
rf_new_signal_dialog_dispose (GObject *object)
{
  RfNewSignalDialog *self = RF_NEW_SIGNAL_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RF_TYPE_NEW_SIGNAL_DIALOG);

  G_OBJECT_CLASS (rf_new_signal_dialog_parent_class)->dispose (object);
}

static void
rf_new_signal_dialog_finalize (GObject *object)
{
  RfNewSignalDialog *self = RF_NEW_SIGNAL_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->engine);
  g_array_unref (self->profile_ids);

  G_OBJECT_CLASS (rf_new_signal_dialog_parent_class)->finalize (object);
}

static void
rf_new_signal_dialog_class_init (RfNewSignalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rf_new_signal_dialog_dispose;
  object_class->finalize = rf_new_signal_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gui/rf-new-signal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RfNewSignalDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, RfNewSignalDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, RfNewSignalDialog, company_row);
  gtk_widget_class_bind_template_child (widget_class, RfNewSignalDialog, website_row);
  gtk_widget_class_bind_template_child (widget_class, RfNewSignalDialog, profile_row);
  gtk_widget_class_bind_template_child (widget_class, RfNewSignalDialog, classify_button);
  gtk_widget_class_bind_template_child (widget_class, RfNewSignalDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, RfNewSignalDialog, result_revealer);
  gtk_widget_class_bind_template_child (widget_class, RfNewSignalDialog, result_bucket);
  gtk_widget_class_bind_template_child (widget_class, RfNewSignalDialog, result_title);
  gtk_widget_class_bind_template_child (widget_class, RfNewSignalDialog, result_detail);
  gtk_widget_class_bind_template_child (widget_class, RfNewSignalDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, classify_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rf_new_signal_dialog_init (RfNewSignalDialog *self)
{
  g_autoptr(GtkStringList) source_names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->profile_ids = g_array_new (FALSE, TRUE, sizeof (gint64));

  gtk_string_list_append (source_names, C_("source type", "Note or message"));
  gtk_string_list_append (source_names, C_("source type", "Job post"));
  gtk_string_list_append (source_names, C_("source type", "Website text"));
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (source_names));

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed", G_CALLBACK (text_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_sensitivity (self);
}

RfNewSignalDialog *
rf_new_signal_dialog_new (RfLeadEngine *engine)
{
  RfNewSignalDialog *self;
  g_autoptr(RfIcpDao) dao = NULL;

  g_return_val_if_fail (RF_IS_LEAD_ENGINE (engine), NULL);

  self = g_object_new (RF_TYPE_NEW_SIGNAL_DIALOG, NULL);
  self->engine = g_object_ref (engine);
  dao = rf_icp_dao_new (rf_lead_engine_get_database (engine));
  rf_icp_dao_list_async (dao, FALSE, self->cancellable, profiles_ready_cb, g_object_ref (self));
  return self;
}

void
rf_new_signal_dialog_set_text (RfNewSignalDialog *self,
                               const char        *text)
{
  g_return_if_fail (RF_IS_NEW_SIGNAL_DIALOG (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text != NULL ? text : "", -1);
}

gboolean
rf_new_signal_dialog_get_busy (RfNewSignalDialog *self)
{
  g_return_val_if_fail (RF_IS_NEW_SIGNAL_DIALOG (self), FALSE);
  return self->busy;
}

gint64
rf_new_signal_dialog_get_lead_id (RfNewSignalDialog *self)
{
  g_return_val_if_fail (RF_IS_NEW_SIGNAL_DIALOG (self), 0);
  return self->lead_id;
}
