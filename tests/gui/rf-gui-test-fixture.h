/* rf-gui-test-fixture.h: a window over a fresh database with an engine
 * (scoring by rules unless a stand-in Ollama is given), for the intake
 * and setup tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-fake-ollama.h"
#include "rf-lead-engine.h"
#include "rf-test-util.h"
#include "rf-window-private.h"

typedef struct
{
  char         *dir;
  RfDatabase   *database;
  RfConfig     *config;
  RfLeadEngine *engine;
  RfWindow     *window;
  RfFakeOllama *ollama;    /* NULL: Ollama is away, rules score */
} GuiFixture;

/* A model answer that makes a red-hot lead. */
#define RF_TEST_HOT_ANSWER \
  "{\"icp_match\": true, \"icp_fit\": {\"score\": 45, \"matched_criteria\": [\"industry: ecommerce\", \"hiring: growth marketer\"], \"reason\": \"fits\"}," \
  " \"size_bucket\": \"unknown\", \"role_type\": \"growth_marketer\", \"pain_score\": 35," \
  " \"pain_tags\": [\"lead_gen\", \"no_system\"]," \
  " \"spin\": {\"situation\": \"eCommerce brand at $50K MRR\", \"problem\": \"No marketing system\", \"implication\": \"Growth stalls\", \"need_payoff\": \"A system\"}," \
  " \"meddic\": {\"economic_buyer\": \"Founder\", \"key_pain\": \"no system\", \"chaos_flags\": []}}"

#define RF_TEST_SIGNAL_TEXT "Looking to hire a growth marketer. We run an eCommerce brand with $50K MRR and no marketing system. Help!"

/* @ms stretched by RAPTORFLOW_TEST_TIMEOUT_SCALE, which tests/meson.build
 * sets in a sanitizer build: there GTK's first frames and layouts can hold
 * the main loop for seconds, so an answer from the stand-in is read late. */
static inline guint
gui_fixture_timeout_ms (guint ms)
{
  const char *scale = g_getenv ("RAPTORFLOW_TEST_TIMEOUT_SCALE");
  guint64 factor = scale != NULL ? g_ascii_strtoull (scale, NULL, 10) : 1;

  return ms * CLAMP (factor, 1, 100);
}

static inline void
gui_fixture_set_up (GuiFixture *f,
                    gboolean    with_ollama,
                    gboolean    with_window)
{
  f->database = rf_test_open_database (&f->dir);
  f->config = rf_config_new ();
  if (with_ollama)
    {
      f->ollama = rf_fake_ollama_new ();
      rf_config_set_ollama_url (f->config, rf_fake_ollama_get_url (f->ollama));
    }
  else
    rf_config_set_ollama_url (f->config, "http://127.0.0.1:9");
  f->engine = rf_lead_engine_new (f->database, f->config);
  rf_ollama_client_set_timeouts (rf_lead_engine_get_ollama (f->engine), gui_fixture_timeout_ms (1500),
                                 gui_fixture_timeout_ms (1500));
  rf_ollama_client_set_retries (rf_lead_engine_get_ollama (f->engine), 0, 0);
  if (with_window)
    {
      f->window = rf_window_new_for_database (f->database);
      rf_window_set_engine (f->window, f->engine);
      gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
      gtk_window_present (GTK_WINDOW (f->window));
    }
}

static inline void
gui_fixture_store_result_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static inline void
gui_fixture_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static inline void
gui_fixture_tear_down (GuiFixture *f)
{
  GList *toplevels;

  /* Hidden first, and given time: GTK 4.8 runs a pending pointer query
   * (a tooltip's, a drop's) after a destroyed window's surface is gone. */
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_widget_set_visible (l->data, FALSE);
  g_list_free (toplevels);
  gui_fixture_spin (100);

  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  /* Dialogs the test opened. */
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  rf_lead_engine_cancel_all (f->engine);
  gui_fixture_spin (150);
  g_clear_object (&f->engine);
  g_clear_object (&f->config);
  g_clear_pointer (&f->ollama, rf_fake_ollama_free);
  rf_database_close (f->database);
  g_clear_object (&f->database);
  rf_test_remove_tree (f->dir);
  g_free (f->dir);
}
