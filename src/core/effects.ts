// What a change of decision does outside the store, in this order: the cookie (the decision, or a
// withdrawal marker that keeps the visitor's id and keeps analytics silent), the erasure of what
// each refused service left, the receipt, the `garde:consent` event, and with `reloadOnRefusal` a
// reload when something granted before is refused now.
import { writeCookie } from './cookie.js';
import { formatConsentCookie } from './cookie-format.js';
import { eraseRefused } from './erase.js';
import { reducePath } from '../minimise/path.js';
import { allowedIn, iso, mapKeys } from './state.js';
import type { ConsentListener } from './store.js';
import type { GardeConfig, Lang, Receipt } from './types.js';
import { uuid } from './uuid.js';
import { VERSION } from './version.js';
import { MAX_PATH_LENGTH } from '../wire.js';

export interface EffectsOptions {
  config: GardeConfig;
  /** The visitor's consent id. */
  id: string;
  /** The page's language now (`garde.setLang()` changes it): the receipt's `lang`. */
  lang: () => Lang;
  /** The clock, in ms since the epoch. */
  now: () => number;
  /** Keeps a receipt (the log and the outbox); init() adds `shown` on the way. */
  record: (receipt: Receipt) => unknown;
}

/** The listener that applies every change of the consent store outside it. */
export function consentEffects({ config, id, lang, now, record }: EffectsOptions): ConsentListener {
  const names = Object.keys({ ...config.categories, ...config.services });
  return (consent, { previous, method, layer, adopted }) => {
    const allowed = (name: string) => allowedIn(config, consent, name);
    // A withdrawal leaves a marker with the visitor's id and nothing granted.
    const stored = consent ?? {
      id,
      version: config.policy.version,
      decidedAt: iso(now()),
      method,
      categories: {},
      services: {},
    };
    // A decision adopted from another tab is in the cookie already, and has its receipt (this
    // page's own storage, sessionStorage, is erased all the same). A decision lists the services
    // the visitor decided on, so that a later page knows which were added since (stateFromCookie).
    if (!adopted)
      writeCookie(
        config.cookie,
        formatConsentCookie(stored, consent && Object.keys(config.services)),
      );
    eraseRefused(config, consent);
    // A withdrawal is recorded too (method `withdraw`), unless there was nothing to withdraw.
    if (!adopted && (previous || consent))
      record({
        receiptId: uuid(),
        id,
        ts: iso(now()),
        version: config.policy.version,
        categories: mapKeys(config.categories, allowed),
        services: mapKeys(config.services, allowed),
        method,
        lang: lang(),
        // Reduced as a hit's path is: no query, personal-looking segments redacted.
        path: reducePath(location.pathname).slice(0, MAX_PATH_LENGTH),
        layer,
        v: VERSION,
      });
    document.dispatchEvent(new CustomEvent('garde:consent', { detail: consent }));
    const lost = names.some((name) => allowedIn(config, previous, name) && !allowed(name));
    if (lost && config.reloadOnRefusal) location.reload();
  };
}
