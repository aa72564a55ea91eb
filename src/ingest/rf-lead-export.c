/* rf-lead-export.c: leads out as CSV or vCard, and back in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "rf-import-dao.h"
#include "rf-lead-dao.h"
#include "rf-lead-export.h"
#include "rf-model-json.h"
#include "rf-scoring.h"
#include "rf-vcard.h"

#define PAGE_SIZE 500
#define LIST_SEPARATOR "; "

typedef enum {
  COL_LEAD_ID,
  COL_COMPANY,
  COL_WEBSITE,
  COL_INDUSTRY,
  COL_COMPANY_SIZE,
  COL_LOCATION,
  COL_NAME,
  COL_TITLE,
  COL_EMAIL,
  COL_PHONE,
  COL_ADDRESS,
  COL_SOURCE,
  COL_TOTAL_SCORE,
  COL_SCORE_BUCKET,
  COL_SCORE_FIT,
  COL_SCORE_PAIN,
  COL_SCORE_DATA_QUALITY,
  COL_ICP_MATCH,
  COL_ICP,
  COL_SIZE_BUCKET,
  COL_ROLE_TYPE,
  COL_PAIN_TAGS,
  COL_SPIN_SITUATION,
  COL_SPIN_PROBLEM,
  COL_SPIN_IMPLICATION,
  COL_SPIN_NEED_PAYOFF,
  COL_MEDDIC_ECONOMIC_BUYER,
  COL_MEDDIC_KEY_PAIN,
  COL_MEDDIC_CHAOS_FLAGS,
  COL_CLASSIFIER,
  COL_PROMPT_VERSION,
  COL_EXPLANATION,
  COL_MATCHED_CRITERIA,
  COL_MATCHED_KEYWORDS,
  COL_STATUS,
  COL_NOTES,
  COL_DOSSIER,
  COL_CREATED_AT,
  COL_SIGNAL_TEXT,
  COL_SIGNAL_EXTRA,
  N_COLUMNS
} Column;

/* Headers are not translated: a file exported in one language imports in
 * another. Company and contact columns use names the column mapping
 * knows; the others are the lead's own, restored as such on import. */
static const struct
{
  const char *header;
  gboolean    lead;
} column_info[N_COLUMNS] = {
  [COL_LEAD_ID] = { "Lead ID", TRUE },
  [COL_COMPANY] = { "Company", FALSE },
  [COL_WEBSITE] = { "Website", FALSE },
  [COL_INDUSTRY] = { "Industry", FALSE },
  [COL_COMPANY_SIZE] = { "Company Size", FALSE },
  [COL_LOCATION] = { "Location", FALSE },
  [COL_NAME] = { "Name", FALSE },
  [COL_TITLE] = { "Title", FALSE },
  [COL_EMAIL] = { "Email", FALSE },
  [COL_PHONE] = { "Phone", FALSE },
  [COL_ADDRESS] = { "Address", FALSE },
  [COL_SOURCE] = { "Source", TRUE },
  [COL_TOTAL_SCORE] = { "Total Score", TRUE },
  [COL_SCORE_BUCKET] = { "Score Bucket", TRUE },
  [COL_SCORE_FIT] = { "Score Fit", TRUE },
  [COL_SCORE_PAIN] = { "Score Pain", TRUE },
  [COL_SCORE_DATA_QUALITY] = { "Score Data Quality", TRUE },
  [COL_ICP_MATCH] = { "ICP Match", TRUE },
  [COL_ICP] = { "ICP", TRUE },
  [COL_SIZE_BUCKET] = { "Size Bucket", TRUE },
  [COL_ROLE_TYPE] = { "Role Type", TRUE },
  [COL_PAIN_TAGS] = { "Pain Tags", TRUE },
  [COL_SPIN_SITUATION] = { "SPIN Situation", TRUE },
  [COL_SPIN_PROBLEM] = { "SPIN Problem", TRUE },
  [COL_SPIN_IMPLICATION] = { "SPIN Implication", TRUE },
  [COL_SPIN_NEED_PAYOFF] = { "SPIN Need Payoff", TRUE },
  [COL_MEDDIC_ECONOMIC_BUYER] = { "MEDDIC Economic Buyer", TRUE },
  [COL_MEDDIC_KEY_PAIN] = { "MEDDIC Key Pain", TRUE },
  [COL_MEDDIC_CHAOS_FLAGS] = { "MEDDIC Chaos Flags", TRUE },
  [COL_CLASSIFIER] = { "Classifier", TRUE },
  [COL_PROMPT_VERSION] = { "Prompt Version", TRUE },
  [COL_EXPLANATION] = { "Explanation", TRUE },
  [COL_MATCHED_CRITERIA] = { "Matched Criteria", TRUE },
  [COL_MATCHED_KEYWORDS] = { "Matched Keywords", TRUE },
  [COL_STATUS] = { "Status", TRUE },
  [COL_NOTES] = { "Notes", TRUE },
  [COL_DOSSIER] = { "Dossier", TRUE },
  [COL_CREATED_AT] = { "Created At", TRUE },
  [COL_SIGNAL_TEXT] = { "Signal Text", FALSE },
  [COL_SIGNAL_EXTRA] = { "Signal Extra", TRUE },
};

