/* test-card-parser.c: card text, clean and as OCR leaves it, to fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rf-card-parser.h"

/* NULL: not checked; "": must not be found. */
typedef struct
{
  const char *what;
  const char *region;
  const char *text;
  const char *name, *title, *company, *email, *phone, *website, *address;
} CardCase;

static const CardCase cards[] = {
  { "clean, labelled", NULL,
    "Avery Smith\nSenior Researcher\nContoso Ltd\nT: +44 20 7946 0123\nE: avery.smith@contoso.com\nW: www.contoso.com\n"
    "2 Kingdom Street\nLondon W2 6BD",
    "Avery Smith", "Senior Researcher", "Contoso Ltd", "avery.smith@contoso.com", "+442079460123",
    "www.contoso.com", "2 Kingdom Street, London W2 6BD" },
  { "copyright sign for @, comma for dot", NULL,
    "Jordan Becker\nSales Director\nNorthwind GmbH\njordan.becker©northwind,de\nwww.northwind.de\nMobil +49 170 1234567",
    "Jordan Becker", "Sales Director", "Northwind GmbH", "jordan.becker@northwind.de", "+491701234567",
    "www.northwind.de", "" },
  { "spaces inside the email and the URL", NULL,
    "Maria Garcia\nHead of Marketing\nBrightpath Inc\nmaria.garcia @ brightpath .com\nhttps:/ /www.brightpath.com/\n"
    "(415) 555-0199\n120 Main Avenue\nAustin, TX 78701",
    "Maria Garcia", "Head of Marketing", "Brightpath Inc", "maria.garcia@brightpath.com", "+14155550199",
    "https://www.brightpath.com/", "120 Main Avenue, Austin, TX 78701" },
  { "O and l among the digits, (0) after the country code", NULL,
    "Liam Walker\nFounder\nRedwood Labs\nMob: +44 (0) 79l1 l23456\nTel: +44 (O) 20 9876 5432\nliam@redwoodlabs.co.uk",
    "Liam Walker", "Founder", "Redwood Labs", "liam@redwoodlabs.co.uk", "+447911123456", NULL, "" },
  { "email first, the name found through it", NULL,
    "CONTOSO\nchris.smith@contoso.com\nChris Smith\nSenior Researcher\nCell: +1 (987) 123-4567\nFax: +1 (987) 312-6745",
    "Chris Smith", "Senior Researcher", "CONTOSO", "chris.smith@contoso.com", "+19871234567", NULL, NULL },
  { "fax first: the mobile is chosen", NULL,
    "Sofia Martin\nAccount Manager\nLumina Solutions\nF: 0161 496 0000\nM: 07700 900123\nsofia@lumina.co.uk",
    "Sofia Martin", "Account Manager", "Lumina Solutions", "sofia@lumina.co.uk", "+447700900123", NULL, NULL },
  { "a region hint for numbers without a country code", "US",
    "Noah Fischer\nProduct Manager\nBluefin Technologies\n415.555.0134\nnoah.fischer@bluefin.io",
    "Noah Fischer", "Product Manager", "Bluefin Technologies", "noah.fischer@bluefin.io", "+14155550134", NULL, NULL },
  { "no country to tell: the number as printed", NULL,
    "Hannah Weber\nConsultant\n555 0134 888\nhannah@example.org",
    "Hannah Weber", "Consultant", NULL, "hannah@example.org", "555 0134 888", NULL, NULL },
  { "all capitals, an honorific, a department", NULL,
    "DR. EMMA NGUYEN\nCHIEF MEDICAL OFFICER\nCloud & AI Department\nGreenleaf Clinic\nemma.nguyen@greenleafclinic.com",
    "Emma Nguyen", "CHIEF MEDICAL OFFICER", "Greenleaf Clinic", "emma.nguyen@greenleafclinic.com", NULL, NULL, NULL },
  { "fields on one line, split by bars", NULL,
    "Oliver Clarke | Managing Director | Ironbark Group\nT +61 2 9374 4000 | oliver@ironbark.com.au | ironbark.com.au",
    "Oliver Clarke", "Managing Director", "Ironbark Group", "oliver@ironbark.com.au", "+61293744000",
    "ironbark.com.au", NULL },
  { "corn for com, a pipe for the final slash", NULL,
    "Grace Hughes\nMarketing Consultant\ngrace.hughes@clearwater.corn\nhttps://www.clearwater.com|",
    "Grace Hughes", "Marketing Consultant", NULL, "grace.hughes@clearwater.com", NULL, "https://www.clearwater.com/", NULL },
  { "OCR noise around the lines", NULL,
    "ee\nbie Felix Keller\n| Senior Software Engineer\nTailspin Inc\n=\nfelix.keller@tailspin.com\n+1 212 555 0100",
    "Felix Keller", "Senior Software Engineer", "Tailspin Inc", "felix.keller@tailspin.com", "+12125550100", NULL, NULL },
  { "German address and labels", NULL,
    "Lukas Fischer\nGeschäftsführer\nWingtip GmbH\nHauptstraße 5\n10115 Berlin\nTel. 030 1234567\nlukas.fischer@wingtip.de",
    "Lukas Fischer", "Geschäftsführer", "Wingtip GmbH", "lukas.fischer@wingtip.de", "+49301234567", NULL,
    "Hauptstraße 5, 10115 Berlin" },
  { "email domain slightly broken: the website's wins", NULL,
    "Julia Turner\nOperations Manager\nAdatum\njulia.turner@adatun.com\nwww.adatum.com",
    "Julia Turner", "Operations Manager", "Adatum", "julia.turner@adatum.com", NULL, "www.adatum.com", NULL },
  { "only an email: company and name from it, unsure", NULL,
    "samuel.shaw@silverline.com",
    "Samuel Shaw", "", "Silverline", "samuel.shaw@silverline.com", "", "", "" },
  { "a mobile a digit too long: the valid work number is chosen", NULL,
    "Avery Smith\nMob: +44 (0) 7911 1223456\nTel: +44 20 9876 5432\navery@contoso.com",
    "Avery Smith", NULL, NULL, "avery@contoso.com", "+442098765432", NULL, NULL },
  { "an address as OCR reads it: ß as f, B as 8", NULL,
    "Lena Becker\nSales Director\nHauptstrafe 5\n10115 Berlin\nlena@northwind.de",
    "Lena Becker", "Sales Director", NULL, "lena@northwind.de", NULL, NULL, "Hauptstraße 5, 10115 Berlin" },
  { "ß read as B in a hyphenated street; a word of its own is left alone", NULL,
    "Lena Becker\nKarl-Marx-StraBe 12\n10178 Berlin\nlena@northwind.de",
    "Lena Becker", NULL, NULL, "lena@northwind.de", NULL, NULL, "Karl-Marx-Straße 12, 10178 Berlin" },
  { "ß read as two letters; the Swiss ss stays", NULL,
    "Lena Becker\nBahnhofstrafse 3\n10178 Berlin\nSeestrasse 9, 8002 Zürich\nlena@northwind.de",
    "Lena Becker", NULL, NULL, "lena@northwind.de", NULL, NULL, "Bahnhofstraße 3, 10178 Berlin, Seestrasse 9, 8002 Zürich" },
  { "two columns that nearly touch, joined into lines by OCR", NULL,
    "Mobile +44 (0) 7915 718615\nHannah Hughes hhughes@brightpath.co.uk\nAccount Manager\n"
    "Operations Manager https://www.brightpath.co.uk\nBrightpath Group\n2 Kingdom Street\nLondon W2 6BD",
    "Hannah Hughes", NULL, "Brightpath Group", "hhughes@brightpath.co.uk", "+447915718615",
    "https://www.brightpath.co.uk", "2 Kingdom Street, London W2 6BD" },
  { "a phone and a web address joined into one line", NULL,
    "Chris Smith\nCell: +1 (987) 123-4567 https://www.contoso.com/\nchris.smith@contoso.com",
    "Chris Smith", NULL, NULL, "chris.smith@contoso.com", "+19871234567", "https://www.contoso.com/", NULL },
  { "a label before the email keeps it one line", NULL,
    "Hannah Hughes\nEmail hhughes@brightpath.co.uk\nWeb www.brightpath.co.uk",
    "Hannah Hughes", "", NULL, "hhughes@brightpath.co.uk", NULL, "www.brightpath.co.uk", NULL },
  { "l read as i in the email: the name on the card decides", NULL,
    "Liam Martin\nHead of Marketing\nimartin@brightpath.de\nwww.brightpath.de",
    "Liam Martin", "Head of Marketing", NULL, "lmartin@brightpath.de", NULL, "www.brightpath.de", NULL },
  { "an email two letters off the name is left as read", NULL,
    "Liam Martin\nHead of Marketing\nimarten@brightpath.de",
    "Liam Martin", NULL, NULL, "imarten@brightpath.de", NULL, NULL, NULL },
  { "a street called Strafe is not repaired", NULL,
    "Lena Becker\nAm Strafe 12\n10178 Berlin\nlena@northwind.de",
    "Lena Becker", NULL, NULL, "lena@northwind.de", NULL, NULL, "Am Strafe 12, 10178 Berlin" },
  { "a UK town line without a comma, its postcode misread", NULL,
    "Avery Smith\n2 Kingdom Street\nLondon W2 68D\navery@contoso.co.uk",
    "Avery Smith", NULL, NULL, NULL, NULL, NULL, "2 Kingdom Street, London W2 68D" },
  { "two columns interleaved: the company line inside the address", NULL,
    "Mobile +1 (249) 737-1225\nfelix.martin@silverline.com\nFelix Martin\nMarketing Consultant\n120 Main Avenue\n"
    "Silverline Solutions\nAustin, TX 78701",
    "Felix Martin", "Marketing Consultant", "Silverline Solutions", "felix.martin@silverline.com", "+12497371225",
    NULL, "120 Main Avenue, Austin, TX 78701" },
  { "nothing at all", NULL, "", "", "", "", "", "", "", "" },
};

