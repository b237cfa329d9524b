// Runs SQLite WAL checkpoints on a thread of their own, so the fsync they end with never blocks the
// collector's event loop (a checkpoint on the main thread costs tens of milliseconds of p99 latency).
// Plain JavaScript: a worker thread does not inherit the tsx loader.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');

function checkpoint(mode) {
  try {
    db.pragma(`wal_checkpoint(${mode})`);
  } catch {
    // Busy or closing: the next round, or the main connection's fallback, checkpoints instead.
  }
}

const timer = setInterval(() => checkpoint('PASSIVE'), workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  checkpoint('TRUNCATE');
  db.close();
  parentPort.close();
});
