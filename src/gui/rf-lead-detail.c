/* rf-lead-detail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rf-activity-log.h"
#include "rf-card-thumbnail.h"
#include "rf-gui-labels.h"
#include "rf-lead-dao.h"
#include "rf-lead-detail.h"
#include "rf-scoring.h"
#include "rf-signal-dao.h"

/* Notes are saved after the user pauses typing this long. */
#define NOTES_SAVE_DELAY_MS 700

struct _RfLeadDetail
{
  GtkWidget      parent_instance;

  RfDatabase    *database;
  RfLeadEngine  *engine;
  gulong         engine_notify_id;
  gint64         writing_id;    /* the lead whose dossier is being written */
  RfLeadDao     *lead_dao;
  RfSignalDao   *signal_dao;
  gulong         changed_id;
  gint64         lead_id;
  RfLead        *lead;
  GCancellable  *cancellable;   /* loads of the lead shown */
  guint          loading;
  guint          saving;
  guint          notes_timeout_id;
  gboolean       updating;

  GtkStack      *stack;
  GtkLabel      *company_label;
  GtkLabel      *contact_label;
  GtkLabel      *total_label;
  GtkLabel      *bucket_label;
  GtkWidget     *email_box;
  GtkLinkButton *email_link;
  GtkWidget     *phone_box;
  GtkLinkButton *phone_link;
  GtkWidget     *website_box;
  GtkLinkButton *website_link;
  GtkDropDown   *status_dropdown;
  GtkWidget     *write_dossier_button;
  GtkWidget     *dossier_spinner;
  GtkLabel      *dossier_error;
  GtkLevelBar   *fit_bar;
  GtkLevelBar   *pain_bar;
  GtkLevelBar   *quality_bar;
  GtkLabel      *fit_value;
  GtkLabel      *pain_value;
  GtkLabel      *quality_value;
  GtkLabel      *explanation_label;
  GtkLabel      *matched_label;
  GtkLabel      *classifier_label;
  GtkWidget     *tags_section;
  GtkFlowBox    *tags_box;
  GtkWidget     *spin_section;
  GtkLabel      *spin_situation;
  GtkLabel      *spin_problem;
  GtkLabel      *spin_implication;
  GtkLabel      *spin_need_payoff;
  GtkWidget     *meddic_section;
  GtkLabel      *meddic_buyer;
  GtkLabel      *meddic_pain;
  GtkLabel      *meddic_flags;
  GtkWidget     *dossier_section;
  GtkLabel      *dossier_snapshot;
  GtkLabel      *dossier_why;
  GtkLabel      *dossier_truth;
  GtkLabel      *dossier_reframe;
  GtkLabel      *dossier_angles;
  GtkLabel      *dossier_insight;
  GtkLabel      *dossier_model;
  GtkWidget     *signal_section;
  GtkLabel      *signal_label;
  GtkPicture    *card_picture;
  GtkTextView   *notes_view;
  GtkLabel      *notes_state;
  RfActivityLog *activity_log;
};

G_DEFINE_FINAL_TYPE (RfLeadDetail, rf_lead_detail, GTK_TYPE_WIDGET)

/* Links: built from stored text, opened only when clicked. */

static char *
email_uri (const char *email)
{
  g_autofree char *escaped = NULL;

  if (email == NULL || strchr (email, '@') == NULL)
    return NULL;
  escaped = g_uri_escape_string (email, "@+", FALSE);
  return g_strconcat ("mailto:", escaped, NULL);
}

static char *
phone_uri (const char *phone)
{
  GString *uri;

  if (phone == NULL)
    return NULL;
  uri = g_string_new ("tel:");
  for (const char *p = phone; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || (*p == '+' && uri->len == 4))
      g_string_append_c (uri, *p);
  if (uri->len < 7)
    {
      g_string_free (uri, TRUE);
      return NULL;
    }
  return g_string_free (uri, FALSE);
}