static void
check_field (const CardCase     *c,
             const RfCardFields *fields,
             RfCardField         field,
             const char         *expected)
{
  const char *got = rf_card_fields_get (fields, field);

  if (expected == NULL)
    return;
  if (*expected == '\0')
    {
      if (got != NULL)
        g_error ("%s: %s should be absent, got “%s”", c->what, rf_card_field_to_string (field), got);
      return;
    }
  if (g_strcmp0 (got, expected) != 0)
    g_error ("%s: %s is “%s”, expected “%s”", c->what, rf_card_field_to_string (field), got, expected);
  g_assert_cmpfloat (fields->values[field].confidence, >, 0);
  g_assert_cmpfloat (fields->values[field].confidence, <=, 1);
}

static void
test_table (void)
{
  g_autoptr(RfCardParser) parser = rf_card_parser_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      const CardCase *c = &cards[i];
      g_autoptr(RfCardFields) fields = NULL;

      g_test_message ("%s", c->what);
      rf_card_parser_set_default_region (parser, c->region);
      fields = rf_card_parser_parse (parser, c->text, -1);
      check_field (c, fields, RF_CARD_FIELD_NAME, c->name);
      check_field (c, fields, RF_CARD_FIELD_TITLE, c->title);
      check_field (c, fields, RF_CARD_FIELD_COMPANY, c->company);
      check_field (c, fields, RF_CARD_FIELD_EMAIL, c->email);
      check_field (c, fields, RF_CARD_FIELD_PHONE, c->phone);
      check_field (c, fields, RF_CARD_FIELD_WEBSITE, c->website);
      check_field (c, fields, RF_CARD_FIELD_ADDRESS, c->address);
    }
}

