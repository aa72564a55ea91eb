/* rf-ocr.c: tesseract in GTask threads, and the merging of its passes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A TessBaseAPI is not thread-safe and takes a while to load its language
 * data, so RfOcr keeps a small pool of them and hands one to each running
 * pass. The card pipeline (rf-ocr-image.c) gives two passes, dark text and
 * light text; they run at once, and where both read a word the more
 * confident reading wins.
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <tesseract/capi.h>

#include "rf-ocr-private.h"

/* Words tesseract is less sure of than this are mostly noise from texture. */
#define MIN_WORD_CONFIDENCE 45.0f
/* Short words need more: stray marks read as "ee", "|", "=". */
#define MIN_SHORT_WORD_CONFIDENCE 70.0f
#define MIN_STRUCTURED_CONFIDENCE 15.0f
#define PASS_DEADLINE_MS 10000

struct _RfOcr
{
  GObject    parent_instance;

  char      *language;
  RfOcrMode  mode;

  GMutex     pool_lock;
  GPtrArray *pool;       /* idle TessBaseAPI *, all for pool_language */
  char      *pool_language;
};

G_DEFINE_FINAL_TYPE (RfOcr, rf_ocr, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LANGUAGE,
  PROP_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* -- Results ------------------------------------------------------------- */

static void
word_free (RfOcrWord *word)
{
  g_free (word->text);
  g_free (word);
}

static void
line_free (RfOcrLine *line)
{
  g_free (line->text);
  g_ptr_array_unref (line->words);
  g_free (line);
}

void
rf_ocr_result_free (RfOcrResult *result)
{
  if (result == NULL)
    return;
  g_free (result->text);
  g_ptr_array_unref (result->lines);
  g_free (result);
}

static RfOcrWord *
word_copy (const RfOcrWord *word)
{
  RfOcrWord *copy = g_memdup2 (word, sizeof *word);

  copy->text = g_strdup (word->text);
  return copy;
}

RfOcrResult *
rf_ocr_result_copy (const RfOcrResult *result)
{
  RfOcrResult *copy;

  g_return_val_if_fail (result != NULL, NULL);

  copy = g_new0 (RfOcrResult, 1);
  copy->text = g_strdup (result->text);
  copy->confidence = result->confidence;
  copy->skew = result->skew;
  copy->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)line_free);
  for (guint i = 0; i < result->lines->len; i++)
    {
      const RfOcrLine *line = g_ptr_array_index (result->lines, i);
      RfOcrLine *line_copy = g_new0 (RfOcrLine, 1);

      line_copy->text = g_strdup (line->text);
      line_copy->confidence = line->confidence;
      line_copy->words = g_ptr_array_new_with_free_func ((GDestroyNotify)word_free);
      for (guint j = 0; j < line->words->len; j++)
        g_ptr_array_add (line_copy->words, word_copy (g_ptr_array_index (line->words, j)));
      g_ptr_array_add (copy->lines, line_copy);
    }
  return copy;
}

/* -- Tesseract ----------------------------------------------------------- */

/* A word as read by one pass. */
typedef struct
{
  RfOcrWord word;
  guint     pass;
  guint     line;   /* index of its line in its pass */
} PassWord;

static void
pass_word_free (PassWord *word)
{
  g_free (word->word.text);
  g_free (word);
}

static TessBaseAPI *
acquire_api (RfOcr   *self,
             GError **error)
{
  TessBaseAPI *api = NULL;
  g_autofree char *language = NULL;

  g_mutex_lock (&self->pool_lock);
  if (g_strcmp0 (self->pool_language, self->language) != 0)
    {
      g_ptr_array_set_size (self->pool, 0);
      g_free (self->pool_language);
      self->pool_language = g_strdup (self->language);
    }
  if (self->pool->len > 0)
    api = g_ptr_array_steal_index (self->pool, self->pool->len - 1);
  language = g_strdup (self->language);
  g_mutex_unlock (&self->pool_lock);

  if (api != NULL)
    return api;

  api = TessBaseAPICreate ();
  /* A NULL data path: TESSDATA_PREFIX, else the system's tessdata. */
  if (TessBaseAPIInit3 (api, NULL, language) != 0)
    {
      TessBaseAPIDelete (api);
      g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_NO_LANGUAGE_DATA,
                   _("Text recognition data for “%s” is missing. Install the package tesseract-ocr-%s, "
                     "or set TESSDATA_PREFIX to a folder with %s.traineddata."),
                   language, language, language);
      return NULL;
    }
  TessBaseAPISetVariable (api, "debug_file", "/dev/null");
  return api;
}

