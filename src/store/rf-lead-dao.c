/* rf-lead-dao.c: one lead at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-store"

#include "config.h"

#include <inttypes.h>

#include <json-glib/json-glib.h>
#include <glib/gi18n-lib.h>

#include "rf-lead-dao-private.h"
#include "rf-model-json.h"
#include "rf-strv-json.h"

struct _RfLeadDao
{
  RfDao parent_instance;
};

G_DEFINE_FINAL_TYPE (RfLeadDao, rf_lead_dao, RF_TYPE_DAO)

static void
rf_lead_dao_class_init (RfLeadDaoClass *klass)
{
}

static void
rf_lead_dao_init (RfLeadDao *self)
{
}

RfLeadDao *
rf_lead_dao_new (RfDatabase *database)
{
  g_return_val_if_fail (RF_IS_DATABASE (database), NULL);

  return g_object_new (RF_TYPE_LEAD_DAO, "database", database, NULL);
}

/* Enum columns are read for every listed row: a direct table is much
 * cheaper than GEnumClass lookups. Kept in enum order; a test checks them
 * against the nicks. */
static const char * const bucket_nicks[] = { "red_hot", "warm", "nurture", "parked" };
static const char * const status_nicks[] = { "new", "contacted", "qualified", "won", "lost", "parked" };
static const char * const source_nicks[] = { "manual", "job_post", "website", "ocr", "pdf", "csv", "vcard" };

static int
index_of_nick (const char * const *nicks,
               guint               n_nicks,
               const char         *text,
               int                 fallback)
{
  if (text != NULL)
    for (guint i = 0; i < n_nicks; i++)
      if (strcmp (nicks[i], text) == 0)
        return i;
  return fallback;
}

static char **
column_strv (sqlite3_stmt *stmt,
             int           column)
{
  return rf_stmt_column_strv (stmt, column);
}

RfLead *
rf_lead_dao_lead_from_row (sqlite3_stmt *stmt,
                           gboolean      full)
{
  RfLead *lead = rf_lead_new ();
  RfClassification *classification = rf_lead_get_classification (lead);
  g_auto(GStrv) pain_tags = column_strv (stmt, 13);

  rf_lead_set_id (lead, sqlite3_column_int64 (stmt, 0));
  rf_lead_set_signal_id (lead, sqlite3_column_int64 (stmt, 1));
  rf_lead_set_company_id (lead, sqlite3_column_int64 (stmt, 2));
  rf_lead_set_contact_id (lead, sqlite3_column_int64 (stmt, 3));
  rf_lead_set_icp_id (lead, sqlite3_column_int64 (stmt, 4));
  rf_classification_set_score_fit (classification, sqlite3_column_double (stmt, 5));
  rf_classification_set_score_pain (classification, sqlite3_column_double (stmt, 6));
  rf_classification_set_score_data_quality (classification, sqlite3_column_double (stmt, 7));
  rf_lead_set_total_score (lead, sqlite3_column_double (stmt, 8));
  rf_lead_set_score_bucket (lead, index_of_nick (bucket_nicks, G_N_ELEMENTS (bucket_nicks),
                                                 rf_stmt_column_text (stmt, 9), RF_SCORE_BUCKET_PARKED));
  rf_classification_set_icp_match (classification, sqlite3_column_int (stmt, 10));
  rf_classification_set_size_bucket (classification, rf_stmt_column_text (stmt, 11));
  rf_classification_set_role_type (classification, rf_stmt_column_text (stmt, 12));
  rf_classification_set_pain_tags (classification, (const char * const *)pain_tags);
  rf_classification_set_classifier (classification, rf_stmt_column_text (stmt, 14));
  rf_lead_set_status (lead, index_of_nick (status_nicks, G_N_ELEMENTS (status_nicks),
                                           rf_stmt_column_text (stmt, 15), RF_LEAD_STATUS_NEW));
  rf_lead_set_created_at (lead, sqlite3_column_int64 (stmt, 16));
  rf_lead_set_updated_at (lead, sqlite3_column_int64 (stmt, 17));
  rf_lead_set_source_type (lead, index_of_nick (source_nicks, G_N_ELEMENTS (source_nicks),
                                                rf_stmt_column_text (stmt, 18), RF_SOURCE_TYPE_MANUAL));
  rf_lead_set_company_name (lead, rf_stmt_column_text (stmt, 19));
  rf_lead_set_company_website (lead, rf_stmt_column_text (stmt, 20));
  rf_lead_set_contact_name (lead, rf_stmt_column_text (stmt, 21));
  rf_lead_set_contact_email (lead, rf_stmt_column_text (stmt, 22));
  rf_lead_set_contact_phone (lead, rf_stmt_column_text (stmt, 23));
  rf_lead_set_icp_name (lead, rf_stmt_column_text (stmt, 24));

  if (full)
    {
      g_auto(GStrv) chaos_flags = column_strv (stmt, 31);
      g_auto(GStrv) criteria = column_strv (stmt, 34);
      g_auto(GStrv) keywords = column_strv (stmt, 35);
      g_auto(GStrv) repairs = column_strv (stmt, 36);
      g_autoptr(RfDossier) dossier = rf_dossier_from_stored_json (rf_stmt_column_text (stmt, 38));

      rf_classification_set_spin_situation (classification, rf_stmt_column_text (stmt, 25));
      rf_classification_set_spin_problem (classification, rf_stmt_column_text (stmt, 26));
      rf_classification_set_spin_implication (classification, rf_stmt_column_text (stmt, 27));
      rf_classification_set_spin_need_payoff (classification, rf_stmt_column_text (stmt, 28));
      rf_classification_set_meddic_economic_buyer (classification, rf_stmt_column_text (stmt, 29));
      rf_classification_set_meddic_key_pain (classification, rf_stmt_column_text (stmt, 30));
      rf_classification_set_meddic_chaos_flags (classification, (const char * const *)chaos_flags);
      rf_classification_set_prompt_version (classification, rf_stmt_column_text (stmt, 32));
      rf_classification_set_explanation (classification, rf_stmt_column_text (stmt, 33));
      rf_classification_set_matched_criteria (classification, (const char * const *)criteria);
      rf_classification_set_matched_keywords (classification, (const char * const *)keywords);
      rf_classification_set_repairs (classification, (const char * const *)repairs);
      rf_lead_set_notes (lead, rf_stmt_column_text (stmt, 37));
      rf_lead_set_contact_title (lead, rf_stmt_column_text (stmt, 39));
      rf_lead_set_dossier (lead, dossier);
    }

  return lead;
}

