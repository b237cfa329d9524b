// The reading endpoints as the admin page and the data-protection officer use them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openSqlite } from '../../src/storage/sqlite.js';
import type { StoredRecord } from '../../src/storage/types.js';
import { TOKEN, auth, stored, storedHit, testServer } from '../helpers.js';

const SHOWN = 'a'.repeat(64);

describe('reading endpoints', () => {
  let app: FastifyInstance;
  const rows: StoredRecord[] = [];
  before(async () => {
    const storage = await openSqlite(':memory:');
    for (let i = 0; i < 120; i++) {
      rows.push(
        stored(new Date(Date.parse('2026-02-01T00:00:00.000Z') + i * 3_600_000).toISOString(), {
          id: `v${i % 10}`,
          version: i < 60 ? '2026-01' : '2026-02',
          method: (['accept-all', 'reject-all', 'custom'] as const)[i % 3],
        }),
      );
    }
    rows.push(
      stored('2026-02-10T00:00:00.000Z', {
        receiptId: 'csv-receipt',
        id: '-23',
        path: '/fr/"quoted",page',
        version: '=SUM(1+1)',
        method: 'gpc',
        categories: { necessary: true },
        services: {},
        layer: 'signal',
        shown: SHOWN,
        v: '0.1.0',
      }),
    );
    await storage.insertRecords(rows);
    await storage.insertHits([storedHit('2026-02-02', { referrer: 'www.google.be' })]);
    ({ app } = await testServer({}, { storage, now: () => new Date('2026-02-15T12:00:00.000Z') }));
  });
  after(() => app.close());

  for (const url of ['/api/records', '/api/records.csv', '/api/records/v1', '/api/stats']) {
    it(`${url} answers 401 without the token or with a wrong one, 200 with it`, async () => {
      const none = await app.inject({ url });
      assert.equal(none.statusCode, 401);
      assert.equal(none.json().error, 'unauthorized');
      assert.equal(none.headers['www-authenticate'], 'Bearer');
      for (const authorization of [
        `Bearer ${TOKEN}x`,
        `Bearer ${TOKEN.slice(0, -1)}`,
        `Basic ${TOKEN}`,
        TOKEN,
        'Bearer ',
      ]) {
        assert.equal(
          (await app.inject({ url, headers: { authorization } })).statusCode,
          401,
          authorization,
        );
      }
      // The token is checked first: a bad parameter without a token is 401, not 400.
      const badQuery = `${url}?from=2026-13-45&pageSize=x`;
      for (const headers of [{}, { authorization: 'Bearer' }, { authorization: 'Bearer a b' }]) {
        const res = await app.inject({ url: badQuery, headers });
        assert.equal(res.statusCode, 401, JSON.stringify(headers));
      }
      const ok = await app.inject({ url, headers: auth });
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.headers['cache-control'], 'no-store');
    });
  }

  it('pages records newest first, with total, page and pageSize', async () => {
    const res = await app.inject({ url: '/api/records?page=2&pageSize=50', headers: auth });
    const body = res.json();
    assert.equal(body.total, 121);
    assert.equal(body.page, 2);
    assert.equal(body.pageSize, 50);
    assert.equal(body.records.length, 50);
    const times = body.records.map((r: StoredRecord) => r.receivedAt);
    assert.deepEqual(times, [...times].sort().reverse());
    assert.deepEqual(Object.keys(body.records[0]).sort(), [
      'categories',
      'clockSkew',
      'id',
      'lang',
      'layer',
      'method',
      'origin',
      'path',
      'receiptId',
      'receivedAt',
      'services',
      'shown',
      'ts',
      'v',
      'version',
    ]);
    const last = await app.inject({ url: '/api/records?page=3&pageSize=50', headers: auth });
    assert.equal(last.json().records.length, 21);
  });

  it('filters by dates, version, method and consent id; empty parameters mean no filter', async () => {
    const get = async (query: string) =>
      (await app.inject({ url: `/api/records?${query}`, headers: auth })).json();
    assert.equal((await get('from=2026-02-02&to=2026-02-02')).total, 24);
    assert.equal((await get('version=2026-02')).total, 60);
    assert.equal((await get('method=gpc')).total, 1);
    assert.equal((await get('id=v3&version=2026-01')).total, 6);
    assert.equal((await get('from=&to=&version=&method=&id=&page=&pageSize=')).total, 121);
  });

  it('refuses bad parameters with 400', async () => {
    for (const query of [
      'from=2026-02-30',
      'from=yesterday',
      'from=2026-03-01&to=2026-02-01',
      'page=0',
      'pageSize=501',
      'page=abc',
      'method=maybe',
      'to=9999-12-31',
      'from=1970-01-01',
      'from=3000-01-01',
      'to=2026-00-10',
      'sep=tab',
    ]) {
      const res = await app.inject({ url: `/api/records?${query}`, headers: auth });
      assert.equal(res.statusCode, 400, query);
      assert.equal(res.json().error, 'invalid');
      assert.equal(typeof res.json().message, 'string');
    }
    for (const url of ['/api/records.csv?to=9999-12-31', '/api/stats?to=9999-12-31']) {
      const res = await app.inject({ url, headers: auth });
      assert.equal(res.statusCode, 400, url);
      assert.match(res.json().message, /2000-01-01 to 2999-12-31/);
    }
  });

  it('finds a visitor whatever the case of the consent id typed', async () => {
    const upper = await app.inject({ url: '/api/records?id=V3', headers: auth });
    assert.equal(upper.json().total, 12);
    const history = await app.inject({ url: '/api/records/V3', headers: auth });
    assert.equal(history.json().id, 'v3');
    assert.equal(history.json().records.length, 12);
  });

  it('writes ; separators and a sep=; line for Belgian spreadsheets on ?sep=semicolon', async () => {
    const res = await app.inject({ url: '/api/records.csv?sep=semicolon', headers: auth });
    const lines = res.body.trimEnd().split('\r\n');
    assert.equal(lines[0], 'sep=;');
    assert.equal(
      lines[1],
      'receiptId;id;ts;receivedAt;clockSkew;origin;version;method;lang;path;categories;services;' +
        'layer;shown;v',
    );
    assert.equal(lines.length, 123);
    const line = lines.find((l) => l.startsWith('csv-receipt;'))!;
    assert.equal(
      line,
      `csv-receipt;'-23;2026-03-01T10:00:00.000Z;2026-02-10T00:00:00.000Z;false;;'=SUM(1+1);gpc;fr;` +
        `"/fr/""quoted"",page";"{""necessary"":true}";{};signal;${SHOWN};0.1.0`,
    );
    const comma = await app.inject({ url: '/api/records.csv?sep=comma', headers: auth });
    assert.match(comma.body, /^receiptId,id,/);
  });

  it('streams every matching record as CSV, formula cells neutralised', async () => {
    const res = await app.inject({ url: '/api/records.csv', headers: auth });
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.match(String(res.headers['content-disposition']), /attachment/);
    const lines = res.body.trimEnd().split('\r\n');
    assert.equal(
      lines[0],
      'receiptId,id,ts,receivedAt,clockSkew,origin,version,method,lang,path,categories,services,' +
        'layer,shown,v',
    );
    assert.equal(lines.length, 122);
    const line = lines.find((l) => l.startsWith('csv-receipt,'))!;
    assert.equal(
      line,
      `csv-receipt,'-23,2026-03-01T10:00:00.000Z,2026-02-10T00:00:00.000Z,false,,'=SUM(1+1),gpc,fr,` +
        `"/fr/""quoted"",page","{""necessary"":true}",{},signal,${SHOWN},0.1.0`,
    );
    const filtered = await app.inject({ url: '/api/records.csv?method=gpc', headers: auth });
    assert.equal(filtered.body.trimEnd().split('\r\n').length, 2);
  });

  it('gives one visitor every decision oldest first', async () => {
    const res = await app.inject({ url: '/api/records/v4', headers: auth });
    const body = res.json();
    assert.equal(body.id, 'v4');
    assert.equal(body.records.length, 12);
    const times = body.records.map((r: StoredRecord) => r.receivedAt);
    assert.deepEqual(times, [...times].sort());
    assert.deepEqual((await app.inject({ url: '/api/records/nobody', headers: auth })).json(), {
      id: 'nobody',
      records: [],
    });
    assert.equal(
      (await app.inject({ url: '/api/records/bad%20id', headers: auth })).statusCode,
      400,
    );
  });

  it('answers stats for a range and for the last 30 days by default', async () => {
    const res = await app.inject({
      url: '/api/stats?from=2026-02-01&to=2026-02-01',
      headers: auth,
    });
    const body = res.json();
    assert.deepEqual(body.decisions, [
      { day: '2026-02-01', method: 'accept-all', count: 8 },
      { day: '2026-02-01', method: 'custom', count: 8 },
      { day: '2026-02-01', method: 'reject-all', count: 8 },
    ]);
    assert.deepEqual(
      body.acceptance.find((a: { category: string }) => a.category === 'marketing'),
      { day: '2026-02-01', category: 'marketing', granted: 0, total: 24 },
    );
    assert.deepEqual(body.pageviews.byDay, []);
    const recent = (await app.inject({ url: '/api/stats', headers: auth })).json();
    assert.deepEqual(recent.pageviews.byReferrer, [{ referrer: 'www.google.be', count: 1 }]);
    assert.equal(
      recent.decisions.reduce((n: number, d: { count: number }) => n + d.count, 0),
      121,
    );
    assert.equal(
      (await app.inject({ url: '/api/stats?from=2026-13-01', headers: auth })).statusCode,
      400,
    );
  });
});

