// The stored consent record described once: each field's name in the API, its column in consent_records,
// how each database stores it, whether the browser sent it (what a replay must repeat), whether the log's
// leaf covers it, and what an erasure leaves in it. Both databases' inserts and row mappings, the tombstone
// and the comparison of a replay come from this table; the leaf (`recordLeaf` in garde/wire, which must run
// without the collector) keeps its own list, and collector/test/storage/record-fields.test.ts proves the two
// are the same.
import { canonicalJson } from 'garde/wire';
import type { StoredRecord } from './types.js';

/**
 * How a field is stored: `text`; `time`, an ISO 8601 UTC time (SQLite text, PostgreSQL timestamptz); `map`,
 * an object of booleans (canonical JSON text in SQLite, jsonb in PostgreSQL); `flag`, a boolean (SQLite 0/1,
 * PostgreSQL boolean).
 */
export type FieldType = 'text' | 'time' | 'map' | 'flag';

export interface RecordField {
  name: keyof StoredRecord;
  column: string;
  type: FieldType;
  nullable: boolean;
  /** Sent by the browser: a resend must repeat it exactly (the others are the server's). */
  sent: boolean;
  /** In the record's leaf, in this order (after the leaf's tag and salt). */
  hashed: boolean;
  /** The SQL value an erasure writes (the same in both databases), or null: the column is kept. */
  erasedAs: string | null;
}

const field = (
  name: keyof StoredRecord,
  column: string,
  type: FieldType,
  more: Partial<Pick<RecordField, 'nullable' | 'sent' | 'erasedAs'>> = {},
): RecordField => ({
  name,
  column,
  type,
  nullable: more.nullable ?? false,
  sent: more.sent ?? true,
  hashed: true,
  erasedAs: more.erasedAs === undefined ? (more.nullable ? 'NULL' : "''") : more.erasedAs,
});

/** The fields of consent_records, in the order of the leaf (and of every column list). */
export const RECORD_FIELDS: readonly RecordField[] = [
  // An erased row keeps a unique name outside what a receipt may take (receipt ids are UUIDs).
  field('receiptId', 'receipt_id', 'text', { erasedAs: "'erased-leaf-' || leaf_index" }),
  field('id', 'consent_id', 'text'),
  field('ts', 'ts', 'text'),
  field('receivedAt', 'received_at', 'time', { sent: false, erasedAs: null }),
  field('version', 'version', 'text'),
  field('categories', 'categories', 'map', { erasedAs: "'{}'" }),
  field('services', 'services', 'map', { erasedAs: "'{}'" }),
  field('method', 'method', 'text', { erasedAs: "'erased'" }),
  field('lang', 'lang', 'text'),
  field('path', 'path', 'text'),
  field('origin', 'origin', 'text', { nullable: true, sent: false }),
  field('clockSkew', 'clock_skew', 'flag', { sent: false, erasedAs: null }),
  field('shown', 'shown', 'text', { nullable: true }),
  field('layer', 'layer', 'text', { nullable: true }),
  field('v', 'garde_version', 'text', { nullable: true }),
];

/** The record's columns, comma-separated, in the table's order. */
export const RECORD_COLUMNS = RECORD_FIELDS.map((f) => f.column).join(', ');

/** The same, each prefixed (`r.receipt_id, r.consent_id, …`) for a join. */
export const recordColumnsOf = (alias: string): string =>
  RECORD_FIELDS.map((f) => `${alias}.${f.column}`).join(', ');

/**
 * What an erased row becomes, as a SET list: every content column emptied; the receive time and the
 * clock-skew flag stay, with the leaf index (the log's erasure leaf names it).
 */
export const TOMBSTONE_SET = RECORD_FIELDS.filter((f) => f.erasedAs !== null)
  .map((f) => `${f.column} = ${f.erasedAs}`)
  .join(', ');

/** The fields the browser sent, as one canonical text (object keys sorted, whatever a database did). */
function sentContent(record: StoredRecord): string {
  return canonicalJson(RECORD_FIELDS.filter((f) => f.sent).map((f) => record[f.name]));
}

/** Whether `replay` repeats `stored` (same receipt, maybe received again later or from elsewhere). */
export function sameReceipt(stored: StoredRecord, replay: StoredRecord): boolean {
  return sentContent(stored) === sentContent(replay);
}

/**
 * canonicalJson of a map, on the ingest path: a receipt's maps are objects of booleans (the schema says
 * so), written here without canonicalJson's recursion and arrays; anything else goes to canonicalJson.
 */
export function canonicalMap(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return canonicalJson(value);
  const map = value as Record<string, unknown>;
  const keys = Object.keys(map).sort();
  let text = '{';
  for (let i = 0; i < keys.length; i++) {
    const member = map[keys[i]!];
    if (typeof member !== 'boolean') return canonicalJson(value);
    text += `${i ? ',' : ''}${JSON.stringify(keys[i])}:${member}`;
  }
  return `${text}}`;
}

/** A value as a column holds it in SQLite: maps as canonical JSON text, flags as 0/1. */
export function toSqliteValue(f: RecordField, value: unknown): string | number | null {
  if (f.type === 'map') return canonicalMap(value);
  if (f.type === 'flag') return value ? 1 : 0;
  return (value as string | null) ?? null;
}

/** A SQLite column value back to the record's. */
export function fromSqliteValue(f: RecordField, value: unknown): unknown {
  if (f.type === 'map') return JSON.parse(value as string) as unknown;
  if (f.type === 'flag') return value === 1;
  return value ?? null;
}

/** A PostgreSQL column value (as pg returns it) back to the record's. */
export function fromPostgresValue(f: RecordField, value: unknown): unknown {
  if (f.type === 'time') return (value as Date).toISOString();
  return value ?? null;
}

/** The PostgreSQL type of a column's array parameter (maps go as JSON text, cast after unnest). */
export const POSTGRES_PARAMETER: Record<FieldType, string> = {
  text: 'text',
  time: 'timestamptz',
  map: 'text',
  flag: 'boolean',
};

/** A record from a row whose values `read` turns back into the record's (one per database). */
export function recordFrom(
  row: Record<string, unknown>,
  read: (f: RecordField, value: unknown) => unknown,
): StoredRecord {
  const record: Record<string, unknown> = {};
  for (const f of RECORD_FIELDS) record[f.name] = read(f, row[f.column]);
  return record as unknown as StoredRecord;
}
