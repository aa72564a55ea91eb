/* rf-strv-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists of tags and keywords are read for every row of a lead listing, so
 * this is a small dedicated parser rather than a JsonParser per row.
 */

#define G_LOG_DOMAIN "rf-model"

#include "rf-strv-json.h"

void
rf_json_escape_append (GString    *out,
                       const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char)c);
        }
    }
  g_string_append_c (out, '"');
}

/* NULL and empty lists both give "[]". */
char *
rf_strv_to_json (const char * const *strv)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      rf_json_escape_append (out, strv[i]);
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

static const char *
skip_space (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  return p;
}

static int
hex_value (const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);
      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* Parses one JSON string at @p (just after its opening quote) into @out;
 * returns the position after the closing quote, or NULL if malformed. */
static const char *
parse_string (const char *p,
              GString    *out)
{
  for (;;)
    {
      const char *start = p;

      while (*p != '"' && *p != '\\' && *p != '\0')
        p++;
      g_string_append_len (out, start, p - start);

      if (*p == '"')
        return p + 1;
      if (*p == '\0')
        return NULL;

      p++;
      switch (*p)
        {
        case '"': case '\\': case '/': g_string_append_c (out, *p); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            int unit = hex_value (p + 1);
            gunichar ch;

            if (unit < 0)
              return NULL;
            p += 4;
            ch = unit;
            if (unit >= 0xD800 && unit < 0xDC00 && p[1] == '\\' && p[2] == 'u')
              {
                int low = hex_value (p + 3);
                if (low >= 0xDC00 && low < 0xE000)
                  {
                    ch = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    p += 6;
                  }
              }
            if (!g_unichar_validate (ch) || ch == 0)
              ch = 0xFFFD;
            g_string_append_unichar (out, ch);
          }
          break;
        default:
          return NULL;
        }
      p++;
    }
}

/* Reads a JSON array of strings. Anything else (NULL, malformed, other
 * element types) gives an empty list: a list column is never fatal. */
char **
rf_strv_from_json (const char *json)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) item = g_string_new (NULL);
  const char *p;

  if (json == NULL || (p = skip_space (json), *p != '['))
    return g_new0 (char *, 1);

  p = skip_space (p + 1);
  if (*p == ']')
    return g_new0 (char *, 1);

  for (;;)
    {
      if (*p != '"')
        return g_new0 (char *, 1);
      g_string_truncate (item, 0);
      if (!(p = parse_string (p + 1, item)))
        return g_new0 (char *, 1);
      g_ptr_array_add (items, g_strndup (item->str, item->len));

      p = skip_space (p);
      if (*p == ']')
        break;
      if (*p != ',')
        return g_new0 (char *, 1);
      p = skip_space (p + 1);
    }

  g_ptr_array_add (items, NULL);
  return (char **)g_ptr_array_steal (items, NULL);
}
