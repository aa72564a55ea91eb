/* rf-prompt.c: a prompt file is "version: NAME-N", a "--- system"
 * section and a "--- user" section with {{placeholders}}
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-classify"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rf-classify-error.h"
#include "rf-prompt.h"
#include "rf-classify-resources.h"

#define PROMPT_PATH "/com/raptorflow/LeadEngine/classify/prompts/"

/* The fast model's context (4096 tokens) holds the prompt, the profile and
 * about this much signal; the rest is cut, and said to be. */
#define SIGNAL_MAX_CHARS 6000

struct _RfPrompt
{
  GObject   parent_instance;

  char     *name;
  char     *version;
  char     *system;
  char     *user;
  JsonNode *schema;
};

G_DEFINE_FINAL_TYPE (RfPrompt, rf_prompt, G_TYPE_OBJECT)

static void
rf_prompt_finalize (GObject *object)
{
  RfPrompt *self = RF_PROMPT (object);

  g_free (self->name);
  g_free (self->version);
  g_free (self->system);
  g_free (self->user);
  g_clear_pointer (&self->schema, json_node_unref);

  G_OBJECT_CLASS (rf_prompt_parent_class)->finalize (object);
}

static void
rf_prompt_class_init (RfPromptClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rf_prompt_finalize;
}

static void
rf_prompt_init (RfPrompt *self)
{
}

static GBytes *
lookup (const char  *file,
        GError     **error)
{
  g_autofree char *path = g_strconcat (PROMPT_PATH, file, NULL);
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  if (bytes == NULL)
    g_set_error (error, RF_CLASSIFY_ERROR, RF_CLASSIFY_ERROR_PROMPT,
                 _("The prompt “%s” is missing from this build"), file);
  return bytes;
}

static gboolean
parse_prompt (RfPrompt    *self,
              const char  *text,
              GError     **error)
{
  const char *system = strstr (text, "\n--- system\n");
  const char *user = strstr (text, "\n--- user\n");

  if (!g_str_has_prefix (text, "version: ") || system == NULL || user == NULL || user < system)
    {
      g_set_error (error, RF_CLASSIFY_ERROR, RF_CLASSIFY_ERROR_PROMPT,
                   _("The prompt “%s” is malformed"), self->name);
      return FALSE;
    }
  self->version = g_strstrip (g_strndup (text + strlen ("version: "), strcspn (text + strlen ("version: "), "\n")));
  system += strlen ("\n--- system\n");
  self->system = g_strstrip (g_strndup (system, user - system));
  self->user = g_strstrip (g_strdup (user + strlen ("\n--- user\n")));
  return TRUE;
}

/* Loads the prompt @name ("classify", "dossier") and its answer schema. */
RfPrompt *
rf_prompt_load (const char  *name,
                GError     **error)
{
  g_autoptr(RfPrompt) self = g_object_new (RF_TYPE_PROMPT, NULL);
  g_autofree char *text_file = g_strconcat (name, ".txt", NULL);
  g_autofree char *schema_file = g_strconcat (name, ".schema.json", NULL);
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) schema = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text_copy = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  /* The prompts live in this library's resource bundle. */
  rf_classify_get_resource ();

  self->name = g_strdup (name);
  if ((text = lookup (text_file, error)) == NULL || (schema = lookup (schema_file, error)) == NULL)
    return NULL;

  text_copy = g_strndup (g_bytes_get_data (text, NULL), g_bytes_get_size (text));
  if (!parse_prompt (self, text_copy, error))
    return NULL;
  if (!json_parser_load_from_data (parser, g_bytes_get_data (schema, NULL), g_bytes_get_size (schema), error))
    return NULL;
  self->schema = json_parser_steal_root (parser);
  return g_steal_pointer (&self);
}

const char *
rf_prompt_get_name (RfPrompt *self)
{
  g_return_val_if_fail (RF_IS_PROMPT (self), NULL);
  return self->name;
}

const char *
rf_prompt_get_version (RfPrompt *self)
{
  g_return_val_if_fail (RF_IS_PROMPT (self), NULL);
  return self->version;
}

const char *
rf_prompt_get_system (RfPrompt *self)
{
  g_return_val_if_fail (RF_IS_PROMPT (self), NULL);
  return self->system;
}

/* Returns: (transfer none): the JSON schema for Ollama's "format". */
JsonNode *
rf_prompt_get_schema (RfPrompt *self)
{
  g_return_val_if_fail (RF_IS_PROMPT (self), NULL);
  return self->schema;
}

/* Signal text made safe to put between <signal> tags: it cannot close the
 * tag, and very long text is cut. */
char *
rf_prompt_quote_signal (const char *text)
{
  g_autofree char *cut = NULL;
  GString *out;
  const char *p;

  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) > SIGNAL_MAX_CHARS)
    {
      g_autofree char *head = g_utf8_substring (text, 0, SIGNAL_MAX_CHARS);

      cut = g_strconcat (head, "\n[…]", NULL);
      text = cut;
    }

  out = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0'; p++)
    {
      if (*p == '<' && (g_ascii_strncasecmp (p, "</signal", 8) == 0 || g_ascii_strncasecmp (p, "<signal", 7) == 0))
        g_string_append (out, "‹");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Fills the user template's {{key}} from @values (string to string); an
 * unknown key becomes empty. */
char *
rf_prompt_render_user (RfPrompt   *self,
                       GHashTable *values)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (RF_IS_PROMPT (self), NULL);

  out = g_string_sized_new (strlen (self->user) + 1024);
  for (p = self->user; *p != '\0';)
    {
      const char *close;

      if (p[0] == '{' && p[1] == '{' && (close = strstr (p + 2, "}}")) != NULL)
        {
          g_autofree char *key = g_strndup (p + 2, close - p - 2);
          const char *value = values != NULL ? g_hash_table_lookup (values, key) : NULL;

          if (value != NULL)
            g_string_append (out, value);
          p = close + 2;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}
