// The embedded default: one SQLite file through better-sqlite3, in WAL mode, prepared statements only.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Receipt } from '../../../src/core/types.js';
import { SQLITE_MIGRATIONS } from './migrations/sqlite.js';
import { DIMENSIONS, recordWhere } from './filter.js';
import {
  CHUNK, TOP, dayAfter,
  type PurgeResult, type RecordFilter, type RecordPage, type Stats, type Storage, type StoredHit, type StoredRecord,
} from './types.js';

interface RecordRow {
  receipt_id: string;
  consent_id: string;
  ts: string;
  received_at: string;
  version: string;
  categories: string;
  services: string;
  method: string;
  lang: string;
  path: string;
}

const COLUMNS = 'receipt_id, consent_id, ts, received_at, version, categories, services, method, lang, path';

function toRecord(row: RecordRow): StoredRecord {
  return {
    receiptId: row.receipt_id,
    id: row.consent_id,
    ts: row.ts,
    receivedAt: row.received_at,
    version: row.version,
    categories: JSON.parse(row.categories) as Record<string, boolean>,
    services: JSON.parse(row.services) as Record<string, boolean>,
    method: row.method as Receipt['method'],
    lang: row.lang,
    path: row.path,
  };
}

/**
 * Opens (creating the folder and file if needed) and migrates a SQLite database.
 *
 * WAL with synchronous=NORMAL: a commit appends to the -wal file with write() before better-sqlite3
 * returns, so the data sits in the kernel's page cache and survives the collector being killed
 * (kill -9, crash, OOM); only a power cut or kernel panic can lose the last commits, because the
 * fsync happens at checkpoints. `sync: 'full'` fsyncs every commit for that case too.
 */
