// One decision for every tab, as a visitor lives it: two tabs of the demo in one browser
// (Chromium driven by puppeteer-core, one context: one cookie jar), served by the real collector
// with the built dist/garde.js, which stores the receipts and hits. A decision in one tab reaches
// the other (its embed, its tracker, its banner); after a refusal neither sends another hit.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, ElementHandle, Page } from 'puppeteer-core';
import { launchBrowser } from '../../audit/src/audit.js';
import { built } from '../../audit/test/helpers/sites.js';
import { REPO } from '../../audit/test/helpers/serve.js';
import { buildServer } from '../../collector/src/server.js';
import { testOptions } from '../../collector/test/helpers.js';

/** In the page: the state another tab's decision must reach (the demo's video embed, the banner). */
function tabState() {
  const garde = (window as unknown as { garde?: { consent: { method: string } | null } }).garde;
  const embed = document.querySelector('iframe[data-service="video"]');
  return {
    method: garde?.consent?.method ?? null,
    embedLoaded: !!embed?.hasAttribute('src'),
    banner: !!document.querySelector('garde-banner'),
  };
}

let browser: Browser;
let context: BrowserContext;
let app: FastifyInstance;
let origin: string;
/** Every analytics hit the collector received, with the name the page gave it, in arrival order. */
const hits: string[] = [];

before(async () => {
  assert.ok(built(), 'dist/garde.js is missing: run `npx rollup -c` (npm test builds first)');
  app = await buildServer(
    testOptions({ logLevel: 'warn', staticDirs: [join(REPO, 'demo'), join(REPO, 'dist')] }),
  );
  app.addHook('onRequest', async (request) => {
    if (request.method === 'POST' && request.url === '/collect') hits.push('');
  });
  app.addHook('preHandler', async (request) => {
    if (request.url === '/collect') hits[hits.length - 1] = (request.body as { name: string }).name;
  });
  origin = await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchBrowser();
  context = await browser.createBrowserContext();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** Opens the French demo page in a new tab of the shared context, once garde has started. */
async function openTab(): Promise<Page> {
  const page = await context.newPage();
  await page.evaluateOnNewDocument(recordDecisionTimes);
  await page.goto(`${origin}/fr/`, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { garde?: unknown }).garde);
  return page;
}

/**
 * Waits until the page's state matches `expected`, checking at each change of its DOM (the embed's
 * src, the banner): a tab in the background runs no animation frames and few timers.
 */
async function waitForState(page: Page, expected: ReturnType<typeof tabState>): Promise<void> {
  // Written out in the function (no helper): the test's transpiler would rename a helper.
  await page.waitForFunction(
    (want) => {
      const garde = (window as unknown as { garde: { consent: { method: string } | null } }).garde;
      const embed = document.querySelector('iframe[data-service="video"]');
      return (
        (garde.consent?.method ?? null) === want.method &&
        !!embed?.hasAttribute('src') === want.embedLoaded &&
        !!document.querySelector('garde-banner') === want.banner
      );
    },
    { timeout: 10000, polling: 'mutation' },
    expected,
  );
}

/** In the page: the time of each `garde:consent` event, to compare the tabs' clocks (one machine). */
function recordDecisionTimes(): void {
  const times: number[] = ((window as unknown as { decidedAt: number[] }).decidedAt = []);
  document.addEventListener('garde:consent', () => times.push(Date.now()));
}

/** The time of the page's last `garde:consent` event. */
const lastDecision = (page: Page) =>
  page.evaluate(() => (window as unknown as { decidedAt: number[] }).decidedAt.at(-1)!);

/** Waits until `condition()` holds, checking every 20 ms (10 s at most). */
async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries++) {
    assert.ok(tries < 500, `timed out waiting for ${condition}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** garde.track(name) in the page, then a sentinel hit sent by the page itself after it. */
async function trackThenSentinel(page: Page, name: string): Promise<void> {
  await page.evaluate(async (hitName) => {
    (window as unknown as { garde: { track(name: string): void } }).garde.track(hitName);
    // The sentinel goes the same way, after: once the collector has it, the hit before it (if
    // any was sent) is in too.
    await fetch('/collect', {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({
        name: 'sentinel',
        path: '/fr/',
        lang: 'fr',
        vw: 1200,
        consent: false,
      }),
    });
  }, name);
}

describe('one decision for every tab (two tabs of the demo, the real collector)', () => {
  test('an acceptance and then a refusal in one tab apply in the other; no hit leaves either after the refusal', async (t) => {
    const first = await openTab();
    const second = await openTab();
    const asking = { method: null, embedLoaded: false, banner: true };
    assert.deepEqual(await first.evaluate(tabState), asking);
    assert.deepEqual(await second.evaluate(tabState), asking);

    // Accept in the first tab (brought to the front, the second one is now hidden): the second
    // loads its embed and drops its banner, in the background.
    await first.bringToFront();
    await first.click('garde-banner >>> button[part~="accept"]');
    await waitForState(first, { method: 'accept-all', embedLoaded: true, banner: false });
    await waitForState(second, { method: 'accept-all', embedLoaded: true, banner: false });
    const acceptLatency = (await lastDecision(second)) - (await lastDecision(first));
    // Positive control: with consent, a hit from the second tab reaches the collector.
    await trackThenSentinel(second, 'consented');
    await until(() => hits.includes('consented'));

    // Refuse in the first tab, from the settings: the dialog (garde-ui.js, loaded on demand), or
    // the banner's own form where the file took longer than garde waits for it (3 s, a loaded
    // machine): what the visitor gets either way. (Once in CI the test waited for the dialog only,
    // and timed out.)
    // With the keyboard: the demo's live panel grows as the decision's requests and storage come
    // (the receipt's file, its key), and moves the footer's button under a pointer's click.
    await first.focus('garde-policy-link >>> button');
    await first.keyboard.press('Enter');
    const reject = await first.waitForFunction(
      () =>
        ['garde-preferences', 'garde-banner']
          .map((host) =>
            document
              .querySelector(host)
              ?.shadowRoot?.querySelector<HTMLElement>('button[part~="reject"]'),
          )
          .find((button) => button?.checkVisibility()),
      { timeout: 10000 },
    );
    await (reject.asElement() as ElementHandle<Element>).click();
    const refused = { method: 'reject-all', embedLoaded: false, banner: false };
    await waitForState(first, refused);
    await waitForState(second, refused);
    const refuseLatency = (await lastDecision(second)) - (await lastDecision(first));
    t.diagnostic(
      `latency to the other tab: accept ${acceptLatency} ms, refuse ${refuseLatency} ms`,
    );
    // Measured 9 and 23 ms on the loaded CI machine: one second is the requirement, far above.
    assert.ok(refuseLatency < 1000 && acceptLatency < 1000);

    // Neither tab sends another hit: the tracker of each is silent.
    const before = hits.length;
    await trackThenSentinel(second, 'after-refusal');
    await trackThenSentinel(first, 'after-refusal');
    assert.deepEqual(hits.slice(before), ['sentinel', 'sentinel']);

    // One receipt per decision, each from the tab that took it: the second tab sent none.
    const receipts = await app.inject({
      url: '/api/records',
      headers: { authorization: `Bearer ${testOptions().adminToken}` },
    });
    const methods = (receipts.json() as { records: Array<{ method: string }> }).records
      .map((record) => record.method)
      .sort();
    assert.deepEqual(methods, ['accept-all', 'reject-all']);
    // The second tab's cookie is the first tab's: one decision.
    const cookies = await second.cookies();
    assert.equal(cookies.filter((cookie) => cookie.name === 'garde_consent').length, 1);
  });
});
