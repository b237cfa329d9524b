// Retention: consent records are proof and are kept for years after a visitor's last decision, then erased
// (tombstones that keep the log verifiable); raw hits are kept for months, then only per-day totals
// remain; the totals (pre-consent day counters and daily totals) end too. Enforced at start and once a
// day, each purge logged with what it removed.
import type { FastifyBaseLogger } from 'fastify';
import type { PurgeResult, Storage, TotalsRemoved } from './storage/types.js';

const DAY = 86_400_000;

export interface RetentionOptions {
  recordsDays: number;
  hitsDays: number;
  /** Days the day counters and daily totals are kept; default `hitsDays`. */
  totalsDays?: number;
  now: () => Date;
  /**
   * Called after each purge: the server forgets which snapshots it knew were stored (some may be gone,
   * dropped by this collector or, on PostgreSQL, by another one).
   */
  onPurged?: () => void;
}

/**
 * What one purge removed, for the log: records erased, raw hits, day counters, daily-total rows, and
 * the snapshots whose last receipt was erased.
 */
export type Removed = PurgeResult & TotalsRemoved & { snapshots: number };

const dayBefore = (now: number, days: number) =>
  new Date(now - days * DAY).toISOString().slice(0, 10);

/** Deletes what is past its retention at `now()`; returns what was removed. */
export async function purgeExpired(storage: Storage, options: RetentionOptions): Promise<Removed> {
  const now = options.now().getTime();
  const recordsBefore = new Date(now - options.recordsDays * DAY).toISOString();
  // Raw hits are rolled into the daily totals first, so that the totals' own end applies to them too.
  const at = new Date(now).toISOString();
  const purged = await storage.purge(recordsBefore, dayBefore(now, options.hitsDays), at);
  const totals = await storage.purgeTotals(dayBefore(now, options.totalsDays ?? options.hitsDays));
  // What visitors were shown goes with the last receipt that names it (unless the site published it).
  const snapshots = await storage.dropOrphanSnapshots(at);
  options.onPurged?.();
  return { ...purged, ...totals, snapshots };
}

/** Purges once now (awaited), then every day; the timer is unref'd so it never keeps the process alive. */
export async function startRetention(
  storage: Storage,
  options: RetentionOptions,
  log: FastifyBaseLogger,
): Promise<() => void> {
  const run = () =>
    purgeExpired(storage, options).then(
      (removed) => log.info({ removed }, 'retention purge'),
      (error: unknown) => log.error({ err: error }, 'retention purge failed'),
    );
  await run();
  const timer = setInterval(run, DAY);
  timer.unref();
  return () => clearInterval(timer);
}
