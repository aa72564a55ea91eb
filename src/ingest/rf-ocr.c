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

#include <dlfcn.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <tesseract/capi.h>

#include "rf-ocr-private.h"

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

void
rf_ocr_word_free (RfOcrWord *word)
{
  g_free (word->text);
  g_free (word);
}

void
rf_ocr_line_free (RfOcrLine *line)
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

RfOcrWord *
rf_ocr_word_copy (const RfOcrWord *word)
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
  copy->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)rf_ocr_line_free);
  for (guint i = 0; i < result->lines->len; i++)
    {
      const RfOcrLine *line = g_ptr_array_index (result->lines, i);
      RfOcrLine *line_copy = g_new0 (RfOcrLine, 1);

      line_copy->text = g_strdup (line->text);
      line_copy->confidence = line->confidence;
      line_copy->words = g_ptr_array_new_with_free_func ((GDestroyNotify)rf_ocr_word_free);
      for (guint j = 0; j < line->words->len; j++)
        g_ptr_array_add (line_copy->words, rf_ocr_word_copy (g_ptr_array_index (line->words, j)));
      g_ptr_array_add (copy->lines, line_copy);
    }
  return copy;
}

/* -- Tesseract ----------------------------------------------------------- */

void
rf_ocr_pass_word_free (RfOcrPassWord *word)
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
  /* Tesseract would try each unsure line inverted too; the card pipeline
   * has its own pass for light text, so that only costs time (-20%). */
  TessBaseAPISetVariable (api, "tessedit_do_invert", "0");
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


/* A point of a block turned by @angle (radians, clockwise) about its centre,
 * back in the block's own frame. */
static void
unturn (const RfOcrRun *run,
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

/* Tesseract built with OpenMP (Debian's is) splits each line over four
 * threads that spin while they wait. The passes already run one per core,
 * so on two cores ~60% of the processor time went to libgomp and the
 * scheduler. No parallel regions: tesseract runs on the calling thread
 * (the setting is per thread). Looked up at run time from the libgomp
 * tesseract brought in, so that nothing of ours is built with OpenMP and
 * a tesseract without it costs nothing. */
static void
no_openmp_teams (void)
{
  static void (*set_max_active_levels) (int) = NULL;
  static gsize looked_up = 0;

  if (g_once_init_enter (&looked_up))
    {
      set_max_active_levels = (void (*) (int)) dlsym (RTLD_DEFAULT, "omp_set_max_active_levels");
      g_once_init_leave (&looked_up, 1);
    }
  if (set_max_active_levels != NULL)
    set_max_active_levels (0);
}

static gpointer
run_pass (gpointer data)
{
  RfOcrRun *run = data;
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

  no_openmp_teams ();
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
          RfOcrPassWord *word;
          int left, top, right, bottom;

          if (TessPageIteratorIsAtBeginningOf (page, RIL_TEXTLINE))
            line++;
          if (text == NULL)
            continue;
          word = g_new0 (RfOcrPassWord, 1);
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
gboolean
rf_ocr_run_all (RfOcrRun    *runs,
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
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func ((GDestroyNotify)rf_ocr_pass_word_free);
  RfOcrRun *runs;
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
  runs = g_new0 (RfOcrRun, passes->len);
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
  ok = rf_ocr_run_all (runs, passes->len, words, error);
  g_free (runs);
  if (!ok || (mode == RF_OCR_MODE_CARD && !rf_ocr_refine_blocks (self, passes, words, cancellable, error)))
    return NULL;

  result = rf_ocr_merge_passes (words);
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
