// PostgreSQL through a pg Pool, for sites that outgrow one machine: same tables, same answers as SQLite.
import pg from 'pg';
import { POSTGRES_MIGRATIONS } from './migrations/postgres.js';
import {
  dropOrphanSnapshotsPostgres,
  publishSnapshotPostgres,
  readVersionsPostgres,
} from './snapshots-postgres.js';
import { countHitsPostgres, erasePathPostgres, purgeTotalsPostgres } from './counters-postgres.js';
import { logErasure, postgresLog, prepareErasure } from './log-postgres.js';
import { DIMENSIONS, recordWhere } from './filter.js';
import {
  COLUMNS,
  insertRecords,
  recordErasure,
  toRecord,
  transaction,
  type RecordRow,
} from './postgres-writes.js';
import { TOMBSTONE_SET } from './record-fields.js';
import {
  CHUNK,
  TOP,
  dayAfter,
  type Erasure,
  type RecordFilter,
  type RecordPage,
  type Stats,
  type Storage,
  type StoredHit,
} from './types.js';

// Any constant key works; it only serialises migrations when several collectors start together.
const MIGRATION_LOCK = 7_164_201;

export interface PostgresOptions {
  connectionString: string;
  /** A schema to work in (the tests use one per run); default: the role's search_path. */
  schema?: string;
  max?: number;
}

