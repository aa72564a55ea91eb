/* rf-column-mapping.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Headers are matched by synonyms, as CRMs and prospecting tools export
 * them (HubSpot, Apollo, LinkedIn Sales Navigator, Salesforce, Google
 * Contacts), after folding case and punctuation: "E-mail 1 - Value" and
 * "email 1 value" are the same header.
 */

#define G_LOG_DOMAIN "rf-ingest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "rf-column-mapping.h"

struct _RfColumnMapping
{
  GObject      parent_instance;

  GPtrArray   *headers;
  GArray      *fields;   /* RfLeadField per column */
};

G_DEFINE_FINAL_TYPE (RfColumnMapping, rf_column_mapping, G_TYPE_OBJECT)

static const char * const field_nicks[RF_N_LEAD_FIELDS] = {
  NULL, "company", "website", "name", "first_name", "last_name", "title", "email",
  "phone", "text", "industry", "size", "location", "address",
};

/* Normalised headers, most specific first where two fields could claim
 * one ("company website" is a website, not a company). */
static const struct
{
  RfLeadField  field;
  const char  *headers[24];
} synonyms[] = {
  { RF_LEAD_FIELD_WEBSITE, { "website", "company website", "domain", "company domain", "url", "web",
                             "website url", "homepage", "home page", "site", "web site", "company url",
                             "organization domain", "account website", "website 1 value",
                             /* HubSpot's companies, Pipedrive, Apollo */
                             "company domain name", "domain name", "company website url", "organization website",
                             "website address", NULL } },
  { RF_LEAD_FIELD_EMAIL, { "email", "email address", "e mail", "work email", "e mail 1 value", "email 1 value",
                           "primary email", "business email", "email 1", "contact email", "e mail address", NULL } },
  { RF_LEAD_FIELD_PHONE, { "phone", "phone number", "mobile phone", "mobile", "work phone", "telephone", "tel",
                           "cell", "cell phone", "corporate phone", "phone 1 value", "direct phone",
                           "business phone", "contact phone", "mobile number", NULL } },
  { RF_LEAD_FIELD_FIRST_NAME, { "first name", "firstname", "given name", "first", "forename", NULL } },
  { RF_LEAD_FIELD_LAST_NAME, { "last name", "lastname", "surname", "family name", "last", NULL } },
  { RF_LEAD_FIELD_NAME, { "name", "full name", "contact name", "contact", "person", "lead name",
                          "contact full name", "display name", NULL } },
  { RF_LEAD_FIELD_TITLE, { "title", "job title", "position", "role", "designation", "job role",
                           "organization 1 title", "current title", NULL } },
  { RF_LEAD_FIELD_COMPANY, { "company", "company name", "organization", "organisation", "account name",
                             "account", "employer", "business name", "company name for emails",
                             "current company", "organization 1 name", "organization name", "brand", NULL } },
  { RF_LEAD_FIELD_TEXT, { "notes", "note", "description", "job description", "comments", "comment", "about",
                          "summary", "message", "signal", "signal text", "text", "job post", "details",
                          "lead notes", NULL } },
  { RF_LEAD_FIELD_INDUSTRY, { "industry", "sector", "vertical", "company industry", NULL } },
  { RF_LEAD_FIELD_SIZE, { "size", "company size", "employees", "number of employees", "employee count",
                          "headcount", "no of employees", "num employees", "nb employees", "employees count",
                          NULL } },
  { RF_LEAD_FIELD_LOCATION, { "location", "city", "country", "state", "region", "geography", "company city",
                              "company country", "company state", "hq location", NULL } },
  { RF_LEAD_FIELD_ADDRESS, { "address", "street", "street address", "mailing address", "billing address",
                             "address 1 formatted", "postal address", NULL } },
};

const char *
rf_lead_field_to_nick (RfLeadField field)
{
  return field < RF_N_LEAD_FIELDS ? field_nicks[field] : NULL;
}

