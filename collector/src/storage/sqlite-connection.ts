// A SQLite connection of the collector: its pragmas, the schema brought up to date, the checks at start,
// and the reads' prepared statements, kept per SQL text.
import Database from 'better-sqlite3';
import { SQLITE_DATA_STEPS, SQLITE_MIGRATIONS } from './migrations/sqlite.js';

/** Sets the pragmas every connection of the collector uses. */
export function configure(db: Database.Database, sync: 'normal' | 'full'): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -16384');
}

/** A statement per distinct SQL text, prepared once (filters combine freely, so texts vary). */
export function statementCache(db: Database.Database): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
}

/**
 * At start, not at the first receipt: a damaged file (PRAGMA quick_check) or one the collector cannot
 * write (a write in a transaction, rolled back) stops it with a clear error instead of 500s later.
 */
export function checkDatabase(db: Database.Database): void {
  const problems = db.pragma('quick_check', { simple: false }) as Array<{ quick_check: string }>;
  const report = problems.map((row) => row.quick_check);
  if (report.length !== 1 || report[0] !== 'ok') {
    throw new Error(`the database is damaged (quick_check: ${report.slice(0, 3).join('; ')})`);
  }
  try {
    db.exec('BEGIN IMMEDIATE');
    db.prepare('INSERT INTO garde_schema (version) VALUES (0)').run();
  } catch (error) {
    throw new Error(`the database is not writable (${(error as Error).message})`);
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}

export function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS garde_schema (version INTEGER NOT NULL)');
  db.transaction(() => {
    const row = db.prepare('SELECT max(version) AS version FROM garde_schema').get() as {
      version: number | null;
    };
    const current = row.version ?? 0;
    SQLITE_MIGRATIONS.slice(current).forEach((sql, i) => {
      const version = current + i + 1;
      db.exec(sql);
      SQLITE_DATA_STEPS[version]?.(db);
      db.prepare('INSERT INTO garde_schema (version) VALUES (?)').run(version);
    });
  }).immediate();
}
