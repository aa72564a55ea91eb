/* rf-engine-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-engine"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rf-company-dao.h"
#include "rf-contact-dao.h"
#include "rf-engine-store.h"
#include "rf-enums.h"
#include "rf-icp-dao.h"
#include "rf-lead-dao.h"
#include "rf-normalize.h"
#include "rf-rules-classifier.h"
#include "rf-scoring.h"
#include "rf-signal-dao.h"
#include "rf-store-error.h"
#include "rf-text-contacts.h"

RfLeadContext *
rf_lead_context_new (void)
{
  return g_new0 (RfLeadContext, 1);
}

void
rf_lead_context_free (RfLeadContext *context)
{
  if (context == NULL)
    return;
  g_clear_object (&context->lead);
  g_clear_object (&context->signal);
  g_clear_object (&context->company);
  g_clear_object (&context->contact);
  g_clear_object (&context->profile);
  g_free (context);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

/* The same signal twice (a card dropped again, a post pasted again) makes
 * one lead: files by their hash, text by source, words and company. */
char *
rf_signal_compute_dedup_key (RfSignal  *signal,
                             RfCompany *company)
{
  g_autoptr(GChecksum) checksum = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *name = NULL;

  if (has_text (rf_signal_get_dedup_key (signal)))
    return g_strdup (rf_signal_get_dedup_key (signal));
  if (has_text (rf_signal_get_file_hash (signal)))
    return g_strconcat ("file:", rf_signal_get_file_hash (signal), NULL);

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) rf_enum_to_nick (RF_TYPE_SOURCE_TYPE, rf_signal_get_source_type (signal)), -1);
  /* Whitespace does not make a signal new. */
  words = g_strsplit_set (rf_signal_get_raw_text (signal) != NULL ? rf_signal_get_raw_text (signal) : "", " \t\r\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        g_checksum_update (checksum, (const guchar *) " ", 1);
        g_checksum_update (checksum, (const guchar *) words[i], -1);
      }
  if (company != NULL)
    {
      domain = rf_normalize_domain (rf_company_get_website (company));
      name = rf_normalize_company_name (rf_company_get_name (company));
      g_checksum_update (checksum, (const guchar *) "\n", 1);
      g_checksum_update (checksum, (const guchar *) (domain != NULL ? domain : ""), -1);
      g_checksum_update (checksum, (const guchar *) "\n", 1);
      g_checksum_update (checksum, (const guchar *) (name != NULL ? name : ""), -1);
    }
  return g_strconcat ("text:", g_checksum_get_string (checksum), NULL);
}

/* The profile to score against: @icp_id, else the first active one, else
 * none (NULL without an error). */
static RfIcpProfile *
find_profile (RfDatabase  *database,
              gint64       icp_id,
              GError     **error)
{
  g_autoptr(GPtrArray) active = NULL;

  if (icp_id > 0)
    return rf_icp_dao_get_in_thread (database, icp_id, error);

  active = rf_icp_dao_list_in_thread (database, TRUE, error);
  if (active == NULL)
    return NULL;
  return active->len > 0 ? g_object_ref (g_ptr_array_index (active, 0)) : NULL;
}

static gboolean
company_is_named (RfCompany *company)
{
  return company != NULL && (has_text (rf_company_get_name (company)) || has_text (rf_company_get_website (company)));
}

static gboolean
contact_is_named (RfContact *contact)
{
  return contact != NULL && (has_text (rf_contact_get_name (contact)) || has_text (rf_contact_get_email (contact)) ||
                             has_text (rf_contact_get_phone (contact)));
}

static RfLead *
lead_for (RfLeadContext    *context,
          RfClassification *classification)
{
  RfLead *lead = rf_lead_new ();
  double total = rf_score_total (rf_classification_get_score_fit (classification),
                                 rf_classification_get_score_pain (classification),
                                 rf_classification_get_score_data_quality (classification));

  rf_lead_set_signal_id (lead, rf_signal_get_id (context->signal));
  rf_lead_set_company_id (lead, context->company != NULL ? rf_company_get_id (context->company) : 0);
  rf_lead_set_contact_id (lead, context->contact != NULL ? rf_contact_get_id (context->contact) : 0);
  rf_lead_set_icp_id (lead, context->profile != NULL ? rf_icp_profile_get_id (context->profile) : 0);
  rf_lead_set_classification (lead, classification);
  rf_lead_set_total_score (lead, total);
  rf_lead_set_score_bucket (lead, rf_score_bucket_for_total (total));
  rf_lead_set_status (lead, RF_LEAD_STATUS_NEW);
  rf_lead_set_source_type (lead, rf_signal_get_source_type (context->signal));
  return lead;
}

