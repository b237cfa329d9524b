// Size: the library files each system's page really loads for a working banner (recorded in
// the browser: scripts, stylesheets and language files under /dist or /node_modules), weighed
// raw, gzip -9 and brotli at maximum quality. The page, its own stylesheet and each system's
// config are not counted (for Klaro and vanilla-cookieconsent the config also carries the
// English strings; garde's strings, all four languages, are inside garde.js).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { REPO } from './lib/server.mjs';
import { selectedSystems, LIBRARY_PATH } from './lib/systems.mjs';

/** Bytes of one file in the three encodings. */
export function weigh(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}

const trackerRan = () => window.benchTrackerRan === true;
const frameLoaded = () =>
  [...document.querySelectorAll('iframe')].some((f) =>
    (f.getAttribute('src') ?? '').includes('video.html'),
  );

/**
 * Proves the fixture is a working set-up, not just a banner: before consent neither the gated
 * script nor the frame has loaded; after a click on "accept all" both have.
 */
async function checkGating(page, system) {
  const before = {
    script: await page.evaluate(trackerRan),
    frame: await page.evaluate(frameLoaded),
  };
  const button = await page.waitForFunction(`(${system.accept.toString()})()`, { timeout: 5000 });
  // A visitor reads first: tarteaucitron registers its services a moment after showing its banner,
  // and an immediate "accept all" would accept none of them.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  // A DOM click: some banners still slide in, and a mouse click at a moving box can miss.
  await page.evaluate((el) => el.click(), button);
  const after = { script: false, frame: false };
  try {
    await page.waitForFunction(`(${trackerRan.toString()})() && (${frameLoaded.toString()})()`, {
      timeout: 5000,
      polling: 50,
    });
  } catch {
    // reported below
  }
  after.script = await page.evaluate(trackerRan);
  after.frame = await page.evaluate(frameLoaded);
  const ok = !before.script && !before.frame && after.script && after.frame;
  if (!ok)
    throw new Error(
      `${system.name}: the fixture does not gate correctly: before ${JSON.stringify(before)}, after accepting ${JSON.stringify(after)}`,
    );
  return { before, after };
}

/** For each system: the files loaded and their summed sizes, after checking that its gating works. */
export async function measureSizes(browser, origin) {
  const out = [];
  for (const system of selectedSystems()) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const paths = new Set();
    page.on('request', (req) => {
      const { pathname } = new URL(req.url());
      if (LIBRARY_PATH.test(pathname)) paths.add(pathname);
    });
    await page.goto(origin + system.page, { waitUntil: 'load' });
    await page.waitForFunction(`!!(${system.reject.toString()})()`, {
      timeout: 15000,
      polling: 50,
    });
    await page.waitForNetworkIdle({ idleTime: 300, timeout: 5000 }).catch(() => undefined);
    const files = [...paths].sort();
    const check = await checkGating(page, system);
    await context.close();
    const weighed = [];
    for (const p of files)
      weighed.push({ path: p, ...weigh(await readFile(join(REPO, p.slice(1)))) });
    const total = (k) => weighed.reduce((n, f) => n + f[k], 0);
    out.push({
      name: system.name,
      files: weighed,
      raw: total('raw'),
      gzip: total('gzip'),
      brotli: total('brotli'),
      gating: check,
    });
  }
  return out;
}
