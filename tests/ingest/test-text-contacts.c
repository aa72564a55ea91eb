/* test-text-contacts.c: who a pasted text is about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>

#include "rf-text-contacts.h"

typedef struct
{
  const char *text;
  const char *company;
  const char *website;
  const char *name;
  const char *title;
  const char *email;
  const char *phone;
} Case;

static const Case cases[] = {
  /* Indeed's layout: the title, then "Company - City, ST"; a title line
   * with a dash is not a company. */
  { "Social Media & Content Manager - Part-time\nOak & Ember Coffee Co. - Austin, TX\n$22 - $28 an hour\n"
    "We're a small-batch coffee roaster (8 employees). You'll report to our founder, Dana Ruiz.",
    "Oak & Ember Coffee Co.", NULL, "Dana Ruiz", "Founder", NULL, NULL },
  { "Growth Marketer \u2013 Remote\nFernhill Candles \u2013 Remote\nWe make soy candles by hand.",
    "Fernhill Candles", NULL, NULL, NULL, NULL, NULL },
  /* A note from a trade show: a hyphenated domain spelled in words. */
  { "Met Sarah Lee (COO, Pinecrest Outdoor) at the trade show. 40 staff, they sell camping gear through "
    "Amazon. Their agency isn't delivering. sarah@pinecrest-outdoor.com",
    "Pinecrest Outdoor", "pinecrest-outdoor.com", "Sarah Lee", "COO", "sarah@pinecrest-outdoor.com", NULL },
  /* The same from a title and company in brackets, without a website. */
  { "Spoke to Omar Haddad (Head of Marketing, Dune Goods) about their Meta ads.",
    "Dune Goods", NULL, "Omar Haddad", "Head of Marketing", NULL, NULL },
  /* A job title, then the company and its city: the comma ends the name
   * even after a legal form. */
  { "Head of Growth (m/f/d) — Taskly GmbH, Berlin. Taskly is a 30-person B2B SaaS for field service teams. "
    "Apply at jobs@taskly.io",
    "Taskly GmbH", "taskly.io", NULL, NULL, NULL, NULL },
  /* A job post pasted with its contact line. */
  { "Glowbar Skincare (glowbar.co) is hiring a Performance Marketer. We're a 12-person DTC beauty brand "
    "in Austin; our ROAS has dropped for three quarters. Contact: Maya Chen, Founder, maya@glowbar.co",
    "Glowbar Skincare", "glowbar.co", "Maya Chen", "Founder", "maya@glowbar.co", NULL },
  /* "X is hiring", a generic address: its domain is the website, not a person. */
  { "Northwind Coffee Roasters is hiring a Growth Marketer to own paid social.\n"
    "Send your CV to jobs@northwindcoffee.com",
    "Northwind Coffee Roasters", "northwindcoffee.com", NULL, NULL, NULL, NULL },
  /* A signature with a title and company after "at", a phone with its label. */
  { "Hi! We need help with our ads, CAC is climbing.\n\nBest,\nDaniel Okafor, Head of Growth at Brightloop\n"
    "daniel.okafor@brightloop.io\nPhone: +44 20 7946 0958",
    "Brightloop", "brightloop.io", "Daniel Okafor", "Head of Growth", "daniel.okafor@brightloop.io", "+442079460958" },
  /* A labelled company, a website with its scheme, a name from "mchen@". */
  { "Company: Acme Widgets Ltd.\nWebsite: https://www.acmewidgets.co.uk/about\n"
    "Questions to Martin Chen (mchen@acmewidgets.co.uk).",
    "Acme Widgets Ltd.", "acmewidgets.co.uk", "Martin Chen", NULL, "mchen@acmewidgets.co.uk", NULL },
  /* "About X" heading of a job post. */
  { "About Fernhill Candles\nWe make soy candles by hand. Our Instagram ads stopped working.",
    "Fernhill Candles", NULL, NULL, NULL, NULL, NULL },
  /* Only a free-mail address: a person, no company website. */
  { "Looking for a marketer for my bakery. Write to Lena Vogel at lena.vogel@gmail.com",
    NULL, NULL, "Lena Vogel", NULL, "lena.vogel@gmail.com", NULL },
  /* Nothing to find: technology names, platforms, numbers are not contacts. */
  { "We need an ASP.NET and Node.JS developer. Apply on linkedin.com/jobs or indeed.com. "
    "Budget $50K MRR, founded 2019-2023, 40 employees.",
    NULL, NULL, NULL, NULL, NULL, NULL },
  /* Openings that name the company; words that spell the site's name. */
  { "Senior Content Marketing Manager\nRemote, US\nAt Loomly we help 10,000 brands plan their posts. "
    "Apply at https://jobs.lever.co/loomly/123",
    "Loomly", NULL, NULL, NULL, NULL, NULL },
  { "Hey, this is Tom from Redwood Dental. Our Google Ads spend doubled. Call me at (303) 555-0147.",
    "Redwood Dental", NULL, "Tom", NULL, NULL, "(303) 555-0147" },
  { "Welcome to Foo Bar. We sell handmade stuff and our ads stopped working.",
    "Foo Bar", NULL, NULL, NULL, NULL, NULL },
  { "Welcome to", NULL, NULL, NULL, NULL, NULL, NULL },
  /* "@" for "at" in a title; a signature cut off after it. */
  { "Ana Ruiz, CMO @ Verde Foods\nana@verdefoods.es", "Verde Foods", "verdefoods.es", "Ana Ruiz", "CMO",
    "ana@verdefoods.es", NULL },
  { "Ana Ruiz, CMO @", NULL, NULL, "Ana Ruiz", "CMO", NULL, NULL },
  { "I'm the founder from a small shop.", NULL, NULL, NULL, NULL, NULL, NULL },
  { "Handcrafted furniture by Oakline Studio since 2012. Contact us: hello@oaklinestudio.com | +1 415 555 0199",
    "Oakline Studio", "oaklinestudio.com", NULL, NULL, NULL, "+14155550199" },
  /* LinkedIn's "Company · Place" line; a title, then a name. */
  { "About the job\nMarketing Manager\nBrightside Pet Supply \u00b7 Denver, CO (On-site)\n\nAbout Us\n"
    "Our Facebook ads have plateaued.\n- Report to the CEO, Jordan Lee\n",
    "Brightside Pet Supply", NULL, "Jordan Lee", "CEO", NULL, NULL },
  /* Words that spell the site's name, and the rest of that name. */
  { "Sunrise Yoga Studios has 4 locations and the owner, Priya Nair, handles marketing herself. "
    "Website: sunriseyoga.com. Priya's cell: 503-555-0188",
    "Sunrise Yoga Studios", "sunriseyoga.com", "Priya Nair", "Owner", NULL, "503-555-0188" },
  /* Pronouns start sentences but name no one. */
  { "We are hiring! Our team is small. This is a great role.", NULL, NULL, NULL, NULL, NULL, NULL },
  { "", NULL, NULL, NULL, NULL, NULL, NULL },
};

