// The server around the routes: rate limit, origins, static folders, errors.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { ADMIN_DIST } from '../src/server.js';
import Database from 'better-sqlite3';
import { purgeExpired } from '../src/retention.js';
import { openSqlite } from '../src/storage/sqlite.js';
import { BACKENDS, auth, hit, receipt, tempDir, testServer } from './helpers.js';

const TEXT = { 'content-type': 'text/plain;charset=UTF-8' };

describe('rate limit', () => {
  it('answers 429 with JSON to a flood from one client, without logging its IP, and not to others', async () => {
    const storage = await openSqlite(':memory:');
    const { app, log } = await testServer({ rateLimit: 20 }, { storage });
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/consent',
        remoteAddress: '192.0.2.50',
        headers: TEXT,
        payload: JSON.stringify(receipt({ id: 'flood' })),
      });
      codes.push(res.statusCode);
      if (res.statusCode === 429) {
        assert.equal(res.json().error, 'rate_limited');
        assert.match(res.json().message, /retry/);
      }
    }
    assert.deepEqual(codes, [...Array(20).fill(202), ...Array(10).fill(429)]);
    assert.equal((await storage.visitorRecords('flood')).length, 20);
    const other = await app.inject({
      method: 'POST',
      url: '/collect',
      remoteAddress: '192.0.2.51',
      headers: TEXT,
      payload: JSON.stringify(hit()),
    });
    assert.equal(other.statusCode, 202);
    assert.match(log.text(), /"status":429/);
    assert.ok(!log.text().includes('192.0.2.5'));
    await app.close();
  });

  it('counts an IPv6 client per /64, so rotating addresses inside it does not escape the limit', async () => {
    const { app } = await testServer({ rateLimit: 5 });
    const codes: number[] = [];
    for (let i = 1; i <= 8; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/collect',
        remoteAddress: `2001:db8:aa:bb:${i.toString(16)}::${i}`,
        headers: TEXT,
        payload: JSON.stringify(hit()),
      });
      codes.push(res.statusCode);
    }
    assert.deepEqual(codes, [...Array(5).fill(202), ...Array(3).fill(429)]);
    const neighbour = await app.inject({
      method: 'POST',
      url: '/collect',
      remoteAddress: '2001:db8:aa:bc::1',
      headers: TEXT,
      payload: JSON.stringify(hit()),
    });
    assert.equal(neighbour.statusCode, 202);
    await app.close();
  });
});

describe('--trust-proxy', () => {
  // The proxy at 10.0.0.2 appends the address it saw; whatever the client wrote before that is a claim.
  const viaProxy = (forwarded: string) => ({
    method: 'POST' as const,
    url: '/collect',
    remoteAddress: '10.0.0.2',
    headers: { ...TEXT, 'x-forwarded-for': forwarded },
    payload: JSON.stringify(hit({ consent: true })),
  });

  for (const trustProxy of [1, ['10.0.0.0/8']]) {
    it(`believes only the trusted hop (${JSON.stringify(trustProxy)}), for the limit and the network`, async () => {
      const tmp = tempDir();
      const file = join(tmp.dir, 'proxy.sqlite');
      const { app } = await testServer(
        { rateLimit: 3, trustProxy },
        { storage: await openSqlite(file) },
      );
      const codes: number[] = [];
      // A client forging a new X-Forwarded-For each time is still one client: 198.51.100.7.
      for (let i = 0; i < 5; i++) {
        codes.push((await app.inject(viaProxy(`203.0.113.${i}, 198.51.100.7`))).statusCode);
      }
      assert.deepEqual(codes, [202, 202, 202, 429, 429]);
      assert.equal((await app.inject(viaProxy('198.51.100.8'))).statusCode, 202);
      await app.close();
      const db = new Database(file, { readonly: true });
      const networks = db.prepare('SELECT network FROM hits').all() as Array<{ network: string }>;
      db.close();
      assert.deepEqual(
        networks.map((row) => row.network),
        ['198.51.0.0', '198.51.0.0', '198.51.0.0', '198.51.0.0'],
      );
      tmp.remove();
    });
  }

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const { app } = await testServer({ rateLimit: 2, trustProxy: ['10.9.9.9'] });
    const codes: number[] = [];
    for (let i = 0; i < 3; i++)
      codes.push((await app.inject(viaProxy(`203.0.113.${i}`))).statusCode);
    assert.deepEqual(codes, [202, 202, 429]);
    await app.close();
  });
});

