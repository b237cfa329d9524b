// The statistics period as a DPO types it: a From after its To. The real collector on a temporary SQLite
// file, the built page in Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'puppeteer-core';
import { buildServer } from '../../src/server.js';
import { TOKEN, logCapture, tempDir, testOptions } from '../helpers.js';
import { ensureAdminBuild, openBrowser, pageSteps } from './admin-page.js';

const STATS = 'admin-app >>> stats-section';
const db = tempDir();
let app: FastifyInstance;
let browser: Browser;
let page: Page;
let problems: string[];
let steps: ReturnType<typeof pageSteps>;

before(async () => {
  await ensureAdminBuild();
  app = await buildServer(testOptions({ db: join(db.dir, 'stats.sqlite') }), {
    logStream: logCapture().stream,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  assert.ok(address && typeof address === 'object');
  ({ browser, page, problems } = await openBrowser());
  steps = pageSteps(page);
  await page.goto(`http://127.0.0.1:${address.port}/admin/`);
  await steps.signIn(TOKEN);
});

after(async () => {
  await browser?.close();
  await app?.close();
  db.remove();
});

test('a period whose From comes after its To is refused with a message naming both fields, tied to them', async () => {
  const { find, textOf, until } = steps;
  const status = `${STATS} >>> p[role=status]`;
  await find(`${STATS} >>> decisions-chart`);
  const setDay = async (selector: string, day: string) =>
    (await find(selector)).evaluate((el, d) => ((el as HTMLInputElement).value = d), day);
  await setDay(`${STATS} >>> #stats-from`, '2026-03-02');
  await setDay(`${STATS} >>> #stats-to`, '2026-03-01');
  (await find(`${STATS} >>> form button[type=submit]`)).click();
  await until(async () => /From/.test(await textOf(status)), 'the message');
  assert.match(await textOf(status), /“From” must be on or before “To”/);
  const id = await (await find(status)).evaluate((el) => el.id);
  assert.ok(id, 'the message has an id to be tied to');
  for (const field of ['#stats-from', '#stats-to']) {
    const input = await find(`${STATS} >>> ${field}`);
    assert.equal(await input.evaluate((el) => el.getAttribute('aria-invalid')), 'true', field);
    assert.equal(await input.evaluate((el) => el.getAttribute('aria-describedby')), id, field);
  }
  assert.deepEqual(await steps.axe(), []);
  assert.deepEqual(problems, []);
});
