/* rf-window-export.c: export the leads in view or the selection to CSV or
 * vCard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-lead-export.h"
#include "rf-window-private.h"

typedef struct
{
  GWeakRef     window;
  RfLeadQuery *query;
  GFile       *file;
} Export;

static void
export_free (Export *export)
{
  g_weak_ref_clear (&export->window);
  rf_lead_query_free (export->query);
  g_clear_object (&export->file);
  g_free (export);
}

static void
toast (RfWindow   *self,
       const char *title,
       gboolean    high)
{
  AdwToast *message = adw_toast_new (title);

  if (high)
    adw_toast_set_priority (message, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, message);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(RfWindow) self = g_weak_ref_get (&export->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (export->file);
  g_autofree char *title = NULL;
  guint written = 0;

  if (!rf_lead_export_finish (result, &written, &error))
    {
      /* Nothing half-written is left behind under the chosen name. */
      g_file_delete (export->file, NULL, NULL);
      title = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);
    }
  else
    title = g_strdup_printf (g_dngettext (NULL, "Exported %u lead to “%s”", "Exported %u leads to “%s”", written),
                             written, name);
  if (self != NULL)
    toast (self, title, error != NULL);
  export_free (export);
}

static void
start_export (RfWindow    *self,
              GFile       *file,
              RfLeadQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autofree char *name = g_file_get_basename (file);
  RfLeadExportFormat format = g_str_has_suffix (name, ".vcf") || g_str_has_suffix (name, ".vcard")
                                ? RF_LEAD_EXPORT_VCARD : RF_LEAD_EXPORT_CSV;
  Export *export;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, &error);
  if (stream == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);

      toast (self, title, TRUE);
      rf_lead_query_free (query);
      return;
    }
  export = g_new0 (Export, 1);
  g_weak_ref_init (&export->window, self);
  export->query = query;
  export->file = g_object_ref (file);
  rf_lead_export_async (self->database, query, format, G_OUTPUT_STREAM (stream), NULL, exported_cb, export);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  RfWindow *self = RF_WINDOW (gtk_native_dialog_get_transient_for (dialog));
  RfLeadQuery *query = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      start_export (self, file, query);
    }
  else
    rf_lead_query_free (query);
  g_object_unref (dialog);
}

/* Asks where to save @query's leads (taken); the name's extension picks
 * the format: .csv, or .vcf for vCard. */
static void
choose_file (RfWindow    *self,
             RfLeadQuery *query)
{
  GtkFileChooserNative *dialog;
  GtkFileFilter *csv = gtk_file_filter_new ();
  GtkFileFilter *vcard = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Export Leads"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV (spreadsheets, CRMs)"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_set_name (vcard, _("vCard (address books)"));
  gtk_file_filter_add_suffix (vcard, "vcf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), vcard);
  g_object_unref (csv);
  g_object_unref (vcard);
  /* Translators: the file name offered for an export; keep .csv */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("leads.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (chooser_response_cb), query);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static RfLeadQuery *
current_query (RfWindow *self)
{
  const RfLeadQuery *shown = self->model != NULL ? rf_lead_list_model_get_query (self->model) : NULL;
  RfLeadQuery *query = shown != NULL ? rf_lead_query_copy (shown) : rf_lead_query_new ();

  query->offset = 0;
  query->limit = 0;
  return query;
}

static void
export_selection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RfWindow *self = RF_WINDOW (widget);
  RfLeadQuery *query = current_query (self);

  query->ids = rf_lead_table_get_selected_ids (self->table);
  choose_file (self, query);
}

static void
export_shown_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RfWindow *self = RF_WINDOW (widget);

  choose_file (self, current_query (self));
}

/* For tests: writes what the chooser would, to @file. */
void
rf_window_export_to_file (RfWindow *self,
                          GFile    *file,
                          gboolean  selection_only)
{
  RfLeadQuery *query = current_query (self);

  g_return_if_fail (RF_IS_WINDOW (self));

  if (selection_only)
    query->ids = rf_lead_table_get_selected_ids (self->table);
  start_export (self, file, query);
}

void
rf_window_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-selection", NULL, export_selection_action);
  gtk_widget_class_install_action (widget_class, "win.export-shown", NULL, export_shown_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-shown", NULL);
}
