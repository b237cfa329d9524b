// When an item is a leak, per state and reading: garde's anonymous hit before a decision is the
// one non-necessary item allowed without consent, and only without --strict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ANONYMOUS_MEASUREMENT, assessLeak, type LeakFacts } from '../src/leak.js';
import type { AuditState, Verdict } from '../src/types.js';

const ANALYTICS: Verdict = { declared: true, category: 'analytics', by: 'garde analytics' };
const NECESSARY: Verdict = { declared: true, category: 'necessary', by: 'garde' };

test("garde's hit before a decision: anonymous measurement, a leak only with --strict", () => {
  for (const state of ['fresh', 'tampered', 'policy-change'] as AuditState[]) {
    const facts: Omit<LeakFacts, 'strict'> = { state, verdict: ANALYTICS, analyticsHit: true };
    assert.deepEqual(assessLeak({ ...facts, strict: false }), {
      leak: false,
      note: ANONYMOUS_MEASUREMENT,
    });
    assert.deepEqual(assessLeak({ ...facts, strict: true }), {
      leak: true,
      note: ANONYMOUS_MEASUREMENT,
    });
  }
});

test('after a refusal, a withdrawal or with GPC, any analytics request is a leak in every mode', () => {
  for (const state of ['refused', 'withdrawn', 'gpc'] as AuditState[]) {
    for (const strict of [false, true]) {
      assert.deepEqual(assessLeak({ state, verdict: ANALYTICS, analyticsHit: true, strict }), {
        leak: true,
      });
      assert.deepEqual(assessLeak({ state, verdict: ANALYTICS, analyticsHit: false, strict }), {
        leak: true,
      });
    }
  }
});

test('other analytics before consent is a leak; necessary items and accepted states never are', () => {
  const other = { verdict: ANALYTICS, analyticsHit: false, strict: false };
  assert.equal(assessLeak({ ...other, state: 'fresh' }).leak, true);
  assert.equal(assessLeak({ ...other, state: 'accepted' }).leak, false);
  assert.equal(
    assessLeak({ state: 'accepted', verdict: ANALYTICS, analyticsHit: true, strict: true }).leak,
    false,
  );
  assert.equal(
    assessLeak({ state: 'refused', verdict: NECESSARY, analyticsHit: false, strict: true }).leak,
    false,
  );
  assert.equal(
    assessLeak({ state: 'fresh', verdict: { declared: false }, analyticsHit: false, strict: false })
      .leak,
    true,
  );
});
