/* rf-lead-search.h: a lead search's words, as the search index reads them
 * (store only, database thread)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-database.h"
#include "rf-lead-query.h"

G_BEGIN_DECLS

char *rf_lead_search_fts_query (const char *search);

/* Tests a lead's indexed text against a search with the index's own
 * tokenizer, so a lead matches exactly when the index would return it. */
typedef struct _RfLeadSearchMatcher RfLeadSearchMatcher;

RfLeadSearchMatcher *rf_lead_search_matcher_new   (RfDatabase          *database,
                                                   const char          *search);
gboolean             rf_lead_search_matcher_test  (RfLeadSearchMatcher *self,
                                                   const char          *text,
                                                   int                  n_bytes);
void                 rf_lead_search_matcher_free  (RfLeadSearchMatcher *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfLeadSearchMatcher, rf_lead_search_matcher_free)

gboolean rf_lead_search_walk_ids   (RfDatabase         *database,
                                    const RfLeadQuery  *query,
                                    GArray            **ids,
                                    GError            **error);
gboolean rf_lead_search_filter_ids (RfDatabase         *database,
                                    const RfLeadQuery  *query,
                                    GArray            **ids,
                                    GError            **error);

G_END_DECLS
