/* rf-lead-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include "rf-lead-row.h"

struct _RfLeadRow
{
  GObject  parent_instance;

  gint64   id;
  RfLead  *lead;
};

G_DEFINE_FINAL_TYPE (RfLeadRow, rf_lead_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LEAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rf_lead_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RfLeadRow *self = RF_LEAD_ROW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_LEAD:
      g_value_set_object (value, rf_lead_row_get_lead (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_lead_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RfLeadRow *self = RF_LEAD_ROW (object);

  switch (prop_id)
    {
    case PROP_ID:
      rf_lead_row_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_LEAD:
      rf_lead_row_set_lead (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_lead_row_finalize (GObject *object)
{
  RfLeadRow *self = RF_LEAD_ROW (object);

  g_clear_object (&self->lead);

  G_OBJECT_CLASS (rf_lead_row_parent_class)->finalize (object);
}

static void
rf_lead_row_class_init (RfLeadRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rf_lead_row_finalize;
  object_class->get_property = rf_lead_row_get_property;
  object_class->set_property = rf_lead_row_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEAD] =
    g_param_spec_object ("lead", NULL, NULL, RF_TYPE_LEAD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rf_lead_row_init (RfLeadRow *self)
{
}

RfLeadRow *
rf_lead_row_new (gint64 id)
{
  /* Views may ask for every row of a big list at once: no property
   * parsing here. */
  RfLeadRow *self = g_object_new (RF_TYPE_LEAD_ROW, NULL);

  self->id = id;
  return self;
}

gint64
rf_lead_row_get_id (RfLeadRow *self)
{
  g_return_val_if_fail (RF_IS_LEAD_ROW (self), 0);

  return self->id;
}

void
rf_lead_row_set_id (RfLeadRow *self,
                    gint64     id)
{
  g_return_if_fail (RF_IS_LEAD_ROW (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/* The row's lead, NULL until it is loaded. */
RfLead *
rf_lead_row_get_lead (RfLeadRow *self)
{
  g_return_val_if_fail (RF_IS_LEAD_ROW (self), NULL);

  if (self->lead == NULL || rf_lead_get_id (self->lead) != self->id)
    return NULL;
  return self->lead;
}

void
rf_lead_row_set_lead (RfLeadRow *self,
                      RfLead    *lead)
{
  g_return_if_fail (RF_IS_LEAD_ROW (self));
  g_return_if_fail (lead == NULL || RF_IS_LEAD (lead));

  if (g_set_object (&self->lead, lead))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD]);
}
