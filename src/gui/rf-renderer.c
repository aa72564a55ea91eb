/* rf-renderer.c: which of GTK's renderers draws the windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 to 4.13 draw with OpenGL whenever there is any, even when the
 * OpenGL is Mesa drawing on the processor (llvmpipe: a machine or virtual
 * machine without a GPU driver, a remote desktop). There, every frame of
 * the lead table costs ~60 ms of processor time in llvmpipe's JIT and its
 * buffers ~120 MB, where the cairo renderer draws the same frame in a few
 * milliseconds (docs/PERFORMANCE.md, gui-bench). Later GTKs pass over
 * llvmpipe by themselves, so this only decides for the older ones, and
 * never against the user's own GSK_RENDERER.
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <epoxy/gl.h>
#include <string.h>

#include "rf-renderer.h"

/* How Mesa names its processor-only drivers in GL_RENDERER. */
static const char * const software_gl_renderers[] = {
  "llvmpipe",
  "softpipe",
  "Software Rasterizer",
  "swrast",
};

/* TRUE when @gl_renderer (OpenGL's GL_RENDERER string) names a driver
 * that draws on the processor. A GPU driver built with LLVM says "LLVM"
 * too (radeonsi), so the names are matched whole. */
gboolean
rf_renderer_is_software_gl (const char *gl_renderer)
{
  if (gl_renderer == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (software_gl_renderers); i++)
    {
      if (strstr (gl_renderer, software_gl_renderers[i]) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The GL_RENDERER of @display's OpenGL, or NULL when it has none (no
 * GLX or EGL, GDK_DEBUG=gl-disable). GDK has already chosen its OpenGL
 * when the display opened, so this costs a context, not a driver load. */
char *
rf_renderer_dup_gl_renderer (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  char *renderer;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (!gdk_display_prepare_gl (display, &error))
    {
      g_debug ("No OpenGL: %s", error->message);
      return NULL;
    }
  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_debug ("No OpenGL context: %s", error != NULL ? error->message : "");
      return NULL;
    }
  gdk_gl_context_make_current (context);
  renderer = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();
  return renderer;
}

/* Picks cairo for @display's windows where GTK would draw with OpenGL on
 * the processor. Call before the first window is shown. Returns the
 * renderer picked ("cairo"), or NULL when GTK chooses as it would. */
const char *
rf_renderer_choose (GdkDisplay *display)
{
  g_autofree char *gl_renderer = NULL;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (g_getenv ("GSK_RENDERER") != NULL)
    return NULL;
  if (gtk_get_major_version () != 4 || gtk_get_minor_version () >= 14)
    return NULL;

  gl_renderer = rf_renderer_dup_gl_renderer (display);
  if (!rf_renderer_is_software_gl (gl_renderer))
    return NULL;

  g_debug ("OpenGL is %s, drawn on the processor: drawing with cairo", gl_renderer);
  /* GSK looks for this on the display before GSK_RENDERER (the inspector
   * uses it too); unlike the environment, programs we open do not
   * inherit it. */
  g_object_set_data (G_OBJECT (display), "gsk-renderer", (gpointer) "cairo");
  return "cairo";
}
