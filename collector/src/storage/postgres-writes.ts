// The rows and the record writes of the PostgreSQL storage: row shape, transactions, the insert of a
// batch of receipts, the erasure log.
import type pg from 'pg';
import type { Receipt } from 'garde/wire';
import { canonicalJson, sameReceipt } from './record-content.js';
import type { Erasure, InsertOutcome, StoredRecord } from './types.js';

/** A row of consent_records as pg returns it (timestamptz as Date, jsonb as objects). */
export interface RecordRow {
  receipt_id: string;
  consent_id: string;
  ts: string;
  received_at: Date;
  version: string;
  categories: Record<string, boolean>;
  services: Record<string, boolean>;
  method: string;
  lang: string;
  path: string;
  origin: string | null;
  clock_skew: boolean;
  shown: string | null;
  layer: string | null;
  garde_version: string | null;
}

/** The content columns of consent_records, in the order of RecordRow. */
export const COLUMNS =
  'receipt_id, consent_id, ts, received_at, version, categories, services, method, lang, path, origin, clock_skew, ' +
  'shown, layer, garde_version';

/** A stored row back to the API's shape. */
export function toRecord(row: RecordRow): StoredRecord {
  return {
    receiptId: row.receipt_id,
    id: row.consent_id,
    ts: row.ts,
    receivedAt: row.received_at.toISOString(),
    version: row.version,
    categories: row.categories,
    services: row.services,
    method: row.method as Receipt['method'],
    lang: row.lang,
    path: row.path,
    origin: row.origin,
    clockSkew: row.clock_skew,
    shown: row.shown,
    layer: row.layer as StoredRecord['layer'],
    v: row.garde_version,
  };
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
  await client.query('INSERT INTO erasures (at, reason, rows, actor) VALUES ($1, $2, $3, $4)', [
    erasure.at,
    erasure.reason,
    erasure.rows,
    erasure.actor,
  ]);
}

/**
 * Inserts a batch of receipts in one statement (columns as arrays, unnest() turns them into rows), without
 * a lock: the sequencer puts the new rows into the log's tree later. A receiptId stored already, by any
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
  const column = <K extends keyof StoredRecord>(key: K) => fresh.map((record) => record[key]);
  const inserted = await pool.query<{ receipt_id: string }>(
    `INSERT INTO consent_records (${COLUMNS})
     SELECT r, c, t, a, v, cat::jsonb, s::jsonb, m, l, p, o, k, sh, ly, gv
     FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[],
                 $8::text[], $9::text[], $10::text[], $11::text[], $12::boolean[], $13::text[], $14::text[],
                 $15::text[])
       AS x(r, c, t, a, v, cat, s, m, l, p, o, k, sh, ly, gv)
     ON CONFLICT (receipt_id) DO NOTHING RETURNING receipt_id`,
    [
      column('receiptId'),
      column('id'),
      column('ts'),
      column('receivedAt'),
      column('version'),
      fresh.map((record) => canonicalJson(record.categories)),
      fresh.map((record) => canonicalJson(record.services)),
      column('method'),
      column('lang'),
      column('path'),
      column('origin'),
      column('clockSkew'),
      column('shown'),
      column('layer'),
      column('v'),
    ],
  );
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
