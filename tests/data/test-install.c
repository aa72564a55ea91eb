/* test-install.c: `meson install` gives a working app
 *
 * Installs this build into a temporary DESTDIR once, then checks what
 * landed there: the desktop integration files agree with each other and
 * with the binaries, the schema compiles, and the installed programs run —
 * `raptorflow-cli --version`, and `raptorflow --help` without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>

#include "rf-test-util.h"

static char *destdir;

/* $DESTDIR/@absolute: where an installed path landed. */
static char *
staged (const char *absolute)
{
  return g_build_filename (destdir, absolute, NULL);
}

static char *
staged_data (const char *first,
             ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (parts, destdir);
  g_ptr_array_add (parts, (char *) RF_DATADIR);
  va_start (ap, first);
  for (const char *part = first; part != NULL; part = va_arg (ap, const char *))
    g_ptr_array_add (parts, (char *) part);
  va_end (ap);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

/* Runs @argv with @env_extra ("NAME=VALUE", "-NAME" to unset) added to
 * the test environment; returns the exit status. */
static int
run (const char * const  *argv,
     const char * const  *env_extra,
     char               **out,
     char               **err)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  int status;

  for (guint i = 0; env_extra != NULL && env_extra[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env_extra[i], "=", 2);

      if (pair[0][0] == '-')
        envp = g_environ_unsetenv (envp, pair[0] + 1);
      else
        envp = g_environ_setenv (envp, pair[0], pair[1] != NULL ? pair[1] : "", TRUE);
    }

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  return 0;
}

static void
assert_file (const char *path)
{
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_error ("Not installed: %s", path);
}