gboolean
rf_lead_export_format_parse (const char         *text,
                             RfLeadExportFormat *format)
{
  if (g_strcmp0 (text, "csv") == 0)
    *format = RF_LEAD_EXPORT_CSV;
  else if (g_strcmp0 (text, "vcard") == 0 || g_strcmp0 (text, "vcf") == 0)
    *format = RF_LEAD_EXPORT_VCARD;
  else
    return FALSE;
  return TRUE;
}

/* RFC 4180: quoted when it holds a delimiter, a quote or a line break. */
static void
append_cell (GString    *out,
             const char *value,
             gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL && value[0] != ' ' && value[0] != '\t')
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
}

static char *
join_list (const char * const *values)
{
  return values != NULL ? g_strjoinv (LIST_SEPARATOR, (char **)values) : g_strdup ("");
}

static char *
dossier_to_string (RfDossier *dossier)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (dossier == NULL)
    return g_strdup ("");
  builder = json_builder_new ();
  rf_dossier_build_json (dossier, builder);
  return rf_json_to_string (builder, FALSE);
}

static void
append_record_csv (GString      *out,
                   RfLeadRecord *record)
{
  RfLead *lead = record->lead;
  RfClassification *c = rf_lead_get_classification (lead);
  char *values[N_COLUMNS] = { NULL };

#define GET(object, getter) ((object) != NULL ? g_strdup (getter (object)) : NULL)
  values[COL_LEAD_ID] = g_strdup_printf ("%" G_GINT64_FORMAT, rf_lead_get_id (lead));
  values[COL_COMPANY] = GET (record->company, rf_company_get_name);
  values[COL_WEBSITE] = GET (record->company, rf_company_get_website);
  values[COL_INDUSTRY] = GET (record->company, rf_company_get_industry);
  values[COL_COMPANY_SIZE] = GET (record->company, rf_company_get_size);
  values[COL_LOCATION] = GET (record->company, rf_company_get_location);
  values[COL_NAME] = GET (record->contact, rf_contact_get_name);
  values[COL_TITLE] = GET (record->contact, rf_contact_get_title);
  values[COL_EMAIL] = GET (record->contact, rf_contact_get_email);
  values[COL_PHONE] = GET (record->contact, rf_contact_get_phone);
  values[COL_ADDRESS] = GET (record->contact, rf_contact_get_address);
  values[COL_SIGNAL_TEXT] = GET (record->signal, rf_signal_get_raw_text);
  values[COL_SIGNAL_EXTRA] = GET (record->signal, rf_signal_get_extra_text);
#undef GET
  values[COL_SOURCE] = g_strdup (rf_source_type_to_nick (rf_lead_get_source_type (lead)));
  values[COL_TOTAL_SCORE] = format_double (rf_lead_get_total_score (lead));
  values[COL_SCORE_BUCKET] = g_strdup (rf_score_bucket_to_nick (rf_lead_get_score_bucket (lead)));
  values[COL_SCORE_FIT] = format_double (rf_classification_get_score_fit (c));
  values[COL_SCORE_PAIN] = format_double (rf_classification_get_score_pain (c));
  values[COL_SCORE_DATA_QUALITY] = format_double (rf_classification_get_score_data_quality (c));
  values[COL_ICP_MATCH] = g_strdup (rf_classification_get_icp_match (c) ? "true" : "false");
  values[COL_ICP] = g_strdup (rf_lead_get_icp_name (lead));
  values[COL_SIZE_BUCKET] = g_strdup (rf_classification_get_size_bucket (c));
  values[COL_ROLE_TYPE] = g_strdup (rf_classification_get_role_type (c));
  values[COL_PAIN_TAGS] = join_list (rf_classification_get_pain_tags (c));
  values[COL_SPIN_SITUATION] = g_strdup (rf_classification_get_spin_situation (c));
  values[COL_SPIN_PROBLEM] = g_strdup (rf_classification_get_spin_problem (c));
  values[COL_SPIN_IMPLICATION] = g_strdup (rf_classification_get_spin_implication (c));
  values[COL_SPIN_NEED_PAYOFF] = g_strdup (rf_classification_get_spin_need_payoff (c));
  values[COL_MEDDIC_ECONOMIC_BUYER] = g_strdup (rf_classification_get_meddic_economic_buyer (c));
  values[COL_MEDDIC_KEY_PAIN] = g_strdup (rf_classification_get_meddic_key_pain (c));
  values[COL_MEDDIC_CHAOS_FLAGS] = join_list (rf_classification_get_meddic_chaos_flags (c));
  values[COL_CLASSIFIER] = g_strdup (rf_classification_get_classifier (c));
  values[COL_PROMPT_VERSION] = g_strdup (rf_classification_get_prompt_version (c));
  values[COL_EXPLANATION] = g_strdup (rf_classification_get_explanation (c));
  values[COL_MATCHED_CRITERIA] = join_list (rf_classification_get_matched_criteria (c));
  values[COL_MATCHED_KEYWORDS] = join_list (rf_classification_get_matched_keywords (c));
  values[COL_STATUS] = g_strdup (rf_lead_status_to_nick (rf_lead_get_status (lead)));
  values[COL_NOTES] = g_strdup (rf_lead_get_notes (lead));
  values[COL_DOSSIER] = dossier_to_string (rf_lead_get_dossier (lead));
  values[COL_CREATED_AT] = rf_format_timestamp (rf_lead_get_created_at (lead));

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      append_cell (out, values[i], i == 0);
      g_free (values[i]);
    }
  g_string_append (out, "\r\n");
}

