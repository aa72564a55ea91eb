/* rf-bench-seed.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "rf-bench-seed.h"
#include "rf-company-dao.h"
#include "rf-contact-dao.h"
#include "rf-database-private.h"
#include "rf-icp-dao.h"
#include "rf-icp-template.h"
#include "rf-lead-dao.h"
#include "rf-scoring.h"
#include "rf-signal-dao.h"

#define BATCH 2000

static const char * const company_words[] = {
  "Kettle", "Juniper", "Northwind", "Bluebell", "Copper", "Saffron", "Harbor", "Maple", "Orbit", "Pebble",
  "Quill", "Rook", "Sable", "Tidal", "Umber", "Velvet", "Willow", "Yarrow", "Zephyr", "Acorn",
};
static const char * const company_kinds[] = {
  "& Co", "Labs", "Goods", "Coffee", "Skincare", "Apparel", "Botanicals", "Studio", "Outdoors", "Kitchen",
};
static const char * const first_names[] = {
  "Priya", "Tom", "Amara", "Lukas", "Sofia", "Kenji", "Maya", "Omar", "Elena", "Sam",
  "Chloe", "Diego", "Hana", "Ivan", "Nora", "Ravi",
};
static const char * const last_names[] = {
  "Raman", "Fletcher", "Okafor", "Becker", "Rossi", "Tanaka", "Levi", "Haddad", "Novak", "Carter",
  "Dubois", "Alvarez", "Kim", "Petrov", "Lind", "Mehta",
};
static const char * const roles[] = { "founder", "marketing_lead", "first_marketer", "ops_manager", "ceo", "growth_lead" };
static const char * const tag_words[] = {
  "scaling_ads", "rising_cac", "retention", "no_system", "agency_not_delivering", "email_marketing",
  "first_marketer_hell", "conversion_rate",
};
static const char * const texts[] = {
  "We're hiring a performance marketer. Our Meta ads stopped scaling after $20k/month and CAC keeps rising; "
  "the agency we use is not delivering.",
  "Small skincare brand (12 people) looking for a growth marketer to own email and retention. Repeat purchase "
  "rate is flat and we have no real system for flows.",
  "Job post: Marketing Manager, DTC coffee subscription. You'll fix our conversion rate on Shopify and build "
  "the first proper reporting.",
  "Met at the London retail expo. Founder, outdoor apparel. Said sales are inconsistent month to month and "
  "they're thinking of hiring their first marketer.",
  "Website: handmade kitchenware, ships across the EU. Careers page lists 'Social media manager (part time)'.",
};

typedef struct
{
  guint    start;
  guint    count;
  gboolean rich;
  gint64   icp_id;
} Batch;

static double
score_for (guint i)
{
  /* Skewed low, as real intake is: few red hot, many parked. */
  guint32 h = i * 2654435761u;
  double u = (h >> 8) / (double)(1 << 24);

  return CLAMP (100.0 * (1.0 - sqrt (u)) * 1.05, 0, 100);
}

static void
fill_rich (RfLead *lead,
           guint   i)
{
  RfClassification *c = rf_lead_get_classification (lead);
  const char * const criteria[] = { "size 2-10", "industry: d2c", i % 2 ? "hiring: performance marketer" : NULL, NULL };
  const char * const keywords[] = { "scaling ads", i % 3 ? "rising cac" : "retention", NULL };
  const char * const flags[] = { "founder does marketing", i % 2 ? "agency churn" : NULL, NULL };

  rf_classification_set_explanation (c, "Fits the Small D2C profile: a consumer brand of about ten people hiring "
                                        "its first performance marketer. The post names ads that stopped scaling "
                                        "and rising acquisition costs.");
  rf_classification_set_matched_criteria (c, criteria);
  rf_classification_set_matched_keywords (c, keywords);
  rf_classification_set_prompt_version (c, "classify-v3");
  rf_classification_set_spin_situation (c, "Ten-person DTC brand, founder-led marketing, one agency on paid social.");
  rf_classification_set_spin_problem (c, "Paid growth stalled at about $20k a month; CAC up 40% since spring.");
  rf_classification_set_spin_implication (c, "Without a working channel the Q4 inventory order cannot be funded.");
  rf_classification_set_spin_need_payoff (c, "A marketing engine that turns spend into predictable first orders.");
  rf_classification_set_meddic_economic_buyer (c, "The founder");
  rf_classification_set_meddic_key_pain (c, "Ads not scaling");
  rf_classification_set_meddic_chaos_flags (c, flags);

  if (rf_lead_get_total_score (lead) >= 80)
    {
      g_autoptr(RfDossier) dossier = rf_dossier_new ();
      const char * const why[] = { "Ad spend doubled while orders stayed flat",
                                   "No one owns retention: email is a monthly newsletter",
                                   "The agency reports clicks, not customers", NULL };
      const char * const angles[] = { "Show the CAC curve of a similar brand before and after",
                                      "Offer a two-week retention audit",
                                      "Lead with the Q4 inventory risk", NULL };

      rf_dossier_set_snapshot (dossier, "Founder-led DTC brand at the ceiling of paid social.");
      rf_dossier_set_why_pain (dossier, why);
      rf_dossier_set_uncomfortable_truth (dossier, "More ad budget will not fix a funnel that leaks after the first order.");
      rf_dossier_set_reframe (dossier, "Growth is a retention problem disguised as an acquisition problem.");
      rf_dossier_set_best_angle (dossier, angles);
      rf_dossier_set_challenger_insight (dossier, "Brands this size that fix repeat purchase first cut CAC by a third.");
      rf_dossier_set_model (dossier, "gemma3:4b");
      rf_lead_set_dossier (lead, dossier);
    }
}

