// Retention with an injected clock: what the purge at start removes, and what it must keep.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { purgeExpired } from '../src/retention.js';
import { POSTGRES_MIGRATIONS } from '../src/storage/migrations/postgres.js';
import { SQLITE_MIGRATIONS } from '../src/storage/migrations/sqlite.js';
import { openPostgres } from '../src/storage/postgres.js';
import { openSqlite } from '../src/storage/sqlite.js';
import {
  BACKENDS,
  PG_SKIP,
  PG_URL,
  auth,
  stored,
  storedHit,
  tempDir,
  testServer,
} from './helpers.js';

const NOW = new Date('2031-06-15T12:00:00.000Z');

describe('retention', () => {
  it('purges at start: visitors silent for 5 years go, raw hits older than 762 days become daily totals', async () => {
    const storage = await openSqlite(':memory:');
    await storage.insertRecords([
      stored('2026-06-14T11:00:00.000Z', { id: 'silent' }),
      stored('2026-06-10T11:00:00.000Z', { id: 'returning' }),
      stored('2026-07-01T11:00:00.000Z', { id: 'returning' }),
    ]);
    await storage.insertHits([
      storedHit('2029-05-01', { path: '/old/' }),
      storedHit('2029-05-01', { path: '/old/', consent: true }),
      storedHit('2031-06-01', { path: '/new/' }),
    ]);
    // Totals kept ten years here, so that the rolled-up days can be read back.
    const { app, log } = await testServer(
      { retentionTotalsDays: 3650 },
      { storage, now: () => NOW },
    );
    const records = async (id: string) =>
      (await app.inject({ url: `/api/records/${id}`, headers: auth })).json().records;
    assert.equal((await records('silent')).length, 0);
    // A visitor's older decisions stay as long as their last one is within retention.
    assert.equal((await records('returning')).length, 2);
    const stats = (
      await app.inject({ url: '/api/stats?from=2029-01-01&to=2031-06-15', headers: auth })
    ).json();
    assert.deepEqual(stats.pageviews.byDay, [
      { day: '2029-05-01', count: 2, consented: 1 },
      { day: '2031-06-01', count: 1, consented: 0 },
    ]);
    assert.deepEqual(stats.pageviews.byPath, [
      { path: '/old/', count: 2 },
      { path: '/new/', count: 1 },
    ]);
    assert.match(
      log.text(),
      /"removed":\{"records":1,"hits":2,"counters":0,"totals":0,"snapshots":0\}/,
    );
    await app.close();
  });

  it('follows the configured periods', async () => {
    const storage = await openSqlite(':memory:');
    await storage.insertRecords([stored('2031-06-01T00:00:00.000Z', { id: 'recent' })]);
    await storage.insertHits([storedHit('2031-06-09'), storedHit('2031-06-14')]);
    const periods = { hitsDays: 5, totalsDays: 30, now: () => NOW };
    const kept = await purgeExpired(storage, { recordsDays: 15, ...periods });
    assert.deepEqual(kept, { records: 0, hits: 1, counters: 0, totals: 0, snapshots: 0 });
    const removed = await purgeExpired(storage, { recordsDays: 14, ...periods });
    assert.deepEqual(removed, { records: 1, hits: 0, counters: 0, totals: 0, snapshots: 0 });
    // The rolled-up day still counts.
    assert.deepEqual((await storage.stats('2031-06-09', '2031-06-14')).pageviews.byDay, [
      { day: '2031-06-09', count: 1, consented: 0 },
      { day: '2031-06-14', count: 1, consented: 0 },
    ]);
    await storage.close();
  });
});