/* "Ada King Lovelace" -> given "Ada King", family "Lovelace". */
static void
split_name (const char  *name,
            char       **given,
            char       **family)
{
  const char *space = name != NULL ? strrchr (name, ' ') : NULL;

  if (name == NULL || *name == '\0')
    {
      *given = NULL;
      *family = NULL;
    }
  else if (space == NULL)
    {
      *given = g_strdup (name);
      *family = NULL;
    }
  else
    {
      *given = g_strndup (name, space - name);
      *family = g_strdup (space + 1);
    }
}

static void
append_record_vcard (GString      *out,
                     RfLeadRecord *record)
{
  g_autoptr(RfVcard) card = rf_vcard_new ();
  g_autofree char *text = NULL;
  RfLead *lead = record->lead;
  const char *notes = rf_lead_get_notes (lead);

  if (record->contact != NULL)
    {
      const char *email = rf_contact_get_email (record->contact);
      const char *phone = rf_contact_get_phone (record->contact);

      card->formatted_name = g_strdup (rf_contact_get_name (record->contact));
      split_name (card->formatted_name, &card->given_name, &card->family_name);
      card->title = g_strdup (rf_contact_get_title (record->contact));
      card->address = g_strdup (rf_contact_get_address (record->contact));
      if (email != NULL && *email != '\0')
        g_ptr_array_add (card->emails, g_strdup (email));
      if (phone != NULL && *phone != '\0')
        g_ptr_array_add (card->phones, g_strdup (phone));
    }
  if (record->company != NULL)
    {
      const char *website = rf_company_get_website (record->company);

      card->organization = g_strdup (rf_company_get_name (record->company));
      if (website != NULL && *website != '\0')
        card->url = g_strdup (website);
    }
  /* Translators: the NOTE of an exported vCard: score and bucket. */
  card->note = g_strdup_printf (_("Raptorflow score %.1f (%s)%s%s"), rf_lead_get_total_score (lead),
                                rf_score_bucket_to_nick (rf_lead_get_score_bucket (lead)),
                                notes != NULL && *notes != '\0' ? "\n" : "", notes != NULL ? notes : "");

  text = rf_vcard_to_string (card);
  g_string_append (out, text);
}

