/* rf-lead-table.h: the lead list as a sortable table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rf-lead-list-model.h"

G_BEGIN_DECLS

#define RF_TYPE_LEAD_TABLE (rf_lead_table_get_type ())

G_DECLARE_FINAL_TYPE (RfLeadTable, rf_lead_table, RF, LEAD_TABLE, GtkWidget)

GtkWidget         *rf_lead_table_new           (void);
void               rf_lead_table_set_model     (RfLeadTable     *self,
                                                RfLeadListModel *model);
GtkSelectionModel *rf_lead_table_get_selection (RfLeadTable     *self);
GtkColumnView     *rf_lead_table_get_view      (RfLeadTable     *self);
/* The sort the user chose by the column headers (score, descending when
 * none is chosen). */
void               rf_lead_table_get_sort      (RfLeadTable     *self,
                                                RfLeadSort      *sort,
                                                gboolean        *ascending);
void               rf_lead_table_sort_by       (RfLeadTable     *self,
                                                RfLeadSort       sort,
                                                gboolean         ascending);
/* Selects only @position, scrolls to it and focuses the table. */
void               rf_lead_table_select        (RfLeadTable     *self,
                                                guint            position);
void               rf_lead_table_scroll_to     (RfLeadTable     *self,
                                                guint            position);
/* The first selected position, or GTK_INVALID_LIST_POSITION. */
guint              rf_lead_table_get_selected  (RfLeadTable     *self);
GArray            *rf_lead_table_get_selected_ids (RfLeadTable  *self);
void               rf_lead_table_bind_settings (RfLeadTable     *self,
                                                GSettings       *settings);
GActionGroup      *rf_lead_table_get_column_actions (RfLeadTable *self);
GMenuModel        *rf_lead_table_get_columns_menu (RfLeadTable  *self);

G_END_DECLS
