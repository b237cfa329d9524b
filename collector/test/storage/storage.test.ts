// One suite, run against SQLite and PostgreSQL: both must give the same answers to the same writes.
import { after, before, describe, it as test } from 'node:test';
import assert from 'node:assert/strict';
import { createBatcher } from '../../src/batcher.js';
import { openPostgres } from '../../src/storage/postgres.js';
import { BACKENDS, PG_SKIP, PG_URL, stored, storedHit } from '../helpers.js';
import type { LogVerdict } from '../../src/log/verify-log.js';
import type { InsertOutcome, Storage, StoredRecord } from '../../src/storage/types.js';

const ids = (records: StoredRecord[]) => records.map((r) => r.receiptId);

async function all(iterable: AsyncIterable<StoredRecord>): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  for await (const r of iterable) out.push(r);
  return out;
}

for (const backend of BACKENDS) {
  describe(`storage: ${backend.name}`, () => {
    // Each test carries the skip too, so a run without PostgreSQL counts them as skipped, never as passed.
    const it = (name: string, fn: () => Promise<void>) => test(name, { skip: backend.skip }, fn);
    let storage: Storage;
    let verify: () => Promise<LogVerdict>;
    let recordRows: () => Promise<string>;
    let cleanup: () => Promise<void>;
    before(async () => {
      if (!backend.skip) ({ storage, verify, recordRows, cleanup } = await backend.open());
    });
    after(async () => cleanup?.());

    it('stores a receipt once per receiptId: a resend is a duplicate, other content a conflict', async () => {
      const first = stored(
        '2026-03-01T10:00:00.000Z',
        {
          id: 'dup-visitor',
          method: 'accept-all',
          categories: { necessary: true, analytics: true },
        },
        'https://www.inami.fgov.be',
      );
      const forged = {
        ...first,
        method: 'reject-all' as const,
        receivedAt: '2026-03-01T10:00:05.000Z',
      };
      // The same receipt resent later, from nowhere, its maps in another key order: still the same receipt.
      const resent = {
        ...first,
        categories: { analytics: true, necessary: true },
        receivedAt: '2026-03-02T10:00:00.000Z',
        origin: null,
      };
      assert.deepEqual(await storage.insertRecords([first, forged, resent]), [
        'stored',
        'conflict',
        'duplicate',
      ]);
      assert.deepEqual(await storage.insertRecords([forged]), ['conflict']);
      assert.deepEqual(await storage.insertRecords([resent]), ['duplicate']);
      assert.deepEqual(await storage.visitorRecords('dup-visitor'), [first]);
    });

    it('stores every good receipt of a burst when one row is refused (batch retried row by row)', async () => {
      const batcher = createBatcher<StoredRecord, InsertOutcome>((rows) =>
        storage.insertRecords(rows),
      );
      const good = Array.from({ length: 50 }, () =>
        stored('2026-03-02T10:00:00.000Z', { id: 'burst-visitor' }),
      );
      // A row the database itself refuses (NOT NULL); on PostgreSQL a NUL in text is refused too.
      const bad: StoredRecord[] = [
        {
          ...stored('2026-03-02T10:00:00.000Z', { id: 'burst-visitor' }),
          version: null as unknown as string,
        },
      ];
      if (backend.name === 'PostgreSQL') {
        bad.push(stored('2026-03-02T10:00:00.000Z', { id: 'burst-visitor', path: '/\u0000' }));
      }
      const rows = [...good.slice(0, 25), ...bad, ...good.slice(25)] as StoredRecord[];
      const outcomes = await Promise.allSettled(rows.map((row) => batcher.add(row)));
      const failed = outcomes.filter((outcome) => outcome.status === 'rejected').length;
      assert.equal(failed, bad.length);
      const kept = await storage.visitorRecords('burst-visitor');
      assert.deepEqual(ids(kept).sort(), ids(good).sort());
    });

    it('lists newest first with filters and pagination, counting every match', async () => {
      const v = 'list-visitor';
      const rows = [
        stored('2026-04-01T08:00:00.000Z', { id: v, version: 'A', method: 'accept-all' }),
        stored('2026-04-02T08:00:00.000Z', { id: v, version: 'A', method: 'reject-all' }),
        stored('2026-04-02T23:59:59.999Z', { id: v, version: 'B', method: 'custom' }),
        stored('2026-04-03T00:00:00.000Z', { id: v, version: 'B', method: 'gpc' }),
      ];
      await storage.insertRecords(rows);
      const page1 = await storage.listRecords({ id: v }, 1, 3);
      assert.equal(page1.total, 4);
      assert.deepEqual(ids(page1.records), ids([rows[3]!, rows[2]!, rows[1]!]));
      const page2 = await storage.listRecords({ id: v }, 2, 3);
      assert.deepEqual(ids(page2.records), [rows[0]!.receiptId]);
      // `to` includes the whole day, `from` starts at its midnight (UTC).
      const day = await storage.listRecords({ id: v, from: '2026-04-02', to: '2026-04-02' }, 1, 50);
      assert.deepEqual(ids(day.records), ids([rows[2]!, rows[1]!]));
      const b = await storage.listRecords({ id: v, version: 'B', method: 'gpc' }, 1, 50);
      assert.deepEqual(ids(b.records), [rows[3]!.receiptId]);
      assert.equal((await storage.listRecords({ id: 'nobody' }, 1, 50)).total, 0);
    });

    it('returns records exactly as written (categories, services, ISO times)', async () => {
      const r = stored('2026-04-05T09:30:00.123Z', {
        id: 'shape-visitor',
        categories: { necessary: true, stats: false },
        services: { yt: true, maps: false },
        lang: 'nl',
        path: '/nl/zoeken?q=1',
        method: 'withdraw',
      });
      await storage.insertRecords([r]);
      assert.deepEqual(await storage.visitorRecords('shape-visitor'), [r]);
    });

    it('streams every matching record newest first across chunks', async () => {
      const v = 'stream-visitor';
      const base = Date.parse('2026-05-01T00:00:00.000Z');
      // 2,100 records over three chunks; pairs share a receive time to exercise the tie-break on receiptId.
      const rows = Array.from({ length: 2100 }, (_, i) =>
        stored(new Date(base + Math.floor(i / 2) * 1000).toISOString(), { id: v }),
      );
      await storage.insertRecords(rows);
      const streamed = await all(storage.iterateRecords({ id: v }));
      assert.equal(streamed.length, 2100);
      assert.equal(new Set(ids(streamed)).size, 2100);
      const expected = [...rows].sort((a, b) =>
        a.receivedAt === b.receivedAt
          ? a.receiptId < b.receiptId
            ? 1
            : -1
          : a.receivedAt < b.receivedAt
            ? 1
            : -1,
      );
      assert.deepEqual(ids(streamed), ids(expected));
      const filtered = await all(
        storage.iterateRecords({ id: v, from: '2026-05-01', to: '2026-05-01' }),
      );
      assert.equal(filtered.length, 2100);
      assert.equal((await all(storage.iterateRecords({ id: v, from: '2026-05-02' }))).length, 0);
    });

    it('gives a visitor every decision oldest first', async () => {
      const v = 'history-visitor';
      const rows = [
        stored('2026-06-03T00:00:00.000Z', { id: v, method: 'reject-all' }),
        stored('2026-06-01T00:00:00.000Z', { id: v, method: 'accept-all' }),
      ];
      await storage.insertRecords(rows);
      assert.deepEqual(ids(await storage.visitorRecords(v)), ids([rows[1]!, rows[0]!]));
    });

    it('computes decisions, acceptance and pageview stats, and keeps them after hits are rolled up', async () => {
      await storage.insertRecords([
        stored('2026-07-01T10:00:00.000Z', {
          id: 's1',
          method: 'accept-all',
          categories: { necessary: true, analytics: true },
        }),
        stored('2026-07-01T11:00:00.000Z', {
          id: 's2',
          method: 'reject-all',
          categories: { necessary: true, analytics: false },
        }),
        stored('2026-07-02T11:00:00.000Z', {
          id: 's3',
          method: 'reject-all',
          categories: { necessary: true, analytics: false },
        }),
      ]);
      await storage.insertHits([
        storedHit('2026-07-01', { path: '/fr/', referrer: 'www.google.be', consent: true }),
        storedHit('2026-07-01', { path: '/fr/', browser: 'Chrome' }),
        storedHit('2026-07-02', { path: '/nl/', os: 'Windows' }),
        storedHit('2026-07-02', { name: 'download', path: '/nl/' }),
        // Every optional column filled: the insert must accept them (they are not part of the stats).
        storedHit('2026-07-02', {
          name: 'download',
          path: '/nl/',
          consent: true,
          network: '2001:db8::',
          props: { file: 'a.pdf', n: 2, ok: true },
          minor: 1,
          screen: '1920x1080',
          session: 'sess',
          uid: 'uid',
        }),
      ]);
      const expected = {
        decisions: [
          { day: '2026-07-01', method: 'accept-all', count: 1 },
          { day: '2026-07-01', method: 'reject-all', count: 1 },
          { day: '2026-07-02', method: 'reject-all', count: 1 },
        ],
        acceptance: [
          { day: '2026-07-01', category: 'analytics', granted: 1, total: 2 },
          { day: '2026-07-01', category: 'necessary', granted: 2, total: 2 },
          { day: '2026-07-02', category: 'analytics', granted: 0, total: 1 },
          { day: '2026-07-02', category: 'necessary', granted: 1, total: 1 },
        ],
        pageviews: {
          byDay: [
            { day: '2026-07-01', count: 2, consented: 1 },
            { day: '2026-07-02', count: 1, consented: 0 },
          ],
          byPath: [
            { path: '/fr/', count: 2 },
            { path: '/nl/', count: 1 },
          ],
          byReferrer: [{ referrer: 'www.google.be', count: 1 }],
          byBrowser: [
            { browser: 'Firefox', count: 2 },
            { browser: 'Chrome', count: 1 },
          ],
          byOs: [
            { os: 'Linux', count: 2 },
            { os: 'Windows', count: 1 },
          ],
        },
      };
      assert.deepEqual(await storage.stats('2026-07-01', '2026-07-02'), expected);
      // Roll up 2026-07-01 only: the raw hits of that day go, the totals stay.
      const purged = await storage.purge('2000-01-01T00:00:00.000Z', '2026-07-02');
      assert.equal(purged.records, 0);
      assert.ok(purged.hits >= 2);
      assert.deepEqual(await storage.stats('2026-07-01', '2026-07-02'), expected);
      // A range of one day sees only that day.
      const one = await storage.stats('2026-07-02', '2026-07-02');
      assert.deepEqual(one.pageviews.byPath, [{ path: '/nl/', count: 1 }]);
      assert.deepEqual(one.decisions, [{ day: '2026-07-02', method: 'reject-all', count: 1 }]);
    });

    it('purges a visitor only when their last decision is older than the cut-off', async () => {
      await storage.insertRecords([
        stored('2019-01-01T00:00:00.000Z', { id: 'gone' }),
        stored('2019-06-01T00:00:00.000Z', { id: 'gone' }),
        stored('2019-01-01T00:00:00.000Z', { id: 'kept' }),
        stored('2026-01-01T00:00:00.000Z', { id: 'kept' }),
      ]);
      const result = await storage.purge(
        '2021-01-01T00:00:00.000Z',
        '2000-01-01',
        '2026-01-02T00:00:00.000Z',
      );
      assert.ok(result.records >= 2);
      assert.deepEqual(await storage.visitorRecords('gone'), []);
      assert.equal((await storage.visitorRecords('kept')).length, 2);
      // Erased, not deleted: the log still verifies, and the erasure is on record.
      const verdict = await verify();
      assert.deepEqual(verdict.problems, []);
      assert.ok(verdict.erasures >= 1);
      const last = (await storage.erasures()).at(-1);
      // Its leaf is the log's last: appended in the purge's transaction, after the rows it names.
      assert.deepEqual(last, {
        at: '2026-01-02T00:00:00.000Z',
        reason: 'retention',
        rows: result.records,
        actor: 'retention',
        leafIndex: verdict.size - 1,
      });
    });

    it('erases one visitor on request: tombstones that keep the log, an erasure on record', async () => {
      const mine = [
        stored('2026-08-01T10:00:00.000Z', { id: 'erase-me', method: 'accept-all' }),
        stored('2026-08-02T10:00:00.000Z', { id: 'erase-me', method: 'withdraw' }),
      ];
      const other = stored('2026-08-01T11:00:00.000Z', { id: 'keep-me', method: 'accept-all' });
      await storage.insertRecords([mine[0]!, other, mine[1]!]);
      const before = await storage.stats('2026-08-01', '2026-08-02');
      const erased = await storage.eraseVisitor('erase-me', {
        at: '2026-08-03T00:00:00.000Z',
        actor: 'dpo@example.be',
      });
      assert.equal(erased, 2);
      assert.deepEqual(await storage.visitorRecords('erase-me'), []);
      assert.deepEqual(await storage.visitorRecords('keep-me'), [other]);
      assert.equal((await storage.listRecords({ id: 'erase-me' }, 1, 50)).total, 0);
      const after = await storage.stats('2026-08-01', '2026-08-02');
      assert.deepEqual(after.decisions, [{ day: '2026-08-01', method: 'accept-all', count: 1 }]);
      assert.notDeepEqual(after.decisions, before.decisions);
      // Nothing of the visitor is left in the records: no consent id, no receipt id, no choice.
      const rows = await recordRows();
      for (const receiptId of ids(mine)) assert.ok(!rows.includes(receiptId));
      assert.ok(!rows.includes('erase-me'));
      assert.match(rows, /"receipt_id":"erased-leaf-\d+"/);
      const logged = await verify();
      assert.deepEqual(logged.problems, []);
      assert.deepEqual((await storage.erasures()).at(-1), {
        at: '2026-08-03T00:00:00.000Z',
        reason: 'request',
        rows: 2,
        actor: 'dpo@example.be',
        leafIndex: logged.size - 1,
      });
      assert.deepEqual((await storage.listErasures(1, 1)).erasures[0]!.leafIndex, logged.size - 1);
      assert.equal(
        await storage.eraseVisitor('erase-me', { at: '2026-08-05T00:00:00.000Z', actor: 'y' }),
        0,
      );
      // A new receipt still extends the log after the tombstones.
      await storage.insertRecords([stored('2026-08-04T00:00:00.000Z', { id: 'keep-me' })]);
      const extended = await verify();
      assert.deepEqual(extended.problems, []);
      assert.equal(extended.size, logged.size + 1);
    });
  });
}

describe('storage: PostgreSQL start-up checks', () => {
  test(
    'refuses to open a database it cannot write, with a clear error',
    { skip: PG_SKIP },
    async () => {
      const url = new URL(PG_URL!);
      url.searchParams.set('options', '-c default_transaction_read_only=on');
      await assert.rejects(
        openPostgres({ connectionString: url.toString() }),
        /read-only transaction|not writable/,
      );
    },
  );
});
