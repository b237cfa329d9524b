// Shared set-up for the core tests: a realistic config, and a clean slate (cookies, IndexedDB,
// storage, gated elements) before each test.
import { clear, createStore } from 'idb-keyval';
import { init, type InitOptions } from '../../src/core/init.js';
import type { Garde, Receipt } from '../../src/core/types.js';

const made: Garde[] = [];

/** init(), remembering the instance so that reset() stops its gate and listeners. */
export function start(input: unknown, options?: InitOptions): Garde {
  const g = init(input, options);
  made.push(g);
  return g;
}

/** A config like an institute page's: analytics (Matomo) and marketing (YouTube). */
export const config = (extra: Record<string, unknown> = {}) => ({
  policy: { url: '/fr/vie-privee', version: '2020-12-07' },
  categories: { analytics: { label: { fr: 'Mesure d’audience' } }, marketing: {} },
  services: {
    matomo: { category: 'analytics', cookies: ['_pk_id.*', '_pk_ses.*'], storage: ['_pk_*'] },
    youtube: {
      category: 'marketing',
      cookies: [{ name: 'VISITOR_INFO1_LIVE' }],
      storage: ['yt-*'],
    },
  },
  analytics: { autoPageview: false },
  ...extra,
});

/** Deletes every cookie the page sees, on the path / and on this path. */
export function clearCookies(): void {
  for (const c of document.cookie.split(/; */)) {
    const name = c.split('=')[0];
    if (name)
      for (const path of ['/', location.pathname])
        document.cookie = `${name}=;max-age=0;path=${path}`;
  }
}

/** A clean slate: the previous instance stopped, no cookie, no log, no storage, no gated elements. */
export async function reset(): Promise<void> {
  for (const g of made.splice(0)) g.destroy();
  clearCookies();
  localStorage.clear();
  sessionStorage.clear();
  await clear(createStore('garde', 'log'));
  for (const el of document.querySelectorAll('[data-category], [data-test]')) el.remove();
  (window as unknown as { ran: string[] }).ran = [];
}

/** Waits until `f()` is truthy (or fails after `ms`). */
export async function until(f: () => unknown, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await f())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${f}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const fixtures: HTMLIFrameElement[] = [];

/**
 * Loads test/fixtures/<fixture> in an 800 × 600 frame, a visitor's page with the built drop-in, and
 * waits until `ready(page)` holds (its banner drawn, say); closeFixtures() removes the frames.
 */
export async function openFixture<P extends Window>(
  fixture: string,
  ready: (page: P) => unknown,
  ms?: number,
): Promise<P> {
  const frame = Object.assign(document.createElement('iframe'), {
    src: `/test/fixtures/${fixture}`,
    title: 'fixture',
    width: '800',
    height: '600',
  });
  fixtures.push(frame);
  document.body.append(frame);
  const page = frame.contentWindow as P;
  await until(() => ready(page), ms);
  return page;
}

/** Removes the frames openFixture() made. */
export const closeFixtures = () => fixtures.splice(0).forEach((frame) => frame.remove());

/** The scripts and embeds run so far, in order (fixtures push to window.ran). */
export const ran = () => (window as unknown as { ran: string[] }).ran;

let boxes = 0;

/**
 * A fresh box of the test server's beacon recorder (web-test-runner.config.mjs): its `url`, to give
 * as an endpoint, and `receipts(count)`, what reached it so far once there are `count`, as the
 * collector would get them. (A refusal and a withdrawal keep no local log, so `garde.history()`
 * cannot show them.)
 */
export function beaconBox(): { url: string; receipts(count: number): Promise<Receipt[]> } {
  const url = `/__beacons/box-${Date.now()}-${++boxes}`;
  const got: Receipt[] = [];
  return {
    url,
    async receipts(count) {
      await until(async () => {
        // The recorder empties the box at each read.
        const records = (await (await fetch(url)).json()) as Array<{ body: string }>;
        got.push(...records.map((record) => JSON.parse(record.body) as Receipt));
        return got.length >= count;
      });
      return got;
    },
  };
}
