// Every write of the SQLite storage, as prepared statements on one connection. Used on the writer thread
// for a database file, and in-thread for an in-memory database.
import type Database from 'better-sqlite3';
import type { LogHead, StoredCheckpoint } from '../log/types.js';
import { DIMENSIONS } from './filter.js';
import { createLogWriter, freshSalts, recordLeafOfValues, type NewLeaf } from './log-sqlite.js';
import { leafHashOf } from '../log/tree.js';
import {
  RECORD_COLUMNS,
  RECORD_FIELDS,
  TOMBSTONE_SET,
  fromSqliteValue,
  recordFrom,
  sameReceipt,
  toSqliteValue,
} from './record-fields.js';
import {
  type InsertOutcome,
  type PurgeResult,
  type StoredHit,
  type StoredRecord,
} from './types.js';

/**
 * A record as the column values of consent_records, in the order of RECORD_FIELDS (maps as canonical JSON,
 * flags as 0/1); flat so it crosses to the writer thread cheaply.
 */
export type RecordValues = Array<string | number | null>;

export { RECORD_COLUMNS };

/** A row of consent_records as SQLite returns it, by column name. */
export type RecordRow = Record<string, string | number | null>;

/** A stored row back to the API's shape. */
export function toRecord(row: RecordRow): StoredRecord {
  return recordFrom(row, fromSqliteValue);
}

// RecordValues back to a record, for comparing a replay with what is stored.
function valuesToRecord(values: RecordValues): StoredRecord {
  return toRecord(Object.fromEntries(RECORD_FIELDS.map((f, i) => [f.column, values[i] ?? null])));
}

/** A hit as the column values of hits, in order. */
export type HitValues = Array<string | number | null>;

/** The column values of a record. */
export function recordValues(record: StoredRecord): RecordValues {
  return RECORD_FIELDS.map((f) => toSqliteValue(f, record[f.name]));
}

/** The column values of a hit, booleans as 0/1 and props as JSON. */
export function hitValues(h: StoredHit): HitValues {
  return [
    h.receivedAt,
    h.day,
    h.site,
    h.name,
    h.path,
    h.referrer,
    h.browser,
    h.major,
    h.os,
    h.mobile ? 1 : 0,
    h.lang,
    h.vw,
    h.consent ? 1 : 0,
    h.network,
    h.props ? JSON.stringify(h.props) : null,
    h.minor,
    h.screen,
    h.session,
    h.uid,
  ];
}

/** The synchronous writes; each call is one transaction. */
export interface SqliteWriter {
  insertRecords(records: RecordValues[]): InsertOutcome[];
  insertHits(hits: HitValues[]): void;
  purge(recordsBefore: string, hitsBeforeDay: string, at: string): PurgeResult;
  erase(id: string, at: string, actor: string): number;
  /** Puts the records waiting into the log's tree; the head after. */
  sequence(): LogHead & { more: boolean };
  /** Stores a signed checkpoint unless one of its size is stored; whether it was stored. */
  saveCheckpoint(checkpoint: StoredCheckpoint): boolean;
}

