/* test-column-mapping.c: headers as real CRMs export them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rf-column-mapping.h"

static char *
describe (RfColumnMapping *mapping)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rf_column_mapping_get_n_columns (mapping); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "",
                            rf_lead_field_to_nick (rf_column_mapping_get_field (mapping, i)) ?: "-");
  return g_string_free (out, FALSE);
}

static void
test_exports (void)
{
  static const struct { const char *header[10]; const char *expected; } cases[] = {
    /* HubSpot */
    { { "First Name", "Last Name", "Email", "Company Name", "Website URL", "Job Title", "Phone Number", "Lifecycle Stage", NULL },
      "first_name,last_name,email,company,website,title,phone,-" },
    /* HubSpot, a contacts export with the company's properties */
    { { "First Name", "Last Name", "Email", "Job Title", "Company Name", "Company Domain Name", "Phone Number", "Notes", NULL },
      "first_name,last_name,email,title,company,website,phone,text" },
    /* Apollo */
    { { "First Name", "Last Name", "Title", "Company Name for Emails", "Email", "Corporate Phone", "# Employees", "Industry", "Website", NULL },
      "first_name,last_name,title,company,email,phone,size,industry,website" },
    /* LinkedIn Sales Navigator */
    { { "Name", "Title", "Current Company", "Location", "Profile URL", NULL },
      "name,title,company,location,-" },
    /* Google Contacts */
    { { "Given Name", "Family Name", "E-mail 1 - Value", "Phone 1 - Value", "Organization 1 - Name", "Organization 1 - Title", "Notes", NULL },
      "first_name,last_name,email,phone,company,title,text" },
    /* Salesforce */
    { { "Account Name", "Website", "Industry", "Employees", "Billing City", "Description", NULL },
      "company,website,industry,size,-,text" },
    /* A job board export */
    { { "company", "domain", "job description", "city", "country", NULL }, "company,website,text,location,location" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RfColumnMapping) mapping = rf_column_mapping_new_detect (cases[i].header, g_strv_length ((char **)cases[i].header));
      g_autofree char *got = describe (mapping);

      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_apply (void)
{
  const char *header[] = { "First Name", "Last Name", "Email", "Company", "Website", "City", "Country", "LinkedIn", "Notes", "" };
  const char *cells[] = { "Ann", " Lee ", "ann@zeta.io", "Zeta Labs", "zeta.io", "Berlin", "Germany", "in/ann", "Hiring a first marketer", "", "surplus" };
  g_autoptr(RfColumnMapping) mapping = rf_column_mapping_new_detect (header, G_N_ELEMENTS (header));
  RfMappedRow row = { 0 };
  RfMappedRow bare = { 0 };

  g_assert_cmpstr (rf_column_mapping_get_header (mapping, 9), ==, "Column 10");
  rf_column_mapping_apply (mapping, cells, G_N_ELEMENTS (cells), &row);
  g_assert_cmpstr (rf_contact_get_name (row.contact), ==, "Ann Lee");
  g_assert_cmpstr (rf_contact_get_email (row.contact), ==, "ann@zeta.io");
  g_assert_cmpstr (rf_company_get_name (row.company), ==, "Zeta Labs");
  g_assert_cmpstr (rf_company_get_website (row.company), ==, "zeta.io");
  g_assert_cmpstr (rf_company_get_location (row.company), ==, "Berlin, Germany");
  g_assert_cmpstr (rf_signal_get_raw_text (row.signal), ==, "Hiring a first marketer");
  g_assert_cmpstr (rf_signal_get_extra_text (row.signal), ==, "LinkedIn: in/ann\nExtra: surplus");
  g_assert_cmpint (rf_signal_get_source_type (row.signal), ==, RF_SOURCE_TYPE_CSV);
  rf_mapped_row_clear (&row);

  /* A short row: blanks, no contact at all. */
  rf_column_mapping_apply (mapping, (const char *[]) { "", "", "", "Solo Co" }, 4, &bare);
  g_assert_null (bare.contact);
  g_assert_cmpstr (rf_company_get_name (bare.company), ==, "Solo Co");
  rf_mapped_row_clear (&bare);
}

static void
test_save_and_load (void)
{
  const char *header[] = { "Org", "Mail", "Remarks" };
  const char *same_header[] = { "ORG", "mail", "Remarks " };
  g_autoptr(RfColumnMapping) mapping = rf_column_mapping_new_detect (header, 3);
  g_autoptr(RfColumnMapping) again = rf_column_mapping_new_detect (same_header, 3);
  g_autofree char *saved = NULL;
  g_autofree char *key = rf_column_mapping_dup_key (mapping);
  g_autofree char *key_again = rf_column_mapping_dup_key (again);
  g_autofree char *restored = NULL;
  g_autoptr(GError) error = NULL;

  /* Unknown names: the user maps them... */
  g_assert_cmpint (rf_column_mapping_get_field (mapping, 0), ==, RF_LEAD_FIELD_NONE);
  rf_column_mapping_set_field (mapping, 0, RF_LEAD_FIELD_COMPANY);
  rf_column_mapping_set_field (mapping, 1, RF_LEAD_FIELD_EMAIL);
  rf_column_mapping_set_field (mapping, 2, RF_LEAD_FIELD_TEXT);
  saved = rf_column_mapping_to_string (mapping);

  /* ...and the next file with these headers gets the same mapping. */
  g_assert_cmpstr (key, ==, key_again);
  rf_column_mapping_set_field (again, 2, RF_LEAD_FIELD_NONE);
  g_assert_true (rf_column_mapping_load_string (mapping, saved, &error));
  g_assert_no_error (error);
  restored = describe (mapping);
  g_assert_cmpstr (restored, ==, "company,email,text");

  g_assert_false (rf_column_mapping_load_string (mapping, "{\"Org\": \"shoe size\"}", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/column-mapping/exports", test_exports);
  g_test_add_func ("/column-mapping/apply", test_apply);
  g_test_add_func ("/column-mapping/save-and-load", test_save_and_load);

  return g_test_run ();
}
