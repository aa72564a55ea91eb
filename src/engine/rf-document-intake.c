/* rf-document-intake.c: read in a worker thread (a card photo takes OCR
 * seconds), then store and score through the engine on the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-engine"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rf-card-parser.h"
#include "rf-document-intake.h"
#include "rf-ingest-error.h"
#include "rf-lead-dao.h"
#include "rf-ocr.h"
#include "rf-pdf.h"
#include "rf-signal-dao.h"
#include "rf-signal-dao.h"

/* A card photo is a few MB, a one-pager PDF less; past this it is not a
 * signal but a mistake, refused before it is read into memory. */
#define DOCUMENT_MAX_BYTES (64 * 1024 * 1024)

typedef struct
{
  RfLeadEngine      *engine;
  GFile             *file;
  gint64             icp_id;
  RfIntakePhaseFunc  phase_func;
  gpointer           phase_data;
  GMainContext      *context;

  /* from the worker */
  char              *name;
  char              *hash;
  gboolean           is_pdf;
  char              *text;
  RfCardFields      *fields;
  RfLead            *existing;
} Intake;

typedef struct
{
  Intake        *intake;
  RfIntakePhase  phase;
} PhaseCall;

static void
intake_free (Intake *intake)
{
  g_clear_object (&intake->engine);
  g_clear_object (&intake->file);
  g_clear_pointer (&intake->context, g_main_context_unref);
  g_free (intake->name);
  g_free (intake->hash);
  g_free (intake->text);
  g_clear_pointer (&intake->fields, rf_card_fields_free);
  g_clear_object (&intake->existing);
  g_free (intake);
}

void
rf_document_outcome_free (RfDocumentOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_clear_pointer (&outcome->outcome, rf_classify_outcome_free);
  g_free (outcome->text);
  g_free (outcome->file_name);
  g_clear_pointer (&outcome->fields, rf_card_fields_free);
  g_free (outcome);
}

static gboolean
call_phase (gpointer data)
{
  PhaseCall *call = data;

  call->intake->phase_func (call->phase, call->intake->phase_data);
  return G_SOURCE_REMOVE;
}

/* The intake outlives every phase call: the task holds it until the last
 * one, which runs on the same context before the task completes. */
static void
report_phase (Intake        *intake,
              RfIntakePhase  phase)
{
  PhaseCall *call;

  if (intake->phase_func == NULL)
    return;
  call = g_new0 (PhaseCall, 1);
  call->intake = intake;
  call->phase = phase;
  g_main_context_invoke_full (intake->context, G_PRIORITY_DEFAULT, call_phase, call, g_free);
}

typedef struct
{
  const char *key;
} FindByKey;

static gpointer
find_by_key_work (RfDatabase    *database,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  FindByKey *find = data;
  gint64 signal_id = rf_signal_dao_find_by_key_in_thread (database, find->key, error);
  gint64 lead_id;

  if (signal_id <= 0)
    return NULL;
  lead_id = rf_lead_dao_find_by_signal_in_thread (database, signal_id, error);
  return lead_id > 0 ? rf_lead_dao_get_in_thread (database, lead_id, error) : NULL;
}

static GBytes *
load_limited (GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = g_file_get_basename (file);
  char *contents = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_UNSUPPORTED_FILE,
                   _("“%s” is not a file: drop a card photo or a PDF"), name);
      return NULL;
    }
  if (g_file_info_get_size (info) > DOCUMENT_MAX_BYTES)
    {
      g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_TOO_LARGE,
                   _("“%s” is larger than 64 MB: a card photo or a one-page PDF is much smaller"), name);
      return NULL;
    }
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  if (length == 0)
    {
      g_free (contents);
      g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_CORRUPT_FILE, _("“%s” is empty"), name);
      return NULL;
    }
  return g_bytes_new_take (contents, length);
}

/* Card photos are kept beside the database ("cards/HASH"), private like
 * it, so the lead can show the card it came from. */
static char *
images_folder (RfDatabase *database)
{
  g_autofree char *database_folder = g_path_get_dirname (rf_database_get_path (database));

  return g_build_filename (database_folder, "cards", NULL);
}

/* Returns the path where the image of the file with @file_hash is or
 * would be kept. */
char *
rf_document_image_path (RfDatabase *database,
                        const char *file_hash)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (RF_IS_DATABASE (database), NULL);
  g_return_val_if_fail (file_hash != NULL, NULL);

  folder = images_folder (database);
  return g_build_filename (folder, file_hash, NULL);
}

/* A kept photo is named by the SHA-256 of its file: nothing else in the
 * folder is ever removed. */
