/* rf-cli-ingest-document.c: ingest for images and PDFs (a placeholder until
 * the OCR path lands; it will replace this file)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-cli.h"
#include "rf-csv-reader.h"

int
rf_cli_ingest_document (RfCli      *cli,
                        const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  GError *error = g_error_new (RF_CSV_ERROR, RF_CSV_ERROR_FAILED,
                               _("“%s”: reading images and PDFs is not supported yet; "
                                 "ingest takes .csv, .tsv, .txt (with delimiters) and .vcf files for now"),
                               name);

  return rf_cli_fail (cli, error);
}
