/* gui-seed.c: fills a database with plausible leads, for trying the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   gui-seed PATH [N]     N leads (default 60) with SPIN, MEDDIC and dossiers
 */

#include <stdlib.h>

#include "rf-bench-seed.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfDatabase) database = NULL;
  guint n = argc > 2 ? (guint)strtoul (argv[2], NULL, 10) : 60;

  if (argc < 2)
    {
      g_printerr ("Usage: gui-seed PATH [N]\n");
      return 2;
    }
  database = rf_database_open_sync (argv[1], NULL, &error);
  if (database == NULL || !rf_bench_seed_leads (database, n, TRUE, &error))
    {
      g_printerr ("gui-seed: %s\n", error->message);
      return 1;
    }
  rf_database_close (database);
  g_print ("%u leads in %s\n", n, argv[1]);
  return 0;
}