static void
release_api (RfOcr       *self,
             TessBaseAPI *api,
             const char  *language)
{
  TessBaseAPIClear (api);
  g_mutex_lock (&self->pool_lock);
  if (g_strcmp0 (self->pool_language, language) == 0 && self->pool->len < 4)
    {
      g_ptr_array_add (self->pool, api);
      api = NULL;
    }
  g_mutex_unlock (&self->pool_lock);
  if (api != NULL)
    TessBaseAPIDelete (api);
}

static void
delete_api (gpointer api)
{
  TessBaseAPIEnd (api);
  TessBaseAPIDelete (api);
}

static bool
cancel_cb (void *cancel_this,
           int   words)
{
  return g_cancellable_is_cancelled (cancel_this);
}

typedef struct
{
  RfOcr        *self;
  PIX          *pix;
  int           psm;
  guint         index;
  GCancellable *cancellable;
  GPtrArray    *words;    /* PassWord */
  GError       *error;
  /* Where @pix came from: cut at (x, y) and turned by @angle about its centre. */
  int           x, y;
  double        angle;
  double        scale;   /* of @pix against the block; 0: 1 */
  double        centre_x, centre_y;  /* the block's centre, in the block */
} PassRun;

/* A point of a block turned by @angle (radians, clockwise) about its centre,
 * back in the block's own frame. */
static void
unturn (const PassRun *run,
        int           *x,
        int           *y)
{
  double scale = run->scale > 0 ? run->scale : 1.0;
  double cx;
  double cy;
  double dx;
  double dy;
  double c;
  double s;

  if (run->scale == 0 && run->angle == 0)
    {
      /* A whole pass: its own frame. */
      *x += run->x;
      *y += run->y;
      return;
    }
  cx = pixGetWidth (run->pix) / 2.0;
  cy = pixGetHeight (run->pix) / 2.0;
  dx = (*x - cx) / scale;
  dy = (*y - cy) / scale;
  c = cos (run->angle);
  s = sin (run->angle);

  /* The turned image may be larger than the block (embedded so nothing is
   * cut off); their centres coincide. */
  *x = (int)(run->centre_x + dx * c + dy * s) + run->x;
  *y = (int)(run->centre_y - dx * s + dy * c) + run->y;
}