static char *
website_uri (const char *website)
{
  g_autofree char *uri = NULL;
  g_autofree char *scheme = NULL;

  if (website == NULL || *website == '\0')
    return NULL;
  uri = strstr (website, "://") != NULL ? g_strdup (website) : g_strconcat ("https://", website, NULL);
  scheme = g_uri_parse_scheme (uri);
  if (scheme == NULL || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    return NULL;
  if (!g_uri_is_valid (uri, G_URI_FLAGS_PARSE_RELAXED, NULL))
    return NULL;
  return g_steal_pointer (&uri);
}

static void
set_link (GtkWidget     *box,
          GtkLinkButton *link,
          const char    *text,
          char          *uri)
{
  gtk_widget_set_visible (box, uri != NULL);
  if (uri != NULL)
    {
      gtk_button_set_label (GTK_BUTTON (link), text);
      gtk_link_button_set_uri (link, uri);
      gtk_widget_set_tooltip_text (GTK_WIDGET (link), uri);
    }
  g_free (uri);
}

static gboolean
activate_link_cb (GtkLinkButton *link,
                  RfLeadDetail  *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *uri = gtk_link_button_get_uri (link);

#if defined (GDK_VERSION_4_10) && GDK_VERSION_MIN_REQUIRED >= GDK_VERSION_4_10
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);
    gtk_uri_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL, NULL);
  }
#else
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
#endif
  return TRUE;
}

/* Filling. Everything shown comes from the store as plain text: labels
 * never parse markup. */

static void
set_value (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL && *text != '\0' ? text : "—");
}

static void
set_list (GtkLabel           *label,
          const char * const *items)
{
  g_autofree char *text = NULL;

  if (items != NULL && items[0] != NULL && items[1] == NULL)
    text = g_strdup (items[0]);
  else if (items != NULL && items[0] != NULL)
    {
      GString *list = g_string_new (NULL);

      for (guint i = 0; items[i] != NULL; i++)
        g_string_append_printf (list, "%s• %s", i > 0 ? "\n" : "", items[i]);
      text = g_string_free (list, FALSE);
    }
  set_value (label, text);
}

static gboolean
any_text (const char *first, ...)
{
  va_list args;
  gboolean any = FALSE;

  va_start (args, first);
  for (const char *text = first; text != NULL; text = va_arg (args, const char *))
    if (*text != '\0')
      any = TRUE;
  va_end (args);
  return any;
}

static void
set_bar (GtkLevelBar *bar,
         GtkLabel    *label,
         double       value,
         double       max)
{
  g_autofree char *text = g_strdup_printf ("%.0f / %.0f", rf_gui_shown_score (value), max);

  gtk_level_bar_set_value (bar, CLAMP (value, 0, max));
  gtk_label_set_text (label, text);
}

static void
fill_tags (RfLeadDetail       *self,
           const char * const *tags)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_flow_box_remove (self->tags_box, child);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *text = rf_gui_humanize (tags[i]);
      GtkWidget *tag = gtk_label_new (text);

      gtk_widget_add_css_class (tag, "tag");
      gtk_flow_box_append (self->tags_box, tag);
    }
  gtk_widget_set_visible (self->tags_section, tags != NULL && tags[0] != NULL);
}

/* Write Dossier: shown while the lead has none, working only when the
 * engine can reach the larger model. */
