// The sites the audit tests crawl: the real demo (demo/ with dist/garde.js at /garde.js, as the
// collector serves it) and the fixture pages, each on its own local server.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, serve, type Served } from './serve.js';

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Answers the tracker pixels and garde's endpoints so that no request fails. */
const routes = {
  '/pixel.gif': () => ({ type: 'image/gif', body: GIF }),
  '/consent': () => ({ status: 204, body: '' }),
  '/collect': () => ({ status: 204, body: '' }),
};

// For local development of the audit before garde's own build worked: a directory searched before dist/.
const extra = process.env.GARDE_AUDIT_TEST_ROOT ? [process.env.GARDE_AUDIT_TEST_ROOT] : [];

export const DEMO_DIR = join(REPO, 'demo');
export const FIXTURES_DIR = join(REPO, 'audit/test/fixtures');

/** Whether dist/garde.js was built (`npx rollup -c`). */
export const built = (): boolean => existsSync(join(REPO, 'dist/garde.js'));

/** The demo, optionally under the strict CSP; `probe` adds /csp-probe.html, a page that breaks it. */
export function serveDemo(options: { csp?: boolean; probe?: boolean } = {}): Promise<Served> {
  // Said at once: without the build every page of every test waits for a banner that never comes.
  if (!built() && !extra.length)
    return Promise.reject(
      new Error('dist/garde.js is missing: run `npx rollup -c` (npm test builds first)'),
    );
  const roots = [
    ...extra,
    DEMO_DIR,
    join(REPO, 'dist'),
    ...(options.probe ? [join(FIXTURES_DIR, 'csp')] : []),
  ];
  return serve({ roots, routes, csp: options.csp ?? false });
}

/** The fixture pages (leaky.html, the tracker, the video player). */
export function serveFixtures(): Promise<Served> {
  return serve({ roots: [...extra, FIXTURES_DIR, join(REPO, 'dist')], routes });
}
