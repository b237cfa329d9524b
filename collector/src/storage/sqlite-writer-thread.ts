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
