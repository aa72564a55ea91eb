/* rf-model-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-model"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "rf-model-json.h"

/* The string value of @member, or @fallback when it is absent or of
 * another type (json-glib's own getter complains loudly then). */
const char *
rf_json_object_get_string (JsonObject *object,
                           const char *member,
                           const char *fallback)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return fallback;
}

static const char * const icp_list_members[] = {
  "size_buckets", "industries", "locations", "hiring_keywords", "pain_keywords", NULL
};

/* A list member may be an array of strings or one comma-separated string. */
static char **
read_string_list (JsonObject  *object,
                  const char  *member,
                  GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node;

  if (!json_object_has_member (object, member))
    return g_new0 (char *, 1);

  node = json_object_get_member (object, member);
  if (JSON_NODE_HOLDS_NULL (node))
    return g_new0 (char *, 1);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_auto(GStrv) parts = g_strsplit (json_node_get_string (node), ",", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        if (*g_strstrip (parts[i]) != '\0')
          g_strv_builder_add (builder, parts[i]);
      return g_strv_builder_end (builder);
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” must be a list of strings"), member);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (node), i);
      g_autofree char *text = NULL;

      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
        text = g_strstrip (g_strdup (json_node_get_string (item)));
      else if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_INT64)
        text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (item));
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” must be a list of strings"), member);
          return NULL;
        }
      if (*text != '\0')
        g_strv_builder_add (builder, text);
    }
  return g_strv_builder_end (builder);
}

/* The seed's ICP request body: name, description, size_buckets,
 * industries, locations, hiring_keywords, pain_keywords (and is_active). */
RfIcpProfile *
rf_icp_profile_from_json (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(RfIcpProfile) profile = rf_icp_profile_new ();
  JsonObject *object;
  const char *name;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A profile must be a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);

  name = rf_json_object_get_string (object, "name", NULL);
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A profile needs a “name”"));
      return NULL;
    }
  rf_icp_profile_set_name (profile, name);
  rf_icp_profile_set_description (profile, rf_json_object_get_string (object, "description", ""));
  if (json_object_has_member (object, "is_active"))
    {
      JsonNode *active = json_object_get_member (object, "is_active");

      if (!JSON_NODE_HOLDS_VALUE (active) || json_node_get_value_type (active) != G_TYPE_BOOLEAN)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("“is_active” must be true or false"));
          return NULL;
        }
      rf_icp_profile_set_active (profile, json_node_get_boolean (active));
    }

  for (guint i = 0; icp_list_members[i] != NULL; i++)
    {
      g_auto(GStrv) list = read_string_list (object, icp_list_members[i], error);

      if (list == NULL)
        return NULL;
      g_object_set (profile,
                    i == 0 ? "size-buckets" : i == 1 ? "industries" : i == 2 ? "locations"
                    : i == 3 ? "hiring-keywords" : "pain-keywords",
                    list, NULL);
    }

  return g_steal_pointer (&profile);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL && *value != '\0')
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_list (JsonBuilder        *builder,
          const char         *member,
          const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

/* Scores keep one decimal, as the seed prints them (82.5). */
static void
add_score (JsonBuilder *builder,
           const char  *member,
           double       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_double_value (builder, isfinite (value) ? round (value * 10) / 10 : 0);
}

static void
add_id_or_null (JsonBuilder *builder,
                const char  *member,
                gint64       id)
{
  json_builder_set_member_name (builder, member);
  if (id > 0)
    json_builder_add_int_value (builder, id);
  else
    json_builder_add_null_value (builder);
}

char *
rf_format_timestamp (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_seconds);

  if (time == NULL)
    return g_strdup ("");
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static void
add_time (JsonBuilder *builder,
          const char  *member,
          gint64       unix_seconds)
{
  g_autofree char *text = unix_seconds > 0 ? rf_format_timestamp (unix_seconds) : NULL;

  add_string_or_null (builder, member, text);
}

void
rf_icp_profile_build_json (RfIcpProfile *profile,
                           JsonBuilder  *builder)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, rf_icp_profile_get_id (profile));
  add_string (builder, "name", rf_icp_profile_get_name (profile));
  add_string (builder, "description", rf_icp_profile_get_description (profile));
  add_list (builder, "size_buckets", rf_icp_profile_get_size_buckets (profile));
  add_list (builder, "industries", rf_icp_profile_get_industries (profile));
  add_list (builder, "locations", rf_icp_profile_get_locations (profile));
  add_list (builder, "hiring_keywords", rf_icp_profile_get_hiring_keywords (profile));
  add_list (builder, "pain_keywords", rf_icp_profile_get_pain_keywords (profile));
  json_builder_set_member_name (builder, "is_active");
  json_builder_add_boolean_value (builder, rf_icp_profile_get_active (profile));
  add_time (builder, "created_at", rf_icp_profile_get_created_at (profile));
  add_time (builder, "updated_at", rf_icp_profile_get_updated_at (profile));
  json_builder_end_object (builder);
}

