/* test-lead-query.c: the seed's lead filters, ordering, paging and counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rf-icp-dao.h"
#include "rf-icp-template.h"
#include "rf-lead-dao.h"
#include "rf-test-util.h"

typedef struct
{
  char       *dir;
  RfDatabase *database;
  RfLeadDao  *dao;
  gint64      ids[10];
  gint64      icp_id;
} Fixture;

/* Scores at the bucket boundaries, names to search and sort on. */
static const struct {
  const char *company;
  const char *contact;
  const char *email;
  double      score;
} rows[] = {
  { "Zeta Labs", "Ann Lee", "ann@zeta.io", 100 },
  { "alpha & co", "Bo Chan", "bo@alpha.co", 80 },
  { "Beta 50% Off", "Cy Diaz", "cy@beta.shop", 79.99 },
  { "Gamma_Goods", "Di Evans", "di@gamma.com", 60 },
  { "Delta", "Ed Fox", "ed@delta.com", 59.99 },
  { "Epsilon", NULL, NULL, 40 },
  { "Eta", "Flo Gray", "flo@eta.com", 39.99 },
  { NULL, "Gus Hill", "gus@hill.me", 0 },
  { "Theta", "Hal Ito", "hal@theta.com", 12.5 },
  { "Iota", "Ivy Jones", "ivy@iota.com", 85 },
};

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfIcpDao) icp_dao = NULL;
  g_autoptr(RfIcpProfile) profile = rf_icp_template_new ("solo-founder");
  g_autoptr(RfLead) lead = NULL;

  f->database = rf_test_open_database (&f->dir);
  f->dao = rf_lead_dao_new (f->database);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    f->ids[i] = rf_test_insert_lead (f->database, rows[i].company, NULL, rows[i].contact, rows[i].email,
                                     rows[i].score, "signal text");

  /* Iota: contacted, tagged, noted, scored against a profile by Ollama. */
  icp_dao = rf_icp_dao_new (f->database);
  g_assert_true (rf_icp_dao_save_sync (icp_dao, profile, NULL, &error));
  f->icp_id = rf_icp_profile_get_id (profile);
  lead = rf_lead_dao_get_sync (f->dao, f->ids[9], NULL, &error);
  rf_lead_set_icp_id (lead, f->icp_id);
  rf_classification_set_pain_tags (rf_lead_get_classification (lead),
                                   (const char * const[]) { "scaling_ads", NULL });
  rf_classification_set_classifier (rf_lead_get_classification (lead), "ollama:gemma3:1b");
  g_assert_true (rf_lead_dao_update_score_sync (f->dao, lead, NULL, &error));
  g_assert_true (rf_lead_dao_set_status_sync (f->dao, f->ids[9], RF_LEAD_STATUS_CONTACTED, NULL, &error));
  g_assert_true (rf_lead_dao_set_notes_sync (f->dao, f->ids[4], "Met at the expo", NULL, &error));
  g_assert_true (rf_lead_dao_set_status_sync (f->dao, f->ids[4], RF_LEAD_STATUS_WON, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->dao);
  rf_database_close (f->database);
  g_clear_object (&f->database);
  rf_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* The ids a query lists, as indexes into rows[], e.g. "0,9,1". */
static char *
list_indexes (Fixture           *f,
              const RfLeadQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) leads = rf_lead_dao_list_sync (f->dao, query, NULL, &error);
  g_autoptr(GArray) ids = rf_lead_dao_list_ids_sync (f->dao, query, NULL, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_cmpuint (leads->len, ==, ids->len);
  for (guint i = 0; i < leads->len; i++)
    {
      gint64 id = rf_lead_get_id (g_ptr_array_index (leads, i));

      g_assert_cmpint (id, ==, g_array_index (ids, gint64, i));
      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        if (f->ids[r] == id)
          g_string_append_printf (out, out->len > 0 ? ",%u" : "%u", r);
    }
  return g_string_free (out, FALSE);
}

#define ASSERT_LISTS(f, query, expected) \
  G_STMT_START { \
    g_autofree char *_got = list_indexes (f, query); \
    g_assert_cmpstr (_got, ==, expected); \
  } G_STMT_END

static void
test_order_hottest_first (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();

  ASSERT_LISTS (f, query, "0,9,1,2,3,4,5,6,8,7");
  query->ascending = TRUE;
  ASSERT_LISTS (f, query, "7,8,6,5,4,3,2,1,9,0");
}

static void
test_bucket_filter (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();

  query->bucket_mask = 1 << RF_SCORE_BUCKET_RED_HOT;
  ASSERT_LISTS (f, query, "0,9,1");
  query->bucket_mask = 1 << RF_SCORE_BUCKET_WARM;
  ASSERT_LISTS (f, query, "2,3");
  query->bucket_mask = 1 << RF_SCORE_BUCKET_NURTURE;
  ASSERT_LISTS (f, query, "4,5");
  query->bucket_mask = 1 << RF_SCORE_BUCKET_PARKED;
  ASSERT_LISTS (f, query, "6,8,7");
  query->bucket_mask = (1 << RF_SCORE_BUCKET_WARM) | (1 << RF_SCORE_BUCKET_PARKED);
  ASSERT_LISTS (f, query, "2,3,6,8,7");
}

static void
test_other_filters (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();

  query->min_score = 60;
  ASSERT_LISTS (f, query, "0,9,1,2,3");
  query->min_score = 0;

  query->status_mask = 1 << RF_LEAD_STATUS_CONTACTED;
  ASSERT_LISTS (f, query, "9");
  query->status_mask = (1 << RF_LEAD_STATUS_NEW);
  ASSERT_LISTS (f, query, "0,1,2,3,5,6,8,7");
  query->status_mask = 0;

  query->icp_id = f->icp_id;
  ASSERT_LISTS (f, query, "9");
  query->icp_id = 0;

  query->classifier = g_strdup ("rules");
  ASSERT_LISTS (f, query, "0,1,2,3,4,5,6,8,7");
  g_clear_pointer (&query->classifier, g_free);

  /* A selection: only these, still hottest first; an empty one is none. */
  query->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (query->ids, f->ids[7]);
  g_array_append_val (query->ids, f->ids[2]);
  g_array_append_val (query->ids, f->ids[9]);
  ASSERT_LISTS (f, query, "9,2,7");
  {
    g_autoptr(RfLeadQuery) copy = rf_lead_query_copy (query);

    ASSERT_LISTS (f, copy, "9,2,7");
  }
  g_array_set_size (query->ids, 0);
  ASSERT_LISTS (f, query, "");
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();

  rf_lead_query_set_search (query, "ZETA");          /* company, any case */
  ASSERT_LISTS (f, query, "0");
  rf_lead_query_set_search (query, "gus");           /* contact without company */
  ASSERT_LISTS (f, query, "7");
  rf_lead_query_set_search (query, "@delta.com");    /* email */
  ASSERT_LISTS (f, query, "4");
  rf_lead_query_set_search (query, "scaling");       /* pain tag */
  ASSERT_LISTS (f, query, "9");
  rf_lead_query_set_search (query, "expo");          /* notes */
  ASSERT_LISTS (f, query, "4");
  rf_lead_query_set_search (query, "50%");           /* words, punctuation ignored */
  ASSERT_LISTS (f, query, "2");
  rf_lead_query_set_search (query, "gamma_goods");
  ASSERT_LISTS (f, query, "3");
  rf_lead_query_set_search (query, "gam");           /* word prefixes */
  ASSERT_LISTS (f, query, "3");
  rf_lead_query_set_search (query, "zeta ann");      /* every word must match */
  ASSERT_LISTS (f, query, "0");
  rf_lead_query_set_search (query, "zeta bo");
  ASSERT_LISTS (f, query, "");
  rf_lead_query_set_search (query, "%_%");           /* no word: literal text */
  ASSERT_LISTS (f, query, "");
  rf_lead_query_set_search (query, "\"*");
  ASSERT_LISTS (f, query, "");
  rf_lead_query_set_search (query, "' OR 1=1 --");
  ASSERT_LISTS (f, query, "");
  rf_lead_query_set_search (query, "   ");           /* blank: no search */
  g_assert_null (query->search);
  ASSERT_LISTS (f, query, "0,9,1,2,3,4,5,6,8,7");
}

static void
test_sorts (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();

  query->sort = RF_LEAD_SORT_COMPANY;
  query->ascending = TRUE;
  /* No company first, then by name regardless of case. */
  ASSERT_LISTS (f, query, "7,1,2,4,5,6,3,9,8,0");

  query->sort = RF_LEAD_SORT_STATUS;
  query->ascending = FALSE;
  /* won, then contacted, then new (hottest first among them). */
  ASSERT_LISTS (f, query, "4,9,0,1,2,3,5,6,8,7");

  query->sort = RF_LEAD_SORT_CREATED;
  query->ascending = TRUE;
  ASSERT_LISTS (f, query, "0,1,2,3,4,5,6,7,8,9");
}

/* Leads keep a copy of their profile's name to sort on (schema 4): it
 * follows a new lead, a rescore, a renamed profile and a deleted one. */
static void
test_sort_by_profile (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfIcpDao) icp_dao = rf_icp_dao_new (f->database);
  g_autoptr(RfIcpProfile) first = rf_icp_dao_get_sync (icp_dao, f->icp_id, NULL, &error);
  g_autoptr(RfIcpProfile) second = rf_icp_template_new ("small-d2c");
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  g_autoptr(RfLead) lead = NULL;
  g_autoptr(RfLead) copy = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 copy_id;

  g_assert_no_error (error);
  rf_icp_profile_set_name (first, "Midway");
  g_assert_true (rf_icp_dao_save_sync (icp_dao, first, NULL, &error));
  rf_icp_profile_set_name (second, "aardvark");
  g_assert_true (rf_icp_dao_save_sync (icp_dao, second, NULL, &error));
  lead = rf_lead_dao_get_sync (f->dao, f->ids[0], NULL, &error);
  rf_lead_set_icp_id (lead, rf_icp_profile_get_id (second));
  g_assert_true (rf_lead_dao_update_score_sync (f->dao, lead, NULL, &error));
  g_assert_no_error (error);

  query->sort = RF_LEAD_SORT_PROFILE;
  query->ascending = TRUE;
  /* No profile first, then by name regardless of case, ties by score. */
  ASSERT_LISTS (f, query, "7,8,6,5,4,3,2,1,0,9");

  rf_icp_profile_set_name (second, "Zebra");
  g_assert_true (rf_icp_dao_save_sync (icp_dao, second, NULL, &error));
  g_assert_no_error (error);
  ASSERT_LISTS (f, query, "7,8,6,5,4,3,2,1,9,0");

  /* A new lead stored with a profile sorts with it. */
  copy = rf_lead_dao_get_sync (f->dao, f->ids[1], NULL, &error);
  rf_lead_set_id (copy, 0);
  rf_lead_set_icp_id (copy, rf_icp_profile_get_id (second));
  copy_id = rf_lead_dao_insert_sync (f->dao, copy, NULL, &error);
  g_assert_no_error (error);
  query->ascending = FALSE;
  ids = rf_lead_dao_list_ids_sync (f->dao, query, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 11);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->ids[0]);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, copy_id);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, f->ids[9]);

  /* A deleted profile leaves its leads with none. */
  g_assert_true (rf_icp_dao_delete_sync (icp_dao, f->icp_id, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&ids, g_array_unref);
  query->ascending = TRUE;
  ids = rf_lead_dao_list_ids_sync (f->dao, query, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (ids, gint64, 8), ==, f->ids[9]);
  g_assert_cmpint (g_array_index (ids, gint64, 10), ==, f->ids[0]);
}

