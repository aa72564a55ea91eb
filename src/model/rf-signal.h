/* rf-signal.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rf-enums.h"

G_BEGIN_DECLS

#define RF_TYPE_SIGNAL (rf_signal_get_type ())

/* Raw input: a job post, website text, card, row of a CSV. */
G_DECLARE_FINAL_TYPE (RfSignal, rf_signal, RF, SIGNAL, GObject)

RfSignal     *rf_signal_new              (void);
RfSignal     *rf_signal_copy             (RfSignal *self);
gint64        rf_signal_get_id           (RfSignal *self);
void          rf_signal_set_id           (RfSignal *self,
                                          gint64    value);
RfSourceType  rf_signal_get_source_type  (RfSignal *self);
void          rf_signal_set_source_type  (RfSignal     *self,
                                          RfSourceType  value);
const char   *rf_signal_get_raw_text     (RfSignal *self);
void          rf_signal_set_raw_text     (RfSignal   *self,
                                          const char *value);
const char   *rf_signal_get_extra_text   (RfSignal *self);
void          rf_signal_set_extra_text   (RfSignal   *self,
                                          const char *value);
const char   *rf_signal_get_file_name    (RfSignal *self);
void          rf_signal_set_file_name    (RfSignal   *self,
                                          const char *value);
const char   *rf_signal_get_file_hash    (RfSignal *self);
void          rf_signal_set_file_hash    (RfSignal   *self,
                                          const char *value);
const char   *rf_signal_get_dedup_key    (RfSignal *self);
void          rf_signal_set_dedup_key    (RfSignal   *self,
                                          const char *value);
const char   *rf_signal_get_import_batch (RfSignal *self);
void          rf_signal_set_import_batch (RfSignal   *self,
                                          const char *value);
gint64        rf_signal_get_company_id   (RfSignal *self);
void          rf_signal_set_company_id   (RfSignal *self,
                                          gint64    value);
gint64        rf_signal_get_contact_id   (RfSignal *self);
void          rf_signal_set_contact_id   (RfSignal *self,
                                          gint64    value);
gint64        rf_signal_get_received_at  (RfSignal *self);
void          rf_signal_set_received_at  (RfSignal *self,
                                          gint64    value);

G_END_DECLS
