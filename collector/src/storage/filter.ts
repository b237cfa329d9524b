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
  return { sql: `WHERE ${parts.join(' AND ')}`, params };
}

/** The stats dimensions: column of `hits` → name in hit_days and in the API. */
export const DIMENSIONS = [
  { column: 'path', key: 'path' },
  { column: 'referrer', key: 'referrer' },
  { column: 'browser', key: 'browser' },
  { column: 'os', key: 'os' },
] as const;
