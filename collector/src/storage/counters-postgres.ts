// The pre-consent counters on PostgreSQL: a batch tallied, then one upsert statement for all of it.
import type pg from 'pg';
import { COUNTER_KEY, tally, type CountedHit } from './counters.js';

const TYPES: Record<(typeof COUNTER_KEY)[number], string> = {
  day: 'text',
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
  await pool.query(
    `INSERT INTO hit_counters (${columns}, count)
     SELECT * FROM unnest(${arrays.join(', ')}, ${countParameter})
     ON CONFLICT (${columns}) DO UPDATE SET count = hit_counters.count + excluded.count`,
    [
      ...COUNTER_KEY.map((column) => tallies.map(({ hit }) => hit[column])),
      tallies.map(({ count }) => count),
    ],
  );
}
