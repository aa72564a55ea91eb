/* rf-icp-fit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-classify"

#include "config.h"

#include <string.h>

#include "rf-icp-fit.h"
#include "rf-scoring.h"

/* Weights of the criteria groups; they sum to the fit maximum (50). A
 * profile that leaves a group empty has its weight spread over the rest. */
#define WEIGHT_INDUSTRY 15.0
#define WEIGHT_HIRING   15.0
#define WEIGHT_SIZE     10.0
#define WEIGHT_LOCATION 10.0

/* Without a profile fit is only a rough guess from generic signs. */
#define NO_PROFILE_FIT_MAX 25.0

/* Industries as people write them: a profile saying "ecommerce" also
 * matches "online store". Folded forms. */
static const char * const *
industry_synonyms (const char *folded_industry)
{
  static const char * const ecommerce[] = { "ecommerce", "e commerce", "online store", "online shop", "shopify", "webshop",
                                            "web shop", "woocommerce", "sell online", "sells online", "selling online",
                                            "online retailer", "etsy", "sell on amazon", "amazon seller", NULL };
  static const char * const d2c[] = { "d2c", "dtc", "direct to consumer", "consumer brand", NULL };
  static const char * const saas[] = { "saas", "software as a service", "b2b software", "subscription software", NULL };
  static const char * const agency[] = { "agency", "studio", "consultancy", NULL };
  static const char * const fintech[] = { "fintech", "financial technology", "payments", NULL };
  static const char * const health[] = { "healthcare", "health", "clinic", "medical", NULL };
  static const char * const food[] = { "food beverage", "food", "beverage", "restaurant", "coffee", "bakery", "snacks",
                                       "drinks", "brewery", "winery", "tea", NULL };
  static const char * const beauty[] = { "beauty", "skincare", "skin care", "cosmetics", "makeup", "haircare",
                                         "hair care", "fragrance", "perfume", NULL };
  static const char * const fashion[] = { "fashion", "apparel", "clothing", "footwear", "sneakers", "jewelry",
                                          "jewellery", "streetwear", NULL };
  static const char * const consumer_goods[] = { "consumer goods", "cpg", "consumer products", "home goods", "homeware",
                                                 "candles", "home fragrance", "pet food", "pet products", "toys", NULL };
  static const struct { const char *industry; const char * const *synonyms; } table[] = {
    { "ecommerce", ecommerce }, { "e commerce", ecommerce }, { "d2c", d2c }, { "dtc", d2c },
    { "saas", saas }, { "agency", agency }, { "fintech", fintech }, { "healthcare", health },
    { "food beverage", food }, { "beauty", beauty }, { "fashion", fashion }, { "consumer goods", consumer_goods },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_str_equal (folded_industry, table[i].industry))
      return table[i].synonyms;
  return NULL;
}

const char *
rf_size_bucket_for_count (guint64 people)
{
  if (people <= 1)
    return "1";
  if (people <= 10)
    return "2-10";
  if (people <= 50)
    return "11-50";
  if (people <= 200)
    return "51-200";
  if (people <= 500)
    return "201-500";
  return "501+";
}

/* "two" in "two founders", "a team of three": the number a word before
 * @end (or from @start) spells, 0 if none. */
static guint64
number_word (const char *folded,
             const char *start,
             const char *end)
{
  static const char * const words[] = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", NULL
  };

  if (start == NULL)
    {
      start = end;
      while (start > folded && start[-1] != ' ')
        start--;
    }
  else
    end = start + strcspn (start, " ");
  for (guint i = 0; words[i] != NULL; i++)
    if ((gsize) (end - start) == strlen (words[i]) && strncmp (start, words[i], end - start) == 0)
      return i + 1;
  return 0;
}

/* A number just before one of @nouns ("12 employees", "two founders"), or
 * after "team of". */
