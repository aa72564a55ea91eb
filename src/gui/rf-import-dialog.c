/* rf-import-dialog.c: a dry run first (mapping, preview, what would
 * happen), then the import with progress, then its report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-import-dialog.h"
#include "rf-window.h"

#define PREVIEW_ROWS     5
#define PREVIEW_DELAY_MS 300
#define PROGRESS_MS      100

struct _RfImportDialog
{
  AdwWindow             parent_instance;

  RfDatabase           *database;
  RfCsvImporter        *importer;
  GFile                *file;
  GCancellable         *cancellable;   /* the dialog's life */
  GCancellable         *running;       /* the import under way */
  RfImportPreview      *preview;
  RfImportReport       *report;
  RfColumnMapping      *mapping;
  guint                 preview_id;
  guint                 progress_id;
  gboolean              previewing;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkButton            *import_button;
  GtkButton            *cancel_button;
  GtkStack             *stack;
  AdwPreferencesGroup  *columns_group;
  GtkLabel             *summary_label;
  GtkGrid              *preview_grid;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_label;
  AdwStatusPage        *report_page;
  GtkListBox           *problems_list;
  GtkButton            *revert_button;
  GtkButton            *show_button;
  AdwStatusPage        *error_page;
};

G_DEFINE_FINAL_TYPE (RfImportDialog, rf_import_dialog, ADW_TYPE_WINDOW)

static void run_preview (RfImportDialog *self);

static void
show_error (RfImportDialog *self,
            const char     *title,
            const GError   *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  adw_status_page_set_title (self->error_page, title);
  /* The description is markup; the message (a file name...) is not. */
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  gtk_button_set_label (self->cancel_button, _("_Close"));
}

/* The mapping and the preview. */

static GListModel *
field_list_new (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < RF_N_LEAD_FIELDS; i++)
    gtk_string_list_append (list, rf_lead_field_label (i));
  return G_LIST_MODEL (list);
}

static gboolean
preview_timeout_cb (gpointer user_data)
{
  RfImportDialog *self = user_data;

  self->preview_id = 0;
  run_preview (self);
  return G_SOURCE_REMOVE;
}

static void
column_changed_cb (AdwComboRow    *row,
                   GParamSpec     *pspec,
                   RfImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint selected = adw_combo_row_get_selected (row);

  if (self->mapping == NULL || selected >= RF_N_LEAD_FIELDS
      || rf_column_mapping_get_field (self->mapping, column) == selected)
    return;
  rf_column_mapping_set_field (self->mapping, column, selected);
  rf_csv_importer_set_mapping (self->importer, self->mapping);
  /* What would merge depends on the mapping: ask again, once the user stops. */
  g_clear_handle_id (&self->preview_id, g_source_remove);
  self->preview_id = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
}

static void
clear_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    {
      if (GTK_IS_GRID (widget))
        gtk_grid_remove (GTK_GRID (widget), child);
      else
        gtk_widget_unparent (child);
    }
}

static GtkWidget *
cell_label (const char *text,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_selectable (GTK_LABEL (label), !heading);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
fill_columns (RfImportDialog *self)
{
  guint n_columns = rf_column_mapping_get_n_columns (self->mapping);

  if (g_object_get_data (G_OBJECT (self->columns_group), "filled") != NULL)
    return;
  g_object_set_data (G_OBJECT (self->columns_group), "filled", GINT_TO_POINTER (TRUE));

  for (guint i = 0; i < n_columns; i++)
    {
      const char *header = rf_column_mapping_get_header (self->mapping, i);
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      g_autoptr(GListModel) fields = field_list_new ();
      g_autofree char *title = NULL;

      title = header != NULL && *header != '\0' ? g_strdup (header)
                                                : g_strdup_printf (_("Column %u"), i + 1);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (self->preview->rows->len > 0)
        {
          char **cells = g_ptr_array_index (self->preview->rows, 0);
          if (i < g_strv_length (cells))
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cells[i]);
        }
      adw_combo_row_set_model (row, fields);
      adw_combo_row_set_selected (row, rf_column_mapping_get_field (self->mapping, i));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (column_changed_cb), self, 0);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
    }
}

static void
fill_preview (RfImportDialog *self)
{
  RfImportPreview *preview = self->preview;
  guint n_columns = preview->header != NULL ? g_strv_length (preview->header) : 0;
  g_autofree char *summary = NULL;
  g_autofree char *subtitle = NULL;

  clear_children (GTK_WIDGET (self->preview_grid));
  for (guint c = 0; c < n_columns; c++)
    gtk_grid_attach (self->preview_grid, cell_label (preview->header[c], TRUE), c, 0, 1, 1);
  for (guint r = 0; r < MIN (preview->rows->len, PREVIEW_ROWS); r++)
    {
      char **cells = g_ptr_array_index (preview->rows, r);

      for (guint c = 0; cells[c] != NULL; c++)
        gtk_grid_attach (self->preview_grid, cell_label (cells[c], FALSE), c, r + 1, 1, 1);
    }

  summary = g_strdup_printf (_("%u rows read. Importing makes %u leads, merges %u duplicates, skips %u already imported and rejects %u."),
                             preview->rows->len, preview->would_create, preview->would_merge,
                             preview->would_skip, preview->rows_rejected);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), preview->would_create > 0 || preview->would_merge > 0);

  /* Translators: the file name, its encoding and delimiter, e.g. "leads.csv · UTF-8 · ," */
  subtitle = g_strdup_printf (_("%s · %s · delimiter “%c”"), preview->file_name, preview->encoding,
                              preview->delimiter == '\t' ? ' ' : preview->delimiter);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
