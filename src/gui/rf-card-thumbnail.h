/* rf-card-thumbnail.h: a small texture of a card photo kept by the engine,
 * read and scaled off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rf-database.h"
#include "rf-signal.h"

G_BEGIN_DECLS

#define RF_CARD_THUMBNAIL_SIZE 240

/* Reads rf_document_image_path (@database, @file_hash), scaled to fit
 * RF_CARD_THUMBNAIL_SIZE. The finish returns NULL with G_IO_ERROR_NOT_FOUND
 * when there is no kept picture. */
void        rf_card_thumbnail_load_async  (RfDatabase           *database,
                                           const char           *file_hash,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GdkTexture *rf_card_thumbnail_load_finish (GAsyncResult         *result,
                                           GError              **error);
/* Finishes the load and shows the texture on @picture; FALSE (and no
 * change) when there is none or the load was cancelled. */
gboolean    rf_card_thumbnail_finish_into (GAsyncResult         *result,
                                           GtkPicture           *picture);
/* The kept photo's hash when @signal was read from a card, else NULL. */
const char *rf_card_thumbnail_signal_hash (RfSignal             *signal);

G_END_DECLS
