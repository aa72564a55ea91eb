/* rf-column-mapping.h: which CSV column is which lead field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rf-company.h"
#include "rf-contact.h"
#include "rf-signal.h"

G_BEGIN_DECLS

typedef enum {
  RF_LEAD_FIELD_NONE,        /* kept as extra text on the signal */
  RF_LEAD_FIELD_COMPANY,
  RF_LEAD_FIELD_WEBSITE,
  RF_LEAD_FIELD_NAME,
  RF_LEAD_FIELD_FIRST_NAME,
  RF_LEAD_FIELD_LAST_NAME,
  RF_LEAD_FIELD_TITLE,
  RF_LEAD_FIELD_EMAIL,
  RF_LEAD_FIELD_PHONE,
  RF_LEAD_FIELD_TEXT,        /* the signal text: notes, description, job post */
  RF_LEAD_FIELD_INDUSTRY,
  RF_LEAD_FIELD_SIZE,
  RF_LEAD_FIELD_LOCATION,
  RF_LEAD_FIELD_ADDRESS,
} RfLeadField;

#define RF_N_LEAD_FIELDS (RF_LEAD_FIELD_ADDRESS + 1)

#define RF_TYPE_COLUMN_MAPPING (rf_column_mapping_get_type ())

G_DECLARE_FINAL_TYPE (RfColumnMapping, rf_column_mapping, RF, COLUMN_MAPPING, GObject)

const char      *rf_lead_field_to_nick          (RfLeadField          field);
gboolean         rf_lead_field_from_nick        (const char          *nick,
                                                 RfLeadField         *field);
const char      *rf_lead_field_label            (RfLeadField          field);

RfColumnMapping *rf_column_mapping_new_detect   (const char * const  *header,
                                                 guint                n_columns);
guint            rf_column_mapping_get_n_columns (RfColumnMapping    *self);
const char      *rf_column_mapping_get_header   (RfColumnMapping     *self,
                                                 guint                column);
RfLeadField      rf_column_mapping_get_field    (RfColumnMapping     *self,
                                                 guint                column);
void             rf_column_mapping_set_field    (RfColumnMapping     *self,
                                                 guint                column,
                                                 RfLeadField          field);
gboolean         rf_column_mapping_has_field    (RfColumnMapping     *self,
                                                 RfLeadField          field);
char            *rf_column_mapping_dup_key      (RfColumnMapping     *self);
char            *rf_column_mapping_to_string    (RfColumnMapping     *self);
gboolean         rf_column_mapping_load_string  (RfColumnMapping     *self,
                                                 const char          *saved,
                                                 GError             **error);

/* One row through the mapping. The objects are new; company or contact is
 * NULL when the row names none. */
typedef struct
{
  RfCompany *company;
  RfContact *contact;
  RfSignal  *signal;
} RfMappedRow;

void             rf_column_mapping_apply        (RfColumnMapping     *self,
                                                 const char * const  *cells,
                                                 guint                n_cells,
                                                 RfMappedRow         *row);
void             rf_mapped_row_clear            (RfMappedRow         *row);

G_END_DECLS
