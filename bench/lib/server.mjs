// A static server for the benchmarks on 127.0.0.1 and an ephemeral port. It serves the bench
// fixtures, garde's build and the four other consent managers straight from node_modules,
// so every system loads exactly the files a site would deploy.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { BUILDS } from './systems.mjs';

export const REPO = resolve(import.meta.dirname, '../..');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.gif': 'image/gif',
};

// URL prefix → directory. Nothing else of the repository is reachable.
const MOUNTS = [
  ...BUILDS.map(({ name, dir }) => [`/dist/build-${name}/`, dir]),
  ['/fixtures/', join(REPO, 'bench/fixtures')],
  ['/dist/', join(REPO, 'dist')],
  ['/node_modules/vanilla-cookieconsent/', join(REPO, 'node_modules/vanilla-cookieconsent')],
  ['/node_modules/orejime/', join(REPO, 'node_modules/orejime')],
  ['/node_modules/klaro/', join(REPO, 'node_modules/klaro')],
  ['/node_modules/tarteaucitronjs/', join(REPO, 'node_modules/tarteaucitronjs')],
];

/** Generated pages (the gating benchmark), by path. */
const generated = new Map();

/** Serves `html` at `path` (e.g. /gen/gating-garde.html). */
export function addPage(path, html) {
  generated.set(path, html);
}

async function resolveFile(pathname) {
  for (const [prefix, dir] of MOUNTS) {
    if (!pathname.startsWith(prefix)) continue;
    let file = normalize(join(dir, pathname.slice(prefix.length)));
    if (!file.startsWith(dir)) return null;
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      await stat(file);
      return file;
    } catch {
      return null;
    }
  }
  return null;
}

/** Starts the server; resolves to { origin, close() }. */
export async function startServer() {
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://x');
    const build = BUILDS.find(({ system }) => system.page === pathname);
    if (build) {
      // The garde fixture with the other build's garde.js (its on-demand files load beside it).
      const html = await readFile(join(REPO, 'bench/fixtures/garde/index.html'), 'utf8');
      addPage(pathname, html.replace('/dist/garde.js', `/dist/build-${build.name}/garde.js`));
    }
    if (generated.has(pathname)) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      res.end(generated.get(pathname));
      return;
    }
    const file = await resolveFile(decodeURIComponent(pathname));
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    // no-store: every fresh context downloads everything, as a first-time visitor does.
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(await readFile(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}
