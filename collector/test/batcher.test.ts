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

  it('gives the database the next batch before answering the batch it committed', async () => {
    const events: string[] = [];
    let release!: () => void;
    const firstWrite = new Promise<void>((resolve) => (release = resolve));
    const batcher = createBatcher<number>(async (items) => {
      events.push(`write ${items.join(',')}`);
      if (items[0] === 1) await firstWrite;
    });
    const one = batcher.add(1).then(() => events.push('answered 1'));
    // After the batcher's own turn: item 1 is being written.
    await new Promise((resolve) => setImmediate(resolve));
    const two = batcher.add(2).then(() => events.push('answered 2'));
    release();
    await Promise.all([one, two]);
    assert.deepEqual(events, ['write 1', 'write 2', 'answered 1', 'answered 2']);
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