/** Connects, migrates and returns the PostgreSQL storage. */
export async function openPostgres(options: PostgresOptions): Promise<Storage> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client losing its connection must not crash the collector; the next query reconnects.
  pool.on('error', () => {});
  const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    (await pool.query<T>(text, values)).rows;
  const $ = (n: number) => `$${n}`;
  const log = postgresLog(pool);
  try {
    await migrate(pool, options.schema);
    await checkWritable(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }

  return {
    insertRecords: (records) => insertRecords(pool, records),
    async insertHits(hits: StoredHit[]) {
      if (!hits.length) return;
      const col = <K extends keyof StoredHit>(k: K) => hits.map((h) => h[k]);
      await pool.query(
        `INSERT INTO hits (received_at, day, name, path, referrer, browser, major, os, mobile, lang, vw, consent,
           network, props, minor, screen, session, uid)
         SELECT a, d, n, p, r, b, ma, o, mo, l, vw, c, net, pr::jsonb, mi, sc, se, u
         FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[],
                     $8::text[], $9::boolean[], $10::text[], $11::int[], $12::boolean[], $13::text[], $14::text[],
                     $15::int[], $16::text[], $17::text[], $18::text[])
           AS x(a, d, n, p, r, b, ma, o, mo, l, vw, c, net, pr, mi, sc, se, u)`,
        [
          col('receivedAt'),
          col('day'),
          col('name'),
          col('path'),
          col('referrer'),
          col('browser'),
          col('major'),
          col('os'),
          col('mobile'),
          col('lang'),
          col('vw'),
          col('consent'),
          col('network'),
          hits.map((h) => (h.props ? JSON.stringify(h.props) : null)),
          col('minor'),
          col('screen'),
          col('session'),
          col('uid'),
        ],
      );
    },
    countHits: (hits) => countHitsPostgres(pool, hits),
    purgeTotals: (beforeDay) => purgeTotalsPostgres(pool, beforeDay),
    erasePath: (path) => erasePathPostgres(pool, path),
    async listRecords(filter: RecordFilter, page: number, pageSize: number): Promise<RecordPage> {
      const where = recordWhere(filter, $);
      const n = where.params.length;
      const [count, rows] = await Promise.all([
        query<{ total: string }>(
          `SELECT count(*) AS total FROM consent_records ${where.sql}`,
          where.params,
        ),
        query<RecordRow>(
          `SELECT ${COLUMNS} FROM consent_records ${where.sql}
           ORDER BY received_at DESC, receipt_id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
          [...where.params, pageSize, (page - 1) * pageSize],
        ),
      ]);
      return { total: Number(count[0]!.total), records: rows.map(toRecord) };
    },
    async *iterateRecords(filter: RecordFilter) {
      const where = recordWhere(filter, $);
      const n = where.params.length;
      const and = where.sql ? `${where.sql} AND` : 'WHERE';
      let last: RecordRow | undefined;
      for (;;) {
        const rows = last
          ? await query<RecordRow>(
              `SELECT ${COLUMNS} FROM consent_records
               ${and} (received_at, receipt_id) < ($${n + 1}::timestamptz, $${n + 2})
               ORDER BY received_at DESC, receipt_id DESC LIMIT ${CHUNK}`,
              [...where.params, last.received_at, last.receipt_id],
            )
          : await query<RecordRow>(
              `SELECT ${COLUMNS} FROM consent_records ${where.sql}
               ORDER BY received_at DESC, receipt_id DESC LIMIT ${CHUNK}`,
              where.params,
            );
        for (const row of rows) yield toRecord(row);
        if (rows.length < CHUNK) return;
        last = rows[rows.length - 1];
      }
    },
    async visitorRecords(id: string) {
      const rows = await query<RecordRow>(
        `SELECT ${COLUMNS} FROM consent_records WHERE consent_id = $1 AND erased_at IS NULL
         ORDER BY received_at, receipt_id`,
        [id],
      );
      return rows.map(toRecord);
    },
    async stats(from: string, to: string): Promise<Omit<Stats, 'log'>> {
      const range = [`${from}T00:00:00.000Z`, `${dayAfter(to)}T00:00:00.000Z`];
      const days = [from, to];
      const utcDay = "to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')";
      const top = (column: string) =>
        query<{ value: string; count: string }>(
          `SELECT value, sum(count) AS count FROM (
             SELECT ${column} AS value, count(*) AS count FROM hits
             WHERE name = 'pageview' AND day BETWEEN $1 AND $2 AND ${column} IS NOT NULL GROUP BY ${column}
             UNION ALL
             SELECT value, count FROM hit_days WHERE dimension = '${column}' AND day BETWEEN $1 AND $2
             UNION ALL
             SELECT ${column}, sum(count) FROM hit_counters
             WHERE name = 'pageview' AND day BETWEEN $1 AND $2 AND ${column} <> '' GROUP BY ${column}
           ) t GROUP BY value ORDER BY sum(count) DESC, value LIMIT ${TOP}`,
          days,
        ).then((rows) => rows.map((r) => ({ value: r.value, count: Number(r.count) })));
      const [decisions, acceptance, byDay, paths, referrers, browsers, oses] = await Promise.all([
        query<{ day: string; method: string; count: string }>(
          `SELECT ${utcDay} AS day, method, count(*) AS count FROM consent_records
           WHERE received_at >= $1 AND received_at < $2 AND erased_at IS NULL
           GROUP BY 1, 2 ORDER BY 1, 2`,
          range,
        ),
        query<{ day: string; category: string; granted: string; total: string }>(
          `SELECT ${utcDay} AS day, j.key AS category, count(*) FILTER (WHERE j.value = 'true') AS granted,
                  count(*) AS total
           FROM consent_records, jsonb_each_text(categories) AS j
           WHERE received_at >= $1 AND received_at < $2 AND erased_at IS NULL
           GROUP BY 1, 2 ORDER BY 1, 2`,
          range,
        ),
        query<{ day: string; count: string; consented: string }>(
          `SELECT day, sum(count) AS count, sum(consented) AS consented FROM (
             SELECT day, count(*) AS count, count(*) FILTER (WHERE consent) AS consented FROM hits
             WHERE name = 'pageview' AND day BETWEEN $1 AND $2 GROUP BY day
             UNION ALL
             SELECT day, count, consented FROM hit_days WHERE dimension = 'day' AND day BETWEEN $1 AND $2
             UNION ALL
             SELECT day, sum(count), 0 FROM hit_counters
             WHERE name = 'pageview' AND day BETWEEN $1 AND $2 GROUP BY day
           ) t GROUP BY day ORDER BY day`,
          days,
        ),
        ...DIMENSIONS.map((d) => top(d.column)),
      ]);
      return {
        decisions: decisions.map((r) => ({ day: r.day, method: r.method, count: Number(r.count) })),
        acceptance: acceptance.map((r) => ({
          day: r.day,
          category: r.category,
          granted: Number(r.granted),
          total: Number(r.total),
        })),
        pageviews: {
          byDay: byDay.map((r) => ({
            day: r.day,
            count: Number(r.count),
            consented: Number(r.consented),
          })),
          byPath: paths!.map((r) => ({ path: r.value, count: r.count })),
          byReferrer: referrers!.map((r) => ({ referrer: r.value, count: r.count })),
          byBrowser: browsers!.map((r) => ({ browser: r.value, count: r.count })),
          byOs: oses!.map((r) => ({ os: r.value, count: r.count })),
        },
      };
    },
    // Retention erases rather than deletes: the rows stay in the log as tombstones.
    async purge(recordsBefore: string, hitsBeforeDay: string, at = new Date().toISOString()) {
      return transaction(pool, async (client) => {
        // The rows to erase are put in the log first; their erasure is a leaf of its own after.
        await prepareErasure(client);
        const records = await client.query(
          `UPDATE consent_records SET ${TOMBSTONE_SET}, erased_at = $2
           WHERE erased_at IS NULL AND leaf_index IS NOT NULL AND consent_id IN
             (SELECT consent_id FROM consent_records WHERE erased_at IS NULL
              GROUP BY consent_id HAVING max(received_at) < $1)`,
          [recordsBefore, at],
        );
        const erased = records.rowCount ?? 0;
        if (erased)
          await recordErasure(client, {
            at,
            reason: 'retention',
            rows: erased,
            actor: 'retention',
          });
        await logErasure(client, at, 'retention', 'retention');
        await client.query(rollupSql(), [hitsBeforeDay]);
        const hits = await client.query('DELETE FROM hits WHERE day < $1', [hitsBeforeDay]);
        return { records: erased, hits: hits.rowCount ?? 0 };
      });
    },
    async eraseVisitor(id, { at, actor }) {
      return transaction(pool, async (client) => {
        await prepareErasure(client);
        const result = await client.query(
          `UPDATE consent_records SET ${TOMBSTONE_SET}, erased_at = $2
           WHERE consent_id = $1 AND erased_at IS NULL AND leaf_index IS NOT NULL`,
          [id, at],
        );
        const rows = result.rowCount ?? 0;
        if (rows) await recordErasure(client, { at, reason: 'request', rows, actor });
        await logErasure(client, at, 'request', actor);
        return rows;
      });
    },
    log,
    async erasures() {
      const rows = await query<{
        at: Date;
        reason: Erasure['reason'];
        rows: number;
        actor: string;
      }>('SELECT at, reason, rows, actor FROM erasures ORDER BY id');
      return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
    },
    async insertSnapshot(snapshot) {
      const result = await pool.query(
        `INSERT INTO snapshots (hash, lang, garde_version, policy_version, content, stored_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (hash) DO NOTHING`,
        [
          snapshot.hash,
          snapshot.lang,
          snapshot.v,
          snapshot.policyVersion,
          snapshot.content,
          snapshot.storedAt,
        ],
      );
      return result.rowCount === 1 ? 'stored' : 'known';
    },
    async hasSnapshot(hash) {
      return (await query('SELECT 1 FROM snapshots WHERE hash = $1', [hash])).length > 0;
    },
    async snapshotReferenced(hash) {
      const rows = await query(
        'SELECT 1 FROM consent_records WHERE shown = $1 AND erased_at IS NULL LIMIT 1',
        [hash],
      );
      return rows.length > 0;
    },
    async snapshot(hash) {
      const rows = await query<{
        hash: string;
        lang: string;
        garde_version: string;
        policy_version: string;
        content: string;
        stored_at: Date;
      }>('SELECT * FROM snapshots WHERE hash = $1', [hash]);
      const row = rows[0];
      if (!row) return null;
      return {
        hash: row.hash,
        lang: row.lang,
        v: row.garde_version,
        policyVersion: row.policy_version,
        content: row.content,
        storedAt: row.stored_at.toISOString(),
      };
    },
    snapshotVersions: (page, pageSize) => readVersionsPostgres(pool, page, pageSize),
    publishSnapshot: (snapshot, at) => publishSnapshotPostgres(pool, snapshot, at),
    dropOrphanSnapshots: () => dropOrphanSnapshotsPostgres(pool),
    async close() {
      // Whatever this collector stored goes into the tree (unless another collector is sequencing).
      await log.sequence().catch(() => null);
      await pool.end();
    },
  };
}

// Same rollup as SQLite's: pageviews per day and dimension, and every hit name under `event`.
function rollupSql(): string {
  const old = "name = 'pageview' AND day < $1";
  const consented = 'count(*) FILTER (WHERE consent)';
  const dims = DIMENSIONS.map(
    (d) => `SELECT day, '${d.column}', ${d.column}, count(*), ${consented} FROM hits
            WHERE ${old} AND ${d.column} IS NOT NULL GROUP BY day, ${d.column}`,
  );
  return `INSERT INTO hit_days (day, dimension, value, count, consented)
    SELECT day, 'day', '', count(*), ${consented} FROM hits WHERE ${old} GROUP BY day
    UNION ALL ${dims.join(' UNION ALL ')}
    UNION ALL SELECT day, 'event', name, count(*), ${consented} FROM hits WHERE day < $1 GROUP BY day, name
    ON CONFLICT (day, dimension, value) DO UPDATE
      SET count = hit_days.count + excluded.count, consented = hit_days.consented + excluded.consented`;
}

// At start, not at the first receipt: a role or server that cannot write stops the collector clearly.
async function checkWritable(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO garde_schema (version) VALUES (0)');
  } catch (error) {
    throw new Error(`the database is not writable (${(error as Error).message})`);
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}

async function migrate(pool: pg.Pool, schema: string | undefined): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
    await client.query('CREATE TABLE IF NOT EXISTS garde_schema (version integer NOT NULL)');
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM garde_schema',
    );
    const current = rows[0]?.version ?? 0;
    for (const [i, sql] of POSTGRES_MIGRATIONS.slice(current).entries()) {
      await client.query(sql);
      await client.query('INSERT INTO garde_schema (version) VALUES ($1)', [current + i + 1]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
