// The site owner's admin page, used the way a site owner and a data-protection officer use it: the real
// collector on a temporary SQLite file, receipts and hits sent over HTTP, the built page in Chromium.
// Checks what an auditor checks too: the token stays in sessionStorage, the page runs under its strict
// CSP with Trusted Types, no console error, and axe-core finds no WCAG 2.x A/AA violation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server.js';
import { canonicalJson, snapshotHash } from 'garde/wire';
import {
  TOKEN,
  frenchSnapshot,
  hit,
  logCapture,
  receipt,
  tempDir,
  testOptions,
} from '../helpers.js';
import { ensureAdminBuild, openBrowser, pageSteps } from './admin-page.js';

const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts', import.meta.url));
const DAY = 86_400_000;

let app: FastifyInstance;
let base: string;
let clock = Date.now();
const downloads = tempDir();
const db = tempDir();

// Seeded decisions: receivedAt spread over the last days through the server's clock.
const VISITOR = 'visitor-with-history';
// What that visitor saw at their first decision (stored), and at their second (never sent).
const SNAPSHOT = frenchSnapshot();
const SHOWN = (await snapshotHash(SNAPSHOT))!;
const MISSING = 'e'.repeat(64);
const SEEDED = { total: 0, gpc: 0 };
// A forged receipt: sent with the page's Origin but a clock a day off, naming a snapshot that reads like the
// genuine banner (a Cyrillic "а" in "accepter", a right-to-left override and a zero-width space).
const FORGED_VISITOR = 'forged-visitor';
const FORGED = frenchSnapshot({
  texts: {
    accept: 'Tout \u0430ccepter',
    reject: 'Tout \u202erefuser\u202c',
    title: 'Cookies sur ce\u200b site',
  },
});
const FORGED_SHOWN = (await snapshotHash(FORGED))!;
// What the site registers itself, from its config (published by the site), which no receipt names yet.
const PUBLISHED = frenchSnapshot({
  lang: 'nl',
  policy: { url: '/nl/privacy', version: '2026-04' },
});
const PUBLISHED_SHOWN = (await snapshotHash(PUBLISHED))!;

// Hits come from real browsers: the collector reduces their user agent to family, major and OS.
const AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
];

async function post(
  path: string,
  body: unknown,
  daysAgo: number,
  userAgent = AGENTS[0]!,
): Promise<void> {
  clock = Date.now() - daysAgo * DAY;
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': userAgent },
    body: JSON.stringify(body),
  });
  assert.equal(res.status, 202, `${path} answered ${res.status}: ${await res.text()}`);
}

const RECORDS = 'admin-app >>> records-table';
const ROWS = `${RECORDS} >>> tbody > tr`;
const STATUS = `${RECORDS} >>> p[role=status]`;

