/* rf-csv-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A push parser: bytes go in as they are read, records come out as they
 * complete, and only the record being built is held. The first 64 KiB are
 * kept back to tell the encoding and the delimiter before any record is
 * given out.
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <string.h>

#include "rf-csv-reader.h"

#define SNIFF_LENGTH (64 * 1024)
#define SNIFF_RECORDS 20

G_DEFINE_QUARK (rf-csv-error-quark, rf_csv_error)

typedef enum {
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTED_QUOTE,
} State;

struct _RfCsvReader
{
  /* Before detection: the bytes held back. */
  GByteArray *sniff;
  gboolean    detected;

  char       *encoding;       /* as reported: "UTF-8", "UTF-16LE", "WINDOWS-1252"... */
  gboolean    encoding_forced;
  gboolean    cell_fallback;  /* UTF-8 cells, Windows-1252 where a cell is not valid UTF-8 */
  GIConv      converter;      /* for everything else: the stream converted to UTF-8 first */
  GByteArray *unconverted;    /* an incomplete character carried to the next push */
  char        delimiter;
  gboolean    delimiter_forced;

  State       state;
  GPtrArray  *cells;          /* GString of the record being built */
  GString    *cell;
  gboolean    cell_quoted;
  gboolean    truncated;
  gboolean    pending_cr;
  guint       line;
  guint       record_line;
  guint64     bytes_read;
};

static const char candidates[] = { ',', ';', '\t', '|' };

RfCsvReader *
rf_csv_reader_new (void)
{
  RfCsvReader *self = g_new0 (RfCsvReader, 1);

  self->sniff = g_byte_array_new ();
  self->cells = g_ptr_array_new ();
  self->cell = g_string_new (NULL);
  self->converter = (GIConv)-1;
  self->unconverted = g_byte_array_new ();
  self->line = 1;
  self->record_line = 1;
  return self;
}

static void
clear_cells (RfCsvReader *self)
{
  for (guint i = 0; i < self->cells->len; i++)
    g_string_free (g_ptr_array_index (self->cells, i), TRUE);
  g_ptr_array_set_size (self->cells, 0);
}

void
rf_csv_reader_free (RfCsvReader *self)
{
  if (self == NULL)
    return;

  clear_cells (self);
  g_ptr_array_unref (self->cells);
  g_string_free (self->cell, TRUE);
  g_byte_array_unref (self->sniff);
  g_byte_array_unref (self->unconverted);
  if (self->converter != (GIConv)-1)
    g_iconv_close (self->converter);
  g_free (self->encoding);
  g_free (self);
}

void
rf_csv_reader_set_delimiter (RfCsvReader *self,
                             char         delimiter)
{
  g_return_if_fail (self != NULL);

  self->delimiter = delimiter;
  self->delimiter_forced = delimiter != 0;
}

gboolean
rf_csv_reader_set_encoding (RfCsvReader  *self,
                            const char   *encoding,
                            GError      **error)
{
  g_autofree char *upper = NULL;
  GIConv test;

  g_return_val_if_fail (self != NULL, FALSE);

  if (encoding == NULL || *encoding == '\0')
    {
      self->encoding_forced = FALSE;
      return TRUE;
    }

  upper = g_ascii_strup (encoding, -1);
  if (g_str_equal (upper, "UTF8"))
    {
      g_free (upper);
      upper = g_strdup ("UTF-8");
    }
  else if (g_str_equal (upper, "CP1252"))
    {
      g_free (upper);
      upper = g_strdup ("WINDOWS-1252");
    }

  test = g_iconv_open ("UTF-8", upper);
  if (test == (GIConv)-1)
    {
      g_set_error (error, RF_CSV_ERROR, RF_CSV_ERROR_BAD_ENCODING,
                   _("“%s” is not an encoding Raptorflow can read; try UTF-8, UTF-16 or Windows-1252"), encoding);
      return FALSE;
    }
  g_iconv_close (test);

  g_free (self->encoding);
  self->encoding = g_steal_pointer (&upper);
  self->encoding_forced = TRUE;
  return TRUE;
}

const char *
rf_csv_reader_get_encoding (RfCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->encoding;
}

char
rf_csv_reader_get_delimiter (RfCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->delimiter;
}

guint64
rf_csv_reader_get_bytes_read (RfCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->bytes_read;
}

const char *
rf_csv_delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case ',': return "comma";
    case ';': return "semicolon";
    case '\t': return "tab";
    case '|': return "pipe";
    default: return "other";
    }
}

