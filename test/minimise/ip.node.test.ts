// anonymiseIp in Node (the collector's runtime); ip.test.ts runs the same table in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anonymiseIp } from '../../src/minimise/ip.js';
import { IP_CASES } from './ip-cases.js';

for (const c of IP_CASES) {
  test(`${JSON.stringify(c.ip)}${c.options ? ' ' + JSON.stringify(c.options) : ''} → ${c.expected}${c.note ? ` (${c.note})` : ''}`, () => {
    assert.equal(anonymiseIp(c.ip, c.options), c.expected);
  });
}

test('non-string input gives null', () => {
  assert.equal(anonymiseIp(undefined as unknown as string), null);
  assert.equal(anonymiseIp(2130706433 as unknown as string), null);
});

test('out-of-range options are a clear error', () => {
  assert.throws(
    () => anonymiseIp('1.2.3.4', { v4Bits: 33 }),
    /v4Bits must be an integer from 0 to 32/,
  );
  assert.throws(() => anonymiseIp('::1', { v6Bits: -1 }), /v6Bits/);
  assert.throws(() => anonymiseIp('::1', { v6Bits: 1.5 }), /v6Bits/);
});
