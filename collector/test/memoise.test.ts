// The memo of the ingest path's pure functions: same answers as the function, each computed once, and
// never more than its limit kept, however many distinct values a client sends.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { memoise } from '../src/memoise.js';

describe('memoise', () => {
  it('answers as the function does, computing each key once, falsy answers included', () => {
    const calls: string[] = [];
    const length = memoise((key: string) => (calls.push(key), key.length || null));
    assert.deepEqual(['ab', '', 'ab', '', 'abc'].map(length), [2, null, 2, null, 3]);
    assert.deepEqual(calls, ['ab', '', 'abc']);
  });

  it('keeps at most `limit` answers: when full it starts again', () => {
    const calls: string[] = [];
    const upper = memoise((key: string) => (calls.push(key), key.toUpperCase()), 2);
    for (const key of ['a', 'b', 'a', 'c', 'a', 'c']) assert.equal(upper(key), key.toUpperCase());
    // a, b kept; c drops both and is kept; a is computed again, kept with c.
    assert.deepEqual(calls, ['a', 'b', 'c', 'a']);
  });

  it('keeps only what `keep` accepts: the rest is computed every time and never held', () => {
    const calls: string[] = [];
    // As POST /consent keeps a path only when it is stored as sent.
    const reduce = memoise(
      (path: string) => (calls.push(path), path.replace(/[^/]+@[^/]+/, ':email')),
      1000,
      (path, stored) => path === stored,
    );
    for (const path of ['/a', '/x/jan@example.be', '/a', '/x/jan@example.be'])
      assert.equal(reduce(path), path.replace(/[^/]+@[^/]+/, ':email'));
    assert.deepEqual(calls, ['/a', '/x/jan@example.be', '/x/jan@example.be']);
  });
});
