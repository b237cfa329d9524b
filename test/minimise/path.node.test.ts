// reducePath in Node (the collector's runtime); path.test.ts runs the same table in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reducePath } from '../../src/minimise/path.js';
import { PATH_CASES } from './path-cases.js';

for (const c of PATH_CASES) {
  test(`reducePath(${c.url}) → ${c.expected}${c.note ? ` (${c.note})` : ''}`, () => {
    const reduced = reducePath(c.url, c.allowlist, c.rules);
    assert.equal(reduced, c.expected);
    for (const part of c.personal ?? []) assert.ok(!reduced.includes(part), part);
  });
}
