// init() wires the parts: validate the config, read the stored decision into the consent store
// (store.ts), subscribe the effects of its changes (effects.ts), record a GPC refusal, start the
// integrations, then the gate, then what a page load does with a stored decision (page-load.ts);
// `ready` once the outbox has been retried.
import { validateConfig } from './config.js';
import { readCookie } from './cookie.js';
import { parseConsentCookie } from './cookie-format.js';
import { consentEffects } from './effects.js';
import { startGate } from './gate.js';
import { guarded } from './guarded.js';
import { createHistory } from './history.js';
import { setCurrentGarde } from './instance.js';
import { startIntegrations } from './integrations/index.js';
import { resolveLang } from './lang.js';
import { startPageLoad } from './page-load.js';
import { createShown } from './shown.js';
import { stateFromCookie } from './state.js';
import { createConsentStore } from './store.js';
import { createTracker } from './tracker.js';
import type { Garde, Receipt, SnapshotProvider } from './types.js';
import { uuid } from './uuid.js';

/** Options for tests and embedders; nothing here concerns the UI. */
export interface InitOptions {
  /** The clock, in ms since the epoch (default `Date.now`). */
  now?: () => number;
  /**
   * The snapshot of what the UI shows, serialised (the drop-in gives `snapshotText`): each
   * receipt then carries its hash as `shown`. Without one, receipts have no `shown`.
   */
  snapshot?: SnapshotProvider;
}

/**
 * Starts garde on this page and returns its API. Never throws: a bad config is reported and
 * replaced by safe defaults. In a browser only: `garde` and `garde/core` export the init() of
 * init-anywhere.ts, which also runs in Node.
 */
export function init(input: unknown, { now = Date.now, snapshot }: InitOptions = {}): Garde {
  const config = validateConfig(input);
  // `auto` is no language tag: resolveLang skips it for <html lang>.
  const lang = resolveLang(config.lang, document.documentElement.lang);
  // Without a policy version a decision proves nothing (and the collector would refuse it):
  // logged here only.
  const shown = snapshot && createShown({ config, lang, provider: snapshot });
  const history = createHistory(
    config.policy.version ? config.recordEndpoint : null,
    shown?.upload,
  );
  const stored = parseConsentCookie(readCookie(config.cookie.name) ?? '');
  // The same visitor keeps one id, even when the stored decision is too old or for another
  // version, and after a withdrawal.
  const id = stored?.id ?? uuid();
  const gpc = (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  const store = createConsentStore({
    config,
    id,
    consent: stored && stateFromCookie(config, stored, now()),
    withdrawn: stored?.method === 'withdraw',
    gpc,
    now,
  });
  // With a snapshot, a receipt waits for its hash before it is logged and sent.
  const record = shown
    ? (receipt: Receipt) => shown.stamp(receipt).then(history.record)
    : history.record;
  // Without a policy version nothing is stored (no cookie, no receipt) and the store grants
  // nothing but `necessary`: the visitor is asked again on every page.
  if (config.policy.version) store.onChange(consentEffects({ config, id, lang, now, record }));

  const tracker = createTracker({ config, store, lang });
  const flushOutbox = () => void history.flush();
  const stops: Array<() => void> = [];
  // The API is the store (the decision, allowed, the ways to change it, onChange) plus what
  // concerns the page.
  const garde: Garde = Object.assign(store, {
    config,
    lang,
    ready: history.retry(),
    showPreferences: () => void document.dispatchEvent(new CustomEvent('garde:show-preferences')),
    history: history.list,
    track: tracker.track,
    destroy() {
      for (const stop of stops.splice(0)) stop();
      removeEventListener('online', flushOutbox);
    },
  });
  setCurrentGarde(garde);

  // Global Privacy Control is a refusal the visitor already expressed: recorded, no banner. It
  // wins over a decision made without it, not over one the visitor made while it was on.
  if (gpc && config.gpc === 'refuse' && !store.consent?.gpc)
    store.decide({ method: 'gpc', granted: () => false, layer: 'signal' });
  guarded(() => stops.push(startIntegrations(garde)));
  // After the integrations: Consent Mode's default must precede any Google tag the gate revives.
  const gate = startGate({
    isGranted: (category, service) =>
      store.allowed(category) && (!service || store.allowed(service)),
    config,
  });
  stops.push(gate.stop, store.onChange(gate.apply), startPageLoad({ config, store }));
  addEventListener('online', flushOutbox);
  if (config.analytics.autoPageview) guarded(() => garde.track('pageview'));
  return garde;
}
