/* engine-bench.c: signals through RfLeadEngine against the stand-in Ollama,
 * and the rules scorer on its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; it is not a test. Targets (issue 3): >= 95% of the ideal
 * throughput (slots / latency) with 200 signals, 200 ms answers and 4
 * slots; <= 2 ms of engine work per signal; rules >= 20,000 signals/s.
 * Usage: engine-bench [SIGNALS] [LATENCY_MS] [SLOTS]
 */

#define _GNU_SOURCE
#include <stdlib.h>
#include <sys/resource.h>

#include "rf-fake-ollama.h"
#include "rf-icp-dao.h"
#include "rf-icp-template.h"
#include "rf-lead-engine.h"
#include "rf-rules-classifier.h"
#include "rf-test-util.h"

#define ANSWER \
  "{\"icp_match\": true, \"icp_fit\": {\"score\": 30, \"matched_criteria\": [\"industry: ecommerce\"], \"reason\": \"r\"}," \
  " \"size_bucket\": \"2-10\", \"role_type\": \"growth_marketer\", \"pain_score\": 20, \"pain_tags\": [\"lead_gen\"]," \
  " \"spin\": {\"situation\": \"s\", \"problem\": \"p\", \"implication\": \"i\", \"need_payoff\": \"n\"}," \
  " \"meddic\": {\"economic_buyer\": \"b\", \"key_pain\": \"k\", \"chaos_flags\": []}}"

static const char * const texts[] = {
  "Looking to hire a growth marketer. We run an eCommerce brand with $50K MRR and no marketing system. Help!",
  "DTC skincare brand, 12 people, ROAS falling and our agency is not delivering. Need a performance marketer.",
  "We are a B2B SaaS startup of 8 looking for our first marketing hire to own lead generation and content.",
  "Global bank with 40,000 employees seeks a senior Java developer for core systems.",
  "Solo founder selling handmade candles on Shopify; I do all the marketing myself and have no time.",
};

typedef struct
{
  guint done;
  guint by_model;
} Progress;

static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Progress *progress = user_data;
  g_autoptr(RfClassifyOutcome) outcome = rf_lead_engine_classify_finish (RF_LEAD_ENGINE (source), result, NULL);

  g_assert_nonnull (outcome);
  if (outcome->ollama_error == NULL)
    progress->by_model++;
  progress->done++;
}

static void
bench_engine (guint n,
              guint latency_ms,
              guint slots)
{
  g_autofree char *dir = NULL;
  g_autoptr(RfDatabase) database = rf_test_open_database (&dir);
  g_autoptr(RfIcpDao) icps = rf_icp_dao_new (database);
  g_autoptr(RfIcpProfile) profile = rf_icp_template_new ("small-d2c");
  g_autoptr(RfFakeOllama) ollama = rf_fake_ollama_new ();
  g_autoptr(RfConfig) config = rf_config_new ();
  g_autoptr(RfLeadEngine) engine = NULL;
  const char * const only_fast[] = { "gemma3:1b", NULL };
  RfFakeReply *reply = rf_fake_reply_new (ANSWER);
  Progress progress = { 0 };
  gint64 start;
  double seconds, ideal, main_cpu, process_cpu;

  rf_icp_dao_save_sync (icps, profile, NULL, NULL);
  reply->delay_ms = latency_ms;
  rf_fake_ollama_set_default_reply (ollama, reply);
  /* Dossiers are the rich model's work, not this measurement's. */
  rf_fake_ollama_set_models (ollama, only_fast);
  rf_config_set_ollama_url (config, rf_fake_ollama_get_url (ollama));
  rf_config_set_parallel (config, slots);
  engine = rf_lead_engine_new (database, config);

  /* Warm: the status check and one request, as a running app has. */
  {
    g_autoptr(RfSignal) warm = rf_signal_new ();

    rf_signal_set_raw_text (warm, "warm-up");
    rf_lead_engine_classify_async (engine, warm, NULL, NULL, 0, NULL, done_cb, &progress);
    while (progress.done < 1)
      g_main_context_iteration (NULL, TRUE);
    progress.done = progress.by_model = 0;
  }

  main_cpu = cpu_seconds (RUSAGE_THREAD);
  process_cpu = cpu_seconds (RUSAGE_SELF);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RfSignal) signal = rf_signal_new ();
      g_autofree char *text = g_strdup_printf ("%s (#%u)", texts[i % G_N_ELEMENTS (texts)], i);

      rf_signal_set_source_type (signal, RF_SOURCE_TYPE_JOB_POST);
      rf_signal_set_raw_text (signal, text);
      rf_lead_engine_classify_async (engine, signal, NULL, NULL, 0, NULL, done_cb, &progress);
    }
  while (progress.done < n)
    g_main_context_iteration (NULL, TRUE);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  main_cpu = cpu_seconds (RUSAGE_THREAD) - main_cpu;
  process_cpu = cpu_seconds (RUSAGE_SELF) - process_cpu;
  ideal = n * (latency_ms / 1000.0) / slots;

  g_print ("engine: %u signals, %u ms answers, %u slots\n", n, latency_ms, slots);
  g_print ("  wall %.2f s, ideal %.2f s: %.1f%% of the ideal throughput (%.1f signals/s)\n",
           seconds, ideal, 100 * ideal / seconds, n / seconds);
  g_print ("  scored by the model: %u of %u; max in flight at the stand-in: %u\n",
           progress.by_model, n, rf_fake_ollama_get_max_in_flight (ollama));
  g_print ("  engine work per signal: %.3f ms on the main thread, %.3f ms for the whole process"
           " (database thread and stand-in server included)\n",
           1000 * main_cpu / n, 1000 * process_cpu / n);

  g_clear_object (&engine);
  rf_database_close (database);
  rf_test_remove_tree (dir);
}

static void
bench_rules (guint n)
{
  g_autoptr(RfRulesClassifier) rules = rf_rules_classifier_new ();
  g_autoptr(RfIcpProfile) profile = rf_icp_template_new ("solo-founder");
  g_autoptr(GPtrArray) signals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RfCompany) company = rf_company_new ();
  gint64 start;
  double seconds;

  rf_company_set_name (company, "Acme");
  rf_company_set_website (company, "https://acme.example");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      RfSignal *signal = rf_signal_new ();

      rf_signal_set_raw_text (signal, texts[i]);
      g_ptr_array_add (signals, signal);
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RfClassification) c = rf_rules_classifier_classify (rules, profile, g_ptr_array_index (signals, i % signals->len),
                                                                    company, NULL);
      g_assert_nonnull (c);
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_print ("rules: %u signals in %.3f s: %.0f signals/s (%.1f us each)\n", n, seconds, n / seconds, 1e6 * seconds / n);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? atoi (argv[1]) : 200;
  guint latency = argc > 2 ? atoi (argv[2]) : 200;
  guint slots = argc > 3 ? atoi (argv[3]) : 4;

  g_setenv ("OLLAMA_BASE_URL", "http://127.0.0.1:9", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  bench_rules (100000);
  bench_engine (n, latency, slots);
  return 0;
}
