// What a change of decision does outside the store, in this order: the cookie (the decision, or a
// withdrawal marker with no id that keeps analytics silent), the erasure of what each refused
// service left, the receipt, the `garde:consent` event, and with `reloadOnRefusal` a reload when
// something granted before is refused now.
import { writeCookie } from './cookie.js';
import { formatConsentCookie } from './cookie-format.js';
import { eraseRefused } from './erase.js';
import { allowedIn, iso, mapKeys } from './state.js';
import type { ConsentListener } from './store.js';
import type { ConsentState, GardeConfig, Lang, Receipt } from './types.js';
import { uuidV7 } from './uuid.js';
import { VERSION } from './version.js';
import { reducePathname } from '../minimise/path.js';

export interface EffectsOptions {
  config: GardeConfig;
  /** The page's language now (`garde.setLang()` changes it): the receipt's `lang`. */
  lang: () => Lang;
  /** The clock, in ms since the epoch. */
  now: () => number;
  /**
   * Keeps a receipt: in the outbox until sent, and in the local log only when `logged` (the
   * decision keeps an id; otherwise the log is erased). Its path reduced and its `shown` added on
   * the way (records.ts).
   */
  record: (receipt: Receipt, logged: boolean) => unknown;
}

/** The listener that applies every change of the consent store outside it. */
export function consentEffects(
  { config, lang, now, record }: EffectsOptions,
  /** The decision this page starts with, the store's. */
  applied: ConsentState | null,
): ConsentListener {
  const names = Object.keys({ ...config.categories, ...config.services });
  return (consent, { previous, method, layer, adopted }) => {
    const allowed = (name: string) => allowedIn(config, consent, name);
    // A withdrawal leaves a marker with no id and nothing granted.
    const stored = consent ?? {
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
    // Its id: the decision's, else the one the change ends (a refusal or a withdrawal after a
    // grant), else a one-off id that nothing else shares and the browser does not keep.
    if (!adopted && (previous || consent))
      record(
        {
          receiptId: uuidV7(),
          id: consent?.id || previous?.id || uuidV7(),
          ts: iso(now()),
          version: config.policy.version,
          categories: mapKeys(config.categories, allowed),
          services: mapKeys(config.services, allowed),
          method,
          lang: lang(),
          // Reduced before anything stores it (identifiers and the site's personal segments
          // redacted): the drop-in keeps the receipt in localStorage, where it waits as long as
          // its records file cannot load (records.script.ts). records.ts reduces it again as a
          // hit's path is (query rules, length) before it is logged or sent.
          path: reducePathname(location.pathname, config.paths),
          layer,
          v: VERSION,
        },
        !!consent?.id,
      );
    document.dispatchEvent(new CustomEvent('garde:consent', { detail: consent }));
    // Against what this page applied (and ran), not `previous`: another window's decision when
    // one taken here adopted it unseen first (store.ts).
    if (
      config.reloadOnRefusal &&
      names.some((name) => allowedIn(config, applied, name) && !allowed(name))
    )
      location.reload();
    applied = consent;
  };
}