static void
test_confidence (void)
{
  g_autoptr(RfCardParser) parser = rf_card_parser_new ();
  g_autoptr(RfCardFields) clean = rf_card_parser_parse (parser,
    "Avery Smith\nSenior Researcher\nContoso\navery.smith@contoso.com\nwww.contoso.com", -1);
  g_autoptr(RfCardFields) guessed = rf_card_parser_parse (parser, "avery.smith@contoso.com", -1);
  g_autoptr(RfCardFields) repaired = rf_card_parser_parse (parser, "avery.smith © contoso ,com", -1);

  /* Agreeing email, website and company lines: sure of all. */
  for (guint i = 0; i < RF_CARD_N_FIELDS; i++)
    if (clean->values[i].value != NULL)
      g_assert_false (clean->values[i].unsure);
  g_assert_cmpfloat (clean->values[RF_CARD_FIELD_EMAIL].confidence, >=, 0.9);

  /* The name and company only guessed from the email: the UI should ask. */
  g_assert_cmpstr (rf_card_fields_get (guessed, RF_CARD_FIELD_NAME), ==, "Avery Smith");
  g_assert_true (guessed->values[RF_CARD_FIELD_NAME].unsure);
  g_assert_true (guessed->values[RF_CARD_FIELD_COMPANY].unsure);

  /* A repaired email is trusted less than a clean one. */
  g_assert_cmpstr (rf_card_fields_get (repaired, RF_CARD_FIELD_EMAIL), ==, "avery.smith@contoso.com");
  g_assert_cmpfloat (repaired->values[RF_CARD_FIELD_EMAIL].confidence, <, clean->values[RF_CARD_FIELD_EMAIL].confidence);
}

