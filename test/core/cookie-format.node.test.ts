// The cookie format as a server reads and writes it (garde/core in Node): what
// parseConsentCookie returns, formatConsentCookie writes back unchanged (in format 3, the one
// garde writes; an older value comes back as the same decision in format 3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatConsentCookie, parseConsentCookie } from '../../src/core/cookie-format.js';

test('formatConsentCookie(parseConsentCookie(value)) gives the value back', () => {
  for (const value of [
    '3.0b7c3d4e-1f2a-4b3c-8d4e-5f6a7b8c9d0e.2026-01.1767225600.c.analytics~marketing.youtube.matomo.g',
    '3.0b7c3d4e-1f2a-4b3c-8d4e-5f6a7b8c9d0e.2026-01.1767225600.a.analytics....matomo~youtube',
    '3..v%2E1.1767225600.r.....matomo~youtube',
    '3..2026-01.1767225600.w....',
  ]) {
    const parsed = parseConsentCookie(value);
    assert.ok(parsed, value);
    assert.equal(formatConsentCookie(parsed), value);
  }
});

test('an older format is written back as the same decision in format 3', () => {
  const value =
    '2.0b7c3d4e-1f2a-4b3c-8d4e-5f6a7b8c9d0e.2026-01.1767225600.c.analytics.youtube.matomo.g';
  assert.equal(formatConsentCookie(parseConsentCookie(value)!), `3${value.slice(1)}`);
  assert.deepEqual(parseConsentCookie(`3${value.slice(1)}`), parseConsentCookie(value));
});
