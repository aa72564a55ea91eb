/* test-lead-export.c: CSV and vCard export, and back in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "csv-test-util.h"
#include "rf-csv-importer.h"
#include "rf-icp-dao.h"
#include "rf-icp-template.h"
#include "rf-import-dao.h"
#include "rf-lead-dao.h"
#include "rf-lead-export.h"
#include "rf-vcard.h"

static const char source[] =
  "Company,Website,Industry,Employees,City,First Name,Last Name,Title,Email,Phone,Address,Notes,Campaign\n"
  "Acme,https://acme.com,E-commerce,11-50,Berlin,Ada,Lovelace,Founder,ada@acme.com,+49 30 1234,"
  "\"Hauptstr. 1, Berlin\",\"We are hiring a marketing manager; our Shopify store lost revenue, spreadsheets everywhere\",spring\n"
  "Acme,https://acme.com,,,,Bob,Smith,Head of Sales,bob@acme.com,,,\"Manual follow-ups, no CRM\",\n"
  "Globex,globex.com,SaaS,201-500,London,Ann,Lee,CEO,ann@globex.com,+44 20 5555,,\"Scaling, \"\"quoted\"\" text\nwith a line break\",fall\n"
  "Initech,initech.com,,,,,,,,,,Printers keep breaking,\n";

typedef struct
{
  char       *dir;
  RfDatabase *database;
} Store;

static void
store_open (Store *store)
{
  store->database = rf_test_open_database (&store->dir);
}

static void
store_close (Store *store)
{
  rf_database_close (store->database);
  g_object_unref (store->database);
  rf_test_remove_tree (store->dir);
  g_free (store->dir);
}

static RfImportReport *
import_path (RfDatabase   *database,
             const char   *path,
             RfIcpProfile *profile)
{
  g_autoptr(RfCsvImporter) importer = rf_csv_importer_new (database);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RfImportReport *report;

  rf_csv_importer_set_profile (importer, profile);
  report = rf_csv_importer_import_sync (importer, file, NULL, &error);
  g_assert_no_error (error);
  return report;
}

static char *
export_to (RfDatabase         *database,
           RfLeadExportFormat  format,
           guint               bucket_mask,
           const char         *path,
           guint              *written)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  char *contents = NULL;

  g_assert_no_error (error);
  query->bucket_mask = bucket_mask;
  g_assert_true (rf_lead_export_sync (database, query, format, G_OUTPUT_STREAM (stream), written, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  return contents;
}

/* Whole records, in a stable order: by company, then contact. */
static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  RfLeadRecord *x = *(RfLeadRecord **)a, *y = *(RfLeadRecord **)b;
  int by_company = g_strcmp0 (rf_lead_get_company_name (x->lead), rf_lead_get_company_name (y->lead));

  return by_company != 0 ? by_company : g_strcmp0 (rf_lead_get_contact_name (x->lead), rf_lead_get_contact_name (y->lead));
}

static GPtrArray *
all_records (RfDatabase *database)
{
  g_autoptr(RfLeadDao) lead_dao = rf_lead_dao_new (database);
  g_autoptr(RfImportDao) import_dao = rf_import_dao_new (database);
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *records;

  ids = rf_lead_dao_list_ids_sync (lead_dao, query, NULL, &error);
  g_assert_no_error (error);
  records = rf_import_dao_get_records_sync (import_dao, (gint64 *)(gpointer)ids->data, ids->len, NULL, &error);
  g_assert_no_error (error);
  g_ptr_array_sort (records, compare_records);
  return records;
}

static void
assert_same_strv (const char * const *a,
                  const char * const *b)
{
  const char * const empty[] = { NULL };

  g_assert_cmpstrv (a != NULL ? a : empty, b != NULL ? b : empty);
}