static gboolean
intake (RfDatabase    *database,
        RfLeadContext *context,
        gint64         icp_id,
        GError       **error)
{
  g_autoptr(RfRulesClassifier) rules = rf_rules_classifier_new ();
  g_autoptr(RfClassification) classification = NULL;
  g_autoptr(RfLead) lead = NULL;
  g_autofree char *key = NULL;
  gint64 lead_id;

  context->profile = find_profile (database, icp_id, error);
  if (context->profile == NULL && icp_id > 0)
    return FALSE;
  if (context->profile == NULL && error != NULL && *error != NULL)
    return FALSE;

  if (context->company != NULL)
    {
      gint64 id = rf_company_dao_upsert_in_thread (database, context->company, NULL, error);

      if (id <= 0)
        return FALSE;
      rf_signal_set_company_id (context->signal, id);
    }
  if (context->contact != NULL)
    {
      gint64 id;

      if (context->company != NULL)
        rf_contact_set_company_id (context->contact, rf_company_get_id (context->company));
      id = rf_contact_dao_upsert_in_thread (database, context->contact, NULL, error);
      if (id <= 0)
        return FALSE;
      rf_signal_set_contact_id (context->signal, id);
    }

  key = rf_signal_compute_dedup_key (context->signal, context->company);
  rf_signal_set_dedup_key (context->signal, key);
  if (rf_signal_dao_insert_in_thread (database, context->signal, &context->existed, error) <= 0)
    return FALSE;

  if (context->existed &&
      (lead_id = rf_lead_dao_find_by_signal_in_thread (database, rf_signal_get_id (context->signal), error)) > 0)
    {
      context->lead = rf_lead_dao_get_in_thread (database, lead_id, error);
      return context->lead != NULL;
    }

  classification = rf_rules_classifier_classify (rules, context->profile, context->signal,
                                                 context->company, context->contact);
  lead = lead_for (context, classification);
  lead_id = rf_lead_dao_insert_in_thread (database, lead, error);
  if (lead_id <= 0)
    return FALSE;
  context->lead = g_steal_pointer (&lead);
  return TRUE;
}

/* Typed or pasted text: the company and the person it names, where the
 * caller gave none (cards and CSV rows come with their own fields). */
static void
fill_from_text (RfLeadContext *context)
{
  RfSourceType source = rf_signal_get_source_type (context->signal);
  const char *text = rf_signal_get_raw_text (context->signal);
  g_autoptr(RfTextContacts) found = NULL;

  if ((source != RF_SOURCE_TYPE_MANUAL && source != RF_SOURCE_TYPE_JOB_POST && source != RF_SOURCE_TYPE_WEBSITE)
      || !has_text (text) || (context->company != NULL && context->contact != NULL))
    return;

  found = rf_text_contacts_find (text);
  if (context->company == NULL && (found->company != NULL || found->website != NULL))
    {
      context->company = rf_company_new ();
      rf_company_set_name (context->company, found->company);
      rf_company_set_website (context->company, found->website);
    }
  if (context->contact == NULL && (found->name != NULL || found->email != NULL))
    {
      context->contact = rf_contact_new ();
      rf_contact_set_name (context->contact, found->name);
      rf_contact_set_title (context->contact, found->title);
      rf_contact_set_email (context->contact, found->email);
      rf_contact_set_phone (context->contact, found->phone);
    }
}

/* Stores @signal with its company and contact (deduplicated), scores it by
 * rules at once and stores the lead, all in one transaction: from here on
 * nothing is lost, whatever happens to the model's answer. A signal stored
 * before comes back with its lead and existed set. */
