// The sequencer thread of a PostgreSQL storage (see postgres-sequencer-thread.ts): runs each round asked
// for on a connection of its own and answers it by id; `close` ends the connection and the thread.
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { sequenceRound } from './log-postgres.js';
import type { SequencerReply, SequencerRequest } from './postgres-sequencer-thread.js';

// Named, so that pg_stat_activity shows which connection sequences (and may hold the lock).
const pool = new pg.Pool({
  application_name: 'garde-collector sequencer',
  ...(workerData as pg.PoolConfig),
  max: 1,
});
// A lost connection fails the round it was in; the next round connects again.
pool.on('error', () => {});
const port = parentPort!;

port.on('message', ({ id, op }: SequencerRequest) => {
  const work = op === 'round' ? sequenceRound(pool) : pool.end().then(() => null);
  work.then(
    (head) => port.postMessage({ id, ok: true, head } satisfies SequencerReply),
    (error: unknown) =>
      port.postMessage({
        id,
        ok: false,
        message: (error as Error).message,
      } satisfies SequencerReply),
  );
  if (op === 'close') void work.finally(() => port.close());
});
