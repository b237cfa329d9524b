// The benchmark browser: the same Chromium as the tests, headless, one launch for the whole run.
import puppeteer from 'puppeteer-core';
import { chromiumPath, CHROMIUM_ARGS } from '../../scripts/chromium-path.mjs';

/** Launches Chromium. */
export async function launch() {
  return puppeteer.launch({
    executablePath: await chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** CPU slowdown applied to every benchmark page: 4x approximates a mid-range phone. */
export const CPU_THROTTLE = 4;

/**
 * The viewports of the start-up benchmark: a small phone (where a banner in the page flow pushes
 * the most content) and a laptop. Layout shift is measured at both.
 */
export const VIEWPORTS = [
  { name: '360×640', width: 360, height: 640 },
  { name: '1280×800', width: 1280, height: 800 },
];

/**
 * A page in a fresh (incognito-like) context with the CPU throttled, at `viewport` (default
 * 1280×800); returns { context, page, cdp }.
 */
export async function freshPage(browser, viewport = VIEWPORTS[1]) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  await page.setViewport({ width: viewport.width, height: viewport.height });
  return { context, page, cdp };
}
