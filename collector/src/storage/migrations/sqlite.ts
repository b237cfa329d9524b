// SQLite schema, one entry per version; applied in order inside a transaction, never edited once shipped.
import { SQLITE_COUNTERS } from './counters.js';
import { SQLITE_LOG } from './log.js';
import { SQLITE_SNAPSHOTS } from './snapshots.js';
import { CUT_LONG_HIT_PATHS } from './hit-paths.js';
import { SQLITE_SNAPSHOT_REGISTRY } from './snapshot-registry.js';
import { SQLITE_LOG_ONLY } from './log-only.js';
import { plainPathsSqlite } from './plain-paths.js';
import { SQLITE_SITES } from './sites.js';
import { SNAPSHOT_LEAVES_SQL, snapshotLeavesSqlite } from './snapshot-leaves.js';
import { SQLITE_LOG_QUEUE } from './log-queue.js';
import { SQLITE_QUEUED_LEAF_HASH } from './queued-leaf-hash.js';
import { SQLITE_ERASURE_LEAF } from './erasure-leaf.js';
import type Database from 'better-sqlite3';

/** Migrations for SQLite; index + 1 is the schema version it brings the database to. */
export const SQLITE_MIGRATIONS: string[] = [
  `
  CREATE TABLE consent_records (
    receipt_id  TEXT PRIMARY KEY,
    consent_id  TEXT NOT NULL,
    ts          TEXT NOT NULL,
    received_at TEXT NOT NULL,
    version     TEXT NOT NULL,
    categories  TEXT NOT NULL,
    services    TEXT NOT NULL,
    method      TEXT NOT NULL,
    lang        TEXT NOT NULL,
    path        TEXT NOT NULL
  );
  CREATE INDEX consent_records_by_time ON consent_records (received_at, receipt_id);
  CREATE INDEX consent_records_by_visitor ON consent_records (consent_id, received_at);

  CREATE TABLE hits (
    received_at TEXT NOT NULL,
    day         TEXT NOT NULL,
    name        TEXT NOT NULL,
    path        TEXT NOT NULL,
    referrer    TEXT,
    browser     TEXT NOT NULL,
    major       INTEGER NOT NULL,
    os          TEXT NOT NULL,
    mobile      INTEGER NOT NULL,
    lang        TEXT NOT NULL,
    vw          INTEGER NOT NULL,
    consent     INTEGER NOT NULL,
    network     TEXT,
    props       TEXT,
    minor       INTEGER,
    screen      TEXT,
    session     TEXT,
    uid         TEXT
  );
  CREATE INDEX hits_by_day ON hits (day);

  CREATE TABLE hit_days (
    day       TEXT NOT NULL,
    dimension TEXT NOT NULL,
    value     TEXT NOT NULL,
    count     INTEGER NOT NULL,
    consented INTEGER NOT NULL,
    PRIMARY KEY (day, dimension, value)
  );
  `,
  // 2: the Origin header of each receipt; consent ids in lower case (UUIDs, searched without case).
  `
  ALTER TABLE consent_records ADD COLUMN origin TEXT;
  UPDATE consent_records SET consent_id = lower(consent_id);
  `,
  // 3: the tamper-evident chain (sequence, content hash, chain hash; the head in a one-row table) and the
  // clock-skew flag. Rows stored before are chained at open, in receive order.
  `
  ALTER TABLE consent_records ADD COLUMN clock_skew INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE consent_records ADD COLUMN seq INTEGER;
  ALTER TABLE consent_records ADD COLUMN content_hash TEXT;
  ALTER TABLE consent_records ADD COLUMN chain_hash TEXT;
  CREATE UNIQUE INDEX consent_records_by_seq ON consent_records (seq);
  CREATE TABLE chain_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL
  );
  INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, '${'0'.repeat(64)}');
  `,
  // 4: erasure. An erased row keeps its sequence number, hashes and receive time; its content becomes a
  // tombstone. Each erasure (on request or by retention) is recorded in erasures, without the consent id.
  `
  ALTER TABLE consent_records ADD COLUMN erased_at TEXT;
  CREATE TABLE erasures (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    at     TEXT NOT NULL,
    reason TEXT NOT NULL,
    rows   INTEGER NOT NULL,
    actor  TEXT NOT NULL
  );
  `,
  // 5: pre-consent hits as day-level counters.
  SQLITE_COUNTERS,
  // 6: what visitors were shown: each receipt's shown, layer and garde version; the snapshots.
  SQLITE_SNAPSHOTS,
  // 7: the transparency log (leaves, stored tree hashes, head, signed checkpoints).
  SQLITE_LOG,
  // 8: the snapshots the site registers itself (published by the site).
  SQLITE_SNAPSHOT_REGISTRY,
  // 9: hit paths too long for an index entry (stored before the cut at ingress) cut once.
  CUT_LONG_HIT_PATHS.sqlite,
  // 10: the per-row chain off the insert path: the log alone proves the records; the analytics' paths
  // plain (SQLITE_DATA_STEPS).
  SQLITE_LOG_ONLY,
  // 11: the site (Origin) of each hit, counter and daily total; receipts read by site.
  SQLITE_SITES,
  // 12: each stored snapshot a leaf of the log (SQLITE_DATA_STEPS).
  SNAPSHOT_LEAVES_SQL,
  // 13: PostgreSQL's leaf index out of consent_records; nothing on SQLite (log-queue.ts).
  SQLITE_LOG_QUEUE,
  // 14: PostgreSQL's queued leaf hashes; nothing on SQLite (queued-leaf-hash.ts).
  SQLITE_QUEUED_LEAF_HASH,
  // 15: each erasure's leaf index (erasure-leaf.ts).
  SQLITE_ERASURE_LEAF,
];

/** Steps in code after a version's SQL, in its transaction: what SQL alone cannot compute. */
export const SQLITE_DATA_STEPS: Record<number, (db: Database.Database) => void> = {
  10: plainPathsSqlite,
  12: snapshotLeavesSqlite,
};
