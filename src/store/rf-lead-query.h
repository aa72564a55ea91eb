/* rf-lead-query.h: which leads to list, and in what order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rf-enums.h"

G_BEGIN_DECLS

typedef enum {
  RF_LEAD_SORT_SCORE,
  RF_LEAD_SORT_COMPANY,
  RF_LEAD_SORT_CONTACT,
  RF_LEAD_SORT_ROLE_TYPE,
  RF_LEAD_SORT_STATUS,
  RF_LEAD_SORT_SOURCE,
  RF_LEAD_SORT_PROFILE,
  RF_LEAD_SORT_CREATED,
} RfLeadSort;

#define RF_TYPE_LEAD_QUERY (rf_lead_query_get_type ())

/* The seed's lead filters. Zero values mean "any": an empty mask, a
 * min_score of 0, an icp_id of 0, a NULL string. */
typedef struct
{
  guint       bucket_mask;   /* bits of 1 << RfScoreBucket */
  guint       status_mask;   /* bits of 1 << RfLeadStatus */
  double      min_score;
  gint64      icp_id;
  char       *search;        /* company, contact, email, tags, role, notes */
  char       *classifier;    /* exact: "rules", "ollama:gemma3:1b" */
  char       *import_batch;
  GArray     *ids;           /* gint64: only these leads (a selection); NULL: all */
  RfLeadSort  sort;
  gboolean    ascending;     /* default: descending, hottest first */
  guint       offset;
  guint       limit;         /* 0: no limit */
} RfLeadQuery;

GType        rf_lead_query_get_type (void) G_GNUC_CONST;
RfLeadQuery *rf_lead_query_new      (void);
RfLeadQuery *rf_lead_query_copy     (const RfLeadQuery *self);
void         rf_lead_query_free     (RfLeadQuery       *self);
void         rf_lead_query_set_search (RfLeadQuery     *self,
                                       const char      *search);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfLeadQuery, rf_lead_query_free)

G_END_DECLS
