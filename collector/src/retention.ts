// Retention: consent records are proof and are kept for years after a visitor's last decision, then erased
// (tombstones that keep the chain verifiable); raw hits
// are kept for months, then only per-day totals remain. Enforced at start and once a day.
import type { FastifyBaseLogger } from 'fastify';
import type { PurgeResult, Storage } from './storage/types.js';

const DAY = 86_400_000;

export interface RetentionOptions {
  recordsDays: number;
  hitsDays: number;
  now: () => Date;
}

/** Deletes what is past its retention at `now()`; returns what was removed. */
export function purgeExpired(storage: Storage, options: RetentionOptions): Promise<PurgeResult> {
  const now = options.now().getTime();
  const recordsBefore = new Date(now - options.recordsDays * DAY).toISOString();
  const hitsBeforeDay = new Date(now - options.hitsDays * DAY).toISOString().slice(0, 10);
  return storage.purge(recordsBefore, hitsBeforeDay, new Date(now).toISOString());
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
