/* rf-lead-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-store"

#include "rf-lead-query.h"

G_DEFINE_BOXED_TYPE (RfLeadQuery, rf_lead_query, rf_lead_query_copy, rf_lead_query_free)

RfLeadQuery *
rf_lead_query_new (void)
{
  return g_new0 (RfLeadQuery, 1);
}

RfLeadQuery *
rf_lead_query_copy (const RfLeadQuery *self)
{
  RfLeadQuery *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->search = g_strdup (self->search);
  copy->classifier = g_strdup (self->classifier);
  copy->import_batch = g_strdup (self->import_batch);
  if (self->ids != NULL)
    {
      copy->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->ids->len);
      g_array_append_vals (copy->ids, self->ids->data, self->ids->len);
    }
  return copy;
}

void
rf_lead_query_free (RfLeadQuery *self)
{
  if (self == NULL)
    return;

  g_free (self->search);
  g_free (self->classifier);
  g_free (self->import_batch);
  g_clear_pointer (&self->ids, g_array_unref);
  g_free (self);
}

/* Trims; blank means no search. */
void
rf_lead_query_set_search (RfLeadQuery *self,
                          const char  *search)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (search != NULL ? search : ""));

  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->search, g_free);
  if (*trimmed != '\0')
    self->search = g_steal_pointer (&trimmed);
}