static void
update_dossier_button (RfLeadDetail *self)
{
  RfDossier *dossier = self->lead != NULL ? rf_lead_get_dossier (self->lead) : NULL;
  gboolean has = dossier != NULL && rf_dossier_get_snapshot (dossier) != NULL;
  gboolean writing = self->writing_id > 0 && self->writing_id == self->lead_id;
  gboolean enabled = self->engine != NULL && rf_lead_engine_get_dossiers_enabled (self->engine);
  g_autofree char *tooltip = NULL;

  gtk_widget_set_visible (self->write_dossier_button, !has || writing);
  gtk_widget_set_visible (self->dossier_spinner, writing);
  gtk_spinner_set_spinning (GTK_SPINNER (self->dossier_spinner), writing);
  gtk_widget_set_sensitive (self->write_dossier_button, enabled && self->lead != NULL && self->writing_id == 0);

  if (self->engine == NULL)
    tooltip = g_strdup (_("The lead engine is not running"));
  else if (!enabled)
    /* Translators: %s says why, e.g. "Ollama is not running" */
    tooltip = g_strdup_printf (_("Dossiers need the larger model: %s"),
                               rf_lead_engine_get_status_message (self->engine));
  else if (writing)
    tooltip = g_strdup (_("Writing the dossier…"));
  else
    tooltip = g_strdup (_("Ask the larger model for this lead’s dossier"));
  gtk_widget_set_tooltip_text (self->write_dossier_button, tooltip);
}

static void
fill_dossier (RfLeadDetail *self,
              RfDossier    *dossier)
{
  gboolean has = dossier != NULL && rf_dossier_get_snapshot (dossier) != NULL;

  gtk_widget_set_visible (self->dossier_section, has);
  update_dossier_button (self);
  if (!has)
    return;
  set_value (self->dossier_snapshot, rf_dossier_get_snapshot (dossier));
  set_list (self->dossier_why, rf_dossier_get_why_pain (dossier));
  set_value (self->dossier_truth, rf_dossier_get_uncomfortable_truth (dossier));
  set_value (self->dossier_reframe, rf_dossier_get_reframe (dossier));
  set_list (self->dossier_angles, rf_dossier_get_best_angle (dossier));
  set_value (self->dossier_insight, rf_dossier_get_challenger_insight (dossier));
  set_value (self->dossier_model, rf_dossier_get_model (dossier));
}

