// The records list's filters under the input a DPO really gets: a consent id read out or copied from a
// visitor's mail (spaces, upper case, stray characters). The real collector on a temporary SQLite file,
// the built page in Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'puppeteer-core';
import { TOKEN, listeningServer, postText, receipt, tempDir } from '../helpers.js';
import { ensureAdminBuild, openBrowser, pageSteps } from './admin-page.js';

const VISITOR = '01a24575-1996-7123-bf5f-ceeba170f977';
const RECORDS = 'admin-app >>> records-table';
const STATUS = `${RECORDS} >>> p[role=status]`;
const ID_FIELD = `${RECORDS} >>> #f-id`;

const db = tempDir();
let app: FastifyInstance;
let base: string;
let browser: Browser;
let page: Page;
let problems: string[];
let steps: ReturnType<typeof pageSteps>;
/** The consent ids the page asked the records API for. */
const asked: string[] = [];

before(async () => {
  await ensureAdminBuild();
  ({ app, base } = await listeningServer({ db: join(db.dir, 'filters.sqlite') }));
  for (const [id, method] of [
    [VISITOR, 'accept-all'],
    [VISITOR, 'withdraw'],
    ['01a24575-1f8d-7287-a5f9-2ab866ea8548', 'reject-all'],
  ] as const) {
    const res = await postText(base, '/consent', JSON.stringify(receipt({ id, method })));
    assert.equal(res.status, 202);
  }
  ({ browser, page, problems } = await openBrowser());
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/api/records') asked.push(url.searchParams.get('id') ?? '');
  });
  steps = pageSteps(page);
  await page.goto(`${base}/admin/`);
  await steps.signIn(TOKEN);
  await steps.until(async () => /of 3 records/.test(await steps.textOf(STATUS)), 'the list');
});

after(async () => {
  await browser?.close();
  await app?.close();
  db.remove();
});

async function filterById(typed: string): Promise<void> {
  const field = await steps.find(ID_FIELD);
  await field.evaluate((el) => ((el as HTMLInputElement).value = ''));
  await field.type(typed);
  await page.keyboard.press('Enter');
}

test('a consent id read out with spaces and in upper case finds the visitor', async () => {
  const { textOf, until } = steps;
  await filterById(` ${VISITOR.toUpperCase().replaceAll('-', ' - ')} `);
  await until(async () => /of 2 records/.test(await textOf(STATUS)), "the visitor's records");
  assert.equal(asked.at(-1), VISITOR.toUpperCase());
  assert.deepEqual(problems, []);
});

test('a consent id that cannot be one is refused with a message tied to the field, before any request', async () => {
  const { textOf, until, count } = steps;
  const before = asked.length;
  await filterById('not an id!');
  await until(async () => /consent id/i.test(await textOf(STATUS)), 'the message');
  assert.match(await textOf(STATUS), /letters, digits/);
  assert.equal(asked.length, before, 'nothing asked of the collector');
  // The rows of the previous filter are not left standing under the message as if they answered it.
  assert.equal(await count(`${RECORDS} >>> tbody tr`), 0);
  const field = await steps.find(ID_FIELD);
  assert.equal(await field.evaluate((el) => el.getAttribute('aria-invalid')), 'true');
  const describedBy = await field.evaluate((el) => el.getAttribute('aria-describedby'));
  assert.equal(describedBy, await (await steps.find(STATUS)).evaluate((el) => el.id));
  assert.deepEqual(await steps.axe(), []);
  assert.deepEqual(problems, []);
});

test('a period whose From comes after its To is refused with a message naming both fields, tied to them', async () => {
  const { find, textOf, until } = steps;
  const setDay = async (selector: string, day: string) =>
    (await find(selector)).evaluate((el, d) => ((el as HTMLInputElement).value = d), day);
  await setDay(`${RECORDS} >>> #f-from`, '2026-03-02');
  await setDay(`${RECORDS} >>> #f-to`, '2026-03-01');
  await (await find(ID_FIELD)).evaluate((el) => ((el as HTMLInputElement).value = ''));
  (await find(`${RECORDS} >>> form button[type=submit]`)).click();
  await until(async () => /From/.test(await textOf(STATUS)), 'the message');
  assert.match(await textOf(STATUS), /“From” must be on or before “To”/);
  const status = await (await find(STATUS)).evaluate((el) => el.id);
  for (const field of ['#f-from', '#f-to']) {
    const input = await find(`${RECORDS} >>> ${field}`);
    assert.equal(await input.evaluate((el) => el.getAttribute('aria-invalid')), 'true', field);
    assert.equal(await input.evaluate((el) => el.getAttribute('aria-describedby')), status, field);
  }
  assert.deepEqual(problems, []);
});

test('Download CSV is of the filters the form shows: a refused consent id downloads nothing, a typed one is applied', async () => {
  const { find, textOf, until } = steps;
  const csv: string[] = [];
  const onRequest = (r: { url: () => string }) => {
    const url = new URL(r.url());
    if (url.pathname === '/api/records.csv')
      csv.push(url.searchParams.get('id') ?? '(every record)');
  };
  page.on('request', onRequest);
  try {
    (await find(`${RECORDS} >>> form button.secondary`)).click(); // Clear filters
    await until(async () => /of 3 records/.test(await textOf(STATUS)), 'every record');
    const download = async () => {
      for (const button of await page.$$(`${RECORDS} >>> form button`))
        if ((await button.evaluate((el) => el.textContent)) === 'Download CSV')
          return button.click();
      throw new Error('no Download CSV button');
    };
    // A mistyped id, not applied: the CSV must not be every visitor's records.
    await (await find(ID_FIELD)).type('not an id!');
    await download();
    await until(async () => /letters, digits/.test(await textOf(STATUS)), 'the id refused');
    assert.deepEqual(csv, [], 'no CSV asked for');
    // A valid id typed but not applied: the CSV (and the list) are that visitor's.
    await filterById(VISITOR.toUpperCase());
    await until(async () => /of 2 records/.test(await textOf(STATUS)), "the visitor's records");
    await (await find(ID_FIELD)).evaluate((el) => ((el as HTMLInputElement).value = ''));
    await (await find(ID_FIELD)).type('01a24575-1f8d-7287-a5f9-2ab866ea8548');
    await download();
    await until(async () => csv.length === 1, 'the CSV request');
    assert.deepEqual(csv, ['01a24575-1f8d-7287-a5f9-2ab866ea8548']);
    const listed = async () =>
      Promise.all(
        (await page.$$(`${RECORDS} >>> tbody button.link`)).map((b) =>
          b.evaluate((el) => el.textContent),
        ),
      );
    await until(
      async () => (await listed()).join() === '01a24575-1f8d-7287-a5f9-2ab866ea8548',
      'the list of that id too',
    );
  } finally {
    page.off('request', onRequest);
  }
});
