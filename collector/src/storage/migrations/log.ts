// Schema step of the transparency log, one per database; listed in the migrations of each, never edited
// once shipped. Each record gets a leaf index and a salt once the sequencer has put it in the tree (NULL
// until then: the rows waiting, found by a partial index). log_leaves holds every leaf's hash in order
// (and the leaf itself for erasures), log_hashes the tree's stored hashes (tlog's order), log_head the
// current size and root, log_checkpoints the signed tree heads.
const EMPTY_ROOT = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** The log for SQLite. */
export const SQLITE_LOG = `
  ALTER TABLE consent_records ADD COLUMN leaf_index INTEGER;
  ALTER TABLE consent_records ADD COLUMN leaf_salt TEXT;
  CREATE UNIQUE INDEX consent_records_by_leaf ON consent_records (leaf_index);
  CREATE INDEX consent_records_unlogged ON consent_records (seq) WHERE leaf_index IS NULL;
  CREATE TABLE log_leaves (
    leaf_index INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    leaf_hash  TEXT NOT NULL,
    leaf       TEXT
  );
  CREATE TABLE log_hashes (
    idx  INTEGER PRIMARY KEY,
    hash TEXT NOT NULL
  );
  CREATE TABLE log_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    size INTEGER NOT NULL,
    root TEXT NOT NULL
  );
  INSERT INTO log_head (id, size, root) VALUES (1, 0, '${EMPTY_ROOT}');
  CREATE TABLE log_checkpoints (
    size INTEGER PRIMARY KEY,
    root TEXT NOT NULL,
    time TEXT NOT NULL,
    text TEXT NOT NULL
  );
`;

/** The same for PostgreSQL. */
export const POSTGRES_LOG = `
  ALTER TABLE consent_records ADD COLUMN leaf_index bigint;
  ALTER TABLE consent_records ADD COLUMN leaf_salt text;
  CREATE UNIQUE INDEX consent_records_by_leaf ON consent_records (leaf_index);
  CREATE INDEX consent_records_unlogged ON consent_records (seq) WHERE leaf_index IS NULL;
  CREATE TABLE log_leaves (
    leaf_index bigint PRIMARY KEY,
    kind       text NOT NULL,
    leaf_hash  text NOT NULL,
    leaf       text
  );
  CREATE TABLE log_hashes (
    idx  bigint PRIMARY KEY,
    hash text NOT NULL
  );
  CREATE TABLE log_head (
    id   integer PRIMARY KEY CHECK (id = 1),
    size bigint NOT NULL,
    root text NOT NULL
  );
  INSERT INTO log_head (id, size, root) VALUES (1, 0, '${EMPTY_ROOT}');
  CREATE TABLE log_checkpoints (
    size bigint PRIMARY KEY,
    root text NOT NULL,
    time timestamptz NOT NULL,
    text text NOT NULL
  );
`;
