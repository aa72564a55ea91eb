/* test-vcard.c: cards from phones and CRMs, and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rf-csv-reader.h"
#include "rf-vcard.h"

static void
test_read_versions (void)
{
  const char *text =
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Avery Smith\r\nN:Smith;Avery;;Dr.;\r\nORG:Contoso;Cloud & AI\r\n"
    "TITLE:Senior Researcher\r\nEMAIL;TYPE=work:avery.smith@contoso.com\r\n"
    "TEL;VALUE=uri;TYPE=cell:tel:+44-7911-123456\r\nURL:https://www.contoso.com/\r\n"
    "ADR:;;2 Kingdom Street\\, Paddington;London;;W2 6BD;UK\r\n"
    "NOTE:Met at the expo\\nkeen on\r\n  a pilot\r\nEND:VCARD\r\n"
    /* 2.1 from an old phone: quoted-printable, Latin-1, soft line break. */
    "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen\n"
    "TEL;CELL:+49 170 1234567\nNOTE;ENCODING=QUOTED-PRINTABLE:line one=0D=0A=\nline two\nitem1.X-SOCIAL:in/jm\nEND:VCARD\n"
    "garbage between cards\n"
    /* 3.0 without END: dropped, the others kept. */
    "BEGIN:VCARD\nVERSION:3.0\nFN:Never Ends\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = rf_vcard_parse (text, strlen (text), &error);
  RfVcard *avery;
  RfVcard *juergen;
  RfMappedRow row = { 0 };

  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 2);

  avery = g_ptr_array_index (cards, 0);
  g_assert_cmpstr (avery->formatted_name, ==, "Avery Smith");
  g_assert_cmpstr (avery->given_name, ==, "Avery");
  g_assert_cmpstr (avery->organization, ==, "Contoso");
  g_assert_cmpstr (g_ptr_array_index (avery->emails, 0), ==, "avery.smith@contoso.com");
  g_assert_cmpstr (g_ptr_array_index (avery->phones, 0), ==, "+44-7911-123456");
  g_assert_cmpstr (avery->address, ==, "2 Kingdom Street, Paddington, London, W2 6BD, UK");
  g_assert_cmpstr (avery->note, ==, "Met at the expo\nkeen on a pilot");

  juergen = g_ptr_array_index (cards, 1);
  g_assert_cmpstr (juergen->family_name, ==, "Müller");
  g_assert_cmpstr (juergen->given_name, ==, "Jürgen");
  g_assert_cmpstr (juergen->note, ==, "line one\r\nline two");
  g_assert_nonnull (strstr (juergen->other->str, "X-SOCIAL: in/jm"));

  rf_vcard_to_row (juergen, &row);
  g_assert_null (row.company);
  g_assert_cmpstr (rf_contact_get_name (row.contact), ==, "Jürgen Müller");
  g_assert_cmpstr (rf_contact_get_phone (row.contact), ==, "+49 170 1234567");
  g_assert_cmpint (rf_signal_get_source_type (row.signal), ==, RF_SOURCE_TYPE_VCARD);
  rf_mapped_row_clear (&row);
}

static void
test_round_trip (void)
{
  g_autoptr(RfVcard) card = rf_vcard_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autofree char *text = NULL;
  RfVcard *back;

  card->formatted_name = g_strdup ("Zoë O'Brien, Jr.");
  card->family_name = g_strdup ("O'Brien");
  card->given_name = g_strdup ("Zoë");
  card->organization = g_strdup ("Acme; Sons");
  card->title = g_strdup ("Head of Growth");
  card->note = g_strdup ("Score 82.5 (red_hot)\nA very long note that goes on and on past seventy-five octets so the line "
                         "must fold somewhere in the middle of these ünïcödé words");
  card->address = g_strdup ("1 Main St, Springfield");
  card->url = g_strdup ("https://acme.example");
  g_ptr_array_add (card->emails, g_strdup ("zoe@acme.example"));
  g_ptr_array_add (card->phones, g_strdup ("+1 555 0100"));

  text = rf_vcard_to_string (card);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCARD\r\nVERSION:4.0\r\n"));
  /* No line over 75 octets, none cut inside a character. */
  {
    g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_assert_cmpuint (strlen (lines[i]), <=, 75);
        g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      }
  }

  cards = rf_vcard_parse (text, strlen (text), &error);
  g_assert_no_error (error);
  back = g_ptr_array_index (cards, 0);
  g_assert_cmpstr (back->formatted_name, ==, card->formatted_name);
  g_assert_cmpstr (back->family_name, ==, card->family_name);
  g_assert_cmpstr (back->given_name, ==, card->given_name);
  g_assert_cmpstr (back->organization, ==, card->organization);
  g_assert_cmpstr (back->title, ==, card->title);
  g_assert_cmpstr (back->note, ==, card->note);
  g_assert_cmpstr (back->url, ==, card->url);
  g_assert_cmpstr (back->address, ==, card->address);
  g_assert_cmpstr (g_ptr_array_index (back->emails, 0), ==, "zoe@acme.example");
  g_assert_cmpstr (g_ptr_array_index (back->phones, 0), ==, "+1-555-0100");
}

static void
test_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = rf_vcard_parse ("Name,Email\nJo,jo@x.io\n", 21, &error);

  g_assert_null (none);
  g_assert_error (error, RF_CSV_ERROR, RF_CSV_ERROR_EMPTY);
  g_clear_error (&error);
  none = rf_vcard_parse ("BEGIN:VCARD\0binary", 18, &error);
  g_assert_null (none);
  g_assert_error (error, RF_CSV_ERROR, RF_CSV_ERROR_NOT_TEXT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vcard/read-versions", test_read_versions);
  g_test_add_func ("/vcard/round-trip", test_round_trip);
  g_test_add_func ("/vcard/bad-input", test_bad_input);

  return g_test_run ();
}
