/* rf-card-review.c: a correction is written to the contact (name, title,
 * email, phone, address) or to its company (company, website)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-card-review.h"
#include "rf-company-dao.h"
#include "rf-contact-dao.h"

/* Below this a field is marked, even when the reader did not flag it. */
#define LOW_CONFIDENCE 0.6

struct _RfCardReview
{
  AdwWindow             parent_instance;

  RfDatabase           *database;
  RfIntakeItem         *item;
  GCancellable         *cancellable;
  guint                 busy;
  AdwEntryRow          *rows[RF_CARD_REVIEW_N_FIELDS];

  GtkPicture           *picture;
  AdwPreferencesGroup  *fields_group;
  AdwToastOverlay      *toast_overlay;
  GtkLabel             *summary_label;
};

G_DEFINE_FINAL_TYPE (RfCardReview, rf_card_review, ADW_TYPE_WINDOW)

typedef struct
{
  RfCardReview      *self;   /* a reference */
  RfCardReviewField  field;
  char              *value;
} Correction;

static void
correction_free (Correction *correction)
{
  g_object_unref (correction->self);
  g_free (correction->value);
  g_free (correction);
}

static void
saving_done (Correction   *correction,
             const GError *error)
{
  RfCardReview *self = correction->self;

  self->busy--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Cannot save the correction: %s"), error->message);
      /* Toast titles are markup; the message is not. */
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }
  /* The user has checked it: no longer unsure. */
  rf_intake_item_set_field (self->item, correction->field, correction->value, 1.0, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->rows[correction->field]), "unsure-field");
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Correction saved")));
}

static void
update_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Correction *correction = user_data;
  g_autoptr(GError) error = NULL;

  if (RF_IS_CONTACT_DAO (object))
    rf_contact_dao_update_finish (RF_CONTACT_DAO (object), result, &error);
  else
    rf_company_dao_update_finish (RF_COMPANY_DAO (object), result, &error);
  saving_done (correction, error);
  correction_free (correction);
}

static void
company_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Correction *correction = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RfCompany) company = rf_company_dao_get_finish (RF_COMPANY_DAO (object), result, &error);

  if (company == NULL)
    {
      saving_done (correction, error);
      correction_free (correction);
      return;
    }
  if (correction->field == RF_CARD_REVIEW_COMPANY)
    rf_company_set_name (company, correction->value);
  else
    rf_company_set_website (company, correction->value);
  rf_company_dao_update_async (RF_COMPANY_DAO (object), company, correction->self->cancellable,
                               update_ready_cb, correction);
}

static void
contact_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Correction *correction = user_data;
  RfCardReview *self = correction->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RfContact) contact = rf_contact_dao_get_finish (RF_CONTACT_DAO (object), result, &error);
  const char *value = correction->value;

  if (contact == NULL)
    {
      saving_done (correction, error);
      correction_free (correction);
      return;
    }

  switch (correction->field)
    {
    case RF_CARD_REVIEW_NAME:
      rf_contact_set_name (contact, value);
      break;
    case RF_CARD_REVIEW_TITLE:
      rf_contact_set_title (contact, value);
      break;
    case RF_CARD_REVIEW_EMAIL:
      rf_contact_set_email (contact, value);
      break;
    case RF_CARD_REVIEW_PHONE:
      rf_contact_set_phone (contact, value);
      break;
    case RF_CARD_REVIEW_ADDRESS:
      rf_contact_set_address (contact, value);
      break;
    case RF_CARD_REVIEW_COMPANY:
    case RF_CARD_REVIEW_WEBSITE:
      {
        g_autoptr(RfCompanyDao) dao = rf_company_dao_new (self->database);

        if (rf_contact_get_company_id (contact) <= 0)
          {
            g_autoptr(GError) none = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                                          _("The contact has no company"));
            saving_done (correction, none);
            correction_free (correction);
            return;
          }
        rf_company_dao_get_async (dao, rf_contact_get_company_id (contact), self->cancellable,
                                  company_ready_cb, correction);
        return;
      }
    case RF_CARD_REVIEW_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  rf_contact_dao_update_async (RF_CONTACT_DAO (object), contact, self->cancellable, update_ready_cb, correction);
}

static void
row_apply_cb (AdwEntryRow  *row,
              RfCardReview *self)
{
  RfCardReviewField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "field"));
  g_autoptr(RfContactDao) dao = NULL;
  Correction *correction;
  gint64 contact_id = rf_intake_item_get_contact_id (self->item);

  if (contact_id <= 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("This lead has no contact to correct")));
      return;
    }
  correction = g_new0 (Correction, 1);
  correction->self = g_object_ref (self);
  correction->field = field;
  correction->value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  self->busy++;
  dao = rf_contact_dao_new (self->database);
  rf_contact_dao_get_async (dao, contact_id, self->cancellable, contact_ready_cb, correction);
}

