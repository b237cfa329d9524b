// A database from before the site dimension (schema 11) opened by today's collector, on SQLite and
// PostgreSQL: its hits, pre-consent counters and daily totals are kept, under no site (''), counted in
// the figures of every site and in none of one site's; new ones carry their site.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { POSTGRES_MIGRATIONS } from '../../src/storage/migrations/postgres.js';
import { POSTGRES_SITES, SQLITE_SITES } from '../../src/storage/migrations/sites.js';
import { SQLITE_MIGRATIONS } from '../../src/storage/migrations/sqlite.js';
import { openPostgres } from '../../src/storage/postgres.js';
import { openSqlite } from '../../src/storage/sqlite.js';
import type { Storage } from '../../src/storage/types.js';
import { PG_SKIP, PG_URL, countedHit, storedHit, tempDir } from '../helpers.js';

const INAMI = 'https://www.inami.fgov.be';
const DAY = '2026-05-01';
// As a collector before schema 11 wrote them: a raw hit, a counter of 3, a daily total of 5.
const OLD_ROWS = (no: string, yes: string) => [
  `INSERT INTO hits (received_at, day, name, path, browser, major, os, mobile, lang, vw, consent)
   VALUES ('${DAY}T10:00:00.000Z', '${DAY}', 'pageview', '/fr/', 'Firefox', 133, 'Linux', ${no}, 'fr', 1200, ${yes})`,
  `INSERT INTO hit_counters (day, name, path, referrer, browser, os, mobile, lang, vw, count)
   VALUES ('${DAY}', 'pageview', '/fr/', '', 'Firefox', 'Linux', ${no}, 'fr', 1200, 3)`,
  `INSERT INTO hit_days (day, dimension, value, count, consented) VALUES ('${DAY}', 'day', '', 5, 2)`,
];

const BACKENDS = [
  {
    name: 'SQLite',
    skip: false as string | false,
    async create(): Promise<{ open: () => Promise<Storage>; cleanup: () => Promise<void> }> {
      const tmp = tempDir();
      const file = join(tmp.dir, 'before-sites.sqlite');
      const db = new Database(file);
      db.exec('CREATE TABLE garde_schema (version INTEGER NOT NULL)');
      SQLITE_MIGRATIONS.slice(0, SQLITE_MIGRATIONS.indexOf(SQLITE_SITES)).forEach((sql, i) => {
        db.exec(sql);
        db.prepare('INSERT INTO garde_schema (version) VALUES (?)').run(i + 1);
      });
      for (const sql of OLD_ROWS('0', '1')) db.exec(sql);
      db.close();
      return { open: () => openSqlite(file), cleanup: async () => tmp.remove() };
    },
  },
  {
    name: 'PostgreSQL',
    skip: PG_SKIP,
    async create(): Promise<{ open: () => Promise<Storage>; cleanup: () => Promise<void> }> {
      const schema = `garde_before_sites_${process.pid}`;
      const client = new pg.Client({ connectionString: PG_URL! });
      await client.connect();
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.query(`SET search_path = ${schema}`);
      await client.query('CREATE TABLE garde_schema (version integer NOT NULL)');
      const before = POSTGRES_MIGRATIONS.slice(0, POSTGRES_MIGRATIONS.indexOf(POSTGRES_SITES));
      for (const [i, migration] of before.entries()) {
        await client.query(migration);
        await client.query('INSERT INTO garde_schema (version) VALUES ($1)', [i + 1]);
      }
      for (const sql of OLD_ROWS('false', 'true')) await client.query(sql);
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
  describe(`the site dimension added to an older database: ${backend.name}`, () => {
    it(
      'keeps its hits, counters and totals under no site; new ones carry theirs',
      { skip: backend.skip },
      async () => {
        const { open, cleanup } = await backend.create();
        const storage = await open();
        try {
          // 1 raw hit + 3 counted + 5 in the daily totals.
          const every = await storage.stats(DAY, DAY);
          assert.deepEqual(every.pageviews.byDay, [{ day: DAY, count: 9, consented: 3 }]);
          assert.deepEqual((await storage.stats(DAY, DAY, INAMI)).pageviews.byDay, []);
          assert.deepEqual(await storage.sites(), []);
          await storage.insertHits([storedHit(DAY, { site: INAMI })]);
          await storage.countHits([countedHit(DAY, { site: INAMI })]);
          assert.deepEqual((await storage.stats(DAY, DAY, INAMI)).pageviews.byDay, [
            { day: DAY, count: 2, consented: 0 },
          ]);
          assert.deepEqual(await storage.sites(), [INAMI]);
        } finally {
          await storage.close();
          await cleanup();
        }
      },
    );
  });
}
