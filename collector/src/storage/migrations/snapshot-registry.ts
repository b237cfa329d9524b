// Schema step of the snapshots the site registers itself (POST /api/snapshots with the admin token), one
// per database; listed in the migrations of each, never edited once shipped. A registered hash is the
// site's own publication: the admin page marks it "published by the site", and it is kept when no
// receipt names it any more (it holds no personal data). Two indexes keep the versions list fast with
// tens of thousands of versions: the receipts' `shown` with their receive time (covering), the
// snapshots by time.

/** For SQLite. */
export const SQLITE_SNAPSHOT_REGISTRY = `
  CREATE TABLE published_snapshots (
    hash         TEXT PRIMARY KEY REFERENCES snapshots (hash),
    published_at TEXT NOT NULL
  );
  CREATE INDEX consent_records_by_shown_seen ON consent_records (shown, received_at)
    WHERE shown IS NOT NULL AND erased_at IS NULL;
  CREATE INDEX snapshots_by_time ON snapshots (stored_at, hash);
`;

/** For PostgreSQL. */
export const POSTGRES_SNAPSHOT_REGISTRY = `
  CREATE TABLE published_snapshots (
    hash         text PRIMARY KEY REFERENCES snapshots (hash),
    published_at timestamptz NOT NULL
  );
  CREATE INDEX consent_records_by_shown_seen ON consent_records (shown, received_at)
    WHERE shown IS NOT NULL AND erased_at IS NULL;
  CREATE INDEX snapshots_by_time ON snapshots (stored_at, hash);
`;