gboolean
rf_lead_dao_fill_profile_names (RfDatabase  *database,
                                GPtrArray   *leads,
                                GError     **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  gboolean has_row;
  gboolean ok;

  if (!(stmt = rf_database_prepare (database, "SELECT id, name FROM icp_profiles", error)))
    return FALSE;
  while ((ok = rf_database_step (database, stmt, &has_row, error)) && has_row)
    g_hash_table_insert (names, rf_dao_boxed_id (sqlite3_column_int64 (stmt, 0)),
                         g_strdup (rf_stmt_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (!ok)
    return FALSE;

  for (guint i = 0; i < leads->len; i++)
    {
      RfLead *lead = g_ptr_array_index (leads, i);
      gint64 icp_id = rf_lead_get_icp_id (lead);

      if (icp_id > 0)
        rf_lead_set_icp_name (lead, g_hash_table_lookup (names, &icp_id));
    }
  return TRUE;
}

char *
rf_lead_dao_ids_to_json (const gint64 *ids,
                         guint         n_ids)
{
  GString *json = g_string_sized_new (n_ids * 8 + 2);

  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, i > 0 ? ",%" G_GINT64_FORMAT : "%" G_GINT64_FORMAT, ids[i]);
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static void
set_not_found (GError **error,
               gint64   id)
{
  g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND,
               _("There is no lead %" PRId64), id);
}

RfLead *
rf_lead_dao_get_in_thread (RfDatabase  *database,
                           gint64       id,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;
  RfLead *lead;

  stmt = rf_database_prepare (database,
                              "SELECT " RF_LEAD_FULL_COLUMNS " " RF_LEAD_FULL_JOINS
                              "WHERE l.id = ? AND l.deleted_at IS NULL",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!rf_database_step (database, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      set_not_found (error, id);
      return NULL;
    }

  lead = rf_lead_dao_lead_from_row (stmt, TRUE);
  sqlite3_reset (stmt);
  return lead;
}

/* Returns the id of the lead made from @signal_id, 0 for none, -1 on error. */
gint64
rf_lead_dao_find_by_signal_in_thread (RfDatabase  *database,
                                      gint64       signal_id,
                                      GError     **error)
{
  sqlite3_stmt *stmt = rf_database_prepare (database, "SELECT id FROM leads WHERE signal_id = ? LIMIT 1", error);
  gboolean has_row;
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, signal_id);
  if (!rf_database_step (database, stmt, &has_row, error))
    return -1;
  if (has_row)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* Binds ?1..?24: the columns a classification decides. */
static void
bind_score_columns (sqlite3_stmt *stmt,
                    RfLead       *lead)
{
  RfClassification *c = rf_lead_get_classification (lead);

  rf_stmt_bind_id (stmt, 1, rf_lead_get_icp_id (lead));
  sqlite3_bind_double (stmt, 2, rf_classification_get_score_fit (c));
  sqlite3_bind_double (stmt, 3, rf_classification_get_score_pain (c));
  sqlite3_bind_double (stmt, 4, rf_classification_get_score_data_quality (c));
  sqlite3_bind_double (stmt, 5, rf_lead_get_total_score (lead));
  rf_stmt_bind_text_static (stmt, 6, rf_score_bucket_to_nick (rf_lead_get_score_bucket (lead)));
  sqlite3_bind_int (stmt, 7, rf_classification_get_icp_match (c));
  rf_stmt_bind_text_or_empty_static (stmt, 8, rf_classification_get_size_bucket (c));
  rf_stmt_bind_text_or_empty_static (stmt, 9, rf_classification_get_role_type (c));
  rf_stmt_bind_strv (stmt, 10, rf_classification_get_pain_tags (c));
  rf_stmt_bind_text_or_empty_static (stmt, 11, rf_classification_get_spin_situation (c));
  rf_stmt_bind_text_or_empty_static (stmt, 12, rf_classification_get_spin_problem (c));
  rf_stmt_bind_text_or_empty_static (stmt, 13, rf_classification_get_spin_implication (c));
  rf_stmt_bind_text_or_empty_static (stmt, 14, rf_classification_get_spin_need_payoff (c));
  rf_stmt_bind_text_or_empty_static (stmt, 15, rf_classification_get_meddic_economic_buyer (c));
  rf_stmt_bind_text_or_empty_static (stmt, 16, rf_classification_get_meddic_key_pain (c));
  rf_stmt_bind_strv (stmt, 17, rf_classification_get_meddic_chaos_flags (c));
  rf_stmt_bind_text_static (stmt, 18, rf_classification_get_classifier (c) ?: "rules");
  rf_stmt_bind_text_or_empty_static (stmt, 19, rf_classification_get_prompt_version (c));
  rf_stmt_bind_text_or_empty_static (stmt, 20, rf_classification_get_explanation (c));
  rf_stmt_bind_strv (stmt, 21, rf_classification_get_matched_criteria (c));
  rf_stmt_bind_strv (stmt, 22, rf_classification_get_matched_keywords (c));
  rf_stmt_bind_strv (stmt, 23, rf_classification_get_repairs (c));
  sqlite3_bind_int64 (stmt, 24, rf_store_now ());
}

gint64
rf_lead_dao_insert_in_thread (RfDatabase  *database,
                              RfLead      *lead,
                              GError     **error)
{
  RfDossier *dossier = rf_lead_get_dossier (lead);
  gint64 created_at = rf_lead_get_created_at (lead);
  sqlite3_stmt *stmt;
  gint64 id;

  if (rf_lead_get_signal_id (lead) <= 0)
    {
      g_set_error_literal (error, RF_STORE_ERROR, RF_STORE_ERROR_INVALID,
                           _("A lead must come from a stored signal"));
      return -1;
    }

  stmt = rf_database_prepare (database,
                              "INSERT INTO leads (icp_id, score_fit, score_pain, score_data_quality, "
                              "total_score, score_bucket, icp_match, size_bucket, role_type, pain_tags, "
                              "spin_situation, spin_problem, spin_implication, spin_need_payoff, "
                              "meddic_economic_buyer, meddic_key_pain, meddic_chaos_flags, classifier, "
                              "prompt_version, explanation, matched_criteria, matched_keywords, repairs, "
                              "updated_at, signal_id, company_id, contact_id, status, notes, dossier, "
                              "created_at, source_type, company_sort, contact_sort, profile_sort) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                              "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, "
                              "?27, ?28, ?29, ?30, ?31, "
                              "coalesce ((SELECT source_type FROM signals WHERE id = ?25), 'manual'), "
                              "coalesce ((SELECT name FROM companies WHERE id = ?26), ''), "
                              "coalesce ((SELECT name FROM contacts WHERE id = ?27), ''), "
                              "coalesce ((SELECT name FROM icp_profiles WHERE id = ?1), ''))",
                              error);
  if (stmt == NULL)
    return -1;

  bind_score_columns (stmt, lead);
  sqlite3_bind_int64 (stmt, 25, rf_lead_get_signal_id (lead));
  rf_stmt_bind_id (stmt, 26, rf_lead_get_company_id (lead));
  rf_stmt_bind_id (stmt, 27, rf_lead_get_contact_id (lead));
  rf_stmt_bind_text_static (stmt, 28, rf_lead_status_to_nick (rf_lead_get_status (lead)));
  rf_stmt_bind_text_or_empty_static (stmt, 29, rf_lead_get_notes (lead));
  if (dossier != NULL)
    sqlite3_bind_text (stmt, 30, rf_dossier_to_stored_json (dossier), -1, g_free);
  sqlite3_bind_int64 (stmt, 31, created_at > 0 ? created_at : rf_store_now ());

  if (!rf_database_step_done (database, stmt, error))
    return -1;

  id = rf_database_last_insert_id (database);
  if (!rf_database_lead_inserted (database, id, error))
    return -1;
  rf_lead_set_id (lead, id);
  rf_database_notify_changed (database, "leads", RF_CHANGE_INSERTED, id);
  if (created_at <= 0)
    rf_lead_set_created_at (lead, rf_store_now ());
  rf_lead_set_updated_at (lead, rf_store_now ());
  return id;
}

gboolean
rf_lead_dao_update_score_in_thread (RfDatabase  *database,
                                    RfLead      *lead,
                                    GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = rf_database_prepare (database,
                              "UPDATE leads SET icp_id = ?1, score_fit = ?2, score_pain = ?3, "
                              "score_data_quality = ?4, total_score = ?5, score_bucket = ?6, icp_match = ?7, "
                              "size_bucket = ?8, role_type = ?9, pain_tags = ?10, spin_situation = ?11, "
                              "spin_problem = ?12, spin_implication = ?13, spin_need_payoff = ?14, "
                              "meddic_economic_buyer = ?15, meddic_key_pain = ?16, meddic_chaos_flags = ?17, "
                              "classifier = ?18, prompt_version = ?19, explanation = ?20, "
                              "matched_criteria = ?21, matched_keywords = ?22, repairs = ?23, "
                              "updated_at = ?24 WHERE id = ?25",
                              error);
  if (stmt == NULL)
    return FALSE;

  bind_score_columns (stmt, lead);
  sqlite3_bind_int64 (stmt, 25, rf_lead_get_id (lead));
  if (!rf_database_step_done (database, stmt, error))
    return FALSE;
  if (rf_database_changes (database) == 0)
    {
      set_not_found (error, rf_lead_get_id (lead));
      return FALSE;
    }
  rf_database_notify_changed (database, "leads", RF_CHANGE_UPDATED, rf_lead_get_id (lead));
  return TRUE;
}

gboolean
rf_lead_dao_set_dossier_in_thread (RfDatabase  *database,
                                   gint64       id,
                                   RfDossier   *dossier,
                                   GError     **error)
{
  sqlite3_stmt *stmt = rf_database_prepare (database,
                                            "UPDATE leads SET dossier = ?, updated_at = ? WHERE id = ?",
                                            error);
  if (stmt == NULL)
    return FALSE;
  if (dossier != NULL)
    sqlite3_bind_text (stmt, 1, rf_dossier_to_stored_json (dossier), -1, g_free);
  sqlite3_bind_int64 (stmt, 2, rf_store_now ());
  sqlite3_bind_int64 (stmt, 3, id);
  if (!rf_database_step_done (database, stmt, error))
    return FALSE;
  if (rf_database_changes (database) == 0)
    {
      set_not_found (error, id);
      return FALSE;
    }
  rf_database_notify_changed (database, "leads", RF_CHANGE_UPDATED, id);
  return TRUE;
}

typedef struct
{
  gint64        id;
  RfLeadStatus  status;
  char         *notes;
  RfDossier    *dossier;
  RfLead       *lead;
} LeadChange;

static void
lead_change_free (gpointer data)
{
  LeadChange *change = data;

  g_free (change->notes);
  g_clear_object (&change->dossier);
  g_clear_object (&change->lead);
  g_free (change);
}

static gpointer
get_work (RfDatabase    *database,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return rf_lead_dao_get_in_thread (database, *(gint64 *)data, error);
}

static gpointer
insert_work (RfDatabase    *database,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  gint64 id = rf_lead_dao_insert_in_thread (database, data, error);

  return id < 0 ? NULL : rf_dao_boxed_id (id);
}

static gpointer
update_score_work (RfDatabase    *database,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return rf_lead_dao_update_score_in_thread (database, data, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

/* A status change is logged as an activity in the same transaction. */
static gpointer
set_status_work (RfDatabase    *database,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  LeadChange *change = data;
  const char *new_status = rf_lead_status_to_nick (change->status);
  g_autofree char *old_status = NULL;
  g_autofree char *body = NULL;
  sqlite3_stmt *stmt;
  gboolean has_row;
  gint64 now = rf_store_now ();

  if (new_status == NULL)
    {
      g_set_error (error, RF_STORE_ERROR, RF_STORE_ERROR_INVALID, _("Unknown lead status %d"), change->status);
      return NULL;
    }

  if (!rf_database_transaction_begin (database, error))
    return NULL;

  if (!(stmt = rf_database_prepare (database, "SELECT status FROM leads WHERE id = ?", error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, change->id);
  if (!rf_database_step (database, stmt, &has_row, error))
    goto fail;
  if (!has_row)
    {
      set_not_found (error, change->id);
      goto fail;
    }
  old_status = g_strdup (rf_stmt_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (g_strcmp0 (old_status, new_status) != 0)
    {
      if (!(stmt = rf_database_prepare (database, "UPDATE leads SET status = ?, updated_at = ? WHERE id = ?", error)))
        goto fail;
      rf_stmt_bind_text (stmt, 1, new_status);
      sqlite3_bind_int64 (stmt, 2, now);
      sqlite3_bind_int64 (stmt, 3, change->id);
      if (!rf_database_step_done (database, stmt, error))
        goto fail;

      if (!(stmt = rf_database_prepare (database,
                                        "INSERT INTO activities (lead_id, kind, body, created_at) "
                                        "VALUES (?, 'status_change', ?, ?)",
                                        error)))
        goto fail;
      body = g_strdup_printf ("%s → %s", old_status, new_status);
      sqlite3_bind_int64 (stmt, 1, change->id);
      rf_stmt_bind_text (stmt, 2, body);
      sqlite3_bind_int64 (stmt, 3, now);
      if (!rf_database_step_done (database, stmt, error))
        goto fail;
    }

  if (!rf_database_transaction_commit (database, error))
    return NULL;
  if (g_strcmp0 (old_status, new_status) != 0)
    {
      rf_database_notify_changed (database, "leads", RF_CHANGE_UPDATED, change->id);
      rf_database_notify_changed (database, "activities", RF_CHANGE_INSERTED, change->id);
    }
  return GINT_TO_POINTER (TRUE);

fail:
  rf_database_transaction_rollback (database);
  return NULL;
}

static gpointer
set_notes_work (RfDatabase    *database,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  LeadChange *change = data;
  sqlite3_stmt *stmt = rf_database_prepare (database, "UPDATE leads SET notes = ?, updated_at = ? WHERE id = ?", error);

  if (stmt == NULL)
    return NULL;
  rf_stmt_bind_text_or_empty (stmt, 1, change->notes);
  sqlite3_bind_int64 (stmt, 2, rf_store_now ());
  sqlite3_bind_int64 (stmt, 3, change->id);
  if (!rf_database_step_done (database, stmt, error))
    return NULL;
  if (rf_database_changes (database) == 0)
    {
      set_not_found (error, change->id);
      return NULL;
    }
  rf_database_notify_changed (database, "leads", RF_CHANGE_UPDATED, change->id);
  return GINT_TO_POINTER (TRUE);
}

static gpointer
set_dossier_work (RfDatabase    *database,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  LeadChange *change = data;

  return rf_lead_dao_set_dossier_in_thread (database, change->id, change->dossier, error)
         ? GINT_TO_POINTER (TRUE) : NULL;
}

RfLead *
rf_lead_dao_get_sync (RfLeadDao     *self,
                      gint64         id,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_return_val_if_fail (RF_IS_LEAD_DAO (self), NULL);

  return rf_dao_run_sync (RF_DAO (self), get_work, &id, cancellable, error);
}

void
rf_lead_dao_get_async (RfLeadDao           *self,
                       gint64               id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (RF_IS_LEAD_DAO (self));

  rf_dao_run_async (RF_DAO (self), get_work, rf_dao_boxed_id (id), g_free, g_object_unref,
                    rf_lead_dao_get_async, cancellable, callback, user_data);
}

RfLead *
rf_lead_dao_get_finish (RfLeadDao     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return rf_dao_run_finish (RF_DAO (self), result, rf_lead_dao_get_async, error);
}

gint64
rf_lead_dao_insert_sync (RfLeadDao     *self,
                         RfLead        *lead,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(RfLead) copy = rf_lead_copy (lead);
  g_autofree gint64 *id = NULL;

  g_return_val_if_fail (RF_IS_LEAD_DAO (self), -1);

  id = rf_dao_run_sync (RF_DAO (self), insert_work, copy, cancellable, error);
  if (id == NULL)
    return -1;

  rf_lead_set_id (lead, *id);
  rf_lead_set_created_at (lead, rf_lead_get_created_at (copy));
  rf_lead_set_updated_at (lead, rf_lead_get_updated_at (copy));
  return *id;
}

gboolean
rf_lead_dao_update_score_sync (RfLeadDao     *self,
                               RfLead        *lead,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(RfLead) copy = rf_lead_copy (lead);

  g_return_val_if_fail (RF_IS_LEAD_DAO (self), FALSE);

  return rf_dao_run_sync (RF_DAO (self), update_score_work, copy, cancellable, error) != NULL;
}

gboolean
rf_lead_dao_set_status_sync (RfLeadDao     *self,
                             gint64         id,
                             RfLeadStatus   status,
                             GCancellable  *cancellable,
                             GError       **error)
{
  LeadChange change = { .id = id, .status = status };

  g_return_val_if_fail (RF_IS_LEAD_DAO (self), FALSE);

  return rf_dao_run_sync (RF_DAO (self), set_status_work, &change, cancellable, error) != NULL;
}

void
rf_lead_dao_set_status_async (RfLeadDao           *self,
                              gint64               id,
                              RfLeadStatus         status,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  LeadChange *change;

  g_return_if_fail (RF_IS_LEAD_DAO (self));

  change = g_new0 (LeadChange, 1);
  change->id = id;
  change->status = status;
  rf_dao_run_async (RF_DAO (self), set_status_work, change, lead_change_free, NULL,
                    rf_lead_dao_set_status_async, cancellable, callback, user_data);
}

gboolean
rf_lead_dao_set_status_finish (RfLeadDao     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return rf_dao_run_finish_boolean (RF_DAO (self), result, rf_lead_dao_set_status_async, error);
}

gboolean
rf_lead_dao_set_notes_sync (RfLeadDao     *self,
                            gint64         id,
                            const char    *notes,
                            GCancellable  *cancellable,
                            GError       **error)
{
  LeadChange change = { .id = id, .notes = (char *)notes };

  g_return_val_if_fail (RF_IS_LEAD_DAO (self), FALSE);

  return rf_dao_run_sync (RF_DAO (self), set_notes_work, &change, cancellable, error) != NULL;
}

void
rf_lead_dao_set_notes_async (RfLeadDao           *self,
                             gint64               id,
                             const char          *notes,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  LeadChange *change;

  g_return_if_fail (RF_IS_LEAD_DAO (self));

  change = g_new0 (LeadChange, 1);
  change->id = id;
  change->notes = g_strdup (notes);
  rf_dao_run_async (RF_DAO (self), set_notes_work, change, lead_change_free, NULL,
                    rf_lead_dao_set_notes_async, cancellable, callback, user_data);
}

gboolean
rf_lead_dao_set_notes_finish (RfLeadDao     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return rf_dao_run_finish_boolean (RF_DAO (self), result, rf_lead_dao_set_notes_async, error);
}

gboolean
rf_lead_dao_set_dossier_sync (RfLeadDao     *self,
                              gint64         id,
                              RfDossier     *dossier,
                              GCancellable  *cancellable,
                              GError       **error)
{
  LeadChange change = { .id = id };
  gboolean ok;

  g_return_val_if_fail (RF_IS_LEAD_DAO (self), FALSE);

  change.dossier = dossier != NULL ? rf_dossier_copy (dossier) : NULL;
  ok = rf_dao_run_sync (RF_DAO (self), set_dossier_work, &change, cancellable, error) != NULL;
  g_clear_object (&change.dossier);
  return ok;
}
