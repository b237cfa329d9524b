// Every write of the SQLite storage, as prepared statements on one connection. Used on the writer thread
// for a database file, and in-thread for an in-memory database.
import type Database from 'better-sqlite3';
import { DIMENSIONS } from './filter.js';
import type { PurgeResult, StoredHit, StoredRecord } from './types.js';

/** A record as the column values of consent_records, in order; flat so it crosses to the writer thread cheaply. */
export type RecordValues = string[];
/** A hit as the column values of hits, in order. */
export type HitValues = Array<string | number | null>;

/** The column values of a record, maps as JSON. */
export function recordValues(r: StoredRecord): RecordValues {
  return [
    r.receiptId,
    r.id,
    r.ts,
    r.receivedAt,
    r.version,
    JSON.stringify(r.categories),
    JSON.stringify(r.services),
    r.method,
    r.lang,
    r.path,
  ];
}

/** The column values of a hit, booleans as 0/1 and props as JSON. */
export function hitValues(h: StoredHit): HitValues {
  return [
    h.receivedAt,
    h.day,
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
  insertRecords(records: RecordValues[]): void;
  insertHits(hits: HitValues[]): void;
  purge(recordsBefore: string, hitsBeforeDay: string): PurgeResult;
}

/** Sets the pragmas every connection of the collector uses. */
export function configure(db: Database.Database, sync: 'normal' | 'full'): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -16384');
}

/** Prepares the writes on `db` (already migrated). */
export function createWriter(db: Database.Database): SqliteWriter {
  const insertRecord = db.prepare(
    `INSERT INTO consent_records
       (receipt_id, consent_id, ts, received_at, version, categories, services, method, lang, path)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (receipt_id) DO NOTHING`,
  );
  const insertHit = db.prepare(
    `INSERT INTO hits (received_at, day, name, path, referrer, browser, major, os, mobile, lang, vw, consent,
       network, props, minor, screen, session, uid)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const deleteVisitors = db.prepare(
    `DELETE FROM consent_records WHERE consent_id IN
       (SELECT consent_id FROM consent_records GROUP BY consent_id HAVING max(received_at) < ?)`,
  );
  const rollup = db.prepare(rollupSql());
  const deleteHits = db.prepare('DELETE FROM hits WHERE day < ?');

  return {
    insertRecords: db.transaction((records: RecordValues[]) => {
      for (const values of records) insertRecord.run(values);
    }),
    insertHits: db.transaction((hits: HitValues[]) => {
      for (const values of hits) insertHit.run(values);
    }),
    purge: db.transaction((recordsBefore: string, hitsBeforeDay: string): PurgeResult => {
      const records = deleteVisitors.run(recordsBefore).changes;
      rollup.run({ before: hitsBeforeDay });
      const hits = deleteHits.run(hitsBeforeDay).changes;
      return { records, hits };
    }),
  };
}

// Pageviews of old days become per-day totals per dimension; `event` keeps the count of every hit name.
function rollupSql(): string {
  const old = "name = 'pageview' AND day < @before";
  const dims = DIMENSIONS.map(
    (d) => `SELECT day, '${d.column}', ${d.column}, count(*), sum(consent) FROM hits
            WHERE ${old} AND ${d.column} IS NOT NULL GROUP BY day, ${d.column}`,
  );
  return `INSERT INTO hit_days (day, dimension, value, count, consented)
    SELECT * FROM (
      SELECT day, 'day', '', count(*), sum(consent) FROM hits WHERE ${old} GROUP BY day
      UNION ALL ${dims.join(' UNION ALL ')}
      UNION ALL SELECT day, 'event', name, count(*), sum(consent) FROM hits WHERE day < @before GROUP BY day, name
    ) WHERE true
    ON CONFLICT (day, dimension, value) DO UPDATE
      SET count = count + excluded.count, consented = consented + excluded.consented`;
}