/* "," "comma" ";" "semicolon" "tab" "\t" "|" "pipe". */
gboolean
rf_csv_delimiter_parse (const char *text,
                        char       *delimiter)
{
  static const struct { const char *name; char delimiter; } names[] = {
    { ",", ',' }, { "comma", ',' }, { ";", ';' }, { "semicolon", ';' },
    { "\t", '\t' }, { "\\t", '\t' }, { "tab", '\t' }, { "|", '|' }, { "pipe", '|' },
  };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        *delimiter = names[i].delimiter;
        return TRUE;
      }
  return FALSE;
}

/* Cells: valid UTF-8, no NUL; a cell that is not UTF-8 in a file that
 * mostly is, is read as Windows-1252 (a spreadsheet's edits). */
static char *
finish_cell_text (RfCsvReader *self,
                  GString     *cell)
{
  char *text;

  if (memchr (cell->str, '\0', cell->len) != NULL)
    {
      gsize out = 0;
      for (gsize in = 0; in < cell->len; in++)
        if (cell->str[in] != '\0')
          cell->str[out++] = cell->str[in];
      g_string_truncate (cell, out);
    }

  if (g_utf8_validate (cell->str, cell->len, NULL))
    return g_strndup (cell->str, cell->len);

  if (self->cell_fallback)
    {
      text = g_convert_with_fallback (cell->str, cell->len, "UTF-8", "WINDOWS-1252", "\xef\xbf\xbd",
                                      NULL, NULL, NULL);
      if (text != NULL)
        return text;
    }
  return g_utf8_make_valid (cell->str, cell->len);
}

static void
end_cell (RfCsvReader *self)
{
  g_ptr_array_add (self->cells, self->cell);
  self->cell = g_string_new (NULL);
  self->cell_quoted = FALSE;
}

static gboolean
end_record (RfCsvReader      *self,
            gboolean          unterminated,
            RfCsvRecordFunc   func,
            gpointer          user_data,
            GError          **error)
{
  gboolean blank;
  gboolean ok = TRUE;

  blank = self->cells->len == 0 && self->cell->len == 0 && !self->cell_quoted;
  end_cell (self);

  if (!blank)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      RfCsvRecord record = { 0 };

      for (guint i = 0; i < self->cells->len; i++)
        {
          char *text = finish_cell_text (self, g_ptr_array_index (self->cells, i));

          /* A byte-order mark iconv passed on (an explicit UTF-16LE, say). */
          if (i == 0 && self->record_line == 1 && g_str_has_prefix (text, "\xef\xbb\xbf"))
            memmove (text, text + 3, strlen (text + 3) + 1);
          g_ptr_array_add (texts, text);
        }
      g_ptr_array_add (texts, NULL);

      record.line = self->record_line;
      record.n_cells = self->cells->len;
      record.cells = (char **)texts->pdata;
      record.truncated = self->truncated;
      record.unterminated = unterminated;
      ok = func (&record, user_data, error);
    }

  clear_cells (self);
  self->truncated = FALSE;
  self->state = STATE_FIELD_START;
  return ok;
}

static void
append_byte (RfCsvReader *self,
             char         c)
{
  if (self->cell->len < RF_CSV_MAX_CELL_LENGTH)
    g_string_append_c (self->cell, c);
  else
    self->truncated = TRUE;
}

/* Feeds UTF-8 (or, with the cell fallback, raw) bytes to the state machine. */
static gboolean
tokenize (RfCsvReader      *self,
          const char       *data,
          gsize             length,
          RfCsvRecordFunc   func,
          gpointer          user_data,
          GError          **error)
{
  char delimiter = self->delimiter;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];
      gboolean newline = c == '\n' || c == '\r';

      /* CR LF counts once. */
      if (c == '\n' && self->pending_cr)
        {
          self->pending_cr = FALSE;
          if (self->state == STATE_QUOTED)
            append_byte (self, c);
          continue;
        }
      self->pending_cr = c == '\r';
      if (newline)
        self->line++;

      switch (self->state)
        {
        case STATE_FIELD_START:
          if (c == '"')
            {
              self->state = STATE_QUOTED;
              self->cell_quoted = TRUE;
            }
          else if (c == delimiter)
            end_cell (self);
          else if (newline)
            {
              if (!end_record (self, FALSE, func, user_data, error))
                return FALSE;
              self->record_line = self->line;
            }
          else
            {
              append_byte (self, c);
              self->state = STATE_UNQUOTED;
            }
          break;

        case STATE_UNQUOTED:
          if (c == delimiter)
            {
              end_cell (self);
              self->state = STATE_FIELD_START;
            }
          else if (newline)
            {
              if (!end_record (self, FALSE, func, user_data, error))
                return FALSE;
              self->record_line = self->line;
            }
          else
            append_byte (self, c);
          break;

        case STATE_QUOTED:
          if (c == '"')
            self->state = STATE_QUOTED_QUOTE;
          else
            append_byte (self, c);
          break;

        case STATE_QUOTED_QUOTE:
          if (c == '"')
            {
              append_byte (self, '"');
              self->state = STATE_QUOTED;
            }
          else if (c == delimiter)
            {
              end_cell (self);
              self->state = STATE_FIELD_START;
            }
          else if (newline)
            {
              if (!end_record (self, FALSE, func, user_data, error))
                return FALSE;
              self->record_line = self->line;
            }
          else
            {
              /* Text after a closing quote ("a"b): kept, as spreadsheets do. */
              append_byte (self, c);
              self->state = STATE_UNQUOTED;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }
  return TRUE;
}

