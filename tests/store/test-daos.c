/* test-daos.c: every model round-trips through its DAO; dedup rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rf-activity-dao.h"
#include "rf-company-dao.h"
#include "rf-contact-dao.h"
#include "rf-icp-dao.h"
#include "rf-icp-template.h"
#include "rf-lead-dao.h"
#include "rf-signal-dao.h"
#include "rf-test-util.h"

typedef struct
{
  char       *dir;
  RfDatabase *database;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->database = rf_test_open_database (&f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rf_database_close (f->database);
  g_clear_object (&f->database);
  rf_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
test_icp_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RfIcpDao) dao = rf_icp_dao_new (f->database);
  g_autoptr(RfIcpProfile) profile = rf_icp_template_new ("solo-founder");
  g_autoptr(RfIcpProfile) read = NULL;
  g_autoptr(RfIcpProfile) blank = rf_icp_profile_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GError) error = NULL;
  const char * const locations[] = { "india", "Zürich", "São Paulo, \"BR\"", NULL };

  rf_icp_profile_set_locations (profile, locations);
  g_assert_true (rf_icp_dao_save_sync (dao, profile, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rf_icp_profile_get_id (profile), >, 0);
  g_assert_cmpint (rf_icp_profile_get_created_at (profile), >, 0);

  read = rf_icp_dao_get_sync (dao, rf_icp_profile_get_id (profile), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rf_icp_profile_get_name (read), ==, rf_icp_profile_get_name (profile));
  g_assert_cmpstr (rf_icp_profile_get_description (read), ==, rf_icp_profile_get_description (profile));
  g_assert_true (g_strv_equal (rf_icp_profile_get_locations (read), locations));
  g_assert_true (g_strv_equal (rf_icp_profile_get_pain_keywords (read), rf_icp_profile_get_pain_keywords (profile)));
  g_assert_true (g_strv_equal (rf_icp_profile_get_size_buckets (read), rf_icp_profile_get_size_buckets (profile)));
  g_assert_true (rf_icp_profile_get_active (read));

  /* Update, then an inactive second profile. */
  rf_icp_profile_set_name (read, "Renamed");
  rf_icp_profile_set_active (read, FALSE);
  g_assert_true (rf_icp_dao_save_sync (dao, read, NULL, &error));
  g_clear_object (&profile);
  profile = rf_icp_template_new ("small-d2c");
  g_assert_true (rf_icp_dao_save_sync (dao, profile, NULL, &error));

  all = rf_icp_dao_list_sync (dao, FALSE, NULL, &error);
  active = rf_icp_dao_list_sync (dao, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpuint (active->len, ==, 1);
  g_assert_cmpstr (rf_icp_profile_get_name (g_ptr_array_index (all, 0)), ==, "Renamed");

  /* A profile needs a name. */
  g_assert_false (rf_icp_dao_save_sync (dao, blank, NULL, &error));
  g_assert_error (error, RF_STORE_ERROR, RF_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (rf_icp_dao_delete_sync (dao, rf_icp_profile_get_id (read), NULL, &error));
  g_assert_false (rf_icp_dao_delete_sync (dao, rf_icp_profile_get_id (read), NULL, &error));
  g_assert_error (error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND);
}

static void
test_company_dedup (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RfCompanyDao) dao = rf_company_dao_new (f->database);
  g_autoptr(RfCompany) first = rf_company_new ();
  g_autoptr(RfCompany) same_domain = rf_company_new ();
  g_autoptr(RfCompany) same_name = rf_company_new ();
  g_autoptr(RfCompany) other = rf_company_new ();
  g_autoptr(RfCompany) nothing = rf_company_new ();
  g_autoptr(RfCompany) read = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found;
  gint64 id;

  rf_company_set_name (first, "Acme Inc.");
  rf_company_set_website (first, "https://www.acme.com/about");
  id = rf_company_dao_upsert_sync (dao, first, &found, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_false (found);

  /* Same normalised domain, different spelling and scheme: merged, and the
   * stored row gains the industry it lacked. */
  rf_company_set_name (same_domain, "ACME Corporation");
  rf_company_set_website (same_domain, "acme.com");
  rf_company_set_industry (same_domain, "ecommerce");
  g_assert_cmpint (rf_company_dao_upsert_sync (dao, same_domain, &found, NULL, &error), ==, id);
  g_assert_true (found);

  /* No website: the normalised name decides ("Acme, Inc" ~ "Acme Inc."). */
  rf_company_set_name (same_name, "  acme, inc ");
  g_assert_cmpint (rf_company_dao_upsert_sync (dao, same_name, &found, NULL, &error), ==, id);
  g_assert_true (found);

  rf_company_set_name (other, "Acme Robotics");
  rf_company_set_website (other, "https://acmerobotics.io");
  g_assert_cmpint (rf_company_dao_upsert_sync (dao, other, &found, NULL, &error), !=, id);
  g_assert_false (found);

  /* Nothing to key on: nothing stored. */
  g_assert_cmpint (rf_company_dao_upsert_sync (dao, nothing, &found, NULL, &error), ==, 0);

  read = rf_company_dao_get_sync (dao, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rf_company_get_name (read), ==, "Acme Inc.");
  g_assert_cmpstr (rf_company_get_domain (read), ==, "acme.com");
  g_assert_cmpstr (rf_company_get_industry (read), ==, "ecommerce");

  rf_company_set_location (read, "Berlin");
  g_assert_true (rf_company_dao_update_sync (dao, read, NULL, &error));
  g_clear_object (&read);
  read = rf_company_dao_get_sync (dao, id, NULL, &error);
  g_assert_cmpstr (rf_company_get_location (read), ==, "Berlin");
}

static void
test_contact_dedup (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RfCompanyDao) company_dao = rf_company_dao_new (f->database);
  g_autoptr(RfContactDao) dao = rf_contact_dao_new (f->database);
  g_autoptr(RfCompany) company = rf_company_new ();
  g_autoptr(RfContact) jo = rf_contact_new ();
  g_autoptr(RfContact) jo_again = rf_contact_new ();
  g_autoptr(RfContact) jo_by_name = rf_contact_new ();
  g_autoptr(RfContact) jo_elsewhere = rf_contact_new ();
  g_autoptr(RfContact) read = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found;
  gint64 company_id;
  gint64 id;

  rf_company_set_name (company, "Acme");
  company_id = rf_company_dao_upsert_sync (company_dao, company, NULL, NULL, &error);

  rf_contact_set_name (jo, "Jo Smith");
  rf_contact_set_email (jo, "Jo.Smith@Acme.com");
  rf_contact_set_company_id (jo, company_id);
  id = rf_contact_dao_upsert_sync (dao, jo, &found, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (found);

  /* Email decides, whatever the case; the phone is added. */
  rf_contact_set_email (jo_again, " jo.smith@acme.com ");
  rf_contact_set_phone (jo_again, "+44 20 1234 5678");
  g_assert_cmpint (rf_contact_dao_upsert_sync (dao, jo_again, &found, NULL, &error), ==, id);
  g_assert_true (found);

  /* No email: the same name at the same company. */
  rf_contact_set_name (jo_by_name, "jo  smith");
  rf_contact_set_company_id (jo_by_name, company_id);
  g_assert_cmpint (rf_contact_dao_upsert_sync (dao, jo_by_name, &found, NULL, &error), ==, id);
  g_assert_true (found);

  /* The same name without a company is someone else. */
  rf_contact_set_name (jo_elsewhere, "Jo Smith");
  g_assert_cmpint (rf_contact_dao_upsert_sync (dao, jo_elsewhere, &found, NULL, &error), !=, id);
  g_assert_false (found);

  read = rf_contact_dao_get_sync (dao, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rf_contact_get_email (read), ==, "jo.smith@acme.com");
  g_assert_cmpstr (rf_contact_get_phone (read), ==, "+44 20 1234 5678");
  g_assert_cmpint (rf_contact_get_company_id (read), ==, company_id);
}

static void
test_signal_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RfSignalDao) dao = rf_signal_dao_new (f->database);
  g_autoptr(RfSignal) signal = rf_signal_new ();
  g_autoptr(RfSignal) again = rf_signal_new ();
  g_autoptr(RfSignal) read = NULL;
  g_autoptr(GError) error = NULL;
  gboolean existed;
  gint64 id;

  rf_signal_set_source_type (signal, RF_SOURCE_TYPE_OCR);
  rf_signal_set_raw_text (signal, "Avery Smith\nSenior Researcher\n'; DROP TABLE leads; --");
  rf_signal_set_file_name (signal, "card.jpg");
  rf_signal_set_file_hash (signal, "abc123");
  rf_signal_set_dedup_key (signal, "sha256:abc123");
  rf_signal_set_import_batch (signal, "batch-1");
  id = rf_signal_dao_insert_sync (dao, signal, &existed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_false (existed);
  g_assert_cmpint (rf_signal_get_received_at (signal), >, 0);

  /* The same card again is the same signal. */
  rf_signal_set_dedup_key (again, "sha256:abc123");
  rf_signal_set_raw_text (again, "different text");
  g_assert_cmpint (rf_signal_dao_insert_sync (dao, again, &existed, NULL, &error), ==, id);
  g_assert_true (existed);

  read = rf_signal_dao_get_sync (dao, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rf_signal_get_source_type (read), ==, RF_SOURCE_TYPE_OCR);
  g_assert_cmpstr (rf_signal_get_raw_text (read), ==, rf_signal_get_raw_text (signal));
  g_assert_cmpstr (rf_signal_get_file_name (read), ==, "card.jpg");
  g_assert_cmpstr (rf_signal_get_file_hash (read), ==, "abc123");
  g_assert_cmpstr (rf_signal_get_import_batch (read), ==, "batch-1");
}

