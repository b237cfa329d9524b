// The WHERE clause of the records list, CSV and count, shared by both databases so filters mean the same.
import { dayAfter, type RecordFilter } from './types.js';

export interface Where {
  sql: string;
  params: unknown[];
}

/**
 * Builds `WHERE …` for a filter; `placeholder(n)` writes the n-th parameter (`?` for SQLite, `$n` for
 * PostgreSQL). Dates filter the server's receive time, which a client cannot forge.
 */
export function recordWhere(
  filter: RecordFilter,
  placeholder: (n: number) => string,
  first = 1,
): Where {
  // Erased rows (tombstones) are part of the log, never of an answer.
  const parts: string[] = ['erased_at IS NULL'];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    parts.push(sql.replace('?', placeholder(first + params.length - 1)));
  };
  if (filter.from) add('received_at >= ?', `${filter.from}T00:00:00.000Z`);
  if (filter.to) add('received_at < ?', `${dayAfter(filter.to)}T00:00:00.000Z`);
  if (filter.version) add('version = ?', filter.version);
  if (filter.method) add('method = ?', filter.method);
  if (filter.id) add('consent_id = ?', filter.id);
  if (filter.site) add('origin = ?', filter.site);
  return { sql: `WHERE ${parts.join(' AND ')}`, params };
}

/** The stats dimensions: column of `hits` → name in hit_days and in the API. */
export const DIMENSIONS = [
  { column: 'path', key: 'path' },
  { column: 'referrer', key: 'referrer' },
  { column: 'browser', key: 'browser' },
  { column: 'os', key: 'os' },
] as const;

/**
 * The condition that keeps one site's rows in the statistics: receipts by their `origin`, hits, counters
 * and daily totals by their `site`; nothing when every site is counted. `param` is how the database
 * writes the site's parameter.
 */
export function siteCondition(
  site: string | undefined,
  column: 'origin' | 'site',
  param: string,
): string {
  return site ? ` AND ${column} = ${param}` : '';
}

// The distinct values of an indexed column, one index probe each (a loose index scan) instead of a read
// of every row: a collector holds millions of receipts and hits, and a handful of sites.
// `name(v)` is the recursive query's name.
const distinctIndexed = (name: string, table: string, column: string) =>
  `${name}(v) AS (SELECT min(${column}) FROM ${table} WHERE ${column} > ''
   UNION ALL SELECT (SELECT min(${column}) FROM ${table} WHERE ${column} > ${name}.v) FROM ${name}
   WHERE ${name}.v IS NOT NULL)`;

/**
 * The sites seen, in SQL both databases run: the origins of the stored receipts (erased ones have none)
 * and of the hits, counters and daily totals. '' (no Origin) is not a site. Unsorted.
 */
export const SITES_SQL = `
  WITH RECURSIVE ${distinctIndexed('receipt_sites', 'consent_records', 'origin')},
    ${distinctIndexed('hit_sites', 'hits', 'site')}
  SELECT v AS site FROM receipt_sites WHERE v IS NOT NULL
  UNION SELECT v FROM hit_sites WHERE v IS NOT NULL
  UNION SELECT site FROM hit_counters WHERE site <> ''
  UNION SELECT site FROM hit_days WHERE site <> ''`;
