/* rf-answer-validator.c: small models answer in the schema most of the
 * time; the rest of the time a number comes as a string, a list as one
 * comma-separated string, a field is missing or a score is 57 out of 40.
 * Each such answer is repaired and every repair is noted on the lead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-classify"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "rf-answer-validator.h"
#include "rf-classify-error.h"
#include "rf-icp-template.h"
#include "rf-pain-lexicon.h"
#include "rf-scoring.h"

#define TEXT_MAX_CHARS 1000
#define LIST_MAX_ITEMS 12
#define TAG_MAX_CHARS  40

typedef struct
{
  GPtrArray *repairs;
} Validation;

static void
repair (Validation *v,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static void
repair (Validation *v,
        const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (v->repairs, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Control characters out (newlines and tabs become spaces), invalid UTF-8
 * replaced, length capped. */
static char *
clean_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));
  glong n = 0;

  for (const char *p = valid; *p != '\0' && n < TEXT_MAX_CHARS; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\t' || c == '\r')
        g_string_append_c (out, ' ');
      else if (!g_unichar_iscntrl (c))
        g_string_append_unichar (out, c);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return object != NULL && json_object_has_member (object, name) ? json_object_get_member (object, name) : NULL;
}

static char *
get_text (Validation *v,
          JsonObject *object,
          const char *path,
          const char *name)
{
  JsonNode *node = member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      repair (v, _("%s%s was missing"), path, name);
      return g_strdup ("");
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return clean_text (json_node_get_string (node));
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GValue value = G_VALUE_INIT;
      GValue as_string = G_VALUE_INIT;
      char *text;

      json_node_get_value (node, &value);
      g_value_init (&as_string, G_TYPE_STRING);
      g_value_transform (&value, &as_string);
      text = clean_text (g_value_get_string (&as_string) != NULL ? g_value_get_string (&as_string) : "");
      g_value_unset (&value);
      g_value_unset (&as_string);
      repair (v, _("%s%s was not text"), path, name);
      return text;
    }
  repair (v, _("%s%s was not text"), path, name);
  return g_strdup ("");
}

static double
get_number (Validation *v,
            JsonObject *object,
            const char *path,
            const char *name,
            double      max)
{
  JsonNode *node = member (object, name);
  double value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    {
      repair (v, _("%s%s was missing: 0"), path, name);
      return 0;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      value = (double) json_node_get_int (node);
      break;
    case G_TYPE_DOUBLE:
      value = json_node_get_double (node);
      break;
    case G_TYPE_BOOLEAN:
      repair (v, _("%s%s was not a number: 0"), path, name);
      return 0;
    case G_TYPE_STRING:
      {
        const char *text = json_node_get_string (node);
        char *end = NULL;

        value = g_ascii_strtod (text, &end);
        if (end == text)
          {
            repair (v, _("%s%s was not a number: 0"), path, name);
            return 0;
          }
        repair (v, _("%s%s was text, read as a number"), path, name);
      }
      break;
    default:
      repair (v, _("%s%s was not a number: 0"), path, name);
      return 0;
    }

  if (!isfinite (value))
    {
      repair (v, _("%s%s was not a finite number: 0"), path, name);
      return 0;
    }
  if (value < 0 || value > max)
    {
      double clamped = rf_score_clamp (value, max);

      repair (v, _("%s%s of %g clamped to %g"), path, name, value, clamped);
      return clamped;
    }
  return rf_score_round (value);
}

static gboolean
get_boolean (Validation *v,
             JsonObject *object,
             const char *name)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    {
      repair (v, _("%s was missing: false"), name);
      return FALSE;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return json_node_get_boolean (node);
    case G_TYPE_INT64:
      repair (v, _("%s was a number, read as true or false"), name);
      return json_node_get_int (node) != 0;
    case G_TYPE_STRING:
      {
        const char *text = json_node_get_string (node);
        gboolean yes = g_ascii_strcasecmp (text, "true") == 0 || g_ascii_strcasecmp (text, "yes") == 0;

        repair (v, _("%s was text, read as true or false"), name);
        return yes;
      }
    default:
      repair (v, _("%s was not true or false: false"), name);
      return FALSE;
    }
}

