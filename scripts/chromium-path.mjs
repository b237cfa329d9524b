// One place that finds a Chromium for the tests, the audit and the benchmarks, so that
// `npm install && npm test` works on a fresh machine with no other install step:
// $CHROME_PATH, else a system Chromium/Chrome, else the Chromium shipped inside the npm
// package @sparticuz/chromium (unpacked to the temp dir on first use).
import { existsSync } from 'node:fs';

const SYSTEM_CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export async function chromiumPath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  const system = SYSTEM_CANDIDATES.find((p) => existsSync(p));
  if (system) return system;
  const { default: chromium } = await import('@sparticuz/chromium');
  return chromium.executablePath();
}

// Flags for a closed network, as root, headless: without the background-networking flags
// Chromium keeps trying (and failing) to reach its update and sync hosts.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