static gboolean
write_text (GOutputStream  *stream,
            GString        *text,
            GCancellable   *cancellable,
            GError        **error)
{
  gboolean ok = g_output_stream_write_all (stream, text->str, text->len, NULL, cancellable, error);

  g_string_truncate (text, 0);
  return ok;
}

gboolean
rf_lead_export_sync (RfDatabase          *database,
                     const RfLeadQuery   *query,
                     RfLeadExportFormat   format,
                     GOutputStream       *stream,
                     guint               *n_written,
                     GCancellable        *cancellable,
                     GError             **error)
{
  g_autoptr(RfLeadDao) lead_dao = NULL;
  g_autoptr(RfImportDao) import_dao = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint written = 0;

  g_return_val_if_fail (RF_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  lead_dao = rf_lead_dao_new (database);
  import_dao = rf_import_dao_new (database);
  if (!(ids = rf_lead_dao_list_ids_sync (lead_dao, query, cancellable, error)))
    return FALSE;

  if (format == RF_LEAD_EXPORT_CSV)
    {
      /* A BOM, so that spreadsheets read the accents right. */
      g_string_append (out, "\xef\xbb\xbf");
      for (guint i = 0; i < N_COLUMNS; i++)
        append_cell (out, column_info[i].header, i == 0);
      g_string_append (out, "\r\n");
    }

  for (guint start = 0; start < ids->len; start += PAGE_SIZE)
    {
      g_autoptr(GPtrArray) records = NULL;
      guint n = MIN (PAGE_SIZE, ids->len - start);

      if (!(records = rf_import_dao_get_records_sync (import_dao, &g_array_index (ids, gint64, start), n,
                                                      cancellable, error)))
        return FALSE;

      for (guint i = 0; i < records->len; i++)
        {
          RfLeadRecord *record = g_ptr_array_index (records, i);

          if (format == RF_LEAD_EXPORT_CSV)
            append_record_csv (out, record);
          else
            {
              char *key;

              /* One card per contact; a lead without one gives its company's. */
              if (record->contact != NULL)
                key = g_strdup_printf ("p%" G_GINT64_FORMAT, rf_contact_get_id (record->contact));
              else if (record->company != NULL)
                key = g_strdup_printf ("c%" G_GINT64_FORMAT, rf_company_get_id (record->company));
              else
                continue;
              if (!g_hash_table_add (seen, key))
                continue;
              append_record_vcard (out, record);
            }
          written++;
        }

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !write_text (stream, out, cancellable, error))
        return FALSE;
    }

  if (!write_text (stream, out, cancellable, error) ||
      !g_output_stream_flush (stream, cancellable, error))
    return FALSE;
  if (n_written != NULL)
    *n_written = written;
  return TRUE;
}

typedef struct
{
  RfDatabase         *database;
  RfLeadQuery        *query;
  RfLeadExportFormat  format;
  GOutputStream      *stream;
} ExportTask;

static void
export_task_free (ExportTask *task)
{
  g_object_unref (task->database);
  rf_lead_query_free (task->query);
  g_object_unref (task->stream);
  g_free (task);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportTask *data = task_data;
  GError *error = NULL;
  guint written = 0;

  if (rf_lead_export_sync (data->database, data->query, data->format, data->stream, &written,
                           cancellable, &error))
    g_task_return_pointer (task, GUINT_TO_POINTER (written + 1), NULL);
  else
    g_task_return_error (task, error);
}

