// Every write of the SQLite storage, as prepared statements on one connection. Used on the writer thread
// for a database file, and in-thread for an in-memory database.
import type Database from 'better-sqlite3';
import { DIMENSIONS } from './filter.js';
import type { PurgeResult, StoredHit, StoredRecord } from './types.js';

/** The synchronous writes; each call is one transaction. */
export interface SqliteWriter {
  insertRecords(records: StoredRecord[]): void;
  insertHits(hits: StoredHit[]): void;
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
     VALUES (@receiptId, @id, @ts, @receivedAt, @version, @categories, @services, @method, @lang, @path)
     ON CONFLICT (receipt_id) DO NOTHING`,
  );
  const insertHit = db.prepare(
    `INSERT INTO hits (received_at, day, name, path, referrer, browser, major, os, mobile, lang, vw, consent,
       network, props, minor, screen, session, uid)
     VALUES (@receivedAt, @day, @name, @path, @referrer, @browser, @major, @os, @mobile, @lang, @vw, @consent,
       @network, @props, @minor, @screen, @session, @uid)`,
  );
  const deleteVisitors = db.prepare(
    `DELETE FROM consent_records WHERE consent_id IN
       (SELECT consent_id FROM consent_records GROUP BY consent_id HAVING max(received_at) < ?)`,
  );
  const rollup = db.prepare(rollupSql());
  const deleteHits = db.prepare('DELETE FROM hits WHERE day < ?');

  return {
    insertRecords: db.transaction((records: StoredRecord[]) => {
      for (const r of records) {
        insertRecord.run({ ...r, categories: JSON.stringify(r.categories), services: JSON.stringify(r.services) });
      }
    }),
    insertHits: db.transaction((hits: StoredHit[]) => {
      for (const h of hits) {
        insertHit.run({
          ...h,
          mobile: h.mobile ? 1 : 0,
          consent: h.consent ? 1 : 0,
          props: h.props ? JSON.stringify(h.props) : null,
        });
      }
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
