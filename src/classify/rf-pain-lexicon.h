/* rf-pain-lexicon.h: built-in marketing-pain phrases, role types and the
 * phrases that try to instruct a model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Phrases are stored folded (lower case, words separated by one space), as
 * rf_match_fold() makes them. */
typedef struct
{
  const char         *tag;       /* stored on leads: "lead_gen", ... */
  const char         *label;     /* N_() for the UI */
  const char         *implication;  /* N_(): SPIN implication by rules */
  const char         *need_payoff;  /* N_(): SPIN need-payoff by rules */
  const char * const *phrases;
} RfPainTag;

typedef struct
{
  const char         *role_type;
  const char * const *phrases;
} RfRoleType;

const RfPainTag    *rf_pain_lexicon_get_tags        (guint      *n_tags);
const RfPainTag    *rf_pain_lexicon_lookup_tag      (const char *tag);
const RfRoleType   *rf_pain_lexicon_get_role_types  (guint      *n_role_types);
const char * const *rf_pain_lexicon_get_role_names  (void);
const char * const *rf_pain_lexicon_get_urgency     (void);
const char * const *rf_pain_lexicon_get_chaos       (void);
const char * const *rf_pain_lexicon_get_injection   (void);
const char * const *rf_pain_lexicon_get_buyer_titles (void);

G_END_DECLS