static void
test_phones (void)
{
  static const struct { const char *text, *region, *expected; gboolean e164; } numbers[] = {
    { "+44 (0) 20 9876 5432", NULL, "+442098765432", TRUE },
    { "+1 (987) 123-4567", NULL, "+19871234567", TRUE },
    { "0049 30 1234567", NULL, "+49301234567", TRUE },
    { "020 7946 0123", "GB", "+442079460123", TRUE },
    { "(415) 555-0199", "US", "+14155550199", TRUE },
    { "1-800-555-0199", "US", "+18005550199", TRUE },
    { "06 12 34 56 78", "FR", "+33612345678", TRUE },
    { "+4 4 2O 7946 Ol23", NULL, "+442079460123", TRUE },
    { "020 7946 0123", NULL, "020 7946 0123", FALSE },
    { "Yel: +44 (0) 20 9B7GS432", NULL, "+442098765432", TRUE },
    { "+44 (0) 7911 1223456", NULL, "+44 (0) 7911 1223456", FALSE },
    { "12345", "US", NULL, FALSE },
    { "4001 1st Ave", "US", NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      gboolean e164 = FALSE;
      g_autofree char *number = rf_card_normalize_phone (numbers[i].text, numbers[i].region, &e164);

      g_test_message ("%s", numbers[i].text);
      g_assert_cmpstr (number, ==, numbers[i].expected);
      if (number != NULL)
        g_assert_cmpint (e164, ==, numbers[i].e164);
    }
}

static void
test_repairs (void)
{
  static const struct { const char *text, *email, *website; } lines[] = {
    { "E: avery.smith®contoso.com", "avery.smith@contoso.com", NULL },
    { "avery. smith@contoso. com", "avery.smith@contoso.com", NULL },
    { "AVERY.SMITH@CONTOSO.COM", "avery.smith@contoso.com", NULL },
    { "info(at)example.org", "info@example.org", NULL },
    { "a@b", NULL, NULL },
    { "@@@", NULL, NULL },
    { "www,example,com", NULL, "www.example.com" },
    { "https;//www.example.com/team", NULL, "https://www.example.com/team" },
    { "WWW.EXAMPLE.COM", NULL, "www.example.com" },
    { "wvvw.example.com", NULL, "www.example.com" },
    { "ttps://www.example.com]", NULL, "https://www.example.com/" },
    { "Senior Researcher", NULL, NULL },
    { "Mr. Smith. Jones", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *email = rf_card_find_email (lines[i].text, NULL);
      g_autofree char *website = rf_card_find_website (lines[i].text, NULL);

      g_test_message ("%s", lines[i].text);
      g_assert_cmpstr (email, ==, lines[i].email);
      if (lines[i].email == NULL)
        g_assert_cmpstr (website, ==, lines[i].website);
    }
}

static void
test_bad_text (void)
{
  g_autoptr(RfCardParser) parser = rf_card_parser_new ();
  const char invalid[] = "Avery \xff\xfe Smith\n\x01\x02@\x80.com\n+44 \xc3";
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(RfCardFields) fields = rf_card_parser_parse (parser, invalid, sizeof invalid - 1);
  g_autoptr(RfCardFields) long_fields = NULL;
  gint64 start;

  for (guint i = 0; i < RF_CARD_N_FIELDS; i++)
    if (fields->values[i].value != NULL)
      g_assert_true (g_utf8_validate (fields->values[i].value, -1, NULL));

  /* Megabytes of text: bounded, quick. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (long_text, "Avery Smith avery@contoso.com +44 20 7946 0123 www.contoso.com\n");
  start = g_get_monotonic_time ();
  long_fields = rf_card_parser_parse (parser, long_text->str, long_text->len);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpstr (rf_card_fields_get (long_fields, RF_CARD_FIELD_EMAIL), ==, "avery@contoso.com");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/card-parser/table", test_table);
  g_test_add_func ("/card-parser/confidence", test_confidence);
  g_test_add_func ("/card-parser/phones", test_phones);
  g_test_add_func ("/card-parser/repairs", test_repairs);
  g_test_add_func ("/card-parser/bad-text", test_bad_text);
  return g_test_run ();
}
