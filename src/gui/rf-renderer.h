/* rf-renderer.h: which of GTK's renderers draws the windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean    rf_renderer_is_software_gl   (const char *gl_renderer);
char       *rf_renderer_dup_gl_renderer  (GdkDisplay *display);
const char *rf_renderer_choose           (GdkDisplay *display);

G_END_DECLS
