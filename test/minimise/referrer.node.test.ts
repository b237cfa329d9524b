// referrerDomain in Node (the collector's runtime); referrer.test.ts runs the same table in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { referrerDomain } from '../../src/minimise/referrer.js';
import { REFERRER_CASES } from './referrer-cases.js';

for (const c of REFERRER_CASES) {
  test(`referrerDomain(${JSON.stringify(c.url)}, ${c.pageHost}) → ${c.expected}${c.note ? ` (${c.note})` : ''}`, () => {
    assert.equal(referrerDomain(c.url, c.pageHost), c.expected);
  });
}
