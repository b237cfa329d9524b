// A database at schema 6 (the collector before the transparency log and the site's snapshots), 7, 8 or
// 9 (the log beside the per-row chain) opened by today's collector, on SQLite and PostgreSQL: brought up
// through schema 7 (the log), 8 (published snapshots), 9 (long hit paths cut), 10 (the chain off the
// insert path, plain paths), 11 (the site of hits) and 12 (each snapshot a leaf) without losing a record;
// its snapshot, its records and a row erased under the chain become leaves of a log that verifies, and the
// snapshot erasure and registration work on it, each a leaf.
import { createHash } from 'node:crypto';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import { createLogger } from '../../src/logger.js';
import { startSequencer } from '../../src/log/sequencer.js';
import { parseOptions, type Options } from '../../src/options.js';
import { POSTGRES_MIGRATIONS } from '../../src/storage/migrations/postgres.js';
import { SQLITE_MIGRATIONS } from '../../src/storage/migrations/sqlite.js';
import { openPostgres } from '../../src/storage/postgres.js';
import { openSqlite } from '../../src/storage/sqlite.js';
import type { Storage } from '../../src/storage/types.js';
import { runVerify } from '../../src/verify.js';
import { PG_SKIP, PG_URL, tempDir } from '../helpers.js';

/** The schemas an old database may be at. */
const OLD_SCHEMAS = [6, 7, 8, 9];
/** A snapshot's canonical content and its key, the SHA-256 of it, as `shown` names it (verify checks). */
const snapshotOf = (text: string) => {
  const content = `{"lang":"fr","policy":{"version":"2026-01"},"texts":{"title":"${text}"},"v":"0.1.0"}`;
  return { content, hash: createHash('sha256').update(content).digest('hex') };
};
const SNAPSHOT = snapshotOf('Cookies');
const SHOWN = SNAPSHOT.hash;
const logger = createLogger('silent') as FastifyBaseLogger;

/** Rows as a schema-6 collector stored them (the chain is added when the database is first opened). */
const OLD_RECORDS = [
  ['00000001-0000-4000-8000-000000000001', 'old-visitor', '2026-05-01T10:00:00.000Z', SHOWN],
  ['00000002-0000-4000-8000-000000000002', 'old-visitor', '2026-05-02T10:00:00.000Z', SHOWN],
  ['00000003-0000-4000-8000-000000000003', 'other-visitor', '2026-05-03T10:00:00.000Z', null],
] as const;
const INSERT_RECORD = `INSERT INTO consent_records (receipt_id, consent_id, ts, received_at, version,
  categories, services, method, lang, path, shown) VALUES (?, ?, ?, ?, '2026-01', '{"analytics":true}', '{}',
  'accept-all', 'fr', '/fr/', ?)`;
/** A row erased under the chain (schema 4 to 9): a tombstone with its sequence number and content hash. */
const INSERT_TOMBSTONE = `INSERT INTO consent_records (receipt_id, consent_id, ts, received_at, version,
  categories, services, method, lang, path, erased_at, seq, content_hash) VALUES ('erased-4', '', '',
  '2026-04-01T10:00:00.000Z', '', '{}', '{}', 'erased', '', '', '2026-04-30T00:00:00.000Z', 4, '${'c'.repeat(64)}')`;
const INSERT_SNAPSHOT = `INSERT INTO snapshots (hash, lang, garde_version, policy_version, content, stored_at)
  VALUES (?, 'fr', '0.1.0', '2026-01', '${SNAPSHOT.content}', '2026-05-01T10:00:00.000Z')`;

interface Old {
  options: Options;
  open: () => Promise<Storage>;
  schemaVersion: () => Promise<number>;
  cleanup: () => Promise<void>;
}

