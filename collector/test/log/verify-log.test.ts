// `verify --checkpoint` on SQLite and PostgreSQL: an intact log and a real erasure pass; a deleted, edited,
// reordered or truncated log, a consistent rewrite, a recomputed leaf hash and a hand-made tombstone are
// each found and named; so are a snapshot deleted, inserted, put back, redated or (un)published by hand.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import { createLogger } from '../../src/logger.js';
import {
  loadLogKey,
  readCheckpointText,
  signCheckpoint,
  type TreeHead,
} from '../../src/log/checkpoint.js';
import { exportProofs } from '../../src/log/proofs.js';
import { startSequencer } from '../../src/log/sequencer.js';
import { logFiles } from '../../src/log/setup.js';
import { parseOptions, type Options } from '../../src/options.js';
import { openPostgres } from '../../src/storage/postgres.js';
import { openSqlite } from '../../src/storage/sqlite.js';
import { RECORD_FIELDS, TOMBSTONE_SET } from '../../src/storage/record-fields.js';
import type { Storage, StoredSnapshot } from '../../src/storage/types.js';
import { openLogSnapshot, runVerify } from '../../src/verify.js';
import { canonicalJson, recordLeaf, sha256Hex } from 'garde/wire';
import { leafHashOf } from '../../src/log/tree.js';
import type { LeafRow } from '../../src/log/types.js';
import { logCapture, PG_SKIP, PG_URL, stored, tempDir } from '../helpers.js';

interface Log {
  storage: Storage;
  options: Options;
  /** SQL run beside the collector, as an insider with write access would. */
  sql: (text: string, values?: unknown[]) => Promise<void>;
  reopen: () => Promise<Storage>;
  /** An insider's SQL that swaps the leaves of two records (where each database links them). */
  swapLeaves: (a: string, b: string) => Promise<void>;
  /** An insider's SQL that takes every record out of the log: waiting again, without salts. */
  unlogAll: () => Promise<void>;
  /** An insider's SQL that makes a tombstone as an erasure does, without the erasure's leaf. */
  tombstone: (id: string, at: string) => Promise<void>;
  /** The checkpoint files written so far, oldest first. */
  checkpoints: () => string[];
  cleanup: () => Promise<void>;
}

const logger = createLogger('silent') as FastifyBaseLogger;
let counter = 0;

