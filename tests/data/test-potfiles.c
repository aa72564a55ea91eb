/* test-potfiles.c: po/POTFILES.in lists every file with translatable strings
 *
 * A source file under src/ that marks strings for translation (_(), N_(),
 * C_(), NC_(), Q_(), ngettext, or translatable="yes" in a .ui file) but is
 * missing from POTFILES.in never reaches the translators: its strings stay
 * English in every language. And a listed file that no longer exists breaks
 * `meson compile raptorflow-pot`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rf-test-util.h"

static GHashTable *
read_potfiles (void)
{
  g_autofree char *path = g_build_filename (RF_SOURCE_ROOT, "po", "POTFILES.in", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0' || *line == '#')
        continue;
      /* "[encoding: UTF-8]" and "[type: gettext/glade]foo.ui" prefixes */
      if (*line == '[' && strchr (line, ']') != NULL)
        line = g_strstrip (strchr (line, ']') + 1);
      if (*line != '\0')
        g_hash_table_add (listed, g_strdup (line));
    }
  return listed;
}

static gboolean
marks_strings (const char *path,
               GRegex     *marks)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return g_regex_match (marks, contents, 0, NULL);
}

/* Adds to @found the paths (relative to the source root) of the files under
 * @relative that mark strings. */
static void
scan_tree (const char *relative,
           GRegex     *marks,
           GPtrArray  *found)
{
  g_autofree char *path = g_build_filename (RF_SOURCE_ROOT, relative, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_relative = g_build_filename (relative, name, NULL);
      g_autofree char *child = g_build_filename (RF_SOURCE_ROOT, child_relative, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        scan_tree (child_relative, marks, found);
      else if ((g_str_has_suffix (name, ".c") || g_str_has_suffix (name, ".h") ||
                g_str_has_suffix (name, ".ui")) &&
               marks_strings (child, marks))
        g_ptr_array_add (found, g_steal_pointer (&child_relative));
    }
}

static GRegex *
new_marks_regex (void)
{
  g_autoptr(GError) error = NULL;
  GRegex *regex;

  regex = g_regex_new ("(?:^|[^A-Za-z0-9_])(?:N|C|NC|Q)?_\\s*\\(\\s*\""
                       "|(?:^|[^A-Za-z0-9_])(?:g_d?n?p?gettext|ngettext|dngettext)\\s*\\("
                       "|translatable\\s*=\\s*\"(?:yes|true|1)\"",
                       G_REGEX_MULTILINE, 0, &error);
  g_assert_no_error (error);
  return regex;
}

static void
test_marks_regex (void)
{
  g_autoptr(GRegex) marks = new_marks_regex ();
  const char *marked[] = {
    "g_print (_(\"Total\"));",
    "label = N_ (\"Red hot\");",
    "C_(\"bucket\", \"Warm\")",
    "<property name=\"title\" translatable=\"yes\">Leads</property>",
    "g_dngettext (GETTEXT_PACKAGE, \"%d lead\", \"%d leads\", n)",
  };
  const char *unmarked[] = {
    "g_print (\"Total\");",
    "rf_cli_take_flag (&args, \"--json\")",
    "set_(\"x\")",
    "<property name=\"title\" translatable=\"no\">x</property>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (marked); i++)
    g_assert_true (g_regex_match (marks, marked[i], 0, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (unmarked); i++)
    g_assert_false (g_regex_match (marks, unmarked[i], 0, NULL));
}

static void
test_every_marked_file_listed (void)
{
  g_autoptr(GHashTable) listed = read_potfiles ();
  g_autoptr(GRegex) marks = new_marks_regex ();
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) missing = g_string_new (NULL);

  scan_tree ("src", marks, found);
  g_assert_cmpuint (found->len, >, 0);

  for (guint i = 0; i < found->len; i++)
    if (!g_hash_table_contains (listed, found->pdata[i]))
      g_string_append_printf (missing, "\n  %s", (char *) found->pdata[i]);

  if (missing->len > 0)
    g_error ("These files mark strings for translation but po/POTFILES.in does not list them:%s",
             missing->str);
}

static void
test_every_listed_file_exists (void)
{
  g_autoptr(GHashTable) listed = read_potfiles ();
  g_autoptr(GString) stale = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *path = g_build_filename (RF_SOURCE_ROOT, (char *) key, NULL);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_string_append_printf (stale, "\n  %s", (char *) key);
    }

  if (stale->len > 0)
    g_error ("po/POTFILES.in lists files that do not exist:%s", stale->str);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/potfiles/marks-regex", test_marks_regex);
  g_test_add_func ("/potfiles/every-marked-file-listed", test_every_marked_file_listed);
  g_test_add_func ("/potfiles/every-listed-file-exists", test_every_listed_file_exists);

  return g_test_run ();
}
