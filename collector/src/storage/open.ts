// Picks the database from the options: PostgreSQL when a URL is given, else the SQLite file.
import type { Options } from '../options.js';
import { openPostgres } from './postgres.js';
import { openSqlite } from './sqlite.js';
import type { Storage } from './types.js';

/** Opens and migrates the configured storage. */
export async function openStorage(
  options: Pick<Options, 'databaseUrl' | 'db' | 'sqliteSync'>,
): Promise<Storage> {
  if (options.databaseUrl) return openPostgres({ connectionString: options.databaseUrl });
  return openSqlite(options.db, options.sqliteSync);
}

/** What to print about the storage at start, without the password of a database URL. */
export function describeStorage(options: Pick<Options, 'databaseUrl' | 'db'>): string {
  if (!options.databaseUrl) return `SQLite ${options.db}`;
  const url = new URL(options.databaseUrl);
  url.password = '';
  url.username = url.username ? `${url.username}` : '';
  return `PostgreSQL ${url.toString()}`;
}
