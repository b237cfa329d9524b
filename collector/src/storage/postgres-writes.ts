// The rows and the chained writes of the PostgreSQL storage: row shape, transactions, the chain head lock,
// the insert of hashed rows, the chaining of rows stored before the chain existed, the erasure log.
import type pg from 'pg';
import type { Receipt } from 'garde/wire';
import { canonicalJson, chainHash, contentHash, hashedFields } from './record-content.js';
import type { Erasure, StoredRecord } from './types.js';

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

/** A row with its place in the chain; bigint seq as text. */
export type ChainedRow = RecordRow & {
  seq: string;
  content_hash: string;
  chain_hash: string;
  erased_at: Date | null;
};

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

/** A new row with its place in the chain. */
export interface ChainedRecord {
  record: StoredRecord;
  seq: number;
  content: string;
  chain: string;
}

// The head row, locked until the transaction ends: the one point every writer of the chain goes through.
export async function lockHead(client: pg.PoolClient): Promise<{ seq: number; hash: string }> {
  const { rows } = await client.query<{ seq: string; hash: string }>(
    'SELECT seq, hash FROM chain_head WHERE id = 1 FOR UPDATE',
  );
  return { seq: Number(rows[0]!.seq), hash: rows[0]!.hash };
}

/** Inserts chained rows in one statement (columns as arrays, unnest() turns them into rows). */
export async function insertChained(client: pg.PoolClient, rows: ChainedRecord[]): Promise<void> {
  const column = <K extends keyof StoredRecord>(key: K) => rows.map((row) => row.record[key]);
  await client.query(
    `INSERT INTO consent_records (${COLUMNS}, seq, content_hash, chain_hash)
     SELECT r, c, t, a, v, cat::jsonb, s::jsonb, m, l, p, o, k, sh, ly, gv, n, h, ch
     FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[],
                 $8::text[], $9::text[], $10::text[], $11::text[], $12::boolean[], $13::text[], $14::text[],
                 $15::text[], $16::bigint[], $17::text[], $18::text[])
       AS x(r, c, t, a, v, cat, s, m, l, p, o, k, sh, ly, gv, n, h, ch)`,
    [
      column('receiptId'),
      column('id'),
      column('ts'),
      column('receivedAt'),
      column('version'),
      rows.map((row) => canonicalJson(row.record.categories)),
      rows.map((row) => canonicalJson(row.record.services)),
      column('method'),
      column('lang'),
      column('path'),
      column('origin'),
      column('clockSkew'),
      column('shown'),
      column('layer'),
      column('v'),
      rows.map((row) => row.seq),
      rows.map((row) => row.content),
      rows.map((row) => row.chain),
    ],
  );
}

// Rows stored before the chain existed (schema 3) are chained once, in receive order.
export async function chainUnchained(client: pg.PoolClient): Promise<void> {
  let { seq, hash } = await lockHead(client);
  const { rows } = await client.query<RecordRow>(
    `SELECT ${COLUMNS} FROM consent_records WHERE seq IS NULL ORDER BY received_at, receipt_id`,
  );
  if (!rows.length) return;
  for (const row of rows) {
    const content = contentHash(hashedFields(toRecord(row)));
    hash = chainHash(hash, content);
    seq++;
    await client.query(
      'UPDATE consent_records SET seq = $1, content_hash = $2, chain_hash = $3 WHERE receipt_id = $4',
      [seq, content, hash, row.receipt_id],
    );
  }
  await client.query('UPDATE chain_head SET seq = $1, hash = $2 WHERE id = 1', [seq, hash]);
}