void
rf_lead_export_async (RfDatabase          *database,
                      const RfLeadQuery   *query,
                      RfLeadExportFormat   format,
                      GOutputStream       *stream,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportTask *data;

  g_return_if_fail (RF_IS_DATABASE (database));
  g_return_if_fail (query != NULL);
  g_return_if_fail (G_IS_OUTPUT_STREAM (stream));

  data = g_new0 (ExportTask, 1);
  data->database = g_object_ref (database);
  data->query = rf_lead_query_copy (query);
  data->format = format;
  data->stream = g_object_ref (stream);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rf_lead_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify)export_task_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
rf_lead_export_finish (GAsyncResult  *result,
                       guint         *n_written,
                       GError       **error)
{
  gpointer value;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rf_lead_export_async, FALSE);

  value = g_task_propagate_pointer (G_TASK (result), error);
  if (value == NULL)
    return FALSE;
  if (n_written != NULL)
    *n_written = GPOINTER_TO_UINT (value) - 1;
  return TRUE;
}

/* Reading an exported file back. */

struct _RfLeadExportColumns
{
  int index[N_COLUMNS];       /* column of the file, -1 when absent */
  GArray *lead_column;        /* gboolean per column of the file */
};

RfLeadExportColumns *
rf_lead_export_columns_new (const char * const *header,
                            guint               n_columns)
{
  RfLeadExportColumns *self;

  g_return_val_if_fail (header != NULL || n_columns == 0, NULL);

  self = g_new0 (RfLeadExportColumns, 1);
  self->lead_column = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_array_set_size (self->lead_column, n_columns);
  for (guint c = 0; c < N_COLUMNS; c++)
    self->index[c] = -1;

  for (guint i = 0; i < n_columns; i++)
    for (guint c = 0; c < N_COLUMNS; c++)
      if (header[i] != NULL && g_ascii_strcasecmp (header[i], column_info[c].header) == 0 && self->index[c] < 0)
        {
          self->index[c] = i;
          g_array_index (self->lead_column, gboolean, i) = column_info[c].lead;
        }

  /* A file of ours has its scores and the classifier that gave them. */
  if (self->index[COL_TOTAL_SCORE] < 0 || self->index[COL_SCORE_BUCKET] < 0 || self->index[COL_CLASSIFIER] < 0)
    {
      rf_lead_export_columns_free (self);
      return NULL;
    }
  return self;
}

void
rf_lead_export_columns_free (RfLeadExportColumns *columns)
{
  if (columns == NULL)
    return;
  g_array_unref (columns->lead_column);
  g_free (columns);
}

gboolean
rf_lead_export_columns_is_lead_column (RfLeadExportColumns *columns,
                                       guint                column)
{
  g_return_val_if_fail (columns != NULL, FALSE);

  return column < columns->lead_column->len && g_array_index (columns->lead_column, gboolean, column);
}

static const char *
cell (RfLeadExportColumns *columns,
      const char * const  *cells,
      guint                n_cells,
      Column               column)
{
  int index = columns->index[column];

  return index >= 0 && (guint)index < n_cells && cells[index] != NULL ? cells[index] : "";
}

static gboolean
parse_double (const char *text,
              double     *value)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && *value == *value;
}

