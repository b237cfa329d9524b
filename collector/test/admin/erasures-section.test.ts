// The erasures section as a data-protection officer uses it to show that erasure requests and the
// retention period were honoured: the real collector on a temporary SQLite file whose retention run at
// start erases a visitor silent for more than five years, an erasure made from the page, the built page
// in Chromium, the keyboard, 320 px and a forced-colours theme.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'puppeteer-core';
import { openSqlite } from '../../src/storage/sqlite.js';
import { listeningServer, postText, receipt, stored, tempDir } from '../helpers.js';
import { ensureAdminBuild, signedInPage, type pageSteps } from './admin-page.js';

const VISITOR = '01a24575-1996-7123-bf5f-ceeba170f977';
const SECOND = '01a24575-2a3b-7c4d-8e5f-6a7b8c9d0e1f';
const SILENT = '01a24575-1f8d-7287-a5f9-2ab866ea8548';
const RECORDS = 'admin-app >>> records-table';
const DIALOG = `${RECORDS} >>> visitor-history >>> dialog[open]`;
const ERASURES = 'admin-app >>> erasures-section';

const db = tempDir();
let app: FastifyInstance;
let browser: Browser;
let page: Page;
let problems: string[];
let steps: ReturnType<typeof pageSteps>;

/** The erasures table's rows as the DPO reads them, cell by cell. */
const rows = () =>
  page.$$eval(`${ERASURES} >>> tbody tr`, (trs) =>
    trs.map((tr) =>
      [...tr.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
    ),
  );

/** The focused element, looked for through the shadow roots it sits in. */
const focused = () =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el
      ? `${el.localName}${el.getAttribute('role') ? `[${el.getAttribute('role')}]` : ''}`
      : '';
  });

before(async () => {
  await ensureAdminBuild();
  const file = join(db.dir, 'erasures.sqlite');
  // A visitor whose last decision is six years old: the retention run at start erases it.
  const storage = await openSqlite(file);
  await storage.insertRecords([
    stored(new Date(Date.now() - 6 * 365 * 86_400_000).toISOString(), { id: SILENT }),
  ]);
  // 24 earlier erasure requests (January 2026), so that the list has a second page.
  const earlier = Array.from(
    { length: 24 },
    (_, i) => `01a24575-0000-7000-8000-${String(i).padStart(12, '0')}`,
  );
  await storage.insertRecords(earlier.map((id) => stored('2025-12-01T10:00:00.000Z', { id })));
  for (const [i, id] of earlier.entries()) {
    const at = new Date(Date.parse('2026-01-01T09:00:00.000Z') + i * 3_600_000).toISOString();
    await storage.eraseVisitor(id, { at, actor: `request ${i + 1}` });
  }
  let base: string;
  ({ app, base } = await listeningServer({ db: file }, { storage }));
  for (const [id, method] of [
    [VISITOR, 'accept-all'],
    [VISITOR, 'withdraw'],
    [SECOND, 'reject-all'],
  ] as const) {
    const res = await postText(base, '/consent', JSON.stringify(receipt({ id, method })));
    assert.equal(res.status, 202);
  }
  ({ browser, page, problems, steps } = await signedInPage(base));
});

after(async () => {
  await browser?.close();
  await app?.close();
  db.remove();
});

