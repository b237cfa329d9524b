// The array parameters of the PostgreSQL insert, written by the collector itself (arrayLiteral): every
// value comes back from PostgreSQL as it went in, whatever characters it holds.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { arrayLiteral } from '../../src/storage/postgres-writes.js';
import { PG_SKIP, PG_URL } from '../helpers.js';

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
