// GET /api/erasures as the data-protection officer reads it: erasure requests and retention runs, newest
// first, with the retention period in force; on both databases.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS, TOKEN, auth, stored, testServer } from '../helpers.js';

const NOW = new Date('2031-06-15T12:00:00.000Z');
const VISITOR = '3f0c6a52-8f1e-4a57-9a0e-1f7f6f0e2b9d';
const SILENT = '9d7e1c2b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

for (const backend of BACKENDS) {
  describe(`GET /api/erasures: ${backend.name}`, { skip: backend.skip }, () => {
    it('lists an erasure request and a retention run, newest first, with the retention period', async () => {
      const { storage, cleanup } = await backend.open();
      // SILENT's last decision is older than the 5 years kept: the retention run at start erases it.
      await storage.insertRecords([
        stored('2026-06-14T11:00:00.000Z', { id: SILENT }),
        stored('2031-06-01T11:00:00.000Z', { id: VISITOR }),
        stored('2031-06-02T11:00:00.000Z', { id: VISITOR, method: 'withdraw' }),
      ]);
      const { app } = await testServer({ retentionRecordsDays: 1826 }, { storage, now: () => NOW });
      try {
        const none = await app.inject({ url: '/api/erasures' });
        assert.equal(none.statusCode, 401);
        assert.equal(none.json().error, 'unauthorized');
        assert.equal(none.headers['www-authenticate'], 'Bearer');
        const wrong = { authorization: `Bearer ${TOKEN}x` };
        assert.equal((await app.inject({ url: '/api/erasures', headers: wrong })).statusCode, 401);
        // The token is checked before the query: a bad page without a token is 401, not 400.
        assert.equal((await app.inject({ url: '/api/erasures?page=x' })).statusCode, 401);

        const erased = await app.inject({
          method: 'DELETE',
          url: `/api/records/${VISITOR}?by=DPO%20ticket%2042`,
          headers: auth,
        });
        assert.equal(erased.statusCode, 200);

        const res = await app.inject({ url: '/api/erasures', headers: auth });
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['cache-control'], 'no-store');
        assert.deepEqual(res.json(), {
          total: 2,
          page: 1,
          pageSize: 50,
          retention: { recordsDays: 1826, hitsDays: 762, totalsDays: 762 },
          // Each with its leaf in the log: after the three receipts' leaves (0–2), the retention
          // run's erasure (3), then the request's (4).
          erasures: [
            {
              at: NOW.toISOString(),
              reason: 'request',
              rows: 2,
              actor: 'DPO ticket 42',
              leafIndex: 4,
            },
            {
              at: NOW.toISOString(),
              reason: 'retention',
              rows: 1,
              actor: 'retention',
              leafIndex: 3,
            },
          ],
        });
        // An erasure keeps nothing of what it erased.
        assert.doesNotMatch(res.body, new RegExp(`${VISITOR}|${SILENT}`));

        const second = await app.inject({ url: '/api/erasures?page=2&pageSize=1', headers: auth });
        assert.deepEqual(second.json().erasures, [
          { at: NOW.toISOString(), reason: 'retention', rows: 1, actor: 'retention', leafIndex: 3 },
        ]);
        assert.equal(second.json().total, 2);
        const beyond = await app.inject({ url: '/api/erasures?page=3&pageSize=1', headers: auth });
        assert.deepEqual(beyond.json().erasures, []);

        for (const query of ['pageSize=501', 'pageSize=0', 'page=0', 'page=-1', 'pageSize=x']) {
          const bad = await app.inject({ url: `/api/erasures?${query}`, headers: auth });
          assert.equal(bad.statusCode, 400, query);
          assert.equal(bad.json().error, 'invalid', query);
        }
      } finally {
        await app.close();
        await cleanup();
      }
    });
  });
}
