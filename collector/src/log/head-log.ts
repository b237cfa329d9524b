// The log's head (size and root hash) in the collector's log at start and once a day: one more copy
// outside the database, beside the signed checkpoints, that a rewrite of the log could not match.
import type { FastifyBaseLogger } from 'fastify';
import type { LogStore } from './types.js';

const DAY = 86_400_000;

/** Logs the head now (awaited) and every day; the timer is unref'd. Returns the stop function. */
export async function startHeadLog(log: LogStore, logger: FastifyBaseLogger): Promise<() => void> {
  const run = () =>
    log.head().then(
      (head) => logger.info({ log: head }, 'records log head'),
      (error: unknown) => logger.error({ err: error }, 'records log head unreadable'),
    );
  await run();
  const timer = setInterval(run, DAY);
  timer.unref();
  return () => clearInterval(timer);
}
