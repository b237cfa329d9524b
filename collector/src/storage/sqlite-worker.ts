// The writer thread of a SQLite file (see sqlite-writer-thread.ts): answers each message by id once its
// transaction has committed (or failed).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { configure } from './sqlite-connection.js';
import { createWriterHandler } from './sqlite-messages.js';
import type { WriterEnvelope, WriterReply } from './sqlite-writer-thread.js';

const { file, sync } = workerData as { file: string; sync: 'normal' | 'full' };
const db = new Database(file);
configure(db, sync);
// The checkpointer thread folds the WAL back (sqlite-checkpointer.js); this connection checkpoints only
// past 10,000 pages (40 MB), should that thread fall behind.
db.pragma('wal_autocheckpoint = 10000');
const handle = createWriterHandler(db);
const port = parentPort!;

port.on('message', ({ id, message }: WriterEnvelope) => {
  let reply: WriterReply;
  try {
    reply = { id, ok: true, result: handle(message) };
  } catch (error) {
    reply = { id, ok: false, message: (error as Error).message };
  }
  port.postMessage(reply);
  if (message.op === 'close' && reply.ok) port.close();
});