static void
test_lead_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RfLeadDao) dao = rf_lead_dao_new (f->database);
  g_autoptr(RfIcpDao) icp_dao = rf_icp_dao_new (f->database);
  g_autoptr(RfIcpProfile) profile = rf_icp_template_new ("small-d2c");
  g_autoptr(RfLead) lead = NULL;
  g_autoptr(RfLead) read = NULL;
  g_autoptr(RfDossier) dossier = rf_dossier_new ();
  g_autoptr(GError) error = NULL;
  RfClassification *c;
  const char * const tags[] = { "lead_gen", "scaling_ads", "no_system", NULL };
  const char * const flags[] = { "founder does everything", NULL };
  const char * const why[] = { "One", "Two \"quoted\"", "Three\nlines", NULL };
  gint64 id;

  g_assert_true (rf_icp_dao_save_sync (icp_dao, profile, NULL, &error));
  id = rf_test_insert_lead (f->database, "MyD2C Brand", "https://mydc.com", "Sam", "sam@mydc.com", 82.5,
                            "Looking to hire a growth marketer.");
  lead = rf_lead_dao_get_sync (dao, id, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RfContactDao) contact_dao = rf_contact_dao_new (f->database);
    g_autoptr(RfContact) sam = rf_contact_dao_get_sync (contact_dao, rf_lead_get_contact_id (lead), NULL, &error);

    g_assert_no_error (error);
    rf_contact_set_title (sam, "Founder");
    g_assert_true (rf_contact_dao_update_sync (contact_dao, sam, NULL, &error));
    g_assert_no_error (error);
  }

  /* Re-score it with every classification field set. */
  c = rf_lead_get_classification (lead);
  rf_lead_set_icp_id (lead, rf_icp_profile_get_id (profile));
  rf_classification_set_icp_match (c, TRUE);
  rf_classification_set_score_fit (c, 45);
  rf_classification_set_score_pain (c, 35);
  rf_classification_set_score_data_quality (c, 2.5);
  rf_lead_set_total_score (lead, 82.5);
  rf_lead_set_score_bucket (lead, RF_SCORE_BUCKET_RED_HOT);
  rf_classification_set_size_bucket (c, "2-10");
  rf_classification_set_role_type (c, "first_marketer");
  rf_classification_set_pain_tags (c, tags);
  rf_classification_set_spin_situation (c, "eCommerce brand at $50K MRR");
  rf_classification_set_spin_problem (c, "No marketing system");
  rf_classification_set_spin_implication (c, "Growth stalls");
  rf_classification_set_spin_need_payoff (c, "A repeatable engine");
  rf_classification_set_meddic_economic_buyer (c, "Founder");
  rf_classification_set_meddic_key_pain (c, "Lead generation");
  rf_classification_set_meddic_chaos_flags (c, flags);
  rf_classification_set_classifier (c, "ollama:gemma3:1b");
  rf_classification_set_prompt_version (c, "classify-3");
  rf_classification_set_explanation (c, "Matched industry d2c.\nPain: scaling ads.");
  rf_classification_set_matched_criteria (c, (const char * const[]) { "industry: d2c", NULL });
  rf_classification_set_matched_keywords (c, (const char * const[]) { "scaling ads", NULL });
  rf_classification_set_repairs (c, (const char * const[]) { "score_pain clamped from 55", NULL });
  g_assert_true (rf_lead_dao_update_score_sync (dao, lead, NULL, &error));
  g_assert_no_error (error);

  rf_dossier_set_snapshot (dossier, "A D2C brand at $50K MRR.");
  rf_dossier_set_why_pain (dossier, why);
  rf_dossier_set_best_angle (dossier, why);
  rf_dossier_set_uncomfortable_truth (dossier, "Truth");
  rf_dossier_set_reframe (dossier, "Reframe");
  rf_dossier_set_challenger_insight (dossier, "Insight");
  rf_dossier_set_model (dossier, "gemma3:4b");
  g_assert_true (rf_lead_dao_set_dossier_sync (dao, id, dossier, NULL, &error));
  g_assert_true (rf_lead_dao_set_notes_sync (dao, id, "Call on Monday <b>not bold</b>", NULL, &error));
  g_assert_no_error (error);

  read = rf_lead_dao_get_sync (dao, id, NULL, &error);
  g_assert_no_error (error);
  c = rf_lead_get_classification (read);
  g_assert_cmpfloat (rf_lead_get_total_score (read), ==, 82.5);
  g_assert_cmpint (rf_lead_get_score_bucket (read), ==, RF_SCORE_BUCKET_RED_HOT);
  g_assert_cmpfloat (rf_classification_get_score_data_quality (c), ==, 2.5);
  g_assert_true (rf_classification_get_icp_match (c));
  g_assert_cmpstr (rf_classification_get_role_type (c), ==, "first_marketer");
  g_assert_true (g_strv_equal (rf_classification_get_pain_tags (c), tags));
  g_assert_true (g_strv_equal (rf_classification_get_meddic_chaos_flags (c), flags));
  g_assert_cmpstr (rf_classification_get_spin_need_payoff (c), ==, "A repeatable engine");
  g_assert_cmpstr (rf_classification_get_classifier (c), ==, "ollama:gemma3:1b");
  g_assert_cmpstr (rf_classification_get_prompt_version (c), ==, "classify-3");
  g_assert_cmpstr (rf_classification_get_explanation (c), ==, "Matched industry d2c.\nPain: scaling ads.");
  g_assert_cmpstr (rf_classification_get_repairs (c)[0], ==, "score_pain clamped from 55");
  g_assert_cmpstr (rf_lead_get_notes (read), ==, "Call on Monday <b>not bold</b>");
  g_assert_cmpstr (rf_lead_get_company_name (read), ==, "MyD2C Brand");
  g_assert_cmpstr (rf_lead_get_company_website (read), ==, "https://mydc.com");
  g_assert_cmpstr (rf_lead_get_contact_email (read), ==, "sam@mydc.com");
  g_assert_cmpstr (rf_lead_get_contact_title (read), ==, "Founder");
  g_assert_cmpstr (rf_lead_get_icp_name (read), ==, rf_icp_profile_get_name (profile));
  g_assert_cmpint (rf_lead_get_source_type (read), ==, RF_SOURCE_TYPE_MANUAL);
  g_assert_nonnull (rf_lead_get_dossier (read));
  g_assert_cmpstr (rf_dossier_get_snapshot (rf_lead_get_dossier (read)), ==, "A D2C brand at $50K MRR.");
  g_assert_true (g_strv_equal (rf_dossier_get_why_pain (rf_lead_get_dossier (read)), why));
  g_assert_cmpstr (rf_dossier_get_model (rf_lead_get_dossier (read)), ==, "gemma3:4b");

  /* A lead needs a stored signal. */
  g_clear_object (&lead);
  lead = rf_lead_new ();
  g_assert_cmpint (rf_lead_dao_insert_sync (dao, lead, NULL, &error), ==, -1);
  g_assert_error (error, RF_STORE_ERROR, RF_STORE_ERROR_INVALID);
}

