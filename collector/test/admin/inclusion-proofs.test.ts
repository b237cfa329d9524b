// The inclusion proofs in the admin page, used as the DPO uses them: the real collector on a SQLite file,
// receipts sent over HTTP and put into the log by its sequencer, the built page in Chromium. For a consent
// id, each record shows its leaf index, the tree size, the checkpoint's root and the proof's hashes, and is
// "verified in this browser" with garde/wire's verifier; a record edited in the database afterwards is
// shown as not verified. The export offered next to it carries the proofs, and verify-proof accepts them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'puppeteer-core';
import { buildServer } from '../../src/server.js';
import { runVerifyProof } from '../../src/verify-proof.js';
import { TOKEN, logCapture, receipt, tempDir, testOptions } from '../helpers.js';
import { ensureAdminBuild, openBrowser, pageSteps } from './admin-page.js';

const VISITOR = 'visitor-with-proofs';
const RECORDS = 'admin-app >>> records-table';
const DIALOG = `${RECORDS} >>> visitor-history >>> dialog[open]`;
const PROOFS = `${DIALOG} inclusion-proofs`;

interface Exported {
  records: Array<{ receiptId: string; method: string }>;
  log: {
    checkpoint: string | null;
    treeSize: number;
    root: string | null;
    proofs: Array<{ receiptId: string; leafIndex: number; path: string[] }>;
    pending: string[];
  };
}

const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts', import.meta.url));
const dir = tempDir();
const downloads = tempDir();
const file = join(dir.dir, 'proofs.sqlite');
let app: FastifyInstance;
let base: string;
let browser: Browser;
let page: Page;
let problems: string[];
let steps: ReturnType<typeof pageSteps>;

const exported = async (): Promise<Exported> =>
  (await fetch(`${base}/api/records/${VISITOR}/export`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  }).then((res) => res.json())) as Exported;

before(async () => {
  await ensureAdminBuild();
  app = await buildServer(testOptions({ db: file }), { logStream: logCapture().stream });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  assert.ok(address && typeof address === 'object');
  base = `http://127.0.0.1:${address.port}`;
  // Three decisions of one visitor among others, as browsers send them.
  const decisions = ['accept-all', 'custom', 'reject-all'] as const;
  for (const [i, method] of decisions.entries()) {
    for (const id of [VISITOR, `other-${i}`]) {
      const res = await fetch(`${base}/consent`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify(receipt({ id, method, ts: new Date().toISOString() })),
      });
      assert.equal(res.status, 202);
    }
  }
  ({ browser, page, problems } = await openBrowser({ downloads: downloads.dir }));
  steps = pageSteps(page);
});

after(async () => {
  await browser?.close();
  await app?.close();
  dir.remove();
  downloads.remove();
});

async function openHistory(): Promise<void> {
  const { find, until, textOf } = steps;
  // After sign-in the records table comes when the first page of records is read.
  await (await find(`${RECORDS} >>> #f-id`)).type(VISITOR);
  (await find(`${RECORDS} >>> form button[type=submit]`)).click();
  await until(
    async () => /of 3 records/.test(await textOf(`${RECORDS} >>> p[role=status]`)),
    'the id filter',
  );
  (await find(`${RECORDS} >>> tbody button.link`)).click();
  await find(`${DIALOG} tbody tr`);
}