const BACKENDS: Array<{
  name: string;
  skip: string | false;
  create: (schemaVersion: number) => Promise<Old>;
}> = [
  {
    name: 'SQLite',
    skip: false,
    async create(schemaVersion) {
      const tmp = tempDir();
      const file = join(tmp.dir, `schema${schemaVersion}.sqlite`);
      const db = new Database(file);
      db.exec('CREATE TABLE garde_schema (version INTEGER NOT NULL)');
      SQLITE_MIGRATIONS.slice(0, schemaVersion).forEach((sql, i) => {
        db.exec(sql);
        db.prepare('INSERT INTO garde_schema (version) VALUES (?)').run(i + 1);
      });
      for (const row of OLD_RECORDS)
        db.prepare(INSERT_RECORD).run(row[0], row[1], row[2], row[2], row[3]);
      db.exec(INSERT_TOMBSTONE);
      db.prepare(INSERT_SNAPSHOT).run(SHOWN);
      db.close();
      return {
        options: parseOptions(['--db', file], {}),
        open: () => openSqlite(file),
        async schemaVersion() {
          const raw = new Database(file, { readonly: true });
          const row = raw.prepare('SELECT max(version) AS v FROM garde_schema').get() as {
            v: number;
          };
          raw.close();
          return row.v;
        },
        cleanup: async () => tmp.remove(),
      };
    },
  },
  {
    name: 'PostgreSQL',
    skip: PG_SKIP,
    async create(schemaVersion) {
      const tmp = tempDir();
      const schema = `garde_upgrade_${process.pid}_${schemaVersion}`;
      const url = new URL(PG_URL!);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const client = new pg.Client({ connectionString: PG_URL! });
      await client.connect();
      const sql = (text: string, values: unknown[] = []) => {
        let n = 0;
        return client.query(
          text.replace(/\?/g, () => `$${++n}`),
          values,
        );
      };
      await sql(`CREATE SCHEMA ${schema}`);
      await sql(`SET search_path = ${schema}`);
      await sql('CREATE TABLE garde_schema (version integer NOT NULL)');
      for (const [i, migration] of POSTGRES_MIGRATIONS.slice(0, schemaVersion).entries()) {
        await sql(migration);
        await sql('INSERT INTO garde_schema (version) VALUES (?)', [i + 1]);
      }
      for (const row of OLD_RECORDS)
        await sql(INSERT_RECORD, [row[0], row[1], row[2], row[2], row[3]]);
      await sql(INSERT_TOMBSTONE);
      await sql(INSERT_SNAPSHOT, [SHOWN]);
      return {
        options: parseOptions(
          [
            '--database-url',
            url.toString(),
            '--log-key',
            join(tmp.dir, 'garde-log.key'),
            '--checkpoint-dir',
            join(tmp.dir, 'checkpoints'),
          ],
          {},
        ),
        open: () => openPostgres({ connectionString: PG_URL!, schema }),
        async schemaVersion() {
          const { rows } = await sql('SELECT max(version) AS v FROM garde_schema');
          return Number(rows[0].v);
        },
        async cleanup() {
          await sql(`DROP SCHEMA ${schema} CASCADE`);
          await client.end();
          tmp.remove();
        },
      };
    },
  },
];

async function verify(options: Options): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runVerify({ ...options, checkpoint: null }, (line) => (out += line));
  return { code, out };
}

for (const backend of BACKENDS) {
  for (const schemaVersion of OLD_SCHEMAS) {
    describe(
      `a schema-${schemaVersion} database upgraded: ${backend.name}`,
      { skip: backend.skip },
      () => {
        let old: Old | null = null;
        after(async () => {
          await old?.cleanup();
        });

        it('reaches the last schema with every record in a log that verifies', async () => {
          old = await backend.create(schemaVersion);
          assert.equal(await old.schemaVersion(), schemaVersion);
          const storage = await old.open();
          try {
            assert.equal(await old.schemaVersion(), SQLITE_MIGRATIONS.length);
            assert.equal(SQLITE_MIGRATIONS.length, POSTGRES_MIGRATIONS.length);
            assert.deepEqual(
              (await storage.visitorRecords('old-visitor')).map((record) => record.receiptId),
              OLD_RECORDS.slice(0, 2).map((row) => row[0]),
            );
            await startSequencer(storage.log, old.options, logger, () => new Date())();
            const intact = await verify(old.options);
            assert.equal(intact.code, 0, intact.out);
            // The stored snapshot became leaf 0 at the upgrade (schema 12); the tombstone of the chain is a
            // leaf of its own, quoting its sequence number and content hash.
            assert.match(intact.out, /5 leaves \(3 records, 0 erasures\)/);
            assert.match(intact.out, /^snapshots: 1 in the archive, .*\(1 snapshot leaves\)$/m);
            const leaves = await storage.log.recordLeaves(OLD_RECORDS.map((row) => row[0]));
            assert.deepEqual(
              OLD_RECORDS.map((row) => leaves.get(row[0])?.leafIndex),
              [2, 3, 4],
              'in receive order, after the snapshot and the tombstone received before them',
            );

            // The snapshot goes with the last receipt naming it; the site's registration (schema 8) works.
            const page = await storage.snapshotVersions(1, 50);
            assert.deepEqual(
              page.versions.map((version) => [version.hash, version.receipts, version.publishedAt]),
              [[SHOWN, 2, null]],
            );
            const at = '2026-06-01T00:00:00.000Z';
            assert.equal(await storage.eraseVisitor('old-visitor', { at, actor: 'dpo' }), 2);
            assert.equal(await storage.dropOrphanSnapshots(at), 1);
            assert.equal(await storage.hasSnapshot(SHOWN), false);
            const published = { ...(await storedSnapshotLike()), storedAt: at };
            assert.equal(await storage.publishSnapshot(published, at), 'stored');
            assert.equal(await storage.dropOrphanSnapshots(at), 0);
            assert.equal((await storage.snapshotVersions(1, 50)).versions[0]!.publishedAt, at);

            await startSequencer(storage.log, old.options, logger, () => new Date())();
            const erased = await verify(old.options);
            assert.equal(erased.code, 0, erased.out);
            // + the erasure, the snapshot's erasure and the registered snapshot.
            assert.match(erased.out, /8 leaves \(3 records, 1 erasures\)/);
            assert.match(erased.out, /^snapshots: 1 in the archive, .*\(3 snapshot leaves\)$/m);
          } finally {
            await storage.close();
          }
        });
      },
    );
  }
}

/** A snapshot the site registers. */
async function storedSnapshotLike() {
  return {
    ...snapshotOf('Registered'),
    lang: 'fr',
    v: '0.1.0',
    policyVersion: '2026-01',
    storedAt: '',
  };
}
