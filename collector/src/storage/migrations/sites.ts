// Schema step of the site dimension, one per database; listed in the migrations of each, never edited
// once shipped.

const COUNTER_COLUMNS = 'day, name, path, referrer, browser, os, mobile, lang, vw, count';
const DAY_COLUMNS = 'day, dimension, value, count, consented';

/**
 * Schema 11, SQLite: every hit, pre-consent counter and daily total keeps the site it came from (the
 * request's Origin, '' when there was none: a key column, so never null); the counters and totals are
 * keyed on it (SQLite cannot change a primary key: the two tables are rebuilt, rows before this step
 * under ''). Receipts already keep their origin: an index reads a site's records in time order, and
 * lists the sites seen without reading every row (as `hits_by_site` does for the hits).
 */
export const SQLITE_SITES = `
  ALTER TABLE hits ADD COLUMN site TEXT NOT NULL DEFAULT '';
  CREATE INDEX hits_by_site ON hits (site, day);

  CREATE TABLE hit_counters_by_site (
    day      TEXT NOT NULL,
    site     TEXT NOT NULL,
    name     TEXT NOT NULL,
    path     TEXT NOT NULL,
    referrer TEXT NOT NULL,
    browser  TEXT NOT NULL,
    os       TEXT NOT NULL,
    mobile   INTEGER NOT NULL,
    lang     TEXT NOT NULL,
    vw       INTEGER NOT NULL,
    count    INTEGER NOT NULL,
    PRIMARY KEY (day, site, name, path, referrer, browser, os, mobile, lang, vw)
  ) WITHOUT ROWID;
  INSERT INTO hit_counters_by_site (site, ${COUNTER_COLUMNS})
    SELECT '', ${COUNTER_COLUMNS} FROM hit_counters;
  DROP TABLE hit_counters;
  ALTER TABLE hit_counters_by_site RENAME TO hit_counters;

  CREATE TABLE hit_days_by_site (
    day       TEXT NOT NULL,
    site      TEXT NOT NULL,
    dimension TEXT NOT NULL,
    value     TEXT NOT NULL,
    count     INTEGER NOT NULL,
    consented INTEGER NOT NULL,
    PRIMARY KEY (day, site, dimension, value)
  );
  INSERT INTO hit_days_by_site (site, ${DAY_COLUMNS}) SELECT '', ${DAY_COLUMNS} FROM hit_days;
  DROP TABLE hit_days;
  ALTER TABLE hit_days_by_site RENAME TO hit_days;

  CREATE INDEX consent_records_by_site ON consent_records (origin, received_at, receipt_id);
`;

/** Schema 11, PostgreSQL: the same columns and keys, changed in place. */
export const POSTGRES_SITES = `
  ALTER TABLE hits ADD COLUMN site text NOT NULL DEFAULT '';
  CREATE INDEX hits_by_site ON hits (site, day);
  ALTER TABLE hit_counters ADD COLUMN site text NOT NULL DEFAULT '';
  ALTER TABLE hit_counters DROP CONSTRAINT hit_counters_pkey,
    ADD PRIMARY KEY (day, site, name, path, referrer, browser, os, mobile, lang, vw);
  ALTER TABLE hit_days ADD COLUMN site text NOT NULL DEFAULT '';
  ALTER TABLE hit_days DROP CONSTRAINT hit_days_pkey, ADD PRIMARY KEY (day, site, dimension, value);
  CREATE INDEX consent_records_by_site ON consent_records (origin, received_at, receipt_id);
`;
