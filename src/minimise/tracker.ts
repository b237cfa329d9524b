// The analytics client: builds each hit from what the visitor agreed to at that moment
// (anonymous fields only until the analytics category is granted, then the configured
// extras) and fires it at `analyticsEndpoint`. No outbox: a lost hit is not worth storage.
import type {
  AnalyticsExtra,
  ConsentState,
  GardeConfig,
  Hit,
  Lang,
  TrackProps,
} from '../core/types.js';
import { VIEWPORT_BUCKETS } from '../wire.js';
import { minorVersion } from './ua.js';
import { referrerDomain } from './referrer.js';
import { reducePath } from './path.js';
import { sanitiseProps, validName } from './personal.js';
import { post } from '../core/post.js';
import { uuid } from '../core/uuid.js';

export interface TrackerOptions {
  config: GardeConfig;
  /** The current decision (read at each hit, never cached). */
  consent: () => ConsentState | null;
  lang: Lang;
}

export interface Tracker {
  track(name?: string, props?: TrackProps): void;
}

/** sessionStorage key of the session id (extra `session`); erased whenever analytics is not granted. */
export const SESSION_KEY = 'garde.sid';
/** localStorage key of the persistent id (extra `persistentId`); erased whenever analytics is not granted. */
export const UID_KEY = 'garde.uid';

// Largest first, for find().
const VW = [...VIEWPORT_BUCKETS].reverse();

/** The viewport-width bucket of `Hit.vw`: the largest of 0, 360, 576, 768, 992, 1200, 1440 not above `width`. */
export const vwBucket = (width: number): Hit['vw'] => VW.find((b) => width >= b) ?? 0;

// Reads (creating on first use) or removes one id. Storage may be disabled or throw
// (Safari private mode, sandboxed iframes): then there is simply no id. The core's uuid, not
// crypto.randomUUID, which exists only in secure contexts.
const id = (store: () => Storage, key: string, keep: boolean): string | undefined => {
  try {
    const s = store();
    if (!keep) return void s.removeItem(key);
    let v = s.getItem(key);
    if (!v) s.setItem(key, (v = uuid()));
    return v;
  } catch {
    return;
  }
};

/** Removes the session and persistent ids (done by every hit made without analytics consent). */
export function forgetAnalyticsIds(): void {
  id(() => sessionStorage, SESSION_KEY, false);
  id(() => localStorage, UID_KEY, false);
}

/**
 * Creates the tracker behind `garde.track`. Each hit reads `consent()` afresh: analytics
 * consent is `categories[config.analytics.category]`. Without it, a hit holds only the
 * anonymous fields of {@link Hit} (or is not sent at all with `preConsent: 'none'`) and
 * any id left from an earlier consent is erased. Props and event names that look like
 * personal data are dropped with one console warning per key.
 */
export function createTracker({ config, consent, lang }: TrackerOptions): Tracker {
  const warned = new Set<string>();
  const warn = (what: string): void => {
    if (!warned.has(what)) console.warn(`garde: analytics ${what} dropped (personal data?)`);
    warned.add(what);
  };
  return {
    track(name = 'pageview', props) {
      const a = config.analytics;
      const url = config.analyticsEndpoint;
      const ok = !!consent()?.categories[a.category];
      const extra = (x: AnalyticsExtra): true | undefined =>
        (ok && a.afterConsent.includes(x)) || undefined;
      // Ids first: without consent (or with the extra no longer configured) they are erased.
      const session = id(() => sessionStorage, SESSION_KEY, !!extra('session') && !!url);
      const uid = id(() => localStorage, UID_KEY, !!extra('persistentId') && !!url);
      if (!url || (!ok && a.preConsent == 'none')) return;
      if (!validName(name)) return warn('event name');
      const nav = navigator;
      const ua = nav.userAgent;
      const ref = document.referrer;
      const hit: Hit = {
        name,
        path: reducePath(location.href, a.queryAllowlist),
        lang: (nav.language || lang).split('-')[0]!.toLowerCase(),
        vw: vwBucket(innerWidth),
        consent: ok,
        referrer:
          extra('referrer') && /^https?:/.test(ref)
            ? new URL(ref).origin + reducePath(ref)
            : referrerDomain(ref, location.hostname) || undefined,
        minor: extra('minor') && minorVersion(ua),
        screen: extra('screen') && `${screen.width}x${screen.height}`,
        session,
        uid,
        props: sanitiseProps(props, (k) => warn(`prop "${k}"`)),
      };
      // JSON.stringify leaves out the undefined fields. Sent without the site's cookies (see post).
      post(url, JSON.stringify(hit)).catch(() => {});
    },
  };
}
