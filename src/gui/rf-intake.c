/* rf-intake.c: files, text and images become leads, one at a time; each
 * is an RfIntakeItem the intake list shows (drops and pastes arrive
 * through rf-intake-dnd.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rf-csv-importer.h"
#include "rf-document-intake.h"
#include "rf-import-dialog.h"
#include "rf-intake-item.h"
#include "rf-intake-private.h"

#include "rf-card-parser.h"

#define TITLE_CHARS 60


G_DEFINE_FINAL_TYPE (RfIntake, rf_intake, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ENGINE,
  PROP_BUSY,
  N_PROPS
};

enum {
  SIGNAL_LEAD_READY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  RfIntake     *self;            /* a reference while the job runs */
  RfIntakeItem *item;
  RfIntakeKind  kind;
  char         *text;            /* RF_INTAKE_KIND_TEXT without a file */
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->item);
  g_free (job->text);
  g_free (job);
}

static void run_next (RfIntake *self);

/* What a file is. */

RfIntakeKind
rf_intake_kind_for_file (GFile *file)
{
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *type = NULL;

  g_return_val_if_fail (G_IS_FILE (file), RF_INTAKE_KIND_UNSUPPORTED);

  name = g_file_get_basename (file);
  if (name == NULL)
    return RF_INTAKE_KIND_UNSUPPORTED;
  lower = g_ascii_strdown (name, -1);
  if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv"))
    return RF_INTAKE_KIND_TABLE;
  if (g_str_has_suffix (lower, ".vcf") || g_str_has_suffix (lower, ".vcard"))
    return RF_INTAKE_KIND_VCARD;
  if (g_str_has_suffix (lower, ".txt"))
    return RF_INTAKE_KIND_TEXT;
  if (g_str_has_suffix (lower, ".pdf"))
    return RF_INTAKE_KIND_DOCUMENT;

  type = g_content_type_guess (name, NULL, 0, NULL);
  if (g_content_type_is_mime_type (type, "image/*"))
    return RF_INTAKE_KIND_DOCUMENT;
  if (g_content_type_is_mime_type (type, "application/pdf"))
    return RF_INTAKE_KIND_DOCUMENT;
  return RF_INTAKE_KIND_UNSUPPORTED;
}

/* Progress. */

static void
set_busy_changed (RfIntake *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
job_done (Job *job)
{
  RfIntake *self = job->self;
  gint64 lead_id = rf_intake_item_get_lead_id (job->item);

  if (rf_intake_item_get_phase (job->item) == RF_INTAKE_ITEM_DONE && lead_id > 0)
    g_signal_emit (self, signals[SIGNAL_LEAD_READY], 0, lead_id);
  self->running = FALSE;
  job_free (job);
  run_next (self);
  set_busy_changed (self);
}

static gboolean
job_cancelled (Job          *job,
               const GError *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  rf_intake_item_fail (job->item, _("Cancelled"));
  job->self->running = FALSE;
  job_free (job);
  return TRUE;
}

static void
finish_with_outcome (Job               *job,
                     RfClassifyOutcome *outcome)
{
  const char *note = NULL;

  if (outcome->duplicate)
    note = _("Seen before: its lead is shown");
  else if (outcome->ollama_error != NULL)
    note = _("Scored by rules");
  rf_intake_item_set_contact_id (job->item, rf_lead_get_contact_id (outcome->lead));
  rf_intake_item_finish (job->item, rf_lead_get_id (outcome->lead), note);
}

/* Text. */

static void
classify_ready_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RfClassifyOutcome) outcome = NULL;

  outcome = rf_lead_engine_classify_finish (RF_LEAD_ENGINE (object), result, &error);
  if (outcome == NULL)
    {
      if (job_cancelled (job, error))
        return;
      rf_intake_item_fail (job->item, error->message);
    }
  else
    finish_with_outcome (job, outcome);
  job_done (job);
}

static void
classify_text (Job        *job,
               const char *text,
               const char *file_name)
{
  g_autoptr(RfSignal) signal = rf_signal_new ();

  rf_signal_set_source_type (signal, RF_SOURCE_TYPE_MANUAL);
  rf_signal_set_raw_text (signal, text);
  if (file_name != NULL)
    rf_signal_set_file_name (signal, file_name);
  rf_intake_item_set_phase (job->item, RF_INTAKE_ITEM_CLASSIFYING);
  rf_lead_engine_classify_async (job->self->engine, signal, NULL, NULL, 0, job->self->cancellable,
                                 classify_ready_cb, job);
}

