/* rf-pain-lexicon.c: the words the rules classifier knows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-classify"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rf-pain-lexicon.h"

static const char * const lead_gen[] = {
  "lead generation", "lead gen", "more leads", "not enough leads", "need leads", "sales pipeline",
  "our pipeline", "empty pipeline", "thin pipeline", "fill the pipeline", "more pipeline", "build pipeline",
  "need more customers", "not enough customers", "demand generation", "few inquiries",
  "no inbound", "get customers", NULL
};
static const char * const scaling_ads[] = {
  "scaling ads", "scale ads", "scale our ads", "paid ads", "facebook ads", "meta ads",
  "google ads", "tiktok ads", "roas", "rising cac", "cac", "ad spend", "cost per acquisition",
  "paid social", "performance marketing", "ad costs", "ad cost", "cost per click", "cpc", "cpa",
  "ads stopped working", "ads not working", "ads are not working", "paid growth", NULL
};
static const char * const no_system[] = {
  "no marketing system", "no system", "no process", "no processes", "no strategy",
  "no marketing strategy", "no marketing", "marketing from scratch", "function from scratch",
  "in spreadsheets", "on spreadsheets", "ad hoc",
  "no playbook", "nothing in place", "no crm", NULL
};
static const char * const first_marketer_hell[] = {
  "first marketer", "first marketing hire", "founding marketer", "first marketing",
  "wear many hats", "wearing many hats", "one person marketing", "marketing team of one",
  "solo marketer", "only marketer", "build the marketing function", "no marketing person",
  "no marketer", "no marketing hire", "first dedicated marketer", "first in house marketer",
  "first full time marketer", "first marketing person", "first marketing role", NULL
};
static const char * const chaos_culture[] = {
  "fast paced", "chaos", "chaotic", "scrappy", "ambiguity", "move fast", "constantly changing",
  "startup pace", "hustle", "all hands on deck", NULL
};
/* Phrases about the company's own agency or freelancers: "agency" alone
 * is also what an agency calls itself, "freelancers" whom an app serves. */
static const char * const agency_churn[] = {
  "agency not delivering", "replace our agency", "replace the agency", "fired our agency",
  "our agency", "our agencies", "the agency", "agency churn", "agency churned", "changed agencies",
  "switched agencies", "through agencies", "two agencies", "three agencies", "agency isnt",
  "our freelancer", "our freelancers", "hired freelancers", "outsourced marketing", NULL
};
static const char * const founder_led[] = {
  "founder led", "founder led sales", "i do all the marketing", "no time for marketing",
  "no time to market", "no time to post", "doing everything myself", "i do everything", "founder does marketing",
  "dont have time", "dont have the time", "doing it on the side", "marketing on the side", "on top of their day job", "the owners do",
  "the founders do", "owner does the marketing", NULL
};
static const char * const stalled_growth[] = {
  "plateau", "plateaued", "stalled", "flat sales", "growth has slowed", "growth slowed",
  "declining sales", "sales dropped", "churn", "retention", "conversion rate",
  "low conversion", "inconsistent sales", "inconsistent pipeline", "sales are flat", "are flat",
  "flatlined", "tanked", "has tanked", "have dropped", "has dropped", "dropped from",
  "repeat customers", "repeat purchases", "abandoned carts", NULL
};
static const char * const no_brand[] = {
  "no brand", "brand awareness", "nobody knows us", "no one knows", "invisible online", "we are invisible",
  "feel invisible",
  "no website traffic", "low traffic", "no seo", "no content", NULL
};

static const RfPainTag pain_tags[] = {
  { "lead_gen", N_("Lead generation"),
    N_("Without a steady flow of leads, revenue depends on luck and referrals."),
    N_("A predictable pipeline of qualified leads every week."), lead_gen },
  { "scaling_ads", N_("Scaling ads"),
    N_("Ad spend grows faster than revenue, so every new customer costs more."),
    N_("Paid channels that scale at a cost per customer the business can afford."), scaling_ads },
  { "no_system", N_("No marketing system"),
    N_("Marketing happens in bursts and nothing compounds."),
    N_("A simple, repeatable marketing system that runs every week."), no_system },
  { "first_marketer_hell", N_("First marketer"),
    N_("A first marketer without a plan is set up to fail and burn out."),
    N_("A first hire who lands with a plan, priorities and support."), first_marketer_hell },
  { "chaos_culture", N_("Chaos culture"),
    N_("Priorities change weekly, so campaigns are started and never finished."),
    N_("Focus: a few channels done well, measured and improved."), chaos_culture },
  { "agency_churn", N_("Agency churn"),
    N_("Money goes to agencies and freelancers without lasting results in-house."),
    N_("Marketing that the team owns and understands."), agency_churn },
  { "founder_led", N_("Founder-led marketing"),
    N_("The founder's time is the bottleneck for growth."),
    N_("Marketing that runs without the founder doing all of it."), founder_led },
  { "stalled_growth", N_("Stalled growth"),
    N_("Flat growth invites competitors and drains morale and cash."),
    N_("Growth back on track with the levers that move it."), stalled_growth },
  { "no_brand", N_("No brand awareness"),
    N_("Nobody searches for a brand they have never heard of."),
    N_("A brand the right buyers recognise and trust."), no_brand },
};