const BACKENDS: Array<{ name: string; skip: string | false; open: () => Promise<Log> }> = [
  {
    name: 'SQLite',
    skip: false,
    async open() {
      const tmp = tempDir();
      const db = join(tmp.dir, 'log.sqlite');
      const options = { ...parseOptions(['--db', db], {}) };
      const storage = await openSqlite(db);
      const sql = async (text: string, values: unknown[] = []) => {
        const raw = new Database(db);
        raw.prepare(text).run(...values);
        raw.close();
      };
      return {
        storage,
        options,
        sql,
        reopen: () => openSqlite(db),
        // leaf_index is unique: through -1.
        async swapLeaves(a, b) {
          const raw = new Database(db);
          const leafOf = raw.prepare('SELECT leaf_index FROM consent_records WHERE receipt_id = ?');
          const [leafA, leafB] = [leafOf.pluck().get(a), leafOf.pluck().get(b)];
          const move = raw.prepare(
            'UPDATE consent_records SET leaf_index = ? WHERE receipt_id = ?',
          );
          move.run(-1, a);
          move.run(leafA, b);
          move.run(leafB, a);
          raw.close();
        },
        unlogAll: () => sql('UPDATE consent_records SET leaf_index = NULL, leaf_salt = NULL'),
        tombstone: (id, at) =>
          sql(`UPDATE consent_records SET ${TOMBSTONE_SET}, erased_at = ? WHERE receipt_id = ?`, [
            at,
            id,
          ]),
        checkpoints: () =>
          readdirSync(join(tmp.dir, 'checkpoints'))
            .sort()
            .map((name) => join(tmp.dir, 'checkpoints', name)),
        cleanup: async () => tmp.remove(),
      };
    },
  },
  {
    name: 'PostgreSQL',
    skip: PG_SKIP,
    async open() {
      const tmp = tempDir();
      const schema = `garde_log_${process.pid}_${++counter}`;
      const url = new URL(PG_URL!);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const options = parseOptions(
        [
          '--database-url',
          url.toString(),
          '--log-key',
          join(tmp.dir, 'garde-log.key'),
          '--checkpoint-dir',
          join(tmp.dir, 'checkpoints'),
        ],
        {},
      );
      const storage = await openPostgres({ connectionString: PG_URL!, schema });
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      const sql = async (text: string, values: unknown[] = []) => {
        let n = 0;
        await client.query(
          text.replace(/\?/g, () => `$${++n}`),
          values,
        );
      };
      return {
        storage,
        options,
        sql,
        reopen: () => openPostgres({ connectionString: PG_URL!, schema }),
        // Each leaf names its record (schema 13); the index on that name is unique, hence three steps.
        async swapLeaves(a, b) {
          await sql(`UPDATE log_leaves SET receipt_id = 'swapping' WHERE receipt_id = ?`, [a]);
          await sql('UPDATE log_leaves SET receipt_id = ? WHERE receipt_id = ?', [a, b]);
          await sql(`UPDATE log_leaves SET receipt_id = ? WHERE receipt_id = 'swapping'`, [b]);
        },
        async unlogAll() {
          await sql('UPDATE consent_records SET leaf_salt = NULL');
          await sql('INSERT INTO log_queue (receipt_id) SELECT receipt_id FROM consent_records');
        },
        async tombstone(id, at) {
          await sql(
            `UPDATE consent_records r SET ${TOMBSTONE_SET}, erased_at = ?, leaf_salt = NULL
             FROM log_leaves l WHERE l.receipt_id = r.receipt_id AND r.receipt_id = ?`,
            [at, id],
          );
          await sql(
            `UPDATE log_leaves SET receipt_id = 'erased-leaf-' || leaf_index
            WHERE receipt_id = ?`,
            [id],
          );
        },
        checkpoints: () =>
          readdirSync(join(tmp.dir, 'checkpoints'))
            .sort()
            .map((name) => join(tmp.dir, 'checkpoints', name)),
        cleanup: async () => {
          await client.query(`DROP SCHEMA ${schema} CASCADE`);
          await client.end();
          tmp.remove();
        },
      };
    },
  },
];

/** Each column of the record table with a new value of its type (null: its boolean negated). */
const EDITS: Array<[string, string | null]> = RECORD_FIELDS.filter((f) => f.hashed).map((f) => {
  if (f.type === 'flag') return [f.column, null];
  if (f.type === 'time') return [f.column, '2020-01-01T00:00:00.000Z'];
  if (f.type === 'map') return [f.column, '{"forged":true}'];
  return [f.column, `forged-${f.column}`];
});

/** A snapshot of a French banner whose reject button says `reject`, stored at `storedAt`. */
async function frenchArchived(reject: string, storedAt: string): Promise<StoredSnapshot> {
  const content = canonicalJson({
    lang: 'fr',
    policy: { url: '/fr/vie-privee', version: '2026-01' },
    texts: { reject },
    v: '0.1.0',
  });
  const hash = (await sha256Hex(content))!;
  return { hash, lang: 'fr', v: '0.1.0', policyVersion: '2026-01', content, storedAt };
}

/** Stores records and runs the sequencer until they are in a signed checkpoint. */
async function logRecords(
  log: Log,
  storage: Storage,
  count: number,
  id: string,
): Promise<string[]> {
  const records = Array.from({ length: count }, (_, i) =>
    stored(`2026-06-0${(i % 9) + 1}T10:00:00.000Z`, { id }),
  );
  await storage.insertRecords(records);
  const stop = startSequencer(storage.log, log.options, logger, () => new Date());
  await stop();
  return records.map((record) => record.receiptId);
}

async function verify(log: Log, checkpoint: string | null): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runVerify({ ...log.options, checkpoint }, (line) => (out += line));
  return { code, out };
}

