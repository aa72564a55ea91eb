/* fuzz-icp-json.c: `icp add FILE.json` reads profiles written by anyone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdint.h>

#include "rf-model-json.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(RfIcpProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, (const char *)data, size, NULL))
    return 0;

  profile = rf_icp_profile_from_json (json_parser_get_root (parser), &error);
  g_assert_true ((profile == NULL) == (error != NULL));
  if (profile != NULL)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *json = NULL;

      g_assert_nonnull (rf_icp_profile_get_name (profile));
      rf_icp_profile_build_json (profile, builder);
      json = rf_json_to_string (builder, FALSE);
      g_assert_nonnull (json);
    }
  return 0;
}
