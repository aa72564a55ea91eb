/* rf-ocr-merge.c: re-reading unsure blocks, and merging the passes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each pass (dark text, light text, blocks read again) gives words with
 * boxes and confidences in the frame of the straightened card. Where they
 * overlap the surer reading wins, and the words go back into lines.
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rf-ocr-private.h"

/* Words tesseract is less sure of than this are mostly noise from texture. */
#define MIN_WORD_CONFIDENCE 45.0f
/* Short words need more: stray marks read as "ee", "|", "=". */
#define MIN_SHORT_WORD_CONFIDENCE 70.0f
#define MIN_STRUCTURED_CONFIDENCE 15.0f

static gboolean
has_alnum (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static guint
find_root (guint *parent,
           guint  i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

typedef struct
{
  int    left, top, right, bottom;
  double weighted;   /* confidence × characters */
  guint  characters;
  int    height;     /* median height of its words */
  guint  pass;
  gboolean columns;  /* words level with each other but far apart */
} Block;

static int
compare_height (gconstpointer a,
                gconstpointer b)
{
  return *(const int *)a - *(const int *)b;
}

/* Mean confidence of the plausible words of @words whose centre is in
 * @block (of @pass, or any pass when it is G_MAXUINT), by characters. */
static double
block_confidence (GPtrArray   *words,
                  const Block *block,
                  guint        pass,
                  guint       *characters)
{
  double weighted = 0;

  *characters = 0;
  for (guint i = 0; i < words->len; i++)
    {
      const RfOcrPassWord *word = g_ptr_array_index (words, i);
      int cx = word->word.x + word->word.width / 2;
      int cy = word->word.y + word->word.height / 2;
      guint length;

      if ((pass != G_MAXUINT && word->pass != pass) || cx < block->left || cx > block->right
          || cy < block->top || cy > block->bottom || !has_alnum (word->word.text))
        continue;
      length = strlen (word->word.text);
      weighted += MAX (word->word.confidence, 0) * length;
      *characters += length;
    }
  return *characters > 0 ? weighted / *characters : 0;
}

/* Perspective leaves parts of a card turned a few degrees more than the
 * rest, and blur makes small print read better smaller. Text tesseract was
 * unsure of is grouped into blocks; each block is cut out of the grey
 * image, straightened on its own, made smaller and read again at three
 * angles. The reading of the block with the best confidence (the first
 * reading included) replaces the others, as a whole, so lines stay whole. */
gboolean
rf_ocr_refine_blocks (RfOcr         *self,
               GPtrArray     *passes,
               GPtrArray     *words,
               GCancellable  *cancellable,
               GError       **error)
{
  static const double turns[] = { 0, -1.5, 1.5 };
  g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (RfOcrRun));
  g_autoptr(GArray) blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  guint n_passes = passes->len;
  gboolean ok;

  for (guint p = 0; p < n_passes; p++)
    {
      RfOcrPass *pass = g_ptr_array_index (passes, p);
      g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
      g_autofree guint *parent = NULL;
      g_autofree Block *found = NULL;

      if (pass->grey == NULL)
        continue;
      for (guint i = 0; i < words->len; i++)
        {
          RfOcrPassWord *word = g_ptr_array_index (words, i);

          if (word->pass == p && word->word.height > 0 && word->word.confidence >= 0.1 && has_alnum (word->word.text))
            g_ptr_array_add (candidates, word);
        }
      if (candidates->len == 0)
        continue;

      parent = g_new (guint, candidates->len);
      for (guint i = 0; i < candidates->len; i++)
        parent[i] = i;
      for (guint i = 0; i < candidates->len; i++)
        for (guint j = i + 1; j < candidates->len; j++)
          {
            const RfOcrWord *a = &((RfOcrPassWord *)g_ptr_array_index (candidates, i))->word;
            const RfOcrWord *b = &((RfOcrPassWord *)g_ptr_array_index (candidates, j))->word;
            int h = MAX (a->height, b->height);
            int gap_x = MAX (a->x, b->x) - MIN (a->x + a->width, b->x + b->width);
            int gap_y = MAX (a->y, b->y) - MIN (a->y + a->height, b->y + b->height);

            if (gap_x < 2 * h && gap_y < h)
              parent[find_root (parent, i)] = find_root (parent, j);
          }

      found = g_new0 (Block, candidates->len);
      for (guint i = 0; i < candidates->len; i++)
        {
          const RfOcrWord *w = &((RfOcrPassWord *)g_ptr_array_index (candidates, i))->word;
          Block *block = &found[find_root (parent, i)];
          guint length = strlen (w->text);

          if (block->characters == 0)
            {
              block->left = w->x;
              block->top = w->y;
              block->right = w->x + w->width;
              block->bottom = w->y + w->height;
            }
          block->left = MIN (block->left, w->x);
          block->top = MIN (block->top, w->y);
          block->right = MAX (block->right, w->x + w->width);
          block->bottom = MAX (block->bottom, w->y + w->height);
          block->weighted += w->confidence * length;
          block->characters += length;
          block->pass = p;
        }
      /* The block's letter height: the median of its words'. */
      for (guint i = 0; i < candidates->len; i++)
        {
          Block *block = &found[i];
          g_autoptr(GArray) heights = NULL;

          if (find_root (parent, i) != i)
            continue;
          heights = g_array_new (FALSE, FALSE, sizeof (int));
          for (guint j = 0; j < candidates->len; j++)
            if (find_root (parent, j) == i)
              g_array_append_val (heights, ((RfOcrPassWord *)g_ptr_array_index (candidates, j))->word.height);
          g_array_sort (heights, compare_height);
          block->height = g_array_index (heights, int, heights->len / 2);
        }
      for (guint i = 0; i < candidates->len; i++)
        for (guint j = 0; j < candidates->len; j++)
          {
            const RfOcrWord *a = &((RfOcrPassWord *)g_ptr_array_index (candidates, i))->word;
            const RfOcrWord *b = &((RfOcrPassWord *)g_ptr_array_index (candidates, j))->word;
            Block *block = &found[find_root (parent, i)];
            int overlap = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

            if (i != j && find_root (parent, i) == find_root (parent, j) && overlap * 2 > MIN (a->height, b->height)
                && b->x - (a->x + a->width) > 3 * block->height)
              block->columns = TRUE;
          }

      for (guint i = 0; i < candidates->len && blocks->len < 4; i++)
        {
          Block block = found[i];
          gint64 area;

          if (block.characters < 8 || block.weighted / block.characters >= 0.90)
            continue;
          /* Not the whole card again: that is what the passes did. */
          area = (gint64)(block.right - block.left) * (block.bottom - block.top);
          if (area * 3 > (gint64)pixGetWidth (pass->grey) * pixGetHeight (pass->grey))
            continue;
          /* Room for what the pass did not see of the lines' ends. */
          block.left = MAX (0, block.left - 3 * block.height);
          block.top = MAX (0, block.top - block.height);
          block.right = MIN (pixGetWidth (pass->grey) - 1, block.right + 3 * block.height);
          block.bottom = MIN (pixGetHeight (pass->grey) - 1, block.bottom + block.height);
          g_array_append_val (blocks, block);

          for (guint t = 0; t < G_N_ELEMENTS (turns); t++)
            {
              g_autoptr(BOX) box = boxCreate (block.left, block.top, block.right - block.left, block.bottom - block.top);
              RfOcrRun run = { 0 };
              double angle = 0;
              double scale = 1;

              run.pix = rf_ocr_straighten_block (pass->grey, box, block.height, turns[t], &angle, &scale);
              if (run.pix == NULL)
                continue;
              run.x = block.left;
              run.y = block.top;
              run.centre_x = (block.right - block.left) / 2.0;
              run.centre_y = (block.bottom - block.top) / 2.0;
              run.angle = angle * G_PI / 180.0;
              run.scale = scale;
              run.self = self;
              /* One block of lines reads best as such; two columns must
               * not be joined into lines, so those are read as sparse text. */
              run.psm = block.columns ? 11 /* PSM_SPARSE_TEXT */ : 6 /* PSM_SINGLE_BLOCK */;
              run.index = n_passes + blocks->len - 1;
              run.cancellable = cancellable;
              run.words = g_ptr_array_new ();
              g_array_append_val (runs, run);
            }
        }
    }

  if (runs->len == 0)
    return TRUE;
  ok = rf_ocr_run_all ((RfOcrRun *)runs->data, runs->len, NULL, error);

  for (guint b = 0; ok && b < blocks->len; b++)
    {
      Block *block = &g_array_index (blocks, Block, b);
      guint characters;
      double best = block_confidence (words, block, block->pass, &characters);
      guint block_characters = characters;
      RfOcrRun *winner = NULL;

      for (guint r = 0; r < runs->len; r++)
        {
          RfOcrRun *run = &g_array_index (runs, RfOcrRun, r);
          double confidence;

          if (run->index != n_passes + b)
            continue;
          confidence = block_confidence (run->words, block, G_MAXUINT, &characters);
          g_debug ("  variant %.1f°: %.2f over %u characters (of %u), %u words", run->angle * 180 / G_PI, confidence,
                   characters, block->characters, run->words->len);
          /* Fewer letters at a higher confidence is not better: the same
           * text, read more surely, is. */
          if (confidence > best && characters * 20 >= block_characters * 19)
            {
              best = confidence;
              winner = run;
            }
        }
      g_debug ("block %d,%d %dx%d: %.2f, %s", block->left, block->top, block->right - block->left,
               block->bottom - block->top, block->weighted / block->characters,
               winner != NULL ? "read again" : "kept");
      if (winner == NULL)
        continue;
      for (guint i = 0; i < words->len; i++)
        {
          RfOcrPassWord *word = g_ptr_array_index (words, i);
          /* Only words wholly inside: the new reading may have cut the others. */
          if (word->pass == block->pass && word->word.x >= block->left && word->word.y >= block->top
              && word->word.x + word->word.width <= block->right && word->word.y + word->word.height <= block->bottom)
            word->word.confidence = -1;  /* superseded */
        }
      for (guint i = 0; i < winner->words->len; i++)
        g_ptr_array_add (words, g_ptr_array_index (winner->words, i));
      g_ptr_array_set_size (winner->words, 0);
    }

  for (guint r = 0; r < runs->len; r++)
    {
      RfOcrRun *run = &g_array_index (runs, RfOcrRun, r);

      pixDestroy (&run->pix);
      g_ptr_array_foreach (run->words, (GFunc)rf_ocr_pass_word_free, NULL);
      g_ptr_array_unref (run->words);
    }
  return ok;
}

/* -- Merging ------------------------------------------------------------- */

static gboolean
word_is_plausible (const RfOcrPassWord *word)
{
  gboolean has_alnum = FALSE;
  glong length = g_utf8_strlen (word->word.text, -1);

  for (const char *p = word->word.text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      has_alnum = TRUE;
  if (!has_alnum)
    return FALSE;
  /* An email or a web address checks itself: the card parser validates
   * its shape, so a low confidence costs little. */
  if (length >= 6 && (strchr (word->word.text, '@') != NULL || strstr (word->word.text, "www") != NULL))
    return word->word.confidence * 100 >= MIN_STRUCTURED_CONFIDENCE;
  if (length <= 2)
    return word->word.confidence * 100 >= MIN_SHORT_WORD_CONFIDENCE;
  return word->word.confidence * 100 >= MIN_WORD_CONFIDENCE;
}

/* Where two passes read something in one place, the surer reading wins;
 * a stray mark read as one sure letter should not beat a word. */
static double
merge_score (const RfOcrPassWord *word)
{
  glong length = g_utf8_strlen (word->word.text, -1);

  return word->word.confidence * (1.0 - 1.0 / (length + 1));
}

static int
compare_confidence (gconstpointer a,
                    gconstpointer b)
{
  double sa = merge_score (*(RfOcrPassWord * const *)a);
  double sb = merge_score (*(RfOcrPassWord * const *)b);

  return sa < sb ? 1 : sa > sb ? -1 : 0;
}

static gint64
overlap_area (const RfOcrWord *a,
              const RfOcrWord *b)
{
  int w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  int h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  return w > 0 && h > 0 ? (gint64)w * h : 0;
}

typedef struct
{
  GPtrArray *words;   /* RfOcrPassWord, borrowed */
  int        left, top, right, bottom;
  guint64    passes;  /* bit n: has words of pass n */
} LineGroup;

static void
group_add (LineGroup *group,
           RfOcrPassWord  *word)
{
  if (group->words->len == 0)
    {
      group->left = word->word.x;
      group->top = word->word.y;
      group->right = word->word.x + word->word.width;
      group->bottom = word->word.y + word->word.height;
    }
  else
    {
      group->left = MIN (group->left, word->word.x);
      group->top = MIN (group->top, word->word.y);
      group->right = MAX (group->right, word->word.x + word->word.width);
      group->bottom = MAX (group->bottom, word->word.y + word->word.height);
    }
  g_ptr_array_add (group->words, word);
}

static void
group_free (LineGroup *group)
{
  g_ptr_array_unref (group->words);
  g_free (group);
}

/* Two pieces of one line, split because the passes read different words
 * of it: from different passes, level with each other, near, and with no
 * word on top of another (they may interleave). Lines one pass keeps apart
 * stay apart: on a card in two columns they are different things. */
static gboolean
groups_continue (const LineGroup *a,
                 const LineGroup *b)
{
  int overlap = MIN (a->bottom, b->bottom) - MAX (a->top, b->top);
  int height = MAX (a->bottom - a->top, b->bottom - b->top);
  int gap = MAX (a->left, b->left) - MIN (a->right, b->right);

  if ((a->passes & b->passes) != 0 || overlap * 2 < MIN (a->bottom - a->top, b->bottom - b->top) || gap >= 2 * height)
    return FALSE;
  for (guint i = 0; i < a->words->len; i++)
    for (guint j = 0; j < b->words->len; j++)
      {
        const RfOcrWord *wa = &((RfOcrPassWord *)g_ptr_array_index (a->words, i))->word;
        const RfOcrWord *wb = &((RfOcrPassWord *)g_ptr_array_index (b->words, j))->word;
        int shared = MIN (wa->x + wa->width, wb->x + wb->width) - MAX (wa->x, wb->x);

        if (shared * 10 > MIN (wa->width, wb->width) * 3)
          return FALSE;
      }
  return TRUE;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const LineGroup *ga = *(LineGroup * const *)a;
  const LineGroup *gb = *(LineGroup * const *)b;

  return ga->top != gb->top ? ga->top - gb->top : ga->left - gb->left;
}

static int
compare_x (gconstpointer a,
           gconstpointer b)
{
  const RfOcrPassWord *wa = *(RfOcrPassWord * const *)a;
  const RfOcrPassWord *wb = *(RfOcrPassWord * const *)b;

  return wa->word.x - wb->word.x;
}

/* Keeps the most confident reading of each place on the card and puts the
 * words back into lines, top to bottom. */
RfOcrResult *
rf_ocr_merge_passes (GPtrArray *all)
{
  g_autoptr(GPtrArray) accepted = g_ptr_array_new ();
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify)group_free);
  g_autoptr(GHashTable) by_line = g_hash_table_new (g_direct_hash, g_direct_equal);
  RfOcrResult *result = g_new0 (RfOcrResult, 1);
  GString *text = g_string_new (NULL);
  double total = 0;
  guint count = 0;
  gboolean merged;

  g_ptr_array_sort (all, compare_confidence);
  for (guint i = 0; i < all->len; i++)
    {
      RfOcrPassWord *word = g_ptr_array_index (all, i);
      gint64 area = (gint64)word->word.width * word->word.height;
      gboolean clash = FALSE;

      if (!word_is_plausible (word))
        continue;
      for (guint j = 0; j < accepted->len && !clash; j++)
        {
          const RfOcrPassWord *other = g_ptr_array_index (accepted, j);
          gint64 other_area = (gint64)other->word.width * other->word.height;

          clash = overlap_area (&word->word, &other->word) * 10 > MIN (area, other_area) * 3;
        }
      if (!clash)
        g_ptr_array_add (accepted, word);
    }

  for (guint i = 0; i < accepted->len; i++)
    {
      RfOcrPassWord *word = g_ptr_array_index (accepted, i);
      gpointer key = GUINT_TO_POINTER (word->pass << 24 | word->line);
      LineGroup *group = g_hash_table_lookup (by_line, key);

      if (group == NULL)
        {
          group = g_new0 (LineGroup, 1);
          group->words = g_ptr_array_new ();
          group->passes = G_GUINT64_CONSTANT (1) << MIN (word->pass, 63);
          g_hash_table_insert (by_line, key, group);
          g_ptr_array_add (groups, group);
        }
      group_add (group, word);
    }

  do
    {
      merged = FALSE;
      for (guint i = 0; i < groups->len && !merged; i++)
        for (guint j = i + 1; j < groups->len && !merged; j++)
          {
            LineGroup *a = g_ptr_array_index (groups, i);
            LineGroup *b = g_ptr_array_index (groups, j);

            if (!groups_continue (a, b))
              continue;
            for (guint k = 0; k < b->words->len; k++)
              group_add (a, g_ptr_array_index (b->words, k));
            a->passes |= b->passes;
            g_ptr_array_remove_index (groups, j);
            merged = TRUE;
          }
    }
  while (merged);

  g_ptr_array_sort (groups, compare_groups);
  result->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)rf_ocr_line_free);
  for (guint i = 0; i < groups->len; i++)
    {
      LineGroup *group = g_ptr_array_index (groups, i);
      RfOcrLine *line = g_new0 (RfOcrLine, 1);
      GString *line_text = g_string_new (NULL);
      double line_total = 0;

      g_ptr_array_sort (group->words, compare_x);
      line->words = g_ptr_array_new_with_free_func ((GDestroyNotify)rf_ocr_word_free);
      for (guint j = 0; j < group->words->len; j++)
        {
          const RfOcrPassWord *word = g_ptr_array_index (group->words, j);

          if (j > 0)
            g_string_append_c (line_text, ' ');
          g_string_append (line_text, word->word.text);
          line_total += word->word.confidence;
          g_ptr_array_add (line->words, rf_ocr_word_copy (&word->word));
        }
      line->confidence = line_total / group->words->len;
      line->text = g_string_free (line_text, FALSE);
      total += line_total;
      count += group->words->len;

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line->text);
      g_ptr_array_add (result->lines, line);
    }
  result->text = g_string_free (text, FALSE);
  result->confidence = count > 0 ? total / count : 0;
  return result;
}
