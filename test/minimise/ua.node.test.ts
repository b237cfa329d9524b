// The user-agent table in Node (the collector's runtime); ua.test.ts runs it in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reduceUserAgent, minorVersion } from '../../src/minimise/ua.js';
import { UA_CASES } from './ua-cases.js';

test('the table holds at least 40 real user-agent strings', () => {
  assert.ok(new Set(UA_CASES.map((c) => c.ua)).size >= 40);
});

for (const c of UA_CASES) {
  test(`${c.expected.browser} ${c.expected.major} on ${c.expected.os}${c.hints ? ' (client hints)' : ''}: ${c.note ?? c.ua}`, () => {
    assert.deepEqual(reduceUserAgent(c.hints ?? c.ua, c.ua), c.expected);
    if (!c.hints) assert.deepEqual(reduceUserAgent(c.ua), c.expected);
    if (c.minor !== undefined) assert.equal(minorVersion(c.ua) ?? null, c.minor);
  });
}