static void
test_status_and_activities (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(RfLeadDao) dao = rf_lead_dao_new (f->database);
  g_autoptr(RfActivityDao) activity_dao = rf_activity_dao_new (f->database);
  g_autoptr(RfActivity) task = rf_activity_new ();
  g_autoptr(RfActivity) orphan = rf_activity_new ();
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(RfLead) read = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = rf_test_insert_lead (f->database, "Acme", NULL, "Jo", NULL, 65, "x");

  g_assert_true (rf_lead_dao_set_status_sync (dao, id, RF_LEAD_STATUS_CONTACTED, NULL, &error));
  /* Setting the same status again logs nothing. */
  g_assert_true (rf_lead_dao_set_status_sync (dao, id, RF_LEAD_STATUS_CONTACTED, NULL, &error));
  g_assert_false (rf_lead_dao_set_status_sync (dao, 999999, RF_LEAD_STATUS_WON, NULL, &error));
  g_assert_error (error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  rf_activity_set_lead_id (task, id);
  rf_activity_set_kind (task, RF_ACTIVITY_KIND_TASK);
  rf_activity_set_body (task, "Send the proposal");
  rf_activity_set_due_at (task, 1900000000);
  g_assert_true (rf_activity_dao_save_sync (activity_dao, task, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rf_activity_get_id (task), >, 0);

  rf_activity_set_done_at (task, 1800000000);
  g_assert_true (rf_activity_dao_save_sync (activity_dao, task, NULL, &error));

  /* An activity of no lead is refused by the foreign key. */
  rf_activity_set_lead_id (orphan, 424242);
  rf_activity_set_kind (orphan, RF_ACTIVITY_KIND_CALL);
  g_assert_false (rf_activity_dao_save_sync (activity_dao, orphan, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  activities = rf_activity_dao_list_sync (activity_dao, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 2);
  g_assert_cmpint (rf_activity_get_kind (g_ptr_array_index (activities, 0)), ==, RF_ACTIVITY_KIND_STATUS_CHANGE);
  g_assert_cmpstr (rf_activity_get_body (g_ptr_array_index (activities, 0)), ==, "new → contacted");
  g_assert_cmpint (rf_activity_get_due_at (g_ptr_array_index (activities, 1)), ==, 1900000000);
  g_assert_cmpint (rf_activity_get_done_at (g_ptr_array_index (activities, 1)), ==, 1800000000);

  read = rf_lead_dao_get_sync (dao, id, NULL, &error);
  g_assert_cmpint (rf_lead_get_status (read), ==, RF_LEAD_STATUS_CONTACTED);

  g_assert_true (rf_activity_dao_delete_sync (activity_dao, rf_activity_get_id (task), NULL, &error));
  g_assert_false (rf_activity_dao_delete_sync (activity_dao, rf_activity_get_id (task), NULL, &error));
  g_assert_error (error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND);
}

static void
test_trash_restore_delete (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(RfLeadDao) dao = rf_lead_dao_new (f->database);
  g_autoptr(RfActivityDao) activity_dao = rf_activity_dao_new (f->database);
  g_autoptr(RfSignalDao) signal_dao = rf_signal_dao_new (f->database);
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  g_autoptr(RfActivity) note = rf_activity_new ();
  g_autoptr(RfLead) lead = NULL;
  g_autoptr(RfSignal) signal = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[3];
  gint64 signal_id;

  for (guint i = 0; i < 3; i++)
    ids[i] = rf_test_insert_lead (f->database, "Co", NULL, NULL, NULL, 10 * i, "x");

  g_assert_cmpuint (rf_lead_dao_remove_sync (dao, RF_LEAD_REMOVAL_TRASH, ids, 2, NULL, &error), ==, 2);
  g_assert_cmpuint (rf_lead_dao_count_sync (dao, query, NULL, &error), ==, 1);
  lead = rf_lead_dao_get_sync (dao, ids[0], NULL, &error);
  g_assert_null (lead);
  g_assert_error (error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpuint (rf_lead_dao_remove_sync (dao, RF_LEAD_REMOVAL_RESTORE, ids, 1, NULL, &error), ==, 1);
  g_assert_cmpuint (rf_lead_dao_count_sync (dao, query, NULL, &error), ==, 2);

  /* Purge removes what is still trashed, signal and all. */
  g_assert_true (rf_lead_dao_purge_trash_sync (dao, NULL, &error));
  g_assert_cmpuint (rf_lead_dao_remove_sync (dao, RF_LEAD_REMOVAL_RESTORE, &ids[1], 1, NULL, &error), ==, 0);
  g_assert_cmpuint (rf_lead_dao_count_sync (dao, query, NULL, &error), ==, 2);

  /* Delete takes the signal and the activities with the lead. */
  lead = rf_lead_dao_get_sync (dao, ids[2], NULL, &error);
  signal_id = rf_lead_get_signal_id (lead);
  rf_activity_set_lead_id (note, ids[2]);
  rf_activity_set_body (note, "note");
  g_assert_true (rf_activity_dao_save_sync (activity_dao, note, NULL, &error));
  g_assert_cmpuint (rf_lead_dao_remove_sync (dao, RF_LEAD_REMOVAL_DELETE, &ids[2], 1, NULL, &error), ==, 1);
  g_assert_no_error (error);
  signal = rf_signal_dao_get_sync (signal_dao, signal_id, NULL, &error);
  g_assert_null (signal);
  g_assert_error (error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  activities = rf_activity_dao_list_sync (activity_dao, ids[2], NULL, &error);
  g_assert_cmpuint (activities->len, ==, 0);
  g_assert_cmpuint (rf_lead_dao_count_sync (dao, query, NULL, &error), ==, 1);
}

static void
test_rename_keeps_search_and_sort (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(RfLeadDao) dao = rf_lead_dao_new (f->database);
  g_autoptr(RfCompanyDao) company_dao = rf_company_dao_new (f->database);
  g_autoptr(RfContactDao) contact_dao = rf_contact_dao_new (f->database);
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  g_autoptr(RfLead) lead = NULL;
  g_autoptr(RfCompany) company = NULL;
  g_autoptr(RfContact) contact = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = rf_test_insert_lead (f->database, "Oldname", NULL, "Pat Old", "pat@old.io", 50, "x");
  gint64 other = rf_test_insert_lead (f->database, "Middle", NULL, NULL, NULL, 50, "x");

  lead = rf_lead_dao_get_sync (dao, id, NULL, &error);
  company = rf_company_dao_get_sync (company_dao, rf_lead_get_company_id (lead), NULL, &error);
  rf_company_set_name (company, "Zebra Works");
  g_assert_true (rf_company_dao_update_sync (company_dao, company, NULL, &error));
  contact = rf_contact_dao_get_sync (contact_dao, rf_lead_get_contact_id (lead), NULL, &error);
  rf_contact_set_name (contact, "Pat Newman");
  g_assert_true (rf_contact_dao_update_sync (contact_dao, contact, NULL, &error));
  g_assert_no_error (error);

  /* Search finds the new names, not the old. */
  rf_lead_query_set_search (query, "zebra newman");
  found = rf_lead_dao_list_sync (dao, query, NULL, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (rf_lead_get_id (g_ptr_array_index (found, 0)), ==, id);
  g_assert_cmpstr (rf_lead_get_company_name (g_ptr_array_index (found, 0)), ==, "Zebra Works");
  g_clear_pointer (&found, g_ptr_array_unref);
  rf_lead_query_set_search (query, "oldname");
  found = rf_lead_dao_list_sync (dao, query, NULL, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Sorting by company follows the new name: Middle before Zebra. */
  rf_lead_query_set_search (query, NULL);
  query->sort = RF_LEAD_SORT_COMPANY;
  query->ascending = TRUE;
  found = rf_lead_dao_list_sync (dao, query, NULL, &error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpint (rf_lead_get_id (g_ptr_array_index (found, 0)), ==, other);
  g_assert_cmpint (rf_lead_get_id (g_ptr_array_index (found, 1)), ==, id);
}

typedef struct
{
  gboolean commit;
  gint64   ids[3];
} BatchData;

static gpointer
insert_batch_work (RfDatabase    *database,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  BatchData *batch = data;

  g_assert_true (rf_database_transaction_begin (database, error));
  for (guint i = 0; i < G_N_ELEMENTS (batch->ids); i++)
    {
      g_autofree char *company = g_strdup_printf ("Batchco%u", i);
      batch->ids[i] = rf_test_insert_lead (database, company, NULL, NULL, NULL, 50, "x");
    }
  if (batch->commit)
    g_assert_true (rf_database_transaction_commit (database, error));
  else
    rf_database_transaction_rollback (database);
  return GINT_TO_POINTER (TRUE);
}

static void
test_search_index_follows_transactions (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(RfLeadDao) dao = rf_lead_dao_new (f->database);
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  g_autoptr(GError) error = NULL;
  BatchData rolled_back = { FALSE };
  BatchData committed = { TRUE };

  rf_lead_query_set_search (query, "batchco");

  /* Leads written in a transaction are searchable once it commits... */
  rf_database_run_sync (f->database, insert_batch_work, &committed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rf_lead_dao_count_sync (dao, query, NULL, &error), ==, 3);

  /* ...and a rolled-back one leaves neither leads nor index entries. */
  rf_database_run_sync (f->database, insert_batch_work, &rolled_back, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rf_lead_dao_count_sync (dao, query, NULL, &error), ==, 3);
  rf_lead_query_set_search (query, NULL);
  g_assert_cmpuint (rf_lead_dao_count_sync (dao, query, NULL, &error), ==, 3);
}

static void
test_enum_nicks (void)
{
  /* The lead DAO reads these columns through its own tables: they must
   * follow the enums' nicks. */
  g_autofree char *buckets = rf_enum_list_nicks (RF_TYPE_SCORE_BUCKET, ",");
  g_autofree char *statuses = rf_enum_list_nicks (RF_TYPE_LEAD_STATUS, ",");
  g_autofree char *sources = rf_enum_list_nicks (RF_TYPE_SOURCE_TYPE, ",");
  int value;

  g_assert_cmpstr (buckets, ==, "red_hot,warm,nurture,parked");
  g_assert_cmpstr (statuses, ==, "new,contacted,qualified,won,lost,parked");
  g_assert_cmpstr (sources, ==, "manual,job_post,website,ocr,pdf,csv,vcard");
  g_assert_true (rf_enum_from_nick (RF_TYPE_SOURCE_TYPE, "Job-Post", &value));
  g_assert_cmpint (value, ==, RF_SOURCE_TYPE_JOB_POST);
  g_assert_false (rf_enum_from_nick (RF_TYPE_LEAD_STATUS, "maybe", &value));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/daos/icp", test_icp_round_trip);
  ADD ("/daos/company/dedup", test_company_dedup);
  ADD ("/daos/contact/dedup", test_contact_dedup);
  ADD ("/daos/signal", test_signal_round_trip);
  ADD ("/daos/lead", test_lead_round_trip);
  ADD ("/daos/status-and-activities", test_status_and_activities);
  ADD ("/daos/trash-restore-delete", test_trash_restore_delete);
  ADD ("/daos/rename-keeps-search-and-sort", test_rename_keeps_search_and_sort);
  ADD ("/daos/search-index-transactions", test_search_index_follows_transactions);
#undef ADD
  g_test_add_func ("/daos/enum-nicks", test_enum_nicks);

  return g_test_run ();
}
