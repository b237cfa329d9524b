// The chain's head in the log at start and once a day: a copy outside the database (log shipping, the
// owner's notes) that a rewrite of the whole chain could not match.
import type { FastifyBaseLogger } from 'fastify';
import type { Storage } from './storage/types.js';

const DAY = 86_400_000;

/** Logs the head now (awaited) and every day; the timer is unref'd. Returns the stop function. */
export async function startChainLog(storage: Storage, log: FastifyBaseLogger): Promise<() => void> {
  const run = () =>
    storage.chainHead().then(
      (chain) => log.info({ chain }, 'records chain head'),
      (error: unknown) => log.error({ err: error }, 'records chain head unreadable'),
    );
  await run();
  const timer = setInterval(run, DAY);
  timer.unref();
  return () => clearInterval(timer);
}
