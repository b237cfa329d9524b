// What visitors were shown, on SQLite and PostgreSQL: a receipt's answer says whether the collector has its
// snapshot; the page then sends it, and it is stored once, checked against its hash, only when a stored
// receipt names it; the versions list and one snapshot by hash for the admin page.
import { after, before, describe, it as test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { canonicalJson, snapshotHash, type Snapshot } from 'garde/wire';
import { purgeExpired } from '../../src/retention.js';
import type { LogVerdict } from '../../src/log/verify-log.js';
import type { Storage } from '../../src/storage/types.js';
import { BACKENDS, auth, frenchSnapshot, receipt, testServer } from '../helpers.js';

const TEXT = { 'content-type': 'text/plain;charset=UTF-8' };

for (const backend of BACKENDS) {
  describe(`snapshots: ${backend.name}`, () => {
    const it = (name: string, fn: () => Promise<void>) => test(name, { skip: backend.skip }, fn);
    let app: FastifyInstance;
    let storage: Storage;
    let verify: () => Promise<LogVerdict>;
    let cleanup: () => Promise<void>;
    let clock = Date.parse('2026-03-02T08:00:00.000Z');
    const snapshot = frenchSnapshot();
    let shown: string;

    const postReceipt = (overrides: Parameters<typeof receipt>[0]) =>
      app.inject({
        method: 'POST',
        url: '/consent',
        headers: TEXT,
        payload: JSON.stringify(receipt({ ts: new Date(clock).toISOString(), ...overrides })),
      });
    const postSnapshot = (body: unknown) =>
      app.inject({
        method: 'POST',
        url: '/consent/snapshot',
        headers: TEXT,
        payload: JSON.stringify(body),
      });

    before(async () => {
      if (backend.skip) return;
      ({ storage, verify, cleanup } = await backend.open());
      ({ app } = await testServer({}, { storage, now: () => new Date(clock) }));
      shown = (await snapshotHash(snapshot))!;
    });
    after(async () => {
      await app?.close();
      await cleanup?.();
    });

    it('the hash is SHA-256 of the canonical serialisation: sorted keys, no whitespace', async () => {
      const text = canonicalJson({ b: [2, { d: 1, c: 'é' }], a: null });
      assert.equal(text, '{"a":null,"b":[2,{"c":"é","d":1}]}');
      assert.match(shown, /^[0-9a-f]{64}$/);
      // Key order does not matter, any text does.
      const reordered = Object.fromEntries(Object.entries(snapshot).reverse()) as Snapshot;
      assert.equal(await snapshotHash(reordered), shown);
      assert.notEqual(
        await snapshotHash(frenchSnapshot({ texts: { ...snapshot.texts, accept: 'Accepter' } })),
        shown,
      );
    });

    it('answers a receipt naming an unknown snapshot with {"snapshot":"missing"}, and stores its fields', async () => {
      const res = await postReceipt({ id: 'saw-1', shown, layer: 'banner', v: '0.1.0' });
      assert.equal(res.statusCode, 202);
      assert.deepEqual(res.json(), { snapshot: 'missing' });
      const [record] = await storage.visitorRecords('saw-1');
      assert.equal(record!.shown, shown);
      assert.equal(record!.layer, 'banner');
      assert.equal(record!.v, '0.1.0');
      // A receipt without `shown` (plain http, an older garde) is answered as before: no body.
      const plain = await postReceipt({ id: 'saw-nothing' });
      assert.equal(plain.statusCode, 202);
      assert.equal(plain.body, '');
    });

    it('refuses a snapshot whose hash is not the one given (400), or that no receipt names (409)', async () => {
      const wrong = await postSnapshot({ shown: 'f'.repeat(64), snapshot });
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.json().message, /not the SHA-256/);
      const other = frenchSnapshot({ lang: 'nl' });
      const unnamed = await postSnapshot({ shown: await snapshotHash(other), snapshot: other });
      assert.equal(unnamed.statusCode, 409);
      assert.equal(unnamed.json().error, 'unreferenced');
      const extra = await postSnapshot({ shown, snapshot: { ...snapshot, more: 'x' } });
      assert.equal(extra.statusCode, 400);
      assert.deepEqual(
        await storage.snapshotVersions(1, 50).then((v) => v.versions.map((x) => x.hash)),
        [shown],
      );
    });

    it('stores a snapshot once, as the canonical text that was hashed; later receipts hear "known"', async () => {
      // Sent as a browser sends JSON: keys in any order.
      const first = await postSnapshot({ snapshot, shown });
      assert.equal(first.statusCode, 201);
      assert.deepEqual(first.json(), { snapshot: 'stored' });
      const again = await postSnapshot({ shown, snapshot });
      assert.equal(again.statusCode, 200);
      assert.deepEqual(again.json(), { snapshot: 'known' });
      const kept = await storage.snapshot(shown);
      assert.equal(kept!.content, canonicalJson(snapshot));
      assert.equal(kept!.lang, 'fr');
      assert.equal(kept!.policyVersion, '2020-12-07');
      assert.equal(kept!.v, '0.1.0');
      assert.equal(kept!.storedAt, '2026-03-02T08:00:00.000Z');
      assert.deepEqual(await storage.insertSnapshot({ ...kept! }), 'known');
      clock += 3_600_000;
      const later = await postReceipt({ id: 'saw-2', shown, layer: 'dialog', v: '0.1.0' });
      assert.deepEqual(later.json(), { snapshot: 'known' });
    });

    it('lists the versions: hash, language, versions, first and last seen, receipts; a missing one too', async () => {
      clock += 3_600_000;
      const missing = 'e'.repeat(64);
      await postReceipt({ id: 'saw-3', shown: missing, layer: 'api', v: '0.1.0' });
      const res = await app.inject({ url: '/api/snapshots', headers: auth });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json().total, 2);
      assert.deepEqual(res.json().versions, [
        {
          hash: missing,
          lang: null,
          v: null,
          policyVersion: null,
          storedAt: null,
          firstSeen: '2026-03-02T10:00:00.000Z',
          lastSeen: '2026-03-02T10:00:00.000Z',
          receipts: 1,
          publishedAt: null,
        },
        {
          hash: shown,
          lang: 'fr',
          v: '0.1.0',
          policyVersion: '2020-12-07',
          storedAt: '2026-03-02T08:00:00.000Z',
          firstSeen: '2026-03-02T08:00:00.000Z',
          lastSeen: '2026-03-02T09:00:00.000Z',
          receipts: 2,
          publishedAt: null,
        },
      ]);
      assert.equal((await app.inject({ url: '/api/snapshots' })).statusCode, 401);
    });

    it('gives one snapshot by hash to the admin page (404 when it lacks it)', async () => {
      const res = await app.inject({ url: `/api/snapshots/${shown}`, headers: auth });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), {
        hash: shown,
        lang: 'fr',
        v: '0.1.0',
        policyVersion: '2020-12-07',
        storedAt: '2026-03-02T08:00:00.000Z',
        snapshot,
      });
      const absent = await app.inject({ url: `/api/snapshots/${'e'.repeat(64)}`, headers: auth });
      assert.equal(absent.statusCode, 404);
      const bad = await app.inject({ url: '/api/snapshots/not-a-hash', headers: auth });
      assert.equal(bad.statusCode, 400);
    });

    // An edit of shown, layer or v in the database is found by verify: collector/test/log/verify-log.test.ts.
    it('puts shown, layer and v with the receipt into the log, which verifies', async () => {
      const verdict = await verify();
      assert.deepEqual(verdict.problems, []);
      assert.ok(verdict.records >= 2);
    });

    it('an erased visitor leaves no shown behind, and stops counting in the versions', async () => {
      await storage.eraseVisitor('saw-2', { at: '2026-03-03T00:00:00.000Z', actor: 'test' });
      const { versions } = await storage.snapshotVersions(1, 50);
      assert.equal(versions.find((v) => v.hash === shown)!.receipts, 1);
      assert.deepEqual((await verify()).problems, []);
    });
  });
}

