/* test-lead-search.c: a searched page is the same page of the whole list,
 * whether found by walking the leads or by asking the search index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rf-lead-dao.h"
#include "rf-lead-search.h"
#include "rf-test-util.h"

/* More leads than a walk reads before it gives up (2,000). */
#define N_LEADS 2400
#define RARE_LEAD 1777

typedef struct
{
  char       *dir;
  RfDatabase *database;
  RfLeadDao  *dao;
} Fixture;

/* Words in 1 lead of 3 ("studio", "lumière"), of 2, of 60 ("quartz"),
 * in one ("zephyr"); accents and capitals to fold; equal scores whose
 * order only the id decides. Made once: only the last test changes it. */
static void
fixture_set_up (Fixture *f)
{
  f->database = rf_test_open_database (&f->dir);
  f->dao = rf_lead_dao_new (f->database);
  for (guint i = 0; i < N_LEADS; i++)
    {
      static const char *const kinds[] = { "Café Lumière", "Studio Nord", "Bäckerei WEISS" };
      g_autofree char *company = g_strdup_printf ("%s %u%s", kinds[i % 3], i,
                                                  i % 60 == 7 ? " Quartz" : "");
      g_autofree char *contact = g_strdup_printf ("%s Person%u", i % 2 ? "Ann" : "Bo", i);
      g_autofree char *email = g_strdup_printf ("p%u@%s.example", i, i == RARE_LEAD ? "zephyr" : "mail");
      double score = (i * 37) % 101 + (i % 4 == 0 ? 0.5 : 0);

      rf_test_insert_lead (f->database, company, NULL, contact, email, score, "text");
    }
}

static void
fixture_tear_down (Fixture *f)
{
  g_clear_object (&f->dao);
  rf_database_close (f->database);
  g_clear_object (&f->database);
  rf_test_remove_tree (f->dir);
  g_free (f->dir);
}

static GArray *
list_ids (Fixture     *f,
          RfLeadQuery *query)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = rf_lead_dao_list_ids_sync (f->dao, query, NULL, &error);

  g_assert_no_error (error);
  return ids;
}

/* Each page of @search, as ids and as rows, is the whole list's slice. */
static void
assert_pages_match_whole_list (Fixture     *f,
                               RfLeadQuery *query,
                               const char  *search)
{
  static const struct { guint offset, limit; } pages[] = { { 0, 50 }, { 0, 1 }, { 40, 20 }, { 495, 5 }, { 600, 50 } };
  g_autoptr(GArray) whole = NULL;

  rf_lead_query_set_search (query, search);
  query->offset = 0;
  query->limit = 0;
  whole = list_ids (f, query);
  /* The whole list (the index's matches as a set, when many) is the one
   * SQL gives for a limit past the end (the index's matches in order). */
  {
    g_autoptr(GArray) sorted_by_sql = NULL;

    query->limit = 1000000;
    sorted_by_sql = list_ids (f, query);
    g_assert_cmpuint (sorted_by_sql->len, ==, whole->len);
    g_assert_cmpmem (sorted_by_sql->data, sorted_by_sql->len * sizeof (gint64), whole->data, whole->len * sizeof (gint64));
  }

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GPtrArray) leads = NULL;
      guint expected = pages[p].offset >= whole->len ? 0 : MIN (pages[p].limit, whole->len - pages[p].offset);

      query->offset = pages[p].offset;
      query->limit = pages[p].limit;
      ids = list_ids (f, query);
      leads = rf_lead_dao_list_sync (f->dao, query, NULL, &error);
      g_assert_no_error (error);

      g_test_message ("%s, offset %u, limit %u: %u of %u", search, query->offset, query->limit, ids->len, whole->len);
      g_assert_cmpuint (ids->len, ==, expected);
      g_assert_cmpuint (leads->len, ==, expected);
      for (guint i = 0; i < expected; i++)
        {
          gint64 id = g_array_index (whole, gint64, pages[p].offset + i);

          g_assert_cmpint (g_array_index (ids, gint64, i), ==, id);
          g_assert_cmpint (rf_lead_get_id (g_ptr_array_index (leads, i)), ==, id);
        }
    }
}

static const char *const searches[] = {
  "studio", "STUDIO nord", "lumiere", "LUMIÈRE", "café 12", "cafe 12", "weiß", "weiss",
  "quartz", "zephyr", "ann person1", "person2", "p17", "mail example", "nomatch", "%_%", "@",
};

static Fixture fixture;

static void
test_pages (void)
{
  Fixture *f = &fixture;
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();

  for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
    assert_pages_match_whole_list (f, query, searches[s]);
}

static void
test_pages_sorted_and_filtered (void)
{
  Fixture *f = &fixture;
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) top = NULL;

  /* Trashed leads are in no list, walked or not. */
  rf_lead_query_set_search (query, "studio");
  query->limit = 3;
  top = list_ids (f, query);
  g_assert_cmpuint (rf_lead_dao_remove_sync (f->dao, RF_LEAD_REMOVAL_TRASH, (gint64 *) top->data, 2,
                                             NULL, &error), ==, 2);
  g_assert_no_error (error);

  for (RfLeadSort sort = RF_LEAD_SORT_SCORE; sort <= RF_LEAD_SORT_CREATED; sort++)
    for (guint ascending = 0; ascending < 2; ascending++)
      {
        query->sort = sort;
        query->ascending = ascending;
        query->bucket_mask = 0;
        assert_pages_match_whole_list (f, query, "studio");
        assert_pages_match_whole_list (f, query, "lumi");
        query->bucket_mask = 1 << RF_SCORE_BUCKET_WARM;
        assert_pages_match_whole_list (f, query, "bäckerei");
      }
  query->sort = RF_LEAD_SORT_SCORE;
  query->bucket_mask = 0;
  query->min_score = 90;
  assert_pages_match_whole_list (f, query, "ann");
}