static gpointer
run_pass (gpointer data)
{
  PassRun *run = data;
  TessBaseAPI *api;
  ETEXT_DESC *monitor;
  TessResultIterator *iterator;
  g_autofree char *language = NULL;
  guint line = 0;

  g_mutex_lock (&run->self->pool_lock);
  language = g_strdup (run->self->language);
  g_mutex_unlock (&run->self->pool_lock);

  api = acquire_api (run->self, &run->error);
  if (api == NULL)
    return NULL;

  monitor = TessMonitorCreate ();
  TessMonitorSetCancelFunc (monitor, cancel_cb);
  TessMonitorSetCancelThis (monitor, run->cancellable);
  /* A photo of something that is not a card (gravel, a carpet) can keep
   * tesseract busy for minutes; what it read by then is all there is. */
  TessMonitorSetDeadlineMSecs (monitor, PASS_DEADLINE_MS);

  TessBaseAPISetPageSegMode (api, run->psm);
  TessBaseAPISetImage2 (api, run->pix);
  TessBaseAPISetSourceResolution (api, 300);
  /* Past the deadline, Recognize fails but keeps what it read. */
  if (TessBaseAPIRecognize (api, monitor) != 0 && !g_cancellable_is_cancelled (run->cancellable))
    g_debug ("pass %u stopped at the deadline", run->index);
  if (g_cancellable_set_error_if_cancelled (run->cancellable, &run->error))
    {
      TessMonitorDelete (monitor);
      release_api (run->self, api, language);
      return NULL;
    }
  TessMonitorDelete (monitor);

  iterator = TessBaseAPIGetIterator (api);
  if (iterator != NULL)
    {
      const TessPageIterator *page = TessResultIteratorGetPageIterator (iterator);

      do
        {
          char *text = TessResultIteratorGetUTF8Text (iterator, RIL_WORD);
          PassWord *word;
          int left, top, right, bottom;

          if (TessPageIteratorIsAtBeginningOf (page, RIL_TEXTLINE))
            line++;
          if (text == NULL)
            continue;
          word = g_new0 (PassWord, 1);
          word->word.text = g_strstrip (g_strdup (text));
          TessDeleteText (text);
          word->word.confidence = TessResultIteratorConfidence (iterator, RIL_WORD) / 100.0;
          if (TessPageIteratorBoundingBox (page, RIL_WORD, &left, &top, &right, &bottom))
            {
              int cx = (left + right) / 2;
              int cy = (top + bottom) / 2;

              unturn (run, &cx, &cy);
              word->word.width = (int)((right - left) / (run->scale > 0 ? run->scale : 1.0));
              word->word.height = (int)((bottom - top) / (run->scale > 0 ? run->scale : 1.0));
              word->word.x = cx - word->word.width / 2;
              word->word.y = cy - word->word.height / 2;
            }
          word->pass = run->index;
          word->line = line;
          g_ptr_array_add (run->words, word);
        }
      while (TessResultIteratorNext (iterator, RIL_WORD));
      TessResultIteratorDelete (iterator);
    }
  release_api (run->self, api, language);
  return NULL;
}

/* Runs @runs, two at a time (the machines this is for have few cores), and
 * moves their words to @words. FALSE with @error if one failed. */
