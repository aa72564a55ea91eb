/* rf-lead-search.c: a lead search's words, as the search index reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-store"

#include "config.h"

#include "rf-database-private.h"
#include "rf-lead-dao-sql.h"
#include "rf-lead-search.h"

/* The search index's tokenizer, as declared in 001-initial.sql. */
#define INDEX_TOKENIZER "unicode61"
static const char *const index_tokenizer_args[] = { "remove_diacritics", "2" };

/* A first page found by walking the leads in order reads at most this
 * many of them (~2 µs each), and only for pages within the first
 * WALK_MAX_PAGE_END leads. */
#define WALK_BUDGET 2000
#define WALK_MAX_PAGE_END 500

/* Up to this many words are tested in C; more go to the index. */
#define MAX_TERMS 32

struct _RfLeadSearchMatcher
{
  fts5_tokenizer  api;
  Fts5Tokenizer  *tokenizer;
  GPtrArray      *terms;       /* GBytes: each word as the index folds it */
  guint32         all_found;   /* one bit per term */
  guint32         found;
};

/* The search's words: runs of letters and digits, case-folded. */
static GPtrArray *
search_words (const char *search)
{
  g_autofree char *folded = g_utf8_casefold (search, -1);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *word = NULL;

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch != 0 && g_unichar_isalnum (ch))
        {
          if (word == NULL)
            word = g_string_new (NULL);
          g_string_append_unichar (word, ch);
        }
      else if (word != NULL)
        {
          g_ptr_array_add (words, g_string_free (word, FALSE));
          word = NULL;
        }
      if (ch == 0)
        break;
    }
  return words;
}

/* "acme co@x" -> "\"acme\"* \"co\"* \"x\"*": every word, as a prefix.
 * NULL when the text has no word (then the search falls back to LIKE). */
char *
rf_lead_search_fts_query (const char *search)
{
  g_autoptr(GPtrArray) words = search_words (search);
  GString *query;

  if (words->len == 0)
    return NULL;

  query = g_string_new (NULL);
  for (guint i = 0; i < words->len; i++)
    g_string_append_printf (query, "%s\"%s\"*", i > 0 ? " " : "", (char *) g_ptr_array_index (words, i));
  return g_string_free (query, FALSE);
}

static fts5_api *
fts5_api_of (RfDatabase *database)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = rf_database_prepare (database, "SELECT fts5 (?1)", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return api;
}

static int
collect_token (void       *data,
               int         flags,
               const char *token,
               int         n_bytes,
               int         start,
               int         end)
{
  g_ptr_array_add (data, g_bytes_new (token, n_bytes));
  return SQLITE_OK;
}

/* NULL when the matcher cannot promise the index's answer: a word the
 * index splits in two (a phrase, which the index reads otherwise), or too
 * many words. The caller then asks the index. */
RfLeadSearchMatcher *
rf_lead_search_matcher_new (RfDatabase *database,
                            const char *search)
{
  g_autoptr(RfLeadSearchMatcher) self = g_new0 (RfLeadSearchMatcher, 1);
  g_autoptr(GPtrArray) words = search_words (search);
  fts5_api *api = fts5_api_of (database);
  void *context = NULL;

  self->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  if (api == NULL || words->len == 0 || words->len > MAX_TERMS
      || api->xFindTokenizer (api, INDEX_TOKENIZER, &context, &self->api) != SQLITE_OK
      || self->api.xCreate (context, (const char **) index_tokenizer_args,
                            G_N_ELEMENTS (index_tokenizer_args), &self->tokenizer) != SQLITE_OK)
    return NULL;

  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      guint before = self->terms->len;

      self->api.xTokenize (self->tokenizer, self->terms, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX,
                           word, strlen (word), collect_token);
      if (self->terms->len != before + 1)
        return NULL;
    }
  self->all_found = self->terms->len == 32 ? G_MAXUINT32 : (1u << self->terms->len) - 1;
  return g_steal_pointer (&self);
}