static gboolean
is_image_name (const char *name)
{
  if (strlen (name) != 64)
    return FALSE;
  for (const char *c = name; *c != '\0'; c++)
    if (!g_ascii_isxdigit (*c))
      return FALSE;
  return TRUE;
}

/* Removes the kept card photos whose signal is gone for good (its lead
 * deleted, not only trashed), so that what the user deleted does not
 * linger on disk. Photos younger than a minute are left: their intake may
 * not have stored its signal yet. Returns FALSE on a database error;
 * files that cannot be removed are only warned about. */
gboolean
rf_document_images_sweep_sync (RfDatabase    *database,
                               guint         *n_removed,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(RfSignalDao) dao = NULL;
  g_autoptr(GHashTable) in_use = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GDir) dir = NULL;
  gint64 young = g_get_real_time () / G_USEC_PER_SEC - 60;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (RF_IS_DATABASE (database), FALSE);

  if (n_removed != NULL)
    *n_removed = 0;
  folder = images_folder (database);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    return TRUE;

  dao = rf_signal_dao_new (database);
  in_use = rf_signal_dao_list_file_hashes_sync (dao, cancellable, error);
  if (in_use == NULL)
    return FALSE;

  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf info;

      if (!is_image_name (name) || g_hash_table_contains (in_use, name))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_stat (path, &info) != 0 || info.st_mtime > young)
        continue;
      if (g_unlink (path) == 0)
        removed++;
      else
        g_warning ("Cannot remove the card image %s: %s", path, g_strerror (errno));
    }
  if (n_removed != NULL)
    *n_removed = removed;
  return TRUE;
}

