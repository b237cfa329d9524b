// The checkpointer of a SQLite file: a thread of its own, with a connection of its own, that folds the WAL
// back into the database every CHECKPOINT_INTERVAL_MS (PRAGMA wal_checkpoint(PASSIVE): it never blocks the
// writer nor the readers). Left to the writer thread, each checkpoint (about every 17 batches of receipts)
// copied a thousand pages and synced them while receipts waited for their commit. Plain JavaScript: it needs
// nothing but better-sqlite3, so no loader.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, sync, intervalMs } = workerData;
const db = new Database(file);
db.pragma('busy_timeout = 5000');
// The sync level decides what a checkpoint syncs: with NORMAL, the WAL is synced here, before its pages are
// copied, as the writer did at its own checkpoints.
db.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
db.pragma('wal_autocheckpoint = 0');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: error.message });
  }
}, intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort.postMessage('closed');
  parentPort.close();
});
