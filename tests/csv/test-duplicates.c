/* test-duplicates.c: finding, merging and unmerging duplicates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "csv-test-util.h"
#include "rf-activity-dao.h"
#include "rf-duplicate-dao.h"
#include "rf-store-error.h"

typedef struct
{
  char           *dir;
  RfDatabase     *database;
  const char     *path;
  RfDuplicateDao *dao;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->database = rf_test_open_database (&f->dir);
  f->path = rf_database_get_path (f->database);
  f->dao = rf_duplicate_dao_new (f->database);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_unref (f->dao);
  rf_database_close (f->database);
  g_object_unref (f->database);
  rf_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gint64
query (Fixture    *f,
       const char *format,
       ...) G_GNUC_PRINTF (2, 3);

static gint64
query (Fixture    *f,
       const char *format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return csv_test_query_int (f->path, sql);
}

static RfDuplicateGroup *
find_group (GPtrArray         *groups,
            RfDuplicateReason  reason)
{
  for (guint i = 0; i < groups->len; i++)
    {
      RfDuplicateGroup *group = g_ptr_array_index (groups, i);
      if (group->reason == reason)
        return group;
    }
  return NULL;
}

static gint64
lead_company (Fixture *f,
              gint64   lead)
{
  return query (f, "SELECT coalesce (company_id, 0) FROM leads WHERE id = %" G_GINT64_FORMAT, lead);
}

static void
test_companies (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(RfActivityDao) activity_dao = rf_activity_dao_new (f->database);
  g_autoptr(RfActivity) activity = rf_activity_new ();
  RfDuplicateGroup *group;
  gint64 lead_a, lead_b, company_a, company_b, merge, restored;
  g_autofree char *sort = NULL;

  lead_a = rf_test_insert_lead (f->database, "Acme", "https://acme.com", "Ada", "ada@acme.com", 70, "a");
  lead_b = rf_test_insert_lead (f->database, "Acme Holdings", "https://acme-holdings.com", "Bob",
                                "bob@acme-holdings.com", 50, "b");
  rf_test_insert_lead (f->database, "Unrelated", "https://unrelated.org", "Cy", "cy@unrelated.org", 20, "c");
  company_a = lead_company (f, lead_a);
  company_b = lead_company (f, lead_b);
  /* The same company entered twice (by hand, or from an old import). */
  csv_test_exec (f->path, "UPDATE companies SET domain = 'acme.com', industry = 'Retail' WHERE name = 'Acme Holdings'");
  rf_activity_set_lead_id (activity, lead_b);
  rf_activity_set_kind (activity, RF_ACTIVITY_KIND_CALL);
  rf_activity_set_body (activity, "Called Bob");
  g_assert_true (rf_activity_dao_save_sync (activity_dao, activity, NULL, &error));

  groups = rf_duplicate_dao_find_sync (f->dao, RF_DUPLICATE_COMPANY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 1);
  group = find_group (groups, RF_DUPLICATE_SAME_DOMAIN);
  g_assert_nonnull (group);
  g_assert_cmpstr (group->key, ==, "acme.com");
  g_assert_cmpuint (group->ids->len, ==, 2);
  g_assert_cmpint (g_array_index (group->ids, gint64, 0), ==, company_a);
  g_assert_cmpint (g_array_index (group->ids, gint64, 1), ==, company_b);

  merge = rf_duplicate_dao_merge_sync (f->dao, RF_DUPLICATE_COMPANY, company_a, company_b, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (merge, >, 0);
  /* Everything now at Acme: the lead, its signal, Bob, Bob's call. */
  g_assert_cmpint (lead_company (f, lead_b), ==, company_a);
  g_assert_cmpint (query (f, "SELECT count(*) FROM companies WHERE id = %" G_GINT64_FORMAT, company_b), ==, 0);
  g_assert_cmpint (query (f, "SELECT count(*) FROM signals WHERE company_id = %" G_GINT64_FORMAT, company_a), ==, 2);
  g_assert_cmpint (query (f, "SELECT count(*) FROM contacts WHERE company_id = %" G_GINT64_FORMAT, company_a), ==, 2);
  g_assert_cmpint (query (f, "SELECT count(*) FROM activities WHERE lead_id = %" G_GINT64_FORMAT, lead_b), ==, 1);
  g_assert_cmpint (query (f, "SELECT count(*) FROM companies WHERE id = %" G_GINT64_FORMAT " AND industry = 'Retail'",
                          company_a), ==, 1);
  sort = csv_test_query_text (f->path, "SELECT company_sort FROM leads WHERE contact_sort = 'Bob'");
  g_assert_cmpstr (sort, ==, "Acme");
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = rf_duplicate_dao_find_sync (f->dao, RF_DUPLICATE_COMPANY, NULL, &error);
  g_assert_cmpuint (groups->len, ==, 0);

  /* Undone: as it was. */
  restored = rf_duplicate_dao_undo_sync (f->dao, merge, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (restored, ==, company_b);
  g_assert_cmpint (lead_company (f, lead_b), ==, company_b);
  g_assert_cmpint (lead_company (f, lead_a), ==, company_a);
  g_assert_cmpint (query (f, "SELECT count(*) FROM companies WHERE id = %" G_GINT64_FORMAT
                             " AND name = 'Acme Holdings' AND industry = 'Retail'", company_b), ==, 1);
  g_assert_cmpint (query (f, "SELECT count(*) FROM companies WHERE id = %" G_GINT64_FORMAT " AND industry = ''",
                          company_a), ==, 1);
  g_assert_cmpint (query (f, "SELECT count(*) FROM contacts WHERE company_id = %" G_GINT64_FORMAT, company_b), ==, 1);
  g_assert_cmpint (query (f, "SELECT count(*) FROM signals WHERE company_id = %" G_GINT64_FORMAT, company_b), ==, 1);
  g_assert_cmpint (query (f, "SELECT count(*) FROM activities WHERE lead_id = %" G_GINT64_FORMAT, lead_b), ==, 1);
  g_assert_cmpint (query (f, "SELECT count(*) FROM merge_log WHERE undone_at IS NOT NULL"), ==, 1);

  /* Once only; and a record is not its own duplicate. */
  g_assert_cmpint (rf_duplicate_dao_undo_sync (f->dao, merge, NULL, &error), ==, 0);
  g_assert_error (error, RF_STORE_ERROR, RF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rf_duplicate_dao_merge_sync (f->dao, RF_DUPLICATE_COMPANY, company_a, company_a, NULL, &error), ==, 0);
  g_assert_error (error, RF_STORE_ERROR, RF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rf_duplicate_dao_merge_sync (f->dao, RF_DUPLICATE_COMPANY, company_a, 9999, NULL, &error), ==, 0);
  g_assert_error (error, RF_STORE_ERROR, RF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query (f, "PRAGMA foreign_key_check"), ==, -1);
}

static void
test_contacts (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  RfDuplicateGroup *group;
  gint64 lead_a, lead_b, contact_a, contact_b, merge;

  lead_a = rf_test_insert_lead (f->database, "Acme", "https://acme.com", "Ada Lovelace", "ada@acme.com", 70, "a");
  lead_b = rf_test_insert_lead (f->database, "Globex", "https://globex.com", "A. Lovelace", "ada.l@globex.com", 60, "b");
  contact_a = query (f, "SELECT contact_id FROM leads WHERE id = %" G_GINT64_FORMAT, lead_a);
  contact_b = query (f, "SELECT contact_id FROM leads WHERE id = %" G_GINT64_FORMAT, lead_b);
  csv_test_exec (f->path, "UPDATE contacts SET email = 'ada@acme.com', phone = '+1 555' WHERE name = 'A. Lovelace'");

  groups = rf_duplicate_dao_find_sync (f->dao, RF_DUPLICATE_CONTACT, NULL, &error);
  g_assert_no_error (error);
  group = find_group (groups, RF_DUPLICATE_SAME_EMAIL);
  g_assert_nonnull (group);
  g_assert_cmpstr (group->key, ==, "ada@acme.com");
  g_assert_cmpuint (group->ids->len, ==, 2);

  merge = rf_duplicate_dao_merge_sync (f->dao, RF_DUPLICATE_CONTACT, contact_a, contact_b, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query (f, "SELECT contact_id FROM leads WHERE id = %" G_GINT64_FORMAT, lead_b), ==, contact_a);
  g_assert_cmpint (query (f, "SELECT count(*) FROM contacts"), ==, 1);
  g_assert_cmpint (query (f, "SELECT count(*) FROM contacts WHERE phone = '+1 555'"), ==, 1);
  /* The lead keeps its own company. */
  g_assert_cmpint (query (f, "SELECT count(DISTINCT company_id) FROM leads"), ==, 2);

  g_assert_cmpint (rf_duplicate_dao_undo_sync (f->dao, merge, NULL, &error), ==, contact_b);
  g_assert_no_error (error);
  g_assert_cmpint (query (f, "SELECT contact_id FROM leads WHERE id = %" G_GINT64_FORMAT, lead_b), ==, contact_b);
  g_assert_cmpint (query (f, "SELECT count(*) FROM contacts WHERE phone = '+1 555'"), ==, 1);
  g_assert_cmpint (query (f, "SELECT count(*) FROM contacts WHERE id = %" G_GINT64_FORMAT " AND phone = ''", contact_a),
                   ==, 1);
}

static void
test_names (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) companies = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  RfDuplicateGroup *group;

  rf_test_insert_lead (f->database, "Initech Systems", "https://initech.com", "Peter Gibbons", "peter@initech.com", 50, "a");
  rf_test_insert_lead (f->database, "Initech Sytems", "https://initech-systems.net", "Milton", "milton@initech-systems.net",
                       40, "b");
  rf_test_insert_lead (f->database, "Umbrella", "https://umbrella.com", "Alice", "alice@umbrella.com", 40, "c");
  rf_test_insert_lead (f->database, "Umbrella", "https://umbrella.org", "Bob", "bob@umbrella.org", 40, "d");
  /* Peter twice at Initech, once without email. */
  csv_test_exec (f->path,
                 "INSERT INTO contacts (company_id, name, normalized_name, created_at, updated_at) "
                 "SELECT company_id, 'Peter  GIBBONS', normalized_name, 1, 1 FROM contacts WHERE email = 'peter@initech.com'");

  companies = rf_duplicate_dao_find_sync (f->dao, RF_DUPLICATE_COMPANY, NULL, &error);
  g_assert_no_error (error);
  /* Initech one typo apart. (The second Umbrella was found by its name
   * when it was stored: no duplicate.) */
  group = find_group (companies, RF_DUPLICATE_SIMILAR_NAME);
  g_assert_nonnull (group);
  g_assert_cmpuint (group->ids->len, ==, 2);
  g_assert_nonnull (strstr (group->key, "initech"));
  g_assert_null (find_group (companies, RF_DUPLICATE_SAME_DOMAIN));
  g_assert_null (find_group (companies, RF_DUPLICATE_SAME_NAME));

  contacts = rf_duplicate_dao_find_sync (f->dao, RF_DUPLICATE_CONTACT, NULL, &error);
  g_assert_no_error (error);
  group = find_group (contacts, RF_DUPLICATE_SAME_NAME);
  g_assert_nonnull (group);
  g_assert_cmpuint (group->ids->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/csv/duplicates/companies", test_companies);
  ADD ("/csv/duplicates/contacts", test_contacts);
  ADD ("/csv/duplicates/names", test_names);
#undef ADD

  return g_test_run ();
}
