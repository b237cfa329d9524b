// When an item seen on a page is a leak: anything not necessary without consent, with one exception
// that depends on the reading of the law (garde's own anonymous measurement before a decision).
import { NO_CONSENT_STATES, REFUSED_STATES, type AuditState, type Verdict } from './types.js';

/** How garde's own pre-consent hit is listed. */
export const ANONYMOUS_MEASUREMENT = 'anonymous measurement before consent';

export interface LeakFacts {
  state: AuditState;
  verdict: Verdict;
  /** The item is a request to the config's `analyticsEndpoint`. */
  analyticsHit: boolean;
  /** `--strict`: the Belgian DPA's reading, consent even for anonymous measurement. */
  strict: boolean;
}

/**
 * Judges one item. Necessary items, and everything after acceptance, are never leaks. garde's hit
 * before any decision (fresh, a tampered cookie, a changed policy) is anonymous measurement: allowed
 * unless `strict`. After a refusal, a withdrawal or with GPC it is a leak like any analytics.
 */
export function assessLeak(facts: LeakFacts): { leak: boolean; note?: string } {
  const { state, verdict, analyticsHit, strict } = facts;
  if (!NO_CONSENT_STATES.has(state)) return { leak: false };
  if (verdict.declared && verdict.category === 'necessary') return { leak: false };
  if (analyticsHit && !REFUSED_STATES.has(state))
    return { leak: strict, note: ANONYMOUS_MEASUREMENT };
  return { leak: true };
}
