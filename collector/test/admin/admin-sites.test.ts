// The admin page of a collector that serves several sites, in Chromium: the site selector lists the
// sites seen, and choosing one filters the records, their CSV and the statistics, keeps the choice in
// the address, and passes axe-core. The real collector on a temporary SQLite file, receipts and hits
// sent over HTTP with each site's Origin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'puppeteer-core';
import { buildServer } from '../../src/server.js';
import { TOKEN, hit, logCapture, receipt, tempDir, testOptions } from '../helpers.js';
import { ensureAdminBuild, openBrowser, pageSteps } from './admin-page.js';

const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts', import.meta.url));
const INAMI = 'https://www.inami.fgov.be';
const RIZIV = 'https://www.riziv.fgov.be';
const PICKER = 'admin-app >>> site-picker >>> #site';
const RECORDS = 'admin-app >>> records-table';
const ROWS = `${RECORDS} >>> tbody > tr`;
const STATUS = `${RECORDS} >>> p[role=status]`;
const PAGEVIEWS = 'admin-app >>> stats-section >>> analytics-summary >>> #summary';

let app: FastifyInstance;
let base: string;
let browser: Browser;
let page: Page;
const db = tempDir();
const downloads = tempDir();
let consoleErrors: string[];
let steps: ReturnType<typeof pageSteps>;

async function send(path: string, body: object, origin: string): Promise<void> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin },
    body: JSON.stringify(body),
  });
  assert.equal(res.status, 202, `${path} answered ${res.status}: ${await res.text()}`);
}

// Polled: the page answers at its own pace on loaded cores.
const until = (check: () => Promise<boolean>, what: string) => steps.until(check, what, 15_000);
const textOf = (selector: string) => steps.textOf(selector);
const rowIds = async () =>
  Promise.all(
    (await page.$$(ROWS)).map((row) =>
      row.evaluate((tr) => tr.querySelector('td button')?.textContent?.trim() ?? ''),
    ),
  );

before(async () => {
  await ensureAdminBuild();
  app = await buildServer(
    testOptions({ db: join(db.dir, 'sites.sqlite'), origins: [INAMI, RIZIV] }),
    { logStream: logCapture().stream },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  assert.ok(address && typeof address === 'object');
  base = `http://127.0.0.1:${address.port}`;
  await send('/consent', receipt({ id: 'inami-visitor-1' }), INAMI);
  await send('/consent', receipt({ id: 'inami-visitor-2' }), INAMI);
  await send('/consent', receipt({ id: 'riziv-visitor-1', lang: 'nl', path: '/nl/' }), RIZIV);
  for (let i = 0; i < 3; i++) await send('/collect', hit({ path: '/fr/' }), INAMI);
  await send('/collect', hit({ path: '/nl/', lang: 'nl' }), RIZIV);

  ({ browser, page, problems: consoleErrors } = await openBrowser({ downloads: downloads.dir }));
  steps = pageSteps(page);
});

after(async () => {
  await browser?.close();
  await app?.close();
  db.remove();
  downloads.remove();
});

test('the admin page filters records and statistics by the site chosen, and keeps it in the address', async () => {
  await page.goto(`${base}/admin/`);
  await steps.signIn(TOKEN);

  // Every site at first: the selector lists both, the list holds the three records.
  await until(async () => (await page.$$(`${PICKER} > option`)).length === 3, 'the sites');
  const options = await Promise.all(
    (await page.$$(`${PICKER} > option`)).map((o) =>
      o.evaluate((el) => [el.value, el.textContent]),
    ),
  );
  assert.deepEqual(options, [
    ['', 'Every site (2)'],
    [INAMI, INAMI],
    [RIZIV, RIZIV],
  ]);
  await until(async () => (await rowIds()).length === 3, 'three records');
  await until(async () => /^4 pageviews/.test(await textOf(PAGEVIEWS)), 'four pageviews');

  // Chosen with the keyboard, as a site owner without a mouse would: focus, then the arrow keys.
  const picker = (await page.$(PICKER))!;
  await picker.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await until(
    async () => (await picker.evaluate((s) => (s as HTMLSelectElement).value)) === RIZIV,
    'RIZIV chosen',
  );
  await until(async () => (await rowIds()).join() === 'riziv-visitor-1', "RIZIV's record only");
  assert.match(await textOf(STATUS), /Showing 1–1 of 1 record, newest first/);
  await until(async () => /^1 pageview from/.test(await textOf(PAGEVIEWS)), "RIZIV's pageview");
  assert.equal(new URL(page.url()).searchParams.get('site'), RIZIV);
  assert.deepEqual(await steps.axe(), [], 'axe with a site chosen');
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'admin-site-chosen.png') });

  // The address keeps the site: a reload shows the same site, the token kept for the tab.
  await page.reload();
  await until(async () => (await rowIds()).join() === 'riziv-visitor-1', 'RIZIV after a reload');
  assert.equal(
    await (await page.$(PICKER))!.evaluate((s) => (s as HTMLSelectElement).value),
    RIZIV,
  );

  // Download CSV saves the list shown: that site's records only.
  const csv = page.waitForResponse((r) => r.url().includes('/api/records.csv'));
  await (await page.$(`${RECORDS} >>> .actions button:nth-of-type(3)`))!.click();
  assert.equal(new URL((await csv).url()).searchParams.get('site'), RIZIV);
  await until(async () => readdirSync(downloads.dir).some((f) => f.endsWith('.csv')), 'the CSV');
  const file = readdirSync(downloads.dir).find((f) => f.endsWith('.csv'))!;
  const lines = readFileSync(join(downloads.dir, file), 'utf8').trim().split(/\r?\n/);
  assert.equal(lines.length, 2, 'a header and the one record of that site');
  assert.match(lines[1]!, /riziv-visitor-1/);

  // Back to every site.
  await (await page.$(PICKER))!.select('');
  await until(async () => (await rowIds()).length === 3, 'every record again');
  assert.equal(new URL(page.url()).searchParams.get('site'), null);
  assert.deepEqual(consoleErrors, []);
});
