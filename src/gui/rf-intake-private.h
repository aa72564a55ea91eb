/* rf-intake-private.h: what rf-intake.c and rf-intake-dnd.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-intake.h"

G_BEGIN_DECLS

struct _RfIntake
{
  GtkWidget      parent_instance;

  RfLeadEngine  *engine;
  GListStore    *items;
  GQueue         pending;        /* Job */
  gboolean       running;
  GCancellable  *cancellable;
  GtkDropTarget *drop_target;    /* owned by the widget it is attached to */
  GPtrArray     *temp_files;     /* char *: pasted images, removed at the end */

  GtkWidget     *hint;
  GtkImage      *hint_icon;
  GtkLabel      *hint_title;
  GtkLabel      *hint_description;
};

G_END_DECLS
