// One decision for every tab (src/core/sync.ts), with two instances on one page standing for two
// tabs of a site: they share the cookie and reach each other over the BroadcastChannel as tabs
// do. The two-tab run on the demo and the real collector is test/core/sync.node.test.ts.
import { expect } from '@open-wc/testing';
import { readCookie } from '../../src/core/cookie.js';
import { parseConsentCookie } from '../../src/core/cookie-format.js';
import type { ConsentState, Garde, Receipt } from '../../src/core/types.js';
import {
  beaconBox,
  clearCookies,
  closeFixtures,
  config,
  openFixture,
  reset,
  start,
  until,
} from './helpers.js';

type Heard = Array<{ consent: ConsentState | null; adopted?: boolean; method: string }>;

/** Records what `onChange` listeners of an instance hear. */
function listen(garde: ReturnType<typeof start>): Heard {
  const heard: Heard = [];
  garde.onChange((consent, { adopted, method }) => heard.push({ consent, adopted, method }));
  return heard;
}

let boxCount = 0;

describe('sync: one decision for every tab', () => {
  beforeEach(reset);
  after(reset);

  it('the other tab adopts a decision and a withdrawal as stored: listeners hear it, no receipt, no cookie of its own', async () => {
    // One endpoint, as two tabs of a site have (they share the outbox too).
    const box = beaconBox();
    const deciding = start(config({ recordEndpoint: box.url }));
    const other = start(config({ recordEndpoint: box.url }));
    const heard = listen(other);
    // Its channel is open once its page has painted (init's `later`), as the outbox is retried.
    await other.ready;
    const events: Array<ConsentState | null> = [];
    const onConsent = (event: CustomEvent<ConsentState | null>) => events.push(event.detail);
    document.addEventListener('garde:consent', onConsent);
    try {
      deciding.set({ analytics: true });
      await until(() => heard.length === 1);
      expect(heard[0]).to.deep.equal({
        consent: deciding.consent,
        adopted: true,
        method: 'custom',
      });
      expect(other.consent).to.deep.equal(deciding.consent);
      expect(other.allowed('matomo')).to.be.true;
      expect(other.allowed('youtube')).to.be.false;
      const cookie = readCookie('garde_consent');

      deciding.withdraw();
      await until(() => heard.length === 2);
      expect(heard[1]).to.include({ consent: null, adopted: true });
      expect(other.withdrawn).to.be.true;
      expect(other.allowed('analytics')).to.be.false;
      // The event on document: one per decision from each instance (here one page holds both).
      expect(events).to.have.length(4);
      // Only the deciding tab sends receipts (two, not four); the cookie is the deciding tab's.
      expect((await box.receipts(2)).map((receipt) => receipt.method)).to.deep.equal([
        'custom',
        'withdraw',
      ]);
      expect((await box.receipts(2)).length, 'no receipt from the other tab').to.equal(2);
      expect(cookie).to.match(/\.c\.analytics\.\.\.\.matomo~youtube$/);
    } finally {
      document.removeEventListener('garde:consent', onConsent);
    }
  });

  it('without a message (a frozen tab, no channel), the cookie is read again before a hit: none leaves after a refusal', async () => {
    const box = `sync-${Date.now()}-${++boxCount}`;
    const analyticsEndpoint = `/__beacons/${box}`;
    const tab = start(config({ analyticsEndpoint }));
    const heard = listen(tab);
    tab.acceptAll();
    tab.track('consented');
    // With consent, the hit arrives (the recorder empties the box at each read).
    const names: string[] = [];
    const read = async () => {
      const records = (await (await fetch(analyticsEndpoint)).json()) as Array<{ body: string }>;
      names.push(...records.map((record) => (JSON.parse(record.body) as { name: string }).name));
    };
    await until(async () => (await read(), names.includes('consented')));
    // What another tab's refusal leaves in the cookie, its message lost.
    const decidedAt = Math.floor(Date.now() / 1000);
    document.cookie = `garde_consent=2.${tab.consent!.id}.2020-12-07.${decidedAt}.r.....matomo~youtube;path=/`;
    tab.track('after-refusal');
    expect(tab.consent!.method).to.equal('reject-all');
    expect(heard.at(-1)).to.include({ adopted: true, method: 'reject-all' });
    // A sentinel after it, the same way: once it is in, the hit before it would be too.
    await fetch(analyticsEndpoint, {
      method: 'POST',
      body: '{"name":"sentinel"}',
      keepalive: true,
    });
    await until(async () => (await read(), names.includes('sentinel')));
    expect(names).to.deep.equal(['consented', 'sentinel']);
  });

  it('reads the cookie again on a page shown from the back/forward cache, not at the pageshow of a load', async () => {
    const tab = start(config());
    const heard = listen(tab);
    // It listens once the page has painted (init's `later`), as the outbox's retry does.
    await tab.ready;
    // What another tab's refusal leaves in the cookie, its message lost.
    const decidedAt = Math.floor(Date.now() / 1000);
    document.cookie = `garde_consent=2.${crypto.randomUUID()}.2020-12-07.${decidedAt}.r.....matomo~youtube;path=/`;
    // Every load ends with a pageshow, just after init read the cookie: no second read.
    dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
    expect(heard).to.deep.equal([]);
    dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(heard).to.have.length(1);
    expect(heard[0]).to.include({ adopted: true, method: 'reject-all' });
  });

  it('with `later` (the drop-in: after its banner is painted), the channel opens then: a decision taken before opens it and reaches the other tabs', async () => {
    let paint!: () => void;
    const painted = new Promise<void>((resolve) => (paint = resolve));
    const later = <T>(work: () => T) => painted.then(work) as Promise<Awaited<T>>;
    const other = start(config());
    const heard = listen(other);
    await other.ready;
    const early = start(config(), { later });
    const earlyHeard = listen(early);
    // Before the paint: this tab decides (a page's DOMContentLoaded handler), no channel yet.
    early.acceptAll();
    const accepted = early.consent;
    expect(heard, 'nobody told yet').to.deep.equal([]);
    paint();
    await until(() => heard.length === 1);
    expect(heard[0]).to.include({ adopted: true, method: 'accept-all' });
    expect(other.consent).to.deep.equal(accepted);
    expect(earlyHeard, 'its own decision is not adopted again').to.have.length(1);
  });

  it('a refusal another tab takes before this one has painted is read at the paint: a window side by side (no visibility change) does not keep the decision it started with', async () => {
    const deciding = start(config());
    deciding.acceptAll();
    let paint!: () => void;
    const painted = new Promise<void>((resolve) => (paint = resolve));
    const late = start(config(), {
      later: <T>(work: () => T) => painted.then(work) as Promise<Awaited<T>>,
    });
    const heard = listen(late);
    expect(late.allowed('analytics')).to.be.true;
    // The other tab refuses while this one is still on its way to its first paint (no channel yet).
    deciding.rejectAll();
    paint();
    await late.ready;
    expect(heard).to.have.length(1);
    expect(heard[0]).to.include({ adopted: true, method: 'reject-all' });
    expect(late.allowed('analytics')).to.be.false;
  });

  it('an instance destroyed before the page painted opens nothing then and adopts nothing', async () => {
    let paint!: () => void;
    const painted = new Promise<void>((resolve) => (paint = resolve));
    const stopped = start(config(), {
      later: <T>(work: () => T) => painted.then(work) as Promise<Awaited<T>>,
    });
    const heard = listen(stopped);
    stopped.destroy();
    start(config()).acceptAll();
    paint();
    // Its sync's work was queued before the outbox's retry.
    await stopped.ready;
    expect(heard).to.deep.equal([]);
    expect(stopped.consent).to.equal(null);
  });

  it('a withdrawal after a cookie another window left unreadable (tampered, an older policy version) is recorded: its receipt ends the decision taken here', async () => {
    const box = beaconBox();
    const tab = start(config({ recordEndpoint: box.url }));
    const ids: string[] = [];
    const decidedAt = Math.floor(Date.now() / 1000);
    for (const left of [
      'garbage',
      `3.${crypto.randomUUID()}.2019-01-01.${decidedAt}.a.analytics...`,
    ]) {
      tab.set({ analytics: true });
      ids.push(tab.consent!.id!);
      document.cookie = `garde_consent=${left};path=/`;
      tab.withdraw();
      expect(tab.withdrawn).to.be.true;
      expect(parseConsentCookie(readCookie('garde_consent'))).to.include({ method: 'withdraw' });
    }
    const receipts = await box.receipts(4);
    expect(receipts.map((receipt) => [receipt.method, receipt.id])).to.deep.equal([
      ['custom', ids[0]],
      ['withdraw', ids[0]],
      ['custom', ids[1]],
      ['withdraw', ids[1]],
    ]);
  });

  it('destroy() stops listening to the other tabs', async () => {
    const deciding = start(config());
    const stopped = start(config());
    const listening = start(config());
    const heard = listen(listening);
    await listening.ready;
    stopped.destroy();
    deciding.acceptAll();
    await until(() => heard.length === 1);
    expect(stopped.consent).to.equal(null);
  });
});

