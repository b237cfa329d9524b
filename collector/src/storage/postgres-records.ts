// The consent records on PostgreSQL: inserts without a lock (postgres-writes.ts), the reads, and the
// erasure and retention, which take the log's sequencer lock to put the rows waiting into the tree first.
import type pg from 'pg';
import { eraseLogged, prepareErasure } from './log-postgres.js';
import { recordWhere } from './filter.js';
import { rollupSql } from './postgres-analytics.js';
import {
  COLUMNS,
  insertRecords,
  recordErasure,
  toRecord,
  transaction,
  type RecordRow,
} from './postgres-writes.js';
import {
  CHUNK,
  ERASURE_COLUMNS,
  type Erasure,
  type RecordFilter,
  type RecordPage,
  type RecordStore,
} from './types.js';

// pg reads a bigint as a string.
type ErasureRow = Omit<Erasure, 'at' | 'leafIndex'> & { at: Date; leafIndex: string | null };
const toErasure = (row: ErasureRow): Erasure => ({
  ...row,
  at: row.at.toISOString(),
  leafIndex: row.leafIndex === null ? null : Number(row.leafIndex),
});

/** The records store of a PostgreSQL storage. */
export function postgresRecords(pool: pg.Pool): RecordStore {
  const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    (await pool.query<T>(text, values)).rows;
  const $ = (n: number) => `$${n}`;
  return {
    insertRecords: (records) => insertRecords(pool, records),
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
    // Retention erases rather than deletes: the rows stay in the log as tombstones.
    async purge(recordsBefore: string, hitsBeforeDay: string, at = new Date().toISOString()) {
      return transaction(pool, async (client) => {
        // The rows to erase are put in the log first; their erasure is a leaf of its own after.
        await prepareErasure(client);
        const erasure = { at, reason: 'retention', actor: 'retention' } as const;
        const { rows: erased, leafIndex } = await eraseLogged(
          client,
          `r.consent_id IN (SELECT consent_id FROM consent_records WHERE erased_at IS NULL
             GROUP BY consent_id HAVING max(received_at) < $2)`,
          [recordsBefore],
          erasure,
        );
        if (erased) await recordErasure(client, { ...erasure, rows: erased, leafIndex });
        await client.query(rollupSql(), [hitsBeforeDay]);
        const hits = await client.query('DELETE FROM hits WHERE day < $1', [hitsBeforeDay]);
        return { records: erased, hits: hits.rowCount ?? 0 };
      });
    },
    async eraseVisitor(id, { at, actor }) {
      return transaction(pool, async (client) => {
        await prepareErasure(client);
        const { rows, leafIndex } = await eraseLogged(client, 'r.consent_id = $2', [id], {
          at,
          reason: 'request',
          actor,
        });
        if (rows) await recordErasure(client, { at, reason: 'request', rows, actor, leafIndex });
        return rows;
      });
    },
    async erasures() {
      const rows = await query<ErasureRow>(`SELECT ${ERASURE_COLUMNS} FROM erasures ORDER BY id`);
      return rows.map(toErasure);
    },
    async listErasures(page, pageSize) {
      const [count, rows] = await Promise.all([
        query<{ total: string }>('SELECT count(*) AS total FROM erasures'),
        query<ErasureRow>(
          `SELECT ${ERASURE_COLUMNS} FROM erasures ORDER BY id DESC LIMIT $1 OFFSET $2`,
          [pageSize, (page - 1) * pageSize],
        ),
      ]);
      return { total: Number(count[0]!.total), erasures: rows.map(toErasure) };
    },
  };
}
