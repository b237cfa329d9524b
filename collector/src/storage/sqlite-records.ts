// The consent records on SQLite: writes through the writer, reads on the main thread's connection (WAL
// lets it read while the writer commits).
import type Database from 'better-sqlite3';
import { recordWhere } from './filter.js';
import type { WriterCall } from './sqlite-messages.js';
import {
  RECORD_COLUMNS as COLUMNS,
  recordValues,
  toRecord,
  type RecordRow,
} from './sqlite-writer.js';
import {
  CHUNK,
  ERASURE_COLUMNS,
  type Erasure,
  type RecordFilter,
  type RecordPage,
  type RecordStore,
} from './types.js';

/** The records store of a SQLite storage. */
export function sqliteRecords(
  call: WriterCall,
  stmt: (sql: string) => Database.Statement,
): RecordStore {
  const q = () => '?';
  return {
    insertRecords: (records) => call({ op: 'records', rows: records.map(recordValues) }),
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
    purge: (recordsBefore, hitsBeforeDay, at = new Date().toISOString()) =>
      call({ op: 'purge', recordsBefore, hitsBeforeDay, at }),
    eraseVisitor: (consentId, erasure) => call({ op: 'erase', consentId, ...erasure }),
    async erasures() {
      return stmt(`SELECT ${ERASURE_COLUMNS} FROM erasures ORDER BY id`).all() as Erasure[];
    },
    async listErasures(page, pageSize) {
      const { total } = stmt('SELECT count(*) AS total FROM erasures').get() as { total: number };
      const erasures = stmt(
        `SELECT ${ERASURE_COLUMNS} FROM erasures ORDER BY id DESC LIMIT ? OFFSET ?`,
      ).all(pageSize, (page - 1) * pageSize) as Erasure[];
      return { total, erasures };
    },
  };
}
