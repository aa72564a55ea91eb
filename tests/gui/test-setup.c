/* test-setup.c: the ICP builder, Preferences, the Ollama status pill and
 * red-hot alerts, against a real database and a stand-in Ollama
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rf-alerts.h"
#include "rf-gui-test-fixture.h"
#include "rf-icp-dao.h"
#include "rf-icp-template.h"
#include "rf-lead-dao.h"
#include "rf-preferences-window.h"
#include "rf-profiles-view.h"
#include "rf-status-pill.h"

#define WAIT_MS 10000

static void
set_up_offline (GuiFixture    *f,
                gconstpointer  data)
{
  gui_fixture_set_up (f, FALSE, TRUE);
}

static void
set_up_ollama (GuiFixture    *f,
               gconstpointer  data)
{
  gui_fixture_set_up (f, TRUE, FALSE);
}

static void
tear_down (GuiFixture    *f,
           gconstpointer  data)
{
  gui_fixture_tear_down (f);
}

/* ICP builder. */

static gboolean
profiles_idle (gpointer data)
{
  return !rf_profiles_view_get_busy (data);
}

static GPtrArray *
stored_profiles (GuiFixture *f)
{
  g_autoptr(RfIcpDao) dao = rf_icp_dao_new (f->database);
  g_autoptr(GError) error = NULL;
  GPtrArray *profiles = rf_icp_dao_list_sync (dao, FALSE, NULL, &error);

  g_assert_no_error (error);
  return profiles;
}

static void
test_profiles (GuiFixture    *f,
               gconstpointer  data)
{
  RfProfilesView *view = f->window->profiles_view;
  RfTagEntry *industries = rf_profiles_view_get_tag_entry (view, RF_PROFILE_TAGS_INDUSTRIES);
  RfTagEntry *pain = rf_profiles_view_get_tag_entry (view, RF_PROFILE_TAGS_PAIN);
  g_autoptr(GPtrArray) stored = NULL;
  RfIcpProfile *profile;

  adw_view_stack_set_visible_child_name (f->window->view_stack, "profiles");
  g_assert_true (rf_test_wait_until (profiles_idle, view, WAIT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (rf_profiles_view_get_profiles (view)), ==, 0);

  /* An empty profile: a name is asked for first, then a criterion. */
  rf_profiles_view_add (view, NULL);
  g_assert_nonnull (rf_profiles_view_get_current (view));
  g_assert_nonnull (rf_profiles_view_get_problem (view));
  gtk_editable_set_text (rf_profiles_view_get_name_editable (view), "Agencies");
  g_assert_nonnull (strstr (rf_profiles_view_get_problem (view), "criterion"));
  gui_fixture_spin (RF_PROFILES_VIEW_SAVE_DELAY_MS + 200);
  stored = stored_profiles (f);
  g_assert_cmpuint (stored->len, ==, 0);
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* Enter adds a chip; the profile is now valid and saves itself. */
  gtk_editable_set_text (rf_tag_entry_get_editable (industries), " SaaS ");
  rf_tag_entry_commit (industries);
  g_assert_cmpuint (rf_tag_entry_get_n_tags (industries), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (rf_tag_entry_get_editable (industries)), ==, "");
  /* Kept once, whatever the case. */
  gtk_editable_set_text (rf_tag_entry_get_editable (industries), "saas, agencies");
  rf_tag_entry_commit (industries);
  g_assert_cmpuint (rf_tag_entry_get_n_tags (industries), ==, 2);
  gtk_toggle_button_set_active (rf_profiles_view_get_size_toggle (view, 1), TRUE);
  g_assert_null (rf_profiles_view_get_problem (view));
  g_assert_true (rf_test_wait_until (profiles_idle, view, WAIT_MS));

  stored = stored_profiles (f);
  g_assert_cmpuint (stored->len, ==, 1);
  profile = g_ptr_array_index (stored, 0);
  g_assert_cmpstr (rf_icp_profile_get_name (profile), ==, "Agencies");
  g_assert_cmpstrv (rf_icp_profile_get_industries (profile), ((const char *[]) { "SaaS", "agencies", NULL }));
  g_assert_cmpstrv (rf_icp_profile_get_size_buckets (profile), ((const char *[]) { rf_size_buckets[1], NULL }));
  g_assert_true (rf_icp_profile_get_active (profile));
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* Removing the last criterion makes it invalid again: not saved. */
  rf_tag_entry_set_tags (pain, NULL);
  rf_tag_entry_remove_tag (industries, "saas");
  rf_tag_entry_remove_tag (industries, "AGENCIES");
  gtk_toggle_button_set_active (rf_profiles_view_get_size_toggle (view, 1), FALSE);
  g_assert_nonnull (rf_profiles_view_get_problem (view));
  gui_fixture_spin (RF_PROFILES_VIEW_SAVE_DELAY_MS + 200);
  stored = stored_profiles (f);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpuint (g_strv_length ((char **)rf_icp_profile_get_industries (g_ptr_array_index (stored, 0))), ==, 2);
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* A template is saved at once; a duplicate too; delete removes it. */
  rf_profiles_view_add (view, "solo-founder");
  g_assert_true (rf_test_wait_until (profiles_idle, view, WAIT_MS));
  rf_profiles_view_duplicate (view);
  g_assert_true (rf_test_wait_until (profiles_idle, view, WAIT_MS));
  stored = stored_profiles (f);
  g_assert_cmpuint (stored->len, ==, 3);
  g_clear_pointer (&stored, g_ptr_array_unref);
  rf_profiles_view_delete (view);
  for (guint i = 0; i < 200; i++)
    {
      stored = stored_profiles (f);
      if (stored->len == 2)
        break;
      g_clear_pointer (&stored, g_ptr_array_unref);
      gui_fixture_spin (10);
    }
  g_assert_nonnull (stored);
  g_assert_cmpuint (stored->len, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (rf_profiles_view_get_profiles (view)), ==, 2);
}

/* Re-score every lead against a profile, with progress. */
static void
test_profiles_rescore (GuiFixture    *f,
                       gconstpointer  data)
{
  RfProfilesView *view = f->window->profiles_view;
  g_autoptr(RfLeadDao) dao = rf_lead_dao_new (f->database);
  g_autoptr(RfLead) lead = NULL;
  gint64 ids[3];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *company = g_strdup_printf ("Shop %u", i);
      ids[i] = rf_test_insert_lead (f->database, company, NULL, NULL, NULL, 10, RF_TEST_SIGNAL_TEXT);
    }
  g_assert_true (rf_test_wait_until (profiles_idle, view, WAIT_MS));
  rf_profiles_view_add (view, "solo-founder");
  g_assert_true (rf_test_wait_until (profiles_idle, view, WAIT_MS));
  rf_profiles_view_rescore (view);
  g_assert_true (rf_profiles_view_get_busy (view));
  g_assert_true (rf_test_wait_until (profiles_idle, view, WAIT_MS));

  lead = rf_lead_dao_get_sync (dao, ids[0], NULL, NULL);
  g_assert_cmpint (rf_lead_get_icp_id (lead), ==, rf_icp_profile_get_id (rf_profiles_view_get_current (view)));
  g_assert_cmpfloat (rf_lead_get_total_score (lead), >, 10);
}