typedef struct
{
  RfLeadQuery *query;
  GArray      *ids;
  gboolean     walked;
} Walk;

static gpointer
walk_work (RfDatabase    *database,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Walk *walk = data;

  walk->walked = rf_lead_search_walk_ids (database, walk->query, &walk->ids, error);
  return walk;
}

static gpointer
filter_work (RfDatabase    *database,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Walk *walk = data;

  walk->walked = rf_lead_search_filter_ids (database, walk->query, &walk->ids, error);
  return walk;
}

/* Whether the whole list of @search came from the index's matches as a set;
 * @n: how many leads it lists. */
static gboolean
filtered (Fixture    *f,
          const char *search,
          guint       n)
{
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  g_autoptr(GError) error = NULL;
  Walk result = { query, NULL, FALSE };

  rf_lead_query_set_search (query, search);
  rf_database_run_sync (f->database, filter_work, &result, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (result.walked == (result.ids != NULL));
  if (result.ids != NULL)
    {
      g_assert_cmpuint (result.ids->len, ==, n);
      g_array_unref (result.ids);
    }
  return result.walked;
}

static gboolean
walk (Fixture    *f,
      const char *search,
      guint       offset,
      guint       limit)
{
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();
  g_autoptr(GError) error = NULL;
  Walk result = { query, NULL, FALSE };

  rf_lead_query_set_search (query, search);
  query->offset = offset;
  query->limit = limit;
  rf_database_run_sync (f->database, walk_work, &result, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (result.walked == (result.ids != NULL));
  if (result.ids != NULL)
    {
      g_assert_cmpuint (result.ids->len, ==, limit);
      g_array_unref (result.ids);
    }
  return result.walked;
}

/* Which pages the walk answers, which whole lists the set of matches
 * answers, and which are left to the index. */
static void
test_walk_or_index (void)
{
  Fixture *f = &fixture;

  g_assert_true (walk (f, "studio", 0, 50));          /* 1 lead in 3: ~150 read */
  g_assert_true (walk (f, "lumière", 400, 100));      /* the deepest page walked */
  g_assert_true (walk (f, "mail", 0, 1));
  g_assert_false (walk (f, "studio", 401, 100));      /* deeper: the index */
  g_assert_false (walk (f, "zephyr", 0, 50));         /* 1 lead: gives up after 2,000 */
  g_assert_false (walk (f, "quartz", 0, 50));         /* 40 leads: the page never fills */
  g_assert_false (walk (f, "studio", 0, 0));          /* no page: the whole list */

  /* A whole list: many matches as a set, few in the index's order. */
  g_assert_true (filtered (f, "studio", 800));
  g_assert_true (filtered (f, "mail", 2399));
  g_assert_false (filtered (f, "quartz", 40));        /* under 1 in 32 */
  g_assert_false (filtered (f, "zephyr", 1));
  g_assert_false (filtered (f, "%_%", 0));            /* no word: LIKE */
}

typedef struct
{
  const char *search;
  const char *text;
  gboolean    matches;
} MatchCase;

static gpointer
match_work (RfDatabase    *database,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  const MatchCase *c = data;
  g_autoptr(RfLeadSearchMatcher) matcher = rf_lead_search_matcher_new (database, c->search);

  g_assert_nonnull (matcher);
  return GINT_TO_POINTER (rf_lead_search_matcher_test (matcher, c->text, strlen (c->text)) ? 1 : 2);
}

/* The index's own tokenizer: case and accents folded, word prefixes. */
static void
test_matcher (void)
{
  Fixture *f = &fixture;
  static const MatchCase cases[] = {
    { "lumi", "Café Lumière 3", TRUE },
    { "CAFE lumiere", "Café Lumière 3", TRUE },
    { "café", "CAFE", TRUE },
    { "umi", "Café Lumière 3", FALSE },              /* a word's start only */
    { "cafe x", "Café Lumière 3", FALSE },           /* every word */
    { "3", "Café Lumière 3", TRUE },
    { "o'neil", "Pat O'Neil", TRUE },
    { "ann", "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gpointer answer = rf_database_run_sync (f->database, match_work, (gpointer) &cases[i], NULL, &error);

      g_assert_no_error (error);
      g_test_message ("%s in %s", cases[i].search, cases[i].text);
      g_assert_cmpint (GPOINTER_TO_INT (answer), ==, cases[i].matches ? 1 : 2);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  int status;

  g_test_add_func ("/lead-search/pages", test_pages);
  g_test_add_func ("/lead-search/walk-or-index", test_walk_or_index);
  g_test_add_func ("/lead-search/matcher", test_matcher);
  g_test_add_func ("/lead-search/pages-sorted-and-filtered", test_pages_sorted_and_filtered);

  fixture_set_up (&fixture);
  status = g_test_run ();
  fixture_tear_down (&fixture);
  return status;
}
