// The pre-consent counters on SQLite: a batch tallied, then one upsert per distinct counter; and the end
// of the analytics totals (retention, erasure of a path).
import type Database from 'better-sqlite3';
import { COUNTER_KEY, tally, type CountedHit } from './counters.js';
import { erasePathSql, purgeTotalsSql } from './totals-sql.js';
import type { PathErased, TotalsRemoved } from './types.js';

/** A tallied counter as column values (key columns in COUNTER_KEY order, then the count). */
export type CounterValues = Array<string | number>;

/** Tallies a batch into flat rows, cheap to post to the writer thread. */
export function counterValues(hits: CountedHit[]): CounterValues[] {
  return tally(hits).map(({ hit, count }) => [
    ...COUNTER_KEY.map((column) => (column === 'mobile' ? (hit.mobile ? 1 : 0) : hit[column])),
    count,
  ]);
}

/** Prepares the upsert on `db` (already migrated); each call of the result is one transaction. */
export function createCounterWriter(db: Database.Database): (rows: CounterValues[]) => void {
  const columns = COUNTER_KEY.join(', ');
  const upsert = db.prepare(
    `INSERT INTO hit_counters (${columns}, count) VALUES (${COUNTER_KEY.map(() => '?').join(', ')}, ?)
     ON CONFLICT (${columns}) DO UPDATE SET count = count + excluded.count`,
  );
  return db.transaction((rows: CounterValues[]) => {
    for (const values of rows) upsert.run(values);
  });
}

/** The end of the analytics totals on `db`: their retention and the erasure of a path, each one transaction. */
export interface TotalsWriter {
  purgeTotals(beforeDay: string): TotalsRemoved;
  erasePath(path: string): PathErased;
}

/** Prepares the deletes of the analytics totals on `db` (already migrated). */
export function createTotalsWriter(db: Database.Database): TotalsWriter {
  const [counters, totals] = purgeTotalsSql('@value').map((sql) => db.prepare(sql));
  const [hits, pathCounters, pathTotals] = erasePathSql('@value').map((sql) => db.prepare(sql));
  return {
    purgeTotals: db.transaction((value: string) => ({
      counters: counters!.run({ value }).changes,
      totals: totals!.run({ value }).changes,
    })),
    erasePath: db.transaction((value: string) => ({
      hits: hits!.run({ value }).changes,
      counters: pathCounters!.run({ value }).changes,
      totals: pathTotals!.run({ value }).changes,
    })),
  };
}
