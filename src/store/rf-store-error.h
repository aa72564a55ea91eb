/* rf-store-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RF_STORE_ERROR (rf_store_error_quark ())

/* Codes a user can act on; the message says what to do. */
typedef enum {
  RF_STORE_ERROR_OPEN,        /* cannot open or create the file */
  RF_STORE_ERROR_CORRUPT,     /* not a database, or a damaged one */
  RF_STORE_ERROR_READ_ONLY,   /* the file or its folder cannot be written */
  RF_STORE_ERROR_BUSY,        /* another program holds a lock too long */
  RF_STORE_ERROR_FULL,        /* the disk is full */
  RF_STORE_ERROR_TOO_NEW,     /* made by a newer version of Raptorflow */
  RF_STORE_ERROR_NOT_FOUND,   /* no row with that id */
  RF_STORE_ERROR_INVALID,     /* an argument the store cannot take */
  RF_STORE_ERROR_CLOSED,      /* the database was closed */
  RF_STORE_ERROR_FAILED,
} RfStoreError;

GQuark rf_store_error_quark (void);

G_END_DECLS