type Page = Window & {
  garde: Garde;
  ran?: string[];
  MutationObserver: typeof MutationObserver;
};
type Change = { consent: ConsentState | null; previous: string | undefined; adopted?: boolean };

describe("sync: a window that missed another window's decision (two sub-domains side by side)", () => {
  beforeEach(clearCookies);
  afterEach(() => {
    closeFixtures();
    clearCookies();
  });

  /**
   * Windows a and b of test/fixtures/missed-decision.html (no channel between them), what b's
   * listeners hear, b's embeds whose `src` changed, and what reached the test server: the
   * requests of each window and the receipts, gathered as they come.
   */
  async function sideBySide(extra = '') {
    const box = `missed-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const open = (name: string) =>
      openFixture<Page>(
        `missed-decision.html?box=${box}&window=${name}${extra}`,
        (page) => page.garde,
      );
    const [a, b] = [await open('a'), await open('b')];
    // Both painted (init's `later`, where a page reads the cookie once more): what a decides from
    // now on, b misses.
    await Promise.all([a.garde.ready, b.garde.ready]);
    const heard: Change[] = [];
    b.garde.onChange((consent, { previous, adopted }) =>
      heard.push({ consent, previous: previous?.id, adopted }),
    );
    // The embeds whose src was set or removed (by title: player, pixel), however briefly.
    const sources: string[] = [];
    new b.MutationObserver((records) =>
      records.forEach((record) => sources.push((record.target as HTMLElement).title)),
    ).observe(b.document.body, { attributeFilter: ['src'], subtree: true });
    const requests: string[] = [];
    const receipts: Receipt[] = [];
    const gather = async () => {
      const read = async (name: string) =>
        (await (await fetch(`/__beacons/${box}-${name}`)).json()) as Array<{
          path?: string;
          body?: string;
        }>;
      requests.push(...(await read('requests')).map(({ path }) => path!.split('/').pop()!));
      receipts.push(...(await read('receipts')).map(({ body }) => JSON.parse(body!) as Receipt));
    };
    /** Once a request b sends now has arrived, none of b's sent before it is still on its way. */
    const settled = async () => {
      await b.fetch(`/__beacons/${box}-requests/b-sentinel`);
      await until(async () => (await gather(), requests.includes('b-sentinel')));
    };
    return { a, b, heard, sources, requests, receipts, gather, settled };
  }

  /** Window a accepts everything (its message lost), and YouTube leaves its cookie. */
  async function acceptInA({ a, requests, gather }: Awaited<ReturnType<typeof sideBySide>>) {
    a.garde.acceptAll({ layer: 'banner' });
    a.document.cookie = 'VISITOR_INFO1_LIVE=a;path=/';
    // What a was granted really runs there: the observation below can see it.
    await until(async () => (await gather(), requests.includes('a-player')));
    return a.garde.consent!.id!;
  }

  const cookie = () => parseConsentCookie(readCookie('garde_missed'));

  it("a refusal in b ends a's acceptance (its receipt names a's id), and nothing a granted starts in b", async () => {
    const windows = await sideBySide();
    const { b, heard, sources, requests, receipts, gather, settled } = windows;
    const id = await acceptInA(windows);
    // b still shows its banner; the visitor refuses there.
    b.garde.rejectAll({ layer: 'banner' });
    expect(b.garde.consent).to.include({ method: 'reject-all', id: undefined });
    // One change heard: the refusal, on top of a's acceptance.
    expect(heard).to.have.length(1);
    expect(heard[0]).to.include({ previous: id, adopted: undefined });
    expect(cookie()).to.include({ method: 'reject-all' });
    expect(cookie()!.categories).to.deep.equal([]);
    // What YouTube left in a is erased: refused now.
    expect(document.cookie).to.not.match(/VISITOR_INFO1_LIVE/);
    await until(async () => (await gather(), receipts.length === 2));
    expect(receipts.map((receipt) => [receipt.method, receipt.id])).to.deep.equal([
      ['accept-all', id],
      ['reject-all', id],
    ]);
    // Nothing of a's grants in b, during the refusal or after it (b becoming visible again reads
    // the cookie it has already read).
    b.document.dispatchEvent(new Event('visibilitychange'));
    await settled();
    expect(heard).to.have.length(1);
    expect(sources).to.deep.equal([]);
    expect(b.ran ?? []).to.deep.equal([]);
    expect(requests.filter((name) => name.startsWith('b-'))).to.deep.equal(['b-sentinel']);
  });

  it("a withdrawal in b ends a's acceptance: its receipt names a's id", async () => {
    const windows = await sideBySide();
    const { b, heard, sources, requests, receipts, gather, settled } = windows;
    const id = await acceptInA(windows);
    b.garde.withdraw({ layer: 'dialog' });
    expect(b.garde.withdrawn).to.be.true;
    expect(heard).to.have.length(1);
    expect(heard[0]).to.include({ consent: null, previous: id, adopted: undefined });
    expect(cookie()).to.include({ method: 'withdraw' });
    expect(document.cookie).to.not.match(/VISITOR_INFO1_LIVE/);
    await until(async () => (await gather(), receipts.length === 2));
    expect(receipts.map((receipt) => [receipt.method, receipt.id])).to.deep.equal([
      ['accept-all', id],
      ['withdraw', id],
    ]);
    await settled();
    expect(sources).to.deep.equal([]);
    expect(requests.filter((name) => name.startsWith('b-'))).to.deep.equal(['b-sentinel']);
  });

  it("a choice in b changes a's decision: a's id goes on, and b starts only what its decision grants", async () => {
    const windows = await sideBySide();
    const { b, heard, requests, receipts, gather } = windows;
    const id = await acceptInA(windows);
    b.garde.set({ analytics: false }, { layer: 'dialog' });
    expect(b.garde.consent!.categories).to.deep.include({ analytics: false, marketing: true });
    expect(b.garde.consent!.id).to.equal(id);
    expect(heard).to.have.length(1);
    expect(heard[0]).to.include({ previous: id, adopted: undefined });
    await until(async () => (await gather(), receipts.length === 2));
    expect(receipts.map((receipt) => [receipt.method, receipt.id])).to.deep.equal([
      ['accept-all', id],
      ['custom', id],
    ]);
    await until(async () => (await gather(), requests.includes('b-player')));
    expect(requests).to.not.include('b-script.js');
  });

  it('with reloadOnRefusal, a refusal in b reloads b when b had granted what now runs there, though a refused it first unseen', async () => {
    const { a, b, requests, gather } = await sideBySide('&reload');
    b.garde.acceptAll({ layer: 'banner' });
    // What b granted runs there (its gated script), and cannot be unloaded.
    await until(async () => (await gather(), requests.includes('b-script.js')));
    a.garde.rejectAll({ layer: 'banner' });
    const page = b.document;
    let unloading = false;
    b.addEventListener('beforeunload', () => (unloading = true));
    b.garde.rejectAll({ layer: 'dialog' });
    expect(unloading).to.be.true;
    await until(() => b.document !== page && b.garde);
  });

  it('with reloadOnRefusal, a refusal in b does not reload b when only a had granted something, unseen by b', async () => {
    const windows = await sideBySide('&reload');
    const { b } = windows;
    await acceptInA(windows);
    let unloading = false;
    b.addEventListener('beforeunload', () => (unloading = true));
    b.garde.rejectAll({ layer: 'banner' });
    // location.reload() fires beforeunload before it returns (as the test above checks).
    expect(unloading).to.be.false;
  });
});