static void
test_paging_and_get_many (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  gint64 wanted[] = { f->ids[5], 999999, f->ids[0], f->ids[3] };

  query->limit = 3;
  ASSERT_LISTS (f, query, "0,9,1");
  query->offset = 3;
  ASSERT_LISTS (f, query, "2,3,4");
  query->offset = 9;
  ASSERT_LISTS (f, query, "7");
  query->limit = 0;
  query->offset = 8;
  ASSERT_LISTS (f, query, "8,7");

  /* In the order asked, the missing id skipped. */
  page = rf_lead_dao_get_many_sync (f->dao, wanted, G_N_ELEMENTS (wanted), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 3);
  g_assert_cmpint (rf_lead_get_id (g_ptr_array_index (page, 0)), ==, f->ids[5]);
  g_assert_cmpint (rf_lead_get_id (g_ptr_array_index (page, 1)), ==, f->ids[0]);
  g_assert_cmpint (rf_lead_get_id (g_ptr_array_index (page, 2)), ==, f->ids[3]);
  g_assert_cmpstr (rf_lead_get_company_name (g_ptr_array_index (page, 2)), ==, "Gamma_Goods");
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  g_autoptr(GError) error = NULL;
  guint counts[RF_N_SCORE_BUCKETS];

  g_assert_true (rf_lead_dao_count_by_bucket_sync (f->dao, query, counts, NULL, &error));
  g_assert_cmpuint (counts[RF_SCORE_BUCKET_RED_HOT], ==, 3);
  g_assert_cmpuint (counts[RF_SCORE_BUCKET_WARM], ==, 2);
  g_assert_cmpuint (counts[RF_SCORE_BUCKET_NURTURE], ==, 2);
  g_assert_cmpuint (counts[RF_SCORE_BUCKET_PARKED], ==, 3);

  /* The bucket filter is ignored (the buttons show every bucket's count);
   * the others apply. */
  query->bucket_mask = 1 << RF_SCORE_BUCKET_WARM;
  rf_lead_query_set_search (query, "com");
  g_assert_true (rf_lead_dao_count_by_bucket_sync (f->dao, query, counts, NULL, &error));
  /* Emails at .com: Iota; Gamma; Delta; Eta and Theta. */
  g_assert_cmpuint (counts[RF_SCORE_BUCKET_RED_HOT], ==, 1);
  g_assert_cmpuint (counts[RF_SCORE_BUCKET_WARM], ==, 1);
  g_assert_cmpuint (counts[RF_SCORE_BUCKET_NURTURE], ==, 1);
  g_assert_cmpuint (counts[RF_SCORE_BUCKET_PARKED], ==, 2);
  g_assert_cmpuint (rf_lead_dao_count_sync (f->dao, query, NULL, &error), ==, 1);
  g_assert_no_error (error);
}