/* The seed's "classification" object. */
void
rf_classification_build_json (RfClassification *c,
                              JsonBuilder      *builder)
{
  json_builder_begin_object (builder);
  add_score (builder, "score_fit", rf_classification_get_score_fit (c));
  add_score (builder, "score_pain", rf_classification_get_score_pain (c));
  add_score (builder, "score_data_quality", rf_classification_get_score_data_quality (c));
  json_builder_set_member_name (builder, "icp_match");
  json_builder_add_boolean_value (builder, rf_classification_get_icp_match (c));
  add_string (builder, "size_bucket", rf_classification_get_size_bucket (c));
  add_string (builder, "role_type", rf_classification_get_role_type (c));
  add_list (builder, "pain_tags", rf_classification_get_pain_tags (c));

  json_builder_set_member_name (builder, "spin");
  json_builder_begin_object (builder);
  add_string (builder, "situation", rf_classification_get_spin_situation (c));
  add_string (builder, "problem", rf_classification_get_spin_problem (c));
  add_string (builder, "implication", rf_classification_get_spin_implication (c));
  add_string (builder, "need_payoff", rf_classification_get_spin_need_payoff (c));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "meddic");
  json_builder_begin_object (builder);
  add_string (builder, "economic_buyer", rf_classification_get_meddic_economic_buyer (c));
  add_string (builder, "key_pain", rf_classification_get_meddic_key_pain (c));
  add_list (builder, "chaos_flags", rf_classification_get_meddic_chaos_flags (c));
  json_builder_end_object (builder);

  add_string (builder, "classifier", rf_classification_get_classifier (c));
  add_string (builder, "prompt_version", rf_classification_get_prompt_version (c));
  add_string (builder, "explanation", rf_classification_get_explanation (c));
  add_list (builder, "matched_criteria", rf_classification_get_matched_criteria (c));
  add_list (builder, "matched_keywords", rf_classification_get_matched_keywords (c));
  add_list (builder, "repairs", rf_classification_get_repairs (c));
  json_builder_end_object (builder);
}

void
rf_dossier_build_json (RfDossier   *dossier,
                       JsonBuilder *builder)
{
  if (dossier == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  add_string (builder, "snapshot", rf_dossier_get_snapshot (dossier));
  add_list (builder, "why_pain", rf_dossier_get_why_pain (dossier));
  add_string (builder, "uncomfortable_truth", rf_dossier_get_uncomfortable_truth (dossier));
  add_string (builder, "reframe", rf_dossier_get_reframe (dossier));
  add_list (builder, "best_angle", rf_dossier_get_best_angle (dossier));
  add_string (builder, "challenger_insight", rf_dossier_get_challenger_insight (dossier));
  add_string (builder, "model", rf_dossier_get_model (dossier));
  add_time (builder, "created_at", rf_dossier_get_created_at (dossier));
  json_builder_end_object (builder);
}

/* DESIGN.md's lead shape; @full adds the classification, notes and dossier. */
void
rf_lead_build_json (RfLead      *lead,
                    gboolean     full,
                    JsonBuilder *builder)
{
  RfClassification *c = rf_lead_get_classification (lead);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, rf_lead_get_id (lead));
  add_score (builder, "total_score", rf_lead_get_total_score (lead));
  add_string (builder, "score_bucket", rf_score_bucket_to_nick (rf_lead_get_score_bucket (lead)));
  add_string (builder, "status", rf_lead_status_to_nick (rf_lead_get_status (lead)));
  add_string (builder, "source_type", rf_source_type_to_nick (rf_lead_get_source_type (lead)));
  add_string (builder, "classifier", rf_classification_get_classifier (c));
  json_builder_set_member_name (builder, "icp_match");
  json_builder_add_boolean_value (builder, rf_classification_get_icp_match (c));
  add_score (builder, "score_fit", rf_classification_get_score_fit (c));
  add_score (builder, "score_pain", rf_classification_get_score_pain (c));
  add_score (builder, "score_data_quality", rf_classification_get_score_data_quality (c));
  add_string (builder, "role_type", rf_classification_get_role_type (c));
  add_list (builder, "pain_tags", rf_classification_get_pain_tags (c));
  add_id_or_null (builder, "icp_id", rf_lead_get_icp_id (lead));
  add_string_or_null (builder, "icp_name", rf_lead_get_icp_name (lead));
  add_id_or_null (builder, "signal_id", rf_lead_get_signal_id (lead));
  add_time (builder, "created_at", rf_lead_get_created_at (lead));
  add_time (builder, "updated_at", rf_lead_get_updated_at (lead));

  json_builder_set_member_name (builder, "company");
  if (rf_lead_get_company_id (lead) > 0)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, rf_lead_get_company_id (lead));
      add_string (builder, "name", rf_lead_get_company_name (lead));
      add_string_or_null (builder, "website", rf_lead_get_company_website (lead));
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "contact");
  if (rf_lead_get_contact_id (lead) > 0)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, rf_lead_get_contact_id (lead));
      add_string (builder, "name", rf_lead_get_contact_name (lead));
      add_string_or_null (builder, "email", rf_lead_get_contact_email (lead));
      add_string_or_null (builder, "phone", rf_lead_get_contact_phone (lead));
      /* Read with whole leads only. */
      if (full)
        add_string_or_null (builder, "title", rf_lead_get_contact_title (lead));
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  if (full)
    {
      json_builder_set_member_name (builder, "classification");
      rf_classification_build_json (c, builder);
      add_string (builder, "notes", rf_lead_get_notes (lead));
      json_builder_set_member_name (builder, "dossier");
      rf_dossier_build_json (rf_lead_get_dossier (lead), builder);
    }

  json_builder_end_object (builder);
}

