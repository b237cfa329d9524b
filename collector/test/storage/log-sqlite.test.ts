// On SQLite the writer thread is the log's only writer, so a new record becomes a leaf in the transaction
// that inserts it: once insertRecords has answered (the 202 of POST /consent), the record is in the tree,
// with its salt, without a sequencer round; and the tree verifies as `garde-collector verify` checks it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { recordLeaf } from 'garde/wire';
import { leafHashOf, storedHashIndex } from '../../src/log/tree.js';
import { verifyLog } from '../../src/log/verify-log.js';
import { openSqlite } from '../../src/storage/sqlite.js';
import type { Storage } from '../../src/storage/types.js';
import { openLogSnapshot } from '../../src/verify.js';
import { stored, tempDir } from '../helpers.js';

describe('the log on SQLite: a record is a leaf when its insert answers', () => {
  const tmp = tempDir();
  const file = join(tmp.dir, 'log.sqlite');
  let storage: Storage;
  before(async () => {
    storage = await openSqlite(file);
  });
  after(async () => {
    await storage.close();
    tmp.remove();
  });

  const verify = async () => {
    const snapshot = await openLogSnapshot({ databaseUrl: null, db: file });
    try {
      return await verifyLog(snapshot, null);
    } finally {
      await snapshot.close();
    }
  };

  it('gives each stored record the next leaf and a salt of its own in the same transaction', async () => {
    const first = stored('2026-06-01T08:00:00.000Z', { id: 'leaf-visitor' });
    const second = stored('2026-06-01T08:00:00.001Z', {
      id: 'leaf-visitor',
      method: 'reject-all',
      categories: { necessary: true, analytics: false },
    });
    const forged = { ...first, method: 'reject-all' as const };
    // No sequencer round between the insert and the reads below.
    assert.deepEqual(await storage.insertRecords([first, forged, second, first]), [
      'stored',
      'conflict',
      'stored',
      'duplicate',
    ]);
    const head = await storage.log.head();
    assert.equal(head.size, 2, 'a conflict and a duplicate are no leaves');
    const leaves = await storage.log.recordLeaves([first.receiptId, second.receiptId]);
    const [a, b] = [leaves.get(first.receiptId)!, leaves.get(second.receiptId)!];
    assert.deepEqual([a.leafIndex, b.leafIndex], [0, 1]);
    assert.notEqual(a.salt, b.salt);
    // The stored leaf hashes are those of garde/wire's leaves of the records, with their salts.
    assert.deepEqual(await storage.log.readHashes([0, 1].map((leaf) => storedHashIndex(0, leaf))), [
      leafHashOf(recordLeaf(first, a.salt)),
      leafHashOf(recordLeaf(second, b.salt)),
    ]);
    assert.deepEqual(await verify(), {
      size: 2,
      root: head.root,
      records: 2,
      erasures: 0,
      snapshots: 0,
      snapshotLeaves: 0,
      problems: [],
    });
  });

  it('appends the next batch after the last leaf, and an erasure after that', async () => {
    const third = stored('2026-06-02T08:00:00.000Z', { id: 'other-visitor' });
    assert.deepEqual(await storage.insertRecords([third]), ['stored']);
    assert.equal(
      (await storage.log.recordLeaves([third.receiptId])).get(third.receiptId)?.leafIndex,
      2,
    );
    assert.equal(
      await storage.eraseVisitor('leaf-visitor', { at: '2026-06-03T00:00:00.000Z', actor: 'dpo' }),
      2,
    );
    const verdict = await verify();
    assert.deepEqual(
      [verdict.size, verdict.records, verdict.erasures, verdict.problems],
      [4, 3, 1, []],
    );
  });
});