static void
test_histogram (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  g_autoptr(GError) error = NULL;
  guint bins[RF_SCORE_HISTOGRAM_BINS];
  /* 100, 85 -> 9 and 8 (a score of 100 joins 90-99); 80 -> 8; 79.99 -> 7;
   * 60 -> 6; 59.99 -> 5; 40 -> 4; 39.99 -> 3; 12.5 -> 1; 0 -> 0. */
  static const guint expected[RF_SCORE_HISTOGRAM_BINS] = { 1, 1, 0, 1, 1, 1, 1, 1, 2, 1 };

  g_assert_true (rf_lead_dao_score_histogram_sync (f->dao, query, bins, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < RF_SCORE_HISTOGRAM_BINS; i++)
    g_assert_cmpuint (bins[i], ==, expected[i]);

  /* Other filters apply, the bucket mask does not. */
  query->bucket_mask = 1 << RF_SCORE_BUCKET_PARKED;
  query->min_score = 60;
  g_assert_true (rf_lead_dao_score_histogram_sync (f->dao, query, bins, NULL, &error));
  for (guint i = 0; i < RF_SCORE_HISTOGRAM_BINS; i++)
    g_assert_cmpuint (bins[i], ==, i >= 6 ? expected[i] : 0);
}

static void
histogram_ready_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  guint *bins = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (rf_lead_dao_score_histogram_finish (RF_LEAD_DAO (object), result, bins, &error));
  g_assert_no_error (error);
}

