// The rows and the record writes of the PostgreSQL storage: row shape, transactions, the insert of a
// batch of receipts, the erasure log.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import {
  canonicalMap,
  POSTGRES_PARAMETER,
  RECORD_COLUMNS,
  RECORD_FIELDS,
  fromPostgresValue,
  recordFrom,
  sameReceipt,
} from './record-fields.js';
import { leafHashOf } from '../log/tree.js';
import type { Erasure, InsertOutcome, StoredRecord } from './types.js';

/** A row of consent_records as pg returns it, by column name (timestamptz as Date, jsonb as objects). */
export type RecordRow = Record<string, unknown> & { receipt_id: string; received_at: Date };

/** The content columns of consent_records, in the order of RECORD_FIELDS. */
export const COLUMNS = RECORD_COLUMNS;

/** A stored row back to the API's shape. */
export function toRecord(row: RecordRow): StoredRecord {
  return recordFrom(row, fromPostgresValue);
}

const FIELDS = RECORD_FIELDS.length;

/**
 * INSERT … SELECT FROM unnest(one array parameter per field, then the salts), maps cast to jsonb; the rows
 * stored (not those of a receiptId stored already) queued for the log's sequencer in the same statement,
 * each with its leaf hash (the last parameter, matched by receipt id: the first field's array).
 */
const INSERT_RECORDS = `WITH stored AS (
    INSERT INTO consent_records (${RECORD_COLUMNS}, leaf_salt)
    SELECT ${RECORD_FIELDS.map((f, i) => (f.type === 'map' ? `c${i}::jsonb` : `c${i}`)).join(', ')}, s
    FROM unnest(${RECORD_FIELDS.map((f, i) => `$${i + 1}::${POSTGRES_PARAMETER[f.type]}[]`).join(', ')},
      $${FIELDS + 1}::text[])
      AS x(${RECORD_FIELDS.map((_, i) => `c${i}`).join(', ')}, s)
    ON CONFLICT (receipt_id) DO NOTHING RETURNING receipt_id)
  INSERT INTO log_queue (receipt_id, leaf_hash)
    SELECT stored.receipt_id, h.hash FROM stored
    JOIN unnest($1::text[], $${FIELDS + 2}::text[]) AS h(receipt_id, hash) USING (receipt_id)
  RETURNING receipt_id`;

/** A canonical ISO 8601 UTC time with milliseconds, as PostgreSQL's timestamptz gives it back. */
const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * A record's values in the leaf's order (RECORD_FIELDS), as a row read back gives them to `recordLeaf`:
 * maps as canonical JSON text, times in canonical form, absent values null. They are both the insert's
 * parameters and the leaf's fields.
 */
function storedValues(record: StoredRecord): unknown[] {
  return RECORD_FIELDS.map((f) => {
    if (f.type === 'map') return canonicalMap(record[f.name]);
    const value = record[f.name] ?? null;
    if (f.type === 'time' && typeof value === 'string' && !CANONICAL_TIME.test(value))
      return new Date(value).toISOString();
    return value;
  });
}

/**
 * A record's leaf hash from its stored values: the text `recordLeaf` (garde/wire) makes of the row, since
 * the values are in its order and its maps are canonical JSON text already (as on SQLite).
 */
function leafHashOfValues(values: unknown[], salt: string): string {
  return leafHashOf(JSON.stringify(['garde/record', salt, ...values]));
}

/** Characters an element of an array literal must escape. */
const ESCAPED = /["\\]/;

/**
 * An array parameter in PostgreSQL's text form, `{"a","b",NULL,t}`, written in one pass: pg's own
 * serialiser prepares each element and runs two regular expressions on it, a few microseconds a receipt
 * on the collector's busiest thread. Every element is quoted; only `"` and `\` are escaped (the array
 * syntax's only special characters inside quotes).
 */
export function arrayLiteral(values: ReadonlyArray<unknown>): string {
  let text = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i) text += ',';
    if (value === null || value === undefined) text += 'NULL';
    else if (typeof value === 'boolean') text += value ? 't' : 'f';
    else {
      const element = String(value);
      text += ESCAPED.test(element) ? `"${element.replace(/["\\]/g, '\\$&')}"` : `"${element}"`;
    }
  }
  return `${text}}`;
}

/** `count` fresh salts of 16 random bytes, in hex (one call for all the random bytes). */
export function saltsFor(count: number): string[] {
  const random = randomBytes(16 * count).toString('hex');
  return Array.from({ length: count }, (_, i) => random.slice(32 * i, 32 * i + 32));
}

/** Runs `work` in one transaction on one pooled client: committed, or rolled back on any error. */
export async function transaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Records one erasure (in the caller's transaction). */
export async function recordErasure(client: pg.PoolClient, erasure: Erasure): Promise<void> {
  await client.query(
    'INSERT INTO erasures (at, reason, rows, actor, leaf_index) VALUES ($1, $2, $3, $4, $5)',
    [erasure.at, erasure.reason, erasure.rows, erasure.actor, erasure.leafIndex],
  );
}

/**
 * Inserts a batch of receipts in one statement (columns as arrays, unnest() turns them into rows), without
 * a lock, and queues each new row with its leaf hash: the sequencer puts them into the log's tree later. A receiptId stored already, by any
 * collector, or earlier in the batch, is not written again (ON CONFLICT DO NOTHING); the rows the
 * statement did not return are read back to tell a resend from a conflict.
 */
export async function insertRecords(
  pool: pg.Pool,
  records: StoredRecord[],
): Promise<InsertOutcome[]> {
  if (!records.length) return [];
  const first = new Map<string, StoredRecord>();
  for (const record of records)
    if (!first.has(record.receiptId)) first.set(record.receiptId, record);
  const fresh = [...first.values()];
  const values = fresh.map(storedValues);
  const salts = saltsFor(fresh.length);
  const inserted = await pool.query<{ receipt_id: string }>({
    // A named statement: each connection parses and plans it once, not once a batch (about a seventh of
    // PostgreSQL's CPU per stored receipt under wrk).
    name: 'garde-insert-records',
    text: INSERT_RECORDS,
    values: [
      ...RECORD_FIELDS.map((_, column) => arrayLiteral(values.map((row) => row[column]))),
      arrayLiteral(salts),
      // Each leaf hash computed here, so that the sequencer does not read the row back to hash it.
      arrayLiteral(values.map((row, i) => leafHashOfValues(row, salts[i]!))),
    ],
  });
  const stored = new Set(inserted.rows.map((row) => row.receipt_id));
  const known = new Map<string, StoredRecord>();
  const others = fresh.filter((record) => !stored.has(record.receiptId));
  if (others.length) {
    const { rows } = await pool.query<RecordRow>(
      `SELECT ${COLUMNS} FROM consent_records WHERE receipt_id = ANY($1::text[])`,
      [others.map((record) => record.receiptId)],
    );
    for (const row of rows) known.set(row.receipt_id, toRecord(row));
  }
  const seen = new Set<string>();
  return records.map((record): InsertOutcome => {
    const id = record.receiptId;
    const firstTime = !seen.has(id);
    seen.add(id);
    if (firstTime && stored.has(id)) return 'stored';
    // Rare path: a resend repeats the receipt exactly, anything else is a conflict.
    const earlier = stored.has(id) ? first.get(id) : known.get(id);
    return earlier && sameReceipt(earlier, record) ? 'duplicate' : 'conflict';
  });
}