static void
text_file_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (job_cancelled (job, error))
        return;
      rf_intake_item_fail (job->item, error->message);
      job_done (job);
      return;
    }
  if (!g_utf8_validate (contents, length, NULL) || length == 0 || *g_strstrip (contents) == '\0')
    {
      rf_intake_item_fail (job->item, length == 0 || g_utf8_validate (contents, length, NULL)
                                        ? _("The file is empty")
                                        : _("The file is not UTF-8 text; save it as UTF-8 and try again"));
      job_done (job);
      return;
    }
  name = g_file_get_basename (G_FILE (object));
  classify_text (job, contents, name);
}

/* Images and PDFs. */

static void
document_phase_cb (RfIntakePhase phase,
                   gpointer      user_data)
{
  RfIntakeItem *item = user_data;
  static const RfIntakeItemPhase phases[] = {
    [RF_INTAKE_PHASE_READING] = RF_INTAKE_ITEM_READING,
    [RF_INTAKE_PHASE_RECOGNIZING] = RF_INTAKE_ITEM_RECOGNIZING,
    [RF_INTAKE_PHASE_CLASSIFYING] = RF_INTAKE_ITEM_CLASSIFYING,
    [RF_INTAKE_PHASE_DONE] = RF_INTAKE_ITEM_CLASSIFYING,  /* finished by the callback */
  };

  if ((guint)phase < G_N_ELEMENTS (phases))
    rf_intake_item_set_phase (item, phases[phase]);
}

static void
copy_card_fields (RfIntakeItem      *item,
                  RfDocumentOutcome *outcome)
{
  const RfCardFields *fields = outcome->fields;

  G_STATIC_ASSERT ((int)RF_CARD_N_FIELDS == (int)RF_CARD_REVIEW_N_FIELDS);
  if (fields == NULL)
    return;
  for (guint i = 0; i < RF_CARD_N_FIELDS; i++)
    rf_intake_item_set_field (item, i, fields->values[i].value, fields->values[i].confidence,
                              fields->values[i].unsure);
}

static void
document_ready_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RfDocumentOutcome) outcome = NULL;

  outcome = rf_lead_engine_ingest_document_finish (RF_LEAD_ENGINE (object), result, &error);
  if (outcome == NULL)
    {
      if (job_cancelled (job, error))
        return;
      rf_intake_item_fail (job->item, error->message);
    }
  else
    {
      copy_card_fields (job->item, outcome);
      if (outcome->outcome != NULL)
        finish_with_outcome (job, outcome->outcome);
      else
        rf_intake_item_fail (job->item, _("No lead was made from this file"));
    }
  job_done (job);
}

/* vCards: imported as they are. */

static void
vcard_ready_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RfImportReport) report = NULL;

  report = rf_csv_importer_import_finish (RF_CSV_IMPORTER (object), result, &error);
  if (report == NULL)
    {
      if (job_cancelled (job, error))
        return;
      rf_intake_item_fail (job->item, error->message);
    }
  else if (report->lead_ids->len == 0)
    rf_intake_item_fail (job->item, report->rows_skipped > 0
                                      ? _("Imported before: nothing new")
                                      : _("No contact found in the file"));
  else
    {
      g_autofree char *note = g_strdup_printf (ngettext ("%u lead imported", "%u leads imported",
                                                         report->lead_ids->len),
                                               report->lead_ids->len);
      rf_intake_item_finish (job->item, g_array_index (report->lead_ids, gint64, 0), note);
    }
  job_done (job);
}

/* The queue. */

static void
run_job (Job *job)
{
  RfIntake *self = job->self;
  GFile *file = rf_intake_item_get_file (job->item);

  switch (job->kind)
    {
    case RF_INTAKE_KIND_TEXT:
      if (file == NULL)
        classify_text (job, job->text, NULL);
      else
        {
          rf_intake_item_set_phase (job->item, RF_INTAKE_ITEM_READING);
          g_file_load_contents_async (file, self->cancellable, text_file_loaded_cb, job);
        }
      break;

    case RF_INTAKE_KIND_DOCUMENT:
      rf_intake_item_set_phase (job->item, RF_INTAKE_ITEM_READING);
      rf_lead_engine_ingest_document_async (self->engine, file, 0, document_phase_cb, job->item,
                                            self->cancellable, document_ready_cb, job);
      break;

    case RF_INTAKE_KIND_VCARD:
      {
        g_autoptr(RfCsvImporter) importer = rf_csv_importer_new (rf_lead_engine_get_database (self->engine));

        rf_intake_item_set_phase (job->item, RF_INTAKE_ITEM_IMPORTING);
        rf_csv_importer_import_async (importer, file, self->cancellable, vcard_ready_cb, job);
      }
      break;

    case RF_INTAKE_KIND_TABLE:
    case RF_INTAKE_KIND_UNSUPPORTED:
    default:
      g_assert_not_reached ();
    }
}

