// A schema-9 database whose analytics hold percent-encoded paths (as the collector stored them before
// schema 10), on SQLite and PostgreSQL: opened by today's collector, the raw hits, the day counters and
// the daily totals hold the plain path, two spellings of one path are one row with their counts added,
// and the records' paths (hashed into the log) are as stored.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { POSTGRES_MIGRATIONS } from '../../src/storage/migrations/postgres.js';
import { SQLITE_MIGRATIONS } from '../../src/storage/migrations/sqlite.js';
import { openPostgres } from '../../src/storage/postgres.js';
import { openSqlite } from '../../src/storage/sqlite.js';
import type { Storage } from '../../src/storage/types.js';
import { PG_SKIP, PG_URL, tempDir } from '../helpers.js';

const SCHEMA_9 = 9;
const ENCODED = '/fr/%C3%A9t%C3%A9';
const PLAIN = '/fr/été';

/** The old rows, with the database's spelling of false. */
const OLD_ROWS = (no: string) => [
  `INSERT INTO hits (received_at, day, name, path, browser, major, os, mobile, lang, vw, consent)
   VALUES ('2026-05-01T10:00:00.000Z', '2026-05-01', 'pageview', '${ENCODED}', 'Firefox', 133, 'Linux',
     ${no}, 'fr', 1200, ${no})`,
  `INSERT INTO hit_counters (day, name, path, referrer, browser, os, mobile, lang, vw, count) VALUES
   ('2026-05-01', 'pageview', '${ENCODED}', '', 'Firefox', 'Linux', ${no}, 'fr', 1200, 3),
   ('2026-05-01', 'pageview', '${PLAIN}', '', 'Firefox', 'Linux', ${no}, 'fr', 1200, 2)`,
  `INSERT INTO hit_days (day, dimension, value, count, consented) VALUES
   ('2026-04-01', 'path', '${ENCODED}', 4, 1), ('2026-04-01', 'path', '${PLAIN}', 1, 1),
   ('2026-04-01', 'day', '', 5, 2)`,
  `INSERT INTO consent_records (receipt_id, consent_id, ts, received_at, version, categories, services,
   method, lang, path) VALUES ('00000001-0000-4000-8000-000000000001', 'old-visitor',
   '2026-05-01T10:00:00.000Z', '2026-05-01T10:00:00.000Z', '2026-01', '{}', '{}', 'accept-all', 'fr',
   '${ENCODED}')`,
];

const BACKENDS: Array<{
  name: string;
  skip: string | false;
  create: () => Promise<{ open: () => Promise<Storage>; cleanup: () => Promise<void> }>;
}> = [
  {
    name: 'SQLite',
    skip: false,
    async create() {
      const tmp = tempDir();
      const file = join(tmp.dir, 'schema9.sqlite');
      const db = new Database(file);
      db.exec('CREATE TABLE garde_schema (version INTEGER NOT NULL)');
      SQLITE_MIGRATIONS.slice(0, SCHEMA_9).forEach((sql, i) => {
        db.exec(sql);
        db.prepare('INSERT INTO garde_schema (version) VALUES (?)').run(i + 1);
      });
      for (const sql of OLD_ROWS('0')) db.exec(sql);
      db.close();
      return { open: () => openSqlite(file), cleanup: async () => tmp.remove() };
    },
  },
  {
    name: 'PostgreSQL',
    skip: PG_SKIP,
    async create() {
      const schema = `garde_plain_${process.pid}`;
      const client = new pg.Client({ connectionString: PG_URL! });
      await client.connect();
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.query(`SET search_path = ${schema}`);
      await client.query('CREATE TABLE garde_schema (version integer NOT NULL)');
      for (const [i, sql] of POSTGRES_MIGRATIONS.slice(0, SCHEMA_9).entries()) {
        await client.query(sql);
        await client.query('INSERT INTO garde_schema (version) VALUES ($1)', [i + 1]);
      }
      for (const sql of OLD_ROWS('false')) await client.query(sql);
      return {
        open: () => openPostgres({ connectionString: PG_URL!, schema }),
        async cleanup() {
          await client.query(`DROP SCHEMA ${schema} CASCADE`);
          await client.end();
        },
      };
    },
  },
];

for (const backend of BACKENDS) {
  describe(
    `analytics paths made plain by schema 10: ${backend.name}`,
    { skip: backend.skip },
    () => {
      let cleanup: (() => Promise<void>) | null = null;
      after(async () => cleanup?.());

      it('one plain path per page in hits, counters and totals; records as stored', async () => {
        const old = await backend.create();
        cleanup = old.cleanup;
        const storage = await old.open();
        try {
          const stats = await storage.stats('2026-04-01', '2026-05-01');
          // 1 raw hit + 3 + 2 counted + 4 + 1 in the daily totals, under one spelling.
          assert.deepEqual(stats.pageviews.byPath, [{ path: PLAIN, count: 11 }]);
          const [record] = await storage.visitorRecords('old-visitor');
          assert.equal(record!.path, ENCODED);
        } finally {
          await storage.close();
        }
      });
    },
  );
}