/* Preferences. */

static gboolean
preferences_tested (gpointer data)
{
  return !rf_preferences_window_get_busy (data) && rf_preferences_window_get_test_result (data) != NULL;
}

static guint
find_string (GListModel *list,
             const char *wanted)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (list), i), wanted))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
test_preferences (GuiFixture    *f,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  const char *models[] = { "gemma3:1b", "gemma3:4b", "qwen3:0.6b", NULL };
  RfPreferencesWindow *preferences;
  AdwEntryRow *url_row;
  g_autofree char *url = NULL;
  g_autofree char *fast = NULL;
  guint position;

  rf_fake_ollama_set_models (f->ollama, models);
  preferences = rf_preferences_window_new (settings);
  gtk_window_present (GTK_WINDOW (preferences));
  g_assert_true (rf_test_wait_until (preferences_tested, preferences, WAIT_MS));
  /* The default address has no Ollama in the tests. */
  g_assert_null (strstr (rf_preferences_window_get_test_result (preferences), "Connected"));

  /* The address is written on Apply, then tested. */
  url_row = rf_preferences_window_get_url_row (preferences);
  gtk_editable_set_text (GTK_EDITABLE (url_row), rf_fake_ollama_get_url (f->ollama));
  g_signal_emit_by_name (url_row, "apply");
  url = g_settings_get_string (settings, "ollama-url");
  g_assert_cmpstr (url, ==, rf_fake_ollama_get_url (f->ollama));
  g_assert_true (rf_test_wait_until (preferences_tested, preferences, WAIT_MS));
  g_assert_nonnull (strstr (rf_preferences_window_get_test_result (preferences), "Connected"));

  /* Models come from the server. */
  position = find_string (rf_preferences_window_get_models (preferences), "qwen3:0.6b");
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (rf_preferences_window_get_fast_row (preferences), position);
  fast = g_settings_get_string (settings, "fast-model");
  g_assert_cmpstr (fast, ==, "qwen3:0.6b");

  /* A wrong address is refused. */
  gtk_editable_set_text (GTK_EDITABLE (url_row), "http://exa mple:99999");
  g_signal_emit_by_name (url_row, "apply");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (url_row), "error"));
  g_free (url);
  url = g_settings_get_string (settings, "ollama-url");
  g_assert_cmpstr (url, ==, rf_fake_ollama_get_url (f->ollama));

  gtk_spin_button_set_value (rf_preferences_window_get_threshold (preferences), 85);
  g_assert_cmpint (g_settings_get_int (settings, "dossier-threshold"), ==, 85);
  gtk_spin_button_set_value (rf_preferences_window_get_in_flight (preferences), 4);
  g_assert_cmpint (g_settings_get_int (settings, "requests-in-flight"), ==, 4);
  g_assert_true (g_settings_get_boolean (settings, "notifications"));
  gtk_switch_set_active (rf_preferences_window_get_notifications (preferences), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "notifications"));

  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "ollama-url");
  g_settings_reset (settings, "fast-model");
  g_settings_reset (settings, "dossier-threshold");
  g_settings_reset (settings, "requests-in-flight");
  g_settings_reset (settings, "notifications");
}