test('the retention run appears as "retention period", under the retention period in force', async () => {
  const { textOf, until } = steps;
  await until(async () => (await rows()).length === 25, 'the erasures table');
  const [[when, reason, count, by, leaf], next] = (await rows()) as [string[], string[]];
  assert.match(when!, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
  // Each with its leaf in the log: the 25 receipts stored first are leaves 0–24, the 24 requests'
  // erasures 25–48, the retention run's 49.
  assert.deepEqual([reason, count, by, leaf], ['retention period', '1', 'retention', '49']);
  assert.deepEqual(next, ['2026-01-02 08:00:00 UTC', 'on request', '1', 'request 24', '48']);
  // 25 erasures fill one page: no page buttons yet.
  assert.equal(
    await (await steps.find(`${ERASURES} >>> nav`)).evaluate((el) => el.hasAttribute('hidden')),
    true,
  );
  assert.match(
    await textOf(`${ERASURES} >>> #retention`),
    /consent records are kept 1,826 days \(about 5 years\) after a visitor's last decision/,
  );
  assert.match(await textOf(`${ERASURES} >>> caption`), /^Erasures, the newest first/);
  // Never whose records: the section holds no consent id.
  assert.doesNotMatch(await textOf(`${ERASURES} >>> section`), new RegExp(SILENT));
  assert.deepEqual(await steps.axe(), []);
  assert.deepEqual(problems, []);
});

/** Erases a visitor as the DPO does: the id in the filter, its history, Erase…, Erased by, Escape. */
async function eraseFromPage(id: string, records: number, by: string): Promise<void> {
  const { find, textOf, until } = steps;
  const field = await find(`${RECORDS} >>> #f-id`);
  await field.evaluate((el) => ((el as HTMLInputElement).value = ''));
  await field.type(id);
  await page.keyboard.press('Enter');
  await until(
    async () =>
      new RegExp(`of ${records} records?\\b`).test(await textOf(`${RECORDS} >>> p[role=status]`)),
    'the visitor',
  );
  (await find(`${RECORDS} >>> tbody button.link`)).click();
  (await find(`${DIALOG} #erase-button`)).click();
  await (await find(`${DIALOG} #erased-by`)).type(by);
  (await find(`${DIALOG} .confirm button.danger`)).click();
  await until(
    async () =>
      new RegExp(`${records} records? erased`).test(await textOf(`${DIALOG} #history-status`)),
    'the erasure',
  );
  await page.keyboard.press('Escape');
  await until(async () => (await page.$(DIALOG)) === null, 'the dialog to close');
}

test('an erasure made from the page appears at the top of the list with its "Erased by"', async () => {
  const { textOf, until } = steps;
  await eraseFromPage(VISITOR, 2, 'DPO J. Dupont request 2026-117');
  // The list reloads by itself: no reload of the page.
  await until(
    async () => (await rows())[0]![3] === 'DPO J. Dupont request 2026-117',
    'the new erasure in the list',
  );
  const [newest, retention] = await rows();
  // Its leaf after the three receipts posted (50–52).
  assert.deepEqual(newest!.slice(1), ['on request', '2', 'DPO J. Dupont request 2026-117', '53']);
  assert.deepEqual(retention!.slice(1), ['retention period', '1', 'retention', '49']);
  assert.match(await textOf(`${ERASURES} >>> nav`), /Page 1 of 2 \(26 erasures\)/);
  assert.doesNotMatch(await textOf(`${ERASURES} >>> section`), new RegExp(VISITOR));
  assert.deepEqual(await steps.axe(), []);
  assert.deepEqual(problems, []);
});

test('the older erasures are a page away, with the keyboard; an erasure brings back the first page', async () => {
  const { find, textOf, until } = steps;
  const button = async (name: string) => {
    for (const b of await page.$$(`${ERASURES} >>> nav button`))
      if ((await b.evaluate((el) => el.textContent)) === name) return b;
    throw new Error(`no ${name} button`);
  };
  await (await button('Older erasures')).focus();
  await page.keyboard.press('Enter');
  await until(async () => /Page 2 of 2/.test(await textOf(`${ERASURES} >>> nav`)), 'page 2');
  // 26 erasures: the 26th, the oldest, alone on page 2.
  assert.deepEqual(await rows(), [
    ['2026-01-01 09:00:00 UTC', 'on request', '1', 'request 1', '25'],
  ]);
  // The last page says so, and Newer erasures leads back.
  assert.equal(await (await button('Older erasures')).evaluate((el) => el.ariaDisabled), 'true');
  await (await button('Newer erasures')).focus();
  await page.keyboard.press('Enter');
  await until(async () => /Page 1 of 2/.test(await textOf(`${ERASURES} >>> nav`)), 'page 1');
  assert.equal((await rows()).length, 25);
  // An erasure made while page 2 is shown brings the list back to page 1, where it is.
  await (await button('Older erasures')).click();
  await until(async () => /Page 2 of 2/.test(await textOf(`${ERASURES} >>> nav`)), 'page 2');
  await eraseFromPage(SECOND, 1, 'DPO ticket 118');
  await until(async () => (await rows())[0]![3] === 'DPO ticket 118', 'page 1 and the new erasure');
  assert.match(await textOf(`${ERASURES} >>> nav`), /Page 1 of 2 \(27 erasures\)/);
  assert.ok(await find(`${ERASURES} >>> table`));
  assert.deepEqual(problems, []);
});

test('the table is reached with the keyboard, and at 320 px only it scrolls sideways', async () => {
  await (await steps.find('admin-app >>> h1')).focus();
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached =
      (await page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.getAttribute('aria-labelledby');
      })) === 'erasures-caption';
  }
  assert.ok(reached, `Tab reaches the erasures table (last focus: ${await focused()})`);
  await page.setViewport({ width: 320, height: 800 });
  try {
    await steps.until(
      async () => (await page.evaluate(() => document.documentElement.clientWidth)) === 320,
      'the resize',
    );
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320);
    const region = await steps.find(`${ERASURES} >>> .scroll`);
    const { right, scrolls } = await region.evaluate((el) => ({
      right: el.getBoundingClientRect().right,
      scrolls: el.scrollWidth > el.clientWidth,
    }));
    assert.ok(right <= 320, `the region fits (${right})`);
    assert.ok(scrolls, 'the table scrolls inside its region');
    // The arrow keys scroll the focused region.
    await page.keyboard.press('ArrowRight');
    await steps.until(async () => region.evaluate((el) => el.scrollLeft > 0), 'the scroll');
    assert.deepEqual(await steps.axe(), [], 'axe at 320 px');
  } finally {
    await page.setViewport({ width: 1280, height: 900 });
  }
});

test('in a dark forced-colours theme the table keeps its text and rules in the system colours', async () => {
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setEmulatedMedia', {
    features: [
      { name: 'forced-colors', value: 'active' },
      { name: 'prefers-color-scheme', value: 'dark' },
    ],
  });
  try {
    const section = await steps.find(`${ERASURES} >>> section`);
    const colours = await section.evaluate((el) => {
      const cell = el.querySelector('tbody td')!;
      return {
        canvas: getComputedStyle(el).backgroundColor,
        text: getComputedStyle(cell).color,
        rule: getComputedStyle(cell).borderBottomColor,
      };
    });
    assert.notEqual(colours.text, 'rgb(26, 26, 26)', 'the theme replaced the page text colour');
    assert.notEqual(colours.text, colours.canvas, 'the text shows on the canvas');
    assert.notEqual(colours.rule, colours.canvas, 'the rules show on the canvas');
    // Not axe here: its contrast rule reads the author colours that forced colours replace, and flags
    // every text of the page.
  } finally {
    await cdp.send('Emulation.setEmulatedMedia', { features: [] });
  }
  assert.deepEqual(problems, []);
});
