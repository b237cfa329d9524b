// A visitor's access and erasure requests on the admin page, done as the DPO does them with only the
// consent id the visitor gives: the real collector on a temporary SQLite file, receipts and the snapshot
// sent over HTTP as browsers send them, the built page in Chromium, keyboard only where a DPO would use it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'puppeteer-core';
import { canonicalJson, snapshotHash } from 'garde/wire';
import { frenchSnapshot, listeningServer, postText, receipt, tempDir } from '../helpers.js';
import { ensureAdminBuild, signedInPage, type pageSteps } from './admin-page.js';

// The id as the visitor reads it out of the preferences dialog, and another visitor's.
const VISITOR = '01a24575-1996-7123-bf5f-ceeba170f977';
const OTHER = '01a24575-1f8d-7287-a5f9-2ab866ea8548';
const SNAPSHOT = frenchSnapshot();
const SHOWN = (await snapshotHash(SNAPSHOT))!;
const RECORDS = 'admin-app >>> records-table';
const STATUS = `${RECORDS} >>> p[role=status]`;
const DIALOG = `${RECORDS} >>> visitor-history >>> dialog[open]`;
const VERSIONS = 'admin-app >>> snapshot-versions';
const DECISIONS = 'admin-app >>> stats-section >>> decisions-chart >>> #summary';

const db = tempDir();
const file = join(db.dir, 'history.sqlite');
let app: FastifyInstance;
let base: string;
let browser: Browser;
let page: Page;
let problems: string[];
let steps: ReturnType<typeof pageSteps>;

async function send(path: string, body: string, status: number): Promise<void> {
  const res = await postText(base, path, body);
  assert.equal(res.status, status, `${path} answered ${res.status}: ${await res.text()}`);
}

/** The focused element, looked for through the shadow roots it sits in. */
const focused = () =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.localName}${el.id ? `#${el.id}` : ''}` : 'none';
  });

before(async () => {
  await ensureAdminBuild();
  ({ app, base } = await listeningServer({ db: file }));
  // The visitor accepted, then withdrew, each time shown the French banner; another visitor refused.
  for (const method of ['accept-all', 'withdraw'] as const)
    await send('/consent', JSON.stringify(receipt({ id: VISITOR, method, shown: SHOWN })), 202);
  await send(
    '/consent/snapshot',
    `{"shown":"${SHOWN}","snapshot":${canonicalJson(SNAPSHOT)}}`,
    201,
  );
  await send('/consent', JSON.stringify(receipt({ id: OTHER, method: 'reject-all' })), 202);
  ({ browser, page, problems, steps } = await signedInPage(base, {
    // The snapshot erased with the visitor's last receipt is gone (404) for a list read before.
    expected: (m) => /status of 404/.test(m.text()),
  }));
});

after(async () => {
  await browser?.close();
  await app?.close();
  db.remove();
});

test("printed, the history is the whole of that visitor's history and nothing else of the page", async () => {
  const { find, textOf, until } = steps;
  await (await find(`${RECORDS} >>> #f-id`)).type(VISITOR);
  await page.keyboard.press('Enter');
  await until(async () => /of 2 records/.test(await textOf(STATUS)), 'the id filter');
  (await find(`${RECORDS} >>> tbody button.link`)).click();
  // What the visitor saw, opened for the printout, and the proofs read.
  await find(`${DIALOG} details`);
  for (const details of await page.$$(`${DIALOG} details`))
    await details.evaluate((el) => ((el as HTMLDetailsElement).open = true));
  await until(
    async () => /Tout accepter/.test(await textOf(`${DIALOG} snapshot-view >>> .shown`)),
    'what the visitor saw',
  );
  await page.emulateMediaType('print');
  try {
    // The dialog prints in full from the top of the first page, not as its first screen over the page
    // behind (in the top layer, a dialog's position computes to absolute at most).
    const dialog = await find(DIALOG);
    const box = await dialog.evaluate((el) => ({
      position: getComputedStyle(el).position,
      clipped: el.scrollHeight > el.clientHeight + 1,
    }));
    assert.deepEqual(box, { position: 'absolute', clipped: false });
    // Nothing else prints: another visitor's consent id in the list behind would go out with it.
    const shown = async (selector: string) =>
      (await find(selector)).evaluate((el) => getComputedStyle(el).display !== 'none');
    for (const part of [
      'admin-app >>> header',
      'admin-app >>> site-picker',
      `${RECORDS} >>> form`,
      `${RECORDS} >>> .scroll`,
      'admin-app >>> stats-section',
      VERSIONS,
      'admin-app >>> erasures-section',
    ])
      assert.equal(await shown(part), false, `${part} is not printed`);
    assert.equal(await shown(`${DIALOG} .actions`), false, 'the buttons are not printed');
  } finally {
    await page.emulateMediaType('screen');
  }
  await page.keyboard.press('Escape');
  await until(async () => (await page.$(DIALOG)) === null, 'the dialog to close');
  assert.deepEqual(problems, []);
});