/* A list of strings; one string "a, b" is split. */
static char **
get_list (Validation *v,
          JsonObject *object,
          const char *path,
          const char *name)
{
  JsonNode *node = member (object, name);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint added = 0;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      repair (v, _("%s%s was missing"), path, name);
      return g_strv_builder_end (builder);
    }

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_auto(GStrv) parts = g_strsplit_set (json_node_get_string (node), ",;", -1);

      repair (v, _("%s%s was one text, split into a list"), path, name);
      for (guint i = 0; parts[i] != NULL && added < LIST_MAX_ITEMS; i++)
        {
          g_autofree char *clean = clean_text (parts[i]);

          if (*clean != '\0')
            {
              g_strv_builder_add (builder, clean);
              added++;
            }
        }
      return g_strv_builder_end (builder);
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      repair (v, _("%s%s was not a list"), path, name);
      return g_strv_builder_end (builder);
    }

  {
    JsonArray *array = json_node_get_array (node);
    guint length = json_array_get_length (array);
    gboolean dropped = FALSE;

    for (guint i = 0; i < length; i++)
      {
        JsonNode *item = json_array_get_element (array, i);
        g_autofree char *clean = NULL;

        if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING || added >= LIST_MAX_ITEMS)
          {
            dropped = TRUE;
            continue;
          }
        clean = clean_text (json_node_get_string (item));
        if (*clean != '\0')
          {
            g_strv_builder_add (builder, clean);
            added++;
          }
      }
    if (dropped)
      repair (v, _("%s%s had items that were not text, or too many"), path, name);
  }
  return g_strv_builder_end (builder);
}

static const char *
get_choice (Validation         *v,
            JsonObject         *object,
            const char         *name,
            const char * const *choices)
{
  g_autofree char *value = get_text (v, object, "", name);

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_ascii_strcasecmp (choices[i], value) == 0)
      return choices[i];
  if (*value != '\0')
    repair (v, _("%s “%s” is not a known value: unknown"), name, value);
  return "unknown";
}

/* Tags as identifiers: lower case, underscores, short, each once. */
static char **
sanitize_tags (char **tags)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; tags[i] != NULL; i++)
    {
      GString *tag = g_string_new (NULL);

      for (const char *p = tags[i]; *p != '\0' && tag->len < TAG_MAX_CHARS; p++)
        {
          if (g_ascii_isalnum (*p))
            g_string_append_c (tag, g_ascii_tolower (*p));
          else if (tag->len > 0 && tag->str[tag->len - 1] != '_')
            g_string_append_c (tag, '_');
        }
      while (tag->len > 0 && tag->str[tag->len - 1] == '_')
        g_string_truncate (tag, tag->len - 1);
      if (tag->len > 0 && !g_ptr_array_find_with_equal_func (out, tag->str, g_str_equal, NULL))
        g_ptr_array_add (out, g_string_free (tag, FALSE));
      else
        g_string_free (tag, TRUE);
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_steal (out, NULL);
}

/* Small models wrap JSON in ```json fences or a sentence; take the outer
 * object when the whole does not parse. */
