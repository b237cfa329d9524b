// Finds a Chromium: $CHROME_PATH, else a system Chromium/Chrome, else the one shipped inside the
// npm package @sparticuz/chromium. A copy of the repository's scripts/chromium-path.mjs on purpose:
// garde-audit must work when installed alone, outside this repository.
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
export async function chromiumPath(): Promise<string> {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  const system = SYSTEM_CANDIDATES.find((p) => existsSync(p));
  if (system) return system;
  const { default: chromium } = await import('@sparticuz/chromium');
  return chromium.executablePath();
}

/**
 * Launch flags. --no-sandbox because CI often runs as root; the background-networking flags keep
 * Chromium's own update and sync requests out of the list of requests the page made.
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
