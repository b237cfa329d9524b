// The drop-in's receipts (records.script.ts, records-file.ts, local-outbox.ts): kept in
// localStorage at the moment of the decision, stamped, logged and sent by dist/garde-records.js,
// which a page loads only when a receipt waits. Real Chromium, the built files, the test server's
// receipt endpoint.
import { expect } from '@open-wc/testing';
import { createStore, entries } from 'idb-keyval';
import type { Garde } from '../../src/core/types.js';
import { closeFixtures, openFixture, reset, until } from './helpers.js';

type Page = Window & { garde: Garde };

let key = '';
/** The receipts the test endpoint got, each as its body says. */
const posts = async (): Promise<Array<{ receiptId: string; id: string; method: string }>> =>
  (
    (await (await fetch(`/test-consent/${key}`)).json()) as { posts: Array<{ body: string }> }
  ).posts.map((post) => JSON.parse(post.body));

/** records.html with a banner, the records file there or (`missing`) not. */
const open = (records = 'present') =>
  openFixture<Page>(`records.html?key=${key}&records=${records}`, (page) =>
    bannerPart(page, 'accept'),
  );

const bannerPart = (page: Page, name: string) =>
  page.document
    ?.querySelector('garde-banner')
    ?.shadowRoot?.querySelector<HTMLElement>(`[part~=${name}]`) ?? null;

/** The receipts kept in localStorage (the origin's, which the test page shares). */
const kept = () => Object.keys(localStorage).filter((name) => name.startsWith('garde.receipt.'));

/** Whether the page has added a script for garde-records.js. */
const recordsScripts = (page: Page) =>
  [...page.document.scripts].filter((script) => /garde-records\.js$/.test(script.src));

