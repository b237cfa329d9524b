// The embedded default: one SQLite file through better-sqlite3, in WAL mode, prepared statements only; its
// stores (records, analytics, snapshots, log) composed over one reading connection and one writer.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { sqliteLog } from './log-sqlite.js';
import { sqliteAnalytics } from './sqlite-analytics.js';
import { checkDatabase, configure, migrate, statementCache } from './sqlite-connection.js';
import { sqliteRecords } from './sqlite-records.js';
import { inThread, startCheckpointer, startWriterThread } from './sqlite-writer-thread.js';
import { sqliteSnapshots } from './snapshots-sqlite.js';
import type { Storage } from './types.js';

/**
 * Opens (creating the folder and file if needed) and migrates a SQLite database. Writes go to a writer
 * thread (an in-memory database, for tests, is written in-thread); reads run on this thread's connection,
 * which WAL lets read while the writer commits.
 *
 * WAL with synchronous=NORMAL: a commit appends to the -wal file with write() before it returns, so the
 * data sits in the kernel's page cache and survives the collector being killed (kill -9, crash, OOM);
 * only a power cut or kernel panic can lose the last commits, because the fsync happens at checkpoints.
 * `sync: 'full'` fsyncs every commit for that case too.
 */
export async function openSqlite(
  file: string,
  sync: 'normal' | 'full' = 'normal',
): Promise<Storage> {
  const memory = file === ':memory:';
  if (!memory) mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    configure(db, sync);
    migrate(db);
    checkDatabase(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const call = memory ? inThread(db) : await startWriterThread(file, sync);
  // A checkpoint failing is no lost data (the WAL keeps every commit): said on stderr, and the writer
  // checkpoints itself past its limit.
  const stopCheckpointer = memory
    ? null
    : startCheckpointer(file, sync, (message) =>
        process.stderr.write(`garde-collector: SQLite checkpoint failed: ${message}\n`),
      );
  const stmt = statementCache(db);
  return {
    ...sqliteRecords(call, stmt),
    ...sqliteAnalytics(call, stmt),
    ...sqliteSnapshots(db, call, stmt),
    log: sqliteLog(db, call),
    async close() {
      // Whatever was stored goes into the tree before the file closes.
      await call({ op: 'sequence' });
      await stopCheckpointer?.();
      await call({ op: 'close' });
      if (db.open) db.close();
    },
  };
}
