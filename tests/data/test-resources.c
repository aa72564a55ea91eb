/* test-resources.c: the data GResource the GUI links
 *
 * The app icons render at the sizes the shell and GTK ask for, the
 * symbolic icon is one flat colour (GTK recolours it), and the metainfo
 * the About window reads has this version's release notes. No display
 * needed: gdk-pixbuf renders the SVGs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "rf-test-util.h"

#define ICON_PATH     RESOURCE_PREFIX "/icons/scalable/apps/" APP_ID ".svg"
#define SYMBOLIC_PATH RESOURCE_PREFIX "/icons/symbolic/apps/" APP_ID "-symbolic.svg"
#define METAINFO_PATH RESOURCE_PREFIX "/metainfo.xml"

static char *
lookup_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Fraction of pixels that are not fully transparent. */
static double
coverage (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *pixels = gdk_pixbuf_read_pixels (pixbuf);
  guint opaque = 0;

  g_assert_true (gdk_pixbuf_get_has_alpha (pixbuf));
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (pixels[y * stride + x * 4 + 3] > 0)
        opaque++;
  return (double) opaque / (width * height);
}

static void
test_icon_renders (gconstpointer data)
{
  const char *path = data;
  const int sizes[] = { 16, 32, 64, 128, 256 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_resource_at_scale (path, sizes[i], sizes[i], TRUE, &error);
      double covered;

      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, sizes[i]);
      g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, sizes[i]);
      /* Something bold, on a transparent background. */
      covered = coverage (pixbuf);
      g_assert_cmpfloat (covered, >, 0.25);
      g_assert_cmpfloat (covered, <, 0.95);
    }
}

static void
test_icon_canvas (void)
{
  g_autofree char *svg = lookup_text (ICON_PATH);

  g_assert_nonnull (strstr (svg, "viewBox=\"0 0 128 128\""));
}

/* GTK recolours symbolic icons to the text colour: one fill, no strokes,
 * gradients or bitmaps, on the 16px grid. */
static void
test_symbolic_is_flat (void)
{
  g_autofree char *svg = lookup_text (SYMBOLIC_PATH);
  g_autoptr(GRegex) fill = g_regex_new ("fill=\"([^\"]*)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *first = NULL;
  guint fills = 0;

  g_assert_nonnull (strstr (svg, "viewBox=\"0 0 16 16\""));
  g_assert_null (strstr (svg, "Gradient"));
  g_assert_null (strstr (svg, "stroke"));
  g_assert_null (strstr (svg, "<image"));

  g_regex_match (fill, svg, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *colour = g_match_info_fetch (match, 1);

      if (first == NULL)
        first = g_strdup (colour);
      g_assert_cmpstr (colour, ==, first);
      fills++;
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (fills, >, 0);
}

static void
test_metainfo (void)
{
  g_autofree char *xml = lookup_text (METAINFO_PATH);

  g_assert_nonnull (strstr (xml, "<id>" APP_ID "</id>"));
  g_assert_nonnull (strstr (xml, "<launchable type=\"desktop-id\">" APP_ID ".desktop</launchable>"));
  /* A release entry for the version being built: bump both together. */
  g_assert_nonnull (strstr (xml, "<release version=\"" PACKAGE_VERSION "\""));
  /* Translated by the build, for the About window in other languages. */
  g_assert_nonnull (strstr (xml, "xml:lang=\"de\""));
}

/* What software centres and Flathub show, beyond what appstreamcli 0.16
 * (Debian 12) insists on. */
static void
test_metainfo_store_fields (void)
{
  g_autofree char *xml = lookup_text (METAINFO_PATH);
  const char *needed[] = {
    "<content_rating type=\"oars-1.1\"",
    "<color type=\"primary\" scheme_preference=\"light\">",
    "<color type=\"primary\" scheme_preference=\"dark\">",
    "<binary>raptorflow</binary>",
    "<binary>raptorflow-cli</binary>",
    "<url type=\"homepage\">https://",
    "<url type=\"bugtracker\">https://",
    "<developer_name",
    "/leads-light.png</image>",
    "/leads-dark.png</image>",
    "/lead-detail.png</image>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    if (strstr (xml, needed[i]) == NULL)
      g_error ("The metainfo lacks %s", needed[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/resources/icon-renders", ICON_PATH, test_icon_renders);
  g_test_add_data_func ("/resources/symbolic-renders", SYMBOLIC_PATH, test_icon_renders);
  g_test_add_func ("/resources/icon-canvas", test_icon_canvas);
  g_test_add_func ("/resources/symbolic-is-flat", test_symbolic_is_flat);
  g_test_add_func ("/resources/metainfo", test_metainfo);
  g_test_add_func ("/resources/metainfo-store-fields", test_metainfo_store_fields);

  return g_test_run ();
}
