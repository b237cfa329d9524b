import { expect, waitUntil } from '@open-wc/testing';
import { afterPaint } from '../../src/core/after-paint.js';
import { formatConsentCookie } from '../../src/core/cookie-format.js';
import { currentGarde } from '../../src/core/instance.js';
import type { ConsentState, Garde } from '../../src/core/types.js';
import { config, ran, reset, start, until } from './helpers.js';

function gated(attrs: Record<string, string>, text: string) {
  const s = document.createElement('script');
  s.type = 'text/plain';
  for (const [k, v] of Object.entries(attrs)) s.setAttribute(k, v);
  s.text = text;
  document.body.append(s);
}

const DAY = 864e5;
// Chromium's Cookie Store API shows path, expiry and SameSite (TypeScript's DOM types list name and value only).
// A document.cookie write reaches the cookie store asynchronously: wait until it is there.
const cookieInfo = async (name: string) => {
  await waitUntil(async () => (await cookieStore.get(name)) !== null, `no cookie ${name}`, {
    timeout: 5000,
  });
  return (await cookieStore.get(name)) as unknown as {
    path: string;
    expires: number;
    sameSite: string;
  };
};
const consentCookie = () => /(?:^|; )garde_consent=([^;]*)/.exec(document.cookie)?.[1];
/** Every console.warn / console.error during f. */
function capture(f: () => void) {
  const seen: string[] = [];
  const { warn, error } = console;
  console.warn = console.error = (m: string) => void seen.push(m);
  try {
    f();
  } finally {
    Object.assign(console, { warn, error });
  }
  return seen;
}

