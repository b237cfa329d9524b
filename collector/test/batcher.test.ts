// The write batcher: one commit for requests that arrive together, and one bad row failing only itself.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createBatcher } from '../src/batcher.js';

describe('batcher', () => {
  it('writes items queued in the same turn as one batch and answers each with its outcome', async () => {
    const batches: number[][] = [];
    const batcher = createBatcher<number, string>(async (items) => {
      batches.push(items);
      return items.map((item) => `stored ${item}`);
    });
    const results = await Promise.all([1, 2, 3].map((item) => batcher.add(item)));
    assert.deepEqual(batches, [[1, 2, 3]]);
    assert.deepEqual(results, ['stored 1', 'stored 2', 'stored 3']);
  });

  it('retries a failed batch row by row, so only the bad row fails', async () => {
    const committed: number[] = [];
    const batcher = createBatcher<number>(async (items) => {
      // Like a transaction: all or nothing.
      if (items.includes(13)) throw new Error('row 13 refused');
      committed.push(...items);
    });
    const outcomes = await Promise.allSettled([11, 12, 13, 14].map((item) => batcher.add(item)));
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['fulfilled', 'fulfilled', 'rejected', 'fulfilled'],
    );
    assert.deepEqual(committed.sort(), [11, 12, 14]);
    assert.match(String((outcomes[2] as PromiseRejectedResult).reason), /row 13 refused/);
  });
});
