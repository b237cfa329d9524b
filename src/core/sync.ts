// One decision for every tab of the site. The cookie is the one source of truth: a tab that
// decides says so on a BroadcastChannel named after the cookie, and the other tabs read the
// cookie and adopt what it holds (no second receipt, no rewrite). A tab that was frozen or in
// the back/forward cache, or a browser without the channel, reads the cookie again when the
// page is shown or becomes visible; and before every hit, so that none leaves after a refusal
// taken elsewhere.
import { readCookie } from './cookie.js';
import { parseConsentCookie } from './cookie-format.js';
import { stateFromCookie } from './state.js';
import type { ConsentStore } from './store.js';
import type { GardeConfig } from './types.js';

export interface SyncOptions {
  config: GardeConfig;
  store: ConsentStore;
  /** The clock, in ms since the epoch. */
  now: () => number;
  /**
   * The cookie's value as init() read it for the stored decision, so that the way to the banner
   * reads `document.cookie` once.
   */
  seen: string | undefined;
  /**
   * Runs what can wait (the drop-in: until its banner is painted): opening the channel, a few
   * ms on a phone. Without it: at once.
   */
  later?: (work: () => void) => unknown;
}

export interface Sync {
  /** Adopts the cookie's decision if another tab changed it since this page last saw it. */
  check(): void;
  /** Closes the channel and removes the listeners. */
  stop(): void;
}

/** Keeps this page's decision the one the cookie holds, whichever tab took it. */
export function startSync({ config, store, now, seen, later }: SyncOptions): Sync {
  // `seen`: the cookie's value as this page last saw or wrote it; only a change made elsewhere
  // differs.
  const { name } = config.cookie;
  const check = () => {
    const value = readCookie(name);
    if (value === seen) return;
    seen = value;
    const stored = parseConsentCookie(value);
    store.adopt(stored && stateFromCookie(config, stored, now()), stored?.method === 'withdraw');
  };
  // One signal removes every listener (the channel's too: an unreferenced channel is closed).
  const listening = new AbortController();
  const { signal } = listening;
  let channel: BroadcastChannel | undefined;
  // Opened once the drop-in's banner is painted (`later`), or at this tab's first decision if
  // that comes first, which it then tells the other tabs.
  const open = () => {
    try {
      if (!channel) {
        channel = new BroadcastChannel('garde:' + name);
        channel.addEventListener('message', check, { signal });
      }
    } catch {
      // No channel (an old browser, an opaque origin): the checks on visibility and hits remain.
    }
    return channel;
  };
  // Subscribed after the effects: the cookie is written by then.
  const unsubscribe = store.onChange((_consent, { adopted }) => {
    seen = readCookie(name);
    if (!adopted) open()?.postMessage(0);
  });
  // visibilitychange bubbles from document to window; pageshow fires on a page restored from
  // the back/forward cache (`persisted`), and on every load, where init has just read the cookie.
  addEventListener('visibilitychange', check, { signal });
  addEventListener('pageshow', (event) => event.persisted && check(), { signal });
  // Opened later, it first reads what another tab decided meanwhile.
  if (later) later(() => (open(), check()));
  else open();
  return {
    check,
    stop() {
      unsubscribe();
      listening.abort();
    },
  };
}
