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
CREATE INDEX contacts_by_company ON contacts (company_id);

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
CREATE INDEX signals_by_company ON signals (company_id);
CREATE INDEX signals_by_contact ON signals (contact_id);

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
  deleted_at             INTEGER
);
CREATE INDEX leads_by_score ON leads (total_score DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX leads_by_bucket ON leads (score_bucket, total_score DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX leads_by_status ON leads (status, total_score DESC) WHERE deleted_at IS NULL;
CREATE INDEX leads_by_signal ON leads (signal_id);
CREATE INDEX leads_by_company ON leads (company_id);
CREATE INDEX leads_by_contact ON leads (contact_id);
CREATE INDEX leads_by_icp ON leads (icp_id);

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
