// The statistics period as a DPO types it: a From after its To. The real collector on a temporary SQLite
// file, the built page in Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'puppeteer-core';
import { listeningServer, tempDir } from '../helpers.js';
import { ensureAdminBuild, signedInPage, type pageSteps } from './admin-page.js';

const STATS = 'admin-app >>> stats-section';
const db = tempDir();
let app: FastifyInstance;
let browser: Browser;
let problems: string[];
let steps: ReturnType<typeof pageSteps>;

before(async () => {
  await ensureAdminBuild();
  let base: string;
  ({ app, base } = await listeningServer({ db: join(db.dir, 'stats.sqlite') }));
  ({ browser, problems, steps } = await signedInPage(base));
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
