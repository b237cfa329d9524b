// The sign-in form under the tokens people really paste: one copied from a document that turned a hyphen
// into a typographic dash, and the collector stopped. The real collector on a temporary SQLite file, the
// built page in Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'puppeteer-core';
import { TOKEN, listeningServer, tempDir } from '../helpers.js';
import { ensureAdminBuild, openBrowser, pageSteps } from './admin-page.js';

const MESSAGE = 'admin-app >>> admin-sign-in >>> #sign-in-message';
const db = tempDir();
let app: FastifyInstance;
let browser: Browser;
let page: Page;
let problems: string[];
let steps: ReturnType<typeof pageSteps>;

before(async () => {
  await ensureAdminBuild();
  let base: string;
  ({ app, base } = await listeningServer({ db: join(db.dir, 'sign-in.sqlite') }));
  // A stopped collector is part of the test: Chromium logs the refused connection.
  ({ browser, page, problems } = await openBrowser({
    expected: (m) => /ERR_CONNECTION_REFUSED/.test(m.text()),
  }));
  steps = pageSteps(page);
  await page.goto(`${base}/admin/`);
});

after(async () => {
  await browser?.close();
  await app?.close();
  db.remove();
});

test('a token pasted with a typographic dash is named as such, not as a collector that cannot be reached', async () => {
  await steps.signIn(TOKEN.replace('-', '\u2013'));
  await steps.until(async () => /\S/.test(await steps.textOf(MESSAGE)), 'the message');
  const message = await steps.textOf(MESSAGE);
  assert.doesNotMatch(message, /cannot be reached/);
  assert.match(message, /character/);
  const field = await steps.find('admin-app >>> admin-sign-in >>> #token');
  assert.equal(await field.evaluate((el) => el.getAttribute('aria-invalid')), 'true');
  assert.deepEqual(await steps.axe(), []);
  assert.deepEqual(problems, []);
});

test('with the collector stopped, the sign-in says it cannot be reached', async () => {
  await app.close();
  await steps.signIn(TOKEN);
  await steps.until(
    async () => /cannot be reached/.test(await steps.textOf(MESSAGE)),
    'the message',
  );
  assert.deepEqual(problems, []);
});
