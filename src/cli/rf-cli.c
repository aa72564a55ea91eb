/* rf-cli.c: global options, dispatch and shared helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "rf-cli.h"

static const RfCliCommand commands[] = {
  { "icp", rf_cli_icp, RF_CLI_ICP_USAGE },
  { "leads", rf_cli_leads, RF_CLI_LEADS_USAGE },
  { "lead", rf_cli_lead, RF_CLI_LEAD_USAGE },
  { "distribution", rf_cli_distribution, "distribution" },
  { "classify", rf_cli_classify, RF_CLI_CLASSIFY_USAGE },
  { "ingest", rf_cli_ingest, RF_CLI_INGEST_USAGE },
  { "export", rf_cli_export, RF_CLI_EXPORT_USAGE },
  { "ocr", rf_cli_ocr, RF_CLI_OCR_USAGE },
  { "models", rf_cli_models, RF_CLI_MODELS_USAGE },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: raptorflow-cli [--db PATH] [--ollama URL] [--parallel N] [--json] COMMAND"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %s\n", commands[i].usage);
  fprintf (stream, "  --version\n");
}

RfDatabase *
rf_cli_open_database (RfCli *cli)
{
  g_autoptr(GError) error = NULL;

  if (cli->database != NULL)
    return cli->database;

  cli->database = rf_database_open_sync (cli->db_path, NULL, &error);
  if (cli->database == NULL)
    rf_cli_fail (cli, g_steal_pointer (&error));
  return cli->database;
}

/* "red_hot,warm" -> mask; FALSE with a message for an unknown name. */
gboolean
rf_cli_parse_enum_mask (GType        type,
                        const char  *text,
                        guint       *mask,
                        char       **bad)
{
  g_auto(GStrv) names = g_strsplit (text, ",", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      int value;

      if (*g_strstrip (names[i]) == '\0')
        continue;
      if (!rf_enum_from_nick (type, names[i], &value))
        {
          *bad = g_strdup (names[i]);
          return FALSE;
        }
      *mask |= 1u << value;
    }
  return TRUE;
}

/* The engine with the seed's environment, --ollama and --parallel. */
RfLeadEngine *
rf_cli_open_engine (RfCli *cli)
{
  g_autoptr(RfConfig) config = NULL;

  if (cli->engine != NULL)
    return cli->engine;
  if (rf_cli_open_database (cli) == NULL)
    return NULL;

  config = rf_config_new ();
  if (cli->ollama_url != NULL)
    rf_config_set_ollama_url (config, cli->ollama_url);
  if (cli->parallel > 0)
    rf_config_set_parallel (config, cli->parallel);
  cli->engine = rf_lead_engine_new (cli->database, config);
  rf_lead_engine_set_automatic_dossiers (cli->engine, !cli->no_dossier);
  return cli->engine;
}

void
rf_cli_waiter_init (RfCliWaiter *waiter)
{
  waiter->loop = g_main_loop_new (NULL, FALSE);
  waiter->result = NULL;
}

void
rf_cli_waiter_clear (RfCliWaiter *waiter)
{
  g_clear_pointer (&waiter->loop, g_main_loop_unref);
  g_clear_object (&waiter->result);
}

void
rf_cli_waiter_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RfCliWaiter *waiter = user_data;

  g_set_object (&waiter->result, result);
  g_main_loop_quit (waiter->loop);
}

/* Returns: (transfer none): the result, valid until the next wait. */
GAsyncResult *
rf_cli_waiter_wait (RfCliWaiter *waiter)
{
  g_clear_object (&waiter->result);
  while (waiter->result == NULL)
    g_main_loop_run (waiter->loop);
  return waiter->result;
}

/* Prints @error on stderr (and as JSON on stdout with --json), takes it,
 * and returns the error exit status. */
int
rf_cli_fail (RfCli  *cli,
             GError *error)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, error->message);
      json_builder_end_object (builder);
      rf_cli_print_json (builder);
    }
  g_printerr ("raptorflow-cli: %s\n", error->message);
  g_error_free (error);
  return RF_CLI_EXIT_ERROR;
}

int
rf_cli_usage_error (const char *usage,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("raptorflow-cli: %s\n", message);
  if (usage != NULL)
    g_printerr (_("Usage: raptorflow-cli %s\n"), usage);
  return RF_CLI_EXIT_USAGE;
}