/**
 * A consistent rewrite, as an insider with write access does it: the first record deleted and every table
 * of the log emptied, so that the next rounds rebuild a log consistent in itself from what is left.
 */
async function rewriteWithoutFirst(log: Log, receiptId: string): Promise<void> {
  await log.sql('DELETE FROM consent_records WHERE receipt_id = ?', [receiptId]);
  await log.unlogAll();
  await log.sql('DELETE FROM log_leaves');
  await log.sql('DELETE FROM log_hashes');
  await log.sql('DELETE FROM log_checkpoints');
  await log.sql(
    `UPDATE log_head SET size = 0, root = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'`,
  );
}

for (const backend of BACKENDS) {
  describe(`verify --checkpoint: ${backend.name}`, { skip: backend.skip }, () => {
    const opened: Log[] = [];
    after(async () => {
      for (const log of opened) await log.cleanup();
    });

    /** A log of 6 records under a first checkpoint, then 2 more under a second one. */
    async function setUp(): Promise<{ log: Log; ids: string[]; first: string }> {
      const log = await backend.open();
      opened.push(log);
      const ids = await logRecords(log, log.storage, 6, 'visitor-a');
      const [first] = log.checkpoints();
      ids.push(...(await logRecords(log, log.storage, 2, 'visitor-b')));
      assert.equal(log.checkpoints().length, 2);
      return { log, ids, first: first! };
    }

    it('exits 0 on an intact log, and after a real erasure', async () => {
      const { log, first } = await setUp();
      const intact = await verify(log, first);
      assert.equal(intact.code, 0, intact.out);
      assert.match(
        intact.out,
        /^log intact: 8 leaves \(8 records, 0 erasures\) .* extends the checkpoint .*\(6 leaves\)/m,
      );
      assert.equal(
        await log.storage.eraseVisitor('visitor-a', {
          at: '2026-07-01T00:00:00.000Z',
          actor: 'dpo',
        }),
        6,
      );
      const erased = await verify(log, first);
      assert.equal(erased.code, 0, erased.out);
      assert.match(erased.out, /9 leaves \(8 records, 1 erasures\)/);
      await log.storage.close();
    });

    it('puts each stored receipt into the log once, in receive order: resends and conflicts add nothing', async () => {
      const log = await backend.open();
      opened.push(log);
      const rows = Array.from({ length: 5 }, (_, i) =>
        stored(`2026-03-0${i + 1}T10:00:00.000Z`, { id: 'once-visitor' }),
      );
      await log.storage.insertRecords(rows.slice(0, 3));
      const again = [rows[0]!, { ...rows[1]!, method: 'gpc' as const }, ...rows.slice(3)];
      assert.deepEqual(await log.storage.insertRecords(again), [
        'duplicate',
        'conflict',
        'stored',
        'stored',
      ]);
      const head = await log.storage.log.sequence();
      assert.equal(head?.size, 5);
      const leaves = await log.storage.log.recordLeaves(rows.map((row) => row.receiptId));
      assert.deepEqual(
        rows.map((row) => leaves.get(row.receiptId)?.leafIndex),
        [0, 1, 2, 3, 4],
      );
      await log.storage.close();
      const result = await verify(log, null);
      assert.equal(result.code, 0, result.out);
    });

    it('names an edit of any column of a record', async () => {
      const log = await backend.open();
      opened.push(log);
      const ids = await logRecords(log, log.storage, EDITS.length, 'visitor-e');
      await log.storage.close();
      for (const [i, [column, value]] of EDITS.entries()) {
        const set = value === null ? `${column} = NOT ${column}` : `${column} = ?`;
        await log.sql(`UPDATE consent_records SET ${set} WHERE receipt_id = ?`, [
          ...(value === null ? [] : [value]),
          ids[i],
        ]);
      }
      const result = await verify(log, null);
      assert.equal(result.code, 1);
      for (const [i, [column]] of EDITS.entries()) {
        // On PostgreSQL a leaf names its record by receipt id: an edited id leaves the leaf without its
        // record, and the record without a leaf.
        const finding =
          column === 'receipt_id' && backend.name === 'PostgreSQL'
            ? `leaf ${i}: its record was deleted`
            : `leaf ${i} \\(receipt .*\\): its content does not match`;
        assert.match(result.out, new RegExp(finding), column);
      }
      if (backend.name === 'PostgreSQL')
        assert.match(
          result.out,
          /1 records claim leaves past the end of the log, or no leaf at all/,
        );
    });

    it('names an edit whose leaf hash was recomputed in the log, against the head and the checkpoint', async () => {
      const { log, ids, first } = await setUp();
      await log.storage.close();
      await log.sql(`UPDATE consent_records SET method = 'reject-all' WHERE receipt_id = ?`, [
        ids[1],
      ]);
      // The insider has the salt (it is in the row): the edited record's leaf hash, recomputed.
      const snapshot = await openLogSnapshot(log.options);
      let edited: LeafRow | undefined;
      for await (const batch of snapshot.leaves()) {
        for (const row of batch) {
          if (typeof row.record === 'object' && row.record.content.receiptId === ids[1])
            edited = row;
        }
      }
      await snapshot.close();
      assert.ok(edited && typeof edited.record === 'object' && edited.record.salt);
      const recomputed = leafHashOf(recordLeaf(edited.record.content, edited.record.salt));
      await log.sql('UPDATE log_leaves SET leaf_hash = ? WHERE leaf_index = ?', [
        recomputed,
        edited.leafIndex,
      ]);
      const alone = await verify(log, null);
      assert.equal(alone.code, 1);
      assert.match(alone.out, /the head's root hash does not follow from the leaves/);
      const against = await verify(log, first);
      assert.match(against.out, /rewritten: the first 6 leaves are not those of the checkpoint/);
    });

    it('names a cut tail through the head, without a checkpoint', async () => {
      const { log, ids } = await setUp();
      await log.storage.close();
      await log.sql('DELETE FROM consent_records WHERE receipt_id = ?', [ids[7]]);
      await log.sql('DELETE FROM log_leaves WHERE leaf_index = 7');
      const result = await verify(log, null);
      assert.equal(result.code, 1);
      assert.match(result.out, /the head says 8 leaves, the log holds 7/);
    });

    it('names a deleted row', async () => {
      const { log, ids, first } = await setUp();
      await log.storage.close();
      await log.sql('DELETE FROM consent_records WHERE receipt_id = ?', [ids[1]]);
      const result = await verify(log, first);
      assert.equal(result.code, 1);
      assert.match(result.out, /leaf 1: its record was deleted/);
    });

    it('names an edited row', async () => {
      const { log, ids, first } = await setUp();
      await log.storage.close();
      await log.sql(`UPDATE consent_records SET method = 'reject' WHERE receipt_id = ?`, [ids[2]]);
      const result = await verify(log, first);
      assert.equal(result.code, 1);
      assert.match(
        result.out,
        new RegExp(`leaf 2 \\(receipt ${ids[2]}\\): its content does not match`),
      );
    });

    it('names reordered rows', async () => {
      const { log, ids, first } = await setUp();
      await log.storage.close();
      await log.swapLeaves(ids[3]!, ids[4]!);
      const result = await verify(log, first);
      assert.equal(result.code, 1);
      assert.match(result.out, /leaf 3 .*moved from another leaf/);
      assert.match(result.out, /leaf 4 .*moved from another leaf/);
    });

    it('names a truncated log', async () => {
      const { log, ids, first } = await setUp();
      await log.storage.close();
      for (const id of ids.slice(4)) {
        await log.sql('DELETE FROM consent_records WHERE receipt_id = ?', [id]);
      }
      await log.sql('DELETE FROM log_leaves WHERE leaf_index >= 4');
      await log.sql('UPDATE log_head SET size = 4');
      const result = await verify(log, first);
      assert.equal(result.code, 1);
      assert.match(
        result.out,
        /truncated: the log holds 4 leaves, fewer than the checkpoint .*\(6 leaves\)/,
      );
    });

    it('names a consistent rewrite: a row removed and the whole log rebuilt by the collector itself', async () => {
      const { log, ids, first } = await setUp();
      await log.storage.close();
      await rewriteWithoutFirst(log, ids[0]!);
      const storage = await log.reopen();
      await storage.log.sequence();
      await storage.close();
      // Without the earlier checkpoint the rebuilt log is consistent in itself…
      assert.equal((await verify(log, null)).code, 0);
      // …but it does not extend what was signed before.
      const result = await verify(log, first);
      assert.equal(result.code, 1);
      assert.match(result.out, /rewritten: the first 6 leaves are not those of the checkpoint/);
      assert.match(result.out, /consistency proof .* fails/);
    });

    it('refuses a checkpoint of another log signed with the same key, or of a size it cannot be', async () => {
      const { log, first } = await setUp();
      await log.storage.close();
      const { keyFile } = logFiles(log.options);
      const key = loadLogKey(keyFile!);
      const head = readCheckpointText(readFileSync(first, 'utf8'));
      const signed = (name: string, changes: Partial<TreeHead>) => {
        const file = join(dirname(first), `../${name}`);
        writeFileSync(file, signCheckpoint({ ...head, ...changes }, key));
        return file;
      };
      const cases: Array<[string, Partial<TreeHead>, RegExp]> = [
        ['other-log', { origin: 'other-log' }, /of the log "other-log", not "garde-collector"/],
        ['empty', { size: 0 }, /its tree size is not a whole number from 1/],
        ['huge', { size: 2 ** 60 }, /its tree size is not a whole number from 1/],
      ];
      for (const [name, changes, message] of cases) {
        await assert.rejects(verify(log, signed(name, changes)), message, name);
      }
    });

    it('never signs a log that does not extend its newest checkpoint file: a rewrite or a cut tail', async () => {
      const { log, ids } = await setUp();
      await log.storage.close();
      // The consistent rewrite above, and this time the collector runs its rounds on it.
      await rewriteWithoutFirst(log, ids[0]!);
      const storage = await log.reopen();
      const capture = logCapture();
      const loud = createLogger('info', capture.stream) as FastifyBaseLogger;
      await startSequencer(storage.log, log.options, loud, () => new Date())();
      // More receipts: the rewritten log grows past the size signed before, and is still not signed.
      await storage.insertRecords([1, 2, 3].map(() => stored('2026-06-09T10:00:00.000Z')));
      await startSequencer(storage.log, log.options, loud, () => new Date())();
      assert.equal((await storage.log.head()).size, 10);
      assert.equal(await storage.log.latestCheckpoint(), null);
      await storage.close();
      assert.deepEqual(
        log.checkpoints().map((file) => file.slice(-17)),
        ['000006.checkpoint', '000008.checkpoint'],
      );
      assert.match(
        capture.text(),
        /the log does not extend the checkpoint of .* \(8 leaves\).*no checkpoint is signed/,
      );
    });

    it('goes on signing and exporting past a checkpoint row forged in the database, and never files its text', async () => {
      const { log } = await setUp();
      await log.storage.close();
      // One row claiming a tree far larger than the log: the rounds took it as signed already.
      await log.sql('INSERT INTO log_checkpoints (size, root, time, text) VALUES (?, ?, ?, ?)', [
        1_000_000,
        'ab'.repeat(32),
        '2026-06-01T00:00:00.000Z',
        'forged\n',
      ]);
      const storage = await log.reopen();
      const capture = logCapture();
      const loud = createLogger('info', capture.stream) as FastifyBaseLogger;
      const record = stored('2026-06-09T10:00:00.000Z');
      await storage.insertRecords([record]);
      await startSequencer(storage.log, log.options, loud, () => new Date())();
      // The export proves against the newest checkpoint of the tree as it is, not the forged row (a 500).
      assert.equal((await storage.log.latestCheckpoint())?.size, 9);
      const exported = await exportProofs(storage.log, [record]);
      assert.deepEqual([exported.treeSize, exported.proofs.length], [9, 1]);
      // A forged row of the very size the next round signs: said, and its text never filed.
      await log.sql('INSERT INTO log_checkpoints (size, root, time, text) VALUES (?, ?, ?, ?)', [
        10,
        'ab'.repeat(32),
        '2026-06-01T00:00:00.000Z',
        'forged\n',
      ]);
      await storage.insertRecords([stored('2026-06-09T10:00:00.000Z')]);
      await startSequencer(storage.log, log.options, loud, () => new Date())();
      await storage.close();
      assert.deepEqual(
        log.checkpoints().map((file) => file.slice(-17)),
        ['000006.checkpoint', '000008.checkpoint', '000009.checkpoint'],
      );
      assert.equal((await verify(log, log.checkpoints()[2]!)).code, 0);
      assert.match(
        capture.text(),
        /the newest checkpoint in the database \(10 leaves\) is not signed by the log key/,
      );
    });

    it('names a hand-made tombstone, even with a row added to erasures', async () => {
      const { log, ids, first } = await setUp();
      await log.storage.close();
      await log.tombstone(ids[5]!, '2026-07-01T00:00:00.000Z');
      await log.sql(
        `INSERT INTO erasures (at, reason, rows, actor) VALUES ('2026-07-01T00:00:00.000Z', 'request', 1, 'dpo')`,
      );
      const result = await verify(log, first);
      assert.equal(result.code, 1);
      assert.match(result.out, /leaf 5: its record is erased, but no erasure in the log names it/);
    });

    it('names an erasure edited in the erasures table, or pointed at another leaf: the list must say what the log says', async () => {
      const { log, first } = await setUp();
      await log.storage.eraseVisitor('visitor-a', { at: '2026-07-01T00:00:00.000Z', actor: 'dpo' });
      await log.storage.close();
      const intact = await verify(log, first);
      assert.equal(intact.code, 0, intact.out);
      // An insider makes the list say the retention run did it, for fewer records.
      await log.sql(`UPDATE erasures SET reason = 'retention', actor = 'retention', rows = 1`);
      const edited = await verify(log, first);
      assert.equal(edited.code, 1);
      assert.match(
        edited.out,
        /the erasure of 2026-07-01T00:00:00\.000Z \(retention, 1 records, by retention\): its leaf 8 says otherwise: the erasures table was edited/,
      );
      await log.sql(
        `UPDATE erasures SET reason = 'request', actor = 'dpo', rows = 6, leaf_index = 2`,
      );
      const moved = await verify(log, first);
      assert.equal(moved.code, 1);
      assert.match(moved.out, /names leaf 2, which is no erasure in the log/);
      await log.sql(`UPDATE erasures SET leaf_index = 8`);
      assert.equal((await verify(log, first)).code, 0);
    });

    it('names a snapshot edited in the archive: its content, or the columns the admin page lists', async () => {
      const { log, first } = await setUp();
      const content = canonicalJson({
        lang: 'fr',
        policy: { url: '/fr/vie-privee', version: '2026-01' },
        texts: { reject: 'Tout refuser' },
        v: '0.1.0',
      });
      const hash = (await sha256Hex(content))!;
      const archived = { lang: 'fr', v: '0.1.0', policyVersion: '2026-01', content };
      await log.storage.insertSnapshot({ hash, ...archived, storedAt: '2026-06-01T10:00:00.000Z' });
      const intact = await verify(log, first);
      assert.equal(intact.code, 0, intact.out);
      assert.match(
        intact.out,
        /^snapshots: 1 in the archive, each matching its hash and its leaf \(1 snapshot leaves\)$/m,
      );

      // An insider puts words the visitor never saw in the archive.
      await log.sql('UPDATE snapshots SET content = replace(content, ?, ?)', [
        'Tout refuser',
        'Refuser',
      ]);
      const edited = await verify(log, first);
      assert.equal(edited.code, 1, edited.out);
      assert.match(edited.out, new RegExp(`snapshot ${hash}: its content does not match its hash`));
      // Edited, not removed: its row still meets its leaf.
      assert.doesNotMatch(edited.out, /removed from the archive/);

      await log.sql('UPDATE snapshots SET content = ?, policy_version = ?', [content, '2025-01']);
      const relabelled = await verify(log, first);
      assert.equal(relabelled.code, 1, relabelled.out);
      assert.match(
        relabelled.out,
        new RegExp(
          `snapshot ${hash}: its language, garde version or policy version columns differ`,
        ),
      );
    });

    describe('the archive of what visitors were shown: each snapshot a leaf', () => {
      const STORED = '2026-06-02T10:00:00.000Z';
      const LATER = '2026-06-03T10:00:00.000Z';

      /** The log of setUp, then a snapshot reported by browsers and one the site registered, signed. */
      async function withArchive() {
        const { log, first } = await setUp();
        const reported = await frenchArchived('Tout refuser', STORED);
        const registered = await frenchArchived('Refuser tout', STORED);
        assert.equal(await log.storage.insertSnapshot(reported), 'stored');
        assert.equal(await log.storage.publishSnapshot(registered, STORED), 'stored');
        await startSequencer(log.storage.log, log.options, logger, () => new Date())();
        const signed = log.checkpoints().at(-1)!;
        return { log, first, signed, reported, registered };
      }

      it('exits 0 on an intact archive: stored, registered later, erased with its receipts, stored again', async () => {
        const { log, first, reported, registered } = await withArchive();
        // Registering what browsers reported changes the archive (published): a leaf; again, nothing.
        assert.equal(
          await log.storage.publishSnapshot({ ...reported, storedAt: LATER }, LATER),
          'known',
        );
        assert.equal(
          await log.storage.publishSnapshot({ ...registered, storedAt: LATER }, LATER),
          'known',
        );
        const intact = await verify(log, first);
        assert.equal(intact.code, 0, intact.out);
        assert.match(intact.out, /^log intact: 11 leaves \(8 records, 0 erasures\)/m);
        assert.match(intact.out, /^snapshots: 2 in the archive, .*\(3 snapshot leaves\)$/m);

        // A snapshot no receipt names goes, and a leaf says so; a browser may report it again later.
        const orphan = await frenchArchived('Non merci', STORED);
        await log.storage.insertSnapshot(orphan);
        assert.equal(await log.storage.dropOrphanSnapshots(LATER), 1);
        assert.equal(await log.storage.hasSnapshot(orphan.hash), false);
        const erased = await verify(log, first);
        assert.equal(erased.code, 0, erased.out);
        assert.match(erased.out, /^snapshots: 2 in the archive, .*\(5 snapshot leaves\)$/m);
        assert.equal(await log.storage.insertSnapshot({ ...orphan, storedAt: LATER }), 'stored');
        const again = await verify(log, first);
        assert.equal(again.code, 0, again.out);
        assert.match(again.out, /^snapshots: 3 in the archive, .*\(6 snapshot leaves\)$/m);
        await log.storage.close();
      });

      it('names a snapshot deleted from the archive after a checkpoint', async () => {
        const { log, signed, reported } = await withArchive();
        await log.storage.close();
        await log.sql('DELETE FROM snapshots WHERE hash = ?', [reported.hash]);
        const result = await verify(log, signed);
        assert.equal(result.code, 1, result.out);
        assert.match(
          result.out,
          new RegExp(
            `snapshot ${reported.hash} \\(leaf 8\\): removed from the archive, and no erasure in the log says so`,
          ),
        );
      });

      it('names a snapshot deleted with its leaf: the log no longer extends the checkpoint', async () => {
        const { log, signed, reported } = await withArchive();
        await log.storage.close();
        await log.sql('DELETE FROM snapshots WHERE hash = ?', [reported.hash]);
        await log.sql('DELETE FROM log_leaves WHERE leaf_index = 8');
        const result = await verify(log, signed);
        assert.equal(result.code, 1, result.out);
        assert.match(result.out, /leaf 8 is missing: removed from the log/);
        assert.match(result.out, /rewritten: the first 10 leaves are not those of the checkpoint/);
      });

      it('names a snapshot leaf rewritten by hand, its hash recomputed, without stopping', async () => {
        const { log, signed, reported } = await withArchive();
        await log.storage.close();
        await log.sql('UPDATE log_leaves SET leaf = ?, leaf_hash = ? WHERE leaf_index = 8', [
          '["garde/snapshot",',
          leafHashOf('["garde/snapshot",'),
        ]);
        const result = await verify(log, signed);
        assert.equal(result.code, 1, result.out);
        assert.match(
          result.out,
          /leaf 8: the snapshot it records is not a leaf the collector writes/,
        );
        assert.match(result.out, new RegExp(`snapshot ${reported.hash}: no leaf in the log`));
        assert.match(result.out, /rewritten: the first 10 leaves are not those of the checkpoint/);
      });

      it('names a snapshot inserted by hand, backdated, and one put back after its erasure', async () => {
        const { log, signed } = await withArchive();
        const orphan = await frenchArchived('Non merci', STORED);
        await log.storage.insertSnapshot(orphan);
        await log.storage.dropOrphanSnapshots(LATER);
        await log.storage.close();
        const forged = await frenchArchived('Accepter', '2026-01-01T00:00:00.000Z');
        const insert = `INSERT INTO snapshots (hash, lang, garde_version, policy_version, content, stored_at)
          VALUES (?, 'fr', '0.1.0', '2026-01', ?, ?)`;
        await log.sql(insert, [forged.hash, forged.content, forged.storedAt]);
        await log.sql(insert, [orphan.hash, orphan.content, STORED]);
        const result = await verify(log, signed);
        assert.equal(result.code, 1, result.out);
        assert.match(
          result.out,
          new RegExp(
            `snapshot ${forged.hash}: no leaf in the log: inserted in the archive by hand`,
          ),
        );
        assert.match(
          result.out,
          new RegExp(
            `snapshot ${orphan.hash}: the log erased it at ${LATER} \\(leaf 11\\), yet it is in the archive`,
          ),
        );
      });

      it("names a stored_at changed, and the site's registration removed, added or redated", async () => {
        const { log, signed, reported, registered } = await withArchive();
        const other = await frenchArchived('Continuer sans accepter', STORED);
        await log.storage.publishSnapshot(other, STORED);
        await log.storage.close();
        await log.sql('UPDATE snapshots SET stored_at = ? WHERE hash = ?', [LATER, reported.hash]);
        await log.sql('DELETE FROM published_snapshots WHERE hash = ?', [registered.hash]);
        await log.sql('UPDATE published_snapshots SET published_at = ? WHERE hash = ?', [
          LATER,
          other.hash,
        ]);
        const result = await verify(log, signed);
        assert.equal(result.code, 1, result.out);
        assert.match(
          result.out,
          new RegExp(
            `snapshot ${reported.hash}: stored at ${LATER}, its leaf 8 says ${STORED}: redated`,
          ),
        );
        assert.match(
          result.out,
          new RegExp(
            `snapshot ${registered.hash}: not published, its leaf 9 says published at ${STORED}`,
          ),
        );
        assert.match(
          result.out,
          new RegExp(
            `snapshot ${other.hash}: published at ${LATER}, its leaf 10 says published at`,
          ),
        );

        // Published by hand: what browsers reported passed off as the site's own.
        await log.sql('UPDATE snapshots SET stored_at = ? WHERE hash = ?', [STORED, reported.hash]);
        await log.sql('INSERT INTO published_snapshots (hash, published_at) VALUES (?, ?)', [
          reported.hash,
          STORED,
        ]);
        const published = await verify(log, signed);
        assert.match(
          published.out,
          new RegExp(
            `snapshot ${reported.hash}: published at ${STORED}, its leaf 8 says not published: the site's registration edited`,
          ),
        );
      });
    });
  });
}
