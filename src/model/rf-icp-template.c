/* rf-icp-template.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rf-icp-template.h"

const char * const rf_size_buckets[] = { "1", "2-10", "11-50", "51-200", "201-500", "501+", NULL };

static const char * const template_ids[] = { "solo-founder", "small-d2c", NULL };

const char * const *
rf_icp_template_list_ids (void)
{
  return template_ids;
}

/* The seed's pre-built profiles, filled in with criteria a seller would
 * start from. Returns NULL for an unknown id. */
RfIcpProfile *
rf_icp_template_new (const char *template_id)
{
  RfIcpProfile *profile;

  g_return_val_if_fail (template_id != NULL, NULL);

  if (g_str_equal (template_id, "solo-founder"))
    {
      static const char * const sizes[] = { "1", "2-10", NULL };
      static const char * const industries[] = { "ecommerce", "d2c", "saas", "consumer apps", NULL };
      static const char * const hiring[] = {
        "marketing manager", "growth marketer", "growth hacker", "first marketer",
        "head of marketing", "marketing lead", "founding marketer", NULL
      };
      static const char * const pain[] = {
        "lead generation", "scaling ads", "no marketing system", "founder-led sales",
        "inconsistent pipeline", "no time for marketing", "wearing many hats",
        "need more customers", NULL
      };

      profile = rf_icp_profile_new ();
      rf_icp_profile_set_name (profile, _("Solo founder"));
      rf_icp_profile_set_description (profile,
                                      _("A solo founder running a D2C or SaaS business who is hiring, "
                                        "or about to hire, a first marketer"));
      rf_icp_profile_set_size_buckets (profile, sizes);
      rf_icp_profile_set_industries (profile, industries);
      rf_icp_profile_set_hiring_keywords (profile, hiring);
      rf_icp_profile_set_pain_keywords (profile, pain);
      return profile;
    }

  if (g_str_equal (template_id, "small-d2c"))
    {
      static const char * const sizes[] = { "2-10", "11-50", NULL };
      static const char * const industries[] = {
        "d2c", "ecommerce", "consumer goods", "beauty", "fashion", "food & beverage", NULL
      };
      static const char * const hiring[] = {
        "performance marketer", "growth marketer", "marketing manager", "social media manager",
        "ecommerce manager", "email marketer", NULL
      };
      static const char * const pain[] = {
        "rising cac", "roas", "scaling ads", "retention", "conversion rate",
        "agency not delivering", "inconsistent sales", "email marketing", NULL
      };

      profile = rf_icp_profile_new ();
      rf_icp_profile_set_name (profile, _("Small D2C"));
      rf_icp_profile_set_description (profile,
                                      _("A direct-to-consumer brand of 2-50 people whose paid growth "
                                        "has stalled and who needs a marketing engine"));
      rf_icp_profile_set_size_buckets (profile, sizes);
      rf_icp_profile_set_industries (profile, industries);
      rf_icp_profile_set_hiring_keywords (profile, hiring);
      rf_icp_profile_set_pain_keywords (profile, pain);
      return profile;
    }

  return NULL;
}
