/* rf-cli-models.c: models [--pull]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-cli.h"
#include "rf-ollama-client.h"


static void
pull_progress_cb (const char *status,
                  double      fraction,
                  gpointer    user_data)
{
  g_printerr ("\r%s: %3.0f%% %-40.40s", (const char *)user_data, fraction * 100, status);
}

/* The URL and models in effect: --ollama, then the seed's environment
 * names, then the defaults. */
static char *
effective_url (RfCli *cli)
{
  const char *url = cli->ollama_url;

  if (url == NULL || *url == '\0')
    url = g_getenv ("OLLAMA_BASE_URL");
  return rf_ollama_normalize_base_url (url);
}

static const char *
env_or (const char *name,
        const char *fallback)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0' ? value : fallback;
}

static void
add_model (JsonBuilder        *builder,
           const char         *member,
           const char         *name,
           const char * const *installed)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "present");
  json_builder_add_boolean_value (builder, rf_ollama_model_list_has (installed, name));
  json_builder_end_object (builder);
}

int
rf_cli_models (RfCli *cli,
               GStrv  args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfOllamaClient) client = NULL;
  g_autofree char *url = effective_url (cli);
  g_autofree char *version = NULL;
  g_auto(GStrv) installed = NULL;
  const char *wanted[2] = { env_or ("OLLAMA_MODEL_1B", "gemma3:1b"), env_or ("OLLAMA_MODEL_4B", "gemma3:4b") };
  gboolean pull = rf_cli_take_flag (&args, "--pull");
  RfCliWaiter waiter;
  int status = RF_CLI_EXIT_OK;

  if (args[1] != NULL)
    return rf_cli_usage_error (RF_CLI_MODELS_USAGE, _("Unexpected argument “%s”"), args[1]);

  rf_cli_waiter_init (&waiter);

  client = rf_ollama_client_new (url);
  rf_ollama_client_set_token (client, g_getenv ("OLLAMA_TOKEN"));

  rf_ollama_client_version_async (client, NULL, rf_cli_waiter_cb, &waiter);
  version = rf_ollama_client_version_finish (client, rf_cli_waiter_wait (&waiter), &error);
  if (version != NULL)
    {
      rf_ollama_client_list_models_async (client, NULL, rf_cli_waiter_cb, &waiter);
      installed = rf_ollama_client_list_models_finish (client, rf_cli_waiter_wait (&waiter), &error);
    }

  if (installed != NULL && pull)
    for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
      {
        g_autoptr(GError) pull_error = NULL;

        if (rf_ollama_model_list_has ((const char * const *)installed, wanted[i]))
          continue;
        rf_ollama_client_pull_async (client, wanted[i], pull_progress_cb, (gpointer)wanted[i], NULL, NULL,
                                     rf_cli_waiter_cb, &waiter);
        if (!rf_ollama_client_pull_finish (client, rf_cli_waiter_wait (&waiter), &pull_error))
          {
            g_printerr ("\n%s\n", pull_error->message);
            status = RF_CLI_EXIT_ERROR;
          }
        else
          g_printerr ("\n");
        }

  if (installed != NULL && pull)
    {
      g_clear_pointer (&installed, g_strfreev);
      rf_ollama_client_list_models_async (client, NULL, rf_cli_waiter_cb, &waiter);
      installed = rf_ollama_client_list_models_finish (client, rf_cli_waiter_wait (&waiter), &error);
    }

  rf_cli_waiter_clear (&waiter);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, url);
      json_builder_set_member_name (builder, "reachable");
      json_builder_add_boolean_value (builder, installed != NULL);
      if (installed != NULL)
        {
          json_builder_set_member_name (builder, "version");
          json_builder_add_string_value (builder, version);
          json_builder_set_member_name (builder, "installed");
          json_builder_begin_array (builder);
          for (guint i = 0; installed[i] != NULL; i++)
            json_builder_add_string_value (builder, installed[i]);
          json_builder_end_array (builder);
        }
      else
        {
          json_builder_set_member_name (builder, "error");
          json_builder_add_string_value (builder, error->message);
        }
      add_model (builder, "fast_model", wanted[0], (const char * const *)installed);
      add_model (builder, "rich_model", wanted[1], (const char * const *)installed);
      json_builder_end_object (builder);
      rf_cli_print_json (builder);
    }
  else if (installed != NULL)
    {
      g_print (_("Ollama %s at %s\n"), version, url);
      for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
        g_print ("  %-22s %s\n", wanted[i],
                 rf_ollama_model_list_has ((const char * const *)installed, wanted[i])
                 ? _("installed") : _("missing: run “raptorflow-cli models --pull”"));
    }

  if (installed == NULL)
    {
      g_printerr ("raptorflow-cli: %s\n", error->message);
      return RF_CLI_EXIT_ERROR;
    }
  return status;
}
