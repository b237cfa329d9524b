// The one table of a stored record's fields: it covers every field of StoredRecord, and the leaf that
// garde/wire builds (with its own list, as it must run without the collector) is exactly its hashed fields
// in its order, so the databases' mappings and the log's leaf cannot drift apart.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { canonicalJson, recordLeaf } from 'garde/wire';
import { SQLITE_MIGRATIONS } from '../../src/storage/migrations/sqlite.js';
import { freshSalts, recordLeafOfValues } from '../../src/storage/log-sqlite.js';
import { RECORD_FIELDS, TOMBSTONE_SET, canonicalMap } from '../../src/storage/record-fields.js';
import { recordValues } from '../../src/storage/sqlite-writer.js';
import type { StoredRecord } from '../../src/storage/types.js';
import { stored } from '../helpers.js';

/** A record whose every field holds a value no other field holds. */
function distinct(): StoredRecord {
  return {
    ...stored('2026-05-05T05:05:05.005Z', {
      id: 'consent-id',
      ts: '2026-05-05T05:05:00.000Z',
      version: 'policy-version',
      categories: { zeta: true, alpha: false },
      services: { matomo: true },
      method: 'custom',
      lang: 'nl',
      path: '/nl/pad/',
      shown: 'e'.repeat(64),
      layer: 'dialog',
      v: '1.2.3',
    }),
    origin: 'https://www.riziv.fgov.be',
    clockSkew: true,
  };
}

describe('the record described once', () => {
  it('lists every field of a stored record, once each', () => {
    const names = RECORD_FIELDS.map((f) => f.name);
    assert.deepEqual([...names].sort(), Object.keys(distinct()).sort());
    assert.equal(new Set(names).size, names.length);
    assert.equal(new Set(RECORD_FIELDS.map((f) => f.column)).size, names.length);
  });

  it('is the leaf of garde/wire: its hashed fields, in its order, maps as canonical JSON', () => {
    const record = distinct();
    const leaf = JSON.parse(recordLeaf(record, 'the-salt')) as unknown[];
    const hashed = RECORD_FIELDS.filter((f) => f.hashed);
    assert.deepEqual(leaf, [
      'garde/record',
      'the-salt',
      ...hashed.map((f) => (f.type === 'map' ? canonicalJson(record[f.name]) : record[f.name])),
    ]);
  });

  it("is the leaf the SQLite writer builds from a record's column values, flags true or false", () => {
    for (const clockSkew of [true, false]) {
      const record = { ...distinct(), clockSkew, origin: clockSkew ? null : 'https://a.example' };
      assert.equal(recordLeafOfValues(recordValues(record), 'salt'), recordLeaf(record, 'salt'));
    }
  });

  it("writes a map as garde/wire's canonicalJson does, whatever its keys and values", () => {
    const maps: unknown[] = [
      {},
      { necessary: true, analytics: false, 'a"b': true, é: false, Z: true, '10': false, '9': true },
      { nested: { b: true, a: false }, list: [true], n: 1 },
      null,
      [true, false],
    ];
    for (const map of maps) assert.equal(canonicalMap(map), canonicalJson(map));
  });

  it('gives each new leaf a salt of its own: 16 random bytes in hex', () => {
    const salts = freshSalts(50);
    assert.equal(new Set(salts).size, 50);
    for (const salt of salts) assert.match(salt, /^[0-9a-f]{32}$/);
  });

  it('names columns the schema has, and a tombstone that empties every content column', () => {
    const db = new Database(':memory:');
    for (const sql of SQLITE_MIGRATIONS) db.exec(sql);
    const columns = (db.pragma('table_info(consent_records)') as Array<{ name: string }>).map(
      (c) => c.name,
    );
    for (const f of RECORD_FIELDS) assert.ok(columns.includes(f.column), f.column);
    db.close();
    for (const f of RECORD_FIELDS) {
      const kept = f.column === 'received_at' || f.column === 'clock_skew';
      assert.equal(TOMBSTONE_SET.includes(`${f.column} = `), !kept, f.column);
    }
  });
});