// Refused tokens and a closed collector are part of the test: Chromium logs each 401 or 503 as a failed load.
// So is a snapshot the collector does not have (404), which the history says in words.
const {
  browser,
  page,
  problems: consoleErrors,
  cspViolations,
} = await openBrowser({
  expected: (m) =>
    /status of (401|503)/.test(m.text()) ||
    (/status of 404/.test(m.text()) && /\/api\/snapshots\//.test(m.location().url ?? '')),
  downloads: downloads.dir,
});
const { find, textOf, count, until, signIn, axe } = pageSteps(page);

before(async () => {
  await ensureAdminBuild();
  app = await buildServer(testOptions({ db: join(db.dir, 'admin.sqlite'), adminToken: TOKEN }), {
    now: () => new Date(clock),
    logStream: logCapture().stream,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  assert.ok(address && typeof address === 'object');
  base = `http://127.0.0.1:${address.port}`;

  // One visitor who changed their mind, and 32 others over the last 12 days.
  const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
  await post(
    '/consent',
    receipt({
      id: VISITOR,
      ts: ago(6),
      method: 'accept-all',
      version: '2026-01',
      categories: { necessary: true, analytics: true, marketing: true },
      shown: SHOWN,
      layer: 'banner',
      v: '0.1.0',
    }),
    6,
  );
  // The page sends the snapshot the collector said it lacked, as src/core/shown.ts does.
  const sent = await fetch(`${base}/consent/snapshot`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
    body: `{"shown":"${SHOWN}","snapshot":${canonicalJson(SNAPSHOT)}}`,
  });
  assert.equal(sent.status, 201);
  await post(
    '/consent',
    receipt({
      id: VISITOR,
      ts: ago(2),
      method: 'custom',
      version: '2026-05',
      categories: { necessary: true, analytics: true, marketing: false },
      shown: MISSING,
      layer: 'dialog',
      v: '0.1.0',
    }),
    2,
  );
  SEEDED.total = 2;
  clock = Date.now() - 3 * DAY;
  const forged = await fetch(`${base}/consent`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: base },
    body: JSON.stringify(
      receipt({
        id: FORGED_VISITOR,
        ts: ago(4),
        method: 'reject-all',
        shown: FORGED_SHOWN,
        layer: 'banner',
        v: '0.1.0',
      }),
    ),
  });
  assert.equal(forged.status, 202);
  SEEDED.total++;
  const forgedSnapshot = await fetch(`${base}/consent/snapshot`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: base },
    body: JSON.stringify({ shown: FORGED_SHOWN, snapshot: FORGED }),
  });
  assert.equal(forgedSnapshot.status, 201);
  const published = await fetch(`${base}/api/snapshots`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ snapshot: PUBLISHED }),
  });
  assert.equal(published.status, 201);
  const methods = ['accept-all', 'reject-all', 'custom', 'gpc'] as const;
  for (let i = 0; i < 32; i++) {
    const method = methods[i % 4]!;
    const granted = method === 'accept-all' || (method === 'custom' && i % 3 === 0);
    await post(
      '/consent',
      receipt({
        id: `visitor-${i}`,
        method,
        version: '2026-05',
        categories: { necessary: true, analytics: granted, marketing: method === 'accept-all' },
        services: { matomo: granted },
        path: i % 2 ? '/nl/terugbetalingen' : '/fr/remboursements',
        ts: ago(i % 12),
      }),
      i % 12,
    );
    SEEDED.total++;
    if (method === 'gpc') SEEDED.gpc++;
  }
  for (let i = 0; i < 40; i++) {
    await post(
      '/collect',
      hit({
        path: ['/fr/', '/nl/', '/fr/remboursements', '/de/'][i % 4]!,
        consent: i % 3 === 0,
        referrer: i % 5 === 0 ? 'https://www.google.com/search' : undefined,
      }),
      i % 10,
      AGENTS[i % 3],
    );
  }
  clock = Date.now();

  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser.close();
  await app?.close();
  downloads.remove();
  db.remove();
});

test('GET /admin serves the page with a strict CSP and no inline script or style', async () => {
  const res = await fetch(`${base}/admin/`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /script-src 'self'/);
  assert.match(html, /require-trusted-types-for 'script'/);
  assert.doesNotMatch(html, /<style|\sstyle=/, 'no inline style');
  for (const tag of html.match(/<script[^>]*>/g) ?? [])
    assert.match(tag, /\ssrc=/, 'no inline script');
  assert.equal((await fetch(`${base}/admin`, { redirect: 'manual' })).status, 302);
});

test('a wrong token is refused with a clear message, and nothing is stored', async () => {
  await page.goto(`${base}/admin`);
  await signIn('not-the-token');
  await until(
    async () =>
      /refused this token/.test(await textOf('admin-app >>> admin-sign-in >>> #sign-in-message')),
    'the error',
  );
  const input = await find('admin-app >>> admin-sign-in >>> #token');
  assert.equal(await input.evaluate((el) => el.getAttribute('aria-invalid')), 'true');
  assert.equal(
    await input.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement),
    true,
    'focus stays on the token field',
  );
  assert.equal(await page.evaluate(() => sessionStorage.length + localStorage.length), 0);
  assert.deepEqual(await axe(), [], 'axe on the sign-in with its error');
  await page.screenshot({ path: join(ARTIFACTS, 'admin-sign-in.png') });
});

test('the right token shows the newest records first, kept in sessionStorage only', async () => {
  await signIn(TOKEN);
  await find(ROWS);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('garde-admin-token')), TOKEN);
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'never in localStorage');
  assert.match(await textOf(STATUS), new RegExp(`Showing 1–25 of ${SEEDED.total} records`));
  assert.equal(await count(ROWS), 25);
  const received = await page.$$eval(`${ROWS} > td:last-child`, (cells) =>
    cells.map((c) => c.textContent!.trim()),
  );
  assert.deepEqual([...received].sort().reverse(), received, 'newest first');
  assert.match(received[0]!, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
});