static void
run_next (RfIntake *self)
{
  Job *job;

  if (self->running || self->engine == NULL)
    return;
  job = g_queue_pop_head (&self->pending);
  if (job == NULL)
    return;
  self->running = TRUE;
  run_job (job);
}

static RfIntakeItem *
add_item (RfIntake   *self,
          const char *title,
          GFile      *file)
{
  g_autoptr(RfIntakeItem) item = rf_intake_item_new (title, file);

  /* Newest first. */
  g_list_store_insert (self->items, 0, item);
  return item;
}

static void
enqueue (RfIntake     *self,
         RfIntakeItem *item,
         RfIntakeKind  kind,
         const char   *text)
{
  Job *job = g_new0 (Job, 1);

  job->self = g_object_ref (self);
  job->item = g_object_ref (item);
  job->kind = kind;
  job->text = g_strdup (text);
  g_queue_push_tail (&self->pending, job);
  run_next (self);
  set_busy_changed (self);
}

static void
open_import_dialog (RfIntake *self,
                    GFile    *file)
{
  RfImportDialog *dialog = rf_import_dialog_new (rf_lead_engine_get_database (self->engine), file);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
check_engine (RfIntake *self)
{
  if (self->engine != NULL)
    return TRUE;
  g_message ("Nothing can be added: the database is not open");
  return FALSE;
}

void
rf_intake_add_files (RfIntake  *self,
                     GFile    **files,
                     guint      n_files)
{
  g_return_if_fail (RF_IS_INTAKE (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (!check_engine (self))
    return;
  for (guint i = 0; i < n_files; i++)
    {
      RfIntakeKind kind = rf_intake_kind_for_file (files[i]);
      g_autofree char *name = g_file_get_basename (files[i]);
      RfIntakeItem *item;

      if (kind == RF_INTAKE_KIND_TABLE)
        {
          open_import_dialog (self, files[i]);
          continue;
        }
      item = add_item (self, name != NULL ? name : _("Unnamed file"), files[i]);
      if (kind == RF_INTAKE_KIND_UNSUPPORTED)
        rf_intake_item_fail (item, _("Not a card, PDF, CSV, vCard or text file"));
      else
        enqueue (self, item, kind, NULL);
    }
}

static char *
make_title (const char *text)
{
  g_autofree char *line = NULL;
  const char *end = strchr (text, '\n');

  line = end != NULL ? g_strndup (text, end - text) : g_strdup (text);
  g_strstrip (line);
  if (g_utf8_strlen (line, -1) > TITLE_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, TITLE_CHARS - 1);
      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&line);
}

void
rf_intake_add_text (RfIntake   *self,
                    const char *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (RF_IS_INTAKE (self));
  g_return_if_fail (text != NULL);

  if (!check_engine (self))
    return;
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0' || !g_utf8_validate (stripped, -1, NULL))
    return;
  title = make_title (stripped);
  enqueue (self, add_item (self, title, NULL), RF_INTAKE_KIND_TEXT, stripped);
}

/* Image data (from a browser, a screenshot): a temporary PNG, then a card. */

static void
save_texture_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GdkTexture *texture = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int fd;

  fd = g_file_open_tmp ("raptorflow-pasted-XXXXXX.png", &path, &error);
  if (fd < 0)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  close (fd);
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_unlink (path);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Cannot save the image to a temporary file; check the free disk space"));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&path), g_free);
}

static void
texture_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RfIntakeItem) item = user_data;
  RfIntake *self = RF_INTAKE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GFile) file = NULL;
  g_autoptr(RfIntakeItem) with_file = NULL;
  guint position;

  if (path == NULL)
    {
      rf_intake_item_fail (item, error->message);
      return;
    }
  g_ptr_array_add (self->temp_files, g_strdup (path));
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  /* The item gets its file now: replace the placeholder. */
  file = g_file_new_for_path (path);
  with_file = rf_intake_item_new (rf_intake_item_get_title (item), file);
  if (g_list_store_find (self->items, item, &position))
    g_list_store_splice (self->items, position, 1, (gpointer *)&with_file, 1);
  else
    g_list_store_insert (self->items, 0, with_file);
  enqueue (self, with_file, RF_INTAKE_KIND_DOCUMENT, NULL);
}