static void
fill (RfLeadDetail *self)
{
  RfLead *lead = self->lead;
  RfClassification *c = rf_lead_get_classification (lead);
  RfScoreBucket bucket = rf_lead_get_score_bucket (lead);
  const char * const *criteria = rf_classification_get_matched_criteria (c);
  const char * const *keywords = rf_classification_get_matched_keywords (c);
  g_autofree char *total = g_strdup_printf ("%.0f", rf_gui_shown_score (rf_lead_get_total_score (lead)));
  g_autofree char *contact_line = rf_gui_format_contact_line (rf_lead_get_contact_name (lead),
                                                             rf_lead_get_contact_title (lead),
                                                             rf_classification_get_role_type (c));
  g_autofree char *criteria_text = criteria != NULL && criteria[0] != NULL ? g_strjoinv (", ", (char **)criteria) : NULL;
  g_autofree char *keywords_text = keywords != NULL && keywords[0] != NULL ? g_strjoinv (", ", (char **)keywords) : NULL;
  g_autofree char *matched = NULL;
  g_autofree char *classifier = NULL;
  const char *prompt = rf_classification_get_prompt_version (c);

  /* Pasted text may name no company: say so, not a lone dash. */
  rf_gui_set_text_or_placeholder (self->company_label, rf_lead_get_company_name (lead), _("No company"));
  gtk_label_set_text (self->contact_label, contact_line != NULL ? contact_line : "");
  gtk_widget_set_visible (GTK_WIDGET (self->contact_label), contact_line != NULL);

  set_link (self->email_box, self->email_link, rf_lead_get_contact_email (lead),
            email_uri (rf_lead_get_contact_email (lead)));
  set_link (self->phone_box, self->phone_link, rf_lead_get_contact_phone (lead),
            phone_uri (rf_lead_get_contact_phone (lead)));
  set_link (self->website_box, self->website_link, rf_lead_get_company_website (lead),
            website_uri (rf_lead_get_company_website (lead)));

  gtk_label_set_text (self->total_label, total);
  gtk_label_set_text (self->bucket_label, rf_score_bucket_label (bucket));
  rf_gui_set_bucket_css_class (GTK_WIDGET (self->bucket_label), bucket);

  set_bar (self->fit_bar, self->fit_value, rf_classification_get_score_fit (c), 50);
  set_bar (self->pain_bar, self->pain_value, rf_classification_get_score_pain (c), 40);
  set_bar (self->quality_bar, self->quality_value, rf_classification_get_score_data_quality (c), 10);
  set_value (self->explanation_label, rf_classification_get_explanation (c));
  if (criteria_text != NULL || keywords_text != NULL)
    /* Translators: ICP criteria, then pain keywords that matched */
    matched = g_strdup_printf (_("Matched: %s\nKeywords: %s"),
                               criteria_text != NULL ? criteria_text : "—",
                               keywords_text != NULL ? keywords_text : "—");
  gtk_label_set_text (self->matched_label, matched != NULL ? matched : "");
  gtk_widget_set_visible (GTK_WIDGET (self->matched_label), matched != NULL);
  if (prompt != NULL && *prompt != '\0')
    /* Translators: which classifier scored the lead, and with which prompt */
    classifier = g_strdup_printf (_("Scored by %s, prompt %s"), rf_classification_get_classifier (c), prompt);
  else
    /* Translators: which classifier scored the lead */
    classifier = g_strdup_printf (_("Scored by %s"), rf_classification_get_classifier (c));
  gtk_label_set_text (self->classifier_label, classifier);

  fill_tags (self, rf_classification_get_pain_tags (c));

  set_value (self->spin_situation, rf_classification_get_spin_situation (c));
  set_value (self->spin_problem, rf_classification_get_spin_problem (c));
  set_value (self->spin_implication, rf_classification_get_spin_implication (c));
  set_value (self->spin_need_payoff, rf_classification_get_spin_need_payoff (c));
  gtk_widget_set_visible (self->spin_section,
                          any_text (rf_classification_get_spin_situation (c) ?: "",
                                    rf_classification_get_spin_problem (c) ?: "",
                                    rf_classification_get_spin_implication (c) ?: "",
                                    rf_classification_get_spin_need_payoff (c) ?: "", NULL));
  set_value (self->meddic_buyer, rf_classification_get_meddic_economic_buyer (c));
  set_value (self->meddic_pain, rf_classification_get_meddic_key_pain (c));
  set_list (self->meddic_flags, rf_classification_get_meddic_chaos_flags (c));

  fill_dossier (self, rf_lead_get_dossier (lead));

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown, rf_lead_get_status (lead));
  self->updating = FALSE;
}

static void
set_notes_text (RfLeadDetail *self,
                const char   *notes)
{
  self->updating = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes != NULL ? notes : "", -1);
  self->updating = FALSE;
  gtk_label_set_text (self->notes_state, "");
}

static void
card_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RfLeadDetail) self = user_data;

  self->loading--;
  if (rf_card_thumbnail_finish_into (result, self->card_picture))
    gtk_widget_set_visible (self->signal_section, TRUE);
}

static void
signal_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RfLeadDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RfSignal) signal = rf_signal_dao_get_finish (RF_SIGNAL_DAO (object), result, &error);
  const char *text = signal != NULL ? rf_signal_get_raw_text (signal) : NULL;
  const char *card_hash = signal != NULL ? rf_card_thumbnail_signal_hash (signal) : NULL;

  self->loading--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_label_set_text (self->signal_label, text != NULL ? text : "");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->signal_label)), text != NULL && *text != '\0');
  gtk_widget_set_visible (self->signal_section, text != NULL && *text != '\0');
  gtk_picture_set_paintable (self->card_picture, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->card_picture), FALSE);
  if (card_hash != NULL)
    {
      self->loading++;
      rf_card_thumbnail_load_async (self->database, card_hash, self->cancellable, card_ready_cb, g_object_ref (self));
    }
}

