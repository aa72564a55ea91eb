/* rf-intake-dnd.c: the drop target over the window, with an overlay
 * that says what a drop will do, and Ctrl+V
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-intake-private.h"

/* Clipboard. */

static void
paste_texture_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RfIntake) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (object), result, &error);
  if (texture != NULL)
    rf_intake_add_texture (self, texture);
  else
    g_message ("Cannot paste the image: %s", error->message);
}

static void
paste_files_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RfIntake) self = user_data;
  g_autoptr(GError) error = NULL;
  const GValue *value;

  value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (object), result, &error);
  if (value != NULL && G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *list = gdk_file_list_get_files (g_value_get_boxed (value));
      g_autoptr(GPtrArray) files = g_ptr_array_new ();

      for (GSList *l = list; l != NULL; l = l->next)
        g_ptr_array_add (files, l->data);
      rf_intake_add_files (self, (GFile **)files->pdata, files->len);
      g_slist_free (list);
    }
  else if (error != NULL)
    g_message ("Cannot paste the files: %s", error->message);
}

static void
paste_text_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RfIntake) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  if (text != NULL)
    rf_intake_add_text (self, text);
  else if (error != NULL)
    g_message ("Cannot paste the text: %s", error->message);
}

void
rf_intake_paste (RfIntake     *self,
                 GdkClipboard *clipboard)
{
  GdkContentFormats *formats;

  g_return_if_fail (RF_IS_INTAKE (self));
  g_return_if_fail (GDK_IS_CLIPBOARD (clipboard));

  formats = gdk_clipboard_get_formats (clipboard);
  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT, self->cancellable,
                                    paste_files_cb, g_object_ref (self));
  else if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE))
    gdk_clipboard_read_texture_async (clipboard, self->cancellable, paste_texture_cb, g_object_ref (self));
  else
    gdk_clipboard_read_text_async (clipboard, self->cancellable, paste_text_cb, g_object_ref (self));
}

static gboolean
paste_shortcut_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  RfIntake *self = user_data;

  rf_intake_paste (self, gtk_widget_get_clipboard (widget));
  return TRUE;
}

/* Dragging: say what a drop will do. */

static void
show_hint (RfIntake   *self,
           const char *icon,
           const char *title,
           const char *description)
{
  gtk_image_set_from_icon_name (self->hint_icon, icon);
  gtk_label_set_text (self->hint_title, title);
  gtk_label_set_text (self->hint_description, description);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

static void
describe_files (RfIntake *self,
                GSList   *files)
{
  guint counts[RF_INTAKE_KIND_TEXT + 1] = { 0 };
  guint n = 0;
  g_autoptr(GString) what = g_string_new (NULL);
  g_autofree char *title = NULL;

  for (GSList *l = files; l != NULL; l = l->next, n++)
    counts[rf_intake_kind_for_file (l->data)]++;

  title = g_strdup_printf (ngettext ("Drop %u File", "Drop %u Files", n), n);
  if (counts[RF_INTAKE_KIND_DOCUMENT] > 0)
    g_string_append_printf (what, ngettext ("%u card or PDF will be read and scored. ",
                                            "%u cards or PDFs will be read and scored. ",
                                            counts[RF_INTAKE_KIND_DOCUMENT]),
                            counts[RF_INTAKE_KIND_DOCUMENT]);
  if (counts[RF_INTAKE_KIND_TABLE] > 0)
    g_string_append_printf (what, ngettext ("%u CSV file opens the import. ",
                                            "%u CSV files open the import. ",
                                            counts[RF_INTAKE_KIND_TABLE]),
                            counts[RF_INTAKE_KIND_TABLE]);
  if (counts[RF_INTAKE_KIND_VCARD] > 0)
    g_string_append_printf (what, ngettext ("%u vCard file will be imported. ",
                                            "%u vCard files will be imported. ",
                                            counts[RF_INTAKE_KIND_VCARD]),
                            counts[RF_INTAKE_KIND_VCARD]);
  if (counts[RF_INTAKE_KIND_TEXT] > 0)
    g_string_append_printf (what, ngettext ("%u text file will be scored as a signal. ",
                                            "%u text files will be scored as signals. ",
                                            counts[RF_INTAKE_KIND_TEXT]),
                            counts[RF_INTAKE_KIND_TEXT]);
  if (counts[RF_INTAKE_KIND_UNSUPPORTED] > 0)
    g_string_append_printf (what, ngettext ("%u file cannot be used.", "%u files cannot be used.",
                                            counts[RF_INTAKE_KIND_UNSUPPORTED]),
                            counts[RF_INTAKE_KIND_UNSUPPORTED]);
  show_hint (self, "document-open-symbolic", title, g_strstrip (what->str));
}

static void
describe_formats (RfIntake          *self,
                  GdkContentFormats *formats)
{
  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    show_hint (self, "document-open-symbolic", _("Drop Files to Add Leads"),
               _("Cards and PDFs are read and scored, CSV files open the import, vCards are imported."));
  else if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE))
    show_hint (self, "image-x-generic-symbolic", _("Drop the Image to Read the Card"),
               _("The text on it is recognized, then scored as a lead."));
  else
    show_hint (self, "edit-paste-symbolic", _("Drop Text to Score It"),
               _("The text becomes a signal and is scored as a lead."));
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               RfIntake      *self)
{
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);

  if (self->engine == NULL)
    return 0;
  if (drop != NULL)
    describe_formats (self, gdk_drop_get_formats (drop));
  return GDK_ACTION_COPY;
}

