// The pre-consent counters on SQLite: a batch tallied, then one upsert per distinct counter.
import type Database from 'better-sqlite3';
import { COUNTER_KEY, tally, type CountedHit } from './counters.js';

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