typedef struct
{
  RfLeadDetail *self;
  gboolean      fresh;   /* another lead: fill the notes too */
} Load;

static void
lead_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(RfLeadDetail) self = load->self;
  gboolean fresh = load->fresh;
  g_autoptr(GError) error = NULL;
  g_autoptr(RfLead) lead = rf_lead_dao_get_finish (RF_LEAD_DAO (object), result, &error);

  g_free (load);
  self->loading--;
  if (lead == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  g_set_object (&self->lead, lead);
  fill (self);
  if (fresh)
    {
      set_notes_text (self, rf_lead_get_notes (lead));
      self->loading++;
      rf_signal_dao_get_async (self->signal_dao, rf_lead_get_signal_id (lead), self->cancellable,
                               signal_ready_cb, g_object_ref (self));
    }
  gtk_stack_set_visible_child_name (self->stack, "lead");
}

static void
load_lead (RfLeadDetail *self,
           gboolean      fresh)
{
  Load *load = g_new0 (Load, 1);

  load->self = g_object_ref (self);
  load->fresh = fresh;
  self->loading++;
  rf_lead_dao_get_async (self->lead_dao, self->lead_id, self->cancellable, lead_ready_cb, load);
}

static void
leads_changed_cb (RfDatabase   *database,
                  const char   *table,
                  RfChangeKind  kind,
                  gint64        id,
                  RfLeadDetail *self)
{
  if (self->lead_id > 0 && (kind == RF_CHANGE_MANY || id == self->lead_id))
    load_lead (self, FALSE);
}

static void
dossier_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RfLeadDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RfLead) lead = rf_lead_engine_write_dossier_finish (RF_LEAD_ENGINE (object), result, &error);
  gint64 written = self->writing_id;

  self->writing_id = 0;
  if (self->dossier_error == NULL)   /* disposed meanwhile */
    return;
  if (lead == NULL && written == self->lead_id)
    {
      /* Translators: %s is the engine's message, e.g. the model is missing */
      g_autofree char *text = g_strdup_printf (_("The dossier was not written: %s"), error->message);

      gtk_label_set_text (self->dossier_error, text);
      gtk_widget_set_visible (GTK_WIDGET (self->dossier_error), TRUE);
    }
  /* A written dossier comes back through "changed::leads". */
  update_dossier_button (self);
}

static void
write_dossier_cb (RfLeadDetail *self)
{
  if (self->engine == NULL || self->lead_id <= 0 || self->writing_id > 0)
    return;
  self->writing_id = self->lead_id;
  gtk_widget_set_visible (GTK_WIDGET (self->dossier_error), FALSE);
  update_dossier_button (self);
  rf_lead_engine_write_dossier_async (self->engine, self->lead_id, NULL, dossier_written_cb, g_object_ref (self));
}

static void
engine_notify_cb (RfLeadDetail *self)
{
  update_dossier_button (self);
}

/* Status and notes. */

static void
status_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RfLeadDetail) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving--;
  if (!rf_lead_dao_set_status_finish (RF_LEAD_DAO (object), result, &error))
    g_warning ("Cannot set the status: %s", error->message);
}

static void
status_selected_cb (RfLeadDetail *self)
{
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  if (self->updating || self->lead == NULL || status >= RF_N_LEAD_STATUSES ||
      status == rf_lead_get_status (self->lead))
    return;
  self->saving++;
  rf_lead_dao_set_status_async (self->lead_dao, self->lead_id, status, NULL,
                                status_saved_cb, g_object_ref (self));
}

static void
notes_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RfLeadDetail) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving--;
  if (self->notes_state == NULL)   /* disposed meanwhile */
    return;
  if (!rf_lead_dao_set_notes_finish (RF_LEAD_DAO (object), result, &error))
    {
      gtk_label_set_text (self->notes_state, _("Notes not saved"));
      g_warning ("Cannot save notes: %s", error->message);
      return;
    }
  if (self->saving == 0 && self->notes_timeout_id == 0)
    gtk_label_set_text (self->notes_state, _("Saved"));
}