static void
assert_same_record (RfLeadRecord *a,
                    RfLeadRecord *b)
{
  RfClassification *x = rf_lead_get_classification (a->lead);
  RfClassification *y = rf_lead_get_classification (b->lead);

  g_assert_cmpstr (rf_company_get_name (a->company), ==, rf_company_get_name (b->company));
  g_assert_cmpstr (rf_company_get_website (a->company), ==, rf_company_get_website (b->company));
  g_assert_cmpstr (rf_company_get_industry (a->company), ==, rf_company_get_industry (b->company));
  g_assert_cmpstr (rf_company_get_size (a->company), ==, rf_company_get_size (b->company));
  g_assert_cmpstr (rf_company_get_location (a->company), ==, rf_company_get_location (b->company));
  g_assert_true ((a->contact == NULL) == (b->contact == NULL));
  if (a->contact != NULL)
    {
      g_assert_cmpstr (rf_contact_get_name (a->contact), ==, rf_contact_get_name (b->contact));
      g_assert_cmpstr (rf_contact_get_title (a->contact), ==, rf_contact_get_title (b->contact));
      g_assert_cmpstr (rf_contact_get_email (a->contact), ==, rf_contact_get_email (b->contact));
      g_assert_cmpstr (rf_contact_get_phone (a->contact), ==, rf_contact_get_phone (b->contact));
      g_assert_cmpstr (rf_contact_get_address (a->contact), ==, rf_contact_get_address (b->contact));
    }
  g_assert_cmpstr (rf_signal_get_raw_text (a->signal), ==, rf_signal_get_raw_text (b->signal));
  g_assert_cmpstr (rf_signal_get_extra_text (a->signal), ==, rf_signal_get_extra_text (b->signal));
  g_assert_cmpint (rf_signal_get_source_type (a->signal), ==, rf_signal_get_source_type (b->signal));

  g_assert_cmpfloat (rf_lead_get_total_score (a->lead), ==, rf_lead_get_total_score (b->lead));
  g_assert_cmpint (rf_lead_get_score_bucket (a->lead), ==, rf_lead_get_score_bucket (b->lead));
  g_assert_cmpint (rf_lead_get_status (a->lead), ==, rf_lead_get_status (b->lead));
  g_assert_cmpstr (rf_lead_get_notes (a->lead), ==, rf_lead_get_notes (b->lead));
  g_assert_cmpint (rf_lead_get_created_at (a->lead), ==, rf_lead_get_created_at (b->lead));
  g_assert_cmpfloat (rf_classification_get_score_fit (x), ==, rf_classification_get_score_fit (y));
  g_assert_cmpfloat (rf_classification_get_score_pain (x), ==, rf_classification_get_score_pain (y));
  g_assert_cmpfloat (rf_classification_get_score_data_quality (x), ==, rf_classification_get_score_data_quality (y));
  g_assert_cmpint (rf_classification_get_icp_match (x), ==, rf_classification_get_icp_match (y));
  g_assert_cmpstr (rf_classification_get_size_bucket (x), ==, rf_classification_get_size_bucket (y));
  g_assert_cmpstr (rf_classification_get_role_type (x), ==, rf_classification_get_role_type (y));
  assert_same_strv (rf_classification_get_pain_tags (x), rf_classification_get_pain_tags (y));
  g_assert_cmpstr (rf_classification_get_spin_situation (x), ==, rf_classification_get_spin_situation (y));
  g_assert_cmpstr (rf_classification_get_spin_problem (x), ==, rf_classification_get_spin_problem (y));
  g_assert_cmpstr (rf_classification_get_spin_implication (x), ==, rf_classification_get_spin_implication (y));
  g_assert_cmpstr (rf_classification_get_spin_need_payoff (x), ==, rf_classification_get_spin_need_payoff (y));
  g_assert_cmpstr (rf_classification_get_meddic_economic_buyer (x), ==, rf_classification_get_meddic_economic_buyer (y));
  g_assert_cmpstr (rf_classification_get_meddic_key_pain (x), ==, rf_classification_get_meddic_key_pain (y));
  assert_same_strv (rf_classification_get_meddic_chaos_flags (x), rf_classification_get_meddic_chaos_flags (y));
  g_assert_cmpstr (rf_classification_get_classifier (x), ==, rf_classification_get_classifier (y));
  g_assert_cmpstr (rf_classification_get_prompt_version (x), ==, rf_classification_get_prompt_version (y));
  g_assert_cmpstr (rf_classification_get_explanation (x), ==, rf_classification_get_explanation (y));
  assert_same_strv (rf_classification_get_matched_criteria (x), rf_classification_get_matched_criteria (y));
  assert_same_strv (rf_classification_get_matched_keywords (x), rf_classification_get_matched_keywords (y));
  g_assert_true ((rf_lead_get_dossier (a->lead) == NULL) == (rf_lead_get_dossier (b->lead) == NULL));
  if (rf_lead_get_dossier (a->lead) != NULL)
    {
      RfDossier *p = rf_lead_get_dossier (a->lead), *q = rf_lead_get_dossier (b->lead);

      g_assert_cmpstr (rf_dossier_get_snapshot (p), ==, rf_dossier_get_snapshot (q));
      g_assert_cmpstr (rf_dossier_get_reframe (p), ==, rf_dossier_get_reframe (q));
      assert_same_strv (rf_dossier_get_why_pain (p), rf_dossier_get_why_pain (q));
      assert_same_strv (rf_dossier_get_best_angle (p), rf_dossier_get_best_angle (q));
      g_assert_cmpint (rf_dossier_get_created_at (p), ==, rf_dossier_get_created_at (q));
    }
}

