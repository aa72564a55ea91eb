/* rf-ndjson-splitter.h: newline-delimited JSON, as it arrives in pieces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RfNdjsonSplitter RfNdjsonSplitter;

/* Called with each complete, non-blank line (without its newline, NUL
 * terminated). Return FALSE and set @error to stop. */
typedef gboolean (*RfNdjsonLineFunc) (const char  *line,
                                      gsize        length,
                                      gpointer     user_data,
                                      GError     **error);

RfNdjsonSplitter *rf_ndjson_splitter_new    (gsize              max_line_length);
void              rf_ndjson_splitter_free   (RfNdjsonSplitter  *self);
gboolean          rf_ndjson_splitter_push   (RfNdjsonSplitter  *self,
                                             const char        *data,
                                             gsize              length,
                                             RfNdjsonLineFunc   func,
                                             gpointer           user_data,
                                             GError           **error);
gboolean          rf_ndjson_splitter_finish (RfNdjsonSplitter  *self,
                                             RfNdjsonLineFunc   func,
                                             gpointer           user_data,
                                             GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfNdjsonSplitter, rf_ndjson_splitter_free)

G_END_DECLS
