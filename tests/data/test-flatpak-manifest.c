/* test-flatpak-manifest.c: the Flatpak manifests build what they claim, no wider
 *
 * For flatpak/com.raptorflow.LeadEngine.json and its .Devel variant: valid
 * JSON, the right app id, runtime and command; finish-args from a short
 * allowed list (no host files: those come through the portals); every
 * downloaded source pinned (sha256 for archives and files, a commit for
 * git); and the app built from this checkout with its tests run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "rf-test-util.h"

#define BASE_ID "com.raptorflow.LeadEngine"

/* Everything the app needs: Wayland or X11, shared memory for X11, GPU
 * rendering, and the network for Ollama on localhost. Files arrive by
 * drag and drop and the file chooser portal; notifications and links go
 * through portals too. */
static const char * const allowed_finish_args[] = {
  "--share=ipc",
  "--socket=wayland",
  "--socket=fallback-x11",
  "--device=dri",
  "--share=network",
  NULL
};

typedef struct
{
  const char *file;
  const char *id;
  const char *profile;
} Manifest;

static const Manifest manifests[] = {
  { BASE_ID ".json", BASE_ID, "default" },
  { BASE_ID ".Devel.json", BASE_ID ".Devel", "development" },
};

static JsonNode *
load (const char *file)
{
  g_autofree char *path = g_build_filename (RF_SOURCE_ROOT, "flatpak", file, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  if (error != NULL)
    g_error ("%s is not valid JSON: %s", file, error->message);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_copy (json_parser_get_root (parser));
}

static gboolean
is_hex (const char *text,
        gsize       length)
{
  if (text == NULL || strlen (text) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
      return FALSE;
  return TRUE;
}

static void
check_source (const char *module,
              JsonObject *source)
{
  const char *type = json_object_get_string_member_with_default (source, "type", "");
  const char *url = json_object_get_string_member_with_default (source, "url", NULL);

  if (g_str_equal (type, "archive") || g_str_equal (type, "file") || g_str_equal (type, "extra-data"))
    {
      /* A file kept in this repository needs no hash; a download does. */
      if (url == NULL && json_object_has_member (source, "path"))
        return;
      if (url == NULL || !g_str_has_prefix (url, "https://"))
        g_error ("module %s: %s source needs an https url", module, type);
      if (!is_hex (json_object_get_string_member_with_default (source, "sha256", NULL), 64))
        g_error ("module %s: %s is not pinned with a sha256", module, url);
    }
  else if (g_str_equal (type, "git"))
    {
      if (!is_hex (json_object_get_string_member_with_default (source, "commit", NULL), 40))
        g_error ("module %s: git source %s is not pinned with a commit", module, url);
    }
  else if (g_str_equal (type, "dir") || g_str_equal (type, "patch") ||
           g_str_equal (type, "shell") || g_str_equal (type, "script") ||
           g_str_equal (type, "inline"))
    {
      if (url != NULL)
        g_error ("module %s: a %s source is local, it has no url", module, type);
    }
  else
    g_error ("module %s: unexpected source type “%s”", module, type);
}

/* Checks every module's sources, depth first, collecting the module
 * names into @names. */
static void
check_modules (JsonArray *modules,
               GPtrArray *names)
{
  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonNode *node = json_array_get_element (modules, i);
      JsonObject *module;
      const char *name;
      JsonArray *sources;

      /* A module kept in another file would escape these checks. */
      if (!JSON_NODE_HOLDS_OBJECT (node))
        g_error ("modules must be written inline");
      module = json_node_get_object (node);
      name = json_object_get_string_member_with_default (module, "name", NULL);
      g_assert_nonnull (name);
      g_ptr_array_add (names, (char *) name);

      g_assert_true (json_object_has_member (module, "sources"));
      sources = json_object_get_array_member (module, "sources");
      g_assert_cmpuint (json_array_get_length (sources), >, 0);
      for (guint j = 0; j < json_array_get_length (sources); j++)
        check_source (name, json_array_get_object_element (sources, j));

      if (json_object_has_member (module, "modules"))
        check_modules (json_object_get_array_member (module, "modules"), names);
    }
}

static void
test_identity (gconstpointer data)
{
  const Manifest *expected = data;
  g_autoptr(JsonNode) root = load (expected->file);
  JsonObject *manifest = json_node_get_object (root);
  const char *id = json_object_get_string_member_with_default (manifest, "id", NULL);

  if (id == NULL)
    id = json_object_get_string_member_with_default (manifest, "app-id", NULL);
  g_assert_cmpstr (id, ==, expected->id);
  g_assert_cmpstr (json_object_get_string_member (manifest, "command"), ==, "raptorflow");
  g_assert_cmpstr (json_object_get_string_member (manifest, "runtime"), ==, "org.gnome.Platform");
  g_assert_cmpstr (json_object_get_string_member (manifest, "sdk"), ==, "org.gnome.Sdk");
  g_assert_nonnull (json_object_get_string_member_with_default (manifest, "runtime-version", NULL));
}

static void
test_finish_args (gconstpointer data)
{
  const Manifest *expected = data;
  g_autoptr(JsonNode) root = load (expected->file);
  JsonArray *args = json_object_get_array_member (json_node_get_object (root), "finish-args");
  g_autoptr(GString) extra = g_string_new (NULL);
  gboolean wayland = FALSE;

  for (guint i = 0; i < json_array_get_length (args); i++)
    {
      const char *arg = json_array_get_string_element (args, i);

      if (!g_strv_contains (allowed_finish_args, arg))
        g_string_append_printf (extra, " %s", arg);
      wayland |= g_str_equal (arg, "--socket=wayland");
    }
  if (extra->len > 0)
    g_error ("%s asks for more than the app needs:%s", expected->file, extra->str);
  g_assert_true (wayland);
}

static void
test_sources_pinned (gconstpointer data)
{
  const Manifest *expected = data;
  g_autoptr(JsonNode) root = load (expected->file);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *needed[] = { "leptonica", "tesseract", "poppler", "raptorflow" };

  check_modules (json_object_get_array_member (json_node_get_object (root), "modules"), names);
  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (names, needed[i], g_str_equal, NULL));
}

