// Schema step of the pre-consent counters (hit_counters), one per database; listed in the
// migrations of each, never edited once shipped.

/** hit_counters for SQLite: one row per day and distinct set of reduced values. */
export const SQLITE_COUNTERS = `
  CREATE TABLE hit_counters (
    day      TEXT NOT NULL,
    name     TEXT NOT NULL,
    path     TEXT NOT NULL,
    referrer TEXT NOT NULL,
    browser  TEXT NOT NULL,
    os       TEXT NOT NULL,
    mobile   INTEGER NOT NULL,
    lang     TEXT NOT NULL,
    vw       INTEGER NOT NULL,
    count    INTEGER NOT NULL,
    PRIMARY KEY (day, name, path, referrer, browser, os, mobile, lang, vw)
  ) WITHOUT ROWID;
`;

/** hit_counters for PostgreSQL, the same columns and key. */
export const POSTGRES_COUNTERS = `
  CREATE TABLE hit_counters (
    day      text NOT NULL,
    name     text NOT NULL,
    path     text NOT NULL,
    referrer text NOT NULL,
    browser  text NOT NULL,
    os       text NOT NULL,
    mobile   boolean NOT NULL,
    lang     text NOT NULL,
    vw       integer NOT NULL,
    count    bigint NOT NULL,
    PRIMARY KEY (day, name, path, referrer, browser, os, mobile, lang, vw)
  );
`;
