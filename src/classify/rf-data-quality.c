/* rf-data-quality.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-classify"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rf-data-quality.h"
#include "rf-scoring.h"

static gboolean
has_text (const char *value)
{
  if (value == NULL)
    return FALSE;
  while (g_ascii_isspace (*value))
    value++;
  return *value != '\0';
}

static void
add_point (GString    *explanation,
           double     *total,
           double      points,
           const char *what)
{
  *total += points;
  if (explanation == NULL)
    return;
  if (explanation->len > 0)
    g_string_append (explanation, ", ");
  g_string_append (explanation, what);
}

/* Company name 2, website 2, contact name 1, email 2, phone 1, and text of
 * some substance up to 2: what a seller needs to act on a lead. Appends
 * the parts that scored to @explanation (comma separated) when given. */
double
rf_data_quality_compute (RfSignal  *signal,
                         RfCompany *company,
                         RfContact *contact,
                         GString   *explanation)
{
  double total = 0;
  const char *text = signal != NULL ? rf_signal_get_raw_text (signal) : NULL;
  glong length = text != NULL ? g_utf8_strlen (text, -1) : 0;

  if (company != NULL && has_text (rf_company_get_name (company)))
    add_point (explanation, &total, 2, _("company name"));
  if (company != NULL && (has_text (rf_company_get_website (company)) || has_text (rf_company_get_domain (company))))
    add_point (explanation, &total, 2, _("website"));
  if (contact != NULL && has_text (rf_contact_get_name (contact)))
    add_point (explanation, &total, 1, _("contact name"));
  if (contact != NULL && has_text (rf_contact_get_email (contact)))
    add_point (explanation, &total, 2, _("email"));
  if (contact != NULL && has_text (rf_contact_get_phone (contact)))
    add_point (explanation, &total, 1, _("phone"));
  if (length >= 300)
    add_point (explanation, &total, 2, _("a detailed text"));
  else if (length >= 80)
    add_point (explanation, &total, 1, _("a short text"));

  return rf_score_clamp (total, RF_SCORE_DATA_QUALITY_MAX);
}
