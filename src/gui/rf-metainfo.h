/* rf-metainfo.h: what the About window shows, read from the AppStream
 * metainfo in the GResource (Adw 1.2 has no adw_about_window_new_from_appdata)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *name;
  char *developer_name;
  char *homepage;
  char *bugtracker;
  char *release_version;   /* the newest release */
  char *release_notes;     /* its description as AdwAboutWindow markup */
} RfMetainfo;

RfMetainfo *rf_metainfo_parse (const char  *xml,
                               gssize       length,
                               GError     **error);
RfMetainfo *rf_metainfo_load  (const char  *resource_path,
                               GError     **error);
void        rf_metainfo_free  (RfMetainfo  *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfMetainfo, rf_metainfo_free)

G_END_DECLS
