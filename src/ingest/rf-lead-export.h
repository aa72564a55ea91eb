/* rf-lead-export.h: leads out as CSV (RFC 4180) or vCard 4.0, and the
 * exported CSV's lead columns read back on import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rf-database.h"
#include "rf-lead.h"
#include "rf-lead-query.h"
#include "rf-signal.h"

G_BEGIN_DECLS

typedef enum {
  RF_LEAD_EXPORT_CSV,
  RF_LEAD_EXPORT_VCARD,
} RfLeadExportFormat;

gboolean  rf_lead_export_format_parse (const char          *text,
                                       RfLeadExportFormat  *format);

/* Writes the leads @query selects to @stream: CSV is UTF-8 with a BOM, CRLF
 * line ends, one header row and every lead field; vCard is one card per
 * contact (or per company for leads without one), NOTE giving the best
 * score and bucket. @n_written: leads (CSV) or cards (vCard) written. */
gboolean  rf_lead_export_sync         (RfDatabase          *database,
                                       const RfLeadQuery   *query,
                                       RfLeadExportFormat   format,
                                       GOutputStream       *stream,
                                       guint               *n_written,
                                       GCancellable        *cancellable,
                                       GError             **error);
void      rf_lead_export_async        (RfDatabase          *database,
                                       const RfLeadQuery   *query,
                                       RfLeadExportFormat   format,
                                       GOutputStream       *stream,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  rf_lead_export_finish       (GAsyncResult        *result,
                                       guint               *n_written,
                                       GError             **error);

/* The columns of an exported CSV that belong to the lead (scores, status,
 * notes...). NULL when @header is not one Raptorflow wrote. */
typedef struct _RfLeadExportColumns RfLeadExportColumns;

RfLeadExportColumns *rf_lead_export_columns_new           (const char * const *header,
                                                           guint               n_columns);
void                 rf_lead_export_columns_free          (RfLeadExportColumns *columns);
gboolean             rf_lead_export_columns_is_lead_column (RfLeadExportColumns *columns,
                                                            guint               column);
/* The lead as exported (without ids); sets the source type and extra text
 * of @signal from their columns. */
RfLead              *rf_lead_export_columns_restore       (RfLeadExportColumns *columns,
                                                           const char * const  *cells,
                                                           guint                n_cells,
                                                           RfSignal            *signal);

G_END_DECLS
