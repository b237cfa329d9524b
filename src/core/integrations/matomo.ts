// Matomo: no tracking request and no Matomo cookie before the analytics category is granted
// (`requireConsent`), or with `"matomo": "cookies"` requests without cookies until then
// (`requireCookieConsent`). The requirement is pushed before the tracker loads (Matomo also
// applies it first).
import type { ConsentState, Garde } from '../types.js';

/**
 * Pushes `['requireConsent']` (or `['requireCookieConsent']`) onto `window._paq` (created if
 * missing), then `['setConsentGiven']` or `['forgetConsentGiven']` (`…CookieConsent…` in cookie
 * mode) for `config.analytics.category` at start (when a decision exists) and after every
 * decision or withdrawal. Returns the unsubscribe function.
 */
export function startMatomo(garde: Garde): () => void {
  const page = window as unknown as { _paq?: unknown[][] };
  const consent = garde.config.integrations.matomo === 'cookies' ? 'CookieConsent' : 'Consent';
  page._paq ||= [];
  page._paq.push(['require' + consent]);
  // Matomo replaces _paq by an object with its own push once loaded: always push through
  // window._paq.
  const apply = (state: ConsentState | null) =>
    page._paq!.push([
      (state?.categories[garde.config.analytics.category] ? 'set' : 'forget') + consent + 'Given',
    ]);
  if (garde.consent) apply(garde.consent);
  return garde.onChange(apply);
}
