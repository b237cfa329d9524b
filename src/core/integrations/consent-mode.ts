// Google Consent Mode v2: everything denied by default before any Google tag can run, then
// the visitor's categories mapped onto Google's consent types at load and on every decision.
import type { ConsentState, Garde } from '../types.js';

type Gtag = (...args: unknown[]) => void;

/**
 * Google's consent types per garde category. A category absent from the config (or refused)
 * leaves its types denied; `security_storage` is always granted (strictly necessary).
 */
export const CONSENT_MODE_MAP: Record<string, string[]> = {
  analytics: ['analytics_storage'],
  marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  preferences: ['functionality_storage', 'personalization_storage'],
};

/** The `gtag('consent', …)` parameters for a decision (null: all denied). */
export function consentModeState(state: ConsentState | null): Record<string, string> {
  const out: Record<string, string> = { security_storage: 'granted' };
  // A type shared by two categories is granted when either is.
  for (const [category, types] of Object.entries(CONSENT_MODE_MAP))
    for (const type of types)
      if (out[type] !== 'granted') out[type] = state?.categories[category] ? 'granted' : 'denied';
  return out;
}

/**
 * Defines `dataLayer` and `gtag` if the page has not, pushes the denied default (with
 * `wait_for_update: 500`), then an update at start when a decision exists and after every
 * decision or withdrawal. Returns the unsubscribe function.
 */
export function startConsentMode(garde: Garde): () => void {
  const page = window as unknown as { dataLayer?: unknown[]; gtag?: Gtag };
  page.dataLayer ||= [];
  // gtag.js reads Arguments objects from dataLayer, not arrays: the official snippet, without eval.
  page.gtag ||= function () {
    // eslint-disable-next-line prefer-rest-params
    page.dataLayer!.push(arguments);
  };
  const gtag = page.gtag;
  gtag('consent', 'default', { ...consentModeState(null), wait_for_update: 500 });
  const update = (state: ConsentState | null) => gtag('consent', 'update', consentModeState(state));
  if (garde.consent) update(garde.consent);
  return garde.onChange(update);
}
