// What a hostile or broken client can send to every route, on each database (the PostgreSQL run needs
// GARDE_TEST_PG_URL): odd query parameters of the reading API, odd path parameters, odd bodies, unicode
// edges, NUL bytes, long non-ASCII paths. Every answer is a clear 4xx (or a 2xx), never a 5xx, and the
// collector keeps storing and finding records afterwards.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BACKENDS, auth, frenchSnapshot, hit, receipt, testServer } from '../helpers.js';

/** Query-string values, as a client may write them (percent-escapes left as they are). */
const ODD_VALUES = [
  '%00',
  'a%00b',
  '%C3%A9'.repeat(200),
  '%F0%9F%98%80',
  '%ED%A0%80', // an encoded lone surrogate
  '%FF', // not UTF-8
  'x'.repeat(5000),
  '%E2%80%AE', // right-to-left override
  '-1',
  '0',
  '99999999999999999999',
  '1e3',
  '2026-02-30',
  '0000-01-01',
  '%20',
  "'%3B--",
  '%5C',
  '[]',
];
const PARAMS = ['version', 'from', 'to', 'method', 'id', 'site', 'page', 'pageSize', 'sep', 'path'];
const READING = [
  '/api/records',
  '/api/records.csv',
  '/api/stats',
  '/api/sites',
  '/api/snapshots',
  '/api/erasures',
];

/** Strings for body fields: NUL, lone surrogates, astral and edge code points, long non-ASCII. */
const ODD_STRINGS = [
  '\u0000',
  '\ud800',
  '\udc00x',
  '\u202e',
  '\ufeff',
  '\uffff',
  '\u{10ffff}',
  '',
  '/' + 'é'.repeat(3000),
  '/' + '😀'.repeat(600),
  '/' + '%C3%A9'.repeat(170),
  '/%00',
];
const ODD_BODIES = ['', 'null', '[]', '1', '"x"', '{"a":'.repeat(2000), 'x'.repeat(70_000)];
const CONTENT_TYPES = ['text/plain', 'application/json', 'text/plain; charset=latin1'];

for (const backend of BACKENDS) {
  describe(`odd requests to every route: ${backend.name}`, { skip: backend.skip }, () => {
    it('answers each with a 4xx or a 2xx, never a 5xx, and still stores and finds records', async () => {
      const { storage, cleanup } = await backend.open();
      const { app } = await testServer({}, { storage });
      const failures: string[] = [];
      const send = async (
        method: 'GET' | 'POST' | 'DELETE',
        url: string,
        payload?: string,
        type = 'text/plain',
      ) => {
        const res = await app.inject({
          method,
          url,
          payload,
          headers: { ...auth, 'content-type': type },
        });
        if (res.statusCode >= 500) failures.push(`${res.statusCode} ${method} ${url.slice(0, 80)}`);
        else if (res.statusCode >= 400 && typeof res.json().error !== 'string')
          failures.push(`${res.statusCode} without a JSON error: ${method} ${url.slice(0, 80)}`);
      };
      try {
        for (const route of READING)
          for (const param of PARAMS)
            for (const value of ODD_VALUES) {
              await send('GET', `${route}?${param}=${value}`);
              await send('GET', `${route}?${param}=${value}&${param}=${value}`);
            }
        for (const value of ODD_VALUES) {
          await send('DELETE', `/api/analytics?path=/${value}`);
          await send('GET', `/api/records/${value}`);
          await send('GET', `/api/records/${value}/export`);
          await send('DELETE', `/api/records/${value}`);
          await send('DELETE', `/api/records/${receipt().id}?by=${value}`);
          await send('GET', `/api/snapshots/${value}`);
        }
        for (const value of ODD_STRINGS) {
          for (const field of ['version', 'path', 'lang', 'layer', 'shown', 'id', 'v'])
            await send('POST', '/consent', JSON.stringify(receipt({ [field]: value })));
          await send('POST', '/consent', JSON.stringify(receipt({ services: { [value]: true } })));
          for (const field of ['name', 'path', 'lang', 'ref'])
            for (const consent of [false, true])
              await send('POST', '/collect', JSON.stringify(hit({ consent, [field]: value })));
          const snapshot = JSON.stringify(
            frenchSnapshot({ policy: { url: value, version: value } }),
          );
          await send('POST', '/consent/snapshot', JSON.stringify({ snapshot }));
          await send('POST', '/api/snapshots', JSON.stringify({ snapshot }), 'application/json');
        }
        for (const url of ['/consent', '/collect', '/consent/snapshot', '/api/snapshots'])
          for (const body of ODD_BODIES)
            for (const type of CONTENT_TYPES) await send('POST', url, body, type);
        assert.deepEqual(failures, []);

        // Unicode edges that a receipt may hold are stored as sent and found again by `?version=`.
        const version = '😀\u202e\ufeff\u{10ffff}é';
        const sent = receipt({ version });
        await send('POST', '/consent', JSON.stringify(sent));
        assert.deepEqual(failures, []);
        const found = await app.inject({
          method: 'GET',
          url: `/api/records?version=${encodeURIComponent(version)}`,
          headers: auth,
        });
        assert.equal(found.statusCode, 200);
        const { records } = found.json() as { records: Array<{ receiptId: string }> };
        assert.deepEqual(
          records.map((record) => record.receiptId),
          [sent.receiptId],
        );
      } finally {
        await app.close();
        await cleanup();
      }
    });
  });
}
