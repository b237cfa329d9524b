// A hit as received → a hit as stored (after consent) or counted (before). Runs before anything is
// written or logged; the raw IP and user agent exist only as arguments here and in fastify's request
// object, never beyond.
import type { Hit } from 'garde/wire';
import {
  anonymiseIp,
  reducePath,
  reduceUserAgent,
  referrerDomain,
  sanitiseProps,
  type PathRules,
} from 'garde/minimise';
import type { CountedHit } from './storage/counters.js';
import type { StoredHit } from './storage/types.js';

/**
 * Bits of the client address kept: with analytics consent /16 (IPv4) and /48 (IPv6); `anonymous` only
 * for a caller that stores a pre-consent hit as a row (the collector counts those and reads no address).
 */
export const NETWORK_BITS = {
  consented: { v4Bits: 16, v6Bits: 48 },
  anonymous: { v4Bits: 8, v6Bits: 32 },
} as const;

export interface HitContext {
  ip: string;
  userAgent: string | undefined;
  /** The host of the page that sent the hit (Origin header, else Host): same-site referrers are dropped. */
  pageHost: string;
  /** The site: the request's Origin (checked against `--origin`), '' when it had none. */
  site?: string;
  now: Date;
  /** Query parameters kept in the path (`--query-allowlist`); all others are dropped. */
  queryAllowlist?: readonly string[];
  /** The site's own path rules (`--path-redact`, `--path-keep`). */
  paths?: PathRules;
}

/**
 * Reduces a pre-consent hit to its day-level counter: the path reduced whatever the sender did, the
 * referrer domain, browser and OS family, mobile, language and viewport bucket. The address is not
 * even read, and props, the browser's major version and the time of day are not counted.
 */
export function countedHit(hit: Hit, context: Omit<HitContext, 'ip'>): CountedHit {
  const ua = reduceAgent(hit, context.userAgent);
  return {
    day: context.now.toISOString().slice(0, 10),
    site: context.site ?? '',
    name: hit.name,
    path: reducePath(hit.path, context.queryAllowlist, context.paths),
    referrer: (hit.referrer && reduceReferrer(hit.referrer, context.pageHost)) || '',
    browser: ua.browser,
    os: ua.os,
    mobile: ua.mobile,
    lang: hit.lang.toLowerCase(),
    vw: hit.vw,
  };
}

/**
 * Reduces a validated hit: network prefix instead of the IP, browser family / major / OS / mobile from
 * the request's own user agent (the body's values, if any, only when the header is missing), referrer domain
 * only, personal-looking props dropped, and the after-consent fields dropped when `consent` is false.
 */
export function anonymiseHit(hit: Hit, context: HitContext): StoredHit {
  const ua = reduceAgent(hit, context.userAgent);
  const consent = hit.consent;
  return {
    receivedAt: context.now.toISOString(),
    day: context.now.toISOString().slice(0, 10),
    site: context.site ?? '',
    name: hit.name,
    path: reducePath(hit.path, context.queryAllowlist, context.paths),
    referrer: hit.referrer ? reduceReferrer(hit.referrer, context.pageHost) : null,
    browser: ua.browser,
    major: ua.major,
    os: ua.os,
    mobile: ua.mobile,
    lang: hit.lang.toLowerCase(),
    vw: hit.vw,
    consent,
    network: anonymiseIp(context.ip, consent ? NETWORK_BITS.consented : NETWORK_BITS.anonymous),
    props: (hit.props && sanitiseProps(hit.props)) ?? null,
    minor: consent ? (hit.minor ?? null) : null,
    screen: consent ? (hit.screen ?? null) : null,
    session: consent ? (hit.session ?? null) : null,
    uid: consent ? (hit.uid ?? null) : null,
  };
}

// garde's tracker sends no browser fields: every request carries its User-Agent, reduced here.
function reduceAgent(hit: Hit, userAgent: string | undefined) {
  if (userAgent) return reduceUserAgent(userAgent);
  return {
    browser: hit.browser ?? 'Other',
    major: hit.major ?? 0,
    os: hit.os ?? 'Other',
    mobile: hit.mobile ?? false,
  };
}

// Before consent the browser sends a bare host name, after it a URL: both end as a domain.
function reduceReferrer(referrer: string, pageHost: string): string | null {
  const url = /^[a-z][a-z0-9+.-]*:/i.test(referrer) ? referrer : `https://${referrer}`;
  return referrerDomain(url, pageHost);
}
