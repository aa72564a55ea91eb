-- Schema 1: the seed's tables (icp_profiles, companies, contacts, signals,
-- leads, activities). Times are Unix seconds (UTC). Lists are JSON arrays.

CREATE TABLE icp_profiles (
  id               INTEGER PRIMARY KEY,
  name             TEXT    NOT NULL,
  description      TEXT    NOT NULL DEFAULT '',
  size_buckets     TEXT    NOT NULL DEFAULT '[]',
  industries       TEXT    NOT NULL DEFAULT '[]',
  locations        TEXT    NOT NULL DEFAULT '[]',
  hiring_keywords  TEXT    NOT NULL DEFAULT '[]',
  pain_keywords    TEXT    NOT NULL DEFAULT '[]',
  is_active        INTEGER NOT NULL DEFAULT 1,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
);

CREATE TABLE companies (
  id               INTEGER PRIMARY KEY,
  name             TEXT    NOT NULL DEFAULT '',
  normalized_name  TEXT    NOT NULL DEFAULT '',
  website          TEXT    NOT NULL DEFAULT '',
  domain           TEXT    NOT NULL DEFAULT '',
  industry         TEXT    NOT NULL DEFAULT '',
  size             TEXT    NOT NULL DEFAULT '',
  location         TEXT    NOT NULL DEFAULT '',
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
);
CREATE INDEX companies_by_domain ON companies (domain) WHERE domain <> '';
CREATE INDEX companies_by_name ON companies (normalized_name) WHERE normalized_name <> '';

CREATE TABLE contacts (
  id               INTEGER PRIMARY KEY,
  company_id       INTEGER REFERENCES companies (id) ON DELETE SET NULL,
  name             TEXT    NOT NULL DEFAULT '',
  normalized_name  TEXT    NOT NULL DEFAULT '',
  title            TEXT    NOT NULL DEFAULT '',
  email            TEXT    NOT NULL DEFAULT '',
  phone            TEXT    NOT NULL DEFAULT '',
  address          TEXT    NOT NULL DEFAULT '',
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
);
CREATE INDEX contacts_by_email ON contacts (email) WHERE email <> '';
CREATE INDEX contacts_by_name ON contacts (normalized_name, company_id) WHERE normalized_name <> '';

CREATE TABLE signals (
  id               INTEGER PRIMARY KEY,
  source_type      TEXT    NOT NULL,
  raw_text         TEXT    NOT NULL DEFAULT '',
  extra_text       TEXT    NOT NULL DEFAULT '',
  file_name        TEXT,
  file_hash        TEXT,
  dedup_key        TEXT,
  import_batch     TEXT,
  company_id       INTEGER REFERENCES companies (id) ON DELETE SET NULL,
  contact_id       INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  received_at      INTEGER NOT NULL
);
-- The same card or CSV row fed twice is found here and not stored again.
CREATE UNIQUE INDEX signals_by_dedup_key ON signals (dedup_key) WHERE dedup_key IS NOT NULL;
CREATE INDEX signals_by_batch ON signals (import_batch) WHERE import_batch IS NOT NULL;