export function openSqlite(file: string, sync: 'normal' | 'full' = 'normal'): Storage {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -16384');
  migrate(db);
  const checkpointer = file === ':memory:' ? null : startCheckpointer(db, file);

  const insertRecord = db.prepare(
    `INSERT INTO consent_records (${COLUMNS}) VALUES
     (@receiptId, @id, @ts, @receivedAt, @version, @categories, @services, @method, @lang, @path)
     ON CONFLICT (receipt_id) DO NOTHING`,
  );
  const insertHit = db.prepare(
    `INSERT INTO hits (received_at, day, name, path, referrer, browser, major, os, mobile, lang, vw, consent,
       network, props, minor, screen, session, uid)
     VALUES (@receivedAt, @day, @name, @path, @referrer, @browser, @major, @os, @mobile, @lang, @vw, @consent,
       @network, @props, @minor, @screen, @session, @uid)`,
  );
  const recordsTx = db.transaction((records: StoredRecord[]) => {
    for (const r of records) {
      insertRecord.run({ ...r, categories: JSON.stringify(r.categories), services: JSON.stringify(r.services) });
    }
  });
  const hitsTx = db.transaction((hits: StoredHit[]) => {
    for (const h of hits) {
      insertHit.run({
        ...h,
        mobile: h.mobile ? 1 : 0,
        consent: h.consent ? 1 : 0,
        props: h.props ? JSON.stringify(h.props) : null,
      });
    }
  });

  // Filters combine freely, so statements are prepared per distinct SQL text and kept.
  const cache = new Map<string, Database.Statement>();
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare(sql)));
    return s;
  };
  const q = () => '?';

  const purgeTx = db.transaction((recordsBefore: string, hitsBeforeDay: string): PurgeResult => {
    const records = stmt(
      `DELETE FROM consent_records WHERE consent_id IN
         (SELECT consent_id FROM consent_records GROUP BY consent_id HAVING max(received_at) < ?)`,
    ).run(recordsBefore).changes;
    stmt(rollupSql()).run({ before: hitsBeforeDay });
    const hits = stmt('DELETE FROM hits WHERE day < ?').run(hitsBeforeDay).changes;
    return { records, hits };
  });

  return {
    async insertRecords(records) {
      recordsTx(records);
    },
    async insertHits(hits) {
      hitsTx(hits);
    },
    async listRecords(filter: RecordFilter, page: number, pageSize: number): Promise<RecordPage> {
      const where = recordWhere(filter, q);
      const { total } = stmt(`SELECT count(*) AS total FROM consent_records ${where.sql}`).get(...where.params) as {
        total: number;
      };
      const rows = stmt(
        `SELECT ${COLUMNS} FROM consent_records ${where.sql}
         ORDER BY received_at DESC, receipt_id DESC LIMIT ? OFFSET ?`,
      ).all(...where.params, pageSize, (page - 1) * pageSize) as RecordRow[];
      return { total, records: rows.map(toRecord) };
    },
    async *iterateRecords(filter: RecordFilter) {
      const where = recordWhere(filter, q);
      const and = where.sql ? `${where.sql} AND` : 'WHERE';
      let last: RecordRow | undefined;
      for (;;) {
        const rows = (
          last
            ? stmt(
                `SELECT ${COLUMNS} FROM consent_records ${and} (received_at < ? OR (received_at = ? AND receipt_id < ?))
                 ORDER BY received_at DESC, receipt_id DESC LIMIT ${CHUNK}`,
              ).all(...where.params, last.received_at, last.received_at, last.receipt_id)
            : stmt(
                `SELECT ${COLUMNS} FROM consent_records ${where.sql}
                 ORDER BY received_at DESC, receipt_id DESC LIMIT ${CHUNK}`,
              ).all(...where.params)
        ) as RecordRow[];
        for (const row of rows) yield toRecord(row);
        if (rows.length < CHUNK) return;
        last = rows[rows.length - 1];
      }
    },
    async visitorRecords(id: string) {
      const rows = stmt(
        `SELECT ${COLUMNS} FROM consent_records WHERE consent_id = ? ORDER BY received_at, receipt_id`,
      ).all(id) as RecordRow[];
      return rows.map(toRecord);
    },
    async stats(from: string, to: string): Promise<Stats> {
      const range = { from: `${from}T00:00:00.000Z`, to: `${dayAfter(to)}T00:00:00.000Z`, fromDay: from, toDay: to };
      const decisions = stmt(
        `SELECT substr(received_at, 1, 10) AS day, method, count(*) AS count FROM consent_records
         WHERE received_at >= @from AND received_at < @to GROUP BY day, method ORDER BY day, method`,
      ).all(range) as Stats['decisions'];
      const acceptance = stmt(
        `SELECT substr(r.received_at, 1, 10) AS day, j.key AS category, sum(j.value = 1) AS granted, count(*) AS total
         FROM consent_records r, json_each(r.categories) j
         WHERE r.received_at >= @from AND r.received_at < @to GROUP BY day, category ORDER BY day, category`,
      ).all(range) as Stats['acceptance'];
      const byDay = stmt(
        `SELECT day, sum(count) AS count, sum(consented) AS consented FROM (
           SELECT day, count(*) AS count, sum(consent) AS consented FROM hits
           WHERE name = 'pageview' AND day BETWEEN @fromDay AND @toDay GROUP BY day
           UNION ALL
           SELECT day, count, consented FROM hit_days
           WHERE dimension = 'day' AND day BETWEEN @fromDay AND @toDay
         ) GROUP BY day ORDER BY day`,
      ).all(range) as Stats['pageviews']['byDay'];
      const top = (column: string) =>
        stmt(
          `SELECT value, sum(count) AS count FROM (
             SELECT ${column} AS value, count(*) AS count FROM hits
             WHERE name = 'pageview' AND day BETWEEN @fromDay AND @toDay AND ${column} IS NOT NULL GROUP BY ${column}
             UNION ALL
             SELECT value, count FROM hit_days
             WHERE dimension = '${column}' AND day BETWEEN @fromDay AND @toDay
           ) GROUP BY value ORDER BY count DESC, value LIMIT ${TOP}`,
        ).all(range) as Array<{ value: string; count: number }>;
      const [paths, referrers, browsers, oses] = DIMENSIONS.map((d) => top(d.column)) as Array<
        Array<{ value: string; count: number }>
      >;
      return {
        decisions,
        acceptance,
        pageviews: {
          byDay,
          byPath: paths!.map((r) => ({ path: r.value, count: r.count })),
          byReferrer: referrers!.map((r) => ({ referrer: r.value, count: r.count })),
          byBrowser: browsers!.map((r) => ({ browser: r.value, count: r.count })),
          byOs: oses!.map((r) => ({ os: r.value, count: r.count })),
        },
      };
    },
    async purge(recordsBefore: string, hitsBeforeDay: string) {
      return purgeTx(recordsBefore, hitsBeforeDay);
    },
    async close() {
      await checkpointer?.();
      db.close();
    },
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

// Checkpoints move to a worker thread; the main connection keeps a far threshold as a safety net
// (should the worker die, the WAL still stops growing at about 40 MB).
function startCheckpointer(db: Database.Database, file: string): () => Promise<void> {
  db.pragma('wal_autocheckpoint = 10000');
  const worker = new Worker(new URL('./checkpoint-worker.js', import.meta.url), {
    workerData: { file, intervalMs: 250 },
  });
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', () => {});
  return async () => {
    // Referenced again while it finishes, or the process could end before the final checkpoint.
    worker.ref();
    worker.postMessage('close');
    await exited;
  };
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS garde_schema (version INTEGER NOT NULL)');
  db.transaction(() => {
    const row = db.prepare('SELECT max(version) AS version FROM garde_schema').get() as { version: number | null };
    const current = row.version ?? 0;
    SQLITE_MIGRATIONS.slice(current).forEach((sql, i) => {
      db.exec(sql);
      db.prepare('INSERT INTO garde_schema (version) VALUES (?)').run(current + i + 1);
    });
  }).immediate();
}
