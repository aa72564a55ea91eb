/* rf-test-util.h: helpers shared by the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rf-database.h"

G_BEGIN_DECLS

char       *rf_test_make_tmpdir      (void);
void        rf_test_remove_tree      (const char  *path);
RfDatabase *rf_test_open_database    (char       **out_dir);
const char *rf_test_testdata_dir     (const char  *subdir);
int         rf_test_run_cli          (const char  *db_path,
                                      char       **out_stdout,
                                      char       **out_stderr,
                                      const char  *first_arg,
                                      ...) G_GNUC_NULL_TERMINATED;
int         rf_test_run_cli_argv     (const char  *db_path,
                                      const char * const *envp_extra,
                                      const char * const *args,
                                      char       **out_stdout,
                                      char       **out_stderr);
gboolean    rf_test_wait_until       (gboolean   (*condition) (gpointer),
                                      gpointer     data,
                                      guint        timeout_ms);

G_END_DECLS

G_BEGIN_DECLS

/* A stored lead with its company, contact and signal, scored @total
 * (split into fit/pain/quality) — for tests that need rows. Returns its id. */
gint64      rf_test_insert_lead      (RfDatabase  *database,
                                      const char  *company,
                                      const char  *website,
                                      const char  *contact,
                                      const char  *email,
                                      double       total,
                                      const char  *text);

G_END_DECLS
