-- Schema 2: what an import made, so that it can be reverted, and the log
-- of merged duplicates, so that a merge can be undone.

-- The import batch that created a company or contact (NULL when it was
-- made another way). A revert deletes those that nothing else uses.
ALTER TABLE companies ADD COLUMN import_batch TEXT;
ALTER TABLE contacts ADD COLUMN import_batch TEXT;
CREATE INDEX companies_by_batch ON companies (import_batch) WHERE import_batch IS NOT NULL;
CREATE INDEX contacts_by_batch ON contacts (import_batch) WHERE import_batch IS NOT NULL;

-- "Is this company or contact still used?" without scanning: reverts,
-- merges and the foreign keys' ON DELETE SET NULL all ask it.
CREATE INDEX contacts_by_company ON contacts (company_id) WHERE company_id IS NOT NULL;
CREATE INDEX signals_by_company ON signals (company_id) WHERE company_id IS NOT NULL;
CREATE INDEX signals_by_contact ON signals (contact_id) WHERE contact_id IS NOT NULL;

-- One merge of a duplicate into a primary record. The duplicate's row and
-- the primary's row before the merge are kept as JSON objects, and the
-- ids of the rows that were moved from one to the other as JSON arrays,
-- so that undoing puts everything back as it was.
CREATE TABLE merge_log (
  id               INTEGER PRIMARY KEY,
  kind             TEXT    NOT NULL CHECK (kind IN ('company', 'contact')),
  primary_id       INTEGER NOT NULL,
  duplicate_id     INTEGER NOT NULL,
  duplicate_row    TEXT    NOT NULL,
  primary_row      TEXT    NOT NULL,
  moved_leads      TEXT    NOT NULL DEFAULT '[]',
  moved_signals    TEXT    NOT NULL DEFAULT '[]',
  moved_contacts   TEXT    NOT NULL DEFAULT '[]',
  merged_at        INTEGER NOT NULL,
  undone_at        INTEGER
);
CREATE INDEX merge_log_by_primary ON merge_log (kind, primary_id);