describe('timeouts', () => {
  it('cuts a client that sends half a body and stalls', { timeout: 10_000 }, async () => {
    const storage = await openSqlite(':memory:');
    const { app } = await testServer({ requestTimeoutMs: 1000 }, { storage });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const body = JSON.stringify(receipt({ id: 'slow-visitor' }));
    const started = Date.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
      socket.write(
        `POST /consent HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n` +
          `Content-Length: ${body.length}\r\n\r\n${body.slice(0, body.length / 2)}`,
      );
    });
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 900 && elapsed < 5000, `closed after ${elapsed} ms`);
    assert.ok(answer === '' || /^HTTP\/1\.1 408/.test(answer), answer);
    assert.deepEqual(await storage.visitorRecords('slow-visitor'), []);
    await app.close();
  });
});

describe('origins', () => {
  it('with --origin: CORS headers for a listed origin, 403 and nothing stored for another', async () => {
    const storage = await openSqlite(':memory:');
    const { app } = await testServer({ origins: ['https://www.inami.fgov.be'] }, { storage });
    const ok = await app.inject({
      method: 'POST',
      url: '/consent',
      payload: JSON.stringify(receipt({ id: 'cors-ok' })),
      headers: { ...TEXT, origin: 'https://www.inami.fgov.be' },
    });
    assert.equal(ok.statusCode, 202);
    assert.equal(ok.headers['access-control-allow-origin'], 'https://www.inami.fgov.be');
    assert.equal(ok.headers['access-control-allow-credentials'], undefined);
    const evil = await app.inject({
      method: 'POST',
      url: '/consent',
      payload: JSON.stringify(receipt({ id: 'cors-evil' })),
      headers: { ...TEXT, origin: 'https://evil.example' },
    });
    assert.equal(evil.statusCode, 403);
    assert.equal(evil.json().error, 'origin');
    assert.equal(evil.headers['access-control-allow-origin'], undefined);
    assert.deepEqual(await storage.visitorRecords('cors-evil'), []);
    // With a list, a receipt without any Origin (a script, not a browser on the site) is refused too.
    const bare = await app.inject({
      method: 'POST',
      url: '/consent',
      payload: JSON.stringify(receipt({ id: 'cors-bare' })),
      headers: TEXT,
    });
    assert.equal(bare.statusCode, 403);
    assert.deepEqual(await storage.visitorRecords('cors-bare'), []);
    assert.equal((await storage.visitorRecords('cors-ok'))[0]?.origin, 'https://www.inami.fgov.be');
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/collect',
      headers: { origin: 'https://www.inami.fgov.be', 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.statusCode, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], 'https://www.inami.fgov.be');
    assert.equal(preflight.headers['access-control-allow-headers'], 'content-type');
    const badPreflight = await app.inject({
      method: 'OPTIONS',
      url: '/collect',
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(badPreflight.statusCode, 403);
    // The reading endpoints never answer cross-origin requests with CORS headers.
    const read = await app.inject({
      url: '/api/stats',
      headers: { origin: 'https://www.inami.fgov.be' },
    });
    assert.equal(read.headers['access-control-allow-origin'], undefined);
    await app.close();
  });

  it("without --origin: the collector's own origin only", async () => {
    const { app } = await testServer();
    const same = await app.inject({
      method: 'POST',
      url: '/collect',
      payload: JSON.stringify(hit()),
      headers: { ...TEXT, host: '127.0.0.1:8787', origin: 'http://127.0.0.1:8787' },
    });
    assert.equal(same.statusCode, 202);
    const other = await app.inject({
      method: 'POST',
      url: '/collect',
      payload: JSON.stringify(hit()),
      headers: { ...TEXT, host: '127.0.0.1:8787', origin: 'http://localhost:3000' },
    });
    assert.equal(other.statusCode, 403);
    await app.close();
  });
});

describe('static folders and errors', () => {
  it('serves --static folders at the root, first folder first, and JSON 404 elsewhere', async () => {
    const tmp = tempDir();
    mkdirSync(join(tmp.dir, 'demo/fr'), { recursive: true });
    mkdirSync(join(tmp.dir, 'dist'));
    writeFileSync(join(tmp.dir, 'demo/fr/index.html'), '<!doctype html><title>fr</title>');
    writeFileSync(join(tmp.dir, 'dist/garde.js'), 'console.log("garde")');
    const { app } = await testServer({
      staticDirs: [join(tmp.dir, 'demo'), join(tmp.dir, 'dist')],
    });
    const page = await app.inject({ url: '/fr/index.html' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>fr<\/title>/);
    assert.equal((await app.inject({ url: '/fr/' })).statusCode, 200);
    const js = await app.inject({ url: '/garde.js' });
    assert.equal(js.statusCode, 200);
    assert.match(String(js.headers['content-type']), /javascript/);
    assert.equal(js.headers['x-content-type-options'], 'nosniff');
    const missing = await app.inject({ url: '/nothing-here' });
    assert.equal(missing.statusCode, 404);
    const outside = await app.inject({ url: '/../package.json' });
    assert.equal(outside.statusCode, 404);
    assert.equal((await app.inject({ url: '/api/unknown' })).json().error, 'not_found');
    await app.close();
    tmp.remove();
  });

  it(
    'mounts the admin page at /admin/ when it is built',
    { skip: !existsSync(join(ADMIN_DIST, 'index.html')) && 'collector/admin/dist is not built' },
    async () => {
      const { app } = await testServer();
      const redirect = await app.inject({ url: '/admin' });
      assert.equal(redirect.statusCode, 302);
      assert.equal(redirect.headers.location, '/admin/');
      const page = await app.inject({ url: '/admin/' });
      assert.equal(page.statusCode, 200);
      assert.match(String(page.headers['content-type']), /text\/html/);
      await app.close();
    },
  );
});

describe('database failure', () => {
  it('answers 500, never 202, when the commit fails, and logs no receipt data', async () => {
    const storage = await openSqlite(':memory:');
    const failing = {
      ...storage,
      insertRecords: async () => {
        throw new Error('disk I/O error');
      },
    };
    const { app, log } = await testServer({}, { storage: failing });
    const r = receipt({ id: 'failing-visitor', path: '/fr/failing-mark' });
    const res = await app.inject({
      method: 'POST',
      url: '/consent',
      headers: TEXT,
      payload: JSON.stringify(r),
    });
    assert.equal(res.statusCode, 500);
    assert.equal(res.json().error, 'internal');
    assert.match(log.text(), /disk I\/O error/);
    assert.ok(!log.text().includes('failing-visitor') && !log.text().includes('failing-mark'));
    await app.close();
  });
});

describe('the same HTTP answers on every storage', () => {
  for (const backend of BACKENDS) {
    it(`ingests and reads back on ${backend.name}`, { skip: backend.skip }, async () => {
      const { storage, cleanup } = await backend.open();
      // The server closes the storage it is given; cleanup then only drops what is left.
      const { app } = await testServer(
        {},
        { storage, now: () => new Date('2026-09-01T10:00:00.000Z') },
      );
      const r = receipt({
        id: 'http-visitor',
        categories: { necessary: true, analytics: false },
        layer: 'dialog',
        shown: 'c'.repeat(64),
        v: '0.1.0',
      });
      const post = (url: string, body: object) =>
        app.inject({
          method: 'POST',
          url,
          headers: TEXT,
          payload: JSON.stringify(body),
          remoteAddress: '198.51.100.9',
        });
      const first = await post('/consent', r);
      assert.equal(first.statusCode, 202);
      assert.deepEqual(first.json(), { snapshot: 'missing' });
      assert.equal((await post('/consent', r)).statusCode, 202);
      assert.equal(
        (await post('/collect', hit({ referrer: 'https://www.google.be/x' }))).statusCode,
        202,
      );
      const list = (
        await app.inject({ url: '/api/records?from=2026-09-01&to=2026-09-01', headers: auth })
      ).json();
      assert.deepEqual(list, {
        total: 1,
        page: 1,
        pageSize: 50,
        records: [{ ...r, receivedAt: '2026-09-01T10:00:00.000Z', origin: null, clockSkew: true }],
      });
      const stats = (
        await app.inject({ url: '/api/stats?from=2026-09-01&to=2026-09-01', headers: auth })
      ).json();
      assert.deepEqual(stats.decisions, [{ day: '2026-09-01', method: 'custom', count: 1 }]);
      assert.deepEqual(stats.acceptance, [
        { day: '2026-09-01', category: 'analytics', granted: 0, total: 1 },
        { day: '2026-09-01', category: 'necessary', granted: 1, total: 1 },
      ]);
      assert.deepEqual(stats.pageviews.byDay, [{ day: '2026-09-01', count: 1, consented: 0 }]);
      assert.deepEqual(stats.pageviews.byReferrer, [{ referrer: 'www.google.be', count: 1 }]);
      // The log's head: the receipt is a leaf once the sequencer's round has run.
      await storage.log.sequence();
      const head = (await app.inject({ url: '/api/stats', headers: auth })).json().log;
      assert.equal(head.size, 1);
      assert.match(head.root, /^[0-9a-f]{64}$/);
      const csv = (await app.inject({ url: '/api/records.csv', headers: auth })).body
        .trimEnd()
        .split('\r\n');
      assert.equal(csv.length, 2);
      await app.close();
      await cleanup();
    });
  }
});

// PostgreSQL refuses a NUL in text and an index entry over about 2.7 KB: neither may become a 500.
describe('input PostgreSQL would refuse', () => {
  for (const backend of BACKENDS) {
    it(`answers 400 or stores safely on ${backend.name}`, { skip: backend.skip }, async () => {
      const { storage, cleanup } = await backend.open();
      let clock = Date.parse('2026-09-01T10:00:00.000Z');
      const { app } = await testServer({}, { storage, now: () => new Date(clock) });
      try {
        const post = (body: object) =>
          app.inject({
            method: 'POST',
            url: '/collect',
            headers: TEXT,
            payload: JSON.stringify(body),
          });
        // 1,023 characters of 3 bytes each in UTF-8 (9 once percent-encoded), in an order that does not
        // compress away: PostgreSQL compresses an index entry before it measures it.
        const long = `/${Array.from({ length: 1023 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20_000))).join('')}`;
        assert.equal((await post(hit({ path: long }))).statusCode, 202);
        assert.equal((await post(hit({ path: long, consent: true }))).statusCode, 202);
        const consented = hit({ path: `${long.slice(0, -1)}x`, consent: true });
        assert.equal((await post(consented)).statusCode, 202);
        const stats = (
          await app.inject({ url: '/api/stats?from=2026-09-01&to=2026-09-01', headers: auth })
        ).json();
        assert.equal(stats.pageviews.byDay[0].count, 3);
        const paths = stats.pageviews.byPath as Array<{ path: string }>;
        assert.ok(paths.length > 0 && paths.every((p) => Buffer.byteLength(p.path) <= 1024));
        // The daily totals take the same keys: the roll-up of these days must go through too.
        clock += 800 * 86_400_000;
        const removed = await purgeExpired(storage, {
          recordsDays: 1826,
          hitsDays: 762,
          now: () => new Date(clock),
        });
        assert.equal(removed.hits, 2);

        for (const query of ['version=%00', 'version=a%00b', 'id=%00', 'method=%00']) {
          const res = await app.inject({ url: `/api/records?${query}`, headers: auth });
          assert.equal(res.statusCode, 400, query);
          assert.equal(res.json().error, 'invalid');
          const csv = await app.inject({ url: `/api/records.csv?${query}`, headers: auth });
          assert.equal(csv.statusCode, 400, query);
        }
      } finally {
        await app.close();
        await cleanup();
      }
    });
  }
});