static gboolean
run_all (PassRun    *runs,
         guint       n_runs,
         GPtrArray  *words,
         GError    **error)
{
  GError *first_error = NULL;

  for (guint i = 0; i < n_runs; i += 2)
    {
      GThread *thread = NULL;

      if (i + 1 < n_runs)
        thread = g_thread_new ("rf-ocr-pass", run_pass, &runs[i + 1]);
      run_pass (&runs[i]);
      if (thread != NULL)
        g_thread_join (thread);
    }

  for (guint i = 0; i < n_runs; i++)
    {
      if (runs[i].error != NULL && first_error == NULL)
        first_error = g_steal_pointer (&runs[i].error);
      g_clear_error (&runs[i].error);
      if (words == NULL)
        continue;
      for (guint j = 0; j < runs[i].words->len; j++)
        g_ptr_array_add (words, g_ptr_array_index (runs[i].words, j));
      g_ptr_array_unref (runs[i].words);
      runs[i].words = NULL;
    }
  if (first_error != NULL)
    {
      g_propagate_error (error, first_error);
      return FALSE;
    }
  return TRUE;
}

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
      const PassWord *word = g_ptr_array_index (words, i);
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
static gboolean
refine_blocks (RfOcr         *self,
               GPtrArray     *passes,
               GPtrArray     *words,
               GCancellable  *cancellable,
               GError       **error)
{
  static const double turns[] = { 0, -1.5, 1.5 };
  g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (PassRun));
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
          PassWord *word = g_ptr_array_index (words, i);

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
            const RfOcrWord *a = &((PassWord *)g_ptr_array_index (candidates, i))->word;
            const RfOcrWord *b = &((PassWord *)g_ptr_array_index (candidates, j))->word;
            int h = MAX (a->height, b->height);
            int gap_x = MAX (a->x, b->x) - MIN (a->x + a->width, b->x + b->width);
            int gap_y = MAX (a->y, b->y) - MIN (a->y + a->height, b->y + b->height);

            if (gap_x < 2 * h && gap_y < h)
              parent[find_root (parent, i)] = find_root (parent, j);
          }

      found = g_new0 (Block, candidates->len);
      for (guint i = 0; i < candidates->len; i++)
        {
          const RfOcrWord *w = &((PassWord *)g_ptr_array_index (candidates, i))->word;
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
              g_array_append_val (heights, ((PassWord *)g_ptr_array_index (candidates, j))->word.height);
          g_array_sort (heights, compare_height);
          block->height = g_array_index (heights, int, heights->len / 2);
        }
      for (guint i = 0; i < candidates->len; i++)
        for (guint j = 0; j < candidates->len; j++)
          {
            const RfOcrWord *a = &((PassWord *)g_ptr_array_index (candidates, i))->word;
            const RfOcrWord *b = &((PassWord *)g_ptr_array_index (candidates, j))->word;
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
              PassRun run = { 0 };
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
  ok = run_all ((PassRun *)runs->data, runs->len, NULL, error);

  for (guint b = 0; ok && b < blocks->len; b++)
    {
      Block *block = &g_array_index (blocks, Block, b);
      guint characters;
      double best = block_confidence (words, block, block->pass, &characters);
      guint block_characters = characters;
      PassRun *winner = NULL;

      for (guint r = 0; r < runs->len; r++)
        {
          PassRun *run = &g_array_index (runs, PassRun, r);
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
          PassWord *word = g_ptr_array_index (words, i);
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
      PassRun *run = &g_array_index (runs, PassRun, r);

      pixDestroy (&run->pix);
      g_ptr_array_foreach (run->words, (GFunc)pass_word_free, NULL);
      g_ptr_array_unref (run->words);
    }
  return ok;
}

/* -- Merging ------------------------------------------------------------- */

static gboolean
word_is_plausible (const PassWord *word)
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
merge_score (const PassWord *word)
{
  glong length = g_utf8_strlen (word->word.text, -1);

  return word->word.confidence * (1.0 - 1.0 / (length + 1));
}

static int
compare_confidence (gconstpointer a,
                    gconstpointer b)
{
  double sa = merge_score (*(PassWord * const *)a);
  double sb = merge_score (*(PassWord * const *)b);

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
  GPtrArray *words;   /* PassWord, borrowed */
  int        left, top, right, bottom;
  guint64    passes;  /* bit n: has words of pass n */
} LineGroup;

static void
group_add (LineGroup *group,
           PassWord  *word)
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
        const RfOcrWord *wa = &((PassWord *)g_ptr_array_index (a->words, i))->word;
        const RfOcrWord *wb = &((PassWord *)g_ptr_array_index (b->words, j))->word;
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
  const PassWord *wa = *(PassWord * const *)a;
  const PassWord *wb = *(PassWord * const *)b;

  return wa->word.x - wb->word.x;
}

/* Keeps the most confident reading of each place on the card and puts the
 * words back into lines, top to bottom. */
