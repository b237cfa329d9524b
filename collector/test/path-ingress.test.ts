// The shared table of paths (test/minimise/path-cases.ts) through the collector's HTTP ingress, on
// SQLite and PostgreSQL, read back as an auditor would: every table listed by the database itself,
// every row selected as text, and every log line. Hits before and after consent and receipts
// carry each path as a careless or hostile sender would send it (unreduced); nothing personal may
// be stored or logged. Only HTTP and generic SQL: no storage internals.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { INGRESS_ALLOWLIST, INGRESS_RULES, PATH_CASES } from '../../test/minimise/path-cases.js';
import { plainPath } from '../src/http/plain-path.js';
import { hit, receipt, testServer } from './helpers.js';
import { dumpedBackends, type DumpedStorage } from './dumped-storage.js';

/** The cases the ingress collector's settings stand for (the allow-list mode cases need others). */
const CASES = PATH_CASES.filter((c) => !c.rules?.keep);
/** The path as a page would send it: what follows the origin. */
const sentPath = (url: string) => {
  const parsed = new URL(url, 'http://x');
  return parsed.pathname + parsed.search + parsed.hash;
};

const BACKENDS = dumpedBackends('paths');

for (const backend of BACKENDS) {
  describe(`paths at the collector's ingress: ${backend.name}`, { skip: backend.skip }, () => {
    let app: FastifyInstance;
    let log: { text: () => string };
    let opened: DumpedStorage;
    const post = (url: string, body: object) =>
      app.inject({
        method: 'POST',
        url,
        payload: JSON.stringify(body),
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
      });

    before(async () => {
      opened = await backend.open();
      ({ app, log } = await testServer(
        {
          queryAllowlist: INGRESS_ALLOWLIST,
          paths: { redact: [...INGRESS_RULES.redact!], keep: [] },
        },
        { storage: opened.storage },
      ));
      for (const c of CASES) {
        const path = sentPath(c.url);
        for (const [url, body] of [
          ['/collect', hit({ path })],
          ['/collect', hit({ path, consent: true })],
          ['/consent', receipt({ receiptId: crypto.randomUUID(), path })],
        ] as const)
          assert.equal((await post(url, body)).statusCode, 202, `${url} ${path}`);
      }
    });
    after(async () => {
      await app.close();
      await opened.cleanup();
    });

    it('stores each hit path as the browser would have reduced it, in its plain form', async () => {
      const dump = await opened.dump();
      for (const c of CASES)
        assert.ok(dump.includes(JSON.stringify(plainPath(c.expected)).slice(1, -1)), c.url);
    });

    for (const c of CASES.filter((c) => c.personal))
      it(`keeps nothing of ${c.url} that identifies, in any table or log line`, async () => {
        const dump = await opened.dump();
        const text = log.text();
        for (const part of c.personal!) {
          assert.ok(!dump.includes(part), `a table holds ${part}`);
          assert.ok(!text.includes(part), `the log holds ${part}`);
        }
      });
  });
}