static JsonObject *
parse_object (const char  *text,
              gssize       length,
              Validation  *v,
              JsonParser  *parser,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (length < 0)
    length = text != NULL ? strlen (text) : 0;
  if (text == NULL || length == 0)
    {
      g_set_error (error, RF_CLASSIFY_ERROR, RF_CLASSIFY_ERROR_BAD_ANSWER, _("The model gave an empty answer"));
      return NULL;
    }

  if (!json_parser_load_from_data (parser, text, length, &local_error))
    {
      const char *open = memchr (text, '{', length);
      const char *close = NULL;

      for (const char *p = text + length - 1; open != NULL && p > open; p--)
        if (*p == '}')
          {
            close = p;
            break;
          }
      if (open == NULL || close == NULL ||
          !json_parser_load_from_data (parser, open, close - open + 1, NULL))
        {
          g_set_error (error, RF_CLASSIFY_ERROR, RF_CLASSIFY_ERROR_BAD_ANSWER,
                       _("The model’s answer is not JSON: %s"), local_error->message);
          return NULL;
        }
      repair (v, _("the answer had text around its JSON"));
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, RF_CLASSIFY_ERROR, RF_CLASSIFY_ERROR_BAD_ANSWER,
                   _("The model’s answer is not a JSON object"));
      return NULL;
    }
  return json_node_get_object (root);
}

/* Parses the classification answer into an RfClassification with fit,
 * pain, the fields and the repairs set; data quality, classifier and
 * explanation are left for rf_answer_anchor(). */
RfClassification *
rf_classification_answer_parse (const char  *text,
                                gssize       length,
                                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) repairs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RfClassification) result = NULL;
  Validation v = { repairs };
  JsonObject *root, *fit, *spin, *meddic;
  g_auto(GStrv) criteria = NULL;
  g_auto(GStrv) raw_tags = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) chaos = NULL;
  g_autofree char *situation = NULL, *problem = NULL, *implication = NULL, *need_payoff = NULL;
  g_autofree char *buyer = NULL, *key_pain = NULL;
  static const char * const size_choices[] = { "1", "2-10", "11-50", "51-200", "201-500", "501+", "unknown", NULL };
  double fit_score;

  root = parse_object (text, length, &v, parser, error);
  if (root == NULL)
    return NULL;

  result = rf_classification_new ();
  rf_classification_set_icp_match (result, get_boolean (&v, root, "icp_match"));

  fit = NULL;
  if (member (root, "icp_fit") != NULL && JSON_NODE_HOLDS_OBJECT (member (root, "icp_fit")))
    fit = json_object_get_object_member (root, "icp_fit");
  if (fit != NULL)
    {
      fit_score = get_number (&v, fit, "icp_fit.", "score", RF_SCORE_FIT_MAX);
      criteria = get_list (&v, fit, "icp_fit.", "matched_criteria");
    }
  else if (member (root, "icp_fit") != NULL && JSON_NODE_HOLDS_VALUE (member (root, "icp_fit")))
    {
      repair (&v, _("icp_fit was a number, not an object"));
      fit_score = get_number (&v, root, "", "icp_fit", RF_SCORE_FIT_MAX);
      criteria = g_new0 (char *, 1);
    }
  else
    {
      repair (&v, _("icp_fit was missing: fit 0"));
      fit_score = 0;
      criteria = g_new0 (char *, 1);
    }

  rf_classification_set_score_fit (result, fit_score);
  rf_classification_set_score_pain (result, get_number (&v, root, "", "pain_score", RF_SCORE_PAIN_MAX));
  rf_classification_set_size_bucket (result, get_choice (&v, root, "size_bucket", size_choices));
  rf_classification_set_role_type (result, get_choice (&v, root, "role_type", rf_pain_lexicon_get_role_names ()));
  raw_tags = get_list (&v, root, "", "pain_tags");
  tags = sanitize_tags (raw_tags);
  rf_classification_set_pain_tags (result, (const char * const *) tags);
  rf_classification_set_matched_criteria (result, (const char * const *) criteria);

  spin = member (root, "spin") != NULL && JSON_NODE_HOLDS_OBJECT (member (root, "spin"))
           ? json_object_get_object_member (root, "spin") : NULL;
  if (spin == NULL)
    repair (&v, _("spin was missing"));
  situation = spin != NULL ? get_text (&v, spin, "spin.", "situation") : g_strdup ("");
  problem = spin != NULL ? get_text (&v, spin, "spin.", "problem") : g_strdup ("");
  implication = spin != NULL ? get_text (&v, spin, "spin.", "implication") : g_strdup ("");
  need_payoff = spin != NULL ? get_text (&v, spin, "spin.", "need_payoff") : g_strdup ("");
  rf_classification_set_spin_situation (result, situation);
  rf_classification_set_spin_problem (result, problem);
  rf_classification_set_spin_implication (result, implication);
  rf_classification_set_spin_need_payoff (result, need_payoff);

  meddic = member (root, "meddic") != NULL && JSON_NODE_HOLDS_OBJECT (member (root, "meddic"))
             ? json_object_get_object_member (root, "meddic") : NULL;
  if (meddic == NULL)
    repair (&v, _("meddic was missing"));
  buyer = meddic != NULL ? get_text (&v, meddic, "meddic.", "economic_buyer") : g_strdup ("");
  key_pain = meddic != NULL ? get_text (&v, meddic, "meddic.", "key_pain") : g_strdup ("");
  chaos = meddic != NULL ? get_list (&v, meddic, "meddic.", "chaos_flags") : g_new0 (char *, 1);
  rf_classification_set_meddic_economic_buyer (result, buyer);
  rf_classification_set_meddic_key_pain (result, key_pain);
  rf_classification_set_meddic_chaos_flags (result, (const char * const *) chaos);

  g_ptr_array_add (repairs, NULL);
  rf_classification_set_repairs (result, (const char * const *) repairs->pdata);
  return g_steal_pointer (&result);
}

