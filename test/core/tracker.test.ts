// What analytics hits really carry, as the server receives them (the beacon recorder of
// web-test-runner.config.mjs), before and after consent, in Chromium.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { createTracker, SESSION_KEY, UID_KEY } from '../../src/core/tracker.js';
import { validateConfig } from '../../src/core/config.js';
import type { AnalyticsExtra, ConsentState, GardeConfigInput, Hit } from '../../src/core/types.js';
import { config, reset, start, until } from './helpers.js';

interface Beacon {
  body: string;
  contentType: string;
  cookie: string;
  referer: string;
}

let boxCount = 0;
const newBox = () => `tracker-${Date.now()}-${++boxCount}`;

/** Waits until `box` has received `n` records (or `ms` passed) and returns all of them. */
async function received(box: string, n: number, ms = 1500): Promise<Beacon[]> {
  const all: Beacon[] = [];
  const end = Date.now() + ms;
  while (Date.now() < end) {
    all.push(...(await (await fetch(`/__beacons/${box}`)).json()));
    if (all.length >= n && n > 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return all;
}

// Browser, OS and mobile are not among them: the collector derives them from the request's User-Agent.
const ANONYMOUS_KEYS = ['name', 'path', 'referrer', 'lang', 'vw', 'consent', 'props'];
// A visitor's Chrome on Windows: its full UA string (with the build number) and its client hints.
const CHROME_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.86 Safari/537.36';
let highEntropyCalls = 0;
const CHROME_HINTS = {
  brands: [
    { brand: 'Google Chrome', version: '131' },
    { brand: 'Chromium', version: '131' },
    { brand: 'Not_A Brand', version: '24' },
  ],
  mobile: false,
  platform: 'Windows',
  getHighEntropyValues: () => {
    highEntropyCalls++;
    return Promise.resolve({});
  },
};

const granted = (analytics: boolean): ConsentState => ({
  id: '3f0c3c1e-7a53-4d59-9d0e-2a8b1b8c2f10',
  version: '1',
  decidedAt: new Date().toISOString(),
  expiresAt: new Date(Date.now() + 864e5).toISOString(),
  categories: { necessary: true, analytics },
  services: {},
  method: analytics ? 'accept-all' : 'reject-all',
});

function setup(
  box: string,
  analytics: Partial<GardeConfigInput['analytics']> = {},
  endpoint: string | null = `/__beacons/${box}`,
) {
  const store = { consent: null as ConsentState | null, withdrawn: false };
  const config = validateConfig({
    policy: { url: '/privacy', version: '1' },
    categories: { analytics: {} },
    analyticsEndpoint: endpoint,
    analytics,
  });
  const tracker = createTracker({ config, store, lang: () => 'fr' });
  const setConsent = (consent: ConsentState | null) => {
    store.consent = consent;
  };
  return { tracker, setConsent, store };
}

const storageSnapshot = () =>
  JSON.stringify({
    local: { ...localStorage },
    session: { ...sessionStorage },
    cookie: document.cookie,
  });

describe('tracker', () => {
  const startUrl = location.href;
  beforeEach(async () => {
    await setViewport({ width: 800, height: 600 });
    history.replaceState(
      null,
      '',
      '/espace/remboursements/85073112345?email=jan.peeters%40example.be&utm_source=newsletter&q=lunettes#formulaire',
    );
    Object.defineProperty(document, 'referrer', {
      value: 'https://www.google.be/search?q=jan+peeters+inami',
      configurable: true,
    });
    Object.defineProperty(navigator, 'userAgent', { value: CHROME_UA, configurable: true });
    Object.defineProperty(navigator, 'userAgentData', { value: CHROME_HINTS, configurable: true });
    localStorage.clear();
    sessionStorage.clear();
  });
  afterEach(() => {
    history.replaceState(null, '', startUrl);
    for (const k of ['referrer']) delete (document as unknown as Record<string, unknown>)[k];
    for (const k of ['userAgent', 'userAgentData'])
      delete (navigator as unknown as Record<string, unknown>)[k];
  });

  it('before consent sends one anonymous hit: no identifier, no query, no full UA, nothing stored', async () => {
    const box = newBox();
    const { tracker } = setup(box, { queryAllowlist: ['utm_source'] });
    const before = storageSnapshot();
    tracker.track();
    const [hit, ...more] = await received(box, 1);
    expect(more).to.have.length(0);
    expect(hit!.contentType.toLowerCase()).to.equal('text/plain;charset=utf-8');
    expect(hit!.cookie).to.equal('');
    const body = JSON.parse(hit!.body) as Hit;
    expect(body).to.deep.equal({
      name: 'pageview',
      path: '/espace/remboursements/:redacted?utm_source=newsletter',
      // The page's language (init's garde.lang), not the browser's.
      lang: 'fr',
      vw: 768,
      consent: false,
      referrer: 'www.google.be',
    });
    expect(Object.keys(body).every((k) => ANONYMOUS_KEYS.includes(k))).to.be.true;
    for (const leak of [
      'jan',
      'peeters',
      'lunettes',
      'formulaire',
      '6778',
      'Windows NT',
      'Mozilla',
      '85073112345',
      'session',
      'uid',
      'screen',
    ]) {
      expect(hit!.body).not.to.contain(leak);
    }
    expect(storageSnapshot()).to.equal(before);
    expect(highEntropyCalls, 'getHighEntropyValues is never called').to.equal(0);
  });

  it("sends no Referer header: the page's URL (here with a personal number) stays on the page", async () => {
    const box = newBox();
    setup(box).tracker.track();
    const [hit] = await received(box, 1);
    expect(hit!.referer).to.equal('');
  });

  it('without an allowlist drops the whole query string', async () => {
    const box = newBox();
    setup(box).tracker.track('download', { file: 'formulaire-a.pdf' });
    const body = JSON.parse((await received(box, 1))[0]!.body) as Hit;
    expect(body.path).to.equal('/espace/remboursements/:redacted');
    expect(body.name).to.equal('download');
    expect(body.props).to.deep.equal({ file: 'formulaire-a.pdf' });
  });

  it('after consent adds only the configured extras, and consent: true', async () => {
    const box = newBox();
    const { tracker, setConsent } = setup(box, {
      afterConsent: ['referrer', 'minor', 'screen', 'session'],
    });
    setConsent(granted(true));
    tracker.track();
    const first = JSON.parse((await received(box, 1))[0]!.body) as Hit;
    tracker.track('search');
    const second = JSON.parse((await received(box, 1))[0]!.body) as Hit;
    expect(first).to.include({
      consent: true,
      referrer: 'https://www.google.be/search',
      minor: 0,
      screen: `${screen.width}x${screen.height}`,
    });
    expect(first!.session).to.match(/^[0-9a-f-]{36}$/);
    expect(first!.session).to.equal(sessionStorage.getItem(SESSION_KEY));
    expect(second!.session).to.equal(first!.session);
    expect(first).not.to.have.property('uid');
    expect(localStorage.getItem(UID_KEY)).to.equal(null);
    expect(first!.path).not.to.contain('?');
  });

  it('keeps a persistent id in localStorage only when persistentId is listed', async () => {
    const box = newBox();
    const { tracker, setConsent } = setup(box, { afterConsent: ['persistentId'] });
    setConsent(granted(true));
    tracker.track();
    const [hit] = (await received(box, 1)).map((r) => JSON.parse(r.body) as Hit);
    expect(hit!.uid).to.match(/^[0-9a-f-]{36}$/);
    expect(localStorage.getItem(UID_KEY)).to.equal(hit!.uid);
    expect(hit).not.to.have.property('session');
    expect(hit).not.to.have.property('screen');
    expect(hit!.referrer).to.equal('www.google.be');
  });

  it('after analytics is refused sends nothing at all, and erases the session and persistent ids', async () => {
    const box = newBox();
    const { tracker, setConsent } = setup(box, { afterConsent: ['session', 'persistentId'] });
    setConsent(granted(true));
    tracker.track();
    await received(box, 1);
    expect(sessionStorage.getItem(SESSION_KEY)).to.be.a('string');
    expect(localStorage.getItem(UID_KEY)).to.be.a('string');
    setConsent(granted(false));
    tracker.track();
    tracker.track('click', { where: 'footer' });
    expect(await received(box, 0, 600)).to.have.length(0);
    expect(sessionStorage.getItem(SESSION_KEY)).to.equal(null);
    expect(localStorage.getItem(UID_KEY)).to.equal(null);
  });

  it('after a withdrawal (no decision, withdrawn) sends nothing, even with preConsent "anonymous"', async () => {
    const box = newBox();
    const { tracker, store } = setup(box);
    store.withdrawn = true;
    tracker.track();
    expect(await received(box, 0, 600)).to.have.length(0);
    store.withdrawn = false;
    tracker.track();
    expect(JSON.parse((await received(box, 1))[0]!.body).consent).to.equal(false);
  });

  it('with preConsent "none" sends nothing before consent, then sends once granted', async () => {
    const box = newBox();
    const { tracker, setConsent } = setup(box, { preConsent: 'none' });
    const before = storageSnapshot();
    tracker.track();
    tracker.track('click', { where: 'banner' });
    expect(await received(box, 0, 600)).to.have.length(0);
    expect(storageSnapshot()).to.equal(before);
    setConsent(granted(true));
    tracker.track();
    const records = await received(box, 1);
    expect(records).to.have.length(1);
    expect(JSON.parse(records[0]!.body).consent).to.equal(true);
  });

  it('sends nothing without an analyticsEndpoint', async () => {
    const box = newBox();
    const sent: unknown[] = [];
    const { fetch: f, navigator: nav } = window;
    const beacon = nav.sendBeacon;
    window.fetch = async (...args) => {
      sent.push(args);
      return new Response();
    };
    nav.sendBeacon = (...args) => {
      sent.push(args);
      return true;
    };
    try {
      setup(box, {}, null).tracker.track();
    } finally {
      window.fetch = f;
      nav.sendBeacon = beacon;
    }
    expect(sent).to.have.length(0);
  });

  it('drops personal-looking props and event names, warning once per key', async () => {
    const box = newBox();
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => warnings.push(m);
    try {
      const { tracker } = setup(box);
      tracker.track('form', {
        form: 'contact',
        email: 'jan.peeters@example.be',
        niss: '85.07.31-123.45',
      });
      tracker.track('form', { form: 'contact', email: 'marie@example.be' });
      tracker.track('jan.peeters@example.be');
    } finally {
      console.warn = warn;
    }
    const hits = (await received(box, 2)).map((r) => JSON.parse(r.body) as Hit);
    expect(hits).to.have.length(2);
    expect(hits.map((h) => h.props)).to.deep.equal([{ form: 'contact' }, { form: 'contact' }]);
    expect(warnings).to.have.length(3);
    expect(warnings[0]).to.contain('prop "email"');
    expect(warnings[1]).to.contain('prop "niss"');
    expect(warnings[2]).to.contain('event name');
    expect(warnings.join()).not.to.contain('jan.peeters');
  });

  it("sends hits without the site's cookies, even to a same-origin endpoint", async () => {
    const box = newBox();
    document.cookie = 'site_session=abc; path=/';
    try {
      setup(box).tracker.track();
      const [hit] = await received(box, 1);
      expect(hit!.cookie).to.equal('');
      expect(JSON.parse(hit!.body).consent).to.equal(false);
    } finally {
      document.cookie = 'site_session=; path=/; max-age=0';
    }
  });

  it('falls back to sendBeacon where fetch is missing', async () => {
    const box = newBox();
    const f = window.fetch;
    (window as { fetch?: unknown }).fetch = undefined;
    try {
      setup(box).tracker.track();
    } finally {
      window.fetch = f;
    }
    const [hit, ...more] = await received(box, 1);
    expect(more).to.have.length(0);
    expect(hit!.contentType.toLowerCase()).to.equal('text/plain;charset=utf-8');
    expect(JSON.parse(hit!.body).consent).to.equal(false);
  });

  it('makes its ids without crypto.randomUUID (absent on plain http pages)', async () => {
    const saved = Object.getOwnPropertyDescriptor(Crypto.prototype, 'randomUUID')!;
    Object.defineProperty(Crypto.prototype, 'randomUUID', { value: undefined, configurable: true });
    const box = newBox();
    try {
      const { tracker, setConsent } = setup(box, { afterConsent: ['session'] });
      setConsent(granted(true));
      tracker.track();
    } finally {
      Object.defineProperty(Crypto.prototype, 'randomUUID', saved);
    }
    const [hit] = (await received(box, 1)).map((r) => JSON.parse(r.body) as Hit);
    expect(hit!.session).to.match(
      /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/,
    );
  });

  for (const [width, bucket] of [
    [320, 0],
    [375, 360],
    [1280, 1200],
    [1920, 1440],
  ] as const) {
    it(`puts a ${width} px viewport in the ${bucket} bucket`, async () => {
      await setViewport({ width, height: 700 });
      const box = newBox();
      setup(box).tracker.track();
      expect(JSON.parse((await received(box, 1))[0]!.body).vw).to.equal(bucket);
    });
  }

  it('reads the consent at each hit (extras follow the current decision)', async () => {
    const box = newBox();
    const extras: AnalyticsExtra[] = ['screen'];
    const { tracker, setConsent } = setup(box, { afterConsent: extras });
    const hits: Hit[] = [];
    for (const state of [null, granted(true), null]) {
      setConsent(state);
      tracker.track();
      hits.push(JSON.parse((await received(box, 1))[0]!.body));
    }
    expect(hits.map((h) => [h.consent, 'screen' in h])).to.deep.equal([
      [false, false],
      [true, true],
      [false, false],
    ]);
  });
});

describe('analytics through init()', () => {
  beforeEach(reset);
  after(reset);

  it('autoPageview: exactly one anonymous hit before consent; the richer one only after acceptance', async () => {
    const box = newBox();
    const page = () =>
      start(
        config({
          analyticsEndpoint: `/__beacons/${box}`,
          analytics: { autoPageview: true, afterConsent: ['referrer', 'screen', 'session'] },
        }),
      );
    const before = storageSnapshot();
    const first = page();
    const hits = await received(box, 1, 800);
    expect(hits).to.have.length(1);
    const anonymous = JSON.parse(hits[0]!.body) as Hit;
    expect(anonymous.consent).to.equal(false);
    expect(Object.keys(anonymous).every((k) => ANONYMOUS_KEYS.includes(k))).to.be.true;
    expect(anonymous).not.to.have.any.keys('session', 'screen', 'uid', 'minor');
    // Only garde's own consent cookie may appear once the visitor decides; nothing before.
    expect(storageSnapshot()).to.equal(before);

    first.acceptAll();
    expect(await received(box, 0, 300), 'accepting sends no hit by itself').to.have.length(0);
    first.destroy();
    page(); // the next page, with the stored acceptance
    const [rich, ...more] = (await received(box, 1, 800)).map((r) => JSON.parse(r.body) as Hit);
    expect(more).to.have.length(0);
    expect(rich!.consent).to.equal(true);
    expect(rich!.screen).to.equal(`${screen.width}x${screen.height}`);
    expect(rich!.session).to.equal(sessionStorage.getItem(SESSION_KEY));
    expect(rich).not.to.have.property('uid');
  });

  it('analytics.category "necessary" (always granted) is refused by the config check: a refusal still means silence, no id', async () => {
    const box = newBox();
    const errors: string[] = [];
    const { error } = console;
    console.error = (message: string) => void errors.push(message);
    let garde;
    try {
      garde = start(
        config({
          analyticsEndpoint: `/__beacons/${box}`,
          analytics: { autoPageview: false, afterConsent: ['session'], category: 'necessary' },
        }),
      );
    } finally {
      console.error = error;
    }
    garde.rejectAll();
    garde.track('after-refusal');
    // A sentinel sent the same way after it: once it is in, the hit before it would be too.
    await fetch(`/__beacons/${box}`, {
      method: 'POST',
      body: '{"name":"sentinel"}',
      keepalive: true,
    });
    const names: string[] = [];
    await until(async () => {
      const records = (await (await fetch(`/__beacons/${box}`)).json()) as Beacon[];
      names.push(...records.map((record) => (JSON.parse(record.body) as Hit).name));
      return names.includes('sentinel');
    });
    expect(names).to.deep.equal(['sentinel']);
    expect(sessionStorage.getItem(SESSION_KEY)).to.equal(null);
    // The site hears why: the field is named in the console.
    expect(errors.join()).to.match(/config\.analytics\.category/);
  });
});