describe('access and erasure by consent id', () => {
  it('exports a visitor as JSON and erases them with the token, recording the erasure', async () => {
    const storage = await openSqlite(':memory:');
    const mine = [
      stored('2026-02-01T00:00:00.000Z', { id: 'ab-visitor' }),
      stored('2026-02-03T00:00:00.000Z', { id: 'ab-visitor', method: 'withdraw' }),
    ];
    await storage.insertRecords([...mine, stored('2026-02-02T00:00:00.000Z', { id: 'other' })]);
    const { app } = await testServer(
      {},
      { storage, now: () => new Date('2026-02-15T12:00:00.000Z') },
    );
    try {
      for (const [method, url] of [
        ['GET', '/api/records/ab-visitor/export'],
        ['DELETE', '/api/records/ab-visitor'],
      ] as const) {
        assert.equal((await app.inject({ method, url })).statusCode, 401, url);
      }
      const exported = await app.inject({ url: '/api/records/AB-visitor/export', headers: auth });
      assert.equal(exported.statusCode, 200);
      assert.match(
        String(exported.headers['content-disposition']),
        /attachment; filename="garde-consent-ab-visitor\.json"/,
      );
      assert.equal(exported.headers['cache-control'], 'no-store');
      const { log, ...body } = exported.json();
      assert.deepEqual(body, {
        id: 'ab-visitor',
        exportedAt: '2026-02-15T12:00:00.000Z',
        records: mine,
        // These records name no snapshot.
        snapshots: [],
      });
      // Each record has its inclusion proof, or waits for the next checkpoint (collector/test/log).
      assert.equal(log.proofs.length + log.pending.length, 2);
      const erased = await app.inject({
        method: 'DELETE',
        url: '/api/records/ab-visitor?by=DPO%20ticket%2042',
        headers: auth,
      });
      assert.equal(erased.statusCode, 200);
      assert.deepEqual(erased.json(), {
        id: 'ab-visitor',
        erased: 2,
        at: '2026-02-15T12:00:00.000Z',
      });
      assert.deepEqual(
        (await app.inject({ url: '/api/records/ab-visitor', headers: auth })).json(),
        {
          id: 'ab-visitor',
          records: [],
        },
      );
      const again = await app.inject({
        method: 'DELETE',
        url: '/api/records/ab-visitor',
        headers: auth,
      });
      assert.equal(again.statusCode, 404);
      const [erasure] = await storage.erasures();
      assert.deepEqual(
        { ...erasure, leafIndex: typeof erasure!.leafIndex },
        {
          at: '2026-02-15T12:00:00.000Z',
          reason: 'request',
          rows: 2,
          actor: 'DPO ticket 42',
          leafIndex: 'number',
        },
      );
      const badActor = await app.inject({
        method: 'DELETE',
        url: '/api/records/other?by=%3Cscript%3E',
        headers: auth,
      });
      assert.equal(badActor.statusCode, 400);
      assert.equal((await storage.visitorRecords('other')).length, 1);
    } finally {
      await app.close();
    }
  });
});