preview_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RfImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  RfImportPreview *preview;

  self->previewing = FALSE;
  preview = rf_csv_importer_preview_finish (RF_CSV_IMPORTER (object), result, &error);
  if (preview == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Cannot Read the File"), error);
      return;
    }
  g_clear_pointer (&self->preview, rf_import_preview_free);
  self->preview = preview;
  if (self->mapping == NULL && preview->mapping != NULL)
    {
      self->mapping = g_object_ref (preview->mapping);
      rf_csv_importer_set_mapping (self->importer, self->mapping);
    }
  if (self->mapping != NULL)
    fill_columns (self);
  fill_preview (self);
  gtk_stack_set_visible_child_name (self->stack, "mapping");
}

static void
run_preview (RfImportDialog *self)
{
  self->previewing = TRUE;
  rf_csv_importer_preview_async (self->importer, self->file, self->cancellable, preview_ready_cb,
                                 g_object_ref (self));
}

/* The import. */

static gboolean
progress_cb (gpointer user_data)
{
  RfImportDialog *self = user_data;
  guint64 total = rf_csv_importer_get_bytes_total (self->importer);
  guint64 done = rf_csv_importer_get_bytes_read (self->importer);
  g_autofree char *text = NULL;

  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double)done / (double)total));
  else
    gtk_progress_bar_pulse (self->progress_bar);
  text = g_strdup_printf (_("%u rows read"), rf_csv_importer_get_rows_read (self->importer));
  gtk_label_set_text (self->progress_label, text);
  return G_SOURCE_CONTINUE;
}

static void
add_problems (RfImportDialog *self,
              GArray         *problems,
              const char     *kind)
{
  for (guint i = 0; i < problems->len; i++)
    {
      RfImportProblem *problem = &g_array_index (problems, RfImportProblem, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;

      /* Translators: "Line 12: rejected" */
      title = g_strdup_printf (_("Line %u: %s"), problem->line, kind);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->reason);
      gtk_list_box_append (self->problems_list, row);
    }
}

static void
show_report (RfImportDialog *self)
{
  RfImportReport *report = self->report;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  title = g_strdup_printf (ngettext ("%u Lead Imported", "%u Leads Imported", report->leads_created),
                           report->leads_created);
  description = g_strdup_printf (_("%u rows read. %u companies and %u contacts created; %u companies and %u contacts merged; %u duplicates merged; %u rows skipped; %u rejected."),
                                 report->rows_read, report->companies_created, report->contacts_created,
                                 report->companies_merged, report->contacts_merged, report->duplicates_merged,
                                 report->rows_skipped, report->rejected->len);
  adw_status_page_set_title (self->report_page, title);
  adw_status_page_set_description (self->report_page, description);
  clear_children (GTK_WIDGET (self->problems_list));
  add_problems (self, report->rejected, _("rejected"));
  add_problems (self, report->warnings, _("warning"));
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), report->rejected->len + report->warnings->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->revert_button), report->batch_id != NULL && report->leads_created > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->show_button), report->lead_ids->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  gtk_button_set_label (self->cancel_button, _("_Close"));
  gtk_stack_set_visible_child_name (self->stack, "report");
}

static void
import_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RfImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  RfImportReport *report;

  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->running);
  report = rf_csv_importer_import_finish (RF_CSV_IMPORTER (object), result, &error);
  if (report == NULL)
    {
      if (g_cancellable_is_cancelled (self->cancellable))
        return;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Cancelled by the user: back to the mapping; what was written stays
           * until reverted, and a re-run skips it. */
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Import cancelled")));
          gtk_widget_set_visible (GTK_WIDGET (self->import_button), TRUE);
          gtk_button_set_label (self->cancel_button, _("_Cancel"));
          run_preview (self);
          return;
        }
      show_error (self, _("Import Failed"), error);
      return;
    }
  g_clear_pointer (&self->report, rf_import_report_free);
  self->report = report;
  show_report (self);
}

void
rf_import_dialog_start (RfImportDialog *self)
{
  g_return_if_fail (RF_IS_IMPORT_DIALOG (self));

  if (self->running != NULL)
    return;
  g_clear_handle_id (&self->preview_id, g_source_remove);
  self->running = g_cancellable_new ();
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel), self->running,
                           G_CONNECT_SWAPPED);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  gtk_button_set_label (self->cancel_button, _("_Stop"));
  self->progress_id = g_timeout_add (PROGRESS_MS, progress_cb, self);
  rf_csv_importer_import_async (self->importer, self->file, self->running, import_ready_cb, g_object_ref (self));
}