test("a consent id's records show their inclusion proofs, verified in this browser", async () => {
  const { find, textOf, until, signIn, axe } = steps;
  // The sequencer puts the receipts into the log within a round; wait for the checkpoint that holds them.
  let log!: Exported;
  await until(
    async () => {
      log = await exported();
      return log.log.proofs.length === 3 && log.log.pending.length === 0;
    },
    'the three records in a checkpoint',
    60_000, // a limit for a loaded machine, not a wait: the loop ends when the checkpoint is there
  );

  await page.goto(`${base}/admin`);
  await signIn(TOKEN);
  await openHistory();
  await until(
    async () =>
      /^3 of 3 proofs verified in this browser\.$/.test(
        await textOf(`${PROOFS} >>> p[role=status]`),
      ),
    'the proofs checked',
  );
  const shown = await page.$$eval(`${PROOFS} >>> ul.proofs > li`, (items) =>
    items.map((li) => ({
      text: (li.querySelector('p')!.textContent ?? '').replace(/\s+/g, ' ').trim(),
      hashes: [...li.querySelectorAll('ol.hashes > li')].map((h) => h.textContent!.trim()),
    })),
  );
  assert.equal(shown.length, 3);
  for (const [i, proof] of log.log.proofs.entries()) {
    assert.match(
      shown[i]!.text,
      new RegExp(
        `^Decision of \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC \\(receipt ${proof.receiptId}\\): leaf ${proof.leafIndex} of a tree of ${log.log.treeSize} leaves\\. ✓ Verified in this browser`,
      ),
    );
    assert.deepEqual(shown[i]!.hashes, proof.path);
    assert.ok(proof.path.length > 0);
  }
  assert.match(
    await textOf(`${PROOFS} >>> p`),
    new RegExp(`Latest checkpoint: ${log.log.treeSize} leaves, .* root ${log.log.root}\\.`),
  );
  // Opened from the keyboard: the hashes of the first proof and the signed checkpoint.
  const summaries = await page.$$(`${PROOFS} >>> details > summary`);
  for (const summary of [summaries[0]!, summaries[summaries.length - 1]!]) {
    await summary.focus();
    await page.keyboard.press('Enter');
  }
  assert.equal(await textOf(`${PROOFS} >>> pre`), log.log.checkpoint!.replace(/\s+/g, ' ').trim());
  assert.deepEqual(await axe(), [], 'axe with the proofs open');
  mkdirSync(ARTIFACTS, { recursive: true });
  await (await find(`${PROOFS} >>> ul.proofs`)).scrollIntoView();
  await page.screenshot({ path: join(ARTIFACTS, 'admin-proofs.png') });

  // The export offered beside them carries the proofs; the CLI verifier accepts them, without the database.
  (await find(`${DIALOG} .actions button:nth-of-type(1)`)).click();
  const name = `garde-consent-${VISITOR}.json`;
  await until(async () => readdirSync(downloads.dir).includes(name), 'the exported file');
  const saved = JSON.parse(readFileSync(join(downloads.dir, name), 'utf8')) as Exported;
  assert.equal(saved.log.proofs.length, 3);
  let out = '';
  const code = await runVerifyProof(
    join(downloads.dir, name),
    { logKey: join(dir.dir, 'garde-log.key.pub') },
    (line) => (out += line),
  );
  assert.equal(code, 0, out);
  assert.equal(out.match(/^included: /gm)?.length, 3);
  assert.deepEqual(problems, []);
});

test('a record edited in the database after it was logged is shown as not verified', async () => {
  const { find, textOf, until } = steps;
  const log = await exported();
  const edited = log.log.proofs[1]!.receiptId;
  // An insider with write access to the database, beside the running collector.
  const raw = new Database(file);
  raw.pragma('busy_timeout = 5000');
  raw.prepare(`UPDATE consent_records SET method = 'accept-all' WHERE receipt_id = ?`).run(edited);
  raw.close();

  (await find(`${DIALOG} .head button`)).click(); // Close
  await until(async () => (await page.$(DIALOG)) === null, 'the dialog to close');
  (await find(`${RECORDS} >>> tbody button.link`)).click();
  await until(
    async () =>
      /^2 of 3 proofs verified in this browser, 1 NOT verified\.$/.test(
        await textOf(`${PROOFS} >>> p[role=status]`),
      ),
    'the proofs checked again',
  );
  const texts = await page.$$eval(`${PROOFS} >>> ul.proofs > li > p`, (items) =>
    items.map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
  assert.match(
    texts[1]!,
    new RegExp(`receipt ${edited}\\).*✗ NOT verified: this record, as stored now`),
  );
  assert.match(texts[0]!, /✓ Verified in this browser/);
  assert.match(texts[2]!, /✓ Verified in this browser/);
  assert.deepEqual(problems, []);
});