// The archive cannot be flooded nor outlive the receipts: a size limit, a daily quota per client, the
// snapshot erased with the last receipt naming it (on request and by retention) unless the site
// registered it, and a paginated versions list.
for (const backend of BACKENDS) {
  describe(`the archive's limits: ${backend.name}`, () => {
    const it = (name: string, fn: () => Promise<void>) => test(name, { skip: backend.skip }, fn);
    let app: FastifyInstance;
    let storage: Storage;
    let cleanup: () => Promise<void>;
    let clock = Date.parse('2026-03-02T08:00:00.000Z');
    const post = (url: string, body: unknown, remoteAddress = '198.51.100.7') =>
      app.inject({
        method: 'POST',
        url,
        headers: TEXT,
        payload: JSON.stringify(body),
        remoteAddress,
      });
    // A receipt naming `snapshot`, then the snapshot, from one client.
    const show = async (snapshot: Snapshot, id: string, remoteAddress?: string) => {
      const shown = (await snapshotHash(snapshot))!;
      const ts = new Date(clock).toISOString();
      assert.equal(
        (await post('/consent', receipt({ id, ts, shown }), remoteAddress)).statusCode,
        202,
      );
      return { shown, res: await post('/consent/snapshot', { shown, snapshot }, remoteAddress) };
    };
    const variant = (n: number) =>
      frenchSnapshot({ texts: { ...frenchSnapshot().texts, title: `Cookies sur ce site (${n})` } });

    before(async () => {
      if (backend.skip) return;
      ({ storage, cleanup } = await backend.open());
      ({ app } = await testServer({ snapshotQuota: 3 }, { storage, now: () => new Date(clock) }));
    });
    after(async () => {
      await app?.close();
      await cleanup?.();
    });

    it('refuses a snapshot body over 32 KB (413) and stores nothing', async () => {
      const big = frenchSnapshot({
        texts: Object.fromEntries(
          Array.from({ length: 9 }, (_, i) => [`text${i}`, 'x'.repeat(3_900)]),
        ),
      });
      const { shown, res } = await show(big, 'big-visitor');
      assert.equal(res.statusCode, 413);
      assert.equal(await storage.snapshot(shown), null);
    });

    it('takes 3 new snapshots a day from one client (429 after), others still get in', async () => {
      for (const n of [1, 2, 3])
        assert.equal((await show(variant(n), `q-${n}`)).res.statusCode, 201);
      const over = await show(variant(4), 'q-4');
      assert.equal(over.res.statusCode, 429);
      assert.equal(over.res.json().error, 'quota');
      assert.equal(await storage.snapshot(over.shown), null);
      // Known snapshots cost nothing; another client has its own quota; the next day starts afresh.
      assert.equal(
        (
          await post('/consent/snapshot', {
            shown: (await snapshotHash(variant(1)))!,
            snapshot: variant(1),
          })
        ).statusCode,
        200,
      );
      assert.equal((await show(variant(5), 'q-5', '203.0.113.50')).res.statusCode, 201);
      clock += 86_400_000;
      assert.equal(
        (await post('/consent/snapshot', { shown: over.shown, snapshot: variant(4) })).statusCode,
        201,
      );
    });

    it('erases a snapshot with the last receipt naming it; a later receipt hears "missing" again', async () => {
      const shown = (await snapshotHash(variant(1)))!;
      const erase = (id: string) =>
        app.inject({ method: 'DELETE', url: `/api/records/${id}`, headers: auth });
      assert.equal((await post('/consent', receipt({ id: 'q-1b', shown }))).statusCode, 202);
      assert.equal((await erase('q-1')).statusCode, 200);
      assert.notEqual(await storage.snapshot(shown), null, 'still named by q-1b');
      assert.equal((await erase('q-1b')).statusCode, 200);
      assert.equal(await storage.snapshot(shown), null);
      const again = await post('/consent', receipt({ id: 'q-1c', shown }));
      assert.deepEqual(again.json(), { snapshot: 'missing' });
    });

    it("registers the site's own snapshots with the token: kept without receipts, marked published", async () => {
      const published = frenchSnapshot({
        lang: 'nl',
        policy: { url: '/nl/privacy', version: '2026-04' },
      });
      const hash = (await snapshotHash(published))!;
      const publish = (headers: Record<string, string>) =>
        app.inject({
          method: 'POST',
          url: '/api/snapshots',
          headers: { 'content-type': 'application/json', ...headers },
          payload: JSON.stringify({ snapshot: published }),
        });
      assert.equal((await publish({})).statusCode, 401);
      const first = await publish(auth);
      assert.equal(first.statusCode, 201);
      assert.deepEqual(first.json(), { hash, published: true, snapshot: 'stored' });
      assert.equal((await publish(auth)).statusCode, 200);
      // A snapshot browsers reported first becomes published too.
      const reported = (await snapshotHash(variant(2)))!;
      assert.equal(
        (
          await app.inject({
            method: 'POST',
            url: '/api/snapshots',
            headers: { 'content-type': 'application/json', ...auth },
            payload: JSON.stringify({ snapshot: variant(2) }),
          })
        ).json().snapshot,
        'known',
      );
      // Retention far ahead: every receipt goes, and every snapshot with it, but the published ones.
      clock += 6 * 365 * 86_400_000;
      const removed = await purgeExpired(storage, {
        recordsDays: 1826,
        hitsDays: 762,
        now: () => new Date(clock),
      });
      assert.equal(removed.snapshots, 3);
      const list = (await app.inject({ url: '/api/snapshots', headers: auth })).json();
      assert.deepEqual(
        list.versions
          .map((v: { hash: string; publishedAt: string | null }) => [
            v.hash,
            v.publishedAt !== null,
          ])
          .sort(),
        [
          [hash, true],
          [reported, true],
        ].sort(),
      );
      const answer = await post('/consent', receipt({ id: 'after', shown: hash }));
      assert.deepEqual(answer.json(), { snapshot: 'known' });
    });

    it('pages the versions list: total, page, pageSize; 400 past the largest page size', async () => {
      for (let n = 10; n < 15; n++) await show(variant(n), `p-${n}`, `203.0.113.${n}`);
      const page = (query: string) => app.inject({ url: `/api/snapshots?${query}`, headers: auth });
      const all = (await page('pageSize=200')).json();
      assert.equal(all.total, all.versions.length);
      const first = (await page('page=1&pageSize=2')).json();
      const second = (await page('page=2&pageSize=2')).json();
      assert.deepEqual(
        [first.total, first.page, first.pageSize, first.versions.length],
        [all.total, 1, 2, 2],
      );
      assert.deepEqual(
        [...first.versions, ...second.versions].map((v: { hash: string }) => v.hash),
        all.versions.slice(0, 4).map((v: { hash: string }) => v.hash),
      );
      const beyond = (await page('page=99&pageSize=2')).json();
      assert.deepEqual([beyond.total, beyond.versions], [all.total, []]);
      assert.equal((await page('pageSize=201')).statusCode, 400);
      assert.equal((await page('page=0')).statusCode, 400);
    });
  });
}

