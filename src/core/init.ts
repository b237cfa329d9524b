// init() wires the parts: validate the config, read the stored decision into the consent store
// (store.ts), subscribe the effects of its changes (effects.ts), record a GPC refusal, start the
// integrations, then the gate (with a `later` and no decision: once the page has painted), then what
// a page load does with a stored decision (page-load.ts), then the sync with the site's other tabs
// (sync.ts); `ready` once the outbox has been retried.
import { validateConfig } from './config.js';
import { readCookie } from './cookie.js';
import { parseConsentCookie } from './cookie-format.js';
import { afterPaint } from './after-paint.js';
import { consentEffects } from './effects.js';
import { startGate } from './gate.js';
import { guarded } from './guarded.js';
import { setCurrentGarde } from './instance.js';
import { startIntegrations } from './integrations/index.js';
import { resolveLang, shippedLang } from './lang.js';
import { startPageLoad } from './page-load.js';
import { createRecords } from './records.js';
import { stateFromCookie } from './state.js';
import { createConsentStore } from './store.js';
import { startSync } from './sync.js';
import { createTracker } from './tracker.js';
import type { Garde, Lang, SnapshotProvider } from './types.js';

/** Options for tests and embedders; nothing here concerns the UI. */
export interface InitOptions {
  /** The clock, in ms since the epoch (default `Date.now`). */
  now?: () => number;
  /**
   * The snapshot of what the UI shows, serialised (`snapshotText`): each receipt then carries
   * its hash as `shown`. Without one, receipts have no `shown`. The drop-in gives none: its
   * records file stamps the receipts with `snapshotText` (records.script.ts).
   */
  snapshot?: SnapshotProvider;
  /**
   * Runs what can wait until the page has painted, and resolves to its result: the outbox's
   * retry, the first hit, the tab sync's channel and, given here and while the visitor has not
   * decided, the gate, which has nothing to revive until then (a decision taken meanwhile is
   * applied when it starts). The drop-in's waits until its banner is painted. Without it: `afterPaint`, after the next frame,
   * and the gate starts at once (placeholders, `necessary` scripts: as code using the core
   * directly expects).
   */
  later?: <T>(work: () => T) => Promise<Awaited<T>>;
}

/**
 * Starts garde on this page and returns its API. Never throws: a bad config is reported and
 * replaced by safe defaults. In a browser only: `garde` and `garde/core` export the init() of
 * init-anywhere.ts, which also runs in Node.
 */
export function init(
  input: unknown,
  { now = Date.now, snapshot, later: given }: InitOptions = {},
): Garde {
  const config = validateConfig(input);
  const later = given ?? afterPaint;
  // `auto` is no language tag: resolveLang skips it for <html lang>.
  const initialLang = () => resolveLang(config.lang, document.documentElement.lang);
  // The receipts' stamp (what was shown), log and outbox: in the drop-in, kept at once in
  // localStorage and handed to dist/garde-records.js (records.script.ts).
  const records = createRecords({ config, snapshot, later });
  // Read once: the sync below starts from the same value.
  const seen = readCookie(config.cookie.name);
  const stored = parseConsentCookie(seen);
  const gpc = (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  const store = createConsentStore({
    config,
    consent: stored && stateFromCookie(config, stored, now()),
    withdrawn: stored?.method === 'withdraw',
    gpc,
    now,
    // What another window decided since, adopted silently before each decision here (sync below).
    __refresh: () => sync.check(),
  });
  const lang = () => garde.lang;
  // Without a policy version nothing is stored (no cookie, no receipt) and the store grants
  // nothing but `necessary`: the visitor is asked again on every page.
  if (config.policy.version)
    store.onChange(consentEffects({ config, lang, now, record: records.record }, store.consent));
  // After the effects: it reads the cookie they write.
  // Its channel to the other tabs opens at `later` (a decision taken before opens it and is told).
  const sync = startSync({ config, store, now, seen, later });

  const tracker = createTracker({ config, store, lang });
  const flushOutbox = () => void records.flush();
  const stops: Array<() => void> = [];
  // The API is the store (the decision, allowed, the ways to change it, onChange) plus what
  // concerns the page.
  const garde: Garde = Object.assign(store, {
    config,
    lang: initialLang(),
    // The outbox waits until the banner is painted; nothing on the way to it needs IndexedDB.
    ready: later(records.retry),
    showPreferences() {
      document.dispatchEvent(new CustomEvent('garde:show-preferences'));
    },
    history: records.list,
    // A refusal taken in another tab a moment ago counts before this hit.
    track(...args: Parameters<Garde['track']>) {
      sync.check();
      tracker.track(...args);
    },
    setLang(wanted: string) {
      let next = shippedLang(wanted);
      if (!next)
        console.warn(`garde: setLang(): unknown "${wanted}", ${(next = initialLang())} used`);
      (garde as { lang: Lang }).lang = next;
      // Every element renders again (LocalizeController); the receipts from now on record it.
      document.dispatchEvent(new Event('garde:lang'));
    },
    destroy() {
      live = false;
      for (const stop of stops.splice(0)) stop();
      removeEventListener('online', flushOutbox);
      records.stop();
    },
  });
  setCurrentGarde(garde);

  // Global Privacy Control is a refusal the visitor already expressed: recorded, no banner. It
  // wins over a decision made without it, not over one the visitor made while it was on.
  if (gpc && config.gpc === 'refuse' && !store.consent?.gpc)
    store.decide({ method: 'gpc', granted: () => false, layer: 'signal' });
  // After the integrations: Consent Mode's default must precede any Google tag the gate revives
  // (in the drop-in, once garde-integrations.js has run, when the config enables one).
  let live = true;
  const startGating = () => {
    if (!live) return;
    const gate = startGate({
      isGranted: (category, service) =>
        store.allowed(category) && (!service || store.allowed(service)),
      config,
    });
    stops.push(gate.stop, store.onChange(gate.apply));
  };
  // With a decision (no banner) the gate comes first; without one it has nothing to revive, and
  // the drop-in's banner comes first.
  stops.push(
    startIntegrations(garde, given && !store.consent ? () => given(startGating) : startGating),
    startPageLoad({ config, store }),
    sync.stop,
  );
  addEventListener('online', flushOutbox);
  // The first hit too (it reads the id storage): after the gate, once the banner is painted.
  if (config.analytics.autoPageview) void later(() => guarded(() => garde.track('pageview')));
  return garde;
}
