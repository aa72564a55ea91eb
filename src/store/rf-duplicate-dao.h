/* rf-duplicate-dao.h: likely duplicate companies and contacts, merged with
 * a log that lets a merge be undone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-dao.h"

G_BEGIN_DECLS

typedef enum {
  RF_DUPLICATE_COMPANY,
  RF_DUPLICATE_CONTACT,
} RfDuplicateKind;

typedef enum {
  RF_DUPLICATE_SAME_DOMAIN,   /* companies */
  RF_DUPLICATE_SAME_EMAIL,    /* contacts */
  RF_DUPLICATE_SAME_NAME,     /* the same name once normalised */
  RF_DUPLICATE_SIMILAR_NAME,  /* normalised names one edit apart */
} RfDuplicateReason;

/* Records that are likely one: @ids ascending (gint64), @key what they
 * share (the domain, the email, a normalised name), @records the
 * RfCompany or RfContact of each id in the same order (for review). */
typedef struct
{
  RfDuplicateKind    kind;
  RfDuplicateReason  reason;
  char              *key;
  GArray            *ids;
  GPtrArray         *records;
} RfDuplicateGroup;

void rf_duplicate_group_free (RfDuplicateGroup *group);

#define RF_TYPE_DUPLICATE_DAO (rf_duplicate_dao_get_type ())

G_DECLARE_FINAL_TYPE (RfDuplicateDao, rf_duplicate_dao, RF, DUPLICATE_DAO, RfDao)

RfDuplicateDao *rf_duplicate_dao_new          (RfDatabase          *database);
/* RfDuplicateGroup of @kind, same domain or email first, then names. */
GPtrArray      *rf_duplicate_dao_find_sync    (RfDuplicateDao      *self,
                                               RfDuplicateKind      kind,
                                               GCancellable        *cancellable,
                                               GError             **error);
void            rf_duplicate_dao_find_async   (RfDuplicateDao      *self,
                                               RfDuplicateKind      kind,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GPtrArray      *rf_duplicate_dao_find_finish  (RfDuplicateDao      *self,
                                               GAsyncResult        *result,
                                               GError             **error);
/* Moves every lead, signal (and for a company, contact) of @duplicate_id
 * to @primary_id, fills the primary's empty fields from the duplicate,
 * deletes the duplicate and logs it all. Returns the merge's id for
 * rf_duplicate_dao_undo_sync(), or 0 on error. */
gint64          rf_duplicate_dao_merge_sync   (RfDuplicateDao      *self,
                                               RfDuplicateKind      kind,
                                               gint64               primary_id,
                                               gint64               duplicate_id,
                                               GCancellable        *cancellable,
                                               GError             **error);
void            rf_duplicate_dao_merge_async  (RfDuplicateDao      *self,
                                               RfDuplicateKind      kind,
                                               gint64               primary_id,
                                               gint64               duplicate_id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gint64          rf_duplicate_dao_merge_finish (RfDuplicateDao      *self,
                                               GAsyncResult        *result,
                                               GError             **error);
/* Puts the duplicate back (with its id when that is still free) with the
 * rows that were moved from it, and the primary's filled fields empty
 * again. Returns the duplicate's id, 0 on error. */
gint64          rf_duplicate_dao_undo_sync    (RfDuplicateDao      *self,
                                               gint64               merge_id,
                                               GCancellable        *cancellable,
                                               GError             **error);
void            rf_duplicate_dao_undo_async   (RfDuplicateDao      *self,
                                               gint64               merge_id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gint64          rf_duplicate_dao_undo_finish  (RfDuplicateDao      *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfDuplicateGroup, rf_duplicate_group_free)

G_END_DECLS
