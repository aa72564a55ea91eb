/* test-renderer.c: cairo instead of OpenGL drawn on the processor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "rf-renderer.h"

static void
test_names (void)
{
  static const struct {
    const char *gl_renderer;
    gboolean    software;
  } cases[] = {
    { "llvmpipe (LLVM 15.0.6, 256 bits)", TRUE },
    { "softpipe", TRUE },
    { "Software Rasterizer", TRUE },
    { "Mesa DRI swrast", TRUE },
    { "Mesa Intel(R) UHD Graphics 620 (KBL GT2)", FALSE },
    /* A GPU driver built with LLVM names LLVM too. */
    { "AMD Radeon RX 580 Series (polaris10, LLVM 15.0.6, DRM 3.49, 6.1.0-13-amd64)", FALSE },
    { "NVIDIA GeForce GTX 1060 6GB/PCIe/SSE2", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_true (rf_renderer_is_software_gl (cases[i].gl_renderer) == cases[i].software);
}

/* Runs before any window is shown: GTK reads GSK_RENDERER once, then. */
static void
test_user_choice_kept (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_assert_null (rf_renderer_choose (display));
  g_assert_null (g_object_get_data (G_OBJECT (display), "gsk-renderer"));
  g_unsetenv ("GSK_RENDERER");
}

static void
test_window_renderer (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autofree char *gl_renderer = rf_renderer_dup_gl_renderer (display);
  gboolean older_gtk = gtk_get_minor_version () < 14;
  const char *chosen;
  GtkWidget *window;
  GskRenderer *renderer;

  g_test_message ("OpenGL: %s", gl_renderer != NULL ? gl_renderer : "none");
  chosen = rf_renderer_choose (display);
  if (older_gtk && rf_renderer_is_software_gl (gl_renderer))
    g_assert_cmpstr (chosen, ==, "cairo");
  else
    g_assert_null (chosen);

  window = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_realized (window))
    g_main_context_iteration (NULL, TRUE);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_test_message ("renderer: %s", G_OBJECT_TYPE_NAME (renderer));
  if (chosen != NULL)
    g_assert_true (GSK_IS_CAIRO_RENDERER (renderer));
  else if (gl_renderer != NULL && older_gtk)
    g_assert_false (GSK_IS_CAIRO_RENDERER (renderer));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* The suite draws with cairo (tests/gui/meson.build); here GTK must
   * choose as it would for a user. */
  g_unsetenv ("GSK_RENDERER");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/renderer/names", test_names);
  if (!gtk_init_check ())
    {
      g_test_message ("no display: only the names are tested");
      return g_test_run ();
    }
  adw_init ();
  g_test_add_func ("/renderer/user-choice-kept", test_user_choice_kept);
  g_test_add_func ("/renderer/window", test_window_renderer);
  return g_test_run ();
}