/* Best effort: a lead without its picture is still a whole lead. */
static void
keep_image (Intake *intake,
            GBytes *bytes)
{
  g_autofree char *path = rf_document_image_path (rf_lead_engine_get_database (intake->engine), intake->hash);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_warning ("Cannot keep the card image %s: %s", path, error != NULL ? error->message : g_strerror (errno));
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Intake *intake = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *key = NULL;
  FindByKey find;

  report_phase (intake, RF_INTAKE_PHASE_READING);
  bytes = load_limited (intake->file, cancellable, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  intake->hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  /* The same card dropped twice: its lead, without reading it again. */
  key = g_strconcat ("file:", intake->hash, NULL);
  find.key = key;
  intake->existing = rf_database_run_sync (rf_lead_engine_get_database (intake->engine), find_by_key_work, &find,
                                           cancellable, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (intake->existing != NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  report_phase (intake, RF_INTAKE_PHASE_RECOGNIZING);
  intake->is_pdf = rf_pdf_bytes_look_like_pdf (bytes);
  if (intake->is_pdf)
    {
      g_autoptr(RfPdf) pdf = rf_pdf_new ();
      g_autoptr(RfPdfResult) result = rf_pdf_read_bytes_sync (pdf, bytes, cancellable, &error);

      if (result != NULL)
        intake->text = g_strdup (result->text);
    }
  else
    {
      g_autoptr(RfOcr) ocr = rf_ocr_new ();
      g_autoptr(RfOcrResult) result = rf_ocr_recognize_bytes_sync (ocr, bytes, cancellable, &error);

      if (result != NULL)
        intake->text = g_strdup (result->text);
    }
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (intake->text == NULL || *g_strstrip (intake->text) == '\0')
    {
      g_task_return_new_error (task, RF_INGEST_ERROR, RF_INGEST_ERROR_NO_TEXT,
                               _("No text found in “%s”: try a sharper, well-lit photo taken straight on"),
                               intake->name);
      return;
    }

  {
    g_autoptr(RfCardParser) parser = rf_card_parser_new ();

    intake->fields = rf_card_parser_parse (parser, intake->text, -1);
  }
  if (!intake->is_pdf)
    keep_image (intake, bytes);
  g_task_return_boolean (task, TRUE);
}

static char *
dup_field (RfCardFields *fields,
           RfCardField   field)
{
  const char *value = fields != NULL ? rf_card_fields_get (fields, field) : NULL;

  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

static void
classify_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Intake *intake = g_task_get_task_data (task);
  GError *error = NULL;
  RfClassifyOutcome *outcome = rf_lead_engine_classify_finish (RF_LEAD_ENGINE (source), result, &error);
  RfDocumentOutcome *document;

  if (outcome == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  document = g_new0 (RfDocumentOutcome, 1);
  document->outcome = outcome;
  document->text = g_steal_pointer (&intake->text);
  document->file_name = g_strdup (intake->name);
  document->fields = g_steal_pointer (&intake->fields);
  report_phase (intake, RF_INTAKE_PHASE_DONE);
  g_task_return_pointer (task, document, (GDestroyNotify) rf_document_outcome_free);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *read_task = G_TASK (result);
  g_autoptr(GTask) task = user_data;
  Intake *intake = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(RfSignal) signal = NULL;
  g_autoptr(RfCompany) company = NULL;
  g_autoptr(RfContact) contact = NULL;
  g_autofree char *key = NULL;
  GCancellable *cancellable;

  if (!g_task_propagate_boolean (read_task, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (intake->existing != NULL)
    {
      RfDocumentOutcome *document = g_new0 (RfDocumentOutcome, 1);

      document->outcome = g_new0 (RfClassifyOutcome, 1);
      document->outcome->lead = g_steal_pointer (&intake->existing);
      document->outcome->duplicate = TRUE;
      document->file_name = g_strdup (intake->name);
      report_phase (intake, RF_INTAKE_PHASE_DONE);
      g_task_return_pointer (task, document, (GDestroyNotify) rf_document_outcome_free);
      return;
    }

  signal = rf_signal_new ();
  rf_signal_set_source_type (signal, intake->is_pdf ? RF_SOURCE_TYPE_PDF : RF_SOURCE_TYPE_OCR);
  rf_signal_set_raw_text (signal, intake->text);
  rf_signal_set_file_name (signal, intake->name);
  rf_signal_set_file_hash (signal, intake->hash);
  key = g_strconcat ("file:", intake->hash, NULL);
  rf_signal_set_dedup_key (signal, key);

  if (intake->fields != NULL)
    {
      g_autofree char *company_name = dup_field (intake->fields, RF_CARD_FIELD_COMPANY);
      g_autofree char *website = dup_field (intake->fields, RF_CARD_FIELD_WEBSITE);
      g_autofree char *name = dup_field (intake->fields, RF_CARD_FIELD_NAME);
      g_autofree char *title = dup_field (intake->fields, RF_CARD_FIELD_TITLE);
      g_autofree char *email = dup_field (intake->fields, RF_CARD_FIELD_EMAIL);
      g_autofree char *phone = dup_field (intake->fields, RF_CARD_FIELD_PHONE);
      g_autofree char *address = dup_field (intake->fields, RF_CARD_FIELD_ADDRESS);

      if (company_name != NULL || website != NULL)
        {
          company = rf_company_new ();
          rf_company_set_name (company, company_name);
          rf_company_set_website (company, website);
        }
      if (name != NULL || email != NULL || phone != NULL)
        {
          contact = rf_contact_new ();
          rf_contact_set_name (contact, name);
          rf_contact_set_title (contact, title);
          rf_contact_set_email (contact, email);
          rf_contact_set_phone (contact, phone);
          rf_contact_set_address (contact, address);
        }
    }

  report_phase (intake, RF_INTAKE_PHASE_CLASSIFYING);
  cancellable = g_task_get_cancellable (task);
  rf_lead_engine_classify_async (intake->engine, signal, company, contact, intake->icp_id,
                                 cancellable, classify_cb, g_steal_pointer (&task));
}

/* Reads @file (an image of a card, or a PDF), stores what it says as a
 * lead with its company and contact, and scores it. The same file twice
 * gives the first one's lead (duplicate set) without reading it again. */
void
rf_lead_engine_ingest_document_async (RfLeadEngine        *self,
                                      GFile               *file,
                                      gint64               icp_id,
                                      RfIntakePhaseFunc    phase_func,
                                      gpointer             phase_data,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) read_task = NULL;
  Intake *intake;

  g_return_if_fail (RF_IS_LEAD_ENGINE (self));
  g_return_if_fail (G_IS_FILE (file));

  intake = g_new0 (Intake, 1);
  intake->engine = g_object_ref (self);
  intake->file = g_object_ref (file);
  intake->icp_id = icp_id;
  intake->phase_func = phase_func;
  intake->phase_data = phase_data;
  intake->context = g_main_context_ref_thread_default ();
  intake->name = g_file_get_basename (file);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rf_lead_engine_ingest_document_async);
  g_task_set_task_data (task, intake, (GDestroyNotify) intake_free);

  read_task = g_task_new (self, cancellable, read_cb, g_object_ref (task));
  g_task_set_task_data (read_task, intake, NULL);
  g_task_run_in_thread (read_task, read_in_thread);
}

RfDocumentOutcome *
rf_lead_engine_ingest_document_finish (RfLeadEngine  *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