static gboolean
bins_filled (gpointer data)
{
  const guint *bins = data;
  return bins[9] != G_MAXUINT;
}

static void
test_histogram_async (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  guint bins[RF_SCORE_HISTOGRAM_BINS];

  for (guint i = 0; i < RF_SCORE_HISTOGRAM_BINS; i++)
    bins[i] = G_MAXUINT;
  rf_lead_query_set_search (query, "zeta");
  rf_lead_dao_score_histogram_async (f->dao, query, NULL, histogram_ready_cb, bins);
  g_assert_true (rf_test_wait_until (bins_filled, bins, 5000));
  for (guint i = 0; i < RF_SCORE_HISTOGRAM_BINS; i++)
    g_assert_cmpuint (bins[i], ==, i == 9 ? 1 : 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/lead-query/order", test_order_hottest_first);
  ADD ("/lead-query/buckets", test_bucket_filter);
  ADD ("/lead-query/filters", test_other_filters);
  ADD ("/lead-query/search", test_search);
  ADD ("/lead-query/sorts", test_sorts);
  ADD ("/lead-query/sort-by-profile", test_sort_by_profile);
  ADD ("/lead-query/paging", test_paging_and_get_many);
  ADD ("/lead-query/counts", test_counts);
  ADD ("/lead-query/histogram", test_histogram);
  ADD ("/lead-query/histogram-async", test_histogram_async);
#undef ADD

  return g_test_run ();
}
