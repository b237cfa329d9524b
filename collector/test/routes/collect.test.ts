// POST /collect: the hit is anonymised before it is stored or logged; the raw IP and UA are nowhere.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { join } from 'node:path';
import { openSqlite } from '../../src/storage/sqlite.js';
import type { Hit } from 'garde/wire';
import { hit, logCapture, tempDir, testServer } from '../helpers.js';

const UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.86 Safari/537.36';
const IP4 = '203.0.113.197';
const IP6 = '2001:db8:85a3:8d3:1319:8a2e:370:7348';
const pick = ({ browser, major, os, mobile }: Record<string, unknown>) => ({
  browser,
  major,
  os,
  mobile,
});

describe('POST /collect', () => {
  let app: FastifyInstance;
  let log: ReturnType<typeof logCapture>;
  let tmp: ReturnType<typeof tempDir>;
  let file: string;
  const read = (sql: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare(sql).all() as Array<Record<string, unknown>>;
    } finally {
      db.close();
    }
  };
  const rows = () => read('SELECT * FROM hits ORDER BY rowid');
  const counters = () => read('SELECT * FROM hit_counters');
  /** Every row of every table, as text. */
  const dump = () =>
    JSON.stringify(
      read("SELECT name FROM sqlite_master WHERE type = 'table'").map(({ name }) =>
        read(`SELECT * FROM "${String(name)}"`),
      ),
    );
  const send = (body: object, ip = IP4, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/collect',
      remoteAddress: ip,
      payload: JSON.stringify(body),
      headers: {
        'content-type': 'text/plain;charset=UTF-8',
        'user-agent': UA,
        host: 'www.inami.fgov.be',
        ...headers,
      },
    });

  before(async () => {
    tmp = tempDir();
    file = join(tmp.dir, 'hits.sqlite');
    ({ app, log } = await testServer({}, { storage: await openSqlite(file) }));
  });
  after(async () => {
    await app.close();
    tmp.remove();
  });

  it('counts an anonymous hit by day, reduced UA and referrer domain, with no network and no row', async () => {
    const res = await send(
      hit({
        referrer: 'https://www.google.be/search?q=maladie',
        uid: 'should-go',
        session: 's1',
        screen: '1920x1080',
        minor: 3,
        props: { step: 2 },
      }),
    );
    assert.equal(res.statusCode, 202, res.body);
    assert.deepEqual(rows(), []);
    assert.deepEqual(counters(), [
      {
        day: new Date().toISOString().slice(0, 10),
        // Sent without an Origin (not from a browser): no site.
        site: '',
        name: 'pageview',
        path: '/fr/',
        referrer: 'www.google.be',
        browser: 'Chrome',
        os: 'Windows',
        mobile: 0,
        lang: 'fr',
        vw: 1200,
        count: 1,
      },
    ]);
  });

  it('prefers the request header to browser fields in the body, and takes those only without a header', async () => {
    const consented = (fields: Partial<Hit>) => hit({ consent: true, ...fields });
    await send(consented({ browser: 'Firefox', major: 133, os: 'Linux', mobile: true }));
    assert.deepEqual(Object.values(pick(rows().at(-1)!)), ['Chrome', 131, 'Windows', 0]);
    await send(consented({ browser: 'Firefox', major: 133, os: 'Linux', mobile: true }), IP4, {
      'user-agent': '',
    });
    assert.deepEqual(Object.values(pick(rows().at(-1)!)), ['Firefox', 133, 'Linux', 1]);
    await send(consented({}), IP4, { 'user-agent': '' });
    assert.deepEqual(Object.values(pick(rows().at(-1)!)), ['Other', 0, 'Other', 0]);
    await send(hit({ browser: 'Firefox', os: 'Linux', mobile: true }), IP4, { 'user-agent': '' });
    assert.ok(
      counters().some((c) => c.browser === 'Firefox' && c.os === 'Linux' && c.mobile === 1),
      'the counters too',
    );
  });

  it('keeps a /16 (IPv4) or /48 (IPv6) network and the after-consent fields with consent', async () => {
    await send(hit({ consent: true, session: 'sess-1', screen: '1920x1080', minor: 2 }));
    const row = rows().at(-1)!;
    assert.equal(row.network, '203.0.0.0');
    assert.deepEqual([row.session, row.screen, row.minor], ['sess-1', '1920x1080', 2]);
    await send(hit({ consent: true }), IP6);
    assert.equal(rows().at(-1)!.network, '2001:db8:85a3::');
    await send(hit({ consent: true }), '198.51.100.23');
    assert.equal(rows().at(-1)!.network, '198.51.0.0');
  });

  it('drops a same-site referrer and takes a bare host name as a domain', async () => {
    const referrers = () => counters().map((c) => c.referrer);
    await send(hit({ path: '/same-site/', referrer: 'https://webappsa.inami.fgov.be/page' }));
    assert.deepEqual(
      counters()
        .filter((c) => c.path === '/same-site/')
        .map((c) => c.referrer),
      [''],
    );
    await send(hit({ referrer: 'www.belgium.be' }));
    assert.ok(referrers().includes('www.belgium.be'));
    await send(hit({ consent: true, referrer: 'https://webappsa.inami.fgov.be/page' }));
    assert.equal(rows().at(-1)!.referrer, null);
  });

  it('drops props that look personal', async () => {
    await send(
      hit({
        name: 'download',
        consent: true,
        props: { file: 'form.pdf', email: 'jan@example.be', nrn: '85.07.30-033.61' },
      }),
    );
    assert.deepEqual(JSON.parse(rows().at(-1)!.props as string), { file: 'form.pdf' });
  });

  it('refuses bad hits with a JSON 4xx and stores nothing', async () => {
    const before = [rows().length, counters().length];
    for (const body of [
      { ...hit(), vw: 1234 },
      { ...hit(), ip: IP4 },
      { ...hit(), name: 'jan@example.be' },
      { ...hit(), consent: 'yes' },
      (({ path: _p, ...rest }) => rest)(hit()),
      { ...hit(), path: '/fr/\u0000x' },
      { ...hit(), props: { file: 'a\ud800.pdf' } },
      { ...hit(), referrer: 'https://\udfff.example' },
    ]) {
      const res = await send(body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.equal(res.json().error, 'invalid');
    }
    const big = await send({ ...hit(), props: { a: 'x'.repeat(5000) } });
    assert.equal(big.statusCode, 413);
    assert.deepEqual([rows().length, counters().length], before);
  });

  it('leaves the raw IP and UA in no row and no log line', async () => {
    const text = log.text();
    assert.match(text, /"route":"\/collect","status":202/);
    for (const secret of [
      IP4,
      '203.0.113',
      IP6,
      '1319:8a2e',
      UA,
      'Chrome/131.0.6778.86',
      'search?q=maladie',
      'jan@example.be',
    ]) {
      assert.ok(!dump().includes(secret), `database holds ${secret}`);
      assert.ok(!text.includes(secret), `log holds ${secret}`);
    }
  });
});
