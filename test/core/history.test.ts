import { expect } from '@open-wc/testing';
import { createStore, get, keys, set } from 'idb-keyval';
import { HISTORY_LIMIT, RETRY_DELAY } from '../../src/core/history.js';
import type { Receipt } from '../../src/core/types.js';
import { config, reset, start, until } from './helpers.js';

interface Seen {
  status: number;
  posts: Array<{ receiptId: string; status: number; type: string; cookie: boolean }>;
}
let key = '';
const endpoint = () => `/test-consent/${key}`;
const seen = async (): Promise<Seen> => (await fetch(endpoint())).json();
const answer = (status: number) =>
  fetch(endpoint() + '/status', { method: 'POST', body: String(status) });
const outbox = async () =>
  Object.keys((await get<Record<string, Receipt>>('outbox', createStore('garde', 'log'))) ?? {});

describe('history and receipts', () => {
  beforeEach(async () => {
    await reset();
    key = Math.random().toString(36).slice(2);
  });
  after(reset);

  it('logs every decision oldest first, as receipts', async () => {
    const g = start(config());
    g.acceptAll();
    g.set({ youtube: false });
    g.set({ marketing: false });
    await until(async () => (await g.history()).length === 3);
    const h = await g.history();
    expect(h.map((e) => e.method)).to.deep.equal(['accept-all', 'custom', 'custom']);
    const [first, second, third] = h;
    expect(first).to.include({
      id: g.consent?.id ?? first!.id,
      version: '2020-12-07',
      lang: 'en',
      path: location.pathname,
      sent: false,
    });
    expect(first!.receiptId).to.match(/^[\da-f-]{36}$/);
    expect(new Set(h.map((e) => e.receiptId)).size).to.equal(3);
    expect(new Set(h.map((e) => e.id)).size).to.equal(1);
    expect(Date.parse(first!.ts)).to.be.closeTo(Date.now(), 5000);
    // Services as they stand at that moment, each resolved against its category.
    expect(second!.categories).to.deep.equal({ necessary: true, analytics: true, marketing: true });
    expect(second!.services).to.deep.equal({ matomo: true, youtube: false });
    expect(third!.categories).to.deep.equal({
      necessary: true,
      analytics: true,
      marketing: false,
    });
  });

  it('keeps no log without an id: a refusal or a withdrawal erases it, and the outbox empties', async () => {
    const g = start(config({ recordEndpoint: endpoint() }));
    g.acceptAll();
    await until(async () => (await g.history())[0]?.sent);
    g.withdraw();
    await until(async () => (await seen()).posts.length === 2 && !(await outbox()).length);
    const store = createStore('garde', 'log');
    expect(await keys(store)).to.deep.equal([]);
    expect(await g.history()).to.deep.equal([]);
    g.rejectAll();
    await until(async () => (await seen()).posts.length === 3 && !(await outbox()).length);
    expect(await keys(store)).to.deep.equal([]);
  });

  it('lets an entry and an unsent receipt expire with their decision (cookie.days)', async () => {
    const days = 2;
    const past = () => Date.now() - 3 * 864e5;
    const old = start(config({ recordEndpoint: endpoint(), cookie: { days } }), { now: past });
    old.acceptAll();
    const store = createStore('garde', 'log');
    await until(async () => (await get<unknown[]>('history', store))?.length === 1);
    // Recorded three days ago, for a decision of two days: out of the log, and dropped unsent.
    await until(async () => !(await outbox()).length);
    expect(await old.history()).to.deep.equal([]);
    expect((await seen()).posts).to.deep.equal([]);
    const later = start(config({ recordEndpoint: endpoint(), cookie: { days } }));
    await later.ready;
    later.acceptAll();
    await until(async () => (await later.history())[0]?.sent);
    expect((await later.history()).map((e) => e.method)).to.deep.equal(['accept-all']);
    expect(await outbox()).to.deep.equal([]);
    expect((await seen()).posts.filter((p) => p.status === 202)).to.have.length(1);
  });

  it('stores nothing on a first visit before the decision: no cookie, no database', async () => {
    // Not under garde.test: the cookie tests leave a cookie of that parent domain in the browser.
    const host = `${Math.random().toString(36).slice(2)}.fresh.test`;
    const r = await new Promise<{ before: string[]; cookiesBefore: string; after: string[] }>(
      (resolve, reject) => {
        const w = window.open(`http://${host}:${location.port}/test/fixtures/fresh.html`);
        const t = setTimeout(() => reject(new Error('no report')), 8000);
        addEventListener('message', function on(e) {
          if (e.source !== w) return;
          removeEventListener('message', on);
          clearTimeout(t);
          w!.close();
          resolve(e.data);
        });
      },
    );
    expect(r.before).to.deep.equal([]);
    expect(r.cookiesBefore).to.equal('');
    expect(r.after).to.deep.equal(['garde']);
  });

  it('sends the receipts from a sandboxed frame, where cookies, storage and Web Locks are all refused', async () => {
    // An opaque origin: document.cookie and the storages throw, and navigator.locks.request
    // rejects (as in Chromium with the site's cookies blocked). The receipts still go out.
    const frame = Object.assign(document.createElement('iframe'), {
      src: `/test/fixtures/sandboxed.html#${location.origin}${endpoint()}`,
      title: 'sandboxed',
    });
    frame.setAttribute('sandbox', 'allow-scripts');
    document.body.append(frame);
    try {
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const call = (method: string) =>
        new Promise((resolve) => {
          addEventListener('message', function on(event) {
            if (event.source !== frame.contentWindow) return;
            removeEventListener('message', on);
            resolve(event.data);
          });
          frame.contentWindow!.postMessage(method, '*');
        });
      expect(await call('acceptAll')).to.equal('accept-all');
      expect(await call('withdraw')).to.equal(null);
      // Both receipts reach the server. (The endpoint sends no CORS header for the frame's
      // origin, `null`: the page cannot read the answer and sends again, as it would after a
      // network error; the collector drops such duplicates by receiptId.)
      const receiptIds = async () => new Set((await seen()).posts.map((post) => post.receiptId));
      await until(async () => (await receiptIds()).size >= 2, 8000);
      expect((await receiptIds()).size).to.equal(2);
    } finally {
      frame.remove();
    }
  });

  it(`keeps only the last ${HISTORY_LIMIT} decisions`, async () => {
    const g = start(config());
    g.set({ analytics: true });
    for (let i = 0; i < HISTORY_LIMIT + 4; i++) g.set({ marketing: i % 2 === 0 });
    const done = async () => {
      const h = await g.history();
      return (
        h.length === HISTORY_LIMIT &&
        h[0]!.categories.marketing === true &&
        h[HISTORY_LIMIT - 1]!.categories.marketing === false
      );
    };
    // The first 5 of 105 decisions are gone: the oldest kept grants marketing (i = 4), the newest
    // (i = 103) refuses it.
    await until(done, 8000);
    expect(await g.history()).to.have.length(HISTORY_LIMIT);
  });

  it('sends each receipt as text/plain JSON without cookies, and marks it sent once stored', async () => {
    const g = start(config({ recordEndpoint: endpoint() }));
    g.acceptAll();
    await until(async () => (await g.history())[0]?.sent);
    const s = await seen();
    expect(s.posts).to.have.length(1);
    expect(s.posts[0]).to.deep.include({
      receiptId: (await g.history())[0]!.receiptId,
      status: 202,
      type: 'text/plain;charset=UTF-8',
      cookie: false,
    });
    expect(await outbox()).to.deep.equal([]);
  });

  it('sends a receipt the outbox cannot hold (storage full: IndexedDB refuses every write, reads still work) from memory', async () => {
    const { put } = IDBObjectStore.prototype;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const g = start(config({ recordEndpoint: endpoint() }));
      g.acceptAll();
      await until(async () => (await seen()).posts.length === 1);
      expect(await outbox()).to.deep.equal([]);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
  });

  it('keeps receipts in the outbox while the server fails, and retries on a later page without duplicates', async () => {
    await answer(503);
    const g = start(config({ recordEndpoint: endpoint() }));
    g.acceptAll();
    g.set({ marketing: false });
    await until(async () => (await seen()).posts.length >= 2);
    await g.ready;
    const ids = (await g.history()).map((e) => e.receiptId);
    expect(await outbox()).to.have.members(ids);
    expect((await g.history()).every((e) => !e.sent)).to.be.true;

    await answer(202);
    const later = start(config({ recordEndpoint: endpoint() }));
    await later.ready;
    expect(await outbox()).to.deep.equal([]);
    expect((await later.history()).every((e) => e.sent)).to.be.true;
    await start(config({ recordEndpoint: endpoint() })).ready;
    const stored = (await seen()).posts.filter((p) => p.status === 202).map((p) => p.receiptId);
    expect(stored).to.have.members(ids);
    expect(stored).to.have.length(2);
  });

  it('retries when the browser comes back online', async () => {
    await answer(503);
    const g = start(config({ recordEndpoint: endpoint() }));
    g.acceptAll();
    await until(async () => (await seen()).posts.length >= 1);
    await g.ready;
    await answer(202);
    dispatchEvent(new Event('online'));
    await until(async () => (await g.history())[0]?.sent);
    const posts = (await seen()).posts;
    expect(posts.filter((p) => p.status === 202)).to.have.length(1);
    expect(posts[0]!.status).to.equal(503);
  });

  it(`sends again on the same page when the server fails (after ${RETRY_DELAY / 1000} s)`, async function () {
    this.timeout(30_000);
    await answer(503);
    const g = start(config({ recordEndpoint: endpoint() }));
    g.acceptAll();
    await until(async () => (await seen()).posts.length >= 1);
    await answer(202);
    // No new page, no `online` event: the page's own timer.
    await until(async () => (await g.history())[0]?.sent, 20_000);
    // The start-up retry may have met a 503 too.
    const statuses = (await seen()).posts.map((p) => p.status);
    expect(statuses[0]).to.equal(503);
    expect(statuses.filter((status) => status === 202)).to.have.length(1);
    expect(statuses.at(-1)).to.equal(202);
    expect(await outbox()).to.deep.equal([]);
  });

  it('sends nothing after destroy(): what waits is left to the next instance and its endpoint', async () => {
    const receipt = { receiptId: 'r-1', id: 'c-1', ts: new Date().toISOString() };
    await set('outbox', { [receipt.receiptId]: receipt }, createStore('garde', 'log'));
    const gone = start(config({ recordEndpoint: endpoint() }));
    gone.destroy();
    // Its start-up retry comes after paint: by then it is stopped.
    await gone.ready;
    expect((await seen()).posts).to.deep.equal([]);
    expect(await outbox()).to.deep.equal(['r-1']);
  });

  it('keeps receipts when the network fails', async () => {
    const g = start(config({ recordEndpoint: 'http://127.0.0.1:9/consent' }));
    g.acceptAll();
    await until(async () => (await outbox()).length === 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(await outbox()).to.have.length(1);
    expect((await g.history())[0]!.sent).to.be.false;
  });

  it('drops a receipt the server refuses (4xx, retrying cannot fix it) and says so', async () => {
    await answer(400);
    const errors: string[] = [];
    const error = console.error;
    console.error = (m: string) => void errors.push(m);
    try {
      const g = start(config({ recordEndpoint: endpoint() }));
      g.acceptAll();
      await until(async () => (await seen()).posts.length === 1 && (await outbox()).length === 0);
      await start(config({ recordEndpoint: endpoint() })).ready;
    } finally {
      console.error = error;
    }
    expect((await seen()).posts).to.have.length(1);
    expect(errors.some((e) => /refused receipt .* \(400\)/.test(e))).to.be.true;
  });

  for (const status of [429, 408]) {
    it(`keeps a receipt answered ${status} in the outbox and sends it again later`, async () => {
      await answer(status);
      const errors: string[] = [];
      const error = console.error;
      console.error = (m: string) => void errors.push(m);
      try {
        const g = start(config({ recordEndpoint: endpoint() }));
        g.acceptAll();
        await until(async () => (await seen()).posts.length >= 1);
        await g.ready;
        const [entry] = await g.history();
        expect(await outbox()).to.deep.equal([entry!.receiptId]);
        expect(entry!.sent).to.be.false;
        await answer(202);
        const later = start(config({ recordEndpoint: endpoint() }));
        await later.ready;
        expect(await outbox()).to.deep.equal([]);
        expect((await later.history())[0]!.sent).to.be.true;
        // The same receipt each time (the start-up retry may send it too; Chromium itself may repeat
        // a request answered 408), stored exactly once.
        const posts = (await seen()).posts;
        expect(new Set(posts.map((p) => p.receiptId))).to.deep.equal(new Set([entry!.receiptId]));
        expect(posts.map((p) => p.status)).to.include(status);
        expect(posts.filter((p) => p.status === 202)).to.have.length(1);
        expect(posts.at(-1)!.status).to.equal(202);
      } finally {
        console.error = error;
      }
      expect(errors).to.deep.equal([]);
    });
  }

  it('falls back to sendBeacon where fetch is missing', async () => {
    const saved = window.fetch;
    (window as { fetch?: unknown }).fetch = undefined;
    try {
      const g = start(config({ recordEndpoint: endpoint() }));
      g.acceptAll();
      await until(async () => (await g.history())[0]?.sent);
    } finally {
      window.fetch = saved;
    }
    await until(async () => (await seen()).posts.length === 1);
    expect((await seen()).posts[0]!.type).to.equal('text/plain;charset=UTF-8');
  });
});
