/* rf-model-private.h: helpers shared by the model's setters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <math.h>

G_BEGIN_DECLS

#define RF_PARAM_RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

/* Each returns TRUE when the field changed, so the caller notifies. */

static inline gboolean
rf_model_set_string (char       **field,
                     const char  *value)
{
  char *copy;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
  return TRUE;
}

static inline gboolean
rf_model_set_strv (char               ***field,
                   const char * const   *value)
{
  char **copy;

  if ((const char * const *)*field == value)
    return FALSE;
  if (*field != NULL && value != NULL && g_strv_equal ((const char * const *)*field, value))
    return FALSE;

  copy = g_strdupv ((char **)value);
  g_strfreev (*field);
  *field = copy;
  return TRUE;
}

static inline gboolean
rf_model_set_boolean (gboolean *field,
                      gboolean  value)
{
  value = !!value;
  if (*field == value)
    return FALSE;
  *field = value;
  return TRUE;
}

static inline gboolean
rf_model_set_int64 (gint64 *field,
                    gint64  value)
{
  if (*field == value)
    return FALSE;
  *field = value;
  return TRUE;
}

static inline gboolean
rf_model_set_double (double *field,
                     double  value)
{
  /* Bitwise equality would call NaN != NaN a change on every set. */
  if (*field == value || (isnan (*field) && isnan (value)))
    return FALSE;
  *field = value;
  return TRUE;
}

static inline gboolean
rf_model_set_enum (int *field,
                   int  value)
{
  if (*field == value)
    return FALSE;
  *field = value;
  return TRUE;
}

G_END_DECLS
