/* rf-engine-requests.h: chat requests for the fast and the rich model,
 * rendered from the versioned prompts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rf-lead-context.h"
#include "rf-ollama-client.h"
#include "rf-prompt.h"

G_BEGIN_DECLS

/* Fixed so that the same signal gets the same answer, and so the context
 * holds the prompt without Ollama silently cutting it. */
#define RF_CLASSIFY_TEMPERATURE 0.1
#define RF_CLASSIFY_NUM_CTX     4096
#define RF_DOSSIER_TEMPERATURE  0.3
#define RF_DOSSIER_NUM_CTX      8192
#define RF_REQUEST_SEED         42
#define RF_KEEP_ALIVE           "15m"

RfOllamaChatRequest *rf_engine_classify_request (RfPrompt      *prompt,
                                                 const char    *model,
                                                 RfLeadContext *context);
RfOllamaChatRequest *rf_engine_dossier_request  (RfPrompt      *prompt,
                                                 const char    *model,
                                                 RfLeadContext *context);
char                *rf_icp_profile_describe    (RfIcpProfile  *profile);

G_END_DECLS
