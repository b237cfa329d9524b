// The embedded default: one SQLite file through better-sqlite3, in WAL mode, prepared statements only.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import {
  RECORD_COLUMNS as COLUMNS,
  configure,
  createWriter,
  hitValues,
  recordValues,
  toRecord,
  type HitValues,
  type RecordRow,
  type RecordValues,
  type SqliteWriter,
} from './sqlite-writer.js';
import { SQLITE_MIGRATIONS } from './migrations/sqlite.js';
import {
  createSnapshotWriter,
  readVersionsSqlite,
  type SnapshotWriter,
} from './snapshots-sqlite.js';
import {
  counterValues,
  createCounterWriter,
  createTotalsWriter,
  type CounterValues,
  type TotalsWriter,
} from './counters-sqlite.js';
import { DIMENSIONS, recordWhere } from './filter.js';
import { createLogReader } from './log-sqlite.js';
import type { LogHead, StoredCheckpoint } from '../log/types.js';
import {
  CHUNK,
  TOP,
  dayAfter,
  type PathErased,
  type PurgeResult,
  type TotalsRemoved,
  type RecordFilter,
  type RecordPage,
  type Stats,
  type Erasure,
  type InsertOutcome,
  type Storage,
  type StoredSnapshot,
} from './types.js';

/** A row of snapshots as SQLite returns it. */
interface SnapshotRow {
  hash: string;
  lang: string;
  garde_version: string;
  policy_version: string;
  content: string;
  stored_at: string;
}

/**
 * Opens (creating the folder and file if needed) and migrates a SQLite database. Writes go to a writer
 * thread (an in-memory database, for tests, is written in-thread); reads run on this thread's connection,
 * which WAL lets read while the writer commits.
 *
 * WAL with synchronous=NORMAL: a commit appends to the -wal file with write() before it returns, so the
 * data sits in the kernel's page cache and survives the collector being killed (kill -9, crash, OOM);
 * only a power cut or kernel panic can lose the last commits, because the fsync happens at checkpoints.
 * `sync: 'full'` fsyncs every commit for that case too.
 */