static void
remove_args (GStrv *args,
             guint  index,
             guint  count)
{
  guint length = g_strv_length (*args);

  for (guint i = index; i < index + count && i < length; i++)
    g_free ((*args)[i]);
  memmove (&(*args)[index], &(*args)[index + count], sizeof (char *) * (length - index - count + 1));
}

/* Removes "--name VALUE" or "--name=VALUE" from @args; the last one wins.
 * FALSE with @error when the value is missing. */
gboolean
rf_cli_take_option (GStrv   *args,
                    const char  *name,
                    char       **value,
                    GError     **error)
{
  gsize name_len = strlen (name);

  for (guint i = 0; (*args)[i] != NULL;)
    {
      const char *arg = (*args)[i];

      if (g_str_equal (arg, "--"))
        break;
      if (g_str_equal (arg, name))
        {
          if ((*args)[i + 1] == NULL)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("%s needs a value"), name);
              return FALSE;
            }
          g_free (*value);
          *value = g_strdup ((*args)[i + 1]);
          remove_args (args, i, 2);
          continue;
        }
      if (strncmp (arg, name, name_len) == 0 && arg[name_len] == '=')
        {
          g_free (*value);
          *value = g_strdup (arg + name_len + 1);
          remove_args (args, i, 1);
          continue;
        }
      i++;
    }
  return TRUE;
}

gboolean
rf_cli_take_flag (GStrv      *args,
                  const char *name)
{
  gboolean found = FALSE;

  for (guint i = 0; (*args)[i] != NULL;)
    {
      if (g_str_equal ((*args)[i], "--"))
        break;
      if (g_str_equal ((*args)[i], name))
        {
          remove_args (args, i, 1);
          found = TRUE;
          continue;
        }
      i++;
    }
  return found;
}

gboolean
rf_cli_parse_id (const char *text,
                 gint64     *id)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64)value;
  return TRUE;
}

void
rf_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

int
rf_cli_main (int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *db = NULL;
  g_autofree char *parallel = NULL;
  RfCli cli = { 0 };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  args = g_new0 (char *, argc);
  for (int i = 1; i < argc; i++)
    args[i - 1] = g_strdup (argv[i]);

  cli.json = rf_cli_take_flag (&args, "--json");
  if (rf_cli_take_flag (&args, "--version"))
    {
      if (cli.json)
        g_print ("{\n  \"version\" : \"%s\"\n}\n", PACKAGE_VERSION);
      else
        g_print ("raptorflow-cli %s\n", PACKAGE_VERSION);
      return RF_CLI_EXIT_OK;
    }
  if (rf_cli_take_flag (&args, "--help") || rf_cli_take_flag (&args, "-h"))
    {
      print_usage (stdout);
      return RF_CLI_EXIT_OK;
    }

  if (!rf_cli_take_option (&args, "--db", &db, &error) ||
      !rf_cli_take_option (&args, "--ollama", &cli.ollama_url, &error) ||
      !rf_cli_take_option (&args, "--parallel", &parallel, &error))
    return rf_cli_usage_error (NULL, "%s", error->message);

  if (parallel != NULL)
    {
      guint64 value;
      if (!g_ascii_string_to_unsigned (parallel, 10, 1, 64, &value, NULL))
        return rf_cli_usage_error (NULL, _("--parallel takes a number from 1 to 64, not “%s”"), parallel);
      cli.parallel = value;
    }

  if (db != NULL)
    {
      cli.db_path = rf_database_path_from_url (db, &error);
      if (cli.db_path == NULL)
        return rf_cli_usage_error (NULL, "%s", error->message);
    }
  else
    cli.db_path = rf_database_default_path ();

  if (args[0] == NULL)
    {
      print_usage (stderr);
      status = RF_CLI_EXIT_USAGE;
    }
  else
    {
      const RfCliCommand *command = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        if (g_str_equal (commands[i].name, args[0]))
          command = &commands[i];

      if (command == NULL)
        {
          g_printerr (_("raptorflow-cli: unknown command “%s”\n"), args[0]);
          print_usage (stderr);
          status = RF_CLI_EXIT_USAGE;
        }
      else
        status = command->run (&cli, args);
    }

  g_clear_object (&cli.engine);
  if (cli.database != NULL)
    {
      rf_database_close (cli.database);
      g_object_unref (cli.database);
    }
  g_free (cli.db_path);
  g_free (cli.ollama_url);
  return status;
}