static char **
split_list (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

RfLead *
rf_lead_export_columns_restore (RfLeadExportColumns *columns,
                                const char * const  *cells,
                                guint                n_cells,
                                RfSignal            *signal)
{
  g_autoptr(RfLead) lead = NULL;
  g_autoptr(RfClassification) c = NULL;
  g_autoptr(RfDossier) dossier = NULL;
  double total, value;
  int nick;
  const char *text;

  g_return_val_if_fail (columns != NULL, NULL);

#define CELL(column) cell (columns, cells, n_cells, column)
  if (!parse_double (CELL (COL_TOTAL_SCORE), &total))
    return NULL;

  lead = rf_lead_new ();
  c = rf_classification_new ();
  rf_lead_set_total_score (lead, rf_score_clamp (total, 100));
  if (rf_enum_from_nick (RF_TYPE_SCORE_BUCKET, CELL (COL_SCORE_BUCKET), &nick))
    rf_lead_set_score_bucket (lead, nick);
  else
    rf_lead_set_score_bucket (lead, rf_score_bucket_for_total (total));

  if (parse_double (CELL (COL_SCORE_FIT), &value))
    rf_classification_set_score_fit (c, rf_score_clamp (value, RF_SCORE_FIT_MAX));
  if (parse_double (CELL (COL_SCORE_PAIN), &value))
    rf_classification_set_score_pain (c, rf_score_clamp (value, RF_SCORE_PAIN_MAX));
  if (parse_double (CELL (COL_SCORE_DATA_QUALITY), &value))
    rf_classification_set_score_data_quality (c, rf_score_clamp (value, RF_SCORE_DATA_QUALITY_MAX));
  text = CELL (COL_ICP_MATCH);
  rf_classification_set_icp_match (c, g_ascii_strcasecmp (text, "true") == 0 || g_str_equal (text, "1") ||
                                      g_ascii_strcasecmp (text, "yes") == 0);
  rf_classification_set_size_bucket (c, CELL (COL_SIZE_BUCKET));
  rf_classification_set_role_type (c, CELL (COL_ROLE_TYPE));
  rf_classification_set_spin_situation (c, CELL (COL_SPIN_SITUATION));
  rf_classification_set_spin_problem (c, CELL (COL_SPIN_PROBLEM));
  rf_classification_set_spin_implication (c, CELL (COL_SPIN_IMPLICATION));
  rf_classification_set_spin_need_payoff (c, CELL (COL_SPIN_NEED_PAYOFF));
  rf_classification_set_meddic_economic_buyer (c, CELL (COL_MEDDIC_ECONOMIC_BUYER));
  rf_classification_set_meddic_key_pain (c, CELL (COL_MEDDIC_KEY_PAIN));
  rf_classification_set_classifier (c, *CELL (COL_CLASSIFIER) != '\0' ? CELL (COL_CLASSIFIER) : "rules");
  rf_classification_set_prompt_version (c, CELL (COL_PROMPT_VERSION));
  rf_classification_set_explanation (c, CELL (COL_EXPLANATION));
  {
    g_auto(GStrv) tags = split_list (CELL (COL_PAIN_TAGS));
    g_auto(GStrv) flags = split_list (CELL (COL_MEDDIC_CHAOS_FLAGS));
    g_auto(GStrv) criteria = split_list (CELL (COL_MATCHED_CRITERIA));
    g_auto(GStrv) keywords = split_list (CELL (COL_MATCHED_KEYWORDS));

    rf_classification_set_pain_tags (c, (const char * const *)tags);
    rf_classification_set_meddic_chaos_flags (c, (const char * const *)flags);
    rf_classification_set_matched_criteria (c, (const char * const *)criteria);
    rf_classification_set_matched_keywords (c, (const char * const *)keywords);
  }
  rf_lead_set_classification (lead, c);

  if (rf_enum_from_nick (RF_TYPE_LEAD_STATUS, CELL (COL_STATUS), &nick))
    rf_lead_set_status (lead, nick);
  rf_lead_set_notes (lead, CELL (COL_NOTES));
  if ((dossier = rf_dossier_from_stored_json (CELL (COL_DOSSIER))) != NULL)
    rf_lead_set_dossier (lead, dossier);
  if (*CELL (COL_CREATED_AT) != '\0')
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (CELL (COL_CREATED_AT), NULL);
      if (time != NULL)
        rf_lead_set_created_at (lead, g_date_time_to_unix (time));
    }

  if (signal != NULL)
    {
      if (rf_enum_from_nick (RF_TYPE_SOURCE_TYPE, CELL (COL_SOURCE), &nick))
        {
          rf_signal_set_source_type (signal, nick);
          rf_lead_set_source_type (lead, nick);
        }
      if (columns->index[COL_SIGNAL_EXTRA] >= 0)
        rf_signal_set_extra_text (signal, CELL (COL_SIGNAL_EXTRA));
    }
#undef CELL

  return g_steal_pointer (&lead);
}