static gboolean
find_head_count (const char *folded,
                 guint64    *people)
{
  static const char * const nouns[] = {
    " employees", " people", " staff", " person team", " member team", " team members",
    " strong team", " person company", " headcount", " person ", " founders", " cofounders",
    " co founders", " founder ", NULL
  };
  const char *p;

  for (guint i = 0; nouns[i] != NULL; i++)
    {
      p = folded;
      while ((p = strstr (p, nouns[i])) != NULL)
        {
          const char *digits_end = p;
          const char *digits = p;

          if ((*people = number_word (folded, NULL, p)) > 0)
            return TRUE;
          while (digits > folded && g_ascii_isdigit (digits[-1]))
            digits--;
          if (digits < digits_end && (digits == folded || digits[-1] == ' '))
            {
              guint64 value = g_ascii_strtoull (digits, NULL, 10);
              guint64 scale = 1000;

              /* "40,000" folds to "40 000": join groups of three digits. */
              while (digits_end - digits == 3 && digits - folded >= 2 &&
                     digits[-1] == ' ' && g_ascii_isdigit (digits[-2]))
                {
                  const char *group_end = digits - 1;

                  digits = group_end;
                  while (digits > folded && g_ascii_isdigit (digits[-1]))
                    digits--;
                  value += g_ascii_strtoull (digits, NULL, 10) * scale;
                  scale *= 1000;
                  digits_end = group_end;
                }
              *people = value;
              return TRUE;
            }
          p++;
        }
    }

  p = strstr (folded, " team of ");
  if (p != NULL && g_ascii_isdigit (p[9]))
    {
      *people = g_ascii_strtoull (p + 9, NULL, 10);
      return TRUE;
    }
  if (p != NULL && (*people = number_word (folded, p + 9, NULL)) > 0)
    return TRUE;
  return FALSE;
}

/* The size bucket a signal states: the company's own size field first
 * ("11-50", "51-200 employees", "8"), then the text. NULL when unknown. */
char *
rf_detect_size_bucket (RfMatchText *text,
                       const char  *company_size)
{
  static const char * const solo[] = {
    "solo founder", "solopreneur", "one person", "one man band", "just me", "by myself",
    "sole founder", "only founder", "solo business", "indie hacker", NULL
  };
  guint64 people;

  if (company_size != NULL && *company_size != '\0')
    {
      const char *p = company_size;

      while (*p != '\0' && !g_ascii_isdigit (*p))
        p++;
      if (*p != '\0')
        {
          people = g_ascii_strtoull (p, NULL, 10);
          return g_strdup (rf_size_bucket_for_count (people));
        }
    }

  if (text == NULL)
    return NULL;
  if (rf_match_text_find_any (text, solo) != NULL)
    return g_strdup ("1");
  if (find_head_count (rf_match_text_get_folded (text), &people))
    return g_strdup (rf_size_bucket_for_count (people));
  return NULL;
}

/* "we sell backpacks online", "selling our teas online": ecommerce said
 * with a few words between. The folded text is lower case, one space
 * between words, and starts and ends with a space. */
static gboolean
sells_online (RfMatchText *text)
{
  static gsize pattern;

  if (g_once_init_enter (&pattern))
    g_once_init_leave (&pattern, (gsize) g_regex_new (" (sell|sells|selling|sold)( [^ ]+){0,3} online ",
                                                      G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_match ((GRegex *) pattern, rf_match_text_get_folded (text), 0, NULL);
}

static gboolean
industry_matches (RfMatchText *text,
                  const char  *industry,
                  char       **matched)
{
  g_autofree char *folded = rf_match_fold (industry, -1);
  const char * const *synonyms;

  if (rf_match_text_contains_folded (text, folded))
    {
      *matched = g_strdup (industry);
      return TRUE;
    }
  synonyms = industry_synonyms (folded);
  if ((synonyms != NULL && rf_match_text_find_any (text, synonyms) != NULL)
      || (synonyms == industry_synonyms ("ecommerce") && sells_online (text)))
    {
      *matched = g_strdup (industry);
      return TRUE;
    }
  return FALSE;
}

/* Adds the first entry of @values found in @text to @fit->matched as
 * "KIND: value"; TRUE if one was. */
static gboolean
match_group (RfIcpFit           *fit,
             RfMatchText        *text,
             const char         *kind,
             const char * const *values)
{
  gboolean found = FALSE;

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autofree char *matched = NULL;
      gboolean hit;

      if (g_str_equal (kind, "industry"))
        hit = industry_matches (text, values[i], &matched);
      else
        hit = rf_match_text_contains (text, values[i]);
      if (hit)
        {
          g_ptr_array_add (fit->matched, g_strdup_printf ("%s: %s", kind, values[i]));
          found = TRUE;
        }
    }
  return found;
}

static gboolean
strv_contains (const char * const *strv,
               const char         *value)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    if (g_str_equal (strv[i], value))
      return TRUE;
  return FALSE;
}

gboolean
rf_text_mentions_marketing_hire (RfMatchText *text)
{
  static const char * const hiring[] = { "hiring", "hire", "looking for", "we are looking", "job", "join our team", "recruiting", NULL };
  static const char * const marketing[] = { "marketing", "marketer", "growth", "seo", "content", "ads", NULL };

  return rf_match_text_find_any (text, hiring) != NULL && rf_match_text_find_any (text, marketing) != NULL;
}

