/* test-translation.c: raptorflow-cli speaks German under LANGUAGE=de
 *
 * Runs the built CLI with the build tree's catalogs (preloading
 * rf-localedir-shim, see there) in a German UTF-8 locale. The locale comes
 * from the system when it has de_DE.UTF-8, else it is compiled into a
 * temporary LOCPATH with localedef (Debian: the `locales` package), else
 * C.UTF-8 is used, whose glibc still honours LANGUAGE.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "rf-test-util.h"

static char *tmpdir;
static char *locale_name;
static char *locpath;

static void
find_german_locale (void)
{
  g_autofree char *localedef = g_find_program_in_path ("localedef");
  g_autofree char *target = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  locale_t loc;
  int status;

  loc = newlocale (LC_ALL_MASK, "de_DE.UTF-8", (locale_t) 0);
  if (loc != (locale_t) 0)
    {
      freelocale (loc);
      locale_name = g_strdup ("de_DE.UTF-8");
      return;
    }

  if (localedef != NULL)
    {
      const char *argv[] = { localedef, "--no-archive", "-c", "-i", "de_DE", "-f", "UTF-8", NULL, NULL };

      locpath = g_build_filename (tmpdir, "locale", NULL);
      target = g_build_filename (locpath, "de_DE.UTF-8", NULL);
      g_mkdir_with_parents (locpath, 0700);
      argv[7] = target;
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                    NULL, &err, &status, &error);
      g_assert_no_error (error);
      if (g_file_test (target, G_FILE_TEST_IS_DIR) && g_spawn_check_wait_status (status, NULL))
        {
          locale_name = g_strdup ("de_DE.UTF-8");
          return;
        }
      g_test_message ("localedef could not build de_DE.UTF-8: %s", err);
      g_clear_pointer (&locpath, g_free);
    }

  g_test_message ("No de_DE.UTF-8 locale: testing with C.UTF-8 and LANGUAGE=de");
  locale_name = g_strdup ("C.UTF-8");
}

/* Runs the CLI on a fresh database; @german chooses LANGUAGE=de or not. */
static int
run_cli (gboolean             german,
         const char * const  *args,
         char               **out,
         char               **err)
{
  g_autofree char *db = g_build_filename (tmpdir, "leads.db", NULL);
  g_autofree char *lc_all = g_strconcat ("LC_ALL=", german ? locale_name : "C.UTF-8", NULL);
  g_autofree char *language = g_strconcat ("LANGUAGE=", german ? "de" : "", NULL);
  g_autofree char *locpath_env = g_strconcat ("LOCPATH=", locpath != NULL ? locpath : "", NULL);
  g_autofree char *asan = NULL;
  g_autoptr(GPtrArray) env = g_ptr_array_new ();

  g_ptr_array_add (env, lc_all);
  g_ptr_array_add (env, language);
  g_ptr_array_add (env, (char *) "LD_PRELOAD=" RF_LOCALEDIR_SHIM);
  g_ptr_array_add (env, (char *) "RF_TEST_LOCALEDIR=" RF_BUILD_LOCALEDIR);
  if (locpath != NULL)
    g_ptr_array_add (env, locpath_env);
  /* Under AddressSanitizer the preloaded module comes before the ASan
   * runtime; that is fine here, so skip ASan's link-order check. */
  asan = g_strconcat ("ASAN_OPTIONS=", g_getenv ("ASAN_OPTIONS") ? g_getenv ("ASAN_OPTIONS") : "",
                      ":verify_asan_link_order=0", NULL);
  g_ptr_array_add (env, asan);
  g_ptr_array_add (env, NULL);

  return rf_test_run_cli_argv (db, (const char * const *) env->pdata, args, out, err);
}

static void
test_catalog_built (void)
{
  g_autofree char *mo = g_build_filename (RF_BUILD_LOCALEDIR, "de", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);

  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
}

static void
test_distribution_in_german (void)
{
  const char *args[] = { "distribution", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (TRUE, args, &out, &err), ==, 0);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "Gesamt"));
  g_assert_nonnull (strstr (out, "Brandheiß"));
  g_assert_null (strstr (out, "Total"));
}

static void
test_errors_in_german (void)
{
  const char *args[] = { "no-such-command", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (TRUE, args, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "Unbekannter Befehl „no-such-command“"));
  g_assert_nonnull (strstr (err, "Aufruf: raptorflow-cli"));
}

/* The control: same catalogs, no LANGUAGE, English. */
static void
test_english_without_language (void)
{
  const char *args[] = { "distribution", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (FALSE, args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Total"));
  g_assert_null (strstr (out, "Gesamt"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  tmpdir = rf_test_make_tmpdir ();
  find_german_locale ();

  g_test_add_func ("/translation/catalog-built", test_catalog_built);
  g_test_add_func ("/translation/distribution-in-german", test_distribution_in_german);
  g_test_add_func ("/translation/errors-in-german", test_errors_in_german);
  g_test_add_func ("/translation/english-without-language", test_english_without_language);

  status = g_test_run ();

  rf_test_remove_tree (tmpdir);
  g_free (tmpdir);
  g_free (locale_name);
  g_free (locpath);
  return status;
}
