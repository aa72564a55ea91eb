/* gui-seed.c: fills a database with plausible leads, for trying the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   gui-seed PATH [N]     N leads (default 60) with SPIN, MEDDIC and dossiers
 */

#include <stdlib.h>

#include "rf-activity-dao.h"
#include "rf-bench-seed.h"
#include "rf-lead-dao.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfDatabase) database = NULL;
  guint n = argc > 2 ? (guint)strtoul (argv[2], NULL, 10) : 60;

  if (argc < 2)
    {
      g_printerr ("Usage: gui-seed PATH [N]\n");
      return 2;
    }
  database = rf_database_open_sync (argv[1], NULL, &error);
  if (database == NULL || !rf_bench_seed_leads (database, n, TRUE, &error))
    {
      g_printerr ("gui-seed: %s\n", error->message);
      return 1;
    }
  /* The hottest lead has been worked a little. */
  {
    g_autoptr(RfLeadDao) leads = rf_lead_dao_new (database);
    g_autoptr(RfActivityDao) activities = rf_activity_dao_new (database);
    static const struct { RfActivityKind kind; const char *body; gint64 due_days; } log[] = {
      { RF_ACTIVITY_KIND_EMAIL, "Sent the retention audit offer", 0 },
      { RF_ACTIVITY_KIND_CALL, "Spoke with Priya: Q4 inventory is the worry", 0 },
      { RF_ACTIVITY_KIND_TASK, "Send the CAC case study", 2 },
    };

    rf_lead_dao_set_notes_sync (leads, 1, "Founder answers email before 9. Prefers a call on Thursdays.", NULL, NULL);
    rf_lead_dao_set_status_sync (leads, 1, RF_LEAD_STATUS_CONTACTED, NULL, NULL);
    for (guint i = 0; i < G_N_ELEMENTS (log); i++)
      {
        g_autoptr(RfActivity) activity = rf_activity_new ();

        rf_activity_set_lead_id (activity, 1);
        rf_activity_set_kind (activity, log[i].kind);
        rf_activity_set_body (activity, log[i].body);
        if (log[i].due_days > 0)
          rf_activity_set_due_at (activity, g_get_real_time () / G_USEC_PER_SEC + log[i].due_days * 86400);
        rf_activity_dao_save_sync (activities, activity, NULL, NULL);
      }
  }
  rf_database_close (database);
  g_print ("%u leads in %s\n", n, argv[1]);
  return 0;
}