for (const backend of BACKENDS) {
  describe(`retention of the analytics totals: ${backend.name}`, { skip: backend.skip }, () => {
    it('day counters and daily totals older than 25 months go at start, and the log says how many', async () => {
      const { storage, cleanup } = await backend.open();
      const counted = (day: string, path: string) => ({
        day,
        name: 'pageview',
        path,
        referrer: '',
        browser: 'Firefox',
        os: 'Linux',
        mobile: false,
        lang: 'fr',
        vw: 1200,
      });
      // 762 days before NOW is 2029-05-14: three counters of older days, two of later ones.
      await storage.countHits([
        counted('2027-01-01', '/fr/'),
        counted('2029-05-13', '/fr/'),
        counted('2029-05-13', '/nl/'),
        counted('2029-05-14', '/fr/'),
        counted('2031-06-14', '/fr/'),
      ]);
      // Raw hits of an old day become daily totals (day, path, browser, os, event) and then go too.
      await storage.insertHits([storedHit('2028-02-02'), storedHit('2031-06-01')]);
      const { app, log } = await testServer({}, { storage, now: () => NOW });
      try {
        assert.match(
          log.text(),
          /"removed":\{"records":0,"hits":1,"counters":3,"totals":5,"snapshots":0\},"msg":"retention purge"/,
        );
        const stats = (
          await app.inject({ url: '/api/stats?from=2027-01-01&to=2031-06-15', headers: auth })
        ).json();
        assert.deepEqual(stats.pageviews.byDay, [
          { day: '2029-05-14', count: 1, consented: 0 },
          { day: '2031-06-01', count: 1, consented: 0 },
          { day: '2031-06-14', count: 1, consented: 0 },
        ]);
        // A second run finds nothing more, and says so.
        const again = await purgeExpired(storage, {
          recordsDays: 1826,
          hitsDays: 762,
          now: () => NOW,
        });
        assert.deepEqual(again, { records: 0, hits: 0, counters: 0, totals: 0, snapshots: 0 });
      } finally {
        await app.close();
        await cleanup();
      }
    });
  });
}

// Hits stored before the path was cut at ingress could hold a path too long for an index entry: the
// roll-up into the daily totals failed on PostgreSQL, and every retention run with it. Schema 9 cuts them.
const LONG_PATH = `/${Array.from({ length: 1023 }, (_, i) =>
  String.fromCodePoint(0x4e00 + ((i * 7919) % 20_000)),
).join('')}`;
/** A hit as an older collector stored it, before the cut at ingress (values for both databases). */
const OLD_HIT = (
  consent: string,
) => `INSERT INTO hits (received_at, day, name, path, browser, major, os,
  mobile, lang, vw, consent) VALUES ('2029-01-01T12:00:00.000Z', '2029-01-01', 'pageview', '${LONG_PATH}',
  'Firefox', 133, 'Linux', ${consent === 'true' ? 'false' : '0'}, 'fr', 1200, ${consent})`;
/** The schema before the cut (schema 9). */
const SCHEMA_8 = 8;
const REOPENERS = [
  {
    name: 'SQLite',
    skip: false as string | false,
    async start() {
      const tmp = tempDir();
      const file = join(tmp.dir, 'old.sqlite');
      const db = new Database(file);
      db.exec('CREATE TABLE garde_schema (version INTEGER NOT NULL)');
      SQLITE_MIGRATIONS.slice(0, SCHEMA_8).forEach((sql, i) => {
        db.exec(sql);
        db.prepare('INSERT INTO garde_schema (version) VALUES (?)').run(i + 1);
      });
      db.exec(OLD_HIT('1'));
      db.close();
      return { open: () => openSqlite(file), cleanup: async () => tmp.remove() };
    },
  },
  {
    name: 'PostgreSQL',
    skip: PG_SKIP,
    async start() {
      const schema = `garde_old_paths_${process.pid}`;
      const client = new pg.Client({ connectionString: PG_URL! });
      await client.connect();
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.query(`SET search_path = ${schema}`);
      await client.query('CREATE TABLE garde_schema (version integer NOT NULL)');
      for (const [i, sql] of POSTGRES_MIGRATIONS.slice(0, SCHEMA_8).entries()) {
        await client.query(sql);
        await client.query('INSERT INTO garde_schema (version) VALUES ($1)', [i + 1]);
      }
      await client.query(OLD_HIT('true'));
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
for (const backend of REOPENERS) {
  describe(`a hit path stored before the cut: ${backend.name}`, { skip: backend.skip }, () => {
    it('is cut by schema 9, and the retention rolls it up', async () => {
      // A database at schema 8 holding a hit as an older collector stored it (the route cuts paths now).
      const { open, cleanup } = await backend.start();
      try {
        const storage = await open();
        try {
          const removed = await purgeExpired(storage, {
            recordsDays: 1826,
            hitsDays: 762,
            totalsDays: 3650,
            now: () => NOW,
          });
          assert.equal(removed.hits, 1);
          const [top] = (await storage.stats('2029-01-01', '2029-01-01')).pageviews.byPath;
          assert.ok(top!.path.endsWith('…') && Buffer.byteLength(top!.path) <= 1204);
        } finally {
          await storage.close();
        }
      } finally {
        await cleanup();
      }
    });
  });
}
