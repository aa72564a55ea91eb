/* rf-intake-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-intake-item.h"

struct _RfIntakeItem
{
  GObject            parent_instance;

  char              *title;
  GFile             *file;
  RfIntakeItemPhase  phase;
  char              *message;
  gint64             lead_id;
  gint64             contact_id;
  gboolean           has_fields;
  RfIntakeField      fields[RF_CARD_REVIEW_N_FIELDS];
};

G_DEFINE_FINAL_TYPE (RfIntakeItem, rf_intake_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_PHASE,
  PROP_MESSAGE,
  PROP_LEAD_ID,
  PROP_HAS_FIELDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rf_intake_item_finalize (GObject *object)
{
  RfIntakeItem *self = RF_INTAKE_ITEM (object);

  g_free (self->title);
  g_clear_object (&self->file);
  g_free (self->message);
  for (guint i = 0; i < RF_CARD_REVIEW_N_FIELDS; i++)
    g_free (self->fields[i].value);

  G_OBJECT_CLASS (rf_intake_item_parent_class)->finalize (object);
}

static void
rf_intake_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RfIntakeItem *self = RF_INTAKE_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PHASE:
      g_value_set_int (value, self->phase);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_LEAD_ID:
      g_value_set_int64 (value, self->lead_id);
      break;
    case PROP_HAS_FIELDS:
      g_value_set_boolean (value, self->has_fields);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_intake_item_class_init (RfIntakeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rf_intake_item_finalize;
  object_class->get_property = rf_intake_item_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHASE] =
    g_param_spec_int ("phase", NULL, NULL, RF_INTAKE_ITEM_QUEUED, RF_INTAKE_ITEM_FAILED, RF_INTAKE_ITEM_QUEUED,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LEAD_ID] =
    g_param_spec_int64 ("lead-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HAS_FIELDS] =
    g_param_spec_boolean ("has-fields", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rf_intake_item_init (RfIntakeItem *self)
{
}

/* @file: (nullable): the file it came from, if any */
RfIntakeItem *
rf_intake_item_new (const char *title,
                    GFile      *file)
{
  RfIntakeItem *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (RF_TYPE_INTAKE_ITEM, NULL);
  self->title = g_strdup (title);
  self->file = file != NULL ? g_object_ref (file) : NULL;
  return self;
}

const char *
rf_intake_item_get_title (RfIntakeItem *self)
{
  g_return_val_if_fail (RF_IS_INTAKE_ITEM (self), NULL);
  return self->title;
}

GFile *
rf_intake_item_get_file (RfIntakeItem *self)
{
  g_return_val_if_fail (RF_IS_INTAKE_ITEM (self), NULL);
  return self->file;
}

RfIntakeItemPhase
rf_intake_item_get_phase (RfIntakeItem *self)
{
  g_return_val_if_fail (RF_IS_INTAKE_ITEM (self), RF_INTAKE_ITEM_FAILED);
  return self->phase;
}

void
rf_intake_item_set_phase (RfIntakeItem      *self,
                          RfIntakeItemPhase  phase)
{
  g_return_if_fail (RF_IS_INTAKE_ITEM (self));

  if (self->phase == phase)
    return;
  self->phase = phase;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
}

const char *
rf_intake_item_get_message (RfIntakeItem *self)
{
  g_return_val_if_fail (RF_IS_INTAKE_ITEM (self), NULL);
  return self->message;
}

static void
set_message (RfIntakeItem *self,
             const char   *message)
{
  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

void
rf_intake_item_fail (RfIntakeItem *self,
                     const char   *message)
{
  g_return_if_fail (RF_IS_INTAKE_ITEM (self));

  set_message (self, message);
  rf_intake_item_set_phase (self, RF_INTAKE_ITEM_FAILED);
}

/* @message: (nullable): a note, e.g. "seen before" */
void
rf_intake_item_finish (RfIntakeItem *self,
                       gint64        lead_id,
                       const char   *message)
{
  g_return_if_fail (RF_IS_INTAKE_ITEM (self));

  set_message (self, message);
  if (self->lead_id != lead_id)
    {
      self->lead_id = lead_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD_ID]);
    }
  rf_intake_item_set_phase (self, RF_INTAKE_ITEM_DONE);
}

gint64
rf_intake_item_get_lead_id (RfIntakeItem *self)
{
  g_return_val_if_fail (RF_IS_INTAKE_ITEM (self), 0);
  return self->lead_id;
}

gint64
rf_intake_item_get_contact_id (RfIntakeItem *self)
{
  g_return_val_if_fail (RF_IS_INTAKE_ITEM (self), 0);
  return self->contact_id;
}

void
rf_intake_item_set_contact_id (RfIntakeItem *self,
                               gint64        contact_id)
{
  g_return_if_fail (RF_IS_INTAKE_ITEM (self));
  self->contact_id = contact_id;
}

gboolean
rf_intake_item_has_fields (RfIntakeItem *self)
{
  g_return_val_if_fail (RF_IS_INTAKE_ITEM (self), FALSE);
  return self->has_fields;
}

const RfIntakeField *
rf_intake_item_get_field (RfIntakeItem      *self,
                          RfCardReviewField  field)
{
  g_return_val_if_fail (RF_IS_INTAKE_ITEM (self), NULL);
  g_return_val_if_fail (field < RF_CARD_REVIEW_N_FIELDS, NULL);
  return &self->fields[field];
}

void
rf_intake_item_set_field (RfIntakeItem      *self,
                          RfCardReviewField  field,
                          const char        *value,
                          double             confidence,
                          gboolean           unsure)
{
  g_return_if_fail (RF_IS_INTAKE_ITEM (self));
  g_return_if_fail (field < RF_CARD_REVIEW_N_FIELDS);

  g_free (self->fields[field].value);
  self->fields[field].value = g_strdup (value);
  self->fields[field].confidence = CLAMP (confidence, 0.0, 1.0);
  self->fields[field].unsure = unsure;
  if (!self->has_fields)
    {
      self->has_fields = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_FIELDS]);
    }
}

guint
rf_intake_item_count_unsure (RfIntakeItem *self)
{
  guint n = 0;

  g_return_val_if_fail (RF_IS_INTAKE_ITEM (self), 0);

  for (guint i = 0; i < RF_CARD_REVIEW_N_FIELDS; i++)
    n += self->fields[i].value != NULL && self->fields[i].unsure;
  return n;
}

const char *
rf_intake_item_phase_label (RfIntakeItemPhase phase)
{
  switch (phase)
    {
    case RF_INTAKE_ITEM_QUEUED:
      return _("Waiting");
    case RF_INTAKE_ITEM_READING:
      return _("Reading");
    case RF_INTAKE_ITEM_RECOGNIZING:
      /* Translators: optical character recognition of a card or PDF */
      return _("Recognizing text");
    case RF_INTAKE_ITEM_CLASSIFYING:
      return _("Classifying");
    case RF_INTAKE_ITEM_IMPORTING:
      return _("Importing");
    case RF_INTAKE_ITEM_DONE:
      return _("Done");
    case RF_INTAKE_ITEM_FAILED:
      return _("Failed");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
rf_card_review_field_label (RfCardReviewField field)
{
  static const char * const labels[] = {
    N_("Name"), N_("Title"), N_("Company"), N_("Email"), N_("Phone"), N_("Website"), N_("Address"),
  };

  g_return_val_if_fail (field < RF_CARD_REVIEW_N_FIELDS, NULL);
  return _(labels[field]);
}