/* A store with leads worked on: statuses, notes, a dossier, a profile. */
static void
fill_store (Store *store)
{
  g_autoptr(RfIcpDao) icp_dao = rf_icp_dao_new (store->database);
  g_autoptr(RfLeadDao) lead_dao = rf_lead_dao_new (store->database);
  g_autoptr(RfIcpProfile) profile = rf_icp_template_new ("small-d2c");
  g_autoptr(RfDossier) dossier = rf_dossier_new ();
  g_autofree char *path = csv_test_write (store->dir, "source.csv", source, -1);
  g_autoptr(RfImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char * const why[] = { "No CRM", "Manual, \"slow\" follow-ups", NULL };
  gint64 first, second;

  g_assert_true (rf_icp_dao_save_sync (icp_dao, profile, NULL, &error));
  report = import_path (store->database, path, profile);
  g_assert_cmpuint (report->leads_created, ==, 4);
  first = g_array_index (report->lead_ids, gint64, 0);
  second = g_array_index (report->lead_ids, gint64, 2);

  g_assert_true (rf_lead_dao_set_status_sync (lead_dao, first, RF_LEAD_STATUS_QUALIFIED, NULL, &error));
  g_assert_true (rf_lead_dao_set_notes_sync (lead_dao, first, "Called, \"interested\";\nsend deck", NULL, &error));
  rf_dossier_set_snapshot (dossier, "Small D2C brand, growing");
  rf_dossier_set_why_pain (dossier, why);
  rf_dossier_set_reframe (dossier, "Spreadsheets are the ceiling");
  rf_dossier_set_model (dossier, "gemma3:4b");
  rf_dossier_set_created_at (dossier, 1700000000);
  g_assert_true (rf_lead_dao_set_dossier_sync (lead_dao, second, dossier, NULL, &error));
  g_assert_no_error (error);
}

static void
test_csv_round_trip (void)
{
  Store a = { 0 }, b = { 0 };
  g_autofree char *exported = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RfImportReport) report = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  guint written = 0;

  store_open (&a);
  fill_store (&a);
  path = g_build_filename (a.dir, "export.csv", NULL);
  exported = export_to (a.database, RF_LEAD_EXPORT_CSV, 0, path, &written);
  g_assert_cmpuint (written, ==, 4);

  /* RFC 4180 with a BOM, a header and CRLF. */
  g_assert_true (g_str_has_prefix (exported, "\xef\xbb\xbf" "Lead ID,Company,Website,"));
  g_assert_nonnull (strstr (exported, ",Total Score,Score Bucket,"));
  g_assert_nonnull (strstr (exported, ",SPIN Situation,"));
  g_assert_nonnull (strstr (exported, ",MEDDIC Economic Buyer,"));
  g_assert_nonnull (strstr (exported, ",Dossier,"));
  g_assert_nonnull (strstr (exported, "\r\n"));
  g_assert_nonnull (strstr (exported, "\"Called, \"\"interested\"\";\nsend deck\""));
  g_assert_nonnull (strstr (exported, ",qualified,"));

  /* Into an empty store: the same leads. */
  store_open (&b);
  report = import_path (b.database, path, NULL);
  g_assert_cmpuint (report->leads_created, ==, 4);
  g_assert_cmpuint (report->rejected->len, ==, 0);
  before = all_records (a.database);
  after = all_records (b.database);
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    assert_same_record (g_ptr_array_index (before, i), g_ptr_array_index (after, i));
  g_assert_cmpint (csv_test_query_int (rf_database_get_path (b.database), "SELECT count(*) FROM companies"), ==, 3);
  g_assert_cmpint (csv_test_query_int (rf_database_get_path (b.database), "SELECT count(*) FROM contacts"), ==, 3);

  store_close (&a);
  store_close (&b);
}

static void
test_bucket_filter (void)
{
  Store a = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;
  g_autofree char *some = NULL;
  guint n_all = 0, n_some = 0;
  gint64 parked;

  store_open (&a);
  fill_store (&a);
  path = g_build_filename (a.dir, "export.csv", NULL);
  all = export_to (a.database, RF_LEAD_EXPORT_CSV, 0, path, &n_all);
  some = export_to (a.database, RF_LEAD_EXPORT_CSV, 1u << RF_SCORE_BUCKET_PARKED, path, &n_some);
  parked = csv_test_query_int (rf_database_get_path (a.database),
                               "SELECT count(*) FROM leads WHERE score_bucket = 'parked'");
  g_assert_cmpuint (n_all, ==, 4);
  g_assert_cmpint (n_some, ==, parked);
  g_assert_null (strstr (some, ",warm,"));
  g_assert_null (strstr (some, ",red_hot,"));
  store_close (&a);
}

