// One visitor: a fresh incognito browser context with one page, its uncaught errors, its CSP
// violations and its requests recorded from the first byte.
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { RequestRecorder, listenForCspViolations, RECORD_IMAGE_INITIATORS } from './observe.js';

/** Extra set-up before the first navigation (GPC, blocked storage, request rewriting…). */
export type SessionSetup = (page: Page, context: BrowserContext) => Promise<void>;

export interface Session {
  context: BrowserContext;
  page: Page;
  recorder: RequestRecorder;
  /** Uncaught errors since the last `takeErrors()`. */
  takeErrors(): string[];
  close(): Promise<void>;
}

/** Opens a fresh visitor. */
export async function openSession(browser: Browser, setup?: SessionSetup): Promise<Session> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  let errors: string[] = [];
  page.on('pageerror', (e) =>
    errors.push(`uncaught error: ${e instanceof Error ? e.message : String(e)}`),
  );
  await page.evaluateOnNewDocument(listenForCspViolations);
  await page.evaluateOnNewDocument(RECORD_IMAGE_INITIATORS);
  const recorder = new RequestRecorder(page);
  await setup?.(page, context);
  return {
    context,
    page,
    recorder,
    takeErrors: () => {
      const out = errors;
      errors = [];
      return out;
    },
    close: () => context.close().catch(() => undefined),
  };
}

/** Waits until the network has been quiet for a moment, so that late trackers are seen too. */
export async function settle(page: Page, timeout: number): Promise<void> {
  await page
    .waitForNetworkIdle({ idleTime: 250, timeout: Math.min(timeout, 5000) })
    .catch(() => undefined);
}

/** Runs in the page: scrolls to the end, as a reader would, so that lazy frames and images load too. */
export function scrollToEnd(): void {
  window.scrollTo(0, document.documentElement.scrollHeight);
}

/** Navigates, reads to the end of the page and settles; returns the HTTP status (0 when there was no response). */
export async function visit(page: Page, url: string, timeout: number): Promise<number> {
  const res = await page.goto(url, { waitUntil: 'load', timeout });
  await page.evaluate(scrollToEnd).catch(() => undefined);
  await settle(page, timeout);
  return res?.status() ?? 0;
}

/** Reloads, reads to the end and settles. */
export async function reload(page: Page, timeout: number): Promise<void> {
  await page.reload({ waitUntil: 'load', timeout });
  await page.evaluate(scrollToEnd).catch(() => undefined);
  await settle(page, timeout);
}