static void
add_rows (RfCardReview *self)
{
  guint unsure = 0;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < RF_CARD_REVIEW_N_FIELDS; i++)
    {
      const RfIntakeField *field = rf_intake_item_get_field (self->item, i);
      AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
      GtkWidget *confidence;
      g_autofree char *percent = NULL;
      g_autofree char *description = NULL;
      gboolean flagged = field->value != NULL && (field->unsure || field->confidence < LOW_CONFIDENCE);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rf_card_review_field_label (i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_entry_row_set_show_apply_button (row, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (row), field->value != NULL ? field->value : "");
      g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "apply", G_CALLBACK (row_apply_cb), self, 0);

      if (field->value != NULL)
        /* Translators: how sure the card reader is of a field, e.g. "87 %" */
        percent = g_strdup_printf (_("%d %%"), (int)(field->confidence * 100 + 0.5));
      else
        percent = g_strdup (C_("card field", "Not found"));
      confidence = gtk_label_new (percent);
      gtk_widget_add_css_class (confidence, "dim-label");
      gtk_widget_add_css_class (confidence, "numeric");
      if (flagged)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (confidence, "confidence-low");
          gtk_widget_set_tooltip_text (icon, _("The reader is unsure of this field: check it"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Unsure"), -1);
          adw_entry_row_add_suffix (row, icon);
          gtk_widget_add_css_class (GTK_WIDGET (row), "unsure-field");
          unsure++;
        }
      adw_entry_row_add_suffix (row, confidence);

      /* Translators: "Email, confidence 87 %" */
      description = g_strdup_printf (_("%s, confidence %s"), rf_card_review_field_label (i), percent);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);

      adw_preferences_group_add (self->fields_group, GTK_WIDGET (row));
      self->rows[i] = row;
    }

  /* The first field to check has the focus (else the window would select the name). */
  for (guint i = 0; i < RF_CARD_REVIEW_N_FIELDS; i++)
    if (gtk_widget_has_css_class (GTK_WIDGET (self->rows[i]), "unsure-field"))
      {
        gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->rows[i]));
        break;
      }

  if (unsure > 0)
    summary = g_strdup_printf (ngettext ("%u field needs a look: it is highlighted. Press Enter or ✓ to save a correction.",
                                         "%u fields need a look: they are highlighted. Press Enter or ✓ to save a correction.",
                                         unsure),
                               unsure);
  else
    summary = g_strdup (_("Every field was read with confidence. Correct any that is wrong: press Enter or ✓ to save."));
  gtk_label_set_text (self->summary_label, summary);
}

static void
rf_card_review_dispose (GObject *object)
{
  RfCardReview *self = RF_CARD_REVIEW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RF_TYPE_CARD_REVIEW);

  G_OBJECT_CLASS (rf_card_review_parent_class)->dispose (object);
}

static void
rf_card_review_finalize (GObject *object)
{
  RfCardReview *self = RF_CARD_REVIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (rf_card_review_parent_class)->finalize (object);
}

static void
rf_card_review_class_init (RfCardReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rf_card_review_dispose;
  object_class->finalize = rf_card_review_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gui/rf-card-review.ui");
  gtk_widget_class_bind_template_child (widget_class, RfCardReview, picture);
  gtk_widget_class_bind_template_child (widget_class, RfCardReview, fields_group);
  gtk_widget_class_bind_template_child (widget_class, RfCardReview, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RfCardReview, summary_label);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rf_card_review_init (RfCardReview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

RfCardReview *
rf_card_review_new (RfDatabase   *database,
                    RfIntakeItem *item)
{
  RfCardReview *self;
  GFile *file;

  g_return_val_if_fail (RF_IS_DATABASE (database), NULL);
  g_return_val_if_fail (RF_IS_INTAKE_ITEM (item), NULL);

  self = g_object_new (RF_TYPE_CARD_REVIEW, NULL);
  self->database = g_object_ref (database);
  self->item = g_object_ref (item);
  gtk_window_set_title (GTK_WINDOW (self), rf_intake_item_get_title (item));
  file = rf_intake_item_get_file (item);
  if (file != NULL)
    gtk_picture_set_file (self->picture, file);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rf_intake_item_get_title (item), -1);
  add_rows (self);
  return self;
}

AdwEntryRow *
rf_card_review_get_row (RfCardReview      *self,
                        RfCardReviewField  field)
{
  g_return_val_if_fail (RF_IS_CARD_REVIEW (self), NULL);
  g_return_val_if_fail (field < RF_CARD_REVIEW_N_FIELDS, NULL);
  return self->rows[field];
}

gboolean
rf_card_review_get_busy (RfCardReview *self)
{
  g_return_val_if_fail (RF_IS_CARD_REVIEW (self), FALSE);
  return self->busy > 0;
}
