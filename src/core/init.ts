// init(): validate → read the stored decision (or record a GPC refusal) → start integrations →
// start the gate → ready once the outbox has been retried.
import { validateConfig } from './config.js';
import { readCookie, writeCookie } from './cookie.js';
import { formatConsentCookie, parseConsentCookie } from './cookie-format.js';
import { eraseCookies, eraseStorage } from './erase.js';
import { startGate } from './gate.js';
import { createHistory } from './history.js';
import { setCurrentGarde } from './instance.js';
import { startIntegrations } from './integrations/index.js';
import { resolveLang } from './lang.js';
import { allowedIn, iso, makeState, map, own, stateFromCookie } from './state.js';
import { uuid } from './uuid.js';
import { createTracker } from '../minimise/tracker.js';
import { MAX_PATH_LENGTH } from '../wire.js';
import type { ConsentState, Garde, Method, Receipt } from './types.js';

/** Options for tests and embedders; nothing here concerns the UI. */
export interface InitOptions {
  /** The clock, in ms since the epoch (default `Date.now`). */
  now?: () => number;
}

/** Starts garde on this page and returns its API. Never throws: a bad config is reported and replaced by safe defaults. */
export function init(input: unknown, { now = Date.now }: InitOptions = {}): Garde {
  const config = validateConfig(input);
  const { categories: cats, services: svcs, cookie } = config;
  // `auto` is no language tag: resolveLang skips it for <html lang>.
  const lang = resolveLang(config.lang, document.documentElement.lang);
  // Without a policy version a decision proves nothing (and the collector would refuse it): logged here only.
  const log = createHistory(config.policy.version ? config.recordEndpoint : null);
  const stored = parseConsentCookie(readCookie(cookie.name) ?? '');
  // The same visitor keeps one id, even when the stored decision is too old or for another version.
  const id = stored?.id ?? uuid();
  let consent = stored && stateFromCookie(config, stored, now());
  // Started last (after the integrations), but decisions made before then (GPC) must not need it.
  // eslint-disable-next-line prefer-const
  let gate: ReturnType<typeof startGate> | undefined;
  // Service names differ from category names (config), so one object holds both.
  const names = Object.keys({ ...cats, ...svcs });
  const allowed = (name: string) => allowedIn(config, consent, name);
  // A service's scripts run, and its cookies stay, only while its category and itself are granted.
  const on = (s: string) => allowed(svcs[s]!.category) && allowed(s);

  const receipt = (method: Receipt['method']): Receipt => ({
    receiptId: uuid(),
    id,
    ts: iso(now()),
    version: config.policy.version,
    categories: map(cats, allowed),
    services: map(svcs, on),
    method,
    lang,
    path: location.pathname.slice(0, MAX_PATH_LENGTH),
  });

  /** Applies a change of state once: cookie, erase what is refused, run what is granted, record, emit. */
  const change = (next: ConsentState | null, method: Receipt['method']) => {
    const before = consent;
    const lost =
      !!before && names.some((n) => allowedIn(config, before, n) && !allowedIn(config, next, n));
    consent = next;
    if (next) writeCookie(cookie, formatConsentCookie(next));
    else eraseCookies([cookie.name]);
    for (const s in svcs)
      if (!on(s)) {
        const pats = svcs[s]!.cookies!.map((c) => (typeof c == 'string' ? c : c.name));
        eraseCookies(pats);
        eraseStorage(svcs[s]!.storage!);
      }
    gate?.apply();
    // A withdrawal is recorded too (method `withdraw`), unless there was nothing to withdraw.
    if (before || next) void log.record(receipt(method));
    document.dispatchEvent(new CustomEvent('garde:consent', { detail: next }));
    if (lost && config.reloadOnRefusal) location.reload();
  };

  const decide = (
    method: Method,
    granted: (k: string) => unknown,
    s: Record<string, boolean> = {},
  ) => change(makeState(config, id, Math.floor(now() / 1000) * 1000, method, granted, s), method);

  const tracker = createTracker({ config, consent: () => consent, lang });
  let stopIntegrations = () => {};
  const online = () => void log.flush();

  const garde: Garde = {
    config,
    lang,
    get consent() {
      return consent;
    },
    ready: log.retry(),
    acceptAll: () => decide('accept-all', () => 1),
    rejectAll: () => decide('reject-all', () => 0),
    set(choices) {
      const c = { ...consent?.categories };
      const s = { ...consent?.services };
      for (const [k, v] of Object.entries(choices)) {
        if (k == 'necessary') continue;
        if (own(cats, k)) c[k] = !!v;
        else if (own(svcs, k)) s[k] = !!v;
        else console.warn(`garde: set(): unknown category or service "${k}" ignored`);
      }
      decide('custom', (k) => c[k], s);
    },
    allowed,
    withdraw: () => change(null, 'withdraw'),
    showPreferences: () => void document.dispatchEvent(new CustomEvent('garde:show-preferences')),
    history: log.list,
    onChange(cb) {
      const f = (e: CustomEvent<ConsentState | null>) => cb(e.detail);
      document.addEventListener('garde:consent', f);
      return () => document.removeEventListener('garde:consent', f);
    },
    track: (name, props) => tracker.track(name, props),
    destroy() {
      gate?.stop();
      stopIntegrations();
      removeEventListener('online', online);
    },
  };
  setCurrentGarde(garde);

  // Global Privacy Control is a refusal the visitor already expressed: recorded, no banner.
  if (
    !consent &&
    config.gpc == 'refuse' &&
    (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true
  )
    decide('gpc', () => 0);
  // A failing integration or tracker must not take consent down with it.
  const guard = (f: () => void) => {
    try {
      f();
    } catch (e) {
      console.error('garde:', e);
    }
  };
  guard(() => (stopIntegrations = startIntegrations(garde)));
  gate = startGate((c, s) => allowed(c) && (!s || allowed(s)));
  addEventListener('online', online);
  if (config.analytics.autoPageview) guard(() => garde.track('pageview'));
  return garde;
}