describe("snapshots: the drop-in's own builder", () => {
  test('its snapshot in each language passes the schema, and its text is the canonical serialisation', async () => {
    // The build puts garde's version in place of __GARDE_VERSION__; here the test does.
    (globalThis as { __GARDE_VERSION__?: string }).__GARDE_VERSION__ = '0.1.0';
    // validateConfig reads the page's language, as the drop-in runs it in a page.
    const page = globalThis as { document?: unknown };
    page.document ??= { documentElement: { lang: 'fr' } };
    const { buildSnapshot, snapshotText } = await import('../../../src/i18n/snapshot.js');
    const { validateConfig } = await import('../../../src/core/config.js');
    const config = validateConfig({
      policy: { url: { fr: '/fr/vie-privee', nl: '/nl/privacy' }, version: '2020-12-07' },
      categories: { analytics: { label: { fr: 'Mesure d’audience', nl: 'Statistieken' } } },
      services: {
        matomo: {
          category: 'analytics',
          provider: 'INAMI',
          cookies: ['_pk_ses.*', { name: '_pk_id.*', purpose: { fr: 'Visiteur', nl: 'Bezoeker' } }],
        },
      },
    });
    const { app } = await testServer();
    try {
      for (const lang of ['fr', 'nl', 'de', 'en'] as const) {
        const text = snapshotText({ config, lang });
        assert.equal(text, canonicalJson(buildSnapshot({ config, lang })));
        const shown = (await snapshotHash(JSON.parse(text)))!;
        const sent = await app.inject({
          method: 'POST',
          url: '/consent',
          headers: TEXT,
          payload: JSON.stringify(receipt({ lang, shown, layer: 'banner', v: '0.1.0' })),
        });
        assert.deepEqual(sent.json(), { snapshot: 'missing' });
        // The body exactly as src/core/shown.ts writes it.
        const upload = await app.inject({
          method: 'POST',
          url: '/consent/snapshot',
          headers: TEXT,
          payload: `{"shown":"${shown}","snapshot":${text}}`,
        });
        assert.equal(upload.statusCode, 201, upload.body);
      }
    } finally {
      await app.close();
    }
  });
});