/* Converts with iconv, carrying an incomplete last character over. */
static gboolean
convert_and_tokenize (RfCsvReader      *self,
                      const char       *data,
                      gsize             length,
                      gboolean          last,
                      RfCsvRecordFunc   func,
                      gpointer          user_data,
                      GError          **error)
{
  g_autoptr(GByteArray) input = NULL;
  char buffer[16384];
  char *in;
  gsize in_left;

  if (self->converter == (GIConv)-1)
    return tokenize (self, data, length, func, user_data, error);

  input = g_byte_array_new ();
  g_byte_array_append (input, self->unconverted->data, self->unconverted->len);
  g_byte_array_append (input, (const guint8 *)data, length);
  g_byte_array_set_size (self->unconverted, 0);

  in = (char *)input->data;
  in_left = input->len;
  while (in_left > 0)
    {
      char *out = buffer;
      gsize out_left = sizeof buffer;
      gsize rc = g_iconv (self->converter, &in, &in_left, &out, &out_left);
      int saved_errno = errno;

      if (!tokenize (self, buffer, sizeof buffer - out_left, func, user_data, error))
        return FALSE;

      if (rc == (gsize)-1)
        {
          if (saved_errno == E2BIG)
            continue;
          if (saved_errno == EINVAL && !last)
            {
              /* A character cut by the read: keep its start for next time. */
              g_byte_array_append (self->unconverted, (const guint8 *)in, in_left);
              break;
            }
          /* An invalid sequence: a replacement character, and go on. */
          if (!tokenize (self, "\xef\xbf\xbd", 3, func, user_data, error))
            return FALSE;
          in += MIN (in_left, g_str_has_prefix (self->encoding, "UTF-16") ? 2 : 1);
          in_left -= MIN (in_left, g_str_has_prefix (self->encoding, "UTF-16") ? 2 : 1);
        }
    }
  return TRUE;
}

/* Field counts of the first records with @delimiter: how many records
 * share the header's count, when that is more than one field. */
static guint
score_delimiter (const guint8 *data,
                 gsize         length,
                 char          delimiter)
{
  guint counts[SNIFF_RECORDS] = { 0 };
  guint n_records = 0;
  guint fields = 1;
  gboolean quoted = FALSE;
  guint score = 0;

  for (gsize i = 0; i < length && n_records < SNIFF_RECORDS; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && c == delimiter)
        fields++;
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          if (c == '\r' && i + 1 < length && data[i + 1] == '\n')
            i++;
          if (fields > 1 || n_records > 0)
            counts[n_records++] = fields;
          fields = 1;
        }
    }
  if (fields > 1 && n_records < SNIFF_RECORDS)
    counts[n_records++] = fields;

  if (n_records == 0 || counts[0] < 2)
    return 0;
  for (guint i = 0; i < n_records; i++)
    if (counts[i] == counts[0])
      score++;
  /* Consistency first, then more columns. */
  return score * 64 + MIN (counts[0], 63);
}

/* Binary files have runs of NULs and many control bytes; a stray NUL in
 * an export does not make it binary. */
static gboolean
looks_like_text (const guint8 *data,
                 gsize         length)
{
  gsize control = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (data[i] < 0x20 && data[i] != '\n' && data[i] != '\r' && data[i] != '\t')
        control++;
      if (i >= 2 && data[i] == 0 && data[i - 1] == 0 && data[i - 2] == 0)
        return FALSE;
    }
  return control * 10 <= length;
}

/* Tells the encoding and delimiter from the held-back bytes, then feeds
 * them on. */
