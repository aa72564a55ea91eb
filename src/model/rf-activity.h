/* rf-activity.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rf-enums.h"

G_BEGIN_DECLS

#define RF_TYPE_ACTIVITY (rf_activity_get_type ())

/* Something done about a lead: a call, an email, a note, a task. */
G_DECLARE_FINAL_TYPE (RfActivity, rf_activity, RF, ACTIVITY, GObject)

RfActivity     *rf_activity_new            (void);
RfActivity     *rf_activity_copy           (RfActivity *self);
gint64          rf_activity_get_id         (RfActivity *self);
void            rf_activity_set_id         (RfActivity *self,
                                            gint64      value);
gint64          rf_activity_get_lead_id    (RfActivity *self);
void            rf_activity_set_lead_id    (RfActivity *self,
                                            gint64      value);
RfActivityKind  rf_activity_get_kind       (RfActivity *self);
void            rf_activity_set_kind       (RfActivity     *self,
                                            RfActivityKind  value);
const char     *rf_activity_get_body       (RfActivity *self);
void            rf_activity_set_body       (RfActivity *self,
                                            const char *value);
gint64          rf_activity_get_due_at     (RfActivity *self);
void            rf_activity_set_due_at     (RfActivity *self,
                                            gint64      value);
gint64          rf_activity_get_done_at    (RfActivity *self);
void            rf_activity_set_done_at    (RfActivity *self,
                                            gint64      value);
gint64          rf_activity_get_created_at (RfActivity *self);
void            rf_activity_set_created_at (RfActivity *self,
                                            gint64      value);

G_END_DECLS
