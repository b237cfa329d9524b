// The analytics client: builds each hit from what the visitor agreed to at that moment
// (anonymous fields only until the analytics category is granted, then the configured
// extras) and fires it at `analyticsEndpoint`. No outbox: a lost hit is not worth storage.
// Browser code: the pure reductions it applies come from src/minimise, shared with the collector.
import { reducePath } from '../minimise/path.js';
import { sanitiseProps, validName } from '../minimise/personal.js';
import { referrerDomain } from '../minimise/referrer.js';
import { minorVersion } from '../minimise/ua.js';
import { vwBucket } from '../minimise/viewport.js';
import { forgetAnalyticsIds, SESSION_KEY, storedId, UID_KEY } from './analytics-ids.js';
import { post } from './post.js';
import type { ConsentStore } from './store.js';
import type { AnalyticsExtra, GardeConfig, Hit, Lang, TrackProps } from './types.js';

export interface TrackerOptions {
  config: GardeConfig;
  /** Where the current decision is read, at each hit. */
  store: Pick<ConsentStore, 'consent' | 'withdrawn'>;
  /** The page's language now (`garde.lang`, which `setLang()` changes): the hit's `lang`. */
  lang: () => Lang;
}

export interface Tracker {
  track(name?: string, props?: TrackProps): void;
}

export { SESSION_KEY, UID_KEY, forgetAnalyticsIds };

/**
 * The hit's referrer: origin and reduced path with consent and the `referrer` extra, else the
 * host name when it is another site.
 */
function hitReferrer(withPath: boolean): string | undefined {
  const referrer = document.referrer;
  if (withPath && /^https?:/.test(referrer)) return new URL(referrer).origin + reducePath(referrer);
  return referrerDomain(referrer, location.hostname) ?? undefined;
}

/**
 * Creates the tracker behind `garde.track`. Each hit reads `store.consent` afresh: analytics
 * consent is `categories[config.analytics.category]`. Before any decision a hit holds only the
 * anonymous fields of {@link Hit} (none is sent with `preConsent: 'none'`); after a refusal of
 * analytics or a withdrawal none is sent at all. Without consent, any id left from an earlier
 * consent is erased. Props and event names that look like
 * personal data are dropped with one console warning per key.
 */
export function createTracker({ config, store, lang }: TrackerOptions): Tracker {
  const { analytics, analyticsEndpoint: endpoint } = config;
  const warned = new Set<string>();
  const warnOnce = (what: string): void => {
    if (!warned.has(what)) console.warn(`garde: analytics ${what} dropped (personal data?)`);
    warned.add(what);
  };
  return {
    track(name = 'pageview', props) {
      const consent = store.consent;
      const granted = !!consent?.categories[analytics.category];
      const extra = (wanted: AnalyticsExtra): true | undefined =>
        (granted && analytics.afterConsent.includes(wanted)) || undefined;
      // Ids first: without consent (or with the extra no longer configured) they are erased.
      const session = storedId('sessionStorage', SESSION_KEY, !!extra('session') && !!endpoint);
      const uid = storedId('localStorage', UID_KEY, !!extra('persistentId') && !!endpoint);
      // A refusal of analytics (or a withdrawal) means silence: no hit at all, not even an
      // anonymous one. Before any decision, `preConsent` says.
      const silent = consent ? !granted : store.withdrawn || analytics.preConsent === 'none';
      if (!endpoint || silent) return;
      if (!validName(name)) return warnOnce('event name');
      const hit: Hit = {
        name,
        path: reducePath(location.href, analytics.queryAllowlist, config.paths),
        lang: lang(),
        vw: vwBucket(innerWidth),
        consent: granted,
        referrer: hitReferrer(!!extra('referrer')),
        minor: extra('minor') && minorVersion(navigator.userAgent),
        screen: extra('screen') && `${screen.width}x${screen.height}`,
        session,
        uid,
        props: sanitiseProps(props, (key) => warnOnce(`prop "${key}"`)),
      };
      // JSON.stringify leaves out the undefined fields. Sent without the site's cookies (see post).
      post(endpoint, JSON.stringify(hit)).catch(() => {});
    },
  };
}
