/* test-model.c: normalisation keys, JSON lists, profile JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rf-model-json.h"
#include "rf-normalize.h"
#include "rf-strv-json.h"

static void
check (char       *value,
       const char *expected)
{
  g_assert_cmpstr (value, ==, expected);
  g_free (value);
}

static void
test_domains (void)
{
  check (rf_normalize_domain ("https://www.Acme.com:443/about?x=1"), "acme.com");
  check (rf_normalize_domain ("acme.com"), "acme.com");
  check (rf_normalize_domain ("http://user:pw@shop.acme.co.uk/"), "shop.acme.co.uk");
  check (rf_normalize_domain ("jo@Acme.COM"), "acme.com");
  check (rf_normalize_domain ("www."), "");
  check (rf_normalize_domain ("not a url"), "");
  check (rf_normalize_domain (""), "");
  check (rf_normalize_domain (NULL), "");
}

static void
test_company_names (void)
{
  check (rf_normalize_company_name ("Acme, Inc."), "acme");
  check (rf_normalize_company_name ("ACME Pvt. Ltd"), "acme");
  check (rf_normalize_company_name ("  Müller   GmbH "), "müller");
  check (rf_normalize_company_name ("Inc"), "inc");
  check (rf_normalize_company_name ("Johnson & Johnson"), "johnson & johnson");
  check (rf_normalize_company_name ("!!!"), "");
}

static void
test_people (void)
{
  check (rf_normalize_person_name ("  Dr.  Avery   SMITH "), "dr avery smith");
  check (rf_normalize_email (" Jo.Smith@Acme.COM "), "jo.smith@acme.com");
  check (rf_normalize_email ("mailto:a@b.io"), "a@b.io");
  check (rf_normalize_email ("no-at-sign"), "");
  check (rf_normalize_email ("a@b"), "");
  check (rf_normalize_email ("a b@c.com"), "");
}

static void
test_strv_json (void)
{
  const char * const tricky[] = { "plain", "with \"quotes\"", "back\\slash", "line\nbreak", "tab\t", "ünï", "", NULL };
  g_autofree char *json = rf_strv_to_json (tricky);
  g_auto(GStrv) back = rf_strv_from_json (json);
  g_auto(GStrv) escaped = rf_strv_from_json ("[ \"\\u00e9\\ud83d\\ude00\" , \"\\/\" ]");
  g_auto(GStrv) garbage = rf_strv_from_json ("[\"unterminated");
  g_auto(GStrv) numbers = rf_strv_from_json ("[1, 2]");
  g_auto(GStrv) null_list = rf_strv_from_json (NULL);
  g_autofree char *empty = rf_strv_to_json (NULL);

  g_assert_true (g_strv_equal ((const char * const *)back, tricky));
  g_assert_cmpstr (escaped[0], ==, "é😀");
  g_assert_cmpstr (escaped[1], ==, "/");
  g_assert_cmpuint (g_strv_length (garbage), ==, 0);
  g_assert_cmpuint (g_strv_length (numbers), ==, 0);
  g_assert_cmpuint (g_strv_length (null_list), ==, 0);
  g_assert_cmpstr (empty, ==, "[]");
}

static RfIcpProfile *
parse_profile (const char  *json,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  return rf_icp_profile_from_json (json_parser_get_root (parser), error);
}

static void
test_profile_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfIcpProfile) seed = NULL;
  g_autoptr(RfIcpProfile) bad = NULL;

  /* The seed README's example request body. */
  seed = parse_profile ("{\"name\": \"Solo Founder - D2C\","
                        " \"description\": \"Solo founder running D2C brand, hiring first marketer\","
                        " \"size_buckets\": [\"1\"], \"industries\": [\"ecommerce\", \"d2c\"],"
                        " \"locations\": [\"india\"],"
                        " \"hiring_keywords\": [\"marketing manager\", \"growth hacker\"],"
                        " \"pain_keywords\": \"lead generation, scaling ads\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rf_icp_profile_get_name (seed), ==, "Solo Founder - D2C");
  g_assert_cmpstr (rf_icp_profile_get_industries (seed)[1], ==, "d2c");
  g_assert_cmpstr (rf_icp_profile_get_pain_keywords (seed)[1], ==, "scaling ads");
  g_assert_true (rf_icp_profile_get_active (seed));

  bad = parse_profile ("{\"description\": \"no name\"}", &error);
  g_assert_null (bad);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  bad = parse_profile ("{\"name\": \"x\", \"industries\": {\"a\": 1}}", &error);
  g_assert_null (bad);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  bad = parse_profile ("[1, 2]", &error);
  g_assert_null (bad);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/normalize/domain", test_domains);
  g_test_add_func ("/model/normalize/company", test_company_names);
  g_test_add_func ("/model/normalize/people", test_people);
  g_test_add_func ("/model/strv-json", test_strv_json);
  g_test_add_func ("/model/profile-json", test_profile_json);

  return g_test_run ();
}