gboolean
rf_lead_field_from_nick (const char  *nick,
                         RfLeadField *field)
{
  if (nick == NULL)
    {
      *field = RF_LEAD_FIELD_NONE;
      return TRUE;
    }
  for (guint i = 1; i < RF_N_LEAD_FIELDS; i++)
    if (g_str_equal (nick, field_nicks[i]))
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rf_lead_field_label (RfLeadField field)
{
  switch (field)
    {
    case RF_LEAD_FIELD_COMPANY: return _("Company");
    case RF_LEAD_FIELD_WEBSITE: return _("Website");
    case RF_LEAD_FIELD_NAME: return _("Name");
    case RF_LEAD_FIELD_FIRST_NAME: return _("First name");
    case RF_LEAD_FIELD_LAST_NAME: return _("Last name");
    case RF_LEAD_FIELD_TITLE: return _("Job title");
    case RF_LEAD_FIELD_EMAIL: return _("Email");
    case RF_LEAD_FIELD_PHONE: return _("Phone");
    case RF_LEAD_FIELD_TEXT: return _("Signal text");
    case RF_LEAD_FIELD_INDUSTRY: return _("Industry");
    case RF_LEAD_FIELD_SIZE: return _("Company size");
    case RF_LEAD_FIELD_LOCATION: return _("Location");
    case RF_LEAD_FIELD_ADDRESS: return _("Address");
    case RF_LEAD_FIELD_NONE:
    default:
      return _("Keep as extra text");
    }
}

static void
rf_column_mapping_finalize (GObject *object)
{
  RfColumnMapping *self = (RfColumnMapping *)object;

  g_ptr_array_unref (self->headers);
  g_array_unref (self->fields);

  G_OBJECT_CLASS (rf_column_mapping_parent_class)->finalize (object);
}

static void
rf_column_mapping_class_init (RfColumnMappingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rf_column_mapping_finalize;
}

static void
rf_column_mapping_init (RfColumnMapping *self)
{
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->fields = g_array_new (FALSE, TRUE, sizeof (RfLeadField));
}

/* "E-mail 1 - Value" -> "e mail 1 value". */
static char *
normalize_header (const char *header)
{
  g_autofree char *folded = g_utf8_casefold (header != NULL ? header : "", -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isalnum (ch))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, ch);
        }
      else
        space = TRUE;
    }
  return g_string_free (out, FALSE);
}

static RfLeadField
detect_field (const char *header)
{
  g_autofree char *normalized = normalize_header (header);

  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    if (g_strv_contains (synonyms[i].headers, normalized))
      return synonyms[i].field;
  return RF_LEAD_FIELD_NONE;
}

RfColumnMapping *
rf_column_mapping_new_detect (const char * const *header,
                              guint               n_columns)
{
  RfColumnMapping *self = g_object_new (RF_TYPE_COLUMN_MAPPING, NULL);

  for (guint i = 0; i < n_columns; i++)
    {
      RfLeadField field = detect_field (header[i]);
      g_autofree char *trimmed = g_strstrip (g_strdup (header[i] != NULL ? header[i] : ""));

      g_ptr_array_add (self->headers, *trimmed != '\0' ? g_steal_pointer (&trimmed)
                                                       : g_strdup_printf (_("Column %u"), i + 1));
      g_array_append_val (self->fields, field);
    }
  return self;
}

guint
rf_column_mapping_get_n_columns (RfColumnMapping *self)
{
  g_return_val_if_fail (RF_IS_COLUMN_MAPPING (self), 0);

  return self->headers->len;
}

const char *
rf_column_mapping_get_header (RfColumnMapping *self,
                              guint            column)
{
  g_return_val_if_fail (RF_IS_COLUMN_MAPPING (self), NULL);
  g_return_val_if_fail (column < self->headers->len, NULL);

  return g_ptr_array_index (self->headers, column);
}

RfLeadField
rf_column_mapping_get_field (RfColumnMapping *self,
                             guint            column)
{
  g_return_val_if_fail (RF_IS_COLUMN_MAPPING (self), RF_LEAD_FIELD_NONE);
  g_return_val_if_fail (column < self->fields->len, RF_LEAD_FIELD_NONE);

  return g_array_index (self->fields, RfLeadField, column);
}

void
rf_column_mapping_set_field (RfColumnMapping *self,
                             guint            column,
                             RfLeadField      field)
{
  g_return_if_fail (RF_IS_COLUMN_MAPPING (self));
  g_return_if_fail (column < self->fields->len);
  g_return_if_fail (field < RF_N_LEAD_FIELDS);

  g_array_index (self->fields, RfLeadField, column) = field;
}

