/* fuzz-driver.c: runs a fuzz target over files, without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In the normal build every fuzz target is also a test: this main() feeds
 * it each file of its corpus folder (seeds, and every crash ever found,
 * kept as a regression input). Under -Dfuzzing=true libFuzzer's own main
 * is used instead.
 */

#include <glib.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static const char *corpus_dir;

static void
test_corpus (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (corpus_dir, 0, &error);
  const char *name;
  guint n_files = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (corpus_dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_test_message ("%s (%" G_GSIZE_FORMAT " bytes)", name, length);
      LLVMFuzzerTestOneInput ((const uint8_t *)contents, length);
      n_files++;
    }
  g_assert_cmpuint (n_files, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    g_error ("usage: %s [g_test options] CORPUS-DIR", argv[0]);
  corpus_dir = argv[argc - 1];

  g_test_add_func ("/fuzz/corpus", test_corpus);
  return g_test_run ();
}