export async function openSqlite(
  file: string,
  sync: 'normal' | 'full' = 'normal',
): Promise<Storage> {
  const memory = file === ':memory:';
  if (!memory) mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    configure(db, sync);
    migrate(db);
    checkDatabase(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const writer = memory
    ? inThread(
        createWriter(db),
        createCounterWriter(db),
        createTotalsWriter(db),
        createSnapshotWriter(db),
      )
    : await startWriter(file, sync);

  // Filters combine freely, so statements are prepared per distinct SQL text and kept.
  const cache = new Map<string, Database.Statement>();
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare(sql)));
    return s;
  };
  const q = () => '?';
  const logReader = createLogReader(db);

  return {
    insertRecords: (records) =>
      writer.call({ op: 'records', rows: records.map(recordValues) }) as Promise<InsertOutcome[]>,
    insertHits: (hits) => writer.call({ op: 'hits', rows: hits.map(hitValues) }).then(() => {}),
    countHits: (hits) => writer.call({ op: 'counts', rows: counterValues(hits) }).then(() => {}),
    purgeTotals: (beforeDay) =>
      writer.call({ op: 'purgeTotals', beforeDay }) as Promise<TotalsRemoved>,
    erasePath: (path) => writer.call({ op: 'erasePath', path }) as Promise<PathErased>,
    async listRecords(filter: RecordFilter, page: number, pageSize: number): Promise<RecordPage> {
      const where = recordWhere(filter, q);
      const { total } = stmt(`SELECT count(*) AS total FROM consent_records ${where.sql}`).get(
        ...where.params,
      ) as {
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
        `SELECT ${COLUMNS} FROM consent_records WHERE consent_id = ? AND erased_at IS NULL
         ORDER BY received_at, receipt_id`,
      ).all(id) as RecordRow[];
      return rows.map(toRecord);
    },
    async stats(from: string, to: string): Promise<Omit<Stats, 'log'>> {
      const range = {
        from: `${from}T00:00:00.000Z`,
        to: `${dayAfter(to)}T00:00:00.000Z`,
        fromDay: from,
        toDay: to,
      };
      const decisions = stmt(
        `SELECT substr(received_at, 1, 10) AS day, method, count(*) AS count FROM consent_records
         WHERE received_at >= @from AND received_at < @to AND erased_at IS NULL
         GROUP BY day, method ORDER BY day, method`,
      ).all(range) as Stats['decisions'];
      const acceptance = stmt(
        `SELECT substr(r.received_at, 1, 10) AS day, j.key AS category, sum(j.value = 1) AS granted, count(*) AS total
         FROM consent_records r, json_each(r.categories) j
         WHERE r.received_at >= @from AND r.received_at < @to AND r.erased_at IS NULL
         GROUP BY day, category ORDER BY day, category`,
      ).all(range) as Stats['acceptance'];
      const byDay = stmt(
        `SELECT day, sum(count) AS count, sum(consented) AS consented FROM (
           SELECT day, count(*) AS count, sum(consent) AS consented FROM hits
           WHERE name = 'pageview' AND day BETWEEN @fromDay AND @toDay GROUP BY day
           UNION ALL
           SELECT day, count, consented FROM hit_days
           WHERE dimension = 'day' AND day BETWEEN @fromDay AND @toDay
           UNION ALL
           SELECT day, sum(count), 0 FROM hit_counters
           WHERE name = 'pageview' AND day BETWEEN @fromDay AND @toDay GROUP BY day
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
             UNION ALL
             SELECT ${column}, sum(count) FROM hit_counters
             WHERE name = 'pageview' AND day BETWEEN @fromDay AND @toDay AND ${column} <> '' GROUP BY ${column}
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
    purge: (recordsBefore, hitsBeforeDay, at = new Date().toISOString()) =>
      writer.call({ op: 'purge', recordsBefore, hitsBeforeDay, at }) as Promise<PurgeResult>,
    eraseVisitor: (consentId, erasure) =>
      writer.call({ op: 'erase', consentId, ...erasure }) as Promise<number>,
    async erasures() {
      return stmt('SELECT at, reason, rows, actor FROM erasures ORDER BY id').all() as Erasure[];
    },
    insertSnapshot: (snapshot) =>
      writer.call({ op: 'snapshot', snapshot }) as Promise<'stored' | 'known'>,
    async hasSnapshot(hash) {
      return stmt('SELECT 1 FROM snapshots WHERE hash = ?').get(hash) !== undefined;
    },
    async snapshotReferenced(hash) {
      return (
        stmt('SELECT 1 FROM consent_records WHERE shown = ? AND erased_at IS NULL LIMIT 1').get(
          hash,
        ) !== undefined
      );
    },
    async snapshot(hash) {
      const row = stmt('SELECT * FROM snapshots WHERE hash = ?').get(hash) as
        SnapshotRow | undefined;
      return row ? toSnapshot(row) : null;
    },
    snapshotVersions: async (page, pageSize) => readVersionsSqlite(db, page, pageSize),
    publishSnapshot: (snapshot, at) =>
      writer.call({ op: 'publishSnapshot', snapshot, at }) as Promise<'stored' | 'known'>,
    dropOrphanSnapshots: () => writer.call({ op: 'dropOrphanSnapshots' }) as Promise<number>,
    log: {
      ...logReader,
      // The writer thread is the only writer: it is always the sequencer.
      sequence: () => writer.call({ op: 'sequence' }) as Promise<LogHead>,
      saveCheckpoint: (checkpoint) =>
        writer.call({ op: 'checkpoint', checkpoint }) as Promise<boolean>,
    },
    async close() {
      // Whatever was stored goes into the tree before the file closes.
      await writer.call({ op: 'sequence' });
      await writer.call({ op: 'close' });
      db.close();
    },
  };
}

function toSnapshot(row: SnapshotRow): StoredSnapshot {
  return {
    hash: row.hash,
    lang: row.lang,
    v: row.garde_version,
    policyVersion: row.policy_version,
    content: row.content,
    storedAt: row.stored_at,
  };
}

type Call =
  | { op: 'snapshot'; snapshot: StoredSnapshot }
  | { op: 'records'; rows: RecordValues[] }
  | { op: 'hits'; rows: HitValues[] }
  | { op: 'counts'; rows: CounterValues[] }
  | { op: 'purge'; recordsBefore: string; hitsBeforeDay: string; at: string }
  | { op: 'erase'; consentId: string; at: string; actor: string }
  | { op: 'sequence' }
  | { op: 'checkpoint'; checkpoint: StoredCheckpoint }
  | { op: 'purgeTotals'; beforeDay: string }
  | { op: 'erasePath'; path: string }
  | { op: 'publishSnapshot'; snapshot: StoredSnapshot; at: string }
  | { op: 'dropOrphanSnapshots' }
  | { op: 'ping' }
  | { op: 'close' };

interface Writer {
  call(request: Call): Promise<unknown>;
}

function inThread(
  writer: SqliteWriter,
  countHits: (rows: CounterValues[]) => void,
  totals: TotalsWriter,
  snapshots: SnapshotWriter,
): Writer {
  return {
    async call(request) {
      if (request.op === 'publishSnapshot') return snapshots.publish(request.snapshot, request.at);
      if (request.op === 'dropOrphanSnapshots') return snapshots.dropOrphans();
      if (request.op === 'purgeTotals') return totals.purgeTotals(request.beforeDay);
      if (request.op === 'erasePath') return totals.erasePath(request.path);
      if (request.op === 'records') return writer.insertRecords(request.rows);
      if (request.op === 'hits') writer.insertHits(request.rows);
      else if (request.op === 'counts') countHits(request.rows);
      else if (request.op === 'purge')
        return writer.purge(request.recordsBefore, request.hitsBeforeDay, request.at);
      else if (request.op === 'erase')
        return writer.erase(request.consentId, request.at, request.actor);
      else if (request.op === 'snapshot') return writer.insertSnapshot(request.snapshot);
      else if (request.op === 'sequence') return writer.sequence();
      else if (request.op === 'checkpoint') return writer.saveCheckpoint(request.checkpoint);
      return null;
    },
  };
}

// The writer thread answers each request by id once its transaction has committed (or failed).
async function startWriter(file: string, sync: 'normal' | 'full'): Promise<Writer> {
  const worker = new Worker(new URL('./sqlite-worker.js', import.meta.url), {
    workerData: { file, sync },
  });
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  let next = 0;
  let dead: Error | null = null;
  const fail = (error: Error) => {
    dead = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on(
    'message',
    (answer: { id: number; ok: boolean; result?: unknown; message?: string }) => {
      const p = pending.get(answer.id);
      pending.delete(answer.id);
      if (answer.ok) p?.resolve(answer.result);
      else p?.reject(new Error(`SQLite writer: ${answer.message}`));
      // Idle, the writer thread must not keep the process alive.
      if (!pending.size) worker.unref();
    },
  );
  worker.on('error', (error) => fail(error));
  worker.on('exit', (code) => fail(new Error(`SQLite writer thread exited (${code})`)));
  worker.unref();
  const writer: Writer = {
    call(request) {
      if (dead) return Promise.reject(dead);
      const id = ++next;
      worker.ref();
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, ...request });
      });
    },
  };
  // A first round trip: the thread has opened the database before the storage is handed out.
  await writer.call({ op: 'ping' });
  return writer;
}

/**
 * At start, not at the first receipt: a damaged file (PRAGMA quick_check) or one the collector cannot
 * write (a write in a transaction, rolled back) stops it with a clear error instead of 500s later.
 */
function checkDatabase(db: Database.Database): void {
  const problems = db.pragma('quick_check', { simple: false }) as Array<{ quick_check: string }>;
  const report = problems.map((row) => row.quick_check);
  if (report.length !== 1 || report[0] !== 'ok') {
    throw new Error(`the database is damaged (quick_check: ${report.slice(0, 3).join('; ')})`);
  }
  try {
    db.exec('BEGIN IMMEDIATE');
    db.prepare('INSERT INTO garde_schema (version) VALUES (0)').run();
  } catch (error) {
    throw new Error(`the database is not writable (${(error as Error).message})`);
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS garde_schema (version INTEGER NOT NULL)');
  db.transaction(() => {
    const row = db.prepare('SELECT max(version) AS version FROM garde_schema').get() as {
      version: number | null;
    };
    const current = row.version ?? 0;
    SQLITE_MIGRATIONS.slice(current).forEach((sql, i) => {
      db.exec(sql);
      db.prepare('INSERT INTO garde_schema (version) VALUES (?)').run(current + i + 1);
    });
  }).immediate();
}
