// Several sites, one collector, on both databases: receipts, hits, pre-consent counters and daily
// totals keep the site (the request's Origin); the records list, CSV, statistics and the list of sites
// read one site at a time.
import { after, before, describe, it as test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { purgeExpired } from '../../src/retention.js';
import type { Stats, Storage } from '../../src/storage/types.js';
import { BACKENDS, auth, hit, receipt, storedHit, testServer } from '../helpers.js';

const INAMI = 'https://www.inami.fgov.be';
const RIZIV = 'https://www.riziv.fgov.be';
const NOW = new Date('2031-06-15T12:00:00.000Z');
const TODAY = '2031-06-15';

for (const backend of BACKENDS) {
  describe(`several sites, one collector: ${backend.name}`, () => {
    // Each test carries the skip too, so a run without PostgreSQL counts them as skipped.
    const it = (name: string, fn: () => Promise<void>) => test(name, { skip: backend.skip }, fn);
    let app: FastifyInstance;
    let storage: Storage;
    let cleanup: () => Promise<void>;
    const post = (url: string, body: object, origin?: string) =>
      app.inject({
        method: 'POST',
        url,
        payload: JSON.stringify(body),
        headers: { 'content-type': 'text/plain;charset=UTF-8', ...(origin ? { origin } : {}) },
      });
    const get = async (url: string) => {
      const answer = await app.inject({ method: 'GET', url, headers: auth });
      assert.equal(answer.statusCode, 200, answer.body);
      return answer;
    };
    const stats = async (query: string) =>
      (await get(`/api/stats?from=2029-01-01&to=${TODAY}${query}`)).json<Stats>();

    before(async () => {
      if (backend.skip) return;
      ({ storage, cleanup } = await backend.open());
      ({ app } = await testServer({ origins: [INAMI, RIZIV] }, { storage, now: () => NOW }));
      const sent = [
        post('/consent', receipt({ id: 'inami-1', method: 'accept-all' }), INAMI),
        post('/consent', receipt({ id: 'inami-2', method: 'reject-all' }), INAMI),
        post('/consent', receipt({ id: 'riziv-1', method: 'accept-all' }), RIZIV),
        // Before consent: counters; after: rows.
        post('/collect', hit({ path: '/fr/' }), INAMI),
        post('/collect', hit({ path: '/fr/' }), INAMI),
        post('/collect', hit({ path: '/nl/' }), RIZIV),
        post('/collect', hit({ path: '/nl/thema/', consent: true }), RIZIV),
      ];
      for (const answer of await Promise.all(sent)) assert.equal(answer.statusCode, 202);
    });
    after(async () => {
      await app?.close();
      await cleanup?.();
    });

    it('lists the sites seen, and takes no request without an allowed Origin', async () => {
      assert.deepEqual((await get('/api/sites')).json(), { sites: [INAMI, RIZIV] });
      const unlisted = await post('/collect', hit(), 'https://www.example.be');
      assert.equal(unlisted.statusCode, 403);
      assert.equal((await post('/consent', receipt())).statusCode, 403);
    });

    it('filters the records list, its count and the CSV by site', async () => {
      const inami = (await get(`/api/records?site=${encodeURIComponent(INAMI)}`)).json<{
        total: number;
        records: Array<{ id: string; origin: string }>;
      }>();
      assert.equal(inami.total, 2);
      assert.deepEqual(inami.records.map((r) => [r.id, r.origin]).sort(), [
        ['inami-1', INAMI],
        ['inami-2', INAMI],
      ]);
      const all = (await get('/api/records?site=')).json<{ total: number }>();
      assert.equal(all.total, 3);
      const csv = (await get(`/api/records.csv?site=${encodeURIComponent(RIZIV)}`)).body;
      const lines = csv.trim().split('\r\n');
      assert.equal(lines.length, 2, csv);
      assert.match(lines[1]!, /riziv-1/);
    });

    it('gives the statistics of one site: decisions, acceptance and pageviews', async () => {
      const riziv = await stats(`&site=${encodeURIComponent(RIZIV)}`);
      assert.deepEqual(riziv.decisions, [{ day: TODAY, method: 'accept-all', count: 1 }]);
      assert.deepEqual(riziv.pageviews.byDay, [{ day: TODAY, count: 2, consented: 1 }]);
      assert.deepEqual(riziv.pageviews.byPath.map((p) => [p.path, p.count]).sort(), [
        ['/nl/', 1],
        ['/nl/thema/', 1],
      ]);
      const inami = await stats(`&site=${encodeURIComponent(INAMI)}`);
      assert.deepEqual(
        inami.decisions.map((d) => [d.method, d.count]),
        [
          ['accept-all', 1],
          ['reject-all', 1],
        ],
      );
      assert.deepEqual(inami.acceptance.find((a) => a.category === 'analytics')?.total, 2);
      assert.deepEqual(inami.pageviews.byDay, [{ day: TODAY, count: 2, consented: 0 }]);
      const everySite = await stats('');
      assert.deepEqual(everySite.pageviews.byDay, [{ day: TODAY, count: 4, consented: 1 }]);
      assert.equal(
        everySite.decisions.reduce((sum, d) => sum + d.count, 0),
        3,
      );
      // A site with nothing: empty, not everything.
      const none = await stats(`&site=${encodeURIComponent('https://www.example.be')}`);
      assert.deepEqual([none.decisions, none.pageviews.byDay], [[], []]);
    });

    it('keeps the site when the retention rolls old hits up into daily totals', async () => {
      await storage.insertHits([
        storedHit('2029-02-01', { site: INAMI, path: '/fr/ancien/' }),
        storedHit('2029-02-01', { site: RIZIV, path: '/nl/oud/' }),
        storedHit('2029-02-01', { site: RIZIV, path: '/nl/oud/' }),
      ]);
      const removed = await purgeExpired(storage, {
        recordsDays: 1826,
        hitsDays: 762,
        totalsDays: 3650,
        now: () => NOW,
      });
      assert.equal(removed.hits, 3);
      const day = '&from=2029-02-01&to=2029-02-01';
      const riziv = (await get(`/api/stats?site=${encodeURIComponent(RIZIV)}${day}`)).json<Stats>();
      assert.deepEqual(riziv.pageviews.byDay, [{ day: '2029-02-01', count: 2, consented: 0 }]);
      assert.deepEqual(riziv.pageviews.byPath, [{ path: '/nl/oud/', count: 2 }]);
      const inami = (await get(`/api/stats?site=${encodeURIComponent(INAMI)}${day}`)).json<Stats>();
      assert.deepEqual(inami.pageviews.byPath, [{ path: '/fr/ancien/', count: 1 }]);
    });

    it('refuses a site that is not an origin (400), whatever the endpoint', async () => {
      for (const url of [
        '/api/records?site=inami.fgov.be',
        '/api/records.csv?site=https://www.inami.fgov.be/fr/',
        '/api/stats?site=javascript:alert(1)',
      ]) {
        const answer = await app.inject({ method: 'GET', url, headers: auth });
        assert.equal(answer.statusCode, 400, url);
        assert.equal(answer.json().error, 'invalid');
      }
    });
  });
}
