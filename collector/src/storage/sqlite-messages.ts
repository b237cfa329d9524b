// The one message type of the SQLite writer thread, what each message answers, and the one place that
// answers them: on the writer thread (sqlite-worker.ts) for a database file, in-thread for an in-memory one.
import type Database from 'better-sqlite3';
import type { LogHead, StoredCheckpoint } from '../log/types.js';
import { createCounterWriter, createTotalsWriter, type CounterValues } from './counters-sqlite.js';
import { createSnapshotWriter } from './snapshots-sqlite.js';
import { createWriter, type HitValues, type RecordValues } from './sqlite-writer.js';
import type {
  InsertOutcome,
  PathErased,
  PurgeResult,
  StoredSnapshot,
  TotalsRemoved,
} from './types.js';

/** A request to the writer: each one transaction (close excepted), answered once committed. */
export type WriterMessage =
  | { op: 'records'; rows: RecordValues[] }
  | { op: 'hits'; rows: HitValues[] }
  | { op: 'counts'; rows: CounterValues[] }
  | { op: 'purge'; recordsBefore: string; hitsBeforeDay: string; at: string }
  | { op: 'erase'; consentId: string; at: string; actor: string }
  | { op: 'purgeTotals'; beforeDay: string }
  | { op: 'erasePath'; path: string }
  | { op: 'snapshot'; snapshot: StoredSnapshot }
  | { op: 'publishSnapshot'; snapshot: StoredSnapshot; at: string }
  | { op: 'dropOrphanSnapshots'; at: string }
  | { op: 'sequence' }
  | { op: 'checkpoint'; checkpoint: StoredCheckpoint }
  | { op: 'ping' }
  | { op: 'close' };

/** What each message answers. */
export interface WriterAnswers {
  records: InsertOutcome[];
  hits: null;
  counts: null;
  purge: PurgeResult;
  erase: number;
  purgeTotals: TotalsRemoved;
  erasePath: PathErased;
  snapshot: 'stored' | 'known';
  publishSnapshot: 'stored' | 'known';
  dropOrphanSnapshots: number;
  sequence: LogHead & { more: boolean };
  checkpoint: boolean;
  ping: null;
  close: null;
}

/** Sends a message to the writer; resolves with its answer once committed. */
export type WriterCall = <M extends WriterMessage>(message: M) => Promise<WriterAnswers[M['op']]>;

/** Prepares every write on `db` (already migrated) and returns the function that answers a message. */
export function createWriterHandler(
  db: Database.Database,
): (message: WriterMessage) => WriterAnswers[WriterMessage['op']] {
  const records = createWriter(db);
  const countHits = createCounterWriter(db);
  const totals = createTotalsWriter(db);
  const snapshots = createSnapshotWriter(db);
  return (message) => {
    switch (message.op) {
      case 'records':
        return records.insertRecords(message.rows);
      case 'hits':
        records.insertHits(message.rows);
        return null;
      case 'counts':
        countHits(message.rows);
        return null;
      case 'purge':
        return records.purge(message.recordsBefore, message.hitsBeforeDay, message.at);
      case 'erase':
        return records.erase(message.consentId, message.at, message.actor);
      case 'purgeTotals':
        return totals.purgeTotals(message.beforeDay);
      case 'erasePath':
        return totals.erasePath(message.path);
      case 'snapshot':
        return snapshots.insert(message.snapshot);
      case 'publishSnapshot':
        return snapshots.publish(message.snapshot, message.at);
      case 'dropOrphanSnapshots':
        return snapshots.dropOrphans(message.at);
      case 'sequence':
        return records.sequence();
      case 'checkpoint':
        return records.saveCheckpoint(message.checkpoint);
      case 'ping':
        return null;
      case 'close':
        // Leave a clean file behind on a graceful stop: WAL folded into the database.
        if (db.open) {
          db.pragma('wal_checkpoint(TRUNCATE)');
          db.close();
        }
        return null;
    }
  };
}
