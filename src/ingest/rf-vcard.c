/* rf-vcard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 6350 (4.0) written; 4.0, 3.0 and the 2.1 phones still export read:
 * folded lines, escapes, QUOTED-PRINTABLE with soft line breaks, CHARSET.
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rf-csv-reader.h"
#include "rf-vcard.h"

#define MAX_CARDS 100000

RfVcard *
rf_vcard_new (void)
{
  RfVcard *card = g_new0 (RfVcard, 1);

  card->emails = g_ptr_array_new_with_free_func (g_free);
  card->phones = g_ptr_array_new_with_free_func (g_free);
  card->other = g_string_new (NULL);
  return card;
}

void
rf_vcard_free (RfVcard *card)
{
  if (card == NULL)
    return;

  g_free (card->formatted_name);
  g_free (card->family_name);
  g_free (card->given_name);
  g_free (card->organization);
  g_free (card->title);
  g_free (card->url);
  g_free (card->address);
  g_free (card->note);
  g_ptr_array_unref (card->emails);
  g_ptr_array_unref (card->phones);
  g_string_free (card->other, TRUE);
  g_free (card);
}

/* Splits on unescaped @separator and undoes \n \, \; \\ in each part. */
static char **
split_value (const char *value,
             char        separator)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *part = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (part, (*p == 'n' || *p == 'N') ? '\n' : *p);
        }
      else if (*p == separator)
        {
          g_ptr_array_add (parts, g_string_free (part, FALSE));
          part = g_string_new (NULL);
        }
      else
        g_string_append_c (part, *p);
    }
  g_ptr_array_add (parts, g_string_free (part, FALSE));
  g_ptr_array_add (parts, NULL);
  return (char **)g_ptr_array_steal (parts, NULL);
}

static char *
unescape (const char *value)
{
  g_auto(GStrv) parts = split_value (value, '\0');

  return g_strdup (parts[0]);
}

static char *
decode_quoted_printable (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '=' && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
        {
          g_string_append_c (out, (char)(g_ascii_xdigit_value (p[1]) * 16 + g_ascii_xdigit_value (p[2])));
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* "Jo Smith" from N's parts when FN is missing. */
static char *
join_nonempty (char       **parts,
               const char  *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts != NULL && parts[i] != NULL; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));
      if (*part == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, part);
    }
  return g_string_free (out, FALSE);
}

static void
add_property (RfVcard    *card,
              const char *name,
              GStrv       params,
              const char *raw_value)
{
  g_autofree char *decoded = NULL;
  g_autofree char *valid = NULL;
  const char *charset = NULL;
  gboolean quoted_printable = FALSE;
  const char *value = raw_value;

  for (guint i = 0; params[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (params[i], "ENCODING=QUOTED-PRINTABLE") == 0 ||
          g_ascii_strcasecmp (params[i], "QUOTED-PRINTABLE") == 0)
        quoted_printable = TRUE;
      else if (g_ascii_strncasecmp (params[i], "CHARSET=", 8) == 0)
        charset = params[i] + 8;
    }

  if (quoted_printable)
    value = decoded = decode_quoted_printable (value);
  if (charset != NULL && g_ascii_strcasecmp (charset, "UTF-8") != 0)
    valid = g_convert_with_fallback (value, -1, "UTF-8", charset, "\xef\xbf\xbd", NULL, NULL, NULL);
  if (valid == NULL)
    valid = g_utf8_make_valid (value, -1);
  value = valid;

  if (g_ascii_strcasecmp (name, "FN") == 0)
    {
      g_free (card->formatted_name);
      card->formatted_name = unescape (value);
    }
  else if (g_ascii_strcasecmp (name, "N") == 0)
    {
      g_auto(GStrv) parts = split_value (value, ';');
      g_free (card->family_name);
      g_free (card->given_name);
      card->family_name = g_strdup (parts[0]);
      card->given_name = g_strdup (parts[0] != NULL ? parts[1] : NULL);
    }
  else if (g_ascii_strcasecmp (name, "ORG") == 0)
    {
      g_auto(GStrv) parts = split_value (value, ';');
      g_free (card->organization);
      card->organization = g_strdup (parts[0]);
    }
  else if (g_ascii_strcasecmp (name, "TITLE") == 0)
    {
      g_free (card->title);
      card->title = unescape (value);
    }
  else if (g_ascii_strcasecmp (name, "URL") == 0)
    {
      g_free (card->url);
      card->url = unescape (value);
    }
  else if (g_ascii_strcasecmp (name, "ADR") == 0)
    {
      g_auto(GStrv) parts = split_value (value, ';');
      g_free (card->address);
      card->address = join_nonempty (parts, ", ");
    }
  else if (g_ascii_strcasecmp (name, "NOTE") == 0)
    {
      g_free (card->note);
      card->note = unescape (value);
    }
  else if (g_ascii_strcasecmp (name, "EMAIL") == 0)
    {
      char *email = unescape (value);
      if (g_str_has_prefix (email, "mailto:"))
        memmove (email, email + 7, strlen (email + 7) + 1);
      g_ptr_array_add (card->emails, email);
    }
  else if (g_ascii_strcasecmp (name, "TEL") == 0)
    {
      char *phone = unescape (value);
      if (g_str_has_prefix (phone, "tel:"))
        memmove (phone, phone + 4, strlen (phone + 4) + 1);
      g_ptr_array_add (card->phones, phone);
    }
  else if (g_ascii_strcasecmp (name, "VERSION") != 0 && g_ascii_strcasecmp (name, "PRODID") != 0 &&
           g_ascii_strcasecmp (name, "UID") != 0 && g_ascii_strcasecmp (name, "PHOTO") != 0 &&
           g_ascii_strcasecmp (name, "REV") != 0)
    {
      g_autofree char *text = unescape (value);
      if (*text != '\0' && strlen (text) < 4096)
        g_string_append_printf (card->other, "%s%s: %s", card->other->len > 0 ? "\n" : "", name, text);
    }
}

