/* test-metainfo.c: the About window's facts, read from the metainfo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rf-metainfo.h"

static const char *sample =
  "<?xml version=\"1.0\"?>\n"
  "<component type=\"desktop-application\">\n"
  "  <id>x</id>\n"
  "  <name>Lead Engine</name>\n"
  "  <name xml:lang=\"de\">Lead-Maschine</name>\n"
  "  <developer id=\"a\"><name>Dev &amp; Co</name></developer>\n"
  "  <url type=\"homepage\">https://example.org</url>\n"
  "  <url type=\"bugtracker\">https://example.org/issues</url>\n"
  "  <releases>\n"
  "    <release version=\"2.0\"><description>\n"
  "      <p>Second.</p><p xml:lang=\"de\">Zweite.</p>\n"
  "      <ul><li>A &lt;b&gt; item</li><li xml:lang=\"fr\">Un</li><li>B</li><li xml:lang=\"de\">Be</li></ul>\n"
  "    </description></release>\n"
  "    <release version=\"1.0\"><description><p>First.</p></description></release>\n"
  "  </releases>\n"
  "</component>\n";

static void
test_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfMetainfo) info = NULL;

  g_setenv ("LANGUAGE", "C", TRUE);
  info = rf_metainfo_parse (sample, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->name, ==, "Lead Engine");
  g_assert_cmpstr (info->developer_name, ==, "Dev & Co");
  g_assert_cmpstr (info->homepage, ==, "https://example.org");
  g_assert_cmpstr (info->bugtracker, ==, "https://example.org/issues");
  g_assert_cmpstr (info->release_version, ==, "2.0");
  g_assert_cmpstr (info->release_notes, ==, "<p>Second.</p><ul><li>A &lt;b&gt; item</li><li>B</li></ul>");
}

static void
test_language (void)
{
  g_autoptr(RfMetainfo) info = NULL;

  g_setenv ("LANGUAGE", "de", TRUE);
  info = rf_metainfo_parse (sample, -1, NULL);
  g_assert_cmpstr (info->name, ==, "Lead-Maschine");
  g_assert_cmpstr (info->release_notes, ==, "<p>Zweite.</p><ul><li>A &lt;b&gt; item</li><li>Be</li></ul>");
  g_setenv ("LANGUAGE", "C", TRUE);
}

/* The metainfo built into the app names this version's release. */
static void
test_built_in (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfMetainfo) info = rf_metainfo_load (RESOURCE_PREFIX "/metainfo.xml", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (info->name, ==, "Raptorflow Lead Engine");
  g_assert_cmpstr (info->release_version, ==, PACKAGE_VERSION);
  g_assert_nonnull (strstr (info->release_notes, "<li>"));
  g_assert_nonnull (info->homepage);
}

static void
test_broken (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfMetainfo) info = rf_metainfo_parse ("<component><name>x</component>", -1, &error);

  g_assert_null (info);
  g_assert_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/metainfo/sample", test_sample);
  g_test_add_func ("/metainfo/language", test_language);
  g_test_add_func ("/metainfo/built-in", test_built_in);
  g_test_add_func ("/metainfo/broken", test_broken);

  return g_test_run ();
}
