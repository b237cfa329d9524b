// The admin page in Chromium for a test file of its own: the page built when its sources are newer,
// a browser, and the few steps every admin test takes (find into shadow roots, wait for a state, sign
// in, run axe-core). Waits are for states, polled, never for a time.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type ConsoleMessage, type Page } from 'puppeteer-core';
import { rollup, type OutputOptions, type RollupOptions } from 'rollup';
import { ADMIN_DIST } from '../../src/server.js';
import { TOKEN } from '../helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

// The shared Chromium finder is a plain .mjs module without types: imported by URL.
const { chromiumPath, CHROMIUM_ARGS } = (await import(
  new URL('../../../scripts/chromium-path.mjs', import.meta.url).href
)) as { chromiumPath: () => Promise<string>; CHROMIUM_ARGS: string[] };

/** Builds collector/admin/dist when it is missing or older than a source file. */
export async function ensureAdminBuild(): Promise<void> {
  const src = join(ROOT, 'collector/admin/src');
  const built = join(ADMIN_DIST, 'admin.js');
  const newest = Math.max(
    statSync(join(ROOT, 'collector/admin/index.html')).mtimeMs,
    ...readdirSync(src).map((f) => statSync(join(src, f)).mtimeMs),
  );
  if (
    existsSync(built) &&
    existsSync(join(ADMIN_DIST, 'index.html')) &&
    statSync(built).mtimeMs >= newest
  )
    return;
  const config = (await import(new URL('../../admin/rollup.config.mjs', import.meta.url).href))
    .default as RollupOptions;
  const bundle = await rollup(config);
  await bundle.write(config.output as OutputOptions);
  await bundle.close();
}

/** How a test's page differs: the console errors it causes on purpose, where downloads go. */
export interface BrowserOptions {
  /** Console errors the test causes on purpose (a refused token logs a failed load). */
  expected?: (message: ConsoleMessage) => boolean;
  /** A directory for the files the page downloads (CSV, exports). */
  downloads?: string;
}

/**
 * A page in a fresh Chromium, collecting console errors, page errors and CSP violations in `problems`
 * (CSP violations in `cspViolations` too, for a test that provokes one).
 */
export async function openBrowser({
  expected = () => false,
  downloads,
}: BrowserOptions = {}): Promise<{
  browser: Browser;
  page: Page;
  problems: string[];
  cspViolations: string[];
}> {
  const browser = await puppeteer.launch({
    executablePath: await chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const problems: string[] = [];
  const cspViolations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected(m)) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${(e as Error).message}`));
  // Every CSP violation of every page load is reported here (the listener runs before any page script).
  await page.exposeFunction('reportCspViolation', (v: string) => {
    cspViolations.push(v);
    problems.push(`CSP: ${v}`);
  });
  await page.evaluateOnNewDocument(() => {
    const report = (window as unknown as { reportCspViolation: (v: string) => void })
      .reportCspViolation;
    document.addEventListener('securitypolicyviolation', (e) =>
      report(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  if (downloads) {
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  }
  return { browser, page, problems, cspViolations };
}

/** A fresh Chromium (openBrowser) on the admin page of the collector at `base`, signed in. */
export async function signedInPage(base: string, options: BrowserOptions = {}) {
  const opened = await openBrowser(options);
  const steps = pageSteps(opened.page);
  await opened.page.goto(`${base}/admin/`);
  await steps.signIn(TOKEN);
  return { ...opened, steps };
}

/** Steps on one page. */
export function pageSteps(page: Page) {
  /** Waits until a selector (with `>>>` into shadow roots) matches, polling, as waitForSelector cannot always pierce. */
  const find = async (selector: string, timeout = 10_000) => {
    const end = Date.now() + timeout;
    for (;;) {
      const handle = await page.$(selector);
      if (handle) return handle;
      if (Date.now() > end) throw new Error(`nothing matches ${selector}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const textOf = async (selector: string) =>
    (await find(selector)).evaluate((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
  const count = async (selector: string) => (await page.$$(selector)).length;
  /** Polls until `check` holds; a check that throws (an element not there yet) counts as not yet. */
  const until = async (check: () => Promise<boolean>, what: string, timeout = 10_000) => {
    const end = Date.now() + timeout;
    let last: unknown;
    for (;;) {
      try {
        if (await check()) return;
      } catch (e) {
        last = e;
      }
      if (Date.now() > end)
        throw new Error(`timed out waiting for ${what}${last ? ` (last: ${String(last)})` : ''}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  /** Types a token into the sign-in form (emptied first: a refused token stays in it) and sends it. */
  const signIn = async (token: string) => {
    const input = await find('admin-app >>> admin-sign-in >>> #token');
    await input.click({ count: 3 });
    await input.evaluate((el) => ((el as HTMLInputElement).value = ''));
    await input.type(token);
    await page.keyboard.press('Enter');
  };
  /** axe-core's WCAG 2.x A/AA and best-practice violations on the page as it is now. */
  const axe = async (): Promise<string[]> => {
    // Injected through the DevTools protocol, which the page's CSP does not govern.
    await page.evaluate(
      readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'),
    );
    return page.evaluate(async () => {
      const result = await (
        window as unknown as {
          axe: {
            run: (
              ctx: Document,
              o: object,
            ) => Promise<{
              passes: unknown[];
              violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }>;
            }>;
          };
        }
      ).axe.run(document, {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
        },
      });
      // An axe that checked nothing would pass too: demand that it saw the page.
      if (result.passes.length < 10) return [`axe checked only ${result.passes.length} rules`];
      return result.violations.map(
        (v) => `${v.id}: ${v.help} (${JSON.stringify(v.nodes.map((n) => n.target))})`,
      );
    });
  };
  return { find, textOf, count, until, signIn, axe };
}
