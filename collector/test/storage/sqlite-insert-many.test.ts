// insertMany: every row written once, in order, whatever the count (each chunk size and the remainders).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { insertMany } from '../../src/storage/sqlite-insert-many.js';

describe('insertMany', () => {
  it('writes 0, 1, 5, 85 and 170 rows, each once and in order', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, extra TEXT)');
    const insert = insertMany(db, 't', ['id', 'name', 'extra']);
    let next = 0;
    for (const count of [0, 1, 5, 85, 170]) {
      const rows = Array.from({ length: count }, () => [
        next,
        `row ${next}`,
        next++ % 2 ? null : 'x',
      ]);
      insert(rows);
    }
    const stored = db.prepare('SELECT id, name, extra FROM t ORDER BY rowid').all();
    assert.equal(stored.length, 261);
    stored.forEach((row, i) =>
      assert.deepEqual(row, { id: i, name: `row ${i}`, extra: i % 2 ? null : 'x' }),
    );
    db.close();
  });

  it('writes nothing of a call whose row the table refuses, once the caller rolls back', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)');
    const insert = insertMany(db, 't', ['id']);
    const write = db.transaction((rows: number[][]) => insert(rows));
    write([[1]]);
    assert.throws(() => write([[2], [3], [1], [4], [5]]), /UNIQUE/);
    assert.deepEqual(db.prepare('SELECT id FROM t').pluck().all(), [1]);
    db.close();
  });
});
