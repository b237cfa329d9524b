// The one Chromium lookup of the repository: garde-audit uses it, and so do the test runner, the
// admin-page test and the benchmarks (through scripts/chromium-path.mjs, which re-exports it from the
// package export `garde-audit/chromium-path`). Plain JavaScript so that Node loads it without tsx;
// it lives in the audit package because the audit must also work installed on its own.
// $CHROME_PATH, else a system Chromium/Chrome, else the Chromium shipped inside the npm package
// @sparticuz/chromium (unpacked to the temp dir on first use).
import { existsSync } from 'node:fs';

const SYSTEM_CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** The path of the Chromium to launch. */
export async function chromiumPath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  const system = SYSTEM_CANDIDATES.find((path) => existsSync(path));
  if (system) return system;
  const { default: chromium } = await import('@sparticuz/chromium');
  return chromium.executablePath();
}

/**
 * Launch flags: --no-sandbox because CI often runs as root; the background-networking flags keep
 * Chromium's own update and sync requests off a closed network and out of the requests a page made.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];