/* Exactly three items: missing ones are noted, extra ones dropped. */
static char **
get_three (Validation *v,
           JsonObject *object,
           const char *name)
{
  g_auto(GStrv) items = get_list (v, object, "", name);
  guint n = g_strv_length (items);

  if (n > 3)
    {
      repair (v, _("%s had %u items: kept 3"), name, n);
      g_free (items[3]);
      items[3] = NULL;
      for (guint i = 4; i < n; i++)
        g_clear_pointer (&items[i], g_free);
    }
  else if (n < 3)
    repair (v, _("%s had %u items instead of 3"), name, n);
  return g_steal_pointer (&items);
}

RfDossier *
rf_dossier_answer_parse (const char  *text,
                         gssize       length,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) repairs = g_ptr_array_new_with_free_func (g_free);
  Validation v = { repairs };
  JsonObject *root;
  g_autofree char *snapshot = NULL, *truth = NULL, *reframe = NULL, *insight = NULL;
  g_auto(GStrv) why_pain = NULL;
  g_auto(GStrv) best_angle = NULL;
  RfDossier *dossier;

  root = parse_object (text, length, &v, parser, error);
  if (root == NULL)
    return NULL;

  snapshot = get_text (&v, root, "", "snapshot");
  why_pain = get_three (&v, root, "why_pain");
  truth = get_text (&v, root, "", "uncomfortable_truth");
  reframe = get_text (&v, root, "", "reframe");
  best_angle = get_three (&v, root, "best_angle");
  insight = get_text (&v, root, "", "challenger_insight");

  if (*snapshot == '\0' && why_pain[0] == NULL && *truth == '\0' && *reframe == '\0' &&
      best_angle[0] == NULL && *insight == '\0')
    {
      g_set_error (error, RF_CLASSIFY_ERROR, RF_CLASSIFY_ERROR_BAD_ANSWER,
                   _("The model’s dossier has none of the expected fields"));
      return NULL;
    }

  dossier = rf_dossier_new ();
  rf_dossier_set_snapshot (dossier, snapshot);
  rf_dossier_set_why_pain (dossier, (const char * const *) why_pain);
  rf_dossier_set_uncomfortable_truth (dossier, truth);
  rf_dossier_set_reframe (dossier, reframe);
  rf_dossier_set_best_angle (dossier, (const char * const *) best_angle);
  rf_dossier_set_challenger_insight (dossier, insight);
  return dossier;
}
