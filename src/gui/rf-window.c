/* rf-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-lead-dao.h"
#include "rf-scoring.h"
#include "rf-window.h"

struct _RfWindow
{
  AdwApplicationWindow  parent_instance;

  GtkStack             *stack;
  GtkColumnView        *lead_view;
  AdwStatusPage        *empty_page;
  GListStore           *leads;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (RfWindow, rf_window, ADW_TYPE_APPLICATION_WINDOW)

static char *
format_score (gpointer  unused,
              double    score)
{
  return g_strdup_printf ("%.0f", score);
}

static char *
format_bucket (gpointer      unused,
               RfScoreBucket bucket)
{
  return g_strdup (rf_score_bucket_label (bucket));
}

static char *
format_status (gpointer     unused,
               RfLeadStatus status)
{
  return g_strdup (rf_lead_status_to_nick (status));
}

static void
list_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RfWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) leads = rf_lead_dao_list_finish (RF_LEAD_DAO (object), result, &error);

  if (leads == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_title (self->empty_page, _("Cannot Read Leads"));
          adw_status_page_set_description (self->empty_page, error->message);
        }
      return;
    }

  g_list_store_splice (self->leads, 0, g_list_model_get_n_items (G_LIST_MODEL (self->leads)),
                       leads->pdata, leads->len);
  gtk_stack_set_visible_child_name (self->stack, leads->len > 0 ? "leads" : "empty");
}

static void
rf_window_load_leads (RfWindow *self)
{
  RfDatabase *database = rf_application_get_database (RF_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  g_autoptr(RfLeadDao) dao = NULL;
  g_autoptr(RfLeadQuery) query = rf_lead_query_new ();

  if (database == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Cannot Open the Database"));
      adw_status_page_set_description (self->empty_page,
                                       _("Check that the data folder can be written, then restart Raptorflow."));
      return;
    }

  dao = rf_lead_dao_new (database);
  rf_lead_dao_list_async (dao, query, self->cancellable, list_ready_cb, g_object_ref (self));
}

static void
rf_window_dispose (GObject *object)
{
  RfWindow *self = RF_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RF_TYPE_WINDOW);

  G_OBJECT_CLASS (rf_window_parent_class)->dispose (object);
}

static void
rf_window_class_init (RfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rf_window_dispose;

  g_type_ensure (RF_TYPE_LEAD);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gui/rf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RfWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, lead_view);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RfWindow, leads);
  gtk_widget_class_bind_template_callback (widget_class, format_score);
  gtk_widget_class_bind_template_callback (widget_class, format_bucket);
  gtk_widget_class_bind_template_callback (widget_class, format_status);
}

static void
rf_window_init (RfWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

RfWindow *
rf_window_new (RfApplication *application)
{
  RfWindow *self = g_object_new (RF_TYPE_WINDOW, "application", application, NULL);

  rf_window_load_leads (self);
  return self;
}