static gpointer
seed_work (RfDatabase    *database,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Batch *batch = data;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (!rf_database_transaction_begin (database, error))
    return NULL;

  for (guint i = batch->start; i < batch->start + batch->count; i++)
    {
      g_autoptr(RfCompany) company = rf_company_new ();
      g_autoptr(RfContact) contact = rf_contact_new ();
      g_autoptr(RfSignal) signal = rf_signal_new ();
      g_autoptr(RfLead) lead = rf_lead_new ();
      RfClassification *c = rf_lead_get_classification (lead);
      guint k = i / 2;   /* two leads per company */
      const char *word = company_words[k % G_N_ELEMENTS (company_words)];
      const char *kind = company_kinds[(k / G_N_ELEMENTS (company_words)) % G_N_ELEMENTS (company_kinds)];
      g_autofree char *name = k < 200 ? g_strdup_printf ("%s %s", word, kind)
                                      : g_strdup_printf ("%s %s %u", word, kind, k / 200);
      g_autofree char *slug = g_ascii_strdown (word, -1);
      g_autofree char *website = g_strdup_printf ("%s%u.example", slug, k);
      const char *first = first_names[i % G_N_ELEMENTS (first_names)];
      const char *last = last_names[(i / 3) % G_N_ELEMENTS (last_names)];
      g_autofree char *person = g_strdup_printf ("%s %s", first, last);
      g_autofree char *first_lower = g_ascii_strdown (first, -1);
      g_autofree char *email = g_strdup_printf ("%s@%s", first_lower, website);
      g_autofree char *phone = g_strdup_printf ("+44 20 7946 %04u", i % 10000);
      const char * const tags[] = { tag_words[i % 8], tag_words[(i / 8 + 3) % 8], NULL };
      double total = floor (score_for (i));
      double fit = MIN (50, floor (total * 0.55));
      double quality = MIN (10, floor ((total - fit) * 0.2));
      double pain = MIN (40, total - fit - quality);
      gint64 company_id;
      gint64 contact_id;

      rf_company_set_name (company, name);
      rf_company_set_website (company, website);
      if ((company_id = rf_company_dao_upsert_in_thread (database, company, NULL, error)) < 0)
        goto fail;
      rf_contact_set_name (contact, person);
      rf_contact_set_email (contact, email);
      rf_contact_set_phone (contact, phone);
      rf_contact_set_company_id (contact, company_id);
      if ((contact_id = rf_contact_dao_upsert_in_thread (database, contact, NULL, error)) < 0)
        goto fail;

      rf_signal_set_source_type (signal, (RfSourceType[]) { RF_SOURCE_TYPE_JOB_POST, RF_SOURCE_TYPE_OCR,
                                                            RF_SOURCE_TYPE_CSV, RF_SOURCE_TYPE_WEBSITE,
                                                            RF_SOURCE_TYPE_MANUAL }[i % 5]);
      rf_signal_set_raw_text (signal, texts[i % G_N_ELEMENTS (texts)]);
      rf_signal_set_company_id (signal, company_id);
      rf_signal_set_contact_id (signal, contact_id);
      if (rf_signal_dao_insert_in_thread (database, signal, NULL, error) < 0)
        goto fail;

      rf_classification_set_score_fit (c, fit);
      rf_classification_set_score_pain (c, pain);
      rf_classification_set_score_data_quality (c, quality);
      rf_classification_set_pain_tags (c, tags);
      rf_classification_set_role_type (c, roles[i % G_N_ELEMENTS (roles)]);
      rf_classification_set_classifier (c, i % 4 == 0 ? "rules" : "ollama:gemma3:1b");
      rf_classification_set_icp_match (c, total >= 40);
      rf_lead_set_total_score (lead, total);
      rf_lead_set_score_bucket (lead, rf_score_bucket_for_total (total));
      rf_lead_set_status (lead, i % 7 < 4 ? RF_LEAD_STATUS_NEW : (RfLeadStatus)(i % 6));
      rf_lead_set_icp_id (lead, batch->icp_id);
      rf_lead_set_signal_id (lead, rf_signal_get_id (signal));
      rf_lead_set_company_id (lead, company_id);
      rf_lead_set_contact_id (lead, contact_id);
      rf_lead_set_created_at (lead, now - (gint64)(i % 90) * 86400 - i % 3600);
      if (batch->rich)
        fill_rich (lead, i);
      if (rf_lead_dao_insert_in_thread (database, lead, error) < 0)
        goto fail;
    }

  if (!rf_database_transaction_commit (database, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);

fail:
  rf_database_transaction_rollback (database);
  return NULL;
}

gboolean
rf_bench_seed_leads (RfDatabase  *database,
                     guint        n,
                     gboolean     rich,
                     GError     **error)
{
  g_autoptr(RfIcpDao) icp_dao = rf_icp_dao_new (database);
  g_autoptr(RfIcpProfile) profile = rf_icp_template_new ("small-d2c");
  gint64 icp_id;

  if (!rf_icp_dao_save_sync (icp_dao, profile, NULL, error))
    return FALSE;
  icp_id = rf_icp_profile_get_id (profile);

  for (guint start = 0; start < n; start += BATCH)
    {
      Batch batch = { start, MIN (BATCH, n - start), rich, icp_id };

      if (rf_database_run_sync (database, seed_work, &batch, NULL, error) == NULL)
        return FALSE;
    }
  return TRUE;
}
