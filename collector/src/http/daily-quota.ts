// A per-client daily quota, kept in memory like the rate limit: how many snapshots one client (the rate
// limit's key: an IPv4 address, an IPv6 /64) may add to the archive in one UTC day. The keys are never
// stored nor logged, and are all forgotten when the day changes.

/** Most clients remembered in one day; past it the day starts again (memory stays bounded). */
const MAX_CLIENTS = 100_000;

export interface DailyQuota {
  /** Whether `key` may take one more today; if so, counts it. */
  take(key: string): boolean;
}

/** A quota of `limit` per key per UTC day of `now()`. */
export function dailyQuota(limit: number, now: () => Date): DailyQuota {
  let day = '';
  const used = new Map<string, number>();
  return {
    take(key) {
      const today = now().toISOString().slice(0, 10);
      if (today !== day || used.size >= MAX_CLIENTS) {
        day = today;
        used.clear();
      }
      const count = used.get(key) ?? 0;
      if (count >= limit) return false;
      used.set(key, count + 1);
      return true;
    },
  };
}
