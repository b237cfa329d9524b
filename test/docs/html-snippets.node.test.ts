// The runnable ```html snippets of README.md and docs/*.md (`<!-- runnable -->` before the fence), each
// loaded as a page in Chromium with the built dist/garde.js, as a site would paste it: served by a small
// server at the paths the snippet names (/garde.js, /js/garde.js), the record and analytics endpoints
// answering 202. Each must work as written: no console error, every garde element it uses defined and
// rendered, the banner shown to a first visitor, nothing gated fetched before a decision, everything
// gated fetched once "Accept all" is clicked, and Consent Mode's default in dataLayer when the snippet
// turns it on. A fragment without a config or garde.js (an element placed in a page) gets both.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const { chromiumPath, CHROMIUM_ARGS } = (await import(
  new URL('../../scripts/chromium-path.mjs', import.meta.url).href
)) as { chromiumPath: () => Promise<string>; CHROMIUM_ARGS: string[] };

const root = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(root, 'dist');
const MARKER = '<!-- runnable -->';
const CONFIG = /<script type="application\/json" id="garde-config">([\s\S]*?)<\/script>/;
/** What a fragment is placed in: the smallest page config, and the drop-in. */
const FRAGMENT_CONFIG = `<script type="application/json" id="garde-config">
  { "policy": { "url": "/fr/vie-privee", "version": "2026-01" }, "categories": { "analytics": {} } }
</script>`;
const FRAGMENT_SCRIPT = '<script src="/garde.js" defer></script>';

interface Snippet {
  where: string;
  code: string;
}

function htmlSnippetsOf(file: string): Snippet[] {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  return lines.flatMap((line, index) => {
    if (line.trim() !== MARKER || !/^```html\b/.test(lines[index + 1] ?? '')) return [];
    const end = lines.indexOf('```', index + 2);
    return [{ where: `${file}:${index + 2}`, code: lines.slice(index + 2, end).join('\n') }];
  });
}

const snippets = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
].flatMap(htmlSnippetsOf);

/** The page a snippet makes: the snippet as written, with a config and garde.js when it has none. */
function pageOf(code: string): string {
  const config = CONFIG.test(code) ? '' : FRAGMENT_CONFIG;
  const script = /<script src="[^"]*garde\.js"/.test(code) ? '' : FRAGMENT_SCRIPT;
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Snippet</title></head>
<body>${config}${code}${script}</body></html>`;
}

/**
 * The URLs a snippet means to gate: those of its scripts and iframes with a `data-category` (a script
 * that forgot `type="text/plain"` would run at once, and fail here).
 */
function gatedUrls(code: string): string[] {
  return [...code.matchAll(/<(?:script|iframe)\b[^>]*\sdata-category="[^"]*"[^>]*>/g)].flatMap(
    ([tag]) => /\s(?:data-)?src="([^"]+)"/.exec(tag)?.[1] ?? [],
  );
}

let server: Server;
let origin: string;
let browser: Browser;
let page = '';
/** Every URL the browser asked for (the site's own and third parties'), in order. */
let requested: string[] = [];

before(async () => {
  assert.ok(
    existsSync(join(DIST, 'garde.js')),
    'dist/garde.js is missing: run `npx rollup -c` (npm test builds first)',
  );
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requested.push(`${origin}${path}`);
    req.resume();
    if (req.method === 'POST') return res.writeHead(202).end(); // the record and analytics endpoints
    if (path === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    const built = /^\/(?:js\/)?(garde[\w.-]*\.js)$/.exec(path)?.[1];
    if (built && existsSync(join(DIST, built)))
      return res
        .writeHead(200, { 'content-type': 'text/javascript' })
        .end(readFileSync(join(DIST, built)));
    // The site's own gated scripts: a stub stands in for them.
    if (path.endsWith('.js'))
      return res.writeHead(200, { 'content-type': 'text/javascript' }).end();
    res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await puppeteer.launch({
    executablePath: await chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Polls the page until `check` holds (loaded cores answer at their own pace). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 15_000;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** In the page: whether `tag` is defined and has rendered something into its shadow root. */
function rendered(tag: string): boolean {
  const element = document.querySelector(tag);
  return (
    !!customElements.get(tag) &&
    !!element?.shadowRoot &&
    (element.shadowRoot.textContent ?? '').trim().length > 0
  );
}

/** In the page: Consent Mode's calls in dataLayer, as [command, type] pairs. */
function consentCalls(): string[][] {
  const layer = (window as unknown as { dataLayer?: ArrayLike<unknown>[] }).dataLayer ?? [];
  return Array.from(layer)
    .map((entry) => Array.from(entry as ArrayLike<unknown>))
    .filter((entry) => entry[0] === 'consent')
    .map((entry) => [String(entry[0]), String(entry[1])]);
}

describe('the runnable HTML snippets in Chromium, with the built dist/garde.js', () => {
  test('README.md and docs/*.md have HTML snippets marked runnable', () => {
    assert.ok(snippets.length >= 5, `only ${snippets.length} runnable HTML snippets`);
  });

  for (const { where, code } of snippets)
    test(`${where} works as written`, async () => {
      page = pageOf(code);
      requested = [];
      const context = await browser.createBrowserContext();
      try {
        const tab: Page = await context.newPage();
        const errors: string[] = [];
        tab.on('console', (m) => {
          if (m.type() === 'error') errors.push(`${m.text()} ${m.location().url ?? ''}`);
        });
        tab.on('pageerror', (e) => errors.push(`pageerror: ${(e as Error).message}`));
        // Third parties (a tag manager, a video host) answer from here: nothing leaves the machine.
        await tab.setRequestInterception(true);
        tab.on('request', (request) => {
          if (request.url().startsWith(origin)) return void request.continue();
          requested.push(request.url());
          void request.respond({ status: 200, contentType: 'text/javascript', body: '' });
        });
        await tab.goto(`${origin}/`, { waitUntil: 'load' });

        const tags = [...new Set([...code.matchAll(/<(garde-[a-z-]+)/g)].map((m) => m[1]!))];
        for (const tag of ['garde-banner', ...tags])
          await until(() => tab.evaluate(rendered, tag), `<${tag}> defined and rendered`);

        const gated = gatedUrls(code).map((url) => new URL(url, origin).href);
        const fetched = (url: string) => requested.includes(url);
        assert.deepEqual(gated.filter(fetched), [], 'gated before any decision, yet fetched');
        if (/"consentMode":\s*true/.test(code))
          assert.deepEqual((await tab.evaluate(consentCalls))[0], ['consent', 'default']);

        await (await tab.$('garde-banner >>> button[part~="accept"]'))!.click();
        for (const url of gated)
          await until(async () => fetched(url), `${url} fetched after consent`);
        if (/"consentMode":\s*true/.test(code))
          await until(
            async () => (await tab.evaluate(consentCalls)).some(([, type]) => type === 'update'),
            "Consent Mode's update after consent",
          );
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
});