/* The last module is this checkout, built in the manifest's profile, with
 * its tests run inside the sandbox. */
static void
test_app_module (gconstpointer data)
{
  const Manifest *expected = data;
  g_autoptr(JsonNode) root = load (expected->file);
  JsonArray *modules = json_object_get_array_member (json_node_get_object (root), "modules");
  JsonObject *app = json_array_get_object_element (modules, json_array_get_length (modules) - 1);
  JsonObject *source = json_array_get_object_element (json_object_get_array_member (app, "sources"), 0);
  JsonArray *opts = json_object_get_array_member (app, "config-opts");
  g_autofree char *profile = g_strconcat ("-Dprofile=", expected->profile, NULL);
  gboolean found = FALSE;

  g_assert_cmpstr (json_object_get_string_member (app, "name"), ==, "raptorflow");
  g_assert_cmpstr (json_object_get_string_member (app, "buildsystem"), ==, "meson");
  g_assert_cmpstr (json_object_get_string_member (source, "type"), ==, "dir");
  g_assert_cmpstr (json_object_get_string_member (source, "path"), ==, "..");
  g_assert_true (json_object_get_boolean_member_with_default (app, "run-tests", FALSE));

  for (guint i = 0; i < json_array_get_length (opts); i++)
    found |= g_str_equal (json_array_get_string_element (opts, i), profile);
  g_assert_true (found);
}

/* Both manifests build the same libraries the same way. */
static void
test_variants_agree (void)
{
  g_autoptr(JsonNode) release = load (manifests[0].file);
  g_autoptr(JsonNode) devel = load (manifests[1].file);
  JsonObject *a = json_node_get_object (release);
  JsonObject *b = json_node_get_object (devel);
  JsonArray *a_modules = json_object_get_array_member (a, "modules");
  JsonArray *b_modules = json_object_get_array_member (b, "modules");
  const char *same[] = { "runtime", "runtime-version", "sdk" };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    g_assert_cmpstr (json_object_get_string_member (a, same[i]), ==, json_object_get_string_member (b, same[i]));
  g_assert_true (json_node_equal (json_object_get_member (a, "finish-args"),
                                  json_object_get_member (b, "finish-args")));

  g_assert_cmpuint (json_array_get_length (a_modules), ==, json_array_get_length (b_modules));
  for (guint i = 0; i + 1 < json_array_get_length (a_modules); i++)
    if (!json_node_equal (json_array_get_element (a_modules, i), json_array_get_element (b_modules, i)))
      g_error ("module %u differs between the release and .Devel manifests", i);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (manifests); i++)
    {
      const Manifest *m = &manifests[i];
      g_autofree char *identity = g_strdup_printf ("/flatpak/%s/identity", m->id);
      g_autofree char *finish_args = g_strdup_printf ("/flatpak/%s/finish-args", m->id);
      g_autofree char *pinned = g_strdup_printf ("/flatpak/%s/sources-pinned", m->id);
      g_autofree char *app = g_strdup_printf ("/flatpak/%s/app-module", m->id);

      g_test_add_data_func (identity, m, test_identity);
      g_test_add_data_func (finish_args, m, test_finish_args);
      g_test_add_data_func (pinned, m, test_sources_pinned);
      g_test_add_data_func (app, m, test_app_module);
    }
  g_test_add_func ("/flatpak/both/variants-agree", test_variants_agree);

  return g_test_run ();
}
