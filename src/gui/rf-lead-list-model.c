/* rf-lead-list-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rf-gui"

#include "config.h"

#include "rf-lead-dao.h"
#include "rf-lead-list-model.h"

/* Writes arrive in bursts (an import, a bulk status change): one refresh
 * after the burst settles. */
#define REFRESH_DELAY_MS 120
/* Leads fetched per request when refreshing rows in place. */
#define REFRESH_BATCH 256

struct _RfLeadListModel
{
  GObject        parent_instance;

  RfDatabase    *database;
  RfLeadDao     *dao;
  RfLeadQuery   *query;
  GCancellable  *cancellable;   /* replaced with each new query */
  GError        *error;

  GArray        *ids;           /* gint64, in query order */
  GPtrArray     *rows;          /* RfLeadRow or NULL, parallel to ids */
  guint          generation;
  guint          pending;       /* requests in flight */
  GHashTable    *queued_pages;  /* page numbers to fetch when idle */
  guint          fetch_id;
  gboolean       was_loading;
  guint          refresh_id;
  gboolean       refreshing;
  gboolean       refresh_again;
  gulong         changed_id;
};

static void rf_lead_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RfLeadListModel, rf_lead_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, rf_lead_list_model_iface_init))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_LOADING,
  PROP_ERROR,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_QUERY_APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  RfLeadListModel *self;
  GPtrArray       *rows;   /* RfLeadRow, the order asked for */
  guint            generation;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_object_unref (fetch->self);
  g_ptr_array_unref (fetch->rows);
  g_free (fetch);
}

static void
update_loading (RfLeadListModel *self)
{
  gboolean loading = rf_lead_list_model_get_loading (self);

  if (loading == self->was_loading)
    return;
  self->was_loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_pending (RfLeadListModel *self,
             int              delta)
{
  g_assert (delta > 0 || self->pending > 0);
  self->pending += delta;
  update_loading (self);
}

static void
set_error (RfLeadListModel *self,
           GError          *error)
{
  if (error == NULL && self->error == NULL)
    return;
  g_clear_error (&self->error);
  self->error = error != NULL ? g_error_copy (error) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
fetch_ready_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Fetch *fetch = user_data;
  RfLeadListModel *self = fetch->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) leads = rf_lead_dao_get_many_finish (RF_LEAD_DAO (object), result, &error);

  if (leads == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_error (self, error);
    }
  else if (fetch->generation == self->generation)
    {
      guint j = 0;

      /* Leads come in the order asked, missing ones (deleted since) left
       * out: walk both lists together. */
      for (guint i = 0; i < fetch->rows->len && j < leads->len; i++)
        {
          RfLeadRow *row = g_ptr_array_index (fetch->rows, i);
          RfLead *lead = g_ptr_array_index (leads, j);

          if (rf_lead_row_get_id (row) == rf_lead_get_id (lead))
            {
              rf_lead_row_set_lead (row, lead);
              j++;
            }
        }
    }

  set_pending (self, -1);
  fetch_free (fetch);
}

/* Fetches the leads of @rows (taken) in one request. */

static void
fetch_rows (RfLeadListModel *self,
            GPtrArray       *rows)
{
  g_autofree gint64 *ids = g_new (gint64, MAX (rows->len, 1));
  Fetch *fetch;

  if (rows->len == 0)
    {
      g_ptr_array_unref (rows);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    ids[i] = rf_lead_row_get_id (g_ptr_array_index (rows, i));

  fetch = g_new0 (Fetch, 1);
  fetch->self = g_object_ref (self);
  fetch->rows = rows;
  fetch->generation = self->generation;
  set_pending (self, 1);
  rf_lead_dao_get_many_async (self->dao, ids, rows->len, self->cancellable, fetch_ready_cb, fetch);
}

static int
compare_pages (gconstpointer a,
               gconstpointer b)
{
  guint page_a = *(const guint *)a;
  guint page_b = *(const guint *)b;

  return page_a < page_b ? -1 : page_a > page_b;
}

/* Fetches the leads of the queued pages' rows that someone holds. Views
 * sometimes ask for many items they never show (GTK looks through the
 * items of a big change for ones it already has widgets for); those rows
 * are held by nobody once the view is done, and are dropped unfetched. */
static gboolean
fetch_queued_cb (gpointer user_data)
{
  RfLeadListModel *self = user_data;
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key;

  self->fetch_id = 0;
  g_hash_table_iter_init (&iter, self->queued_pages);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint page = GPOINTER_TO_UINT (key);
      g_array_append_val (pages, page);
    }
  g_hash_table_remove_all (self->queued_pages);

  /* A request per page, top first: the first screen arrives first. */
  g_array_sort (pages, compare_pages);
  for (guint p = 0; p < pages->len; p++)
    {
      guint start = g_array_index (pages, guint, p) * RF_LEAD_LIST_MODEL_PAGE_SIZE;
      guint end = MIN (start + RF_LEAD_LIST_MODEL_PAGE_SIZE, self->rows->len);
      GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = start; i < end; i++)
        {
          GObject *row = g_ptr_array_index (self->rows, i);

          if (row == NULL || rf_lead_row_get_lead (RF_LEAD_ROW (row)) != NULL)
            continue;
          if (row->ref_count == 1)
            g_clear_object (&g_ptr_array_index (self->rows, i));
          else
            g_ptr_array_add (rows, g_object_ref (row));
        }
      fetch_rows (self, rows);
    }
  update_loading (self);
  return G_SOURCE_REMOVE;
}

