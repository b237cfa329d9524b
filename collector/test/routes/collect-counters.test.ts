// Pre-consent hits leave only day-level counters, and paths are reduced at ingress, on both
// databases: every table is read back and searched for the client address and its prefixes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { parseOptions } from '../../src/options.js';
import { auth, hit, receipt, testServer } from '../helpers.js';
import { dumpedBackends, type DumpedStorage } from '../dumped-storage.js';

const NOW = new Date('2026-09-01T10:17:42.123Z');
const UA =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const IP4 = '198.51.100.23';
const IP6 = '2001:db8:85a3:8d3:1319:8a2e:370:7348';
/** The addresses, every prefix a collector could keep of them (/16, /8, /48, /32), and the time of day. */
const TRACES = [IP4, '198.51.', '198.0.0.0', IP6, '2001:db8', '8a2e', '10:17'];
const PERSONAL_PATH = '/fr/dossier/85073112345/?email=jean.dupont@example.be';

// Rows as objects: the counters' columns are read back.
const BACKENDS = dumpedBackends('counters', { rowsAsText: false });

for (const backend of BACKENDS) {
  describe(`pre-consent counters: ${backend.name}`, { skip: backend.skip }, () => {
    let app: FastifyInstance;
    let log: { text: () => string };
    let opened: DumpedStorage;
    const post = (url: string, body: object, ip = IP4) =>
      app.inject({
        method: 'POST',
        url,
        remoteAddress: ip,
        payload: JSON.stringify(body),
        headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': UA },
      });
    const tables = async () => JSON.parse(await opened.dump()) as Array<[string, unknown[]]>;
    const table = async (name: string) => (await tables()).find(([t]) => t === name)?.[1] ?? [];

    before(async () => {
      opened = await backend.open();
      ({ app, log } = await testServer(
        { queryAllowlist: ['utm_source'] },
        { storage: opened.storage, now: () => NOW },
      ));
    });
    after(async () => {
      await app.close();
      await opened.cleanup();
    });

    it('turns 50 identical pre-consent hits into one counter of 50, with no trace of the address', async () => {
      const sameHit = hit({ path: '/fr/themes/', referrer: 'www.google.be' });
      // Half from an IPv4, half from an IPv6 client, all at once: one counter whatever the address.
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) => post('/collect', sameHit, i % 2 ? IP6 : IP4)),
      );
      assert.deepEqual(new Set(answers.map((a) => a.statusCode)), new Set([202]));
      assert.deepEqual(await table('hits'), []);
      const counters = (await table('hit_counters')) as Array<Record<string, unknown>>;
      assert.equal(counters.length, 1);
      assert.deepEqual(
        { ...counters[0], mobile: Boolean(counters[0]!.mobile), count: Number(counters[0]!.count) },
        {
          day: '2026-09-01',
          site: '',
          name: 'pageview',
          path: '/fr/themes/',
          referrer: 'www.google.be',
          browser: 'Safari',
          os: 'macOS',
          mobile: false,
          lang: 'fr',
          vw: 1200,
          count: 50,
        },
      );
      const dump = await opened.dump();
      for (const trace of TRACES) assert.ok(!dump.includes(trace), `a table holds ${trace}`);
    });

    it('writes no log line with the address, even at debug level', () => {
      const text = log.text();
      assert.match(text, /"route":"\/collect","status":202/);
      for (const trace of TRACES) assert.ok(!text.includes(trace), `the log holds ${trace}`);
    });

    it('counts counters and rows together in the stats', async () => {
      assert.equal(
        (await post('/collect', hit({ path: '/fr/themes/', consent: true }))).statusCode,
        202,
      );
      const stats = (
        await app.inject({ url: '/api/stats?from=2026-09-01&to=2026-09-01', headers: auth })
      ).json();
      assert.deepEqual(stats.pageviews.byDay, [{ day: '2026-09-01', count: 51, consented: 1 }]);
      assert.deepEqual(stats.pageviews.byPath, [{ path: '/fr/themes/', count: 51 }]);
      assert.deepEqual(stats.pageviews.byReferrer, [{ referrer: 'www.google.be', count: 50 }]);
      assert.deepEqual(stats.pageviews.byBrowser, [{ browser: 'Safari', count: 51 }]);
      assert.deepEqual(stats.pageviews.byOs, [{ os: 'macOS', count: 51 }]);
    });

    it('keeps the counters when old raw hits are rolled up', async () => {
      await opened.storage.purge('2000-01-01T00:00:00.000Z', '2026-09-30');
      const stats = (
        await app.inject({ url: '/api/stats?from=2026-09-01&to=2026-09-01', headers: auth })
      ).json();
      assert.deepEqual(stats.pageviews.byDay, [{ day: '2026-09-01', count: 51, consented: 1 }]);
      assert.equal((await table('hit_counters')).length, 1);
    });

    it('reduces the path of hits and receipts, whatever the sender did', async () => {
      for (const body of [
        hit({ path: PERSONAL_PATH }),
        hit({ path: PERSONAL_PATH, consent: true }),
        receipt({ path: PERSONAL_PATH }),
      ]) {
        const url = 'receiptId' in body ? '/consent' : '/collect';
        assert.equal((await post(url, body)).statusCode, 202, url);
      }
      const dump = await opened.dump();
      for (const secret of ['85073112345', 'jean.dupont', 'example.be', 'email'])
        assert.ok(!dump.includes(secret), `a table holds ${secret}`);
      const paths = async (name: string) =>
        ((await table(name)) as Array<{ path: string }>).map((row) => row.path);
      const reduced = '/fr/dossier/:redacted/';
      assert.ok((await paths('hit_counters')).includes(reduced));
      assert.ok((await paths('hits')).includes(reduced));
      assert.deepEqual(await paths('consent_records'), [reduced]);
    });

    it('keeps only the allowlisted query parameters of a hit', async () => {
      const path = '/nl/?utm_source=nieuwsbrief&utm_medium=mail&ref=jan@example.be';
      await post('/collect', hit({ path }));
      await post('/collect', hit({ path, consent: true }));
      const kept = '/nl/?utm_source=nieuwsbrief';
      const counters = (await table('hit_counters')) as Array<{ path: string }>;
      const rows = (await table('hits')) as Array<{ path: string }>;
      assert.ok(counters.some((row) => row.path === kept));
      assert.ok(rows.some((row) => row.path === kept));
      assert.ok(!(await opened.dump()).includes('utm_medium'));
    });
  });
}

describe('--query-allowlist', () => {
  it('takes comma-separated names, repeatable, default none', () => {
    assert.deepEqual(parseOptions([], {}).queryAllowlist, []);
    const argv = ['--query-allowlist', 'utm_source, utm_medium', '--query-allowlist=utm_source'];
    assert.deepEqual(parseOptions(argv, {}).queryAllowlist, ['utm_source', 'utm_medium']);
  });
});