static int
test_token (void       *data,
            int         flags,
            const char *token,
            int         n_bytes,
            int         start,
            int         end)
{
  RfLeadSearchMatcher *self = data;

  for (guint i = 0; i < self->terms->len; i++)
    {
      gsize term_size;
      const char *term = g_bytes_get_data (g_ptr_array_index (self->terms, i), &term_size);

      if (!(self->found & (1u << i)) && (gsize) n_bytes >= term_size && memcmp (token, term, term_size) == 0)
        self->found |= 1u << i;
    }
  /* Every word found: the rest of the text cannot change the answer. */
  return self->found == self->all_found ? SQLITE_DONE : SQLITE_OK;
}

/* TRUE when every word of the search starts a word of @text. */
gboolean
rf_lead_search_matcher_test (RfLeadSearchMatcher *self,
                             const char          *text,
                             int                  n_bytes)
{
  if (text == NULL)
    return FALSE;
  self->found = 0;
  self->api.xTokenize (self->tokenizer, self, FTS5_TOKENIZE_DOCUMENT, text, n_bytes, test_token);
  return self->found == self->all_found;
}

void
rf_lead_search_matcher_free (RfLeadSearchMatcher *self)
{
  if (self->tokenizer != NULL)
    self->api.xDelete (self->tokenizer);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_free (self);
}

/* Tells whether the lead @id is kept; FALSE with @error set on failure. */
typedef gboolean (*KeepFunc) (gint64    id,
                              gpointer  data,
                              gboolean *keep,
                              GError  **error);

/* Reads the leads @query lists, in its order but without its search, and
 * keeps the ids @keep accepts, skipping the first @skip kept; stops once
 * @max_kept are kept (0: no end). FALSE without @error when @budget leads
 * (0: no budget) were read first. */
static gboolean
keep_in_order (RfDatabase         *database,
               const RfLeadQuery  *query,
               KeepFunc            keep,
               gpointer            data,
               guint               skip,
               guint               max_kept,
               guint               budget,
               GArray            **ids,
               GError            **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  RfLeadQuery unsearched = *query;
  RfLeadStatement statement;
  sqlite3_stmt *stmt;
  gboolean has_row;
  gboolean ok = TRUE;
  guint n_read = 0;
  guint n_kept = 0;

  unsearched.search = NULL;
  rf_lead_statement_init (&statement, "SELECT l.id ");
  rf_lead_statement_add_from (&statement, &unsearched, FALSE);
  rf_lead_statement_add_where (&statement, &unsearched, TRUE);
  rf_lead_statement_add_order (&statement, &unsearched);
  stmt = rf_lead_statement_prepare (&statement, database, error);
  rf_lead_statement_clear (&statement);
  if (stmt == NULL)
    return FALSE;

  while ((max_kept == 0 || n_kept < skip + max_kept) && (ok = rf_database_step (database, stmt, &has_row, error)) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gboolean kept;

      if (budget > 0 && ++n_read > budget)
        break;
      if (!(ok = keep (id, data, &kept, error)))
        break;
      if (kept && n_kept++ >= skip)
        g_array_append_val (found, id);
    }
  sqlite3_reset (stmt);

  if (!ok || (budget > 0 && n_read > budget))
    return FALSE;
  *ids = g_steal_pointer (&found);
  return TRUE;
}

typedef struct
{
  RfDatabase          *database;
  RfLeadSearchMatcher *matcher;
  sqlite3_stmt        *text_stmt;
} TextTest;

/* Each lead's text is read apart, so that a sort without an index does not
 * read every text. */
static gboolean
keep_by_text (gint64    id,
              gpointer  data,
              gboolean *keep,
              GError  **error)
{
  TextTest *test = data;
  gboolean has_text;

  sqlite3_bind_int64 (test->text_stmt, 1, id);
  if (!rf_database_step (test->database, test->text_stmt, &has_text, error))
    return FALSE;
  *keep = has_text && rf_lead_search_matcher_test (test->matcher, (const char *) sqlite3_column_text (test->text_stmt, 0),
                                                   sqlite3_column_bytes (test->text_stmt, 0));
  sqlite3_reset (test->text_stmt);
  return TRUE;
}