/* Creates the row at @position, and queues its page to be fetched. */
static void
load_page (RfLeadListModel *self,
           guint            position)
{
  g_ptr_array_index (self->rows, position) = rf_lead_row_new (g_array_index (self->ids, gint64, position));
  g_hash_table_add (self->queued_pages, GUINT_TO_POINTER (position / RF_LEAD_LIST_MODEL_PAGE_SIZE));
  if (self->fetch_id == 0)
    self->fetch_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fetch_queued_cb, self, NULL);
  update_loading (self);
}

static GType
rf_lead_list_model_get_item_type (GListModel *model)
{
  return RF_TYPE_LEAD_ROW;
}

static guint
rf_lead_list_model_get_n_items (GListModel *model)
{
  return RF_LEAD_LIST_MODEL (model)->ids->len;
}

static gpointer
rf_lead_list_model_get_item (GListModel *model,
                             guint       position)
{
  RfLeadListModel *self = RF_LEAD_LIST_MODEL (model);

  if (position >= self->ids->len)
    return NULL;
  if (g_ptr_array_index (self->rows, position) == NULL)
    load_page (self, position);
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
rf_lead_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rf_lead_list_model_get_item_type;
  iface->get_n_items = rf_lead_list_model_get_n_items;
  iface->get_item = rf_lead_list_model_get_item;
}

static void
unref_row (gpointer row)
{
  if (row != NULL)
    g_object_unref (row);
}

/* @n rows, each NULL until asked for. */
static GPtrArray *
new_rows (guint n)
{
  GPtrArray *rows = g_ptr_array_new_full (n, unref_row);

  g_ptr_array_set_size (rows, n);
  return rows;
}

/* A new query. The rows a view holds stay, pointed at the leads now at
 * their places: GTK 4.8 makes new widgets for new items (hundreds of rows,
 * ten cells each), but only updates cells when a row's lead changes. So
 * only the difference in length is a change of items. */
static void
replace_all (RfLeadListModel *self,
             GArray          *ids)
{
  GPtrArray *rows = new_rows (ids->len);
  guint old_n = self->ids->len;
  guint kept = MIN (old_n, ids->len);

  for (guint i = 0; i < kept; i++)
    {
      RfLeadRow *row = g_steal_pointer (&g_ptr_array_index (self->rows, i));

      if (row == NULL)
        continue;
      g_ptr_array_index (rows, i) = row;
      /* A row still waiting for its lead is fetched again: the previous
       * query's fetches were cancelled or dropped from the queue. */
      if (rf_lead_row_get_id (row) == g_array_index (ids, gint64, i) &&
          rf_lead_row_get_lead (row) != NULL)
        continue;
      rf_lead_row_set_id (row, g_array_index (ids, gint64, i));
      g_hash_table_add (self->queued_pages, GUINT_TO_POINTER (i / RF_LEAD_LIST_MODEL_PAGE_SIZE));
    }
  if (g_hash_table_size (self->queued_pages) > 0 && self->fetch_id == 0)
    self->fetch_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fetch_queued_cb, self, NULL);

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);
  g_ptr_array_unref (self->rows);
  self->rows = rows;
  if (old_n != ids->len)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), kept, old_n - kept, ids->len - kept);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  g_signal_emit (self, signals[SIGNAL_QUERY_APPLIED], 0);
  update_loading (self);
}

/* The same query after a write: keep the rows before and after what
 * changed, reuse rows that moved, and drop rows nobody else holds (they
 * are made again when asked for). The rest are fetched again. */