test('pagination moves to the last records', async () => {
  (await find(`${RECORDS} >>> nav button:last-of-type`)).click();
  await until(async () => /Showing 26–/.test(await textOf(STATUS)), 'page 2');
  assert.equal(await count(ROWS), SEEDED.total - 25);
  assert.match(await textOf(`${RECORDS} >>> nav`), /Page 2 of 2/);
  // On the last page "Next" says so, and keeps the keyboard focus rather than dropping it to <body>.
  const next = await find(`${RECORDS} >>> nav button:last-of-type`);
  assert.equal(await next.evaluate((el) => el.getAttribute('aria-disabled')), 'true');
  assert.equal(
    await next.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement),
    true,
  );
  await page.keyboard.press('Enter');
  assert.match(await textOf(`${RECORDS} >>> nav`), /Page 2 of 2/);
});

test('filtering by method lists only those decisions', async () => {
  await page.select(`${RECORDS} >>> #f-method`, 'gpc');
  (await find(`${RECORDS} >>> form button[type=submit]`)).click();
  await until(
    async () => new RegExp(`of ${SEEDED.gpc} records`).test(await textOf(STATUS)),
    'the gpc filter',
  );
  const methods = await page.$$eval(`${ROWS} > td:nth-child(3)`, (cells) =>
    cells.map((c) => c.textContent!.trim()),
  );
  assert.equal(methods.length, SEEDED.gpc);
  assert.deepEqual(new Set(methods), new Set(['gpc']));
  (await find(`${RECORDS} >>> form button.secondary`)).click(); // Clear filters
  await until(
    async () => new RegExp(`of ${SEEDED.total} records`).test(await textOf(STATUS)),
    'cleared filters',
  );
});

test("a consent id opens that visitor's whole history, oldest first, and Escape returns focus", async () => {
  await page.type(`${RECORDS} >>> #f-id`, VISITOR);
  (await find(`${RECORDS} >>> form button[type=submit]`)).click();
  await until(async () => /of 2 records/.test(await textOf(STATUS)), 'the id filter');
  const opener = await find(`${RECORDS} >>> tbody button.link`);
  await opener.click();
  const dialog = 'admin-app >>> visitor-history >>> dialog[open]';
  await find(`${dialog} tbody tr`);
  assert.match(await textOf(`${dialog} h2`), new RegExp(`History of consent id ${VISITOR}`));
  const rows = await page.$$eval(`${dialog} tbody tr`, (trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())),
  );
  assert.deepEqual(
    rows.map((r) => [r[1], r[2], r[3]]),
    [
      ['accept-all', 'banner', '2026-01'],
      ['custom', 'dialog', '2026-05'],
    ],
  );
  assert.match(rows[1]![4]!, /Refused: marketing/);
  assert.deepEqual(await axe(), [], 'axe with the history dialog open');
  await page.screenshot({ path: join(ARTIFACTS, 'admin-history.png') });

  // What this visitor saw: each decision's disclosure, opened from the keyboard.
  const summaries = await page.$$(`${dialog} details > summary`);
  assert.equal(summaries.length, 2);
  assert.match(
    await summaries[0]!.evaluate((el) => el.textContent!.replace(/\s+/g, ' ')),
    /Decision of .* \(accept-all, banner\): what this visitor saw/,
  );
  for (const summary of summaries) {
    await summary.focus();
    await page.keyboard.press('Enter');
  }
  const view = `${dialog} details snapshot-view`;
  await until(
    async () => /Tout accepter/.test(await textOf(`${view} >>> .shown`)),
    'the first snapshot, as text',
  );
  const seen = await textOf(`${view} >>> .shown`);
  for (const text of [
    'Banner: Cookies sur ce site',
    'Tout refuser',
    'Category: Mesure d’audience (analytics)',
    'Compter les visites pour améliorer le site.',
    'Matomo (service matomo)',
    'Provider: INAMI',
    '_pk_id.*',
    'Visiteur',
    '13 mois',
  ])
    assert.ok(seen.includes(text), `"${text}" in what the visitor saw: ${seen}`);
  assert.match(
    await textOf(`${view} >>> p.muted`),
    new RegExp(`Snapshot ${SHOWN} \\(language fr\\)`),
  );
  assert.equal(
    await (
      await find(`${view} >>> .shown h5 span[lang]`)
    ).evaluate((el) => el.getAttribute('lang')),
    'fr',
  );
  await until(
    async () =>
      /does not have this snapshot/.test(
        await textOf(`${dialog} details:nth-of-type(2) snapshot-view >>> p`),
      ),
    'the missing snapshot said so',
  );
  assert.deepEqual(await axe(), [], 'axe with what the visitor saw open');
  await page.screenshot({ path: join(ARTIFACTS, 'admin-history-shown.png'), fullPage: true });
  await page.keyboard.press('Escape');
  await until(async () => (await page.$(dialog)) === null, 'the dialog to close');
  assert.equal(
    await opener.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement),
    true,
    'focus back on the consent id',
  );
  (await find(`${RECORDS} >>> form button.secondary`)).click();
  await until(
    async () => new RegExp(`of ${SEEDED.total} records`).test(await textOf(STATUS)),
    'cleared filters',
  );
});

