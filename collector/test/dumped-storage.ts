// The collector's storage opened on each database together with a reader that sees it as an
// auditor does: every table the database itself lists, every row as text. For the tests that
// search a whole database for what must not be there (an address, a personal path), through HTTP
// and generic SQL only, never the storage's internals.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openPostgres } from '../src/storage/postgres.js';
import { openSqlite } from '../src/storage/sqlite.js';
import type { Storage } from '../src/storage/types.js';
import { PG_SKIP, PG_URL, tempDir } from './helpers.js';

export interface DumpedStorage {
  storage: Storage;
  /** Every row of every table, in JSON (see `rowsAsText`). */
  dump(): Promise<string>;
  cleanup(): Promise<void>;
}

export interface Backend {
  name: string;
  skip: string | false;
  open(): Promise<DumpedStorage>;
}

let counter = 0;

/**
 * SQLite in a temporary file, and PostgreSQL in a schema of its own named after `label`. With
 * `rowsAsText` (the default), PostgreSQL writes each row as text, as any reader of the table would
 * see it; without, each row is an object of its columns, for a test that reads them.
 */
export function dumpedBackends(label: string, { rowsAsText = true } = {}): Backend[] {
  return [
    {
      name: 'SQLite',
      skip: false,
      async open() {
        const tmp = tempDir();
        const file = join(tmp.dir, `${label}.sqlite`);
        const storage = await openSqlite(file);
        return {
          storage,
          async dump() {
            const db = new Database(file, { readonly: true });
            try {
              const tables = db
                .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
                .all() as Array<{ name: string }>;
              return JSON.stringify(
                tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]),
              );
            } finally {
              db.close();
            }
          },
          async cleanup() {
            await storage.close().catch(() => {});
            tmp.remove();
          },
        };
      },
    },
    {
      name: 'PostgreSQL',
      skip: PG_SKIP,
      async open() {
        const schema = `garde_${label}_${process.pid}_${++counter}`;
        const storage = await openPostgres({ connectionString: PG_URL!, schema });
        const withClient = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
          const client = new pg.Client({ connectionString: PG_URL! });
          await client.connect();
          try {
            return await work(client);
          } finally {
            await client.end();
          }
        };
        return {
          storage,
          dump: () =>
            withClient(async (client) => {
              const { rows } = await client.query<{ table_name: string }>(
                'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
                [schema],
              );
              const tables: unknown[] = [];
              // Every column cast to text by the database: what any reader of the table would see.
              const select = rowsAsText ? 't::text AS row' : '*';
              for (const { table_name: name } of rows)
                tables.push([
                  name,
                  (await client.query(`SELECT ${select} FROM "${schema}"."${name}" t`)).rows,
                ]);
              return JSON.stringify(tables);
            }),
          async cleanup() {
            await storage.close().catch(() => {});
            await withClient((client) => client.query(`DROP SCHEMA ${schema} CASCADE`));
          },
        };
      },
    },
  ];
}