static const char * const role_first_marketer[] = {
  "first marketer", "first marketing hire", "founding marketer", "first marketing", "first dedicated marketer",
  "first in house marketer", "first full time marketer", NULL
};
static const char * const role_agency_replacement[] = {
  "replace our agency", "replace the agency", "agency not delivering", "fired our agency",
  "bring marketing in house", "in house marketing", NULL
};
static const char * const role_marketing_leader[] = {
  "head of marketing", "vp marketing", "vp of marketing", "cmo", "chief marketing officer",
  "marketing director", "director of marketing", "marketing lead", "director of demand generation",
  "head of demand generation", "vp of demand generation", NULL
};
static const char * const role_growth_marketer[] = {
  "growth marketer", "growth hacker", "growth manager", "head of growth", "growth lead", "vp growth",
  "vp of growth", "growth director", NULL
};
static const char * const role_performance_marketer[] = {
  "performance marketer", "performance marketing", "paid media", "ppc", "media buyer",
  "paid social manager", NULL
};
static const char * const role_content_marketer[] = {
  "content marketer", "content manager", "copywriter", "seo specialist", "seo manager",
  "content writer", "social media manager", NULL
};
static const char * const role_marketing_manager[] = {
  "marketing manager", "marketing coordinator", "marketing generalist", "marketing specialist",
  "ecommerce manager", "email marketer", "brand manager", "marketing associate", NULL
};
static const char * const role_founder[] = {
  "founder", "co founder", "cofounder", "ceo", "owner", "managing director", NULL
};

/* In order: the first role whose phrase is found wins. */
static const RfRoleType role_types[] = {
  { "first_marketer", role_first_marketer },
  { "agency_replacement", role_agency_replacement },
  { "marketing_leader", role_marketing_leader },
  { "growth_marketer", role_growth_marketer },
  { "performance_marketer", role_performance_marketer },
  { "content_marketer", role_content_marketer },
  { "marketing_manager", role_marketing_manager },
  { "founder", role_founder },
};

static const char * const role_names[] = {
  "first_marketer", "agency_replacement", "marketing_leader", "growth_marketer",
  "performance_marketer", "content_marketer", "marketing_manager", "founder", "unknown", NULL
};

static const char * const urgency[] = {
  "help", "asap", "urgent", "urgently", "immediately", "right away", "desperate",
  "struggling", "need help", "as soon as possible", NULL
};

/* What a signal says when it tries to talk to the model instead of about a
 * company: such a signal gets no benefit of the doubt from the model. */
static const char * const injection[] = {
  "ignore previous instructions", "ignore all previous", "ignore the previous",
  "ignore the above", "ignore your instructions", "disregard previous",
  "disregard all previous", "disregard the above", "forget your instructions",
  "new instructions", "system prompt", "you are now", "score 100",
  "score of 100", "score this lead", "rate this lead", "give this lead",
  "set the score", "set score", "maximum score", "highest score", "pain score 40",
  "fit score 50", "icp match true", "mark as red hot", "classify this as", NULL
};

static const char * const buyer_titles[] = {
  "founder", "co founder", "cofounder", "ceo", "owner", "managing director", "president",
  "general manager", "coo", "cmo", "chief", "partner", NULL
};

const RfPainTag *
rf_pain_lexicon_get_tags (guint *n_tags)
{
  *n_tags = G_N_ELEMENTS (pain_tags);
  return pain_tags;
}

const RfPainTag *
rf_pain_lexicon_lookup_tag (const char *tag)
{
  for (guint i = 0; tag != NULL && i < G_N_ELEMENTS (pain_tags); i++)
    if (g_str_equal (pain_tags[i].tag, tag))
      return &pain_tags[i];
  return NULL;
}

const RfRoleType *
rf_pain_lexicon_get_role_types (guint *n_role_types)
{
  *n_role_types = G_N_ELEMENTS (role_types);
  return role_types;
}

const char * const *
rf_pain_lexicon_get_role_names (void)
{
  return role_names;
}

const char * const *
rf_pain_lexicon_get_urgency (void)
{
  return urgency;
}

const char * const *
rf_pain_lexicon_get_chaos (void)
{
  return chaos_culture;
}

const char * const *
rf_pain_lexicon_get_injection (void)
{
  return injection;
}

const char * const *
rf_pain_lexicon_get_buyer_titles (void)
{
  return buyer_titles;
}