static RfOcrResult *
merge_passes (GPtrArray *all)
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
      PassWord *word = g_ptr_array_index (all, i);
      gint64 area = (gint64)word->word.width * word->word.height;
      gboolean clash = FALSE;

      if (!word_is_plausible (word))
        continue;
      for (guint j = 0; j < accepted->len && !clash; j++)
        {
          const PassWord *other = g_ptr_array_index (accepted, j);
          gint64 other_area = (gint64)other->word.width * other->word.height;

          clash = overlap_area (&word->word, &other->word) * 10 > MIN (area, other_area) * 3;
        }
      if (!clash)
        g_ptr_array_add (accepted, word);
    }

  for (guint i = 0; i < accepted->len; i++)
    {
      PassWord *word = g_ptr_array_index (accepted, i);
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
  result->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)line_free);
  for (guint i = 0; i < groups->len; i++)
    {
      LineGroup *group = g_ptr_array_index (groups, i);
      RfOcrLine *line = g_new0 (RfOcrLine, 1);
      GString *line_text = g_string_new (NULL);
      double line_total = 0;

      g_ptr_array_sort (group->words, compare_x);
      line->words = g_ptr_array_new_with_free_func ((GDestroyNotify)word_free);
      for (guint j = 0; j < group->words->len; j++)
        {
          const PassWord *word = g_ptr_array_index (group->words, j);

          if (j > 0)
            g_string_append_c (line_text, ' ');
          g_string_append (line_text, word->word.text);
          line_total += word->word.confidence;
          g_ptr_array_add (line->words, word_copy (&word->word));
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

/* -- Recognition --------------------------------------------------------- */

/* Takes @pix. */
static RfOcrResult *
recognize_pix (RfOcr         *self,
               PIX           *pix,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(PIX) owned = pix;
  g_autoptr(GPtrArray) passes = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func ((GDestroyNotify)pass_word_free);
  PassRun *runs;
  RfOcrResult *result = NULL;
  gboolean ok;
  RfOcrMode mode;
  double skew = 0;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  g_mutex_lock (&self->pool_lock);
  mode = self->mode;
  g_mutex_unlock (&self->pool_lock);

  passes = rf_ocr_prepare_passes (owned, mode, &skew);
  if (passes == NULL)
    {
      g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_CORRUPT_FILE,
                   _("The image could not be prepared for text recognition. Save or export it again."));
      return NULL;
    }
  g_clear_pointer (&owned, rf_pix_unref);

  /* The passes run at once: the first here, the others in threads. */
  runs = g_new0 (PassRun, passes->len);
  for (guint i = 0; i < passes->len; i++)
    {
      RfOcrPass *pass = g_ptr_array_index (passes, i);

      runs[i].self = self;
      runs[i].pix = pass->pix;
      runs[i].psm = pass->psm;
      runs[i].index = i;
      runs[i].cancellable = cancellable;
      runs[i].words = g_ptr_array_new ();
    }
  ok = run_all (runs, passes->len, words, error);
  g_free (runs);
  if (!ok || (mode == RF_OCR_MODE_CARD && !refine_blocks (self, passes, words, cancellable, error)))
    return NULL;

  result = merge_passes (words);
  result->skew = skew;
  if (result->lines->len == 0)
    {
      rf_ocr_result_free (result);
      g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_NO_TEXT,
                   _("No text was found in the image. Take the photo closer, in good light, with the card filling most of it."));
      return NULL;
    }
  return result;
}

RfOcrResult *
rf_ocr_recognize_bytes_sync (RfOcr         *self,
                             GBytes        *bytes,
                             GCancellable  *cancellable,
                             GError       **error)
{
  PIX *pix;
  gsize size;
  const guint8 *data;

  g_return_val_if_fail (RF_IS_OCR (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  pix = rf_ocr_decode_image (data, size, error);
  if (pix == NULL)
    return NULL;
  return recognize_pix (self, pix, cancellable, error);
}

RfOcrResult *
rf_ocr_recognize_file_sync (RfOcr         *self,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RF_IS_OCR (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Not read at all when it is plainly too big for a picture of a card. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (g_file_info_get_size (info) > 512 * 1024 * 1024)
    {
      g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_TOO_LARGE,
                   _("The file is too large for an image of a card. Scale it down and try again."));
      return NULL;
    }
  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;
  return rf_ocr_recognize_bytes_sync (self, bytes, cancellable, error);
}

RfOcrResult *
rf_ocr_recognize_pixels_sync (RfOcr         *self,
                              const guint8  *data,
                              int            width,
                              int            height,
                              int            stride,
                              int            dpi,
                              GCancellable  *cancellable,
                              GError       **error)
{
  PIX *pix;
  l_uint32 *pixels;
  int wpl;

  g_return_val_if_fail (RF_IS_OCR (self), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0 && stride >= width * 4, NULL);

  if ((guint64)width * height > RF_OCR_MAX_PIXELS)
    {
      g_set_error (error, RF_INGEST_ERROR, RF_INGEST_ERROR_TOO_LARGE,
                   _("The page is too large to read (%d × %d pixels)."), width, height);
      return NULL;
    }

  /* Cairo's pixels are native-endian 0xAARRGGBB words, like leptonica's
   * 0xRRGGBBAA but shifted by a byte. */
  pix = pixCreate (width, height, 32);
  pixels = pixGetData (pix);
  wpl = pixGetWpl (pix);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *)(data + (gsize)y * stride);

      for (int x = 0; x < width; x++)
        pixels[y * wpl + x] = row[x] << 8;
    }
  return recognize_pix (self, pix, cancellable, error);
}

