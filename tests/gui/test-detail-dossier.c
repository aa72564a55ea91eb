/* test-detail-dossier.c: the lead detail's Write Dossier button, through
 * the engine and a stand-in Ollama
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rf-gui-test-fixture.h"
#include "rf-lead-dao.h"

#define DOSSIER_ANSWER \
  "{\"snapshot\": \"A shop that sells candles.\", \"why_pain\": [\"a\", \"b\", \"c\"], \"uncomfortable_truth\": \"t\"," \
  " \"reframe\": \"r\", \"best_angle\": [\"x\", \"y\", \"z\"], \"challenger_insight\": \"i\"}"

typedef struct
{
  GuiFixture gui;
  gint64     lead_id;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  gui_fixture_set_up (&f->gui, TRUE, TRUE);
  /* Generous: a sanitizer build on a busy machine answers slowly. */
  rf_ollama_client_set_timeouts (rf_lead_engine_get_ollama (f->gui.engine), 20000, 20000);
  rf_fake_ollama_set_default_reply (f->gui.ollama, rf_fake_reply_new (DOSSIER_ANSWER));
  if (data != NULL)
    rf_fake_ollama_set_models (f->gui.ollama, (const char * const *) data);
  f->lead_id = rf_test_insert_lead (f->gui.database, "Candle Co", "candle.example", "Cara Candle",
                                    "cara@candle.example", 88, "We need a marketing system");
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  gui_fixture_tear_down (&f->gui);
}

static GtkButton *
find_button (GtkWidget  *widget,
             const char *accessible_prefix)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
      g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (widget)), accessible_prefix))
    return GTK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button (child, accessible_prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
status_known (gpointer data)
{
  RfOllamaStatus status = rf_lead_engine_get_ollama_status (data);

  return status != RF_OLLAMA_STATUS_UNKNOWN && status != RF_OLLAMA_STATUS_CHECKING;
}

static gboolean
window_idle (gpointer data)
{
  return rf_window_is_idle (data);
}

static void
show_lead (Fixture *f)
{
  rf_lead_engine_check_ollama_async (f->gui.engine, NULL, NULL, NULL);
  g_assert_true (rf_test_wait_until (status_known, f->gui.engine, 10000));
  g_assert_true (rf_test_wait_until (window_idle, f->gui.window, 10000));
  rf_window_select_lead (f->gui.window, f->lead_id);
  g_assert_true (rf_test_wait_until (window_idle, f->gui.window, 10000));
}

static gboolean
dossier_stored (gpointer data)
{
  Fixture *f = data;
  g_autoptr(RfLeadDao) dao = rf_lead_dao_new (f->gui.database);
  g_autoptr(RfLead) lead = rf_lead_dao_get_sync (dao, f->lead_id, NULL, NULL);

  return lead != NULL && rf_lead_get_dossier (lead) != NULL;
}

static gboolean
widget_sensitive (gpointer data)
{
  return gtk_widget_get_sensitive (data);
}

static void
test_write (Fixture       *f,
            gconstpointer  data)
{
  GtkButton *button;

  show_lead (f);
  button = find_button (GTK_WIDGET (f->gui.window->detail), "_Write Dossier");
  g_assert_nonnull (button);
  /* Sensitive once the detail has loaded the lead. */
  if (!rf_test_wait_until (widget_sensitive, button, 180000))
    g_error ("Write Dossier stays off: status %d, dossiers %d, lead shown %" G_GINT64_FORMAT " (%s), tooltip %s",
             rf_lead_engine_get_ollama_status (f->gui.engine), rf_lead_engine_get_dossiers_enabled (f->gui.engine),
             rf_lead_detail_get_lead_id (f->gui.window->detail),
             rf_lead_detail_get_lead (f->gui.window->detail) != NULL ? "loaded" : "not loaded",
             gtk_widget_get_tooltip_text (GTK_WIDGET (button)));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), "larger model"));

  g_signal_emit_by_name (button, "clicked");
  /* Asked once: no second request while it writes. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  g_assert_true (rf_test_wait_until (dossier_stored, f, 10000));
  g_assert_cmpuint (rf_fake_ollama_count_requests (f->gui.ollama, "/api/chat", "gemma3:4b"), ==, 1);
  /* The detail reloads and shows the dossier instead of the button. */
  g_assert_true (rf_test_wait_until (window_idle, f->gui.window, 10000));
  while (gtk_widget_get_visible (GTK_WIDGET (button)))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
tooltip_says_pull (gpointer data)
{
  const char *tooltip = gtk_widget_get_tooltip_text (data);

  return tooltip != NULL && strstr (tooltip, "ollama pull gemma3:4b") != NULL;
}

static void
test_rich_model_missing (Fixture       *f,
                         gconstpointer  data)
{
  GtkButton *button;

  show_lead (f);
  button = find_button (GTK_WIDGET (f->gui.window->detail), "_Write Dossier");
  g_assert_nonnull (button);
  /* The detail fills in after the lead has loaded: slow under a sanitizer. */
  if (!rf_test_wait_until (tooltip_says_pull, button, 180000))
    g_error ("The button's tooltip does not say how to get the model: status %d, tooltip %s",
             rf_lead_engine_get_ollama_status (f->gui.engine), gtk_widget_get_tooltip_text (GTK_WIDGET (button)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (button)));
}

int
main (int   argc,
      char *argv[])
{
  static const char * const only_fast[] = { "gemma3:1b", NULL };

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add ("/detail-dossier/write", Fixture, NULL, set_up, test_write, tear_down);
  g_test_add ("/detail-dossier/rich-model-missing", Fixture, only_fast, set_up, test_rich_model_missing, tear_down);

  return g_test_run ();
}
