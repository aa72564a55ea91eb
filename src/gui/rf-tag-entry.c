/* rf-tag-entry.c: chips in a flow box above an entry; tags compare
 * without regard to case, and each is kept once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-tag-entry.h"

struct _RfTagEntry
{
  GtkWidget    parent_instance;

  GPtrArray   *tags;     /* char *, NULL-terminated */
  char        *placeholder;

  GtkFlowBox  *flow_box;
  GtkEntry    *entry;
};

G_DEFINE_FINAL_TYPE (RfTagEntry, rf_tag_entry, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TAGS,
  PROP_PLACEHOLDER_TEXT,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static guint
n_tags (RfTagEntry *self)
{
  return self->tags->len - 1;
}

static int
find_tag (RfTagEntry *self,
          const char *tag)
{
  g_autofree char *wanted = g_utf8_casefold (tag, -1);

  for (guint i = 0; i < n_tags (self); i++)
    {
      g_autofree char *have = g_utf8_casefold (g_ptr_array_index (self->tags, i), -1);
      if (g_str_equal (have, wanted))
        return i;
    }
  return -1;
}

static void
remove_clicked_cb (GtkButton  *button,
                   RfTagEntry *self)
{
  const char *tag = g_object_get_data (G_OBJECT (button), "tag");
  g_autofree char *copy = g_strdup (tag);

  rf_tag_entry_remove_tag (self, copy);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static GtkWidget *
create_chip (RfTagEntry *self,
             const char *tag)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (tag);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), tag);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_widget_add_css_class (box, "tag-chip");
  /* As wide as its words: a flow box lines its cells up in columns. */
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (remove), "tag", g_strdup (tag), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), remove);
  return box;
}

static void
rebuild (RfTagEntry *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box))) != NULL)
    gtk_flow_box_remove (self->flow_box, child);
  for (guint i = 0; i < n_tags (self); i++)
    {
      gtk_flow_box_append (self->flow_box, create_chip (self, g_ptr_array_index (self->tags, i)));
      /* Chips are reached by their × buttons, not as flow box children. */
      gtk_widget_set_focusable (GTK_WIDGET (gtk_flow_box_get_child_at_index (self->flow_box, i)), FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->flow_box), n_tags (self) > 0);
}

static void
changed (RfTagEntry *self)
{
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

gboolean
rf_tag_entry_add_tag (RfTagEntry *self,
                      const char *tag)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (RF_IS_TAG_ENTRY (self), FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);

  clean = g_strstrip (g_strdup (tag));
  if (*clean == '\0' || find_tag (self, clean) >= 0)
    return FALSE;
  g_ptr_array_insert (self->tags, n_tags (self), g_steal_pointer (&clean));
  changed (self);
  return TRUE;
}

gboolean
rf_tag_entry_remove_tag (RfTagEntry *self,
                         const char *tag)
{
  int i;

  g_return_val_if_fail (RF_IS_TAG_ENTRY (self), FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);

  i = find_tag (self, tag);
  if (i < 0)
    return FALSE;
  g_ptr_array_remove_index (self->tags, i);
  changed (self);
  return TRUE;
}

void
rf_tag_entry_commit (RfTagEntry *self)
{
  const char *text;
  g_auto(GStrv) parts = NULL;
  gboolean any = FALSE;

  g_return_if_fail (RF_IS_TAG_ENTRY (self));

  /* A pasted list ("saas, fintech") becomes several tags. */
  text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *clean = g_strstrip (g_strdup (parts[i]));

      if (*clean == '\0' || find_tag (self, clean) >= 0)
        continue;
      g_ptr_array_insert (self->tags, n_tags (self), g_steal_pointer (&clean));
      any = TRUE;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  if (any)
    changed (self);
}

static void
entry_activate_cb (RfTagEntry *self)
{
  rf_tag_entry_commit (self);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                RfTagEntry            *self)
{
  /* Backspace in an empty entry takes back the last tag. */
  if (keyval == GDK_KEY_BackSpace && n_tags (self) > 0
      && *gtk_editable_get_text (GTK_EDITABLE (self->entry)) == '\0')
    {
      g_ptr_array_remove_index (self->tags, n_tags (self) - 1);
      changed (self);
      return TRUE;
    }
  return FALSE;
}

const char * const *
rf_tag_entry_get_tags (RfTagEntry *self)
{
  g_return_val_if_fail (RF_IS_TAG_ENTRY (self), NULL);
  return (const char * const *)self->tags->pdata;
}

void
rf_tag_entry_set_tags (RfTagEntry         *self,
                       const char * const *tags)
{
  g_return_if_fail (RF_IS_TAG_ENTRY (self));

  g_ptr_array_set_size (self->tags, 0);
  g_ptr_array_add (self->tags, NULL);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    if (*tags[i] != '\0' && find_tag (self, tags[i]) < 0)
      g_ptr_array_insert (self->tags, n_tags (self), g_strdup (tags[i]));
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

guint
rf_tag_entry_get_n_tags (RfTagEntry *self)
{
  g_return_val_if_fail (RF_IS_TAG_ENTRY (self), 0);
  return n_tags (self);
}

GtkEditable *
rf_tag_entry_get_editable (RfTagEntry *self)
{
  g_return_val_if_fail (RF_IS_TAG_ENTRY (self), NULL);
  return GTK_EDITABLE (self->entry);
}

static void
rf_tag_entry_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RF_TYPE_TAG_ENTRY);
  /* The template's top widget is not bound: GTK 4.8 leaves it. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (rf_tag_entry_parent_class)->dispose (object);
}

static void
rf_tag_entry_finalize (GObject *object)
{
  RfTagEntry *self = RF_TAG_ENTRY (object);

  g_ptr_array_unref (self->tags);
  g_free (self->placeholder);
  G_OBJECT_CLASS (rf_tag_entry_parent_class)->finalize (object);
}

static void
rf_tag_entry_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RfTagEntry *self = RF_TAG_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags->pdata);
      break;
    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, gtk_entry_get_placeholder_text (self->entry));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_tag_entry_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RfTagEntry *self = RF_TAG_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TAGS:
      rf_tag_entry_set_tags (self, g_value_get_boxed (value));
      break;
    case PROP_PLACEHOLDER_TEXT:
      gtk_entry_set_placeholder_text (self->entry, g_value_get_string (value));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      g_value_get_string (value), -1);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
rf_tag_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (RF_TAG_ENTRY (widget)->entry));
}

static void
rf_tag_entry_class_init (RfTagEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rf_tag_entry_dispose;
  object_class->finalize = rf_tag_entry_finalize;
  object_class->get_property = rf_tag_entry_get_property;
  object_class->set_property = rf_tag_entry_set_property;
  widget_class->grab_focus = rf_tag_entry_grab_focus;

  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user added or removed a tag (not emitted by set_tags). */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gui/rf-tag-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, RfTagEntry, flow_box);
  gtk_widget_class_bind_template_child (widget_class, RfTagEntry, entry);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rf_tag_entry_init (RfTagEntry *self)
{
  self->tags = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->tags, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild (self);
}

GtkWidget *
rf_tag_entry_new (void)
{
  return g_object_new (RF_TYPE_TAG_ENTRY, NULL);
}
