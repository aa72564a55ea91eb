/* rf-cli.h: what every raptorflow-cli command shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rf-database.h"
#include "rf-lead-engine.h"

/* Each command's usage, for its own errors and for the help. */
#define RF_CLI_CLASSIFY_USAGE "classify --text TEXT [--company NAME] [--website URL] [--source TYPE] [--icp ID] | --batch FILE.jsonl [--no-dossier]"
#define RF_CLI_EXPORT_USAGE "export --format csv|vcard [--bucket B] [--status S] [--min-score N] [-o FILE]"
#define RF_CLI_ICP_USAGE "icp list | show ID | add FILE.json | template solo-founder|small-d2c | delete ID"
#define RF_CLI_INGEST_USAGE "ingest FILE... [--dry-run] [--no-dossier] [--delimiter D] [--encoding E] [--icp ID] | ingest --revert BATCH"
#define RF_CLI_LEADS_USAGE "leads [--bucket B] [--min-score N] [--status S] [--search Q] [--icp ID] [--limit N]"
#define RF_CLI_LEAD_USAGE "lead ID [--status S] [--note TEXT] [--rescore] [--dossier] [--delete]"
#define RF_CLI_MODELS_USAGE "models [--pull]"
#define RF_CLI_OCR_USAGE "ocr FILE [--region CC]"

G_BEGIN_DECLS

#define RF_CLI_EXIT_OK    0
#define RF_CLI_EXIT_ERROR 1
#define RF_CLI_EXIT_USAGE 2

typedef struct
{
  char       *db_path;      /* --db, else DATABASE_URL, else the default */
  char       *ollama_url;   /* --ollama, else NULL (the engine decides) */
  guint       parallel;     /* --parallel, 0: default */
  gboolean    json;         /* --json, anywhere on the line */
  gboolean    no_dossier;   /* classify/ingest --no-dossier: scores only */
  RfDatabase *database;     /* opened on first use */
  RfLeadEngine *engine;     /* made on first use */
} RfCli;

/* Runs the main loop until an async call started with
 * rf_cli_waiter_cb and the waiter as user data completes. */
typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} RfCliWaiter;

void          rf_cli_waiter_init   (RfCliWaiter  *waiter);
void          rf_cli_waiter_clear  (RfCliWaiter  *waiter);
void          rf_cli_waiter_cb     (GObject      *source,
                                    GAsyncResult *result,
                                    gpointer      user_data);
GAsyncResult *rf_cli_waiter_wait   (RfCliWaiter  *waiter);

typedef int (*RfCliCommandFunc) (RfCli  *cli,
                                 GStrv   args);

typedef struct
{
  const char       *name;
  RfCliCommandFunc  run;
  const char       *usage;
} RfCliCommand;

RfDatabase *rf_cli_open_database   (RfCli        *cli);
RfLeadEngine *rf_cli_open_engine   (RfCli        *cli);
int         rf_cli_fail            (RfCli        *cli,
                                    GError       *error);
int         rf_cli_usage_error     (const char   *usage,
                                    const char   *format,
                                    ...) G_GNUC_PRINTF (2, 3);
gboolean    rf_cli_take_option     (GStrv        *args,
                                    const char   *name,
                                    char        **value,
                                    GError      **error);
gboolean    rf_cli_take_flag       (GStrv        *args,
                                    const char   *name);
gboolean    rf_cli_parse_enum_mask (GType        type,
                                    const char  *text,
                                    guint       *mask,
                                    char       **bad);
gboolean    rf_cli_parse_id        (const char   *text,
                                    gint64       *id);
void        rf_cli_print_json      (JsonBuilder  *builder);

/* Commands, one file per group. */
int         rf_cli_icp             (RfCli        *cli,
                                    GStrv         args);
int         rf_cli_leads           (RfCli        *cli,
                                    GStrv         args);
int         rf_cli_lead            (RfCli        *cli,
                                    GStrv         args);
int         rf_cli_distribution    (RfCli        *cli,
                                    GStrv         args);

int         rf_cli_models          (RfCli        *cli,
                                    GStrv         args);
int         rf_cli_classify        (RfCli        *cli,
                                    GStrv         args);
int         rf_cli_ingest          (RfCli        *cli,
                                    GStrv         args);
int         rf_cli_export          (RfCli        *cli,
                                    GStrv         args);
/* ingest of a file that is not CSV-like or vCard (images, PDFs): adds its
 * result to @json (or prints it without --json); FALSE with @error when
 * the file could not be read. */
gboolean    rf_cli_ingest_document (RfCli        *cli,
                                    const char   *path,
                                    gint64        icp_id,
                                    JsonBuilder  *json,
                                    GError      **error);
void        rf_cli_build_outcome_json (JsonBuilder       *builder,
                                       RfClassifyOutcome *outcome);
void        rf_cli_print_outcome   (RfClassifyOutcome *outcome);
int         rf_cli_ocr             (RfCli        *cli,
                                    GStrv         args);

int         rf_cli_main            (int           argc,
                                    char        **argv);

G_END_DECLS