void
rf_intake_add_texture (RfIntake   *self,
                       GdkTexture *texture)
{
  g_autoptr(GTask) task = NULL;
  RfIntakeItem *item;

  g_return_if_fail (RF_IS_INTAKE (self));
  g_return_if_fail (GDK_IS_TEXTURE (texture));

  if (!check_engine (self))
    return;
  item = add_item (self, _("Pasted image"), NULL);
  rf_intake_item_set_phase (item, RF_INTAKE_ITEM_READING);
  task = g_task_new (self, NULL, texture_saved_cb, g_object_ref (item));
  g_task_set_source_tag (task, rf_intake_add_texture);
  g_task_set_task_data (task, g_object_ref (texture), g_object_unref);
  g_task_run_in_thread (task, save_texture_thread);
}

GListModel *
rf_intake_get_items (RfIntake *self)
{
  g_return_val_if_fail (RF_IS_INTAKE (self), NULL);
  return G_LIST_MODEL (self->items);
}

gboolean
rf_intake_get_busy (RfIntake *self)
{
  g_return_val_if_fail (RF_IS_INTAKE (self), FALSE);
  return self->running || !g_queue_is_empty (&self->pending);
}

void
rf_intake_clear_finished (RfIntake *self)
{
  g_return_if_fail (RF_IS_INTAKE (self));

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->items)); i > 0; i--)
    {
      g_autoptr(RfIntakeItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i - 1);
      RfIntakeItemPhase phase = rf_intake_item_get_phase (item);

      if (phase == RF_INTAKE_ITEM_DONE || phase == RF_INTAKE_ITEM_FAILED)
        g_list_store_remove (self->items, i - 1);
    }
}

RfLeadEngine *
rf_intake_get_engine (RfIntake *self)
{
  g_return_val_if_fail (RF_IS_INTAKE (self), NULL);
  return self->engine;
}

void
rf_intake_set_engine (RfIntake     *self,
                      RfLeadEngine *engine)
{
  g_return_if_fail (RF_IS_INTAKE (self));
  g_return_if_fail (engine == NULL || RF_IS_LEAD_ENGINE (engine));

  if (g_set_object (&self->engine, engine))
    {
      run_next (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
    }
}

static void
rf_intake_dispose (GObject *object)
{
  RfIntake *self = RF_INTAKE (object);

  g_cancellable_cancel (self->cancellable);
  g_queue_clear_full (&self->pending, (GDestroyNotify)job_free);
  if (self->drop_target != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->drop_target), (gpointer *)&self->drop_target);
  self->drop_target = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), RF_TYPE_INTAKE);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (rf_intake_parent_class)->dispose (object);
}

static void
rf_intake_finalize (GObject *object)
{
  RfIntake *self = RF_INTAKE (object);

  for (guint i = 0; i < self->temp_files->len; i++)
    g_unlink (g_ptr_array_index (self->temp_files, i));
  g_ptr_array_unref (self->temp_files);
  g_clear_object (&self->items);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rf_intake_parent_class)->finalize (object);
}

static void
rf_intake_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RfIntake *self = RF_INTAKE (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, rf_intake_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_intake_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_ENGINE:
      rf_intake_set_engine (RF_INTAKE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_intake_class_init (RfIntakeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rf_intake_dispose;
  object_class->finalize = rf_intake_finalize;
  object_class->get_property = rf_intake_get_property;
  object_class->set_property = rf_intake_set_property;

  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL, RF_TYPE_LEAD_ENGINE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A file or text became a lead (or was found to be one already). */
  signals[SIGNAL_LEAD_READY] = g_signal_new ("lead-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gui/rf-intake.ui");
  gtk_widget_class_bind_template_child (widget_class, RfIntake, hint);
  gtk_widget_class_bind_template_child (widget_class, RfIntake, hint_icon);
  gtk_widget_class_bind_template_child (widget_class, RfIntake, hint_title);
  gtk_widget_class_bind_template_child (widget_class, RfIntake, hint_description);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rf-intake");
}

static void
rf_intake_init (RfIntake *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_list_store_new (RF_TYPE_INTAKE_ITEM);
  self->cancellable = g_cancellable_new ();
  self->temp_files = g_ptr_array_new_with_free_func (g_free);
  g_queue_init (&self->pending);
}

GtkWidget *
rf_intake_new (void)
{
  return g_object_new (RF_TYPE_INTAKE, NULL);
}