static void
replace_changed (RfLeadListModel *self,
                 GArray          *ids)
{
  const gint64 *old_ids = (const gint64 *)(gpointer)self->ids->data;
  const gint64 *new_ids = (const gint64 *)(gpointer)ids->data;
  guint old_n = self->ids->len;
  guint new_n = ids->len;
  guint prefix = 0;
  guint suffix = 0;
  g_autoptr(GHashTable) moved = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  GPtrArray *rows;
  GPtrArray *refetch;

  while (prefix < old_n && prefix < new_n && old_ids[prefix] == new_ids[prefix])
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         old_ids[old_n - 1 - suffix] == new_ids[new_n - 1 - suffix])
    suffix++;

  rows = new_rows (new_n);
  for (guint i = 0; i < prefix; i++)
    g_ptr_array_index (rows, i) = g_steal_pointer (&g_ptr_array_index (self->rows, i));
  for (guint i = 0; i < suffix; i++)
    g_ptr_array_index (rows, new_n - 1 - i) = g_steal_pointer (&g_ptr_array_index (self->rows, old_n - 1 - i));
  for (guint i = prefix; i < old_n - suffix; i++)
    {
      RfLeadRow *row = g_steal_pointer (&g_ptr_array_index (self->rows, i));

      if (row != NULL)
        g_hash_table_insert (moved, &((gint64 *)(gpointer)self->ids->data)[i], row);
    }
  for (guint i = prefix; i < new_n - suffix; i++)
    {
      gpointer row = NULL;

      if (g_hash_table_steal_extended (moved, &new_ids[i], NULL, &row))
        g_ptr_array_index (rows, i) = row;
    }
  g_hash_table_remove_all (moved);

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);
  g_ptr_array_unref (self->rows);
  self->rows = rows;

  refetch = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      GObject *row = g_ptr_array_index (rows, i);

      if (row == NULL)
        continue;
      if (row->ref_count == 1)
        {
          g_clear_object (&g_ptr_array_index (rows, i));
          continue;
        }
      g_ptr_array_add (refetch, g_object_ref (row));
      if (refetch->len == REFRESH_BATCH)
        {
          fetch_rows (self, refetch);
          refetch = g_ptr_array_new_with_free_func (g_object_unref);
        }
    }
  fetch_rows (self, refetch);

  if (old_n - prefix - suffix > 0 || new_n - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix, new_n - prefix - suffix);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

typedef struct
{
  RfLeadListModel *self;
  guint            generation;
  gboolean         refresh;
} ListIds;

static void
list_ids_ready_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ListIds *list = user_data;
  g_autoptr(RfLeadListModel) self = list->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = rf_lead_dao_list_ids_finish (RF_LEAD_DAO (object), result, &error);
  gboolean current = list->generation == self->generation;
  gboolean refresh = list->refresh;

  g_free (list);
  if (refresh)
    self->refreshing = FALSE;

  if (ids == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_error (self, error);
    }
  else if (current)
    {
      set_error (self, NULL);
      if (refresh)
        replace_changed (self, ids);
      else
        replace_all (self, ids);
    }

  set_pending (self, -1);

  if (refresh && self->refresh_again)
    {
      self->refresh_again = FALSE;
      rf_lead_list_model_refresh (self);
    }
}

static void
list_ids (RfLeadListModel *self,
          gboolean         refresh)
{
  ListIds *list = g_new0 (ListIds, 1);

  list->self = g_object_ref (self);
  list->generation = self->generation;
  list->refresh = refresh;
  set_pending (self, 1);
  rf_lead_dao_list_ids_async (self->dao, self->query, self->cancellable, list_ids_ready_cb, list);
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  RfLeadListModel *self = user_data;

  self->refresh_id = 0;
  rf_lead_list_model_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
leads_changed_cb (RfDatabase   *database,
                  const char   *table,
                  RfChangeKind  kind,
                  gint64        id,
                  gpointer      user_data)
{
  RfLeadListModel *self = user_data;

  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

static void
rf_lead_list_model_constructed (GObject *object)
{
  RfLeadListModel *self = RF_LEAD_LIST_MODEL (object);

  G_OBJECT_CLASS (rf_lead_list_model_parent_class)->constructed (object);

  g_assert (RF_IS_DATABASE (self->database));
  self->dao = rf_lead_dao_new (self->database);
  self->changed_id = g_signal_connect (self->database, "changed::leads",
                                       G_CALLBACK (leads_changed_cb), self);
}

static void
rf_lead_list_model_dispose (GObject *object)
{
  RfLeadListModel *self = RF_LEAD_LIST_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->database);
  g_clear_handle_id (&self->fetch_id, g_source_remove);

  G_OBJECT_CLASS (rf_lead_list_model_parent_class)->dispose (object);
}

static void
rf_lead_list_model_finalize (GObject *object)
{
  RfLeadListModel *self = RF_LEAD_LIST_MODEL (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->dao);
  g_clear_object (&self->database);
  g_clear_pointer (&self->query, rf_lead_query_free);
  g_clear_error (&self->error);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->queued_pages, g_hash_table_unref);

  G_OBJECT_CLASS (rf_lead_list_model_parent_class)->finalize (object);
}

