// DELETE /api/analytics?path=: a personal path found in the analytics is erased from the raw hits, the
// day counters and the daily totals, with every path below it, on both databases.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { purgeExpired } from '../../src/retention.js';
import { BACKENDS, auth, hit, testServer } from '../helpers.js';

const TEXT = { 'content-type': 'text/plain;charset=UTF-8' };

for (const backend of BACKENDS) {
  describe(`erasure of a path in the analytics: ${backend.name}`, { skip: backend.skip }, () => {
    it('removes the hits, counters and daily totals of the path and below it, and nothing else', async () => {
      const { storage, cleanup } = await backend.open();
      let clock = Date.parse('2026-03-02T08:00:00.000Z');
      const { app, log } = await testServer(
        { retentionTotalsDays: 3650 },
        { storage, now: () => new Date(clock) },
      );
      try {
        const post = (path: string, consent: boolean) =>
          app.inject({
            method: 'POST',
            url: '/collect',
            headers: TEXT,
            payload: JSON.stringify(hit({ path, consent })),
          });
        const personal = '/nl/patiënt/jan-peeters/';
        for (const path of [personal, `${personal}brieven/`, '/nl/patiënt/', '/fr/']) {
          assert.equal((await post(path, true)).statusCode, 202);
          assert.equal((await post(path, false)).statusCode, 202);
        }
        // Hits of that day become daily totals, on the next day's purge.
        clock += 2 * 86_400_000;
        await purgeExpired(storage, {
          recordsDays: 1826,
          hitsDays: 1,
          totalsDays: 3650,
          now: () => new Date(clock),
        });
        assert.equal((await post(personal, true)).statusCode, 202);

        const paths = async () =>
          (
            (
              await app.inject({ url: '/api/stats?from=2026-03-01&to=2026-03-31', headers: auth })
            ).json().pageviews.byPath as Array<{ path: string; count: number }>
          ).map((p) => decodeURI(p.path));
        assert.ok((await paths()).includes(personal));

        const refused = await app.inject({
          method: 'DELETE',
          url: '/api/analytics?path=/',
          headers: auth,
        });
        assert.equal(refused.statusCode, 400);
        const none = await app.inject({
          method: 'DELETE',
          url: `/api/analytics?path=${encodeURIComponent(personal)}`,
        });
        assert.equal(none.statusCode, 401);

        const erased = await app.inject({
          method: 'DELETE',
          url: `/api/analytics?path=${encodeURIComponent(personal)}`,
          headers: auth,
        });
        assert.equal(erased.statusCode, 200);
        // One raw hit left (after the roll-up), two counters, two rows of path totals.
        assert.deepEqual(erased.json(), {
          path: personal,
          hits: 1,
          counters: 2,
          totals: 2,
          at: new Date(clock).toISOString(),
        });
        assert.deepEqual((await paths()).sort(), ['/fr/', '/nl/patiënt/']);
        assert.match(log.text(), /"removed":\{"hits":1,"counters":2,"totals":2\}/);
        assert.ok(!log.text().includes('jan-peeters'));
        // The day's total stays (it holds no path); the path's own counters and raw hit are gone.
        const days = (
          await app.inject({ url: '/api/stats?from=2026-03-01&to=2026-03-31', headers: auth })
        ).json().pageviews.byDay;
        assert.equal(
          days.reduce((sum: number, d: { count: number }) => sum + d.count, 0),
          9 - 3,
        );
      } finally {
        await app.close();
        await cleanup();
      }
    });
  });
}
