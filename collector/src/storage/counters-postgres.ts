// The pre-consent counters on PostgreSQL: a batch tallied, then one upsert statement for all of it; and
// the end of the analytics totals (retention, erasure of a path).
import type pg from 'pg';
import { COUNTER_KEY, tally, type CountedHit } from './counters.js';
import { transaction } from './postgres-writes.js';
import { erasePathSql, purgeTotalsSql } from './totals-sql.js';
import type { PathErased, TotalsRemoved } from './types.js';

const TYPES: Record<(typeof COUNTER_KEY)[number], string> = {
  day: 'text',
  site: 'text',
  name: 'text',
  path: 'text',
  referrer: 'text',
  browser: 'text',
  os: 'text',
  mobile: 'boolean',
  lang: 'text',
  vw: 'int',
};

/** Adds a batch of pre-consent hits to hit_counters, in one statement. */
export async function countHitsPostgres(pool: pg.Pool, hits: CountedHit[]): Promise<void> {
  const tallies = tally(hits);
  if (!tallies.length) return;
  const columns = COUNTER_KEY.join(', ');
  const arrays = COUNTER_KEY.map((column, i) => `$${i + 1}::${TYPES[column]}[]`);
  const countParameter = `$${COUNTER_KEY.length + 1}::bigint[]`;
  // Named: parsed and planned once per connection (its text never changes), as the receipts' insert.
  await pool.query({
    name: 'garde-count-hits',
    text: `INSERT INTO hit_counters (${columns}, count)
     SELECT * FROM unnest(${arrays.join(', ')}, ${countParameter})
     ON CONFLICT (${columns}) DO UPDATE SET count = hit_counters.count + excluded.count`,
    values: [
      ...COUNTER_KEY.map((column) => tallies.map(({ hit }) => hit[column])),
      tallies.map(({ count }) => count),
    ],
  });
}

// Each statement of `sqls` with the one parameter, in one transaction; the rows each removed.
async function deleteAll(pool: pg.Pool, sqls: string[], value: string): Promise<number[]> {
  return transaction(pool, async (client) => {
    const counts: number[] = [];
    for (const sql of sqls) counts.push((await client.query(sql, [value])).rowCount ?? 0);
    return counts;
  });
}

/** Deletes the day counters and daily totals of days before `beforeDay`. */
export async function purgeTotalsPostgres(
  pool: pg.Pool,
  beforeDay: string,
): Promise<TotalsRemoved> {
  const [counters, totals] = await deleteAll(pool, purgeTotalsSql('$1'), beforeDay);
  return { counters: counters!, totals: totals! };
}

/** Deletes the raw hits, day counters and daily totals of `path` and below it. */
export async function erasePathPostgres(pool: pg.Pool, path: string): Promise<PathErased> {
  const [hits, counters, totals] = await deleteAll(pool, erasePathSql('$1'), path);
  return { hits: hits!, counters: counters!, totals: totals! };
}
