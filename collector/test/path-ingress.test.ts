// The shared table of paths (test/minimise/path-cases.ts) through the collector's HTTP ingress, on
// SQLite and PostgreSQL, read back as an auditor would: every table listed by the database itself,
// every row selected as text, and every log line. Hits before and after consent and receipts
// carry each path as a careless or hostile sender would send it (unreduced); nothing personal may
// be stored or logged. Only HTTP and generic SQL: no storage internals.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { openPostgres } from '../src/storage/postgres.js';
import { openSqlite } from '../src/storage/sqlite.js';
import type { Storage } from '../src/storage/types.js';
import { INGRESS_ALLOWLIST, INGRESS_RULES, PATH_CASES } from '../../test/minimise/path-cases.js';
import { PG_SKIP, PG_URL, hit, receipt, tempDir, testServer } from './helpers.js';

/** The cases the ingress collector's settings stand for (the allow-list mode cases need others). */
const CASES = PATH_CASES.filter((c) => !c.rules?.keep);
/** The path as a page would send it: what follows the origin. */
const sentPath = (url: string) => {
  const parsed = new URL(url, 'http://x');
  return parsed.pathname + parsed.search + parsed.hash;
};

interface Opened {
  storage: Storage;
  /** Every row of every table, as text. */
  dump(): Promise<string>;
  cleanup(): Promise<void>;
}

let counter = 0;
const BACKENDS: Array<{ name: string; skip: string | false; open(): Promise<Opened> }> = [
  {
    name: 'SQLite',
    skip: false,
    async open() {
      const tmp = tempDir();
      const file = join(tmp.dir, 'paths.sqlite');
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
      const schema = `garde_paths_${process.pid}_${++counter}`;
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
            for (const { table_name: name } of rows)
              tables.push([
                name,
                (await client.query(`SELECT t::text AS row FROM "${schema}"."${name}" t`)).rows,
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

for (const backend of BACKENDS) {
  describe(`paths at the collector's ingress: ${backend.name}`, { skip: backend.skip }, () => {
    let app: FastifyInstance;
    let log: { text: () => string };
    let opened: Opened;
    const post = (url: string, body: object) =>
      app.inject({
        method: 'POST',
        url,
        payload: JSON.stringify(body),
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
      });

    before(async () => {
      opened = await backend.open();
      ({ app, log } = await testServer(
        {
          queryAllowlist: INGRESS_ALLOWLIST,
          paths: { redact: [...INGRESS_RULES.redact!], keep: [] },
        },
        { storage: opened.storage },
      ));
      for (const c of CASES) {
        const path = sentPath(c.url);
        for (const [url, body] of [
          ['/collect', hit({ path })],
          ['/collect', hit({ path, consent: true })],
          ['/consent', receipt({ receiptId: crypto.randomUUID(), path })],
        ] as const)
          assert.equal((await post(url, body)).statusCode, 202, `${url} ${path}`);
      }
    });
    after(async () => {
      await app.close();
      await opened.cleanup();
    });

    it('stores each hit path as the browser would have reduced it', async () => {
      const dump = await opened.dump();
      for (const c of CASES)
        assert.ok(dump.includes(JSON.stringify(c.expected).slice(1, -1)), c.url);
    });

    for (const c of CASES.filter((c) => c.personal))
      it(`keeps nothing of ${c.url} that identifies, in any table or log line`, async () => {
        const dump = await opened.dump();
        const text = log.text();
        for (const part of c.personal!) {
          assert.ok(!dump.includes(part), `a table holds ${part}`);
          assert.ok(!text.includes(part), `the log holds ${part}`);
        }
      });
  });
}