describe('CSV export failure', () => {
  it('logs the error and breaks the download instead of ending it as if complete', async () => {
    const storage = await openSqlite(':memory:');
    await storage.insertRecords([stored('2026-02-01T00:00:00.000Z', { id: 'export-visitor' })]);
    const failing = {
      ...storage,
      async *iterateRecords() {
        yield* storage.iterateRecords({});
        throw new Error('connection lost mid-export');
      },
    };
    const { app, log } = await testServer({}, { storage: failing });
    try {
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      // Cut before or after the headers, depending on timing: either way the client sees an error.
      await assert.rejects(
        fetch(`${url}/api/records.csv`, { headers: auth }).then((res) => res.text()),
      );
      assert.match(log.text(), /"msg":"CSV export failed"/);
      assert.match(log.text(), /connection lost mid-export/);
    } finally {
      await app.close();
    }
  });
});

describe('reading endpoints without GARDE_ADMIN_TOKEN', () => {
  it('stay closed with 503 whatever is sent, and say why', async () => {
    const { app } = await testServer({ adminToken: null });
    for (const url of ['/api/records', '/api/records.csv', '/api/records/v1', '/api/stats']) {
      for (const headers of [{}, auth, { authorization: 'Bearer ' }]) {
        const res = await app.inject({ url, headers });
        assert.equal(res.statusCode, 503);
        assert.match(res.json().message, /GARDE_ADMIN_TOKEN/);
      }
    }
    await app.close();
  });
});