/* Says what dropping @value would do, as while it is dragged. */
void
rf_intake_preview_drop (RfIntake     *self,
                        const GValue *value)
{
  g_return_if_fail (RF_IS_INTAKE (self));

  if (value == NULL)
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  else if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
      describe_files (self, files);
      g_slist_free (files);
    }
  else if (G_VALUE_HOLDS (value, GDK_TYPE_TEXTURE))
    show_hint (self, "image-x-generic-symbolic", _("Drop the Image to Read the Card"),
               _("The text on it is recognized, then scored as a lead."));
  else
    show_hint (self, "edit-paste-symbolic", _("Drop Text to Score It"),
               _("The text becomes a signal and is scored as a lead."));
}

static void
drop_value_cb (GtkDropTarget *target,
               GParamSpec    *pspec,
               RfIntake      *self)
{
  const GValue *value = gtk_drop_target_get_value (target);

  if (value != NULL && G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) && gtk_widget_get_visible (GTK_WIDGET (self)))
    rf_intake_preview_drop (self, value);
}

static void
drop_leave_cb (GtkDropTarget *target,
               RfIntake      *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         RfIntake      *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  if (self->engine == NULL)
    return FALSE;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *list = gdk_file_list_get_files (g_value_get_boxed (value));
      g_autoptr(GPtrArray) files = g_ptr_array_new ();

      for (GSList *l = list; l != NULL; l = l->next)
        g_ptr_array_add (files, l->data);
      g_slist_free (list);
      if (files->len == 0)
        return FALSE;
      rf_intake_add_files (self, (GFile **)files->pdata, files->len);
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      GFile *file = g_value_get_object (value);
      rf_intake_add_files (self, &file, 1);
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, GDK_TYPE_TEXTURE))
    {
      rf_intake_add_texture (self, g_value_get_object (value));
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_STRING) && g_value_get_string (value) != NULL)
    {
      rf_intake_add_text (self, g_value_get_string (value));
      return TRUE;
    }
  return FALSE;
}

/* The widget. */

void
rf_intake_attach (RfIntake  *self,
                  GtkWidget *widget)
{
  GtkEventController *shortcuts;

  g_return_if_fail (RF_IS_INTAKE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (self->drop_target == NULL);

  self->drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (self->drop_target,
                              (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE, GDK_TYPE_TEXTURE, G_TYPE_STRING }, 4);
  gtk_drop_target_set_preload (self->drop_target, TRUE);
  g_signal_connect_object (self->drop_target, "enter", G_CALLBACK (drop_enter_cb), self, 0);
  g_signal_connect_object (self->drop_target, "notify::value", G_CALLBACK (drop_value_cb), self, 0);
  g_signal_connect_object (self->drop_target, "leave", G_CALLBACK (drop_leave_cb), self, 0);
  g_signal_connect_object (self->drop_target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (self->drop_target));
  g_object_add_weak_pointer (G_OBJECT (self->drop_target), (gpointer *)&self->drop_target);

  /* Bubble phase: an entry with the focus pastes into itself first. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>v"),
                                                          gtk_callback_action_new (paste_shortcut_cb, self, NULL)));
  gtk_widget_add_controller (widget, shortcuts);
}

GtkDropTarget *
rf_intake_get_drop_target (RfIntake *self)
{
  g_return_val_if_fail (RF_IS_INTAKE (self), NULL);
  return self->drop_target;
}