void
rf_activity_build_json (RfActivity  *activity,
                        JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, rf_activity_get_id (activity));
  add_string (builder, "kind", rf_activity_kind_to_nick (rf_activity_get_kind (activity)));
  add_string (builder, "body", rf_activity_get_body (activity));
  add_time (builder, "due_at", rf_activity_get_due_at (activity));
  add_time (builder, "done_at", rf_activity_get_done_at (activity));
  add_time (builder, "created_at", rf_activity_get_created_at (activity));
  json_builder_end_object (builder);
}

char *
rf_json_to_string (JsonBuilder *builder,
                   gboolean     pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);
  return json_generator_to_data (generator, NULL);
}

/* The dossier as the store keeps it (the seed's fields, the model and
 * when), or as rf_dossier_build_json() writes it (an export's cell): NULL
 * for an empty or unreadable one. */
RfDossier *
rf_dossier_from_stored_json (const char *json)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *object;
  JsonNode *created;
  RfDossier *dossier;

  if (json == NULL || *json == '\0')
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  object = json_node_get_object (json_parser_get_root (parser));

  dossier = rf_dossier_new ();
  rf_dossier_set_snapshot (dossier, rf_json_object_get_string (object, "snapshot", ""));
  rf_dossier_set_uncomfortable_truth (dossier, rf_json_object_get_string (object, "uncomfortable_truth", ""));
  rf_dossier_set_reframe (dossier, rf_json_object_get_string (object, "reframe", ""));
  rf_dossier_set_challenger_insight (dossier, rf_json_object_get_string (object, "challenger_insight", ""));
  rf_dossier_set_model (dossier, rf_json_object_get_string (object, "model", ""));
  /* Seconds as stored; ISO 8601 as rf_dossier_build_json() writes it. */
  created = json_object_get_member (object, "created_at");
  if (created != NULL && JSON_NODE_HOLDS_VALUE (created) && json_node_get_value_type (created) == G_TYPE_INT64)
    rf_dossier_set_created_at (dossier, json_node_get_int (created));
  else if (created != NULL && JSON_NODE_HOLDS_VALUE (created) && json_node_get_value_type (created) == G_TYPE_STRING)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (json_node_get_string (created), NULL);

      if (time != NULL)
        rf_dossier_set_created_at (dossier, g_date_time_to_unix (time));
    }

  for (guint i = 0; i < 2; i++)
    {
      const char *member = i == 0 ? "why_pain" : "best_angle";
      JsonArray *array = json_object_has_member (object, member) &&
                         JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, member))
                         ? json_object_get_array_member (object, member) : NULL;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) items = NULL;

      for (guint j = 0; array != NULL && j < json_array_get_length (array); j++)
        {
          JsonNode *node = json_array_get_element (array, j);
          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (node));
        }
      items = g_strv_builder_end (builder);
      if (i == 0)
        rf_dossier_set_why_pain (dossier, (const char * const *)items);
      else
        rf_dossier_set_best_angle (dossier, (const char * const *)items);
    }

  return dossier;
}

char *
rf_dossier_to_stored_json (RfDossier *dossier)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const char * const *lists[2] = { rf_dossier_get_why_pain (dossier), rf_dossier_get_best_angle (dossier) };
  const char *names[2] = { "why_pain", "best_angle" };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "snapshot");
  json_builder_add_string_value (builder, rf_dossier_get_snapshot (dossier) ?: "");
  for (guint i = 0; i < 2; i++)
    {
      json_builder_set_member_name (builder, names[i]);
      json_builder_begin_array (builder);
      for (guint j = 0; lists[i] != NULL && lists[i][j] != NULL; j++)
        json_builder_add_string_value (builder, lists[i][j]);
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "uncomfortable_truth");
  json_builder_add_string_value (builder, rf_dossier_get_uncomfortable_truth (dossier) ?: "");
  json_builder_set_member_name (builder, "reframe");
  json_builder_add_string_value (builder, rf_dossier_get_reframe (dossier) ?: "");
  json_builder_set_member_name (builder, "challenger_insight");
  json_builder_add_string_value (builder, rf_dossier_get_challenger_insight (dossier) ?: "");
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, rf_dossier_get_model (dossier) ?: "");
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_int_value (builder, rf_dossier_get_created_at (dossier));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}