static gboolean
detect (RfCsvReader      *self,
        gboolean          last,
        RfCsvRecordFunc   func,
        gpointer          user_data,
        GError          **error)
{
  g_autoptr(GByteArray) sniff = g_steal_pointer (&self->sniff);
  const guint8 *data = sniff->data;
  gsize length = sniff->len;
  gsize skip = 0;
  g_autofree char *sample = NULL;
  gsize sample_length = 0;

  self->sniff = g_byte_array_new ();
  self->detected = TRUE;

  if (!self->encoding_forced)
    {
      g_free (self->encoding);
      if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
        {
          self->encoding = g_strdup ("UTF-8");
          skip = 3;
        }
      else if (length >= 2 && memcmp (data, "\xff\xfe", 2) == 0)
        {
          self->encoding = g_strdup ("UTF-16LE");
          skip = 2;
        }
      else if (length >= 2 && memcmp (data, "\xfe\xff", 2) == 0)
        {
          self->encoding = g_strdup ("UTF-16BE");
          skip = 2;
        }
      else
        {
          const char *end = NULL;

          /* Valid UTF-8, allowing a character cut at the end of the sample. */
          if (g_utf8_validate ((const char *)data, length, &end) ||
              (!last && (const guint8 *)end + 4 > data + length))
            self->encoding = g_strdup ("UTF-8");
          else
            self->encoding = g_strdup ("WINDOWS-1252");
        }
    }
  else if (g_str_equal (self->encoding, "UTF-8") && length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    skip = 3;

  /* Bytes as they are, cell by cell UTF-8 or else Windows-1252; unless
   * the user said which encoding, then everything goes through iconv. */
  if (g_str_equal (self->encoding, "UTF-8") ||
      (!self->encoding_forced && g_str_equal (self->encoding, "WINDOWS-1252")))
    {
      self->cell_fallback = TRUE;
      if (!looks_like_text (data + skip, length - skip))
        {
          g_set_error_literal (error, RF_CSV_ERROR, RF_CSV_ERROR_NOT_TEXT,
                               _("This file is not text: it cannot be a CSV file"));
          return FALSE;
        }
      sample = g_memdup2 (data + skip, length - skip);
      sample_length = length - skip;
    }
  else
    {
      self->converter = g_iconv_open ("UTF-8", self->encoding);
      if (self->converter == (GIConv)-1)
        {
          g_set_error (error, RF_CSV_ERROR, RF_CSV_ERROR_BAD_ENCODING,
                       _("“%s” is not an encoding Raptorflow can read"), self->encoding);
          return FALSE;
        }
      sample = g_convert_with_fallback ((const char *)data + skip, (length - skip) & ~(gsize)1, "UTF-8",
                                        self->encoding, "\xef\xbf\xbd", NULL, &sample_length, NULL);
      if (sample == NULL || !looks_like_text ((const guint8 *)sample, sample_length))
        {
          g_set_error_literal (error, RF_CSV_ERROR, RF_CSV_ERROR_NOT_TEXT,
                               _("This file is not text: it cannot be a CSV file"));
          return FALSE;
        }
    }

  if (!self->delimiter_forced)
    {
      guint best = 0;

      self->delimiter = ',';
      for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
        {
          guint score = score_delimiter ((const guint8 *)sample, sample_length, candidates[i]);
          if (score > best)
            {
              best = score;
              self->delimiter = candidates[i];
            }
        }
    }

  return convert_and_tokenize (self, (const char *)data + skip, length - skip, last, func, user_data, error);
}

gboolean
rf_csv_reader_push (RfCsvReader      *self,
                    const char       *data,
                    gsize             length,
                    RfCsvRecordFunc   func,
                    gpointer          user_data,
                    GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  self->bytes_read += length;

  if (!self->detected)
    {
      g_byte_array_append (self->sniff, (const guint8 *)data, length);
      if (self->sniff->len < SNIFF_LENGTH)
        return TRUE;
      return detect (self, FALSE, func, user_data, error);
    }

  return convert_and_tokenize (self, data, length, FALSE, func, user_data, error);
}

gboolean
rf_csv_reader_finish (RfCsvReader      *self,
                      RfCsvRecordFunc   func,
                      gpointer          user_data,
                      GError          **error)
{
  gboolean unterminated;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->detected && !detect (self, TRUE, func, user_data, error))
    return FALSE;
  if (!convert_and_tokenize (self, NULL, 0, TRUE, func, user_data, error))
    return FALSE;

  unterminated = self->state == STATE_QUOTED;
  if (self->state != STATE_FIELD_START || self->cells->len > 0 || self->cell->len > 0)
    return end_record (self, unterminated, func, user_data, error);
  return TRUE;
}