/* Unfolds: a line starting with a space or tab continues the last; a
 * QUOTED-PRINTABLE line ending in "=" continues on the next. */
static GPtrArray *
unfold_lines (const char *text,
              gsize       length)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *current = NULL;
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      const char *eol = p;
      gsize line_length;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      line_length = eol - p;

      if (current != NULL && line_length > 0 && (*p == ' ' || *p == '\t'))
        g_string_append_len (current, p + 1, line_length - 1);
      else if (current != NULL && current->len > 0 && current->str[current->len - 1] == '=' &&
               strstr (current->str, "QUOTED-PRINTABLE") != NULL)
        {
          g_string_truncate (current, current->len - 1);
          g_string_append_len (current, p, line_length);
        }
      else
        {
          if (current != NULL)
            g_ptr_array_add (lines, g_string_free (current, FALSE));
          current = g_string_new_len (p, line_length);
        }

      if (eol < end && *eol == '\r' && eol + 1 < end && eol[1] == '\n')
        eol++;
      p = eol + 1;
    }
  if (current != NULL)
    g_ptr_array_add (lines, g_string_free (current, FALSE));
  return g_steal_pointer (&lines);
}

/* All the cards in @text. An error only when there is none at all. */
GPtrArray *
rf_vcard_parse (const char  *text,
                gsize        length,
                GError     **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify)rf_vcard_free);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(RfVcard) card = NULL;

  if (text == NULL || memchr (text, '\0', length) != NULL)
    {
      g_set_error_literal (error, RF_CSV_ERROR, RF_CSV_ERROR_NOT_TEXT, _("This file is not a vCard file"));
      return NULL;
    }

  lines = unfold_lines (text, length);
  for (guint i = 0; i < lines->len && cards->len < MAX_CARDS; i++)
    {
      char *line = g_ptr_array_index (lines, i);
      char *colon;
      g_auto(GStrv) head = NULL;
      char *name;

      if (g_ascii_strncasecmp (line, "BEGIN:VCARD", 11) == 0)
        {
          g_clear_pointer (&card, rf_vcard_free);
          card = rf_vcard_new ();
          continue;
        }
      if (g_ascii_strncasecmp (line, "END:VCARD", 9) == 0)
        {
          if (card != NULL)
            g_ptr_array_add (cards, g_steal_pointer (&card));
          continue;
        }
      if (card == NULL || (colon = strchr (line, ':')) == NULL || colon == line)
        continue;

      *colon = '\0';
      head = g_strsplit (line, ";", -1);
      /* "item1.EMAIL" -> "EMAIL" */
      name = strrchr (head[0], '.') != NULL ? strrchr (head[0], '.') + 1 : head[0];
      add_property (card, name, head + 1, colon + 1);
    }

  if (cards->len == 0)
    {
      g_set_error_literal (error, RF_CSV_ERROR, RF_CSV_ERROR_EMPTY,
                           _("There is no contact in this file (no BEGIN:VCARD … END:VCARD)"));
      return NULL;
    }
  return g_steal_pointer (&cards);
}

static void
append_escaped (GString    *out,
                const char *value,
                gboolean    structured)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case ',': g_string_append (out, "\\,"); break;
        case ';': g_string_append (out, structured ? "\\;" : ";"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': break;
        default: g_string_append_c (out, *p);
        }
    }
}

/* Lines of at most 75 octets, folded with CRLF and a space, never inside
 * a UTF-8 character. */
static void
append_folded (GString    *out,
               const char *line)
{
  gsize column = 0;

  for (const char *p = line; *p != '\0';)
    {
      const char *next = g_utf8_next_char (p);
      gsize width = next - p;

      if (column + width > 75)
        {
          g_string_append (out, "\r\n ");
          column = 1;
        }
      g_string_append_len (out, p, width);
      column += width;
      p = next;
    }
  g_string_append (out, "\r\n");
}