static void
rf_lead_list_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RfLeadListModel *self = RF_LEAD_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, rf_lead_list_model_get_loading (self));
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_lead_list_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RfLeadListModel *self = RF_LEAD_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rf_lead_list_model_class_init (RfLeadListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rf_lead_list_model_constructed;
  object_class->dispose = rf_lead_list_model_dispose;
  object_class->finalize = rf_lead_list_model_finalize;
  object_class->get_property = rf_lead_list_model_get_property;
  object_class->set_property = rf_lead_list_model_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, RF_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The leads of a new query are listed (rows may have been pointed at
   * other leads without any items-changed). */
  signals[SIGNAL_QUERY_APPLIED] =
    g_signal_new ("query-applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rf_lead_list_model_init (RfLeadListModel *self)
{
  self->query = rf_lead_query_new ();
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->rows = new_rows (0);
  self->cancellable = g_cancellable_new ();
  self->queued_pages = g_hash_table_new (NULL, NULL);
}

RfLeadListModel *
rf_lead_list_model_new (RfDatabase *database)
{
  g_return_val_if_fail (RF_IS_DATABASE (database), NULL);

  return g_object_new (RF_TYPE_LEAD_LIST_MODEL, "database", database, NULL);
}

RfDatabase *
rf_lead_list_model_get_database (RfLeadListModel *self)
{
  g_return_val_if_fail (RF_IS_LEAD_LIST_MODEL (self), NULL);

  return self->database;
}

const RfLeadQuery *
rf_lead_list_model_get_query (RfLeadListModel *self)
{
  g_return_val_if_fail (RF_IS_LEAD_LIST_MODEL (self), NULL);

  return self->query;
}

/* Lists the leads @query selects (its offset and limit ignored) in place
 * of the current ones. */
void
rf_lead_list_model_set_query (RfLeadListModel   *self,
                              const RfLeadQuery *query)
{
  g_return_if_fail (RF_IS_LEAD_LIST_MODEL (self));
  g_return_if_fail (query != NULL);

  g_clear_pointer (&self->query, rf_lead_query_free);
  self->query = rf_lead_query_copy (query);
  self->query->offset = 0;
  self->query->limit = 0;

  /* Answers to the previous query are of no use now. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->refreshing = FALSE;
  self->refresh_again = FALSE;
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_hash_table_remove_all (self->queued_pages);

  list_ids (self, FALSE);
}

gboolean
rf_lead_list_model_get_loading (RfLeadListModel *self)
{
  g_return_val_if_fail (RF_IS_LEAD_LIST_MODEL (self), FALSE);

  return self->pending > 0 || g_hash_table_size (self->queued_pages) > 0;
}

const GError *
rf_lead_list_model_get_error (RfLeadListModel *self)
{
  g_return_val_if_fail (RF_IS_LEAD_LIST_MODEL (self), NULL);

  return self->error;
}

gint64
rf_lead_list_model_get_id (RfLeadListModel *self,
                           guint            position)
{
  g_return_val_if_fail (RF_IS_LEAD_LIST_MODEL (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}

/* The position of lead @id, or GTK_INVALID_LIST_POSITION (G_MAXUINT). */
guint
rf_lead_list_model_find (RfLeadListModel *self,
                         gint64           id)
{
  g_return_val_if_fail (RF_IS_LEAD_LIST_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

/* Lists the same query again and updates what changed, keeping rows. */
void
rf_lead_list_model_refresh (RfLeadListModel *self)
{
  g_return_if_fail (RF_IS_LEAD_LIST_MODEL (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->refreshing)
    {
      self->refresh_again = TRUE;
      return;
    }
  self->refreshing = TRUE;
  list_ids (self, TRUE);
}