static void
test_files (void)
{
  const char *bins[] = { "raptorflow", "raptorflow-cli" };
  g_autofree char *desktop = staged_data ("applications", APP_ID ".desktop", NULL);
  g_autofree char *metainfo = staged_data ("metainfo", APP_ID ".metainfo.xml", NULL);
  g_autofree char *service = staged_data ("dbus-1", "services", APP_ID ".service", NULL);
  g_autofree char *schema = staged_data ("glib-2.0", "schemas", SCHEMA_ID ".gschema.xml", NULL);
  g_autofree char *icon = staged_data ("icons", "hicolor", "scalable", "apps", APP_ID ".svg", NULL);
  g_autofree char *symbolic = staged_data ("icons", "hicolor", "symbolic", "apps", APP_ID "-symbolic.svg", NULL);
  g_autofree char *mo = NULL;
  g_autofree char *localedir = staged (LOCALEDIR);

  for (guint i = 0; i < G_N_ELEMENTS (bins); i++)
    {
      g_autofree char *bin = g_build_filename (destdir, RF_BINDIR, bins[i], NULL);

      assert_file (bin);
      g_assert_true (g_file_test (bin, G_FILE_TEST_IS_EXECUTABLE));
    }
  assert_file (desktop);
  assert_file (metainfo);
  assert_file (service);
  assert_file (schema);
  assert_file (icon);
  assert_file (symbolic);

  mo = g_build_filename (localedir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  assert_file (mo);
}

/* The desktop file, the D-Bus service and the icons name each other. */
static void
test_desktop_integration (void)
{
  const char *mime_types[] = {
    "image/png", "image/jpeg", "image/tiff", "image/webp", "image/bmp",
    "application/pdf", "text/csv", "text/tab-separated-values",
    "text/vcard", "text/x-vcard",
  };
  g_autofree char *desktop_path = staged_data ("applications", APP_ID ".desktop", NULL);
  g_autofree char *service_path = staged_data ("dbus-1", "services", APP_ID ".service", NULL);
  g_autoptr(GKeyFile) desktop = g_key_file_new ();
  g_autoptr(GKeyFile) service = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *icon = NULL;
  g_autofree char *name = NULL;
  g_autofree char *service_exec = NULL;
  g_autofree char *service_bin = NULL;
  g_autofree char *german_name = NULL;
  g_auto(GStrv) mimes = NULL;
  g_auto(GStrv) service_argv = NULL;

  g_key_file_load_from_file (desktop, desktop_path, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
  g_assert_no_error (error);

  exec = g_key_file_get_string (desktop, "Desktop Entry", "Exec", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exec, ==, "raptorflow %U");
  icon = g_key_file_get_string (desktop, "Desktop Entry", "Icon", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icon, ==, APP_ID);
  g_assert_true (g_key_file_get_boolean (desktop, "Desktop Entry", "DBusActivatable", &error));
  g_assert_no_error (error);

  mimes = g_key_file_get_string_list (desktop, "Desktop Entry", "MimeType", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (mime_types); i++)
    if (!g_strv_contains ((const char * const *) mimes, mime_types[i]))
      g_error ("The desktop file does not open %s", mime_types[i]);

  /* Translations merged at build time. */
  german_name = g_key_file_get_locale_string (desktop, "Desktop Entry", "GenericName", "de", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (german_name, ==, "Lead-Bewertung");

  g_key_file_load_from_file (service, service_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  name = g_key_file_get_string (service, "D-BUS Service", "Name", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, APP_ID);
  service_exec = g_key_file_get_string (service, "D-BUS Service", "Exec", &error);
  g_assert_no_error (error);
  g_shell_parse_argv (service_exec, NULL, &service_argv, &error);
  g_assert_no_error (error);
  service_bin = g_build_filename (RF_BINDIR, "raptorflow", NULL);
  g_assert_cmpstr (service_argv[0], ==, service_bin);
  g_assert_cmpstr (service_argv[1], ==, "--gapplication-service");
}

static void
test_cli_version (void)
{
  g_autofree char *cli = g_build_filename (destdir, RF_BINDIR, "raptorflow-cli", NULL);
  g_autofree char *home = g_build_filename (destdir, "home", NULL);
  g_autofree char *home_env = g_strconcat ("HOME=", home, NULL);
  const char *argv[] = { cli, "--version", NULL };
  const char *env[] = { home_env, "-XDG_DATA_HOME", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (argv, env, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "raptorflow-cli " PACKAGE_VERSION "\n");
}

/* --help is parsed before GTK opens a display: it works over ssh, in a
 * terminal without a session, in a build sandbox. */
static void
test_gui_help (void)
{
  g_autofree char *gui = g_build_filename (destdir, RF_BINDIR, "raptorflow", NULL);
  g_autofree char *schemas = staged_data ("glib-2.0", "schemas", NULL);
  g_autofree char *compiled = g_build_filename (destdir, "compiled-schemas", NULL);
  g_autofree char *schema_env = g_strconcat ("GSETTINGS_SCHEMA_DIR=", compiled, NULL);
  g_autofree char *home = g_build_filename (destdir, "home", NULL);
  g_autofree char *home_env = g_strconcat ("HOME=", home, NULL);
  const char *compile_argv[] = { RF_GLIB_COMPILE_SCHEMAS, "--strict", "--targetdir", compiled, schemas, NULL };
  const char *argv[] = { gui, "--help", NULL };
  const char *env[] = {
    schema_env, home_env, "-XDG_DATA_HOME", "-XDG_CONFIG_HOME",
    "-DISPLAY", "-WAYLAND_DISPLAY", "-DBUS_SESSION_BUS_ADDRESS",
    NULL
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_mkdir_with_parents (compiled, 0700);
  g_assert_cmpint (run (compile_argv, NULL, NULL, &err), ==, 0);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (argv, env, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "Usage:\n  raptorflow [OPTION"));
  g_assert_nonnull (strstr (out, "--help"));
}

int
main (int   argc,
      char *argv[])
{
  const char *install_argv[] = {
    RF_MESON, "install", "-C", RF_BUILD_ROOT, "--no-rebuild", "--quiet", "--destdir", NULL, NULL,
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  destdir = rf_test_make_tmpdir ();
  install_argv[7] = destdir;
  if (run (install_argv, NULL, &out, &err) != 0)
    g_error ("meson install failed:\n%s%s", out, err);

  g_test_add_func ("/install/files", test_files);
  g_test_add_func ("/install/desktop-integration", test_desktop_integration);
  g_test_add_func ("/install/cli-version", test_cli_version);
  g_test_add_func ("/install/gui-help", test_gui_help);

  status = g_test_run ();

  rf_test_remove_tree (destdir);
  g_free (destdir);
  return status;
}