/* The ids of a searched page (a limit, maybe an offset), found by reading
 * the leads in the page's order and testing each one's indexed text,
 * stopping when the page is full. For a word in most leads that reads a
 * few dozen leads, where the index returns every one of them to be sorted
 * (100,000 leads: ~64 ms). FALSE without @error when it gives up: after
 * WALK_BUDGET leads (a rare word, which the index answers at once), or
 * when the matcher cannot stand in for the index. */
gboolean
rf_lead_search_walk_ids (RfDatabase         *database,
                         const RfLeadQuery  *query,
                         GArray            **ids,
                         GError            **error)
{
  g_autoptr(RfLeadSearchMatcher) matcher = NULL;
  TextTest test = { database, NULL, NULL };

  *ids = NULL;
  if (query->search == NULL || query->limit == 0 || query->offset + query->limit > WALK_MAX_PAGE_END)
    return FALSE;
  matcher = rf_lead_search_matcher_new (database, query->search);
  if (matcher == NULL)
    return FALSE;
  test.matcher = matcher;
  test.text_stmt = rf_database_prepare (database, "SELECT body FROM lead_search WHERE rowid = ?", error);
  if (test.text_stmt == NULL)
    return FALSE;
  return keep_in_order (database, query, keep_by_text, &test, query->offset, query->limit, WALK_BUDGET, ids, error);
}

typedef struct
{
  guint8 *bits;
  gint64  n_bits;
} IdSet;

static gboolean
keep_in_set (gint64    id,
             gpointer  data,
             gboolean *keep,
             GError  **error)
{
  IdSet *set = data;

  *keep = id >= 0 && id < set->n_bits && (set->bits[id / 8] & (1u << (id % 8)));
  return TRUE;
}

/* A whole searched list (the window's): the index's matches as a set of
 * ids, then the leads in order, kept when in it. Asking the index for its
 * matches in the list's order sorts them in SQL, which costs more once they
 * are many (a word in every lead of 100,000: ~110 ms, this ~36 ms). FALSE
 * without @error when the matches are few (under 1 id in 32),
 * where the index's own order is cheaper. */
gboolean
rf_lead_search_filter_ids (RfDatabase         *database,
                           const RfLeadQuery  *query,
                           GArray            **ids,
                           GError            **error)
{
  g_autofree char *match = NULL;
  g_autofree guint8 *bits = NULL;
  sqlite3_stmt *stmt;
  gboolean has_row;
  gboolean ok;
  gint64 max_id;
  gint64 n_matches = 0;
  IdSet set;

  *ids = NULL;
  if (query->search == NULL || query->limit != 0 || query->offset != 0
      || (match = rf_lead_search_fts_query (query->search)) == NULL)
    return FALSE;

  stmt = rf_database_prepare (database, "SELECT max(id) FROM leads", error);
  if (stmt == NULL || !rf_database_step (database, stmt, &has_row, error))
    return FALSE;
  max_id = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  stmt = rf_database_prepare (database, "SELECT rowid FROM lead_search WHERE lead_search MATCH ?", error);
  if (stmt == NULL)
    return FALSE;
  rf_stmt_bind_text (stmt, 1, match);
  set.n_bits = max_id + 1;
  set.bits = bits = g_malloc0 (set.n_bits / 8 + 1);
  while ((ok = rf_database_step (database, stmt, &has_row, error)) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id >= 0 && id < set.n_bits)
        bits[id / 8] |= 1u << (id % 8);
      n_matches++;
    }
  sqlite3_reset (stmt);
  if (!ok || n_matches < max_id / 32)
    return FALSE;
  return keep_in_order (database, query, keep_in_set, &set, 0, 0, 0, ids, error);
}
