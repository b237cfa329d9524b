// The writer thread of a SQLite file: commits batches (and the daily purge) off the event loop, so the
// HTTP side keeps parsing while SQLite writes, and checkpoints' fsync never delays a request.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { configure, createWriter } from './sqlite-writer.js';
import { createCounterWriter, createTotalsWriter, type CounterValues } from './counters-sqlite.js';
import { createSnapshotWriter } from './snapshots-sqlite.js';
import type { StoredCheckpoint } from '../log/types.js';
import type { StoredSnapshot } from './types.js';

/** A request from the main thread. */
export type WriterRequest =
  | {
      id: number;
      op: 'records';
      rows: Parameters<ReturnType<typeof createWriter>['insertRecords']>[0];
    }
  | { id: number; op: 'hits'; rows: Parameters<ReturnType<typeof createWriter>['insertHits']>[0] }
  | { id: number; op: 'counts'; rows: CounterValues[] }
  | { id: number; op: 'purge'; recordsBefore: string; hitsBeforeDay: string; at: string }
  | { id: number; op: 'erase'; consentId: string; at: string; actor: string }
  | { id: number; op: 'snapshot'; snapshot: StoredSnapshot }
  | { id: number; op: 'sequence' }
  | { id: number; op: 'checkpoint'; checkpoint: StoredCheckpoint }
  | { id: number; op: 'purgeTotals'; beforeDay: string }
  | { id: number; op: 'erasePath'; path: string }
  | { id: number; op: 'publishSnapshot'; snapshot: StoredSnapshot; at: string }
  | { id: number; op: 'dropOrphanSnapshots' }
  | { id: number; op: 'ping' }
  | { id: number; op: 'close' };

const { file, sync } = workerData as { file: string; sync: 'normal' | 'full' };
const db = new Database(file);
configure(db, sync);
const writer = createWriter(db);
const countHits = createCounterWriter(db);
const totals = createTotalsWriter(db);
const snapshots = createSnapshotWriter(db);
const port = parentPort!;

port.on('message', (request: WriterRequest) => {
  try {
    let result: unknown = null;
    if (request.op === 'records') result = writer.insertRecords(request.rows);
    else if (request.op === 'hits') writer.insertHits(request.rows);
    else if (request.op === 'counts') countHits(request.rows);
    else if (request.op === 'purge')
      result = writer.purge(request.recordsBefore, request.hitsBeforeDay, request.at);
    else if (request.op === 'erase')
      result = writer.erase(request.consentId, request.at, request.actor);
    else if (request.op === 'snapshot') result = writer.insertSnapshot(request.snapshot);
    else if (request.op === 'sequence') result = writer.sequence();
    else if (request.op === 'checkpoint') result = writer.saveCheckpoint(request.checkpoint);
    else if (request.op === 'purgeTotals') result = totals.purgeTotals(request.beforeDay);
    else if (request.op === 'erasePath') result = totals.erasePath(request.path);
    else if (request.op === 'publishSnapshot')
      result = snapshots.publish(request.snapshot, request.at);
    else if (request.op === 'dropOrphanSnapshots') result = snapshots.dropOrphans();
    else if (request.op === 'close') {
      // Leave a clean file behind on a graceful stop: WAL folded into the database.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    }
    port.postMessage({ id: request.id, ok: true, result });
    if (request.op === 'close') port.close();
  } catch (error) {
    port.postMessage({ id: request.id, ok: false, message: (error as Error).message });
  }
});
