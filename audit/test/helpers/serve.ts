// A small static server for the audit tests: the demo (or the fixtures) at the site root and
// dist/garde.js at /garde.js, as the collector serves them. Optionally under a strict CSP: the
// HTML is rewritten so that every <script> carries the nonce of the response.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

export const REPO = resolve(import.meta.dirname, '../../..');

export interface ServeOptions {
  /** Directories searched in order for a path, e.g. [demo, dist]. */
  roots: string[];
  /** Send `Content-Security-Policy` with a fresh nonce per response, added to every <script>. */
  csp?: boolean;
  /** Extra routes answered before the files (method GET or POST, any body). */
  routes?: Record<
    string,
    (url: URL) => {
      status?: number;
      type?: string;
      body: string | Buffer;
      headers?: Record<string, string>;
    }
  >;
}

export interface Served {
  /** http://127.0.0.1:port */
  origin: string;
  /** The same server under another host name (http://localhost:port): a third party for the page. */
  otherOrigin: string;
  close(): Promise<void>;
}

/** The CSP of the strict test: nonce-based scripts, nothing inline, styles only from the site. */
export const strictCsp = (nonce: string): string =>
  `script-src 'nonce-${nonce}' 'strict-dynamic'; object-src 'none'; base-uri 'none'; style-src 'self'`;

async function findFile(roots: string[], path: string): Promise<string | null> {
  for (const root of roots) {
    const file = normalize(join(root, path));
    if (!file.startsWith(resolve(root))) return null;
    for (const candidate of [file, join(file, 'index.html')]) {
      try {
        if ((await stat(candidate)).isFile()) return candidate;
      } catch {
        // try the next one
      }
    }
  }
  return null;
}

/** Starts the server on 127.0.0.1 and an ephemeral port. */
export async function serve(opts: ServeOptions): Promise<Served> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      req.resume();
      const route = opts.routes?.[url.pathname];
      if (route) {
        const r = route(url);
        res.writeHead(r.status ?? 200, { 'content-type': r.type ?? 'text/plain', ...r.headers });
        res.end(r.body);
        return;
      }
      const file = await findFile(opts.roots, decodeURIComponent(url.pathname));
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      let body: string | Buffer = await readFile(file);
      const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store' };
      if (opts.csp && type.startsWith('text/html')) {
        const nonce = randomBytes(16).toString('base64');
        body = body.toString('utf8').replace(/<script\b/gi, `<script nonce="${nonce}"`);
        headers['content-security-policy'] = strictCsp(nonce);
      }
      res.writeHead(200, headers);
      res.end(body);
    })().catch((e: unknown) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    otherOrigin: `http://localhost:${port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
