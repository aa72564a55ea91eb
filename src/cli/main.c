/* main.c: raptorflow-cli, the headless face of the lead engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rf-cli.h"

int
main (int   argc,
      char *argv[])
{
  return rf_cli_main (argc, argv);
}
