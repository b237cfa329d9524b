// The tamper-evident chain on SQLite and PostgreSQL: intact after writes, broken (and located) by an edit
// made directly in the database, a deleted row, or a cut tail.
import { after, before, describe, it as test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { verifyChain } from '../../src/storage/chain.js';
import { GENESIS, chainHash, contentHash, hashedFields } from '../../src/storage/record-content.js';
import { openPostgres } from '../../src/storage/postgres.js';
import { openSqlite } from '../../src/storage/sqlite.js';
import type { Storage, StoredRecord } from '../../src/storage/types.js';
import { PG_SKIP, PG_URL, stored, tempDir } from '../helpers.js';

/** A backend with a handle to run raw SQL beside the storage, as someone editing the database would. */
interface RawBackend {
  name: string;
  skip: string | false;
  open(): Promise<{
    storage: Storage;
    sql: (text: string, values?: unknown[]) => Promise<void>;
    reopen: () => Promise<Storage>;
    cleanup: () => Promise<void>;
  }>;
}

let counter = 0;
const RAW_BACKENDS: RawBackend[] = [
  {
    name: 'SQLite',
    skip: false,
    async open() {
      const tmp = tempDir();
      const file = join(tmp.dir, 'chain.sqlite');
      const storage = await openSqlite(file);
      return {
        storage,
        async sql(text, values = []) {
          const db = new Database(file);
          db.prepare(text).run(...values);
          db.close();
        },
        reopen: () => openSqlite(file),
        cleanup: async () => tmp.remove(),
      };
    },
  },
  {
    name: 'PostgreSQL',
    skip: PG_SKIP,
    async open() {
      const schema = `garde_chain_${process.pid}_${++counter}`;
      const storage = await openPostgres({ connectionString: PG_URL!, schema });
      const client = new pg.Client({
        connectionString: PG_URL!,
        options: `-c search_path=${schema}`,
      });
      await client.connect();
      return {
        storage,
        async sql(text, values = []) {
          // SQLite's ? placeholders as $n.
          let n = 0;
          await client.query(
            text.replace(/\?/g, () => `$${++n}`),
            values,
          );
        },
        reopen: () => openPostgres({ connectionString: PG_URL!, schema }),
        cleanup: async () => {
          await client.query(`DROP SCHEMA ${schema} CASCADE`);
          await client.end();
        },
      };
    },
  },
];

describe('chain hashes', () => {
  test('follow the documented definition', () => {
    const record = stored('2026-03-01T10:00:00.000Z', { categories: { b: true, a: false } });
    const serialised = JSON.stringify([
      record.receiptId,
      record.id,
      record.ts,
      record.receivedAt,
      record.version,
      '{"a":false,"b":true}',
      JSON.stringify(record.services),
      record.method,
      record.lang,
      record.path,
      null,
      false,
    ]);
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    const content = contentHash(hashedFields(record));
    assert.equal(content, sha(serialised));
    assert.equal(chainHash(GENESIS, content), sha(GENESIS + content));
  });
});

for (const backend of RAW_BACKENDS) {
  describe(`chain: ${backend.name}`, () => {
    const it = (name: string, fn: () => Promise<void>) => test(name, { skip: backend.skip }, fn);
    let storage: Storage;
    let raw: Awaited<ReturnType<RawBackend['open']>>;
    let rows: StoredRecord[];
    const verify = async () => verifyChain(storage.chainRows(), await storage.chainHead());
    before(async () => {
      if (backend.skip) return;
      raw = await backend.open();
      storage = raw.storage;
    });
    after(async () => {
      await storage?.close().catch(() => {});
      await raw?.cleanup();
    });

    it('chains rows in the order stored, batch after batch; resends and conflicts add nothing', async () => {
      rows = Array.from({ length: 5 }, (_, i) =>
        stored(`2026-03-0${i + 1}T10:00:00.000Z`, { id: 'chain-visitor' }),
      );
      await storage.insertRecords(rows.slice(0, 3));
      await storage.insertRecords([rows[0]!, { ...rows[1]!, method: 'gpc' }, ...rows.slice(3)]);
      const verdict = await verify();
      assert.deepEqual(verdict, { ok: true, length: 5, head: (await storage.chainHead()).head });
      const seen: string[] = [];
      for await (const row of storage.chainRows()) seen.push(row.receiptId);
      assert.deepEqual(
        seen,
        rows.map((r) => r.receiptId),
      );
    });

    it('names the first row whose content was edited in the database', async () => {
      await raw.sql('UPDATE consent_records SET method = ? WHERE receipt_id = ?', [
        'accept-all',
        rows[2]!.receiptId,
      ]);
      assert.deepEqual(await verify(), {
        ok: false,
        seq: 3,
        receiptId: rows[2]!.receiptId,
        reason: 'its content does not match its content hash',
      });
      await raw.sql('UPDATE consent_records SET method = ? WHERE receipt_id = ?', [
        rows[2]!.method,
        rows[2]!.receiptId,
      ]);
      assert.equal((await verify()).ok, true);
    });

    it('finds a recomputed content hash (its chain hash no longer follows) and a deleted row', async () => {
      const forged = contentHash(hashedFields({ ...rows[1]!, method: 'reject-all' }));
      await raw.sql(
        'UPDATE consent_records SET method = ?, content_hash = ? WHERE receipt_id = ?',
        ['reject-all', forged, rows[1]!.receiptId],
      );
      const edited = await verify();
      assert.equal(edited.ok, false);
      assert.equal(!edited.ok && edited.seq, 2);
      assert.match(!edited.ok ? edited.reason : '', /chain hash/);
      await raw.sql('DELETE FROM consent_records WHERE receipt_id = ?', [rows[1]!.receiptId]);
      const deleted = await verify();
      assert.deepEqual(deleted, { ok: false, seq: 2, receiptId: null, reason: 'row 2 is missing' });
    });

    it('refuses a row marked erased behind the erasure log, and accepts a real erasure', async () => {
      const fresh = await backend.open();
      try {
        const mine = [
          stored('2026-06-01T10:00:00.000Z', { id: 'sneaky' }),
          stored('2026-06-02T10:00:00.000Z', { id: 'honest' }),
        ];
        await fresh.storage.insertRecords(mine);
        const check = async () =>
          verifyChain(
            fresh.storage.chainRows(),
            await fresh.storage.chainHead(),
            (await fresh.storage.erasures()).reduce((sum, e) => sum + e.rows, 0),
          );
        await fresh.storage.eraseVisitor('honest', {
          at: '2026-06-03T00:00:00.000Z',
          actor: 'dpo',
        });
        assert.equal((await check()).ok, true);
        await fresh.sql(
          `UPDATE consent_records SET receipt_id = 'erased-' || seq, erased_at = ? WHERE consent_id = ?`,
          ['2026-06-03T00:00:00.000Z', 'sneaky'],
        );
        assert.deepEqual(await check(), {
          ok: false,
          seq: 2,
          receiptId: 'erased-2',
          reason: 'it is erased, but no recorded erasure accounts for it',
        });
      } finally {
        await fresh.storage.close();
        await fresh.cleanup();
      }
    });

    it('finds a cut tail through the recorded head', async () => {
      const fresh = await backend.open();
      try {
        const more = Array.from({ length: 3 }, (_, i) =>
          stored(`2026-04-0${i + 1}T10:00:00.000Z`, { id: 'tail-visitor' }),
        );
        await fresh.storage.insertRecords(more);
        await fresh.sql('DELETE FROM consent_records WHERE receipt_id = ?', [more[2]!.receiptId]);
        const verdict = await verifyChain(
          fresh.storage.chainRows(),
          await fresh.storage.chainHead(),
        );
        assert.equal(verdict.ok, false);
        assert.equal(!verdict.ok && verdict.seq, 3);
      } finally {
        await fresh.storage.close();
        await fresh.cleanup();
      }
    });

    it('chains rows stored before the chain existed when the database is opened', async () => {
      const fresh = await backend.open();
      try {
        const old = [
          stored('2025-01-02T00:00:00.000Z', { id: 'legacy', categories: { z: true, a: false } }),
          stored('2025-01-01T00:00:00.000Z', { id: 'legacy' }),
        ];
        await fresh.storage.insertRecords(old);
        // As schema 2 left them: no sequence, no hashes, head at zero.
        await fresh.sql(
          'UPDATE consent_records SET seq = NULL, content_hash = NULL, chain_hash = NULL WHERE consent_id = ?',
          ['legacy'],
        );
        await fresh.sql('UPDATE chain_head SET seq = 0, hash = ? WHERE id = 1', [GENESIS]);
        await fresh.storage.close();
        const reopened = await fresh.reopen();
        fresh.storage = reopened;
        const verdict = await verifyChain(reopened.chainRows(), await reopened.chainHead());
        assert.equal(verdict.ok, true);
        const order: string[] = [];
        for await (const row of reopened.chainRows()) order.push(row.receiptId);
        assert.deepEqual(order, [old[1]!.receiptId, old[0]!.receiptId]);
      } finally {
        await fresh.storage.close();
        await fresh.cleanup();
      }
    });
  });
}
