// Pre-consent hits as day-level counters: the shape counted, and the tally of a batch before it is
// written, shared by both databases.

/**
 * A pre-consent hit reduced to what is counted: no IP, no prefix of it, no time finer than the UTC
 * day, no props. Hits with the same values add up in one counter row.
 */
export interface CountedHit {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** The site (the request's Origin), or '' when there was none (a key column, so never null). */
  site: string;
  name: string;
  /** Reduced by `reducePath` at ingress. */
  path: string;
  /** Referring domain, or '' for none (a key column, so never null). */
  referrer: string;
  browser: string;
  os: string;
  mobile: boolean;
  lang: string;
  vw: number;
}

/** The key columns of hit_counters, in the order both databases write them. */
export const COUNTER_KEY = [
  'day',
  'site',
  'name',
  'path',
  'referrer',
  'browser',
  'os',
  'mobile',
  'lang',
  'vw',
] as const satisfies ReadonlyArray<keyof CountedHit>;

/** One distinct counter of a batch and how many hits it gets. */
export interface Tally {
  hit: CountedHit;
  count: number;
}

/**
 * Adds up identical hits of a batch, so each counter row is written once per batch (PostgreSQL
 * refuses to update one row twice in a statement) and in key order (concurrent writers lock rows
 * in the same order).
 */
export function tally(hits: CountedHit[]): Tally[] {
  const byKey = new Map<string, Tally>();
  for (const hit of hits) {
    const key = JSON.stringify(COUNTER_KEY.map((column) => hit[column]));
    const entry = byKey.get(key);
    if (entry) entry.count++;
    else byKey.set(key, { hit, count: 1 });
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, entry]) => entry);
}
