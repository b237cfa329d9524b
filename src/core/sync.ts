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
   * Runs what can wait until the page has painted (init's `later`; the drop-in's: until its
   * banner is painted): opening the channel (a few ms on a phone) and listening for pages
   * restored from the back/forward cache.
   */
  later: (work: () => unknown) => unknown;
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
    if (value !== seen) {
      const stored = parseConsentCookie((seen = value));
      store.adopt(stored && stateFromCookie(config, stored, now()), stored?.method === 'withdraw');
    }
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
  // visibilitychange bubbles from document to window.
  addEventListener('visibilitychange', check, { signal });
  // Once the page has painted (nothing after stop()): the cookie read again, for a decision
  // another tab took before this one's channel was open (a window side by side sees no visibility
  // change: it would keep what it started with); the channel; and pageshow, which fires on a page
  // restored from the back/forward cache (`persisted`) and at the end of every load, where init has
  // just read the cookie (the first call of its listener took 2-5 ms on a phone).
  later(
    () =>
      signal.aborted ||
      (check(),
      open(),
      addEventListener('pageshow', (event) => event.persisted && check(), { signal })),
  );
  return {
    check,
    stop() {
      unsubscribe();
      listening.abort();
    },
  };
}
