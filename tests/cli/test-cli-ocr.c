/* test-cli-ocr.c: `raptorflow-cli ocr FILE` on a card drawn here
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>
#include <string.h>

#include "rf-test-cards.h"
#include "rf-test-util.h"

static const char * const card_lines[] = {
  "Liam Walker", "Founder", "Redwood Labs", "Mob: +44 7911 123456", "liam.walker@redwoodlabs.co.uk",
  "www.redwoodlabs.co.uk", NULL,
};

static char *
write_card (const char *dir,
            const char *name)
{
  g_autoptr(RfTestCard) card = rf_test_card_new (card_lines, "DejaVu Sans");
  g_autoptr(GBytes) png = NULL;
  char *path = g_build_filename (dir, name, NULL);

  card->rotate = 6;
  png = rf_test_card_render (card, 1400);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
  return path;
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_card_json (void)
{
  g_autofree char *dir = rf_test_make_tmpdir ();
  g_autofree char *path = write_card (dir, "card.png");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) answer = NULL;
  JsonObject *fields;
  JsonObject *confidence;

  g_assert_cmpint (rf_test_run_cli (NULL, &out, &err, "ocr", path, "--json", NULL), ==, 0);
  answer = parse_object (out);
  g_assert_cmpstr (json_object_get_string_member (answer, "source"), ==, "ocr");
  g_assert_nonnull (strstr (json_object_get_string_member (answer, "text"), "Redwood Labs"));

  fields = json_object_get_object_member (answer, "fields");
  g_assert_cmpstr (json_object_get_string_member (fields, "name"), ==, "Liam Walker");
  g_assert_cmpstr (json_object_get_string_member (fields, "title"), ==, "Founder");
  g_assert_cmpstr (json_object_get_string_member (fields, "company"), ==, "Redwood Labs");
  g_assert_cmpstr (json_object_get_string_member (fields, "email"), ==, "liam.walker@redwoodlabs.co.uk");
  g_assert_cmpstr (json_object_get_string_member (fields, "phone"), ==, "+447911123456");
  g_assert_cmpstr (json_object_get_string_member (fields, "website"), ==, "www.redwoodlabs.co.uk");
  /* Every field is there, null when not found. */
  g_assert_true (json_object_has_member (fields, "address"));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (fields, "address")));

  confidence = json_object_get_object_member (answer, "confidence");
  g_assert_cmpfloat (json_object_get_double_member (confidence, "email"), >, 0.5);
  g_assert_cmpfloat (json_object_get_double_member (confidence, "email"), <=, 1.0);
  g_assert_false (json_object_has_member (confidence, "address"));

  rf_test_remove_tree (dir);
}

static void
test_readable_and_errors (void)
{
  g_autofree char *dir = rf_test_make_tmpdir ();
  g_autofree char *path = write_card (dir, "card.png");
  g_autofree char *not_image = g_build_filename (dir, "leads.png", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *bad_out = NULL;
  g_autofree char *bad_err = NULL;
  g_autoptr(JsonObject) failure = NULL;

  g_assert_cmpint (rf_test_run_cli (NULL, &out, &err, "ocr", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "liam.walker@redwoodlabs.co.uk"));
  g_assert_nonnull (strstr (out, "Email"));

  /* Not an image, whatever its name: exit 1, the error as JSON too. */
  g_assert_true (g_file_set_contents (not_image, "name,email\nLiam,liam@example.com\n", -1, NULL));
  g_assert_cmpint (rf_test_run_cli (NULL, &bad_out, &bad_err, "--json", "ocr", not_image, NULL), ==, 1);
  failure = parse_object (bad_out);
  g_assert_nonnull (strstr (json_object_get_string_member (failure, "error"), "PNG, JPEG"));
  g_assert_nonnull (strstr (bad_err, "not an image"));

  rf_test_remove_tree (dir);
}

static void
test_usage (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *out3 = NULL;
  g_autofree char *err3 = NULL;

  g_assert_cmpint (rf_test_run_cli (NULL, &out, &err, "ocr", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "ocr FILE"));
  g_assert_cmpint (rf_test_run_cli (NULL, &out2, &err2, "ocr", "a.png", "b.png", NULL), ==, 2);
  g_assert_cmpint (rf_test_run_cli (NULL, &out3, &err3, "ocr", "a.png", "--region", "Britain", NULL), ==, 2);
  g_assert_nonnull (strstr (err3, "country code"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/ocr/card-json", test_card_json);
  g_test_add_func ("/cli/ocr/readable-and-errors", test_readable_and_errors);
  g_test_add_func ("/cli/ocr/usage", test_usage);
  return g_test_run ();
}
