// The array parameters of the PostgreSQL insert, written by the collector itself (arrayLiteral): every
// value comes back from PostgreSQL as it went in, whatever characters it holds; and the leaf hash the
// insert queues for each record is that of the row it stored.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { recordLeaf } from 'garde/wire';
import { leafHashOf } from '../../src/log/tree.js';
import { openPostgres } from '../../src/storage/postgres.js';
import {
  arrayLiteral,
  COLUMNS,
  toRecord,
  type RecordRow,
} from '../../src/storage/postgres-writes.js';
import type { Storage } from '../../src/storage/types.js';
import { PG_SKIP, PG_URL, stored } from '../helpers.js';

const TEXTS = [
  '',
  'NULL',
  'null',
  ' spaced ',
  'a,b',
  '{braces}',
  'quote " inside',
  'back\\slash',
  '\\"both\\"',
  'new\nline\ttab',
  '/fr/économie/€/日本',
  'emoji 👍',
  '00000001-0000-4000-8000-000000000001',
];

describe('arrayLiteral', { skip: PG_SKIP }, () => {
  const client = new pg.Client({ connectionString: PG_URL ?? undefined });
  before(() => client.connect());
  after(() => client.end());

  it('round-trips text with quotes, backslashes, commas, braces, the word NULL and non-ASCII', async () => {
    const values = [...TEXTS, null];
    const { rows } = await client.query<{ v: string | null }>(
      'SELECT v FROM unnest($1::text[]) WITH ORDINALITY AS x(v, n) ORDER BY n',
      [arrayLiteral(values)],
    );
    assert.deepEqual(
      rows.map((row) => row.v),
      values,
    );
  });

  it('round-trips booleans, nulls and times', async () => {
    const { rows } = await client.query<{ b: boolean | null; t: Date | null }>(
      'SELECT b, t FROM unnest($1::boolean[], $2::timestamptz[]) AS x(b, t)',
      [
        arrayLiteral([true, false, null]),
        arrayLiteral(['2026-06-01T10:00:00.000Z', null, '2026-06-02T10:00:00.123Z']),
      ],
    );
    assert.deepEqual(
      rows.map((row) => [row.b, row.t?.toISOString() ?? null]),
      [
        [true, '2026-06-01T10:00:00.000Z'],
        [false, null],
        [null, '2026-06-02T10:00:00.123Z'],
      ],
    );
  });

  it('an empty batch is an empty array', async () => {
    const { rows } = await client.query('SELECT cardinality($1::text[]) AS n', [arrayLiteral([])]);
    assert.equal(rows[0].n, 0);
  });
});

// The insert queues each new record with its leaf hash, computed by the collector from what it inserts;
// the sequencer appends that hash without reading the row back. It must be the hash of the leaf that the
// row, read back, makes (what verify recomputes), however the record's values were written.
describe('insertRecords: the leaf hash it queues', { skip: PG_SKIP }, () => {
  const schema = `garde_queued_hash_${process.pid}`;
  const client = new pg.Client({ connectionString: PG_URL ?? undefined });
  let storage: Storage;
  before(async () => {
    await client.connect();
    storage = await openPostgres({ connectionString: PG_URL!, schema });
  });
  after(async () => {
    await storage.close();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  it('is the hash of the leaf of the row as stored, for each record stored and only those', async () => {
    const records = [
      stored('2026-06-01T10:00:00.000Z'),
      // A receive time not in the form PostgreSQL gives back, a path with quotes, a backslash and
      // non-ASCII, maps whose keys come unsorted, the optional fields present.
      stored(
        '2026-06-01T12:00:00+02:00',
        {
          path: '/fr/"économie"\\€',
          categories: { necessary: true, marketing: false, analytics: true },
          services: { youtube: false, matomo: true },
          shown: 'a'.repeat(64),
          layer: 'dialog',
          v: '1.2.3',
        },
        'https://www.inami.fgov.be',
      ),
    ];
    const again = { ...records[0]! };
    assert.deepEqual(await storage.insertRecords([...records, again]), [
      'stored',
      'stored',
      'duplicate',
    ]);
    const { rows } = await client.query<RecordRow & { leaf_hash: string; leaf_salt: string }>(
      `SELECT ${COLUMNS}, r.leaf_salt, q.leaf_hash
       FROM ${schema}.log_queue q JOIN ${schema}.consent_records r USING (receipt_id)
       ORDER BY r.received_at`,
    );
    assert.equal(rows.length, 2);
    for (const row of rows) {
      assert.equal(row.leaf_hash, leafHashOf(recordLeaf(toRecord(row), row.leaf_salt)));
    }
  });
});
