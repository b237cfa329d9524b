// The writer of a SQLite storage: a thread of its own for a database file (commits off the event loop,
// so the HTTP side keeps parsing while SQLite writes, and checkpoints' fsync never delays a request), or
// the same handler in-thread for an in-memory database.
import { Worker } from 'node:worker_threads';
import { tsThread } from '../ts-thread-url.js';
import type Database from 'better-sqlite3';
import { createWriterHandler, type WriterCall, type WriterMessage } from './sqlite-messages.js';

/** The envelope of a message to the thread, and of its answer. */
export interface WriterEnvelope {
  id: number;
  message: WriterMessage;
}
export type WriterReply =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };

/** The writer on this thread, on `db` itself (an in-memory database has no other connection). */
export function inThread(db: Database.Database): WriterCall {
  const handle = createWriterHandler(db);
  return async (message) => handle(message) as never;
}

/** Starts the writer thread on `file`; resolves once it has opened the database. */
export async function startWriterThread(
  file: string,
  sync: 'normal' | 'full',
): Promise<WriterCall> {
  const worker = new Worker(
    ...tsThread(new URL('./sqlite-worker.ts', import.meta.url), { workerData: { file, sync } }),
  );
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  let next = 0;
  let dead: Error | null = null;
  const fail = (error: Error) => {
    dead = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on('message', (reply: WriterReply) => {
    const p = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok) p?.resolve(reply.result);
    else p?.reject(new Error(`SQLite writer: ${reply.message}`));
    // Idle, the writer thread must not keep the process alive.
    if (!pending.size) worker.unref();
  });
  worker.on('error', (error) => fail(error));
  worker.on('exit', (code) => fail(new Error(`SQLite writer thread exited (${code})`)));
  worker.unref();
  const call: WriterCall = (message) => {
    if (dead) return Promise.reject(dead);
    const id = ++next;
    worker.ref();
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, message } satisfies WriterEnvelope);
    });
  };
  // A first round trip: the thread has opened the database before the storage is handed out.
  await call({ op: 'ping' });
  return call;
}

/**
 * How often the checkpointer folds the WAL into the database. Under load each batch of receipts adds about
 * 60 pages to the WAL (most of them index pages of random UUIDs), so checkpoints stay small when frequent:
 * every 100 ms they held commits long enough to push p99 from 18 to 27-33 ms (wrk, bench/collector), every
 * 25 ms they did not. On an idle collector a checkpoint has nothing to copy and returns at once.
 */
export const CHECKPOINT_INTERVAL_MS = 25;

/**
 * Starts the checkpointer thread on `file` (sqlite-checkpointer.js); the returned function stops it. The
 * writer keeps checkpointing itself only if the WAL grows far beyond what the checkpointer leaves
 * (sqlite-worker.ts), so a stalled checkpointer cannot let the file grow without end.
 */
export function startCheckpointer(
  file: string,
  sync: 'normal' | 'full',
  onError: (message: string) => void,
): () => Promise<void> {
  const worker = new Worker(new URL('./sqlite-checkpointer.js', import.meta.url), {
    workerData: { file, sync, intervalMs: CHECKPOINT_INTERVAL_MS },
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('message', (message: unknown) => {
    if (message && typeof message === 'object' && 'error' in message) {
      onError(String((message as { error: unknown }).error));
    }
  });
  worker.on('error', (error) => onError(error.message));
  // After the listeners: adding a 'message' listener refs the thread again, and an unreferenced
  // checkpointer that is referenced again keeps the process alive for ever.
  worker.unref();
  return async () => {
    // Unreferenced while it runs; its stop must keep the process alive until it has closed its connection.
    worker.ref();
    worker.postMessage('close');
    await exited;
  };
}