describe('dist/garde.js: receipts kept at once, sent by dist/garde-records.js', () => {
  beforeEach(async () => {
    await reset();
    key = `records-${Math.random().toString(36).slice(2)}`;
  });
  afterEach(closeFixtures);
  after(reset);

  it('a page with nothing to send never loads garde-records.js', async () => {
    const page = await open();
    await page.garde.ready;
    expect(recordsScripts(page)).to.have.length(0);
    expect(kept()).to.deep.equal([]);
  });

  it('with garde-records.js missing, the decision applies and its receipt waits; the next page sends it once', async () => {
    const page = await open('missing');
    bannerPart(page, 'accept')!.click();
    // The decision applies: cookie, state, no banner.
    expect(page.garde.consent!.method).to.equal('accept-all');
    expect(page.document.cookie).to.match(/garde_consent=/);
    expect(kept()).to.have.length(1);
    const [receiptKey] = kept();
    // The file was tried and failed: history() says so rather than "no decision".
    const unread = await page.garde.history().then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    expect(unread).to.match(/^garde: could not load .*\/missing\/garde-records\.js$/);
    expect(recordsScripts(page).some((script) => script.src.includes('/missing/'))).to.be.true;
    expect(await posts()).to.deep.equal([]);
    expect(kept()).to.deep.equal([receiptKey]);
    closeFixtures();

    // The next page finds the receipt, loads the file and sends it: stamped, logged, then gone.
    const next = await openFixture<Page>(`records.html?key=${key}`, (p) => p.garde);
    await next.garde.ready;
    const [sent, ...more] = await posts();
    expect(more).to.have.length(0);
    expect(`garde.receipt.${sent!.receiptId}`).to.equal(receiptKey);
    expect(sent).to.include({ method: 'accept-all', id: next.garde.consent!.id, layer: 'banner' });
    expect((sent as unknown as { shown: string }).shown).to.match(/^[0-9a-f]{64}$/);
    expect(kept()).to.deep.equal([]);
    await until(async () => (await next.garde.history())[0]?.sent);
    closeFixtures();

    // And never again: a third page has nothing to send and loads nothing.
    const third = await openFixture<Page>(`records.html?key=${key}`, (p) => p.garde);
    await third.garde.ready;
    expect(recordsScripts(third)).to.have.length(0);
    expect(await posts()).to.have.length(1);
  });

  it('a decision followed at once by a navigation keeps its receipt for the next page', async () => {
    const page = await open();
    const loaded = new Promise((resolve) =>
      page.frameElement!.addEventListener('load', resolve, { once: true }),
    );
    // The click and the navigation in one task: nothing asynchronous of garde's runs between.
    bannerPart(page, 'accept')!.click();
    page.location.replace(page.location.href);
    await loaded;
    await until(() => (page as Page).garde?.consent);
    await (page as Page).garde.ready;
    await until(async () => (await posts()).length > 0);
    await until(() => kept().length === 0);
    // One receipt. The page that was left may have loaded the records file and sent it before it
    // went (its answer then lost): the collector drops the second by receiptId.
    const received = await posts();
    expect([...new Set(received.map((receipt) => receipt.receiptId))]).to.have.length(1);
    expect(received[0]!.method).to.equal('accept-all');
  });

  it('two pages opened at once send a kept receipt once', async () => {
    const page = await open('missing');
    bannerPart(page, 'reject')!.click();
    await page.garde.history().then(
      () => expect.fail('history() resolved without its file'),
      () => {},
    );
    expect(kept()).to.have.length(1);
    closeFixtures();
    // Both find the receipt; one takes it over and sends it, under the outbox's lock.
    const [first, second] = await Promise.all([
      openFixture<Page>(`records.html?key=${key}`, (p) => p.garde),
      openFixture<Page>(`records.html?key=${key}`, (p) => p.garde),
    ]);
    await Promise.all([first!.garde.ready, second!.garde.ready]);
    expect((await posts()).map((receipt) => receipt.method)).to.deep.equal(['reject-all']);
    expect(kept()).to.deep.equal([]);
  });

  it('after a refusal nothing identifying stays: no id in the cookie, localStorage or IndexedDB', async () => {
    const page = await open();
    bannerPart(page, 'accept')!.click();
    const id = page.garde.consent!.id!;
    await until(async () => (await posts()).length === 1);
    page.garde.rejectAll();
    await until(async () => (await posts()).length === 2);
    await page.garde.ready;
    await until(() => kept().length === 0);
    const [accepted, refused] = await posts();
    // The refusal's receipt names the id it ends; once sent, nothing in the browser holds it or
    // the receipts' ids.
    expect(refused!.id).to.equal(id);
    const traces = [accepted!.receiptId, refused!.receiptId, id];
    const stored = [
      document.cookie,
      JSON.stringify({ ...localStorage }),
      JSON.stringify(await entries(createStore('garde', 'log'))),
    ].join('\n');
    for (const trace of traces) expect(stored).to.not.include(trace);
  });

  it('after a withdrawal nothing identifying stays, and the only requests are garde-records.js and the receipts', async () => {
    const page = await open();
    bannerPart(page, 'accept')!.click();
    const id = page.garde.consent!.id!;
    await until(async () => (await posts()).length === 1);
    page.garde.withdraw();
    await until(async () => (await posts()).length === 2);
    await until(() => kept().length === 0);
    const [accepted, withdrawn] = await posts();
    expect(withdrawn).to.include({ method: 'withdraw', id });
    const stored = [
      page.document.cookie,
      JSON.stringify({ ...localStorage }),
      JSON.stringify({ ...sessionStorage }),
      JSON.stringify(await entries(createStore('garde', 'log'))),
    ].join('\n');
    for (const trace of [accepted!.receiptId, withdrawn!.receiptId, id])
      expect(stored).to.not.include(trace);
    // Every request the page made after its own files: the records file and the two receipts.
    const requests = page.performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => !/^\/(test\/fixtures|__web-dev-server)/.test(path));
    expect(requests.sort()).to.deep.equal(
      [
        '/dist/garde-records.js',
        `/test-consent/${key}`,
        `/test-consent/${key}`,
        '/dist/garde.js',
      ].sort(),
    );
  });

  it('a first refusal: its one-off id is not kept once sent', async () => {
    const page = await open();
    bannerPart(page, 'reject')!.click();
    await until(async () => (await posts()).length === 1);
    await until(() => kept().length === 0);
    const [refused] = await posts();
    const stored = [
      document.cookie,
      JSON.stringify({ ...localStorage }),
      JSON.stringify(await entries(createStore('garde', 'log'))),
    ].join('\n');
    expect(stored).to.not.include(refused!.id);
    expect(stored).to.not.include(refused!.receiptId);
  });

  it('a receipt waits in localStorage with its path already reduced (garde-records.js missing)', async () => {
    const page = await open('missing');
    // A page whose path holds a name the site's `paths` redact, an e-mail address and a number.
    page.history.replaceState(
      null,
      '',
      '/fr/patient/jean-dupont/jean.dupont@example.be/85073112345',
    );
    bannerPart(page, 'accept')!.click();
    expect(kept()).to.have.length(1);
    const stored = localStorage.getItem(kept()[0]!)!;
    expect(JSON.parse(stored)).to.include({ path: '/fr/patient/:redacted/:redacted/:redacted' });
    for (const trace of ['jean', 'example.be', '85073112345']) expect(stored).to.not.include(trace);
  });

  it('with localStorage full, a kept receipt is sent once and its key removed', async () => {
    const page = await open('missing');
    bannerPart(page, 'reject')!.click();
    expect(kept()).to.have.length(1);
    closeFixtures();
    // Storage filled to the last character (a site's own data): the stamped receipt cannot be
    // written over its first form.
    for (let size = 1 << 20, index = 0; size >= 1;)
      try {
        localStorage.setItem(`filler.${index++}`, 'x'.repeat(size));
      } catch {
        size >>= 1;
      }
    const next = await openFixture<Page>(`records.html?key=${key}`, (p) => p.garde);
    await next.garde.ready;
    await until(async () => (await posts()).length === 1);
    // The one-off id of the refusal must not stay, nor make every later page send it again.
    await until(() => kept().length === 0);
    closeFixtures();
    const third = await openFixture<Page>(`records.html?key=${key}`, (p) => p.garde);
    await third.garde.ready;
    expect(recordsScripts(third)).to.have.length(0);
    expect(await posts()).to.have.length(1);
  });

  it('under a nonce-only CSP, garde-records.js loads with the nonce and the receipt goes', async () => {
    type CspPage = Page & { violations: string[] };
    const page = await openFixture<CspPage>(`records-csp.html?key=${key}`, (p) =>
      bannerPart(p, 'accept'),
    );
    bannerPart(page, 'accept')!.click();
    await until(async () => (await posts()).length === 1);
    await until(() => kept().length === 0);
    expect((await posts())[0]).to.include({ method: 'accept-all' });
    expect(recordsScripts(page)).to.have.length(1);
    // (The test server's own injected script is blocked too: not garde's.)
    expect(page.violations.filter((v) => !v.includes('__web-dev-server'))).to.deep.equal([]);
  });

  it('receipts kept by one page are logged in the order they were decided', async () => {
    const page = await open('missing');
    // Each keeps a grant: a refusal would end the id and its log.
    const decisions = [1, 2, 3, 4, 5, 6, 7, 8].map((step) => ({
      analytics: true,
      marketing: step % 2 === 0,
    }));
    for (const choices of decisions) {
      // Each in its own millisecond, as a visitor's are.
      const before = Date.now();
      await until(() => Date.now() > before);
      page.garde.set(choices);
    }
    expect(kept()).to.have.length(decisions.length);
    const decided = kept()
      .map((name) => JSON.parse(localStorage.getItem(name)!) as { receiptId: string; ts: string })
      .sort((a, b) => a.ts.localeCompare(b.ts))
      .map((receipt) => receipt.receiptId);
    closeFixtures();
    const next = await openFixture<Page>(`records.html?key=${key}`, (p) => p.garde);
    await next.garde.ready;
    await until(() => kept().length === 0);
    expect((await next.garde.history()).map((entry) => entry.receiptId)).to.deep.equal(decided);
  });

  it('with IndexedDB blocked and localStorage working, the receipt goes once and its key is removed', async () => {
    const page = await openFixture<Page>(`records.html?key=${key}&idb=blocked`, (p) =>
      bannerPart(p, 'accept'),
    );
    bannerPart(page, 'accept')!.click();
    await until(async () => (await posts()).length === 1);
    await until(() => kept().length === 0);
    expect(await page.garde.history()).to.deep.equal([]);
    expect((await posts())[0]).to.include({ method: 'accept-all' });
  });

  it('two tabs deciding at once: each receipt goes once, stamped, and no key stays', async () => {
    const [first, second] = await Promise.all([open(), open()]);
    // Both clicks in one task: neither tab has heard of the other's decision yet.
    bannerPart(first!, 'accept')!.click();
    bannerPart(second!, 'reject')!.click();
    await until(async () => (await posts()).length >= 2);
    await Promise.all([first!.garde.ready, second!.garde.ready]);
    await until(() => kept().length === 0);
    const received = await posts();
    expect(received.map((receipt) => receipt.method).sort()).to.deep.equal([
      'accept-all',
      'reject-all',
    ]);
    for (const receipt of received)
      expect((receipt as unknown as { shown: string }).shown).to.match(/^[0-9a-f]{64}$/);
  });

  it('a key garde.receipt.__proto__ (written by hand) is removed, not left to load garde-records.js on every page', async () => {
    const receipt = {
      receiptId: '__proto__',
      id: '0190a1b2-c3d4-7e5f-8a6b-000000000001',
      ts: new Date().toISOString(),
      version: '2020-12-07',
      categories: { necessary: true, analytics: true, marketing: false },
      services: {},
      method: 'custom',
      lang: 'fr',
      path: '/',
      layer: 'banner',
      v: '0.1.0',
      logged: true,
    };
    localStorage.setItem('garde.receipt.__proto__', JSON.stringify(receipt));
    const page = await openFixture<Page>(`records.html?key=${key}`, (p) => p.garde);
    await page.garde.ready;
    await until(() => kept().length === 0);
  });

  it('a receipt kept under an earlier policy version is sent without shown; values that are not receipts are dropped', async () => {
    const receiptId = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
    const old = {
      receiptId,
      id: '0190a1b2-c3d4-7e5f-8a6b-000000000001',
      ts: new Date().toISOString(),
      version: '2019-01-01',
      categories: { necessary: true, analytics: true, marketing: false },
      services: {},
      method: 'custom',
      lang: 'fr',
      path: '/fr/dossier/12345/',
      layer: 'banner',
      v: '0.1.0',
      logged: true,
    };
    localStorage.setItem(`garde.receipt.${receiptId}`, JSON.stringify(old));
    localStorage.setItem('garde.receipt.broken', '{not json');
    localStorage.setItem('garde.receipt.nothing', 'null');
    // Kept under a key that is not its receiptId (written by hand): sent, and its key removed.
    localStorage.setItem(
      'garde.receipt.elsewhere',
      JSON.stringify({ ...old, receiptId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c' }),
    );
    const page = await openFixture<Page>(`records.html?key=${key}`, (p) => p.garde);
    await page.garde.ready;
    const received = await posts();
    expect(received.map((receipt) => receipt.receiptId).sort()).to.deep.equal([
      receiptId,
      '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c',
    ]);
    const sent = received.find((receipt) => receipt.receiptId === receiptId);
    expect(sent).to.include({ receiptId, version: '2019-01-01' });
    expect(sent).to.not.have.property('shown');
    expect(sent).to.not.have.property('logged');
    // Reduced as any receipt's path before it leaves: the number is an identifier.
    expect((sent as unknown as { path: string }).path).to.equal('/fr/dossier/:redacted/');
    expect(kept()).to.deep.equal([]);
  });
});
