/* rf-explanation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-classify"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rf-explanation.h"

char *
rf_join_ptr_array (GPtrArray  *array,
                   const char *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; array != NULL && i < array->len; i++)
    {
      if (i > 0)
        g_string_append (out, separator);
      g_string_append (out, g_ptr_array_index (array, i));
    }
  return g_string_free (out, FALSE);
}

void
rf_explanation_append_line (GString    *out,
                            const char *line)
{
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, line);
}

void
rf_explanation_append_fit (GString    *out,
                           double      fit,
                           RfIcpFit   *icp_fit,
                           const char *profile_name)
{
  g_autofree char *matched = rf_join_ptr_array (icp_fit->matched, "; ");
  g_autofree char *line = NULL;

  if (!icp_fit->has_profile)
    /* Translators: %.1f is the fit score out of 50 */
    line = g_strdup_printf (_("Fit %.1f/50: no ideal customer profile, so only generic signs count (%s). Create a profile to score fit properly."),
                            fit, icp_fit->matched->len > 0 ? matched : _("none found"));
  else if (icp_fit->n_criteria == 0)
    line = g_strdup_printf (_("Fit %.1f/50: profile “%s” sets no criteria."), fit, profile_name);
  else
    /* Translators: fit score, profile name, matched criteria count, criteria count, list */
    line = g_strdup_printf (_("Fit %.1f/50 against “%s”: %u of %u criteria met (%s)."),
                            fit, profile_name, icp_fit->n_matched, icp_fit->n_criteria,
                            icp_fit->matched->len > 0 ? matched : _("none"));
  rf_explanation_append_line (out, line);

  if (icp_fit->partial->len > 0)
    {
      g_autofree char *partial = rf_join_ptr_array (icp_fit->partial, ", ");
      g_autofree char *note = g_strdup_printf (_("Met in other words than the profile's, counted half: %s."), partial);

      rf_explanation_append_line (out, note);
    }
  if (icp_fit->unknown->len > 0)
    {
      g_autofree char *unknown = rf_join_ptr_array (icp_fit->unknown, ", ");
      g_autofree char *note = g_strdup_printf (_("Not stated, counted half: %s."), unknown);

      rf_explanation_append_line (out, note);
    }
}

void
rf_explanation_append_pain (GString   *out,
                            double     pain,
                            GPtrArray *keywords,
                            GPtrArray *tags)
{
  g_autofree char *keyword_list = rf_join_ptr_array (keywords, ", ");
  g_autofree char *tag_list = rf_join_ptr_array (tags, ", ");
  g_autofree char *line = NULL;

  /* Translators: pain score out of 40, matched pain keywords, pain tags */
  line = g_strdup_printf (_("Pain %.1f/40: pain keywords %s; tags %s."), pain,
                          keywords != NULL && keywords->len > 0 ? keyword_list : _("none"),
                          tags != NULL && tags->len > 0 ? tag_list : _("none"));
  rf_explanation_append_line (out, line);
}

void
rf_explanation_append_quality (GString    *out,
                               double      quality,
                               const char *parts)
{
  g_autofree char *line = NULL;

  /* Translators: data quality score out of 10, then what the lead has */
  line = g_strdup_printf (_("Data quality %.1f/10: %s."), quality,
                          parts != NULL && *parts != '\0' ? parts : _("nothing to contact them by"));
  rf_explanation_append_line (out, line);
}

void
rf_explanation_append_classifier (GString    *out,
                                  const char *classifier,
                                  const char *version)
{
  g_autofree char *line = NULL;

  /* Translators: classifier name ("rules" or "ollama:gemma3:1b") and its prompt version */
  line = g_strdup_printf (_("Classifier: %s, prompt %s."), classifier, version);
  rf_explanation_append_line (out, line);
}