static void
recognize_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  RfOcr *self = source_object;
  GError *error = NULL;
  RfOcrResult *result;

  if (g_task_get_source_tag (task) == rf_ocr_recognize_file_async)
    result = rf_ocr_recognize_file_sync (self, task_data, cancellable, &error);
  else
    result = rf_ocr_recognize_bytes_sync (self, task_data, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify)rf_ocr_result_free);
}

void
rf_ocr_recognize_file_async (RfOcr               *self,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RF_IS_OCR (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rf_ocr_recognize_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, recognize_thread);
}

RfOcrResult *
rf_ocr_recognize_file_finish (RfOcr         *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rf_ocr_recognize_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
rf_ocr_recognize_bytes_async (RfOcr               *self,
                              GBytes              *bytes,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RF_IS_OCR (self));
  g_return_if_fail (bytes != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rf_ocr_recognize_bytes_async);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify)g_bytes_unref);
  g_task_run_in_thread (task, recognize_thread);
}

RfOcrResult *
rf_ocr_recognize_bytes_finish (RfOcr         *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rf_ocr_recognize_bytes_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* -- The object ---------------------------------------------------------- */

const char *
rf_ocr_get_language (RfOcr *self)
{
  g_return_val_if_fail (RF_IS_OCR (self), NULL);
  return self->language;
}

void
rf_ocr_set_language (RfOcr      *self,
                     const char *language)
{
  gboolean changed;

  g_return_if_fail (RF_IS_OCR (self));
  g_return_if_fail (language != NULL && *language != '\0');

  g_mutex_lock (&self->pool_lock);
  changed = g_strcmp0 (self->language, language) != 0;
  if (changed)
    {
      g_free (self->language);
      self->language = g_strdup (language);
    }
  g_mutex_unlock (&self->pool_lock);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

RfOcrMode
rf_ocr_get_mode (RfOcr *self)
{
  g_return_val_if_fail (RF_IS_OCR (self), RF_OCR_MODE_CARD);
  return self->mode;
}

void
rf_ocr_set_mode (RfOcr     *self,
                 RfOcrMode  mode)
{
  g_return_if_fail (RF_IS_OCR (self));

  if (self->mode == mode)
    return;
  g_mutex_lock (&self->pool_lock);
  self->mode = mode;
  g_mutex_unlock (&self->pool_lock);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

RfOcr *
rf_ocr_new (void)
{
  return g_object_new (RF_TYPE_OCR, NULL);
}

static void
rf_ocr_finalize (GObject *object)
{
  RfOcr *self = RF_OCR (object);

  g_ptr_array_unref (self->pool);
  g_free (self->pool_language);
  g_free (self->language);
  g_mutex_clear (&self->pool_lock);

  G_OBJECT_CLASS (rf_ocr_parent_class)->finalize (object);
}

static void
rf_ocr_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  RfOcr *self = RF_OCR (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_MODE:
      g_value_set_int (value, self->mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_ocr_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  RfOcr *self = RF_OCR (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      rf_ocr_set_language (self, g_value_get_string (value));
      break;
    case PROP_MODE:
      rf_ocr_set_mode (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_ocr_class_init (RfOcrClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rf_ocr_finalize;
  object_class->get_property = rf_ocr_get_property;
  object_class->set_property = rf_ocr_set_property;

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "eng",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODE] =
    g_param_spec_int ("mode", NULL, NULL, RF_OCR_MODE_CARD, RF_OCR_MODE_DOCUMENT, RF_OCR_MODE_CARD,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Errors reach the user as GErrors; leptonica's own messages are noise. */
  setMsgSeverity (L_SEVERITY_NONE);
}

static void
rf_ocr_init (RfOcr *self)
{
  g_mutex_init (&self->pool_lock);
  self->language = g_strdup ("eng");
  self->pool = g_ptr_array_new_with_free_func (delete_api);
  self->mode = RF_OCR_MODE_CARD;
}
