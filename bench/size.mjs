// Size: the library files each system's page really loads for a working banner (recorded in
// the browser: scripts, stylesheets and language files under /dist or /node_modules), weighed
// raw, gzip -9 and brotli at maximum quality. The page, its own stylesheet and each system's
// config are not counted (for Klaro and vanilla-cookieconsent the config also carries the
// English strings; garde's strings, all four languages, are inside garde.js).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { REPO } from './lib/server.mjs';
import { SYSTEMS, LIBRARY_PATH } from './lib/systems.mjs';

/** Bytes of one file in the three encodings. */
export function weigh(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

/** For each system: the files loaded and their summed sizes. */
export async function measureSizes(browser, origin) {
  const out = [];
  for (const system of SYSTEMS) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const paths = new Set();
    page.on('request', (req) => {
      const { pathname } = new URL(req.url());
      if (LIBRARY_PATH.test(pathname)) paths.add(pathname);
    });
    await page.goto(origin + system.page, { waitUntil: 'load' });
    await page.waitForFunction(`!!(${system.reject.toString()})()`, { timeout: 15000, polling: 50 });
    await page.waitForNetworkIdle({ idleTime: 300, timeout: 5000 }).catch(() => undefined);
    await context.close();
    const files = [];
    for (const p of [...paths].sort()) {
      const file = join(REPO, p.startsWith('/dist/') ? p.slice(1) : p.slice(1));
      files.push({ path: p, ...weigh(await readFile(file)) });
    }
    const total = (k) => files.reduce((n, f) => n + f[k], 0);
    out.push({ name: system.name, files, raw: total('raw'), gzip: total('gzip'), brotli: total('brotli') });
  }
  return out;
}