static void
assert_field (const char *what,
              const char *found,
              const char *expected,
              const char *text)
{
  if (g_strcmp0 (found, expected) != 0)
    g_error ("%s: found “%s”, expected “%s” in: %s", what, found ? found : "(none)",
             expected ? expected : "(none)", text);
}

static void
test_cases (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(RfTextContacts) found = rf_text_contacts_find (c->text);

      assert_field ("company", found->company, c->company, c->text);
      if (c->website == NULL)
        assert_field ("website", found->website, NULL, c->text);
      else if (found->website == NULL || strstr (found->website, c->website) == NULL)
        g_error ("website: found “%s”, expected one with “%s” in: %s", found->website, c->website, c->text);
      assert_field ("name", found->name, c->name, c->text);
      assert_field ("title", found->title, c->title, c->text);
      assert_field ("email", found->email, c->email, c->text);
      assert_field ("phone", found->phone, c->phone, c->text);
    }
}

/* A page pasted whole: the signature at its end is still read, quickly. */
static void
test_long_text (void)
{
  g_autoptr(GString) text = g_string_new ("Brightloop is hiring.\n");
  g_autoptr(RfTextContacts) found = NULL;
  gint64 start;

  while (text->len < 2 * 1024 * 1024)
    g_string_append (text, "Our paid social costs keep climbing and nobody owns the funnel. ");
  g_string_append (text, "\nDaniel Okafor, CMO\ndaniel@brightloop.io\n");
  start = g_get_monotonic_time ();
  found = rf_text_contacts_find (text->str);
  g_test_message ("2 MB read in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpstr (found->company, ==, "Brightloop");
  g_assert_cmpstr (found->name, ==, "Daniel Okafor");
  g_assert_cmpstr (found->email, ==, "daniel@brightloop.io");
}

/* Bytes that are not UTF-8 are read around, never past. */
static void
test_invalid_utf8 (void)
{
  g_autoptr(RfTextContacts) found = rf_text_contacts_find ("Contact: \xff\xfe Maya \xc3 Chen, maya@glowbar.co \xe2\x82");

  g_assert_cmpstr (found->email, ==, "maya@glowbar.co");
  g_assert_true (found->name == NULL || g_utf8_validate (found->name, -1, NULL));
  g_assert_true (found->company == NULL || g_utf8_validate (found->company, -1, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text-contacts/cases", test_cases);
  g_test_add_func ("/text-contacts/long-text", test_long_text);
  g_test_add_func ("/text-contacts/invalid-utf8", test_invalid_utf8);
  return g_test_run ();
}