/** Prepares the writes on `db` (already migrated). */
export function createWriter(db: Database.Database): SqliteWriter {
  // A new record is a leaf as it is inserted: its index and salt go in with it.
  const insertRecord = db.prepare(
    `INSERT INTO consent_records (${RECORD_COLUMNS}, leaf_index, leaf_salt)
     VALUES (${RECORD_FIELDS.map(() => '?').join(', ')}, ?, ?) ON CONFLICT (receipt_id) DO NOTHING`,
  );
  const storedRecord = db.prepare(
    `SELECT ${RECORD_COLUMNS} FROM consent_records WHERE receipt_id = ?`,
  );
  const insertHit = db.prepare(
    `INSERT INTO hits (received_at, day, site, name, path, referrer, browser, major, os, mobile, lang, vw,
       consent, network, props, minor, screen, session, uid)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Retention erases rather than deletes: the rows stay in the log as tombstones.
  const eraseExpired = db.prepare(
    `UPDATE consent_records SET ${TOMBSTONE_SET}, erased_at = @at
     WHERE erased_at IS NULL AND leaf_index IS NOT NULL AND consent_id IN
       (SELECT consent_id FROM consent_records WHERE erased_at IS NULL
        GROUP BY consent_id HAVING max(received_at) < @before)`,
  );
  const eraseVisitor = db.prepare(
    `UPDATE consent_records SET ${TOMBSTONE_SET}, erased_at = ?
     WHERE consent_id = ? AND erased_at IS NULL AND leaf_index IS NOT NULL`,
  );
  const recordErasure = db.prepare(
    'INSERT INTO erasures (at, reason, rows, actor, leaf_index) VALUES (?, ?, ?, ?, ?)',
  );
  const rollup = db.prepare(rollupSql());
  const log = createLogWriter(db);
  const deleteHits = db.prepare('DELETE FROM hits WHERE day < ?');

  return {
    // The writer thread is the log's only writer, so each new record becomes a leaf in the transaction that
    // inserts it: one salt and one leaf hash a record, the tree appended once a batch (no second pass, no
    // UPDATE). Rows stored before schema 10 still wait for the sequencer's rounds (`sequence`).
    insertRecords: db.transaction((records: RecordValues[]): InsertOutcome[] => {
      const size = log.size();
      const salts = freshSalts(records.length);
      const leaves: NewLeaf[] = [];
      const outcomes = records.map((values, i): InsertOutcome => {
        const salt = salts[i]!;
        if (insertRecord.run(...values, size + leaves.length, salt).changes === 1) {
          leaves.push({
            kind: 'record',
            hash: leafHashOf(recordLeafOfValues(values, salt)),
            leaf: null,
          });
          return 'stored';
        }
        // Rare path: the receiptId is known; a resend repeats it exactly, anything else is a conflict.
        const existing = storedRecord.get(values[0]) as RecordRow;
        return sameReceipt(toRecord(existing), valuesToRecord(values)) ? 'duplicate' : 'conflict';
      });
      log.append(leaves);
      return outcomes;
    }),
    insertHits: db.transaction((hits: HitValues[]) => {
      for (const values of hits) insertHit.run(values);
    }),
    purge: db.transaction(
      (recordsBefore: string, hitsBeforeDay: string, at: string): PurgeResult => {
        // The rows to erase are put in the log first; their erasure is a leaf of its own after.
        log.sequencePending();
        const records = eraseExpired.run({ at, before: recordsBefore }).changes;
        const leafIndex = log.logErasure(at, 'retention', 'retention');
        if (records) recordErasure.run(at, 'retention', records, 'retention', leafIndex);
        rollup.run({ before: hitsBeforeDay });
        const hits = deleteHits.run(hitsBeforeDay).changes;
        return { records, hits };
      },
    ),
    erase: db.transaction((id: string, at: string, actor: string): number => {
      log.sequencePending();
      const rows = eraseVisitor.run(at, id).changes;
      const leafIndex = log.logErasure(at, 'request', actor);
      if (rows) recordErasure.run(at, 'request', rows, actor, leafIndex);
      return rows;
    }),
    sequence: () => log.sequence(),
    saveCheckpoint: (checkpoint) => log.saveCheckpoint(checkpoint),
  };
}

// Pageviews of old days become per-day totals per site and dimension; `event` keeps the count of every
// hit name.
function rollupSql(): string {
  const old = "name = 'pageview' AND day < @before";
  const dims = DIMENSIONS.map(
    (d) => `SELECT day, site, '${d.column}', ${d.column}, count(*), sum(consent) FROM hits
            WHERE ${old} AND ${d.column} IS NOT NULL GROUP BY day, site, ${d.column}`,
  );
  return `INSERT INTO hit_days (day, site, dimension, value, count, consented)
    SELECT * FROM (
      SELECT day, site, 'day', '', count(*), sum(consent) FROM hits WHERE ${old} GROUP BY day, site
      UNION ALL ${dims.join(' UNION ALL ')}
      UNION ALL SELECT day, site, 'event', name, count(*), sum(consent) FROM hits WHERE day < @before
        GROUP BY day, site, name
    ) WHERE true
    ON CONFLICT (day, site, dimension, value) DO UPDATE
      SET count = count + excluded.count, consented = consented + excluded.consented`;
}
