// Schema step of the snapshots the site registers itself (POST /api/snapshots with the admin token), one
// per database; listed in the migrations of each, never edited once shipped. A registered hash is the
// site's own publication: the admin page marks it "published by the site", and it is kept when no
// receipt names it any more (it holds no personal data).

/** For SQLite. */
export const SQLITE_SNAPSHOT_REGISTRY = `
  CREATE TABLE published_snapshots (
    hash         TEXT PRIMARY KEY REFERENCES snapshots (hash),
    published_at TEXT NOT NULL
  );
`;

/** For PostgreSQL. */
export const POSTGRES_SNAPSHOT_REGISTRY = `
  CREATE TABLE published_snapshots (
    hash         text PRIMARY KEY REFERENCES snapshots (hash),
    published_at timestamptz NOT NULL
  );
`;