/* The fit of @text (the signal with the company's fields appended) to
 * @profile. Every point comes from a criterion the text really meets, so
 * nothing in the text can argue the fit up: that is what anchors the
 * model's own fit (see rf-answer-anchor). */
RfIcpFit *
rf_icp_fit_compute (RfIcpProfile *profile,
                    RfMatchText  *text,
                    RfCompany    *company)
{
  RfIcpFit *fit = g_new0 (RfIcpFit, 1);
  double weight_total = 0, credit = 0;
  const char *company_size = company != NULL ? rf_company_get_size (company) : NULL;
  const char *company_location = company != NULL ? rf_company_get_location (company) : NULL;

  fit->matched = g_ptr_array_new_with_free_func (g_free);
  fit->unknown = g_ptr_array_new_with_free_func (g_free);
  fit->partial = g_ptr_array_new_with_free_func (g_free);
  fit->size_bucket = rf_detect_size_bucket (text, company_size);
  fit->has_profile = profile != NULL;

  if (profile == NULL)
    {
      if (rf_text_mentions_marketing_hire (text))
        {
          credit += 15;
          g_ptr_array_add (fit->matched, g_strdup ("hiring: marketing"));
        }
      if (fit->size_bucket != NULL && (g_str_equal (fit->size_bucket, "1") ||
                                       g_str_equal (fit->size_bucket, "2-10") ||
                                       g_str_equal (fit->size_bucket, "11-50")))
        {
          credit += 10;
          g_ptr_array_add (fit->matched, g_strdup_printf ("size: %s", fit->size_bucket));
        }
      fit->score = MIN (credit, NO_PROFILE_FIT_MAX);
      return fit;
    }

  if (rf_icp_profile_get_industries (profile) != NULL && rf_icp_profile_get_industries (profile)[0] != NULL)
    {
      weight_total += WEIGHT_INDUSTRY;
      fit->n_criteria++;
      if (match_group (fit, text, "industry", rf_icp_profile_get_industries (profile)))
        {
          credit += WEIGHT_INDUSTRY;
          fit->n_matched++;
        }
    }

  if (rf_icp_profile_get_hiring_keywords (profile) != NULL && rf_icp_profile_get_hiring_keywords (profile)[0] != NULL)
    {
      weight_total += WEIGHT_HIRING;
      fit->n_criteria++;
      if (match_group (fit, text, "hiring", rf_icp_profile_get_hiring_keywords (profile)))
        {
          credit += WEIGHT_HIRING;
          fit->n_matched++;
        }
      else if (rf_text_mentions_marketing_hire (text))
        {
          /* Hiring for marketing, in other words than the profile's. */
          credit += WEIGHT_HIRING / 2;
          g_ptr_array_add (fit->partial, g_strdup ("hiring: marketing"));
        }
    }

  if (rf_icp_profile_get_size_buckets (profile) != NULL && rf_icp_profile_get_size_buckets (profile)[0] != NULL)
    {
      weight_total += WEIGHT_SIZE;
      fit->n_criteria++;
      if (fit->size_bucket == NULL)
        {
          credit += WEIGHT_SIZE / 2;
          g_ptr_array_add (fit->unknown, g_strdup ("size"));
        }
      else if (strv_contains (rf_icp_profile_get_size_buckets (profile), fit->size_bucket))
        {
          credit += WEIGHT_SIZE;
          fit->n_matched++;
          g_ptr_array_add (fit->matched, g_strdup_printf ("size: %s", fit->size_bucket));
        }
    }

  if (rf_icp_profile_get_locations (profile) != NULL && rf_icp_profile_get_locations (profile)[0] != NULL)
    {
      weight_total += WEIGHT_LOCATION;
      fit->n_criteria++;
      if (match_group (fit, text, "location", rf_icp_profile_get_locations (profile)))
        {
          credit += WEIGHT_LOCATION;
          fit->n_matched++;
        }
      else if (company_location == NULL || *company_location == '\0')
        {
          credit += WEIGHT_LOCATION / 2;
          g_ptr_array_add (fit->unknown, g_strdup ("location"));
        }
    }

  fit->score = weight_total > 0 ? RF_SCORE_FIT_MAX * credit / weight_total : 0;
  fit->score = rf_score_round (rf_score_clamp (fit->score, RF_SCORE_FIT_MAX));
  return fit;
}

void
rf_icp_fit_free (RfIcpFit *fit)
{
  if (fit == NULL)
    return;
  g_ptr_array_unref (fit->matched);
  g_ptr_array_unref (fit->unknown);
  g_ptr_array_unref (fit->partial);
  g_free (fit->size_bucket);
  g_free (fit);
}
