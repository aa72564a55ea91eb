/* rf-metainfo.c: a small GMarkup reader for the fields the About window
 * needs, picking the user's language where the metainfo has it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "rf-metainfo.h"

typedef struct
{
  RfMetainfo *info;
  GString    *text;           /* of the element being read */
  char       *lang;           /* its xml:lang, or NULL */
  gboolean    in_release;     /* inside the first <release> */
  gboolean    release_done;
  gboolean    in_developer;
  GString    *notes;          /* release notes built so far */
  gsize       last_item_start;
  gboolean    last_item_localized;
  char       *url_type;
  int         name_rank;      /* how well the kept <name> matches the language */
  int         item_rank;
} Reader;

/* 0: no xml:lang (the original); higher: a better match for the user;
 * -1: another language. */
static int
language_rank (const char *lang)
{
  const char * const *names = g_get_language_names ();
  guint n = g_strv_length ((char **) names);

  if (lang == NULL)
    return 0;
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], lang))
      return (int) (n - i);
  return -1;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Reader *reader = user_data;
  const char *lang = NULL;
  const char *version = NULL;
  const char *type = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "xml:lang"))
        lang = values[i];
      else if (g_str_equal (names[i], "version"))
        version = values[i];
      else if (g_str_equal (names[i], "type"))
        type = values[i];
    }

  g_string_truncate (reader->text, 0);
  g_free (reader->lang);
  reader->lang = g_strdup (lang);

  if (g_str_equal (element, "release") && !reader->release_done)
    {
      reader->in_release = TRUE;
      reader->info->release_version = g_strdup (version);
    }
  else if (g_str_equal (element, "developer"))
    reader->in_developer = TRUE;
  else if (g_str_equal (element, "url"))
    {
      g_free (reader->url_type);
      reader->url_type = g_strdup (type);
    }
  else if (reader->in_release && (g_str_equal (element, "ul") || g_str_equal (element, "ol")) && lang == NULL)
    g_string_append_printf (reader->notes, "<%s>", element);
}

static void
keep_item (Reader     *reader,
           const char *element)
{
  int rank = language_rank (reader->lang);
  g_autofree char *escaped = g_markup_escape_text (reader->text->str, -1);

  if (rank < 0)
    return;
  if (rank == 0)
    {
      /* An original: a new item; a translation may replace it next. */
      reader->last_item_start = reader->notes->len;
      reader->item_rank = 0;
    }
  else if (rank > reader->item_rank)
    {
      g_string_truncate (reader->notes, reader->last_item_start);
      reader->item_rank = rank;
    }
  else
    return;
  g_string_append_printf (reader->notes, "<%s>%s</%s>", element, escaped, element);
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Reader *reader = user_data;
  g_autofree char *text = g_strstrip (g_strdup (reader->text->str));

  if (reader->in_release)
    {
      if (g_str_equal (element, "p") || g_str_equal (element, "li"))
        keep_item (reader, element);
      else if (g_str_equal (element, "ul") || g_str_equal (element, "ol"))
        g_string_append_printf (reader->notes, "</%s>", element);
      else if (g_str_equal (element, "release"))
        {
          reader->in_release = FALSE;
          reader->release_done = TRUE;
        }
    }
  else if (g_str_equal (element, "name") && reader->in_developer)
    {
      if (reader->info->developer_name == NULL)
        reader->info->developer_name = g_steal_pointer (&text);
    }
  else if (g_str_equal (element, "developer_name"))
    {
      if (reader->info->developer_name == NULL)
        reader->info->developer_name = g_steal_pointer (&text);
    }
  else if (g_str_equal (element, "developer"))
    reader->in_developer = FALSE;
  else if (g_str_equal (element, "name") && g_str_equal (g_markup_parse_context_get_element_stack (context)->next->data, "component"))
    {
      int rank = language_rank (reader->lang);

      if (rank >= 0 && (reader->info->name == NULL || rank > reader->name_rank))
        {
          g_free (reader->info->name);
          reader->info->name = g_steal_pointer (&text);
          reader->name_rank = rank;
        }
    }
  else if (g_str_equal (element, "url") && reader->url_type != NULL)
    {
      if (g_str_equal (reader->url_type, "homepage") && reader->info->homepage == NULL)
        reader->info->homepage = g_steal_pointer (&text);
      else if (g_str_equal (reader->url_type, "bugtracker") && reader->info->bugtracker == NULL)
        reader->info->bugtracker = g_steal_pointer (&text);
    }
  g_string_truncate (reader->text, 0);
}

static void
text (GMarkupParseContext  *context,
      const char           *text_,
      gsize                 length,
      gpointer              user_data,
      GError              **error)
{
  Reader *reader = user_data;

  g_string_append_len (reader->text, text_, length);
}

RfMetainfo *
rf_metainfo_parse (const char  *xml,
                   gssize       length,
                   GError     **error)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  g_autoptr(RfMetainfo) info = g_new0 (RfMetainfo, 1);
  Reader reader = { info, g_string_new (NULL), NULL, FALSE, FALSE, FALSE, g_string_new (NULL), 0, FALSE, NULL, 0, 0 };
  GMarkupParseContext *context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &reader, NULL);
  gboolean ok = g_markup_parse_context_parse (context, xml, length, error) &&
                g_markup_parse_context_end_parse (context, error);

  g_markup_parse_context_free (context);
  g_string_free (reader.text, TRUE);
  g_free (reader.lang);
  g_free (reader.url_type);
  info->release_notes = g_string_free (reader.notes, FALSE);
  if (!ok)
    return NULL;
  return g_steal_pointer (&info);
}

RfMetainfo *
rf_metainfo_load (const char  *resource_path,
                  GError     **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;
  return rf_metainfo_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

void
rf_metainfo_free (RfMetainfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->developer_name);
  g_free (info->homepage);
  g_free (info->bugtracker);
  g_free (info->release_version);
  g_free (info->release_notes);
  g_free (info);
}