describe('init', () => {
  beforeEach(reset);
  after(reset);

  it('starts undecided: only necessary allowed, nothing written, currentGarde set', async () => {
    const g = start(config());
    await g.ready;
    expect(currentGarde()).to.equal(g);
    expect(g.consent).to.equal(null);
    expect(g.allowed('necessary')).to.be.true;
    for (const n of ['analytics', 'marketing', 'matomo', 'youtube', 'unknown'])
      expect(g.allowed(n), n).to.be.false;
    expect(consentCookie()).to.equal(undefined);
    expect(await g.history()).to.deep.equal([]);
  });

  it('acceptAll: every category granted, services follow, one event, cookie for 182 days on path /', async () => {
    const g = start(config());
    const events: Array<ConsentState | null> = [];
    document.addEventListener('garde:consent', (e) => events.push(e.detail), { once: true });
    const t0 = Date.now();
    g.acceptAll();
    const s = g.consent!;
    expect(events).to.deep.equal([s]);
    expect(s.method).to.equal('accept-all');
    expect(s.version).to.equal('2020-12-07');
    expect(s.categories).to.deep.equal({ necessary: true, analytics: true, marketing: true });
    expect(s.services).to.deep.equal({});
    expect(Math.abs(Date.parse(s.decidedAt) - t0)).to.be.below(1500);
    expect(Date.parse(s.expiresAt) - Date.parse(s.decidedAt)).to.equal(182 * DAY);
    expect(['matomo', 'youtube'].every(g.allowed)).to.be.true;
    const c = await cookieInfo('garde_consent');
    expect(c!.path).to.equal('/');
    expect(c!.sameSite).to.equal('lax');
    expect(Math.abs(c!.expires! - (t0 + 182 * DAY))).to.be.below(5000);
  });

  it('rejectAll: a refusal is kept as long as an acceptance', async () => {
    const g = start(config());
    g.rejectAll();
    expect(g.consent!.method).to.equal('reject-all');
    expect(g.consent!.categories).to.deep.equal({
      necessary: true,
      analytics: false,
      marketing: false,
    });
    expect(['analytics', 'matomo', 'youtube'].some(g.allowed)).to.be.false;
    const c = await cookieInfo('garde_consent');
    expect(Math.abs(c!.expires! - (Date.now() + 182 * DAY))).to.be.below(5000);
  });

  it('set: categories and services by name; a service follows its category unless set on its own, and grants it', () => {
    const g = start(config());
    const warnings = capture(() =>
      g.set({ analytics: true, youtube: true, necessary: false, nope: true }),
    );
    expect(warnings).to.deep.equal(['garde: set(): unknown "nope" ignored']);
    expect(g.consent!.method).to.equal('custom');
    expect(g.consent!.categories).to.deep.equal({
      necessary: true,
      analytics: true,
      marketing: true,
    });
    expect(g.consent!.services).to.deep.equal({ youtube: true });
    expect([
      g.allowed('necessary'),
      g.allowed('analytics'),
      g.allowed('matomo'),
      g.allowed('marketing'),
      g.allowed('youtube'),
    ]).to.deep.equal([true, true, true, true, true]);
    g.set({ matomo: false });
    expect(g.allowed('analytics')).to.be.true;
    expect(g.allowed('matomo')).to.be.false;
    g.set({ marketing: true });
    expect(g.consent!.services).to.deep.equal({ youtube: true, matomo: false });
    g.acceptAll();
    expect(g.allowed('matomo')).to.be.true;
  });

  it('names that every object has (toString, constructor) are neither categories nor services', async () => {
    gated({ 'data-category': 'toString' }, "ran.push('toString')");
    const g = start(config());
    const warnings = capture(() => g.set({ toString: true, constructor: true, analytics: true }));
    expect(warnings).to.have.length(2);
    for (const n of ['toString', 'constructor', '__proto__', 'hasOwnProperty'])
      expect(g.allowed(n), n).to.equal(false);
    g.acceptAll();
    await new Promise((r) => setTimeout(r, 50));
    expect(ran()).to.deep.equal([]);
  });

  it('reads its own decision back on the next page, with the same id', () => {
    const g = start(config());
    g.set({ marketing: true, youtube: false });
    const next = start(config());
    expect(next.consent).to.deep.equal(g.consent);
    expect(next.allowed('youtube')).to.be.false;
  });

  it('keeps the id while something is granted; a refusal has none, and a grant after it a fresh one', () => {
    const g = start(config());
    g.acceptAll();
    const id = g.consent!.id;
    expect(id).to.match(/^[\da-f-]{36}$/);
    g.set({ marketing: false });
    expect(g.consent!.id).to.equal(id);
    expect(start(config()).consent!.id).to.equal(id);
    g.rejectAll();
    expect(g.consent!.id).to.equal(undefined);
    // No id (field 2 empty); the services known at the decision last.
    expect(consentCookie()).to.match(/^3\.\.2020-12-07\.\d+\.r\.\.\.\.\.matomo~youtube$/);
    const next = start(config());
    expect(next.consent!.method).to.equal('reject-all');
    expect(next.consent!.id).to.equal(undefined);
    next.set({ analytics: true });
    expect(next.consent!.id).to.match(/^[\da-f-]{36}$/);
    expect(next.consent!.id).to.not.equal(id);
    // A new policy version is a new question: a fresh id too.
    const v2 = start(config({ policy: { url: '/p', version: '2021-06-01' } }));
    expect(v2.consent).to.equal(null);
    v2.acceptAll();
    expect(v2.consent!.id).to.not.equal(next.consent!.id);
    expect(v2.consent!.version).to.equal('2021-06-01');
  });

  it('withdraw: forgets the decision, erases declared cookies and storage, emits null, asks again', async () => {
    const g = start(config());
    g.acceptAll();
    const id = g.consent!.id;
    document.cookie = '_pk_id.1.abcd=1;path=/';
    document.cookie = 'VISITOR_INFO1_LIVE=x;path=/';
    localStorage.setItem('_pk_x', '1');
    sessionStorage.setItem('yt-remote', '1');
    const events: unknown[] = [];
    const off = g.onChange((s) => events.push(s));
    g.withdraw();
    off();
    expect(events).to.deep.equal([null]);
    expect(g.consent).to.equal(null);
    expect(g.withdrawn).to.equal(true);
    // The cookie keeps only a withdrawal marker: no id, nothing granted (analytics stays silent).
    expect(consentCookie()).to.match(/^3\.\.2020-12-07\.\d+\.w\.\.\.\.$/);
    expect(document.cookie).to.not.match(/_pk_id|VISITOR_INFO1_LIVE/);
    expect(localStorage.getItem('_pk_x')).to.equal(null);
    expect(sessionStorage.getItem('yt-remote')).to.equal(null);
    expect(g.allowed('analytics')).to.be.false;
    const next = start(config());
    expect(next.consent).to.equal(null);
    expect(next.withdrawn).to.equal(true);
    // The id ends with the withdrawal: a refusal has none, the next grant a fresh one.
    g.rejectAll();
    expect(g.consent!.id).to.equal(undefined);
    expect(g.withdrawn).to.equal(false);
    next.acceptAll();
    expect(next.consent!.id).to.match(/^[\da-f-]{36}$/);
    expect(next.consent!.id).to.not.equal(id);
  });

  it('refusing a service erases its cookies and storage but not those of granted ones', () => {
    const g = start(config());
    g.acceptAll();
    document.cookie = '_pk_id.1=1;path=/';
    document.cookie = 'VISITOR_INFO1_LIVE=x;path=/';
    localStorage.setItem('yt-player', '1');
    g.set({ youtube: false });
    expect(document.cookie).to.match(/_pk_id\.1=1/);
    expect(document.cookie).to.not.match(/VISITOR_INFO1_LIVE/);
    expect(localStorage.getItem('yt-player')).to.equal(null);
    g.set({ analytics: false });
    expect(document.cookie).to.not.match(/_pk_id/);
  });

  it("a service whose cookie pattern also matches garde's own cookie (a site prefix) does not erase the refusal or the withdrawal", async () => {
    const prefixed = config({
      cookie: { name: 'inami_consent' },
      services: { stats: { category: 'analytics', cookies: ['inami_*'] } },
    });
    document.cookie = 'inami_stats=1;path=/';
    start(prefixed).rejectAll();
    // The service's own cookie goes; the decision stays, on the next page too.
    expect(document.cookie).to.not.match(/inami_stats/);
    expect(start(prefixed).consent?.method).to.equal('reject-all');
    start(prefixed).withdraw();
    expect(start(prefixed).withdrawn).to.be.true;
    document.cookie = 'inami_consent=;max-age=0;path=/';
  });

  it('reloadOnRefusal: reloads when something granted is refused or withdrawn, not on a first refusal', async () => {
    const top = window as unknown as { loads?: number };
    top.loads = 0;
    const frame = Object.assign(document.createElement('iframe'), {
      title: 'reload',
      src: '/test/fixtures/reload.html?cookie=garde_reload',
    });
    frame.dataset.test = '';
    document.body.append(frame);
    const g = () => (frame.contentWindow as unknown as { garde?: Garde }).garde;
    await until(() => top.loads === 1 && g());
    g()!.rejectAll();
    g()!.set({ analytics: false });
    await new Promise((r) => setTimeout(r, 300));
    expect(top.loads, 'refusing what was never granted').to.equal(1);
    g()!.acceptAll();
    g()!.set({ marketing: true, youtube: false });
    await until(() => top.loads === 2 && g());
    expect(g()!.allowed('youtube')).to.be.false;
    g()!.withdraw();
    await until(() => top.loads === 3 && g());
    expect(g()!.consent).to.equal(null);
    frame.remove();
  });

  it('emits one garde:consent per decision, and onChange unsubscribes', () => {
    const g = start(config());
    let events = 0;
    let calls = 0;
    const count = () => events++;
    document.addEventListener('garde:consent', count);
    const off = g.onChange(() => calls++);
    g.acceptAll();
    g.set({ analytics: false });
    off();
    g.rejectAll();
    document.removeEventListener('garde:consent', count);
    expect(events).to.equal(3);
    expect(calls).to.equal(2);
  });

  it('sends one automatic pageview through the tracker when analytics.autoPageview is set, none otherwise', async () => {
    const key = Math.random().toString(36).slice(2);
    const hits = async (k: string) =>
      (await (await fetch(`/test-consent/${k}`)).json()).posts as unknown[];
    start(
      config({ analyticsEndpoint: `/test-consent/auto-${key}`, analytics: { autoPageview: true } }),
    );
    start(
      config({
        analyticsEndpoint: `/test-consent/manual-${key}`,
        analytics: { autoPageview: false },
      }),
    );
    await until(async () => (await hits(`auto-${key}`)).length === 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(await hits(`auto-${key}`)).to.have.length(1);
    expect(await hits(`manual-${key}`)).to.have.length(0);
  });

  it('the gate waits for `later` while there is no decision (one taken meanwhile applies when it starts), not with a stored one', async () => {
    let paint!: () => void;
    const painted = new Promise<void>((resolve) => (paint = resolve));
    const later = <T>(work: () => T) => painted.then(work) as Promise<Awaited<T>>;
    gated({ 'data-category': 'analytics' }, "ran.push('analytics')");
    const frame = document.createElement('iframe');
    frame.dataset.category = 'marketing';
    frame.dataset.src = 'about:blank';
    document.body.append(frame);
    const g = start(config(), { later });
    g.acceptAll();
    // What init's default would have waited for: a frame and a timer.
    await afterPaint(() => {});
    expect(ran(), 'nothing revived before `later`').to.deep.equal([]);
    expect(frame.hasAttribute('src')).to.be.false;
    paint();
    await until(() => ran().includes('analytics'));
    expect(frame.getAttribute('src')).to.equal('about:blank');

    // The next page, with the decision stored: the gate starts without waiting for `later`
    // (which never comes here).
    gated({ 'data-category': 'analytics' }, "ran.push('next page')");
    start(config(), { later: () => new Promise(() => {}) });
    await until(() => ran().includes('next page'));
  });

  it('showPreferences dispatches garde:show-preferences on document', () => {
    const g = start(config());
    let n = 0;
    document.addEventListener('garde:show-preferences', () => n++, { once: true });
    g.showPreferences();
    expect(n).to.equal(1);
  });

  describe('a stored cookie that cannot be trusted asks again, without throwing', () => {
    const good = (over: Partial<ConsentState> = {}) =>
      formatConsentCookie({
        id: '0f8fad5b-d9cb-469f-a165-70867728950e',
        version: '2020-12-07',
        decidedAt: new Date().toISOString(),
        expiresAt: '',
        categories: { necessary: true, analytics: true },
        services: {},
        method: 'accept-all',
        ...over,
      });
    const cases: Record<string, () => string> = {
      tampered: () => good().replace('.a.', '.z.'),
      truncated: () => good().slice(0, 30),
      'old format': () => '0.' + good().slice(2),
      'another policy version': () => good({ version: '2019-01-01' }),
      'an unknown category': () => good({ categories: { necessary: true, ads: true } }),
      'an unknown service': () => good({ services: { facebook: true } }),
      'a date in the future': () =>
        good({ decidedAt: new Date(Date.now() + 10 * DAY).toISOString() }),
      'JSON from another library': () => encodeURIComponent('{"categories":["analytics"]}'),
    };
    for (const [name, value] of Object.entries(cases))
      it(name, () => {
        document.cookie = `garde_consent=${value()};path=/`;
        const g = start(config());
        expect(g.consent).to.equal(null);
        expect(g.allowed('analytics')).to.be.false;
      });

    it('(control) the same cookie untouched is read', () => {
      document.cookie = `garde_consent=${good()};path=/`;
      expect(start(config()).consent!.method).to.equal('accept-all');
    });
  });

  it('expires after cookie.days (injected clock), asking again', () => {
    const t0 = Date.parse('2026-01-01T12:00:00Z');
    start(config(), { now: () => t0 }).acceptAll();
    expect(start(config(), { now: () => t0 + 181 * DAY }).consent!.expiresAt).to.equal(
      '2026-07-02T12:00:00.000Z',
    );
    expect(start(config(), { now: () => t0 + 182 * DAY + 1000 }).consent).to.equal(null);
    expect(start(config({ cookie: { days: 30 } }), { now: () => t0 + 31 * DAY }).consent).to.equal(
      null,
    );
  });

  describe('Global Privacy Control', () => {
    const gpc = (value: boolean | undefined) =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {
        value,
        configurable: true,
      });
    afterEach(
      () => delete (Navigator.prototype as { globalPrivacyControl?: boolean }).globalPrivacyControl,
    );

    it('records a refusal with method gpc, no question asked', async () => {
      gpc(true);
      let events = 0;
      document.addEventListener('garde:consent', () => events++, { once: true });
      const g = start(config());
      expect(events).to.equal(1);
      expect(g.consent!.method).to.equal('gpc');
      expect(g.consent!.categories).to.deep.equal({
        necessary: true,
        analytics: false,
        marketing: false,
      });
      // No id, hence no local log (the receipt itself: test/core/effects.test.ts).
      expect(g.consent!.id).to.equal(undefined);
      expect(await g.history()).to.deep.equal([]);
      // Next page: the stored refusal, not a second record.
      expect(start(config()).consent!.method).to.equal('gpc');
    });

    it('an explicit later choice wins', () => {
      gpc(true);
      start(config()).acceptAll();
      const g = start(config());
      expect(g.consent!.method).to.equal('accept-all');
      expect(g.allowed('analytics')).to.be.true;
    });

    it('is ignored with gpc: "ignore", and when not exactly true', () => {
      gpc(true);
      expect(start(config({ gpc: 'ignore' })).consent).to.equal(null);
      (gpc as (v: unknown) => void)('1');
      expect(start(config()).consent).to.equal(null);
    });
  });

  it('an invalid config never throws: the visitor is asked, and a choice holds for the page only', () => {
    for (const bad of [undefined, null, 'x', 42, { policy: 7 }]) {
      capture(() => {
        const g = start(bad);
        expect(g.consent).to.equal(null);
        g.acceptAll();
        expect(g.allowed('necessary')).to.be.true;
      });
      expect(capture(() => start(bad)).length).to.be.above(0);
      expect(start(config()).consent).to.equal(null);
    }
  });

  it('without a policy version: the visitor is asked, but nothing is stored and nothing non-necessary runs', async () => {
    gated({ 'data-category': 'analytics' }, "ran.push('analytics')");
    gated({ 'data-category': 'necessary' }, "ran.push('necessary')");
    const endpoint = `/test-consent/no-version-${Math.random().toString(36).slice(2)}`;
    const errors = capture(() => {
      const g = start(config({ policy: { url: '/p' }, recordEndpoint: endpoint }));
      expect(g.consent).to.equal(null);
      g.acceptAll();
      expect(g.allowed('analytics')).to.be.false;
      expect(g.allowed('matomo')).to.be.false;
      expect(g.allowed('necessary')).to.be.true;
    });
    expect(errors.join()).to.match(/config\.policy\.version/);
    await until(() => ran().includes('necessary'));
    expect(ran()).to.deep.equal(['necessary']);
    expect(consentCookie()).to.equal(undefined);
    expect(await (await fetch(endpoint)).json()).to.deep.include({ posts: [] });
  });

  describe('blocked storage', () => {
    const restore: Array<() => void> = [];
    const stub = (o: object, key: string, desc: PropertyDescriptor) => {
      // indexedDB lives on window itself (the global), cookie on Document.prototype: put back what was there.
      const own = Object.getOwnPropertyDescriptor(o, key);
      Object.defineProperty(o, key, { configurable: true, ...desc });
      restore.push(() =>
        own ? Object.defineProperty(o, key, own) : delete (o as Record<string, unknown>)[key],
      );
    };
    afterEach(() => {
      for (const f of restore.splice(0)) f();
    });

    it('cookies disabled and IndexedDB throwing: the decision lives in memory, nothing uncaught', async () => {
      const uncaught: unknown[] = [];
      const onErr = (e: Event) => uncaught.push(e);
      addEventListener('unhandledrejection', onErr);
      addEventListener('error', onErr);
      stub(document, 'cookie', { get: () => '', set: () => {} });
      stub(indexedDB, 'open', {
        value: () => {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
      const endpoint = `/test-consent/blocked-${Math.random().toString(36).slice(2)}`;
      const g = start(config({ recordEndpoint: endpoint }));
      await g.ready;
      g.acceptAll();
      expect(g.consent!.method).to.equal('accept-all');
      expect(g.allowed('matomo')).to.be.true;
      expect(await g.history()).to.deep.equal([]);
      g.withdraw();
      expect(g.consent).to.equal(null);
      // The receipts still reach the server, from memory.
      const posts = async () =>
        (await (await fetch(endpoint)).json()).posts as Array<{ status: number }>;
      await until(async () => (await posts()).length === 2);
      await new Promise((r) => setTimeout(r, 100));
      removeEventListener('unhandledrejection', onErr);
      removeEventListener('error', onErr);
      expect(uncaught).to.deep.equal([]);
    });

    it('cookie access throwing (sandboxed frame) and IndexedDB missing', async () => {
      stub(document, 'cookie', {
        get: () => {
          throw new DOMException('sandboxed', 'SecurityError');
        },
        set: () => {
          throw new DOMException('sandboxed', 'SecurityError');
        },
      });
      stub(window, 'indexedDB', { value: undefined });
      const g = start(config());
      await g.ready;
      g.rejectAll();
      expect(g.consent!.method).to.equal('reject-all');
      expect(await g.history()).to.deep.equal([]);
    });
  });
});