test('an erasure records who handled it; the history then says so in words, and closing it puts the focus in the Consent id field', async () => {
  const { find, textOf, until } = steps;
  // Read before the erasure: the snapshot the visitor saw, and three decisions.
  await until(async () => (await textOf(`${VERSIONS} >>> tbody`)).includes(SHOWN), 'the versions');
  await until(async () => /^3 decisions /.test(await textOf(DECISIONS)), 'the statistics');

  (await find(`${RECORDS} >>> tbody button.link`)).click();
  (await find(`${DIALOG} #erase-button`)).click();
  // The question says what stays: the log, which the tombstones keep verifying (there is no chain).
  assert.match(await textOf(`${DIALOG} #erase-question`), /the log still verifies/);
  // Who handles the request is recorded with the erasure (the log's erasure leaf), never the consent id.
  await (await find(`${DIALOG} #erased-by`)).type('DPO J. Dupont, request 2026-117');
  (await find(`${DIALOG} .confirm button.danger`)).click();
  // A comma is not taken by the collector: said at the field, by the hint that describes it.
  const byField = await find(`${DIALOG} #erased-by`);
  await until(
    async () => (await byField.evaluate((el) => el.getAttribute('aria-invalid'))) === 'true',
    'the comma refused',
  );
  assert.match(await textOf(`${DIALOG} #erased-by-hint`), /letters, digits, spaces/);
  await byField.evaluate((el) => ((el as HTMLInputElement).value = ''));
  await byField.type('DPO J. Dupont request 2026-117');
  (await find(`${DIALOG} .confirm button.danger`)).click();
  await until(
    async () => /2 records erased/.test(await textOf(`${DIALOG} #history-status`)),
    'the erasure',
  );
  // What the history says now, in words, rather than an empty table of decisions.
  assert.match(await textOf(`${DIALOG}`), /No decision of this consent id is stored/);
  assert.equal(await steps.count(`${DIALOG} table`), 0);
  assert.deepEqual(await steps.axe(), [], 'axe on the history after the erasure');
  const raw = new Database(file, { readonly: true });
  try {
    assert.deepEqual(raw.prepare('SELECT reason, rows, actor FROM erasures').all(), [
      { reason: 'request', rows: 2, actor: 'DPO J. Dupont request 2026-117' },
    ]);
  } finally {
    raw.close();
  }
  await until(async () => /of 0 records/.test(await textOf(STATUS)), 'the list to reload');
  await page.keyboard.press('Escape');
  await until(async () => (await page.$(DIALOG)) === null, 'the dialog to close');
  // The row that opened the history is gone with the records: focus goes to where the next id is typed,
  // not to the top of the page (the dialog's close event comes a moment after it closes: waited for).
  await until(async () => (await focused()) === 'input#f-id', 'the focus in the Consent id field');
  assert.deepEqual(problems, []);
});

test('after an erasure the versions list and the statistics no longer count the erased records', async () => {
  const { textOf, until } = steps;
  // The snapshot was erased with the last receipt naming it; the only decision left is the refusal.
  await until(
    async () => /No receipt names a snapshot yet/.test(await textOf(`${VERSIONS} >>> section`)),
    'the erased snapshot to leave the versions list',
  );
  await until(
    async () => /^1 decision from /.test(await textOf(DECISIONS)),
    'the statistics to follow',
  );
  assert.deepEqual(problems, []);
});