/* The status pill. */

typedef struct
{
  RfStatusPill      *pill;
  RfStatusPillState  state;
} PillState;

static gboolean
pill_in_state (gpointer data)
{
  PillState *wanted = data;
  return rf_status_pill_get_state (wanted->pill) == wanted->state;
}

static void
wait_pill (RfStatusPill      *pill,
           RfStatusPillState  state)
{
  PillState wanted = { pill, state };

  if (!rf_test_wait_until (pill_in_state, &wanted, WAIT_MS))
    g_error ("Waited for the pill in state %d, it is in %d", state, rf_status_pill_get_state (pill));
}

static gboolean
pill_counted (gpointer data)
{
  return rf_status_pill_get_rules_leads (data) >= 0;
}

static void
test_status_pill (GuiFixture    *f,
                  gconstpointer  data)
{
  const char *both[] = { RF_DEFAULT_FAST_MODEL, RF_DEFAULT_RICH_MODEL, NULL };
  const char *fast_only[] = { RF_DEFAULT_FAST_MODEL, NULL };
  GtkWidget *window = gtk_window_new ();
  RfStatusPill *pill;

  rf_fake_ollama_set_models (f->ollama, both);
  rf_test_insert_lead (f->database, "Scored offline", NULL, NULL, NULL, 40, "by rules");

  pill = RF_STATUS_PILL (rf_status_pill_new (f->engine));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (pill));
  gtk_window_present (GTK_WINDOW (window));
  wait_pill (pill, RF_STATUS_PILL_READY);

  /* Ollama goes away: offline, rules score. */
  rf_fake_ollama_stop (f->ollama);
  rf_status_pill_check (pill);
  wait_pill (pill, RF_STATUS_PILL_OFFLINE);

  /* It comes back: ready, and the leads rules scored are offered a re-score. */
  rf_fake_ollama_restart (f->ollama);
  rf_status_pill_check (pill);
  wait_pill (pill, RF_STATUS_PILL_READY);
  g_assert_true (rf_test_wait_until (pill_counted, pill, WAIT_MS));
  g_assert_cmpint (rf_status_pill_get_rules_leads (pill), ==, 1);

  /* The rich model is missing: Download pulls it, then it is ready. */
  rf_fake_ollama_set_models (f->ollama, fast_only);
  rf_status_pill_check (pill);
  wait_pill (pill, RF_STATUS_PILL_MODEL_MISSING);
  rf_status_pill_download (pill);
  g_assert_true (rf_status_pill_get_busy (pill));
  wait_pill (pill, RF_STATUS_PILL_READY);
  g_assert_cmpuint (rf_fake_ollama_count_requests (f->ollama, "/api/pull", RF_DEFAULT_RICH_MODEL), ==, 1);
  g_assert_cmpuint (rf_fake_ollama_count_requests (f->ollama, "/api/pull", RF_DEFAULT_FAST_MODEL), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Alerts: a red-hot lead while the window is in the background. */

static RfFakeReply *
hot_answer (JsonObject *request,
            gpointer    user_data)
{
  return rf_fake_reply_new (RF_TEST_HOT_ANSWER);
}

static void
sent_cb (RfAlerts      *alerts,
         GNotification *notification,
         gint64         lead_id,
         gint64        *sent_id)
{
  *sent_id = lead_id;
}

static gboolean
alert_sent (gpointer data)
{
  return *(gint64 *)data != 0;
}

static RfClassifyOutcome *
classify (GuiFixture *f)
{
  g_autoptr(RfSignal) signal = rf_signal_new ();
  g_autoptr(RfCompany) company = rf_company_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RfClassifyOutcome *outcome;

  rf_signal_set_source_type (signal, RF_SOURCE_TYPE_JOB_POST);
  rf_signal_set_raw_text (signal, RF_TEST_SIGNAL_TEXT);
  rf_company_set_name (company, "Hot Shop");
  rf_lead_engine_classify_async (f->engine, signal, company, NULL, 0, NULL, gui_fixture_store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  outcome = rf_lead_engine_classify_finish (f->engine, result, &error);
  g_assert_no_error (error);
  return outcome;
}

static void
test_alerts (GuiFixture    *f,
             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autoptr(RfAlerts) alerts = NULL;
  g_autoptr(RfClassifyOutcome) hot = NULL;
  g_autoptr(RfClassifyOutcome) muted = NULL;
  g_autoptr(RfIcpProfile) profile = rf_icp_template_new ("solo-founder");
  g_autoptr(RfIcpDao) icps = rf_icp_dao_new (f->database);
  g_autoptr(GNotification) notification = NULL;
  gint64 sent_id = 0;

  g_assert_true (rf_icp_dao_save_sync (icps, profile, NULL, NULL));
  rf_fake_ollama_set_chat_handler (f->ollama, hot_answer, NULL);
  alerts = rf_alerts_new (NULL, f->engine, settings);
  g_signal_connect (alerts, "sent", G_CALLBACK (sent_cb), &sent_id);

  hot = classify (f);
  g_assert_cmpint (rf_lead_get_score_bucket (hot->lead), ==, RF_SCORE_BUCKET_RED_HOT);
  g_assert_true (rf_test_wait_until (alert_sent, &sent_id, WAIT_MS));
  g_assert_cmpint (sent_id, ==, rf_lead_get_id (hot->lead));
  g_assert_cmpuint (rf_alerts_get_n_sent (alerts), ==, 1);

  /* The notification opens the lead. */
  notification = rf_alerts_build_notification (hot->lead);
  g_assert_nonnull (notification);

  /* Notifications off: none. */
  g_settings_set_boolean (settings, "notifications", FALSE);
  rf_fake_ollama_set_chat_handler (f->ollama, hot_answer, NULL);
  {
    g_autoptr(RfSignal) other = rf_signal_new ();
    g_autoptr(GAsyncResult) result = NULL;

    rf_signal_set_raw_text (other, RF_TEST_SIGNAL_TEXT " Another shop, same pain.");
    rf_lead_engine_classify_async (f->engine, other, NULL, NULL, 0, NULL, gui_fixture_store_result_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    muted = rf_lead_engine_classify_finish (f->engine, result, NULL);
  }
  g_assert_nonnull (muted);
  g_assert_cmpint (rf_lead_get_score_bucket (muted->lead), ==, RF_SCORE_BUCKET_RED_HOT);
  gui_fixture_spin (300);
  g_assert_cmpuint (rf_alerts_get_n_sent (alerts), ==, 1);
  g_settings_reset (settings, "notifications");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add ("/setup/profiles", GuiFixture, NULL, set_up_offline, test_profiles, tear_down);
  g_test_add ("/setup/profiles-rescore", GuiFixture, NULL, set_up_offline, test_profiles_rescore, tear_down);
  g_test_add ("/setup/preferences", GuiFixture, NULL, set_up_ollama, test_preferences, tear_down);
  g_test_add ("/setup/status-pill", GuiFixture, NULL, set_up_ollama, test_status_pill, tear_down);
  g_test_add ("/setup/alerts", GuiFixture, NULL, set_up_ollama, test_alerts, tear_down);
  return g_test_run ();
}
