// Matomo: no tracking request and no Matomo cookie before the analytics category is granted.
// `requireConsent` is pushed before the tracker loads (Matomo also applies it first).
import type { ConsentState, Garde } from '../types.js';

/**
 * Pushes `['requireConsent']` onto `window._paq` (created if missing), then
 * `['setConsentGiven']` or `['forgetConsentGiven']` for `config.analytics.category` at start
 * (when a decision exists) and after every decision or withdrawal. Returns the unsubscribe
 * function.
 */
export function startMatomo(garde: Garde): () => void {
  const page = window as unknown as { _paq?: unknown[][] };
  page._paq ||= [];
  page._paq.push(['requireConsent']);
  // Matomo replaces _paq by an object with its own push once loaded: always push through
  // window._paq.
  const apply = (state: ConsentState | null) =>
    page._paq!.push([
      state?.categories[garde.config.analytics.category] ? 'setConsentGiven' : 'forgetConsentGiven',
    ]);
  if (garde.consent) apply(garde.consent);
  return garde.onChange(apply);
}
