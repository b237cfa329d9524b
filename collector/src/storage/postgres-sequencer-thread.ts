// The rounds of the log's sequencer on a thread of their own, with their own connection: reading the rows
// waiting, hashing thousands of leaves and the tree's append take the collector's event loop for tens of
// milliseconds per round otherwise (about a fifth of its time under load), while it has requests to
// answer. A thread that cannot start or dies hands the rounds back to the main thread's pool.
import { Worker } from 'node:worker_threads';
import { tsThread } from '../ts-thread-url.js';
import type pg from 'pg';
import type { LogHead } from '../log/types.js';
import { sequenceRound } from './log-postgres.js';

/** A message to the thread, and its answer. */
export interface SequencerRequest {
  id: number;
  op: 'round' | 'close';
}
export type SequencerReply =
  { id: number; ok: true; head: LogHead | null } | { id: number; ok: false; message: string };

export interface SequencerThread {
  /** One round (see sequenceRound), on the thread. */
  sequence(): Promise<LogHead | null>;
  /** Ends the thread's connection and the thread. */
  close(): Promise<void>;
}

/**
 * Starts the thread lazily, at the first round; `connection` is the pool's configuration without the
 * pool (the thread opens one connection). Rounds go to `fallback` (the main thread's pool) once the
 * thread has failed.
 */
export function sequencerThread(connection: pg.PoolConfig, fallback: pg.Pool): SequencerThread {
  let worker: Worker | null = null;
  let dead = false;
  let next = 0;
  const pending = new Map<
    number,
    { resolve: (head: LogHead | null) => void; reject: (error: Error) => void }
  >();

  const fail = (error: Error) => {
    dead = true;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const start = (): Worker => {
    const started = new Worker(
      ...tsThread(new URL('./postgres-sequencer-worker.ts', import.meta.url), {
        workerData: connection,
      }),
    );
    started.on('message', (reply: SequencerReply) => {
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.ok) p?.resolve(reply.head);
      else p?.reject(new Error(reply.message));
      // Idle, the thread must not keep the process alive.
      if (!pending.size) started.unref();
    });
    started.on('error', fail);
    started.on('exit', (code) => fail(new Error(`the log's sequencer thread exited (${code})`)));
    return started;
  };
  const call = (op: SequencerRequest['op']): Promise<LogHead | null> => {
    worker ??= start();
    worker.ref();
    const id = ++next;
    const thread = worker;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      thread.postMessage({ id, op } satisfies SequencerRequest);
    });
  };

  return {
    sequence: () => (dead ? sequenceRound(fallback) : call('round')),
    async close() {
      if (!worker || dead) return;
      await call('close').catch(() => null);
      dead = true;
    },
  };
}