/* Revert: runs on a worker, which waits for the database thread. */

static void
revert_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RfImportDialog *self = source_object;
  GError *error = NULL;
  gint removed = rf_csv_importer_revert_sync (self->importer, task_data, cancellable, &error);

  if (removed < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, removed);
}

static void
revert_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RfImportDialog *self = RF_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  gssize removed = g_task_propagate_int (G_TASK (result), &error);
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;

  if (removed < 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("Cannot revert the import: %s"), error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->revert_button), TRUE);
    }
  else
    {
      text = g_strdup_printf (ngettext ("Import reverted: %d lead removed", "Import reverted: %d leads removed",
                                        (gulong)removed),
                              (int)removed);
      adw_status_page_set_title (self->report_page, _("Import Reverted"));
      gtk_widget_set_visible (GTK_WIDGET (self->revert_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->show_button), FALSE);
    }
  escaped = g_markup_escape_text (text, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

void
rf_import_dialog_revert (RfImportDialog *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RF_IS_IMPORT_DIALOG (self));
  g_return_if_fail (self->report != NULL && self->report->batch_id != NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->revert_button), FALSE);
  task = g_task_new (self, self->cancellable, revert_ready_cb, NULL);
  g_task_set_source_tag (task, rf_import_dialog_revert);
  g_task_set_task_data (task, g_strdup (self->report->batch_id), g_free);
  g_task_run_in_thread (task, revert_thread);
}

/* Buttons. */

static void
import_clicked_cb (RfImportDialog *self)
{
  rf_import_dialog_start (self);
}

static void
cancel_clicked_cb (RfImportDialog *self)
{
  if (self->running != NULL)
    g_cancellable_cancel (self->running);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
revert_clicked_cb (RfImportDialog *self)
{
  rf_import_dialog_revert (self);
}

static void
show_clicked_cb (RfImportDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (RF_IS_WINDOW (parent) && self->report != NULL && self->report->lead_ids->len > 0)
    rf_window_select_lead (RF_WINDOW (parent), g_array_index (self->report->lead_ids, gint64, 0));
  gtk_window_close (GTK_WINDOW (self));
}

/* The object. */

static void
rf_import_dialog_dispose (GObject *object)
{
  RfImportDialog *self = RF_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->preview_id, g_source_remove);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RF_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (rf_import_dialog_parent_class)->dispose (object);
}

static void
rf_import_dialog_finalize (GObject *object)
{
  RfImportDialog *self = RF_IMPORT_DIALOG (object);

  g_clear_object (&self->running);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->mapping);
  g_clear_object (&self->importer);
  g_clear_object (&self->database);
  g_clear_object (&self->file);
  g_clear_pointer (&self->preview, rf_import_preview_free);
  g_clear_pointer (&self->report, rf_import_report_free);

  G_OBJECT_CLASS (rf_import_dialog_parent_class)->finalize (object);
}

static void
rf_import_dialog_class_init (RfImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rf_import_dialog_dispose;
  object_class->finalize = rf_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gui/rf-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RfImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RfImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RfImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, RfImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RfImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RfImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, RfImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RfImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, RfImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RfImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RfImportDialog, report_page);
  gtk_widget_class_bind_template_child (widget_class, RfImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, RfImportDialog, revert_button);
  gtk_widget_class_bind_template_child (widget_class, RfImportDialog, show_button);
  gtk_widget_class_bind_template_child (widget_class, RfImportDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, revert_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rf_import_dialog_init (RfImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

RfImportDialog *
rf_import_dialog_new (RfDatabase *database,
                      GFile      *file)
{
  RfImportDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RF_IS_DATABASE (database), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (RF_TYPE_IMPORT_DIALOG, NULL);
  self->database = g_object_ref (database);
  self->file = g_object_ref (file);
  self->importer = rf_csv_importer_new (database);
  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);
  run_preview (self);
  return self;
}

RfCsvImporter *
rf_import_dialog_get_importer (RfImportDialog *self)
{
  g_return_val_if_fail (RF_IS_IMPORT_DIALOG (self), NULL);
  return self->importer;
}

const char *
rf_import_dialog_get_page (RfImportDialog *self)
{
  g_return_val_if_fail (RF_IS_IMPORT_DIALOG (self), NULL);

  /* The preview of a changed mapping is on its way: not settled yet. */
  if (self->previewing || self->preview_id != 0)
    return "loading";
  return gtk_stack_get_visible_child_name (self->stack);
}

const RfImportReport *
rf_import_dialog_get_report (RfImportDialog *self)
{
  g_return_val_if_fail (RF_IS_IMPORT_DIALOG (self), NULL);
  return self->report;
}
