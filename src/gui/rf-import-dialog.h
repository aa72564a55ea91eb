/* rf-import-dialog.h: CSV import: the detected mapping to confirm, a
 * preview, progress with cancel, the report, Revert
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rf-csv-importer.h"

G_BEGIN_DECLS

#define RF_TYPE_IMPORT_DIALOG (rf_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RfImportDialog, rf_import_dialog, RF, IMPORT_DIALOG, AdwWindow)

RfImportDialog *rf_import_dialog_new         (RfDatabase     *database,
                                              GFile          *file);
RfCsvImporter  *rf_import_dialog_get_importer (RfImportDialog *self);
/* For tests: the page shown ("loading", "mapping", "progress", "report", "error"). */
const char     *rf_import_dialog_get_page    (RfImportDialog *self);
void            rf_import_dialog_start       (RfImportDialog *self);
void            rf_import_dialog_revert      (RfImportDialog *self);
const RfImportReport *rf_import_dialog_get_report (RfImportDialog *self);

G_END_DECLS
