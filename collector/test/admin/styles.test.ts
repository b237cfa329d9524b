// The admin page's charts in forced colours (Windows contrast themes), as staff who use one see them:
// Chromium keeps an SVG's own fills there, so the charts' text, axes and marks must take the system
// colours themselves. Checked on a dark theme, where grey text on the black canvas would vanish.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'puppeteer-core';
import { TOKEN, hit, listeningServer, postText, receipt, tempDir } from '../helpers.js';
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
  let base: string;
  ({ app, base } = await listeningServer({ db: join(db.dir, 'styles.sqlite') }));
  for (const method of ['accept-all', 'reject-all', 'custom'] as const) {
    const res = await postText(
      base,
      '/consent',
      JSON.stringify(
        receipt({
          method,
          categories: { necessary: true, analytics: method !== 'reject-all', marketing: false },
        }),
      ),
    );
    assert.equal(res.status, 202);
  }
  const pageview = await postText(base, '/collect', JSON.stringify(hit()));
  assert.equal(pageview.status, 202);
  ({ browser, page, problems } = await openBrowser());
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setEmulatedMedia', {
    features: [
      { name: 'forced-colors', value: 'active' },
      { name: 'prefers-color-scheme', value: 'dark' },
    ],
  });
  steps = pageSteps(page);
  await page.goto(`${base}/admin/`);
  await steps.signIn(TOKEN);
});

after(async () => {
  await browser?.close();
  await app?.close();
  db.remove();
});

test('in a dark forced-colours theme the charts draw their text, axes and marks in the system colours', async () => {
  await steps.find(`${STATS} >>> decisions-chart >>> svg.chart rect`);
  await steps.find(`${STATS} >>> acceptance-chart >>> svg.chart circle`);
  const { canvas, text } = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.cssText = 'color: CanvasText; background: Canvas';
    document.body.append(probe);
    const cs = getComputedStyle(probe);
    const colours = { canvas: cs.backgroundColor, text: cs.color };
    probe.remove();
    return colours;
  });
  assert.notEqual(canvas, text, 'a forced-colours theme is on');
  for (const chart of ['decisions-chart', 'acceptance-chart', 'analytics-summary']) {
    const paint = await page.$$eval(`${STATS} >>> ${chart} >>> svg.chart text`, (els) =>
      els.map((el) => getComputedStyle(el).fill),
    );
    assert.ok(paint.length > 0, `${chart} has axis labels`);
    assert.deepEqual(new Set(paint), new Set([text]), `${chart}: labels in CanvasText`);
    const axes = await page.$$eval(`${STATS} >>> ${chart} >>> svg.chart .axis`, (els) =>
      els.map((el) => getComputedStyle(el).stroke),
    );
    assert.deepEqual(new Set(axes), new Set([text]), `${chart}: axis in CanvasText`);
  }
  // Each bar, dot and legend key keeps its hue and gets an outline the theme's text colour, so it stands
  // out from any canvas.
  for (const marks of [
    'decisions-chart >>> svg.chart rect',
    'decisions-chart >>> .legend rect',
    'acceptance-chart >>> svg.chart circle',
  ]) {
    const strokes = await page.$$eval(`${STATS} >>> ${marks}`, (els) =>
      els.map((el) => getComputedStyle(el).stroke),
    );
    assert.ok(strokes.length > 0, `${marks} drawn`);
    assert.deepEqual(new Set(strokes), new Set([text]), `${marks}: outlined in CanvasText`);
  }
  assert.deepEqual(problems, []);
});
