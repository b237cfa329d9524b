// Schema 10's data step, one per database: the analytics' paths stored before it were the URL's
// percent-encoded form; they become the plain form the collector stores now (http/plain-path.ts). The
// mapping is computed here, in code (SQL has no UTF-8 percent-decoder), and applied in SQL: raw hits
// rewritten, day counters and daily totals merged into the plain path's row (two spellings of one path
// become one row, their counts added). The records' paths stay as stored: each is hashed into its leaf.
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { plainPath } from '../../http/plain-path.js';

/** The key of hit_counters at schema 10, as its primary key lists it. */
const COUNTER_COLUMNS = 'day, name, path, referrer, browser, os, mobile, lang, vw';
const COUNTER_OTHERS = 'day, name, referrer, browser, os, mobile, lang, vw';

/** The statements, `path_map (old, new)` filled first (`WHERE true`: SQLite's upsert after a join). */
const STATEMENTS = [
  `UPDATE hits SET path = (SELECT new FROM path_map WHERE old = hits.path)
   WHERE path IN (SELECT old FROM path_map)`,
  `INSERT INTO hit_counters (${COUNTER_COLUMNS}, count)
   SELECT ${COUNTER_OTHERS.replace('name,', 'name, m.new,')}, sum(count) FROM hit_counters c
   JOIN path_map m ON m.old = c.path WHERE true GROUP BY ${COUNTER_OTHERS}, m.new
   ON CONFLICT (${COUNTER_COLUMNS}) DO UPDATE SET count = hit_counters.count + excluded.count`,
  'DELETE FROM hit_counters WHERE path IN (SELECT old FROM path_map)',
  `INSERT INTO hit_days (day, dimension, value, count, consented)
   SELECT day, dimension, m.new, sum(count), sum(consented) FROM hit_days d
   JOIN path_map m ON m.old = d.value WHERE d.dimension = 'path' GROUP BY day, dimension, m.new
   ON CONFLICT (day, dimension, value) DO UPDATE
     SET count = hit_days.count + excluded.count, consented = hit_days.consented + excluded.consented`,
  `DELETE FROM hit_days WHERE dimension = 'path' AND value IN (SELECT old FROM path_map)`,
];

/** The paths holding an escape, as the three tables store them. */
const ESCAPED_PATHS = `SELECT path FROM hits WHERE path LIKE '%\\%%' ESCAPE '\\'
  UNION SELECT path FROM hit_counters WHERE path LIKE '%\\%%' ESCAPE '\\'
  UNION SELECT value FROM hit_days WHERE dimension = 'path' AND value LIKE '%\\%%' ESCAPE '\\'`;

const changed = (paths: string[]): Array<[string, string]> =>
  paths.map((path): [string, string] => [path, plainPath(path)]).filter(([a, b]) => a !== b);

/** On SQLite, inside the migration's transaction. */
export function plainPathsSqlite(db: Database.Database): void {
  const map = changed(db.prepare(ESCAPED_PATHS).pluck().all() as string[]);
  if (!map.length) return;
  db.exec('CREATE TEMP TABLE path_map (old TEXT PRIMARY KEY, new TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO path_map (old, new) VALUES (?, ?)');
  for (const [old, plain] of map) insert.run(old, plain);
  for (const sql of STATEMENTS) db.exec(sql);
  db.exec('DROP TABLE path_map');
}

/** On PostgreSQL, inside the migration's transaction. */
export async function plainPathsPostgres(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ path: string }>(ESCAPED_PATHS);
  const map = changed(rows.map((row) => row.path));
  if (!map.length) return;
  await client.query(
    'CREATE TEMP TABLE path_map (old text PRIMARY KEY, new text NOT NULL) ON COMMIT DROP',
  );
  await client.query('INSERT INTO path_map SELECT * FROM unnest($1::text[], $2::text[])', [
    map.map(([old]) => old),
    map.map(([, plain]) => plain),
  ]);
  for (const sql of STATEMENTS) await client.query(sql);
}