RfLeadContext *
rf_engine_store_intake_in_thread (RfDatabase  *database,
                                  RfSignal    *signal,
                                  RfCompany   *company,
                                  RfContact   *contact,
                                  gint64       icp_id,
                                  GError     **error)
{
  g_autoptr(RfLeadContext) context = rf_lead_context_new ();
  g_autoptr(RfLead) stored = NULL;

  context->signal = rf_signal_copy (signal);
  context->company = company_is_named (company) ? rf_company_copy (company) : NULL;
  context->contact = contact_is_named (contact) ? rf_contact_copy (contact) : NULL;
  fill_from_text (context);
  if (rf_signal_get_received_at (context->signal) <= 0)
    rf_signal_set_received_at (context->signal, g_get_real_time () / G_USEC_PER_SEC);

  if (!rf_database_transaction_begin (database, error))
    return NULL;
  if (!intake (database, context, icp_id, error))
    {
      rf_database_transaction_rollback (database);
      return NULL;
    }
  if (!rf_database_transaction_commit (database, error))
    return NULL;

  /* Read back with its joined names, as every list shows it. */
  stored = rf_lead_dao_get_in_thread (database, rf_lead_get_id (context->lead), error);
  if (stored == NULL)
    return NULL;
  g_set_object (&context->lead, stored);
  return g_steal_pointer (&context);
}

/* A stored lead with its signal, company, contact and the profile to score
 * it against (@icp_id, else the lead's own, else the active one). */
RfLeadContext *
rf_engine_store_load_in_thread (RfDatabase  *database,
                                gint64       lead_id,
                                gint64       icp_id,
                                GError     **error)
{
  g_autoptr(RfLeadContext) context = rf_lead_context_new ();
  g_autoptr(GError) local_error = NULL;
  gint64 profile_id;

  context->lead = rf_lead_dao_get_in_thread (database, lead_id, error);
  if (context->lead == NULL)
    return NULL;
  context->signal = rf_signal_dao_get_in_thread (database, rf_lead_get_signal_id (context->lead), error);
  if (context->signal == NULL)
    return NULL;
  if (rf_lead_get_company_id (context->lead) > 0 &&
      (context->company = rf_company_dao_get_in_thread (database, rf_lead_get_company_id (context->lead), error)) == NULL)
    return NULL;
  if (rf_lead_get_contact_id (context->lead) > 0 &&
      (context->contact = rf_contact_dao_get_in_thread (database, rf_lead_get_contact_id (context->lead), error)) == NULL)
    return NULL;

  profile_id = icp_id > 0 ? icp_id : rf_lead_get_icp_id (context->lead);
  context->profile = find_profile (database, profile_id, &local_error);
  if (context->profile == NULL && g_error_matches (local_error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND) && icp_id <= 0)
    {
      /* The lead's profile was deleted since: use the active one. */
      g_clear_error (&local_error);
      context->profile = find_profile (database, 0, &local_error);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&context);
}

RfLead *
rf_engine_store_save_score_in_thread (RfDatabase        *database,
                                      gint64             lead_id,
                                      gint64             icp_id,
                                      RfClassification  *classification,
                                      GError           **error)
{
  g_autoptr(RfLead) lead = rf_lead_dao_get_in_thread (database, lead_id, error);
  double total;

  if (lead == NULL)
    return NULL;
  total = rf_score_total (rf_classification_get_score_fit (classification),
                          rf_classification_get_score_pain (classification),
                          rf_classification_get_score_data_quality (classification));
  rf_lead_set_classification (lead, classification);
  rf_lead_set_icp_id (lead, icp_id);
  rf_lead_set_total_score (lead, total);
  rf_lead_set_score_bucket (lead, rf_score_bucket_for_total (total));
  if (!rf_lead_dao_update_score_in_thread (database, lead, error))
    return NULL;
  return rf_lead_dao_get_in_thread (database, lead_id, error);
}

RfLead *
rf_engine_store_save_dossier_in_thread (RfDatabase  *database,
                                        gint64       lead_id,
                                        RfDossier   *dossier,
                                        GError     **error)
{
  if (!rf_lead_dao_set_dossier_in_thread (database, lead_id, dossier, error))
    return NULL;
  return rf_lead_dao_get_in_thread (database, lead_id, error);
}