void
rf_lead_detail_save_notes (RfLeadDetail *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_return_if_fail (RF_IS_LEAD_DETAIL (self));

  if (self->notes_timeout_id == 0)
    return;
  g_clear_handle_id (&self->notes_timeout_id, g_source_remove);

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* Not cancelled with the lead: a save outlives switching leads. */
  self->saving++;
  rf_lead_dao_set_notes_async (self->lead_dao, self->lead_id, text, NULL, notes_saved_cb, g_object_ref (self));
}

static gboolean
notes_timeout_cb (gpointer user_data)
{
  RfLeadDetail *self = user_data;

  rf_lead_detail_save_notes (self);
  return G_SOURCE_REMOVE;
}

static void
notes_changed_cb (GtkTextBuffer *buffer,
                  RfLeadDetail  *self)
{
  if (self->updating || self->lead_id <= 0)
    return;
  g_clear_handle_id (&self->notes_timeout_id, g_source_remove);
  self->notes_timeout_id = g_timeout_add (NOTES_SAVE_DELAY_MS, notes_timeout_cb, self);
  gtk_label_set_text (self->notes_state, _("Editing…"));
}

static void
rf_lead_detail_dispose (GObject *object)
{
  RfLeadDetail *self = RF_LEAD_DETAIL (object);

  /* Typed notes are saved, whatever happens to the window. */
  if (self->notes_timeout_id != 0 && self->lead_dao != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      g_clear_handle_id (&self->notes_timeout_id, g_source_remove);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      rf_lead_dao_set_notes_async (self->lead_dao, self->lead_id, text, NULL, NULL, NULL);
    }
  g_clear_handle_id (&self->notes_timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->database != NULL)
    g_clear_signal_handler (&self->changed_id, self->database);
  if (self->engine != NULL)
    g_clear_signal_handler (&self->engine_notify_id, self->engine);
  g_clear_object (&self->engine);
  gtk_widget_dispose_template (GTK_WIDGET (self), RF_TYPE_LEAD_DETAIL);
  /* Template children without an id are not unparented by that. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->lead);
  g_clear_object (&self->lead_dao);
  g_clear_object (&self->signal_dao);
  g_clear_object (&self->database);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rf_lead_detail_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RfLeadDetail, name)

static void
rf_lead_detail_class_init (RfLeadDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rf_lead_detail_dispose;

  g_type_ensure (RF_TYPE_ACTIVITY_LOG);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gui/rf-lead-detail.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  BIND (stack); BIND (company_label); BIND (contact_label); BIND (total_label); BIND (bucket_label);
  BIND (email_box); BIND (email_link); BIND (phone_box); BIND (phone_link);
  BIND (website_box); BIND (website_link); BIND (status_dropdown); BIND (write_dossier_button);
  BIND (dossier_spinner); BIND (dossier_error);
  BIND (fit_bar); BIND (pain_bar); BIND (quality_bar); BIND (fit_value); BIND (pain_value);
  BIND (quality_value); BIND (explanation_label); BIND (matched_label); BIND (classifier_label);
  BIND (tags_section); BIND (tags_box); BIND (spin_section); BIND (spin_situation);
  BIND (spin_problem); BIND (spin_implication); BIND (spin_need_payoff); BIND (meddic_section);
  BIND (meddic_buyer); BIND (meddic_pain); BIND (meddic_flags); BIND (dossier_section);
  BIND (dossier_snapshot); BIND (dossier_why); BIND (dossier_truth); BIND (dossier_reframe);
  BIND (dossier_angles); BIND (dossier_insight); BIND (dossier_model); BIND (signal_section);
  BIND (signal_label); BIND (card_picture); BIND (notes_view); BIND (notes_state); BIND (activity_log);
  gtk_widget_class_bind_template_callback (widget_class, activate_link_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, write_dossier_cb);
}

#undef BIND

static void
rf_lead_detail_init (RfLeadDetail *self)
{
  g_autoptr(GListModel) statuses = rf_gui_status_list_new ();
  GtkLevelBar *bars[] = { NULL, NULL, NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  rf_gui_name_drop_down (self->status_dropdown, _("Lead status"));
  self->cancellable = g_cancellable_new ();

  self->updating = TRUE;
  gtk_drop_down_set_model (self->status_dropdown, statuses);
  self->updating = FALSE;

  /* Plain bars in the accent colour, not low/high/full. */
  bars[0] = self->fit_bar;
  bars[1] = self->pain_bar;
  bars[2] = self->quality_bar;
  for (guint i = 0; i < G_N_ELEMENTS (bars); i++)
    {
      gtk_level_bar_remove_offset_value (bars[i], GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (bars[i], GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (bars[i], GTK_LEVEL_BAR_OFFSET_FULL);
    }

  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (notes_changed_cb), self);
  update_dossier_button (self);
}

void
rf_lead_detail_set_database (RfLeadDetail *self,
                             RfDatabase   *database)
{
  g_return_if_fail (RF_IS_LEAD_DETAIL (self));
  g_return_if_fail (RF_IS_DATABASE (database));
  g_return_if_fail (self->database == NULL);

  self->database = g_object_ref (database);
  self->lead_dao = rf_lead_dao_new (database);
  self->signal_dao = rf_signal_dao_new (database);
  self->changed_id = g_signal_connect (database, "changed::leads", G_CALLBACK (leads_changed_cb), self);
  rf_activity_log_set_database (self->activity_log, database);
}

void
rf_lead_detail_set_engine (RfLeadDetail *self,
                           RfLeadEngine *engine)
{
  g_return_if_fail (RF_IS_LEAD_DETAIL (self));
  g_return_if_fail (engine == NULL || RF_IS_LEAD_ENGINE (engine));

  if (self->engine != NULL)
    g_clear_signal_handler (&self->engine_notify_id, self->engine);
  g_set_object (&self->engine, engine);
  if (engine != NULL)
    self->engine_notify_id = g_signal_connect_swapped (engine, "notify::dossiers-enabled",
                                                       G_CALLBACK (engine_notify_cb), self);
  update_dossier_button (self);
}

void
rf_lead_detail_set_lead_id (RfLeadDetail *self,
                            gint64        id)
{
  g_return_if_fail (RF_IS_LEAD_DETAIL (self));
  g_return_if_fail (self->database != NULL);

  if (id == self->lead_id)
    return;

  rf_lead_detail_save_notes (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->lead);
  self->lead_id = id;
  gtk_widget_set_visible (GTK_WIDGET (self->dossier_error), FALSE);
  rf_activity_log_set_lead_id (self->activity_log, id);

  if (id <= 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  load_lead (self, TRUE);
}

gint64
rf_lead_detail_get_lead_id (RfLeadDetail *self)
{
  g_return_val_if_fail (RF_IS_LEAD_DETAIL (self), 0);

  return self->lead_id;
}

RfLead *
rf_lead_detail_get_lead (RfLeadDetail *self)
{
  g_return_val_if_fail (RF_IS_LEAD_DETAIL (self), NULL);

  return self->lead;
}

/* Loading or saving anything, or notes waiting to be saved. */
gboolean
rf_lead_detail_get_busy (RfLeadDetail *self)
{
  g_return_val_if_fail (RF_IS_LEAD_DETAIL (self), FALSE);

  return self->loading > 0 || self->saving > 0 || self->notes_timeout_id != 0 ||
         rf_activity_log_get_loading (self->activity_log);
}
