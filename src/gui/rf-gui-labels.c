/* rf-gui-labels.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rf-gui-labels.h"

const char *
rf_gui_status_label (RfLeadStatus status)
{
  switch (status)
    {
    /* Translators: the status of a lead */
    case RF_LEAD_STATUS_NEW: return C_("status", "New");
    case RF_LEAD_STATUS_CONTACTED: return C_("status", "Contacted");
    case RF_LEAD_STATUS_QUALIFIED: return C_("status", "Qualified");
    case RF_LEAD_STATUS_WON: return C_("status", "Won");
    case RF_LEAD_STATUS_LOST: return C_("status", "Lost");
    case RF_LEAD_STATUS_PARKED: return C_("status", "Parked");
    default: return "";
    }
}

const char *
rf_gui_source_label (RfSourceType source)
{
  switch (source)
    {
    /* Translators: where a lead came from */
    case RF_SOURCE_TYPE_MANUAL: return C_("source", "Typed");
    case RF_SOURCE_TYPE_JOB_POST: return C_("source", "Job post");
    case RF_SOURCE_TYPE_WEBSITE: return C_("source", "Website");
    case RF_SOURCE_TYPE_OCR: return C_("source", "Card");
    case RF_SOURCE_TYPE_PDF: return C_("source", "PDF");
    case RF_SOURCE_TYPE_CSV: return C_("source", "CSV");
    case RF_SOURCE_TYPE_VCARD: return C_("source", "vCard");
    default: return "";
    }
}

const char *
rf_gui_activity_kind_label (RfActivityKind kind)
{
  switch (kind)
    {
    case RF_ACTIVITY_KIND_CALL: return C_("activity", "Call");
    case RF_ACTIVITY_KIND_EMAIL: return C_("activity", "Email");
    case RF_ACTIVITY_KIND_NOTE: return C_("activity", "Note");
    case RF_ACTIVITY_KIND_TASK: return C_("activity", "Task");
    case RF_ACTIVITY_KIND_STATUS_CHANGE: return C_("activity", "Status change");
    default: return "";
    }
}

const char *
rf_gui_activity_kind_icon (RfActivityKind kind)
{
  switch (kind)
    {
    case RF_ACTIVITY_KIND_CALL: return "call-start-symbolic";
    case RF_ACTIVITY_KIND_EMAIL: return "mail-unread-symbolic";
    case RF_ACTIVITY_KIND_NOTE: return "document-edit-symbolic";
    case RF_ACTIVITY_KIND_TASK: return "object-select-symbolic";
    case RF_ACTIVITY_KIND_STATUS_CHANGE:
    default: return "emblem-synchronizing-symbolic";
    }
}

const char *
rf_gui_bucket_css_class (RfScoreBucket bucket)
{
  static const char * const classes[RF_N_SCORE_BUCKETS] = { "red-hot", "warm", "nurture", "parked" };

  return (guint)bucket < RF_N_SCORE_BUCKETS ? classes[bucket] : "parked";
}

void
rf_gui_set_bucket_css_class (GtkWidget     *widget,
                             RfScoreBucket  bucket)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (guint i = 0; i < RF_N_SCORE_BUCKETS; i++)
    if (i != bucket)
      gtk_widget_remove_css_class (widget, rf_gui_bucket_css_class (i));
  gtk_widget_add_css_class (widget, rf_gui_bucket_css_class (bucket));
}

/* A count for a button that should not grow with the database: exact
 * below 10,000, then "12.7k", "127k", "1.3M" (in the locale's digits). */
char *
rf_gui_format_count (guint count)
{
  if (count < 10000)
    return g_strdup_printf ("%u", count);
  if (count < 100000)
    /* TRANSLATORS: thousands, short, for a count on a button: 12.7k */
    return g_strdup_printf (_("%.1fk"), floor (count / 100.0) / 10.0);
  if (count < 1000000)
    /* TRANSLATORS: thousands, short, for a count on a button: 127k */
    return g_strdup_printf (_("%uk"), count / 1000);
  /* TRANSLATORS: millions, short, for a count on a button: 1.3M */
  return g_strdup_printf (_("%.1fM"), floor (count / 100000.0) / 10.0);
}

/* A score as a whole number that never contradicts its bucket: 79.99 is
 * warm and shows 79, not 80 ("%.0f" rounds, and to even: 44.5 was 44
 * but 45.5 was 46). For "%.0f". */
double
rf_gui_shown_score (double score)
{
  return floor (CLAMP (score, 0, 100));
}

/* @text, or @placeholder dimmed when @text is empty. */
void
rf_gui_set_text_or_placeholder (GtkLabel   *label,
                                const char *text,
                                const char *placeholder)
{
  gboolean has_text = text != NULL && *text != '\0';

  gtk_label_set_text (label, has_text ? text : placeholder);
  if (has_text)
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
}

/* "first_marketer" -> "first marketer": classifier nicks as words. */
char *
rf_gui_humanize (const char *nick)
{
  if (nick == NULL)
    return NULL;
  return g_strdelimit (g_strdup (nick), "_", ' ');
}

static char *
format_time (gint64      unix_time,
             const char *format)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (unix_time <= 0)
    return g_strdup ("");
  utc = g_date_time_new_from_unix_utc (unix_time);
  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, format);
}

char *
rf_gui_format_date (gint64 unix_time)
{
  return format_time (unix_time, "%x");
}

char *
rf_gui_format_date_time (gint64 unix_time)
{
  return format_time (unix_time, "%x %H:%M");
}

/* The statuses in enum order, for drop-downs. */
GListModel *
rf_gui_status_list_new (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < RF_N_LEAD_STATUSES; i++)
    gtk_string_list_append (list, rf_gui_status_label (i));
  return G_LIST_MODEL (list);
}

/* GTK 4.8's drop-down leaves the button inside it without a name, and
 * that button is what takes the focus: a screen reader would say
 * "GtkToggleButton". It gets the drop-down's name. */
void
rf_gui_name_drop_down (GtkDropDown *drop_down,
                       const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* The line under a lead's company: the person and their own title. The
 * role type is what the company needs (the table shows it), not who the
 * person is, so it stands alone, labelled, only without a person. NULL
 * when there is nothing to say. */
char *
rf_gui_format_contact_line (const char *name,
                            const char *title,
                            const char *role_type)
{
  g_autofree char *role = NULL;

  if (name != NULL && *name != '\0' && title != NULL && *title != '\0')
    /* Translators: a contact's name and job title, e.g. "Ann Lee, Founder" */
    return g_strdup_printf (_("%s, %s"), name, title);
  if (name != NULL && *name != '\0')
    return g_strdup (name);
  if (role_type == NULL || *role_type == '\0' || g_str_equal (role_type, "unknown"))
    return NULL;
  role = rf_gui_humanize (role_type);
  /* Translators: the role a company is hiring for, e.g. "Role: growth marketer" */
  return g_strdup_printf (_("Role: %s"), role);
}
