/* rf-card-thumbnail.c: gdk-pixbuf reads and scales in a GTask thread, the
 * texture comes back whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "rf-card-thumbnail.h"
#include "rf-document-intake.h"

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No card picture at %s", path);
      return;
    }
  pixbuf = gdk_pixbuf_new_from_file_at_scale (path, RF_CARD_THUMBNAIL_SIZE, RF_CARD_THUMBNAIL_SIZE, TRUE, &error);
  if (pixbuf == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, gdk_texture_new_for_pixbuf (pixbuf), g_object_unref);
}

void
rf_card_thumbnail_load_async (RfDatabase          *database,
                              const char          *file_hash,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RF_IS_DATABASE (database));
  g_return_if_fail (file_hash != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rf_card_thumbnail_load_async);
  g_task_set_task_data (task, rf_document_image_path (database, file_hash), g_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, load_thread);
}

GdkTexture *
rf_card_thumbnail_load_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rf_card_thumbnail_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
rf_card_thumbnail_finish_into (GAsyncResult *result,
                               GtkPicture   *picture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  g_return_val_if_fail (GTK_IS_PICTURE (picture), FALSE);

  texture = rf_card_thumbnail_load_finish (result, &error);
  if (texture == NULL)
    {
      /* Missing or unreadable: the lead is whole without it. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("No card thumbnail: %s", error->message);
      return FALSE;
    }
  gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (picture), TRUE);
  return TRUE;
}

const char *
rf_card_thumbnail_signal_hash (RfSignal *signal)
{
  const char *hash;

  g_return_val_if_fail (RF_IS_SIGNAL (signal), NULL);

  hash = rf_signal_get_file_hash (signal);
  if (rf_signal_get_source_type (signal) != RF_SOURCE_TYPE_OCR || hash == NULL || *hash == '\0')
    return NULL;
  return hash;
}
