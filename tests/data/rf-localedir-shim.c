/* rf-localedir-shim.c: the build tree's catalogs for uninstalled programs
 *
 * raptorflow and raptorflow-cli bind their text domain to LOCALEDIR, the
 * install prefix, where a build that was never installed has no catalogs
 * (or an older build's). test-translation preloads this module into the
 * CLI: it swaps the folder for $RF_TEST_LOCALEDIR (build/po, laid out as
 * LANG/LC_MESSAGES/raptorflow.mo) for our domain only, and passes every
 * other call through unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "config.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

typedef char *(*BindTextDomainFunc) (const char *domainname,
                                     const char *dirname);

char *bindtextdomain (const char *domainname,
                      const char *dirname);

char *
bindtextdomain (const char *domainname,
                const char *dirname)
{
  static BindTextDomainFunc real_bindtextdomain;
  const char *override = getenv ("RF_TEST_LOCALEDIR");

  if (real_bindtextdomain == NULL)
    real_bindtextdomain = (BindTextDomainFunc) dlsym (RTLD_NEXT, "bindtextdomain");
  if (real_bindtextdomain == NULL)
    abort ();

  if (override != NULL && dirname != NULL && domainname != NULL &&
      strcmp (domainname, GETTEXT_PACKAGE) == 0)
    dirname = override;

  return real_bindtextdomain (domainname, dirname);
}