gboolean
rf_column_mapping_has_field (RfColumnMapping *self,
                             RfLeadField      field)
{
  g_return_val_if_fail (RF_IS_COLUMN_MAPPING (self), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    if (g_array_index (self->fields, RfLeadField, i) == field)
      return TRUE;
  return FALSE;
}

/* The same set of headers, in any case or punctuation, gives the same key:
 * a mapping the user fixed is remembered for the next export of its kind. */
char *
rf_column_mapping_dup_key (RfColumnMapping *self)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  g_return_val_if_fail (RF_IS_COLUMN_MAPPING (self), NULL);

  for (guint i = 0; i < self->headers->len; i++)
    {
      g_autofree char *normalized = normalize_header (g_ptr_array_index (self->headers, i));
      g_string_append (joined, normalized);
      g_string_append_c (joined, '\x1f');
    }
  return g_compute_checksum_for_string (G_CHECKSUM_SHA1, joined->str, joined->len);
}

/* {"Header": "field" or null, ...} in column order. */
char *
rf_column_mapping_to_string (RfColumnMapping *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (RF_IS_COLUMN_MAPPING (self), NULL);

  json_builder_begin_object (builder);
  for (guint i = 0; i < self->headers->len; i++)
    {
      const char *nick = rf_lead_field_to_nick (g_array_index (self->fields, RfLeadField, i));

      json_builder_set_member_name (builder, g_ptr_array_index (self->headers, i));
      if (nick != NULL)
        json_builder_add_string_value (builder, nick);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Applies a mapping saved with _to_string() to columns of the same names;
 * columns it does not name keep what was detected. */
gboolean
rf_column_mapping_load_string (RfColumnMapping  *self,
                               const char       *saved,
                               GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  g_return_val_if_fail (RF_IS_COLUMN_MAPPING (self), FALSE);

  if (!json_parser_load_from_data (parser, saved != NULL ? saved : "", -1, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("A column mapping must be a JSON object"));
      return FALSE;
    }
  object = json_node_get_object (json_parser_get_root (parser));

  for (guint i = 0; i < self->headers->len; i++)
    {
      JsonNode *node = json_object_get_member (object, g_ptr_array_index (self->headers, i));
      RfLeadField field;

      if (node == NULL)
        continue;
      if (JSON_NODE_HOLDS_NULL (node))
        field = RF_LEAD_FIELD_NONE;
      else if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
               !rf_lead_field_from_nick (json_node_get_string (node), &field))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Unknown lead field for the column “%s”"),
                       (const char *)g_ptr_array_index (self->headers, i));
          return FALSE;
        }
      g_array_index (self->fields, RfLeadField, i) = field;
    }
  return TRUE;
}

static void
append_joined (GString    **slot,
               const char  *value,
               const char  *separator)
{
  if (*slot == NULL)
    *slot = g_string_new (value);
  else
    {
      g_string_append (*slot, separator);
      g_string_append (*slot, value);
    }
}

/* Builds company, contact and signal from one record. Surplus cells past
 * the header are kept as extra text ("Column 7: ..."); missing ones are
 * blank. */
