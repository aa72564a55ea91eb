/* rf-signal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-model"

#include "rf-signal.h"
#include "rf-model-private.h"

struct _RfSignal
{
  GObject parent_instance;

  gint64 id;
  RfSourceType source_type;
  char *raw_text;
  char *extra_text;
  char *file_name;
  char *file_hash;
  char *dedup_key;
  char *import_batch;
  gint64 company_id;
  gint64 contact_id;
  gint64 received_at;
};

G_DEFINE_FINAL_TYPE (RfSignal, rf_signal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SOURCE_TYPE,
  PROP_RAW_TEXT,
  PROP_EXTRA_TEXT,
  PROP_FILE_NAME,
  PROP_FILE_HASH,
  PROP_DEDUP_KEY,
  PROP_IMPORT_BATCH,
  PROP_COMPANY_ID,
  PROP_CONTACT_ID,
  PROP_RECEIVED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rf_signal_finalize (GObject *object)
{
  RfSignal *self = (RfSignal *)object;

  g_free (self->raw_text);
  g_free (self->extra_text);
  g_free (self->file_name);
  g_free (self->file_hash);
  g_free (self->dedup_key);
  g_free (self->import_batch);

  G_OBJECT_CLASS (rf_signal_parent_class)->finalize (object);
}

static void
rf_signal_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RfSignal *self = RF_SIGNAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_SOURCE_TYPE:
      g_value_set_enum (value, self->source_type);
      break;

    case PROP_RAW_TEXT:
      g_value_set_string (value, self->raw_text);
      break;

    case PROP_EXTRA_TEXT:
      g_value_set_string (value, self->extra_text);
      break;

    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;

    case PROP_FILE_HASH:
      g_value_set_string (value, self->file_hash);
      break;

    case PROP_DEDUP_KEY:
      g_value_set_string (value, self->dedup_key);
      break;

    case PROP_IMPORT_BATCH:
      g_value_set_string (value, self->import_batch);
      break;

    case PROP_COMPANY_ID:
      g_value_set_int64 (value, self->company_id);
      break;

    case PROP_CONTACT_ID:
      g_value_set_int64 (value, self->contact_id);
      break;

    case PROP_RECEIVED_AT:
      g_value_set_int64 (value, self->received_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_signal_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RfSignal *self = RF_SIGNAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      rf_signal_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_SOURCE_TYPE:
      rf_signal_set_source_type (self, g_value_get_enum (value));
      break;

    case PROP_RAW_TEXT:
      rf_signal_set_raw_text (self, g_value_get_string (value));
      break;

    case PROP_EXTRA_TEXT:
      rf_signal_set_extra_text (self, g_value_get_string (value));
      break;

    case PROP_FILE_NAME:
      rf_signal_set_file_name (self, g_value_get_string (value));
      break;

    case PROP_FILE_HASH:
      rf_signal_set_file_hash (self, g_value_get_string (value));
      break;

    case PROP_DEDUP_KEY:
      rf_signal_set_dedup_key (self, g_value_get_string (value));
      break;

    case PROP_IMPORT_BATCH:
      rf_signal_set_import_batch (self, g_value_get_string (value));
      break;

    case PROP_COMPANY_ID:
      rf_signal_set_company_id (self, g_value_get_int64 (value));
      break;

    case PROP_CONTACT_ID:
      rf_signal_set_contact_id (self, g_value_get_int64 (value));
      break;

    case PROP_RECEIVED_AT:
      rf_signal_set_received_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_signal_class_init (RfSignalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rf_signal_finalize;
  object_class->get_property = rf_signal_get_property;
  object_class->set_property = rf_signal_set_property;

  /* Database row id, 0 until stored. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);
  /* Where the signal came from. */
  properties[PROP_SOURCE_TYPE] =
    g_param_spec_enum ("source-type", NULL, NULL,
                        RF_TYPE_SOURCE_TYPE, RF_SOURCE_TYPE_MANUAL, RF_PARAM_RW);
  /* The text as received. */
  properties[PROP_RAW_TEXT] =
    g_param_spec_string ("raw-text", NULL, NULL, NULL, RF_PARAM_RW);
  /* Extra fields kept beside the text, e.g. unmapped CSV columns. */
  properties[PROP_EXTRA_TEXT] =
    g_param_spec_string ("extra-text", NULL, NULL, NULL, RF_PARAM_RW);
  /* Name of the file it came from, if any. */
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL, RF_PARAM_RW);
  /* SHA-256 of the file it came from, if any. */
  properties[PROP_FILE_HASH] =
    g_param_spec_string ("file-hash", NULL, NULL, NULL, RF_PARAM_RW);
  /* Key that makes a second copy of the same input a no-op. */
  properties[PROP_DEDUP_KEY] =
    g_param_spec_string ("dedup-key", NULL, NULL, NULL, RF_PARAM_RW);
  /* Id of the import that made it, if any. */
  properties[PROP_IMPORT_BATCH] =
    g_param_spec_string ("import-batch", NULL, NULL, NULL, RF_PARAM_RW);
  /* Row id of the company, 0 for none. */
  properties[PROP_COMPANY_ID] =
    g_param_spec_int64 ("company-id", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);
  /* Row id of the contact, 0 for none. */
  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);
  /* Arrival time, Unix seconds. */
  properties[PROP_RECEIVED_AT] =
    g_param_spec_int64 ("received-at", NULL, NULL,
                         G_MININT64, G_MAXINT64, 0, RF_PARAM_RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rf_signal_init (RfSignal *self)
{
  self->source_type = RF_SOURCE_TYPE_MANUAL;
}

RfSignal *
rf_signal_new (void)
{
  return g_object_new (RF_TYPE_SIGNAL, NULL);
}

/* A deep copy: a snapshot another thread may own. */
RfSignal *
rf_signal_copy (RfSignal *self)
{
  RfSignal *copy;

  g_return_val_if_fail (RF_IS_SIGNAL (self), NULL);

  copy = rf_signal_new ();
  copy->id = self->id;
  copy->source_type = self->source_type;
  copy->raw_text = g_strdup (self->raw_text);
  copy->extra_text = g_strdup (self->extra_text);
  copy->file_name = g_strdup (self->file_name);
  copy->file_hash = g_strdup (self->file_hash);
  copy->dedup_key = g_strdup (self->dedup_key);
  copy->import_batch = g_strdup (self->import_batch);
  copy->company_id = self->company_id;
  copy->contact_id = self->contact_id;
  copy->received_at = self->received_at;

  return copy;
}

gint64
rf_signal_get_id (RfSignal *self)
{
  g_return_val_if_fail (RF_IS_SIGNAL (self), 0);

  return self->id;
}

void
rf_signal_set_id (RfSignal *self,
                  gint64    value)
{
  g_return_if_fail (RF_IS_SIGNAL (self));

  if (rf_model_set_int64 (&self->id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

RfSourceType
rf_signal_get_source_type (RfSignal *self)
{
  g_return_val_if_fail (RF_IS_SIGNAL (self), RF_SOURCE_TYPE_MANUAL);

  return self->source_type;
}

void
rf_signal_set_source_type (RfSignal     *self,
                           RfSourceType  value)
{
  g_return_if_fail (RF_IS_SIGNAL (self));

  if (rf_model_set_enum ((int *)&self->source_type, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_TYPE]);
}

const char *
rf_signal_get_raw_text (RfSignal *self)
{
  g_return_val_if_fail (RF_IS_SIGNAL (self), NULL);

  return self->raw_text;
}

void
rf_signal_set_raw_text (RfSignal   *self,
                        const char *value)
{
  g_return_if_fail (RF_IS_SIGNAL (self));

  if (rf_model_set_string (&self->raw_text, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RAW_TEXT]);
}

const char *
rf_signal_get_extra_text (RfSignal *self)
{
  g_return_val_if_fail (RF_IS_SIGNAL (self), NULL);

  return self->extra_text;
}

void
rf_signal_set_extra_text (RfSignal   *self,
                          const char *value)
{
  g_return_if_fail (RF_IS_SIGNAL (self));

  if (rf_model_set_string (&self->extra_text, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTRA_TEXT]);
}

const char *
rf_signal_get_file_name (RfSignal *self)
{
  g_return_val_if_fail (RF_IS_SIGNAL (self), NULL);

  return self->file_name;
}

void
rf_signal_set_file_name (RfSignal   *self,
                         const char *value)
{
  g_return_if_fail (RF_IS_SIGNAL (self));

  if (rf_model_set_string (&self->file_name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_NAME]);
}

const char *
rf_signal_get_file_hash (RfSignal *self)
{
  g_return_val_if_fail (RF_IS_SIGNAL (self), NULL);

  return self->file_hash;
}

void
rf_signal_set_file_hash (RfSignal   *self,
                         const char *value)
{
  g_return_if_fail (RF_IS_SIGNAL (self));

  if (rf_model_set_string (&self->file_hash, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_HASH]);
}

const char *
rf_signal_get_dedup_key (RfSignal *self)
{
  g_return_val_if_fail (RF_IS_SIGNAL (self), NULL);

  return self->dedup_key;
}

void
rf_signal_set_dedup_key (RfSignal   *self,
                         const char *value)
{
  g_return_if_fail (RF_IS_SIGNAL (self));

  if (rf_model_set_string (&self->dedup_key, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEDUP_KEY]);
}

const char *
rf_signal_get_import_batch (RfSignal *self)
{
  g_return_val_if_fail (RF_IS_SIGNAL (self), NULL);

  return self->import_batch;
}

void
rf_signal_set_import_batch (RfSignal   *self,
                            const char *value)
{
  g_return_if_fail (RF_IS_SIGNAL (self));

  if (rf_model_set_string (&self->import_batch, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORT_BATCH]);
}

gint64
rf_signal_get_company_id (RfSignal *self)
{
  g_return_val_if_fail (RF_IS_SIGNAL (self), 0);

  return self->company_id;
}

void
rf_signal_set_company_id (RfSignal *self,
                          gint64    value)
{
  g_return_if_fail (RF_IS_SIGNAL (self));

  if (rf_model_set_int64 (&self->company_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY_ID]);
}

gint64
rf_signal_get_contact_id (RfSignal *self)
{
  g_return_val_if_fail (RF_IS_SIGNAL (self), 0);

  return self->contact_id;
}

void
rf_signal_set_contact_id (RfSignal *self,
                          gint64    value)
{
  g_return_if_fail (RF_IS_SIGNAL (self));

  if (rf_model_set_int64 (&self->contact_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_ID]);
}

gint64
rf_signal_get_received_at (RfSignal *self)
{
  g_return_val_if_fail (RF_IS_SIGNAL (self), 0);

  return self->received_at;
}

void
rf_signal_set_received_at (RfSignal *self,
                           gint64    value)
{
  g_return_if_fail (RF_IS_SIGNAL (self));

  if (rf_model_set_int64 (&self->received_at, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVED_AT]);
}
