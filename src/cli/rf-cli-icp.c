/* rf-cli-icp.c: icp list | show | add | template | delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include <gio/gunixinputstream.h>

#include "rf-cli.h"
#include "rf-icp-dao.h"
#include "rf-icp-template.h"
#include "rf-model-json.h"


static void
print_list_line (const char         *label,
                 const char * const *values)
{
  g_autofree char *joined = NULL;

  if (values == NULL || values[0] == NULL)
    return;
  joined = g_strjoinv (", ", (char **)values);
  g_print ("  %-16s %s\n", label, joined);
}

static void
print_profile (RfIcpProfile *profile)
{
  g_print ("%" G_GINT64_FORMAT "  %s%s\n", rf_icp_profile_get_id (profile),
           rf_icp_profile_get_name (profile),
           rf_icp_profile_get_active (profile) ? "" : _(" (inactive)"));
  if (rf_icp_profile_get_description (profile) != NULL && *rf_icp_profile_get_description (profile))
    g_print ("  %s\n", rf_icp_profile_get_description (profile));
  print_list_line (_("Sizes:"), rf_icp_profile_get_size_buckets (profile));
  print_list_line (_("Industries:"), rf_icp_profile_get_industries (profile));
  print_list_line (_("Locations:"), rf_icp_profile_get_locations (profile));
  print_list_line (_("Hiring:"), rf_icp_profile_get_hiring_keywords (profile));
  print_list_line (_("Pain:"), rf_icp_profile_get_pain_keywords (profile));
}

static int
output_profile (RfCli        *cli,
                RfIcpProfile *profile)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      rf_icp_profile_build_json (profile, builder);
      rf_cli_print_json (builder);
    }
  else
    print_profile (profile);
  return RF_CLI_EXIT_OK;
}

static int
icp_list (RfCli    *cli,
          RfIcpDao *dao)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = rf_icp_dao_list_sync (dao, FALSE, NULL, &error);

  if (profiles == NULL)
    return rf_cli_fail (cli, g_steal_pointer (&error));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < profiles->len; i++)
        rf_icp_profile_build_json (g_ptr_array_index (profiles, i), builder);
      json_builder_end_array (builder);
      rf_cli_print_json (builder);
    }
  else if (profiles->len == 0)
    g_print ("%s\n", _("No profiles yet. Add one with “raptorflow-cli icp template solo-founder”."));
  else
    for (guint i = 0; i < profiles->len; i++)
      print_profile (g_ptr_array_index (profiles, i));

  return RF_CLI_EXIT_OK;
}

static RfIcpProfile *
read_profile_file (const char  *path,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(RfIcpProfile) profile = NULL;
  gboolean loaded;

  if (g_str_equal (path, "-"))
    {
      g_autoptr(GInputStream) input = g_unix_input_stream_new (0, FALSE);
      loaded = json_parser_load_from_stream (parser, input, NULL, error);
    }
  else
    loaded = json_parser_load_from_mapped_file (parser, path, error);

  if (!loaded)
    {
      g_prefix_error (error, _("Cannot read the profile “%s”: "), path);
      return NULL;
    }

  profile = rf_icp_profile_from_json (json_parser_get_root (parser), error);
  if (profile == NULL)
    g_prefix_error (error, "%s: ", path);
  return g_steal_pointer (&profile);
}

int
rf_cli_icp (RfCli *cli,
            GStrv  args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RfIcpDao) dao = NULL;
  g_autoptr(RfIcpProfile) profile = NULL;
  const char *verb = args[1];
  gint64 id;

  if (verb == NULL)
    return rf_cli_usage_error (RF_CLI_ICP_USAGE, _("icp needs a subcommand"));

  if (!g_str_equal (verb, "list") && !g_str_equal (verb, "show") && !g_str_equal (verb, "add") &&
      !g_str_equal (verb, "template") && !g_str_equal (verb, "delete"))
    return rf_cli_usage_error (RF_CLI_ICP_USAGE, _("Unknown icp subcommand “%s”"), verb);

  if (!g_str_equal (verb, "list") && args[2] == NULL)
    return rf_cli_usage_error (RF_CLI_ICP_USAGE, _("icp %s needs an argument"), verb);

  if ((g_str_equal (verb, "show") || g_str_equal (verb, "delete")) && !rf_cli_parse_id (args[2], &id))
    return rf_cli_usage_error (RF_CLI_ICP_USAGE, _("“%s” is not a profile id"), args[2]);

  if (g_str_equal (verb, "template"))
    {
      profile = rf_icp_template_new (args[2]);
      if (profile == NULL)
        {
          g_autofree char *known = g_strjoinv (", ", (char **)rf_icp_template_list_ids ());
          return rf_cli_usage_error (RF_CLI_ICP_USAGE, _("Unknown template “%s”; there are: %s"), args[2], known);
        }
    }
  else if (g_str_equal (verb, "add"))
    {
      profile = read_profile_file (args[2], &error);
      if (profile == NULL)
        return rf_cli_fail (cli, g_steal_pointer (&error));
    }

  if (rf_cli_open_database (cli) == NULL)
    return RF_CLI_EXIT_ERROR;
  dao = rf_icp_dao_new (cli->database);

  if (g_str_equal (verb, "list"))
    return icp_list (cli, dao);

  if (g_str_equal (verb, "show"))
    {
      profile = rf_icp_dao_get_sync (dao, id, NULL, &error);
      if (profile == NULL)
        return rf_cli_fail (cli, g_steal_pointer (&error));
      return output_profile (cli, profile);
    }

  if (g_str_equal (verb, "delete"))
    {
      if (!rf_icp_dao_delete_sync (dao, id, NULL, &error))
        return rf_cli_fail (cli, g_steal_pointer (&error));
      if (cli->json)
        g_print ("{\n  \"deleted\" : %" G_GINT64_FORMAT "\n}\n", id);
      else
        g_print (_("Deleted profile %" PRId64 "\n"), id);
      return RF_CLI_EXIT_OK;
    }

  /* add, template */
  if (!rf_icp_dao_save_sync (dao, profile, NULL, &error))
    return rf_cli_fail (cli, g_steal_pointer (&error));
  return output_profile (cli, profile);
}
