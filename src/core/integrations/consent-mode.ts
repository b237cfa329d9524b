// Google Consent Mode v2: everything denied by default before any Google tag can run, then the
// visitor's categories and services mapped onto Google's consent types at load and on every
// decision, each followed by a `garde_consent` event in dataLayer for Tag Manager triggers.
import type { ConsentModeOptions, ConsentState, Garde } from '../types.js';

type Gtag = (...args: unknown[]) => void;

/**
 * Google's consent types per garde category or service (the default of `consentMode.map`). A
 * name absent from the config (or refused) leaves its types denied; `security_storage` is always
 * granted (strictly necessary).
 */
export const CONSENT_MODE_MAP: Record<string, string[]> = {
  analytics: ['analytics_storage'],
  marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  preferences: ['functionality_storage', 'personalization_storage'],
};

/**
 * The `gtag('consent', …)` parameters: each type of the map granted when a name mapped onto it is
 * allowed (a type shared by two names is granted when either is), denied otherwise. The default
 * command uses the default map, which names every type Google documents: all denied. A type a
 * custom map leaves out is then never updated, so it stays denied.
 */
export function consentModeState(
  allowed: (name: string) => boolean,
  map: Record<string, string[]> = CONSENT_MODE_MAP,
): Record<string, string> {
  const out: Record<string, string> = { security_storage: 'granted' };
  for (const name in map)
    for (const type of map[name]!)
      if (out[type] !== 'granted') out[type] = allowed(name) ? 'granted' : 'denied';
  return out;
}

/**
 * Defines `dataLayer` and `gtag` if the page has not, pushes the denied default (with
 * `wait_for_update: 500` and the configured `region`) and the configured `ads_data_redaction` and
 * `url_passthrough`, then an update and a `garde_consent` event at start when a decision exists
 * and after every decision or withdrawal. Returns the unsubscribe function.
 */
export function startConsentMode(garde: Garde): () => void {
  const page = window as unknown as { dataLayer?: unknown[]; gtag?: Gtag };
  const given = garde.config.integrations.consentMode;
  const { map, region, ...settings }: ConsentModeOptions = typeof given === 'object' ? given : {};
  const dataLayer = (page.dataLayer ||= []);
  // gtag.js reads Arguments objects from dataLayer, not arrays: the official snippet, without eval.
  page.gtag ||= function () {
    // eslint-disable-next-line prefer-rest-params
    dataLayer.push(arguments);
  };
  const gtag = page.gtag;
  gtag('consent', 'default', {
    ...consentModeState(() => false),
    wait_for_update: 500,
    ...(region && { region }),
  });
  for (const [name, value] of Object.entries(settings)) gtag('set', name, value);
  // The event carries the decision, never the consent id: every tag in the container reads it.
  const update = (state: ConsentState | null) => {
    gtag('consent', 'update', consentModeState(garde.allowed, map));
    dataLayer.push({
      event: 'garde_consent',
      garde: {
        method: state ? state.method : 'withdraw',
        categories: state ? state.categories : {},
        services: state ? state.services : {},
      },
    });
  };
  if (garde.consent) update(garde.consent);
  return garde.onChange(update);
}
