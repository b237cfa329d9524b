// Rows appended in a few multi-row INSERTs rather than one statement per row: each statement run costs
// better-sqlite3 and SQLite a bind, a step and a reset whatever its size, and the log's appends write
// three rows a receipt (its leaf and about two stored hashes).
import type Database from 'better-sqlite3';

/** Rows per statement, largest first: a batch of n rows takes at most a few statements of each. */
const CHUNKS = [64, 16, 4, 1];

/**
 * Inserts rows of `columns` into `table` on `db`, in the caller's transaction, in statements of 64, 16, 4
 * and 1 rows (each prepared once, at its first use).
 */
export function insertMany(
  db: Database.Database,
  table: string,
  columns: readonly string[],
): (rows: ReadonlyArray<ReadonlyArray<unknown>>) => void {
  const row = `(${columns.map(() => '?').join(', ')})`;
  const statements = new Map<number, Database.Statement>();
  const statement = (count: number) => {
    let prepared = statements.get(count);
    if (!prepared) {
      const values = Array.from({ length: count }, () => row).join(', ');
      prepared = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`);
      statements.set(count, prepared);
    }
    return prepared;
  };
  return (rows) => {
    let at = 0;
    for (const size of CHUNKS) {
      for (; rows.length - at >= size; at += size) {
        statement(size).run(rows.slice(at, at + size).flat());
      }
    }
  };
}
