// garde's own storage, described in the strings of one language: listed under "necessary" in the
// dialog, the snapshot and `<garde-notice>`, which all build it through the snapshot
// (snapshot.ts); not in the drop-in's first file, which never lists it.
import type { GardeConfig } from '../core/types.js';
import { formatDays } from './days.js';
import type { StorageItem } from './index.js';
import type { Translation } from './translation.js';

/**
 * garde's own storage, described in the language of `strings`, set by the site itself (its provider): listed under
 * "necessary" in the dialog, the snapshot and `<garde-notice>`. Each item's keys in sorted order
 * (the snapshot's canonical serialisation, src/i18n/snapshot.ts).
 */
export function storageItems(config: GardeConfig, strings: Translation): StorageItem[] {
  const item = (term: string, name: string, purpose: string, lifetime: string): StorageItem => ({
    lifetime,
    name,
    provider: strings.site,
    purpose,
    term,
  });
  const decision = formatDays(config.cookie.days, strings);
  // Each entry of the log expires with the decision it records (src/core/history.ts), and so does
  // a receipt that the drop-in keeps until the server has it (src/core/local-outbox.ts).
  const items = [
    item('Cookie', config.cookie.name, strings.consentCookie, decision),
    item('IndexedDB', 'garde', strings.log, decision),
    item('localStorage', 'garde.receipt.*', strings.log, decision),
  ];
  // The session id and the persistent id exist only after analytics consent, each with its extra.
  const extras = config.analyticsEndpoint ? config.analytics.afterConsent : [];
  if (extras.includes('session'))
    items.push(item('sessionStorage', 'garde.sid', strings.session, strings.sessionLifetime));
  if (extras.includes('persistentId'))
    items.push(
      item('localStorage', 'garde.uid', strings.persistentId, strings.persistentIdLifetime),
    );
  return items;
}