void
rf_column_mapping_apply (RfColumnMapping    *self,
                         const char * const *cells,
                         guint               n_cells,
                         RfMappedRow        *row)
{
  GString *values[RF_N_LEAD_FIELDS] = { NULL };
  g_autoptr(GString) extra = g_string_new (NULL);
  g_autofree char *name = NULL;
  const char *text;

  g_return_if_fail (RF_IS_COLUMN_MAPPING (self));
  g_return_if_fail (row != NULL);

  for (guint i = 0; i < n_cells; i++)
    {
      g_autofree char *value = g_strstrip (g_strdup (cells[i] != NULL ? cells[i] : ""));
      RfLeadField field = i < self->fields->len ? g_array_index (self->fields, RfLeadField, i) : RF_LEAD_FIELD_NONE;

      if (*value == '\0')
        continue;

      switch (field)
        {
        case RF_LEAD_FIELD_NONE:
          g_string_append_printf (extra, "%s%s: %s", extra->len > 0 ? "\n" : "",
                                  i < self->headers->len ? (const char *)g_ptr_array_index (self->headers, i)
                                                         : _("Extra"),
                                  value);
          break;
        case RF_LEAD_FIELD_TEXT:
          append_joined (&values[field], value, "\n\n");
          break;
        case RF_LEAD_FIELD_LOCATION:
        case RF_LEAD_FIELD_ADDRESS:
          append_joined (&values[field], value, ", ");
          break;
        case RF_LEAD_FIELD_COMPANY:
        case RF_LEAD_FIELD_WEBSITE:
        case RF_LEAD_FIELD_NAME:
        case RF_LEAD_FIELD_FIRST_NAME:
        case RF_LEAD_FIELD_LAST_NAME:
        case RF_LEAD_FIELD_TITLE:
        case RF_LEAD_FIELD_EMAIL:
        case RF_LEAD_FIELD_PHONE:
        case RF_LEAD_FIELD_INDUSTRY:
        case RF_LEAD_FIELD_SIZE:
        default:
          /* The first non-empty value wins (a work email before a personal one). */
          if (values[field] == NULL)
            values[field] = g_string_new (value);
          break;
        }
    }

#define VALUE(f) (values[f] != NULL ? values[f]->str : NULL)

  if (VALUE (RF_LEAD_FIELD_NAME) != NULL)
    name = g_strdup (VALUE (RF_LEAD_FIELD_NAME));
  else if (VALUE (RF_LEAD_FIELD_FIRST_NAME) != NULL || VALUE (RF_LEAD_FIELD_LAST_NAME) != NULL)
    name = g_strstrip (g_strjoin (" ", VALUE (RF_LEAD_FIELD_FIRST_NAME) ?: "", VALUE (RF_LEAD_FIELD_LAST_NAME) ?: "", NULL));

  row->company = NULL;
  row->contact = NULL;
  if (VALUE (RF_LEAD_FIELD_COMPANY) != NULL || VALUE (RF_LEAD_FIELD_WEBSITE) != NULL)
    {
      row->company = rf_company_new ();
      rf_company_set_name (row->company, VALUE (RF_LEAD_FIELD_COMPANY));
      rf_company_set_website (row->company, VALUE (RF_LEAD_FIELD_WEBSITE));
      rf_company_set_industry (row->company, VALUE (RF_LEAD_FIELD_INDUSTRY));
      rf_company_set_size (row->company, VALUE (RF_LEAD_FIELD_SIZE));
      rf_company_set_location (row->company, VALUE (RF_LEAD_FIELD_LOCATION));
    }
  if (name != NULL || VALUE (RF_LEAD_FIELD_EMAIL) != NULL || VALUE (RF_LEAD_FIELD_PHONE) != NULL)
    {
      row->contact = rf_contact_new ();
      rf_contact_set_name (row->contact, name);
      rf_contact_set_title (row->contact, VALUE (RF_LEAD_FIELD_TITLE));
      rf_contact_set_email (row->contact, VALUE (RF_LEAD_FIELD_EMAIL));
      rf_contact_set_phone (row->contact, VALUE (RF_LEAD_FIELD_PHONE));
      rf_contact_set_address (row->contact, VALUE (RF_LEAD_FIELD_ADDRESS));
    }

  /* With no text column, the row itself is the signal: what the rules
   * and the model read. */
  text = VALUE (RF_LEAD_FIELD_TEXT);
  row->signal = rf_signal_new ();
  rf_signal_set_source_type (row->signal, RF_SOURCE_TYPE_CSV);
  rf_signal_set_raw_text (row->signal, text != NULL ? text : "");
  rf_signal_set_extra_text (row->signal, extra->str);

  /* Industry, size, location and title are signal too. */
  if (text == NULL)
    {
      g_autoptr(GString) summary = g_string_new (NULL);
      const RfLeadField described[] = { RF_LEAD_FIELD_TITLE, RF_LEAD_FIELD_COMPANY, RF_LEAD_FIELD_INDUSTRY,
                                        RF_LEAD_FIELD_SIZE, RF_LEAD_FIELD_LOCATION };

      for (guint i = 0; i < G_N_ELEMENTS (described); i++)
        if (VALUE (described[i]) != NULL)
          g_string_append_printf (summary, "%s%s: %s", summary->len > 0 ? "\n" : "",
                                  rf_lead_field_label (described[i]), VALUE (described[i]));
      if (extra->len > 0)
        g_string_append_printf (summary, "%s%s", summary->len > 0 ? "\n" : "", extra->str);
      rf_signal_set_raw_text (row->signal, summary->str);
    }
#undef VALUE

  for (guint i = 0; i < RF_N_LEAD_FIELDS; i++)
    if (values[i] != NULL)
      g_string_free (values[i], TRUE);
}

void
rf_mapped_row_clear (RfMappedRow *row)
{
  g_clear_object (&row->company);
  g_clear_object (&row->contact);
  g_clear_object (&row->signal);
}
