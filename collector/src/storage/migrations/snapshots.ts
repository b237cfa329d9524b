// Schema step of what visitors were shown, one per database; listed in the migrations of each, never
// edited once shipped. Each receipt names its snapshot by hash (`shown`), with the layer it was decided
// in and garde's version; each distinct snapshot is stored once, as the canonical text that was hashed.

/** Receipts' shown, layer and garde version; the snapshots, for SQLite. */
export const SQLITE_SNAPSHOTS = `
  ALTER TABLE consent_records ADD COLUMN shown TEXT;
  ALTER TABLE consent_records ADD COLUMN layer TEXT;
  ALTER TABLE consent_records ADD COLUMN garde_version TEXT;
  CREATE INDEX consent_records_by_shown ON consent_records (shown) WHERE shown IS NOT NULL;
  CREATE TABLE snapshots (
    hash           TEXT PRIMARY KEY,
    lang           TEXT NOT NULL,
    garde_version  TEXT NOT NULL,
    policy_version TEXT NOT NULL,
    content        TEXT NOT NULL,
    stored_at      TEXT NOT NULL
  );
`;

/** The same for PostgreSQL. */
export const POSTGRES_SNAPSHOTS = `
  ALTER TABLE consent_records ADD COLUMN shown text;
  ALTER TABLE consent_records ADD COLUMN layer text;
  ALTER TABLE consent_records ADD COLUMN garde_version text;
  CREATE INDEX consent_records_by_shown ON consent_records (shown) WHERE shown IS NOT NULL;
  CREATE TABLE snapshots (
    hash           text PRIMARY KEY,
    lang           text NOT NULL,
    garde_version  text NOT NULL,
    policy_version text NOT NULL,
    content        text NOT NULL,
    stored_at      timestamptz NOT NULL
  );
`;