test('the versions list gives each snapshot: hash, language, versions, first and last seen, receipts', async () => {
  const versions = 'admin-app >>> snapshot-versions';
  await find(`${versions} >>> tbody tr`);
  const rows = await page.$$eval(`${versions} >>> tbody tr`, (trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim())),
  );
  assert.deepEqual(
    rows.map((r) => [r[0], r[1], r[2], r[3], r[6], r[7], r[8]]),
    [
      [MISSING, '—', '—', '—', '1', 'missing', '—'],
      [FORGED_SHOWN, 'fr', '0.1.0', '2020-12-07', '1', 'stored', 'reported by browsers only'],
      [SHOWN, 'fr', '0.1.0', '2020-12-07', '1', 'stored', 'reported by browsers only'],
      [PUBLISHED_SHOWN, 'nl', '0.1.0', '2026-04', '0', 'stored', 'published by the site'],
    ],
  );
  assert.match(rows[2]![4]!, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
  const summary = await find(`${versions} >>> details > summary`);
  await summary.click();
  await until(
    async () =>
      /Banner: Cookies sur ce\s*\[U\+200B ZERO WIDTH SPACE\]\s*site/.test(
        await textOf(`${versions} >>> snapshot-view >>> .shown`),
      ),
    'the forged version as text, its zero-width space shown',
  );
  // What disguises the forged text is named, visibly, and counted above it.
  const view = `${versions} >>> snapshot-view`;
  assert.match(
    await textOf(`${view} >>> p.warning`),
    /3 invisible or direction-changing characters and 1 word mixing scripts/,
  );
  const marks = await page.$$eval(`${view} >>> mark.disguise`, (els) =>
    els.map((el) => el.textContent!.replace(/\s+/g, ' ').trim()),
  );
  assert.ok(marks.includes('[U+202E RIGHT-TO-LEFT OVERRIDE]'), marks.join(' | '));
  assert.ok(marks.includes('[U+202C POP DIRECTIONAL FORMATTING]'), marks.join(' | '));
  assert.ok(marks.includes('\u0430ccepter'), marks.join(' | '));
  assert.match(await textOf(`${view} >>> .disguise-note`), /mixed scripts: Cyrillic \+ Latin/);
  // The override itself is never rendered: the text after it reads in its real order.
  assert.ok(!(await textOf(`${view} >>> .shown`)).includes('\u202e'));
  await page.screenshot({ path: join(ARTIFACTS, 'admin-snapshot-disguised.png'), fullPage: true });
  assert.deepEqual(await axe(), [], 'axe with a version open');
});

test("each record shows the Origin it was sent with and whether the browser's clock was off", async () => {
  await page.type(`${RECORDS} >>> #f-id`, FORGED_VISITOR);
  (await find(`${RECORDS} >>> form button[type=submit]`)).click();
  await until(async () => /of 1 records?/.test(await textOf(STATUS)), 'the id filter');
  const headers = await page.$$eval(`${RECORDS} >>> thead th`, (ths) =>
    ths.map((th) => th.textContent!.trim()),
  );
  const [cells] = await page.$$eval(ROWS, (trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim())),
  );
  assert.equal(cells![headers.indexOf('Origin')], base);
  assert.match(cells![headers.indexOf('Browser clock')]!, /^Off by more than 10 min/);
  (await find(`${RECORDS} >>> form button.secondary`)).click();
  await until(
    async () => new RegExp(`of ${SEEDED.total} records`).test(await textOf(STATUS)),
    'cleared filters',
  );
  const column = headers.indexOf('Browser clock');
  const clocks = await page.$$eval(
    ROWS,
    (trs, at) => trs.map((tr) => tr.children[at as number]!.textContent!.trim()),
    column,
  );
  assert.ok(clocks.includes('Within 10 min'));
});

