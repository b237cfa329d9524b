// PostgreSQL schema, the same tables and meaning as SQLite's; one entry per version, never edited once shipped.
import { POSTGRES_COUNTERS } from './counters.js';
import { POSTGRES_LOG } from './log.js';
import { POSTGRES_SNAPSHOTS } from './snapshots.js';
import { CUT_LONG_HIT_PATHS } from './hit-paths.js';
import { POSTGRES_SNAPSHOT_REGISTRY } from './snapshot-registry.js';
import { POSTGRES_LOG_ONLY } from './log-only.js';
import { plainPathsPostgres } from './plain-paths.js';
import { POSTGRES_SITES } from './sites.js';
import { SNAPSHOT_LEAVES_SQL, snapshotLeavesPostgres } from './snapshot-leaves.js';
import { POSTGRES_LOG_QUEUE } from './log-queue.js';
import { POSTGRES_QUEUED_LEAF_HASH } from './queued-leaf-hash.js';
import { POSTGRES_ERASURE_LEAF } from './erasure-leaf.js';
import type pg from 'pg';

/** Migrations for PostgreSQL; index + 1 is the schema version it brings the database to. */
export const POSTGRES_MIGRATIONS: string[] = [
  `
  CREATE TABLE consent_records (
    receipt_id  text PRIMARY KEY,
    consent_id  text NOT NULL,
    ts          text NOT NULL,
    received_at timestamptz NOT NULL,
    version     text NOT NULL,
    categories  jsonb NOT NULL,
    services    jsonb NOT NULL,
    method      text NOT NULL,
    lang        text NOT NULL,
    path        text NOT NULL
  );
  CREATE INDEX consent_records_by_time ON consent_records (received_at, receipt_id);
  CREATE INDEX consent_records_by_visitor ON consent_records (consent_id, received_at);

  CREATE TABLE hits (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    received_at timestamptz NOT NULL,
    day         text NOT NULL,
    name        text NOT NULL,
    path        text NOT NULL,
    referrer    text,
    browser     text NOT NULL,
    major       integer NOT NULL,
    os          text NOT NULL,
    mobile      boolean NOT NULL,
    lang        text NOT NULL,
    vw          integer NOT NULL,
    consent     boolean NOT NULL,
    network     text,
    props       jsonb,
    minor       integer,
    screen      text,
    session     text,
    uid         text
  );
  CREATE INDEX hits_by_day ON hits (day);

  CREATE TABLE hit_days (
    day       text NOT NULL,
    dimension text NOT NULL,
    value     text NOT NULL,
    count     bigint NOT NULL,
    consented bigint NOT NULL,
    PRIMARY KEY (day, dimension, value)
  );
  `,
  // 2: the Origin header of each receipt; consent ids in lower case (UUIDs, searched without case).
  `
  ALTER TABLE consent_records ADD COLUMN origin text;
  UPDATE consent_records SET consent_id = lower(consent_id);
  `,
  // 3: the tamper-evident chain (sequence, content hash, chain hash; the head in a one-row table locked
  // FOR UPDATE by each batch) and the clock-skew flag. Rows stored before are chained at open.
  `
  ALTER TABLE consent_records ADD COLUMN clock_skew boolean NOT NULL DEFAULT false;
  ALTER TABLE consent_records ADD COLUMN seq bigint;
  ALTER TABLE consent_records ADD COLUMN content_hash text;
  ALTER TABLE consent_records ADD COLUMN chain_hash text;
  CREATE UNIQUE INDEX consent_records_by_seq ON consent_records (seq);
  CREATE TABLE chain_head (
    id   integer PRIMARY KEY CHECK (id = 1),
    seq  bigint NOT NULL,
    hash text NOT NULL
  );
  INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));
  `,
  // 4: erasure. An erased row keeps its sequence number, hashes and receive time; its content becomes a
  // tombstone. Each erasure (on request or by retention) is recorded in erasures, without the consent id.
  `
  ALTER TABLE consent_records ADD COLUMN erased_at timestamptz;
  CREATE TABLE erasures (
    id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at     timestamptz NOT NULL,
    reason text NOT NULL,
    rows   integer NOT NULL,
    actor  text NOT NULL
  );
  `,
  // 5: pre-consent hits as day-level counters.
  POSTGRES_COUNTERS,
  // 6: what visitors were shown: each receipt's shown, layer and garde version; the snapshots.
  POSTGRES_SNAPSHOTS,
  // 7: the transparency log (leaves, stored tree hashes, head, signed checkpoints).
  POSTGRES_LOG,
  // 8: the snapshots the site registers itself (published by the site).
  POSTGRES_SNAPSHOT_REGISTRY,
  // 9: hit paths too long for an index entry (stored before the cut at ingress) cut once.
  CUT_LONG_HIT_PATHS.postgres,
  // 10: the per-row chain off the insert path: the log alone proves the records; the analytics' paths
  // plain (POSTGRES_DATA_STEPS).
  POSTGRES_LOG_ONLY,
  // 11: the site (Origin) of each hit, counter and daily total; receipts read by site.
  POSTGRES_SITES,
  // 12: each stored snapshot a leaf of the log (POSTGRES_DATA_STEPS).
  SNAPSHOT_LEAVES_SQL,
  // 13: a record's leaf index out of consent_records: the rows waiting in log_queue, each leaf naming its
  // record (log_leaves.receipt_id).
  POSTGRES_LOG_QUEUE,
  // 14: each queued record's leaf hash, computed at insert (queued-leaf-hash.ts).
  POSTGRES_QUEUED_LEAF_HASH,
  // 15: each erasure's leaf index (erasure-leaf.ts).
  POSTGRES_ERASURE_LEAF,
];

/** Steps in code after a version's SQL, in its transaction: what SQL alone cannot compute. */
export const POSTGRES_DATA_STEPS: Record<number, (client: pg.PoolClient) => Promise<void>> = {
  10: plainPathsPostgres,
  12: snapshotLeavesPostgres,
};