static void
add_line (GString    *out,
          const char *name,
          const char *value,
          gboolean    structured)
{
  g_autoptr(GString) line = NULL;

  if (value == NULL || *value == '\0')
    return;
  line = g_string_new (name);
  g_string_append_c (line, ':');
  append_escaped (line, value, structured);
  append_folded (out, line->str);
}

char *
rf_vcard_to_string (const RfVcard *card)
{
  GString *out = g_string_new ("BEGIN:VCARD\r\nVERSION:4.0\r\n");
  g_autoptr(GString) n = g_string_new ("N:");
  const char *fn = card->formatted_name;
  g_autofree char *fallback_fn = NULL;

  if (fn == NULL || *fn == '\0')
    fn = fallback_fn = g_strdup (card->organization != NULL && *card->organization ? card->organization
                                 : card->emails->len > 0 ? (char *)g_ptr_array_index (card->emails, 0) : "");
  add_line (out, "FN", fn, FALSE);
  if (*fn == '\0')
    g_string_append (out, "FN:\r\n");

  append_escaped (n, card->family_name != NULL ? card->family_name : "", TRUE);
  g_string_append_c (n, ';');
  append_escaped (n, card->given_name != NULL ? card->given_name : "", TRUE);
  g_string_append (n, ";;;");
  append_folded (out, n->str);

  add_line (out, "ORG", card->organization, TRUE);
  add_line (out, "TITLE", card->title, FALSE);
  for (guint i = 0; i < card->emails->len; i++)
    add_line (out, "EMAIL", g_ptr_array_index (card->emails, i), FALSE);
  for (guint i = 0; i < card->phones->len; i++)
    {
      g_autofree char *uri = g_strconcat ("tel:", (char *)g_ptr_array_index (card->phones, i), NULL);
      g_strdelimit (uri + 4, " ", '-');
      add_line (out, "TEL;VALUE=uri", uri, FALSE);
    }
  add_line (out, "URL", card->url, FALSE);
  if (card->address != NULL && *card->address != '\0')
    {
      /* Free text goes in the street part: the parts are not known. */
      g_autoptr(GString) adr = g_string_new ("ADR:;;");
      append_escaped (adr, card->address, TRUE);
      g_string_append (adr, ";;;;");
      append_folded (out, adr->str);
    }
  add_line (out, "NOTE", card->note, FALSE);
  g_string_append (out, "END:VCARD\r\n");
  return g_string_free (out, FALSE);
}

/* A card as the app's objects: a contact (and company) and a signal whose
 * text is the card as a person would read it. */
void
rf_vcard_to_row (const RfVcard *card,
                 RfMappedRow   *row)
{
  g_autofree char *name = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_if_fail (card != NULL && row != NULL);

  if (card->formatted_name != NULL && *card->formatted_name != '\0')
    name = g_strdup (card->formatted_name);
  else
    name = g_strstrip (g_strjoin (" ", card->given_name ?: "", card->family_name ?: "", NULL));

  row->company = NULL;
  if ((card->organization != NULL && *card->organization != '\0') || card->url != NULL)
    {
      row->company = rf_company_new ();
      rf_company_set_name (row->company, card->organization);
      rf_company_set_website (row->company, card->url);
    }

  row->contact = rf_contact_new ();
  rf_contact_set_name (row->contact, name);
  rf_contact_set_title (row->contact, card->title);
  rf_contact_set_email (row->contact, card->emails->len > 0 ? g_ptr_array_index (card->emails, 0) : NULL);
  rf_contact_set_phone (row->contact, card->phones->len > 0 ? g_ptr_array_index (card->phones, 0) : NULL);
  rf_contact_set_address (row->contact, card->address);

#define LINE(label, value) \
  if ((value) != NULL && *(value) != '\0') \
    g_string_append_printf (text, "%s%s: %s", text->len > 0 ? "\n" : "", label, value)
  LINE (_("Name"), name);
  LINE (_("Job title"), card->title);
  LINE (_("Company"), card->organization);
  LINE (_("Website"), card->url);
  for (guint i = 0; i < card->emails->len; i++)
    LINE (_("Email"), (const char *)g_ptr_array_index (card->emails, i));
  for (guint i = 0; i < card->phones->len; i++)
    LINE (_("Phone"), (const char *)g_ptr_array_index (card->phones, i));
  LINE (_("Address"), card->address);
  LINE (_("Note"), card->note);
#undef LINE

  row->signal = rf_signal_new ();
  rf_signal_set_source_type (row->signal, RF_SOURCE_TYPE_VCARD);
  rf_signal_set_raw_text (row->signal, text->str);
  rf_signal_set_extra_text (row->signal, card->other->str);
}