test('Download CSV fetches every record with the Bearer token and saves the file', async () => {
  const csv = page.waitForResponse((r) => r.url().includes('/api/records.csv'));
  (await find(`${RECORDS} >>> .actions button:nth-of-type(3)`)).click();
  const res = await csv;
  assert.equal(res.status(), 200);
  assert.equal(res.request().headers()['authorization'], `Bearer ${TOKEN}`);
  await until(
    async () => readdirSync(downloads.dir).some((f) => f.endsWith('.csv')),
    'the downloaded file',
  );
  const file = readdirSync(downloads.dir).find((f) => f.endsWith('.csv'))!;
  assert.match(file, /^garde-records-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync(join(downloads.dir, file), 'utf8').trim().split(/\r?\n/);
  assert.equal(lines.length, SEEDED.total + 1, 'a header and one line per record, no pagination');
  assert.ok(lines.some((l) => l.includes(VISITOR)));
  assert.match(lines[0]!, /,layer,shown,v$/);
  assert.ok(lines.some((l) => l.includes(VISITOR) && l.endsWith(`,banner,${SHOWN},0.1.0`)));
  assert.match(await textOf(STATUS), /CSV downloaded/);
});

test('the charts and the analytics summary show the seeded figures, with their text alternatives', async () => {
  const decisions = 'admin-app >>> stats-section >>> decisions-chart';
  await find(`${decisions} >>> svg.chart rect`);
  assert.match(
    await textOf(`${decisions} >>> #summary`),
    new RegExp(`^${SEEDED.total} decisions from `),
  );
  assert.equal(
    await (await find(`${decisions} >>> svg.chart`)).evaluate((el) => el.getAttribute('role')),
    'img',
  );
  const tableTotal = await page.$$eval(`${decisions} >>> tbody td:last-child`, (tds) =>
    tds.reduce((s, td) => s + Number(td.textContent), 0),
  );
  assert.equal(tableTotal, SEEDED.total, 'the table alternative adds up');

  const acceptance = 'admin-app >>> stats-section >>> acceptance-chart';
  assert.ok((await count(`${acceptance} >>> svg.chart path`)) >= 2, 'one line per category');
  assert.match(
    await textOf(`${acceptance} >>> #summary`),
    new RegExp(`analytics \\d+% \\(\\d+ of ${SEEDED.total}\\), marketing \\d+%`),
  );
  assert.doesNotMatch(await textOf(`${acceptance} >>> #summary`), /necessary/);

  const analytics = 'admin-app >>> stats-section >>> analytics-summary';
  assert.match(
    await textOf(`${analytics} >>> #summary`),
    /^40 pageviews .* 14 \(35%\) with analytics consent/,
  );
  assert.match(await textOf(`${analytics} >>> .tops`), /\/fr\/remboursements/);
  const tops = await page.$$eval(`${analytics} >>> .tops tbody tr`, (trs) =>
    trs.map((tr) =>
      [...tr.children]
        .slice(0, 2)
        .map((c) => c.textContent!.trim())
        .join(' '),
    ),
  );
  assert.ok(tops.includes('www.google.com 8'), 'referrer domains');
  assert.ok(
    tops.includes('Firefox 14') && tops.includes('Chrome 26'),
    'browsers from the reduced user agents',
  );
  assert.ok(tops.includes('Android 13') && tops.includes('Linux 14'), 'operating systems');
  // Open every table alternative so that axe checks them too.
  for (const details of await page.$$('admin-app >>> stats-section >>> details'))
    await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
  assert.deepEqual(await axe(), [], 'axe on the whole dashboard');
  await page.screenshot({ path: join(ARTIFACTS, 'admin-1280.png'), fullPage: true });
});

test('at 320 px nothing but the data tables scrolls sideways', async () => {
  await page.setViewport({ width: 320, height: 800 });
  await until(
    async () => (await page.evaluate(() => document.documentElement.clientWidth)) === 320,
    'the resize',
  );
  await new Promise((r) => setTimeout(r, 200)); // the charts redraw on ResizeObserver
  assert.equal(
    await page.evaluate(() => document.documentElement.scrollWidth),
    320,
    'no page-wide horizontal scroll',
  );
  const chartWidth = await (
    await find('admin-app >>> stats-section >>> decisions-chart >>> svg.chart')
  ).evaluate((el) => el.getBoundingClientRect().right);
  assert.ok(chartWidth <= 320, `the chart fits (${chartWidth})`);
  await page.screenshot({ path: join(ARTIFACTS, 'admin-320.png'), fullPage: true });
  assert.deepEqual(await axe(), [], 'axe at 320 px');
  await page.setViewport({ width: 1280, height: 900 });
});

test('the date filter and the statistics period narrow everything to one day', async () => {
  const today = new Date().toISOString().slice(0, 10);
  const setDate = async (selector: string) =>
    (await find(selector)).evaluate((el, day) => ((el as HTMLInputElement).value = day), today);
  await setDate(`${RECORDS} >>> #f-from`);
  await setDate(`${RECORDS} >>> #f-to`);
  (await find(`${RECORDS} >>> form button[type=submit]`)).click();
  await until(
    async () => /Showing 1–3 of 3 records/.test(await textOf(STATUS)),
    'the records of today',
  );

  const stats = 'admin-app >>> stats-section';
  await setDate(`${stats} >>> #stats-from`);
  (await find(`${stats} >>> form button[type=submit]`)).click();
  await until(
    async () =>
      new RegExp(`^3 decisions from ${today} to ${today}: accept-all 3 \\(100%\\)`).test(
        await textOf(`${stats} >>> decisions-chart >>> #summary`),
      ),
    'the statistics of today',
  );
  assert.equal(await count(`${stats} >>> decisions-chart >>> svg.chart rect`), 1, 'one bar');
  assert.match(
    await textOf(`${stats} >>> analytics-summary >>> #summary`),
    new RegExp(`^4 pageviews from ${today}`),
  );
});

test('the history exports a visitor as JSON and erases them after a confirmation', async () => {
  await (await find(`${RECORDS} >>> form button.secondary`)).click(); // Clear filters
  await until(
    async () => new RegExp(`of ${SEEDED.total} records`).test(await textOf(STATUS)),
    'cleared filters',
  );
  await page.type(`${RECORDS} >>> #f-id`, VISITOR.toUpperCase());
  (await find(`${RECORDS} >>> form button[type=submit]`)).click();
  await until(async () => /of 2 records/.test(await textOf(STATUS)), 'the id filter, in any case');
  (await find(`${RECORDS} >>> tbody button.link`)).click();
  const dialog = 'admin-app >>> visitor-history >>> dialog[open]';
  await find(`${dialog} tbody tr`);

  const exported = page.waitForResponse((r) => r.url().includes('/export'));
  (await find(`${dialog} .actions button:nth-of-type(1)`)).click();
  const res = await exported;
  assert.equal(res.status(), 200);
  assert.equal(res.request().headers()['authorization'], `Bearer ${TOKEN}`);
  const name = `garde-consent-${VISITOR}.json`;
  await until(async () => readdirSync(downloads.dir).includes(name), 'the exported file');
  const file = JSON.parse(readFileSync(join(downloads.dir, name), 'utf8'));
  assert.equal(file.id, VISITOR);
  assert.deepEqual(
    file.records.map((r: { method: string }) => r.method),
    ['accept-all', 'custom'],
  );
  assert.match(await textOf(`${dialog} #history-status`), /Exported: garde-consent-/);

  // Erase… asks first; Cancel erases nothing and gives the focus back.
  const eraseButton = await find(`${dialog} #erase-button`);
  await eraseButton.click();
  await find(`${dialog} .confirm`);
  assert.match(await textOf(`${dialog} #erase-question`), /Erase the 2 records of consent id/);
  assert.equal(
    await page.evaluate(
      () =>
        document
          .querySelector('admin-app')!
          .shadowRoot!.querySelector('records-table')!
          .shadowRoot!.querySelector('visitor-history')!.shadowRoot!.activeElement?.id,
    ),
    'erase-question',
  );
  assert.deepEqual(await axe(), [], 'axe with the erase confirmation open');
  await page.screenshot({ path: join(ARTIFACTS, 'admin-erase-confirm.png') });
  (await find(`${dialog} .confirm button.secondary`)).click();
  await until(async () => (await page.$(`${dialog} .confirm`)) === null, 'the confirmation to go');
  const history = await (
    await fetch(`${base}/api/records/${VISITOR}`, { headers: { authorization: `Bearer ${TOKEN}` } })
  ).json();
  assert.equal(history.records.length, 2, 'Cancel erased nothing');

  await (await find(`${dialog} #erase-button`)).click();
  const erased = page.waitForResponse((r) => r.request().method() === 'DELETE');
  (await find(`${dialog} .confirm button.danger`)).click();
  assert.equal((await erased).status(), 200);
  await until(
    async () => /2 records erased/.test(await textOf(`${dialog} #history-status`)),
    'the erasure message',
  );
  assert.equal(await count(`${dialog} tbody tr`), 0);
  // The list behind reloads: the visitor is gone there too.
  await until(
    async () => /of 0 records|No records/.test(await textOf(STATUS)),
    'the list to reload',
  );
  const after = await (
    await fetch(`${base}/api/records/${VISITOR}`, { headers: { authorization: `Bearer ${TOKEN}` } })
  ).json();
  assert.deepEqual(after.records, []);
  const stats = await (
    await fetch(`${base}/api/stats`, { headers: { authorization: `Bearer ${TOKEN}` } })
  ).json();
  // Every record was put into the log before the erasure, which is a leaf of its own after them; so is
  // each of the 3 snapshots stored, and the erasure of the visitor's snapshot with its last receipt.
  assert.equal(stats.log.size, SEEDED.total + 1 + 3 + 1, 'the tombstones stay in the log');
  await page.keyboard.press('Escape');
  await until(async () => (await page.$(dialog)) === null, 'the dialog to close');
  await (await find(`${RECORDS} >>> form button.secondary`)).click();
  await until(async () => /of \d+ records/.test(await textOf(STATUS)), 'cleared filters');
});

test('a token the collector stops accepting sends the site owner back to the sign-in', async () => {
  await page.evaluate(() => sessionStorage.setItem('garde-admin-token', 'revoked-token'));
  await page.reload();
  await until(
    async () =>
      /no longer accepts this token/.test(
        await textOf('admin-app >>> admin-sign-in >>> #sign-in-message'),
      ),
    'the sign-in',
  );
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
});

test('sign out forgets the token', async () => {
  await signIn(TOKEN);
  await find(ROWS);
  (await find('admin-app >>> header button')).click();
  await until(
    async () => /signed out/.test(await textOf('admin-app >>> admin-sign-in >>> #sign-in-message')),
    'the sign-in',
  );
  assert.equal(await page.evaluate(() => sessionStorage.length + localStorage.length), 0);
  await page.reload();
  await find('admin-app >>> admin-sign-in >>> #token');
});

test('a collector started without GARDE_ADMIN_TOKEN is reported as closed at sign-in', async () => {
  const closed = await buildServer(testOptions({ db: ':memory:', adminToken: null }), {
    logStream: logCapture().stream,
  });
  await closed.listen({ port: 0, host: '127.0.0.1' });
  try {
    const { port } = closed.server.address() as { port: number };
    await page.goto(`http://127.0.0.1:${port}/admin/`);
    await signIn(TOKEN);
    await until(
      async () =>
        /503: The reading endpoints are closed: start the collector with GARDE_ADMIN_TOKEN set\.$/.test(
          await textOf('admin-app >>> admin-sign-in >>> #sign-in-message'),
        ),
      'the message',
    );
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  } finally {
    await page.goto(`${base}/admin/`);
    // Chromium keeps its idle keep-alive connection to this server open: closing waited ~9 s for it.
    closed.server.closeAllConnections();
    await closed.close();
  }
});

test('no console error and no CSP violation; Trusted Types are enforced', async () => {
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(cspViolations, []);
  // Proof that the CSP is live: writing HTML from a string is refused, so only Lit's templates can.
  const blocked = await page.evaluate(() => {
    try {
      // eslint-disable-next-line no-restricted-properties -- the very call the CSP must refuse
      document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
      return false;
    } catch {
      return true;
    }
  });
  assert.equal(blocked, true);
  await until(async () => cspViolations.length > 0, 'the violation report');
  assert.match(
    cspViolations[0]!,
    /require-trusted-types-for/,
    'and the listener that saw none before does see this one',
  );
});