static GPtrArray *
parse_cards (const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *cards = rf_vcard_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  return cards;
}

static RfVcard *
find_card (GPtrArray  *cards,
           const char *name)
{
  for (guint i = 0; i < cards->len; i++)
    {
      RfVcard *card = g_ptr_array_index (cards, i);
      if (g_strcmp0 (card->formatted_name, name) == 0)
        return card;
    }
  return NULL;
}

static void
assert_same_card (RfVcard *a,
                  RfVcard *b)
{
  g_assert_nonnull (b);
  g_assert_cmpstr (a->formatted_name, ==, b->formatted_name);
  g_assert_cmpstr (a->given_name, ==, b->given_name);
  g_assert_cmpstr (a->family_name, ==, b->family_name);
  g_assert_cmpstr (a->organization, ==, b->organization);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->url, ==, b->url);
  g_assert_cmpstr (a->address, ==, b->address);
  g_assert_cmpuint (a->emails->len, ==, b->emails->len);
  for (guint i = 0; i < a->emails->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a->emails, i), ==, g_ptr_array_index (b->emails, i));
  g_assert_cmpuint (a->phones->len, ==, b->phones->len);
  for (guint i = 0; i < a->phones->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a->phones, i), ==, g_ptr_array_index (b->phones, i));
}

static void
test_vcard_round_trip (void)
{
  Store a = { 0 }, c = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *again_path = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) cards_again = NULL;
  g_autoptr(RfImportReport) report = NULL;
  RfVcard *ada;
  guint written = 0;

  store_open (&a);
  fill_store (&a);
  path = g_build_filename (a.dir, "export.vcf", NULL);
  first = export_to (a.database, RF_LEAD_EXPORT_VCARD, 0, path, &written);

  /* One card per contact, and Initech (no contact) as its company. */
  g_assert_cmpuint (written, ==, 4);
  cards = parse_cards (first);
  g_assert_cmpuint (cards->len, ==, 4);
  g_assert_nonnull (strstr (first, "VERSION:4.0"));
  ada = find_card (cards, "Ada Lovelace");
  g_assert_nonnull (ada);
  g_assert_cmpstr (ada->family_name, ==, "Lovelace");
  g_assert_cmpstr (ada->given_name, ==, "Ada");
  g_assert_cmpstr (ada->organization, ==, "Acme");
  g_assert_cmpstr (ada->title, ==, "Founder");
  g_assert_cmpstr (ada->url, ==, "https://acme.com");
  g_assert_cmpstr (ada->address, ==, "Hauptstr. 1, Berlin");
  g_assert_cmpstr (g_ptr_array_index (ada->emails, 0), ==, "ada@acme.com");
  /* A tel: URI, with dashes as its visual separators. */
  g_assert_cmpstr (g_ptr_array_index (ada->phones, 0), ==, "+49-30-1234");
  g_assert_nonnull (strstr (ada->note, "score"));
  g_assert_nonnull (strstr (ada->note, "send deck"));

  /* In as contacts, out again: the same cards. */
  store_open (&c);
  report = import_path (c.database, path, NULL);
  g_assert_cmpuint (report->leads_created, ==, 4);
  g_assert_cmpint (csv_test_query_int (rf_database_get_path (c.database), "SELECT count(*) FROM contacts WHERE email <> ''"),
                   ==, 3);
  again_path = g_build_filename (c.dir, "again.vcf", NULL);
  second = export_to (c.database, RF_LEAD_EXPORT_VCARD, 0, again_path, &written);
  cards_again = parse_cards (second);
  g_assert_cmpuint (cards_again->len, ==, 4);
  for (guint i = 0; i < cards->len; i++)
    {
      RfVcard *card = g_ptr_array_index (cards, i);
      if (card->formatted_name != NULL && card->emails->len > 0)
        assert_same_card (card, find_card (cards_again, card->formatted_name));
    }

  store_close (&a);
  store_close (&c);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/export/csv-round-trip", test_csv_round_trip);
  g_test_add_func ("/csv/export/bucket-filter", test_bucket_filter);
  g_test_add_func ("/csv/export/vcard-round-trip", test_vcard_round_trip);

  return g_test_run ();
}