CREATE TABLE leads (
  id                     INTEGER PRIMARY KEY,
  signal_id              INTEGER NOT NULL REFERENCES signals (id) ON DELETE CASCADE,
  company_id             INTEGER REFERENCES companies (id) ON DELETE SET NULL,
  contact_id             INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  icp_id                 INTEGER REFERENCES icp_profiles (id) ON DELETE SET NULL,
  score_fit              REAL    NOT NULL DEFAULT 0,
  score_pain             REAL    NOT NULL DEFAULT 0,
  score_data_quality     REAL    NOT NULL DEFAULT 0,
  total_score            REAL    NOT NULL DEFAULT 0,
  score_bucket           TEXT    NOT NULL DEFAULT 'parked',
  icp_match              INTEGER NOT NULL DEFAULT 0,
  size_bucket            TEXT    NOT NULL DEFAULT '',
  role_type              TEXT    NOT NULL DEFAULT '',
  pain_tags              TEXT    NOT NULL DEFAULT '[]',
  spin_situation         TEXT    NOT NULL DEFAULT '',
  spin_problem           TEXT    NOT NULL DEFAULT '',
  spin_implication       TEXT    NOT NULL DEFAULT '',
  spin_need_payoff       TEXT    NOT NULL DEFAULT '',
  meddic_economic_buyer  TEXT    NOT NULL DEFAULT '',
  meddic_key_pain        TEXT    NOT NULL DEFAULT '',
  meddic_chaos_flags     TEXT    NOT NULL DEFAULT '[]',
  classifier             TEXT    NOT NULL DEFAULT 'rules',
  prompt_version         TEXT    NOT NULL DEFAULT '',
  explanation            TEXT    NOT NULL DEFAULT '',
  matched_criteria       TEXT    NOT NULL DEFAULT '[]',
  matched_keywords       TEXT    NOT NULL DEFAULT '[]',
  repairs                TEXT    NOT NULL DEFAULT '[]',
  status                 TEXT    NOT NULL DEFAULT 'new',
  notes                  TEXT    NOT NULL DEFAULT '',
  dossier                TEXT,
  created_at             INTEGER NOT NULL,
  updated_at             INTEGER NOT NULL,
  -- Set while a deletion can still be undone; such leads are not listed.
  deleted_at             INTEGER,
  -- Copies kept so that listing, sorting and counting 100,000 leads need
  -- no joins: the signal's source (it never changes) and the names of
  -- company and contact (kept current by the triggers below).
  source_type            TEXT    NOT NULL DEFAULT 'manual',
  company_sort           TEXT    NOT NULL DEFAULT '' COLLATE NOCASE,
  contact_sort           TEXT    NOT NULL DEFAULT '' COLLATE NOCASE
);
-- Bucket and minimum-score filters are score ranges on this index.
CREATE INDEX leads_by_score ON leads (total_score DESC, id DESC) WHERE deleted_at IS NULL;
-- Sorting the table by company, contact or date without sorting 100,000 rows.
CREATE INDEX leads_by_company_name ON leads (company_sort, total_score, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_by_contact_name ON leads (contact_sort, total_score, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_by_created ON leads (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_by_signal ON leads (signal_id);
CREATE INDEX leads_by_company ON leads (company_id);
CREATE INDEX leads_by_contact ON leads (contact_id);

-- Text search: one row per lead (rowid = lead id) holding what a user
-- searches for, matched by word prefixes.
CREATE VIEW lead_search_source AS
  SELECT l.id AS id,
         coalesce (c.name, '') || ' ' || coalesce (c.domain, '') || ' ' ||
         coalesce (p.name, '') || ' ' || coalesce (p.email, '') || ' ' ||
         l.pain_tags || ' ' || l.role_type || ' ' || l.notes AS body
  FROM leads l
  LEFT JOIN companies c ON c.id = l.company_id
  LEFT JOIN contacts p ON p.id = l.contact_id;

CREATE VIRTUAL TABLE lead_search USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2', detail = none);

-- New leads are indexed by the store, many per statement at commit
-- (rf_database_transaction_commit): a row-by-row trigger halved the
-- insert rate. Changes and deletions are rare and kept by triggers.
CREATE TRIGGER leads_search_delete AFTER DELETE ON leads BEGIN
  DELETE FROM lead_search WHERE rowid = old.id;
END;

CREATE TRIGGER leads_search_update AFTER UPDATE OF company_id, contact_id, pain_tags, role_type, notes ON leads BEGIN
  UPDATE lead_search SET body = (SELECT body FROM lead_search_source WHERE id = new.id) WHERE rowid = new.id;
END;

CREATE TRIGGER leads_links_update AFTER UPDATE OF company_id, contact_id ON leads BEGIN
  UPDATE leads SET
    company_sort = coalesce ((SELECT name FROM companies WHERE id = new.company_id), ''),
    contact_sort = coalesce ((SELECT name FROM contacts WHERE id = new.contact_id), '')
  WHERE id = new.id;
END;

CREATE TRIGGER companies_rename AFTER UPDATE OF name, domain ON companies
  WHEN old.name IS NOT new.name OR old.domain IS NOT new.domain BEGIN
  UPDATE leads SET company_sort = new.name WHERE company_id = new.id;
  UPDATE lead_search SET body = (SELECT body FROM lead_search_source WHERE id = lead_search.rowid)
    WHERE rowid IN (SELECT id FROM leads WHERE company_id = new.id);
END;

CREATE TRIGGER contacts_rename AFTER UPDATE OF name, email ON contacts
  WHEN old.name IS NOT new.name OR old.email IS NOT new.email BEGIN
  UPDATE leads SET contact_sort = new.name WHERE contact_id = new.id;
  UPDATE lead_search SET body = (SELECT body FROM lead_search_source WHERE id = lead_search.rowid)
    WHERE rowid IN (SELECT id FROM leads WHERE contact_id = new.id);
END;

CREATE TABLE activities (
  id               INTEGER PRIMARY KEY,
  lead_id          INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  kind             TEXT    NOT NULL,
  body             TEXT    NOT NULL DEFAULT '',
  due_at           INTEGER,
  done_at          INTEGER,
  created_at       INTEGER NOT NULL
);
CREATE INDEX activities_by_lead ON activities (lead_id, created_at);
