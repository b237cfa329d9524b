// The drop-in entry (src/garde.ts): what a page with one script tag and a JSON config gets.
import { expect } from '@open-wc/testing';
import { currentGarde } from '../src/core/instance.js';
import { clearCookies, ran, until } from './core/helpers.js';

let n = 0;
/** Puts the config element on the page (or none), then runs the drop-in afresh; returns console errors. */
async function dropIn(configText: string | null): Promise<string[]> {
  document.getElementById('garde-config')?.remove();
  if (configText != null) {
    const el = document.createElement('script');
    el.type = 'application/json';
    el.id = 'garde-config';
    el.textContent = configText;
    document.head.append(el);
  }
  // A page runs garde.js once, and its window.garde cannot be redefined; these tests run it again
  // in one window, so they keep it redefinable (a property that exists keeps its `configurable`).
  Object.defineProperty(window, 'garde', { configurable: true, writable: true, value: undefined });
  const errors: string[] = [];
  const error = console.error;
  console.error = (m: string) => void errors.push(m);
  try {
    // A fresh URL re-runs the module, as a new page would.
    await import(new URL(`../src/garde.ts?page=${++n}`, import.meta.url).href);
    // garde starts at the first read of window.garde (else in the task after the script's): here,
    // so that the config's errors come now.
    void window.garde;
  } finally {
    console.error = error;
  }
  return errors;
}

const CONFIG = {
  policy: { url: { fr: '/fr/vie-privee', nl: '/nl/privacy' }, version: '2020-12-07' },
  categories: { analytics: {} },
  services: { matomo: { category: 'analytics', cookies: ['_pk_*'] } },
  analytics: { autoPageview: false },
  lang: 'nl',
};

describe('drop-in (garde.js)', () => {
  beforeEach(() => {
    window.garde?.destroy();
    clearCookies();
    (window as unknown as { ran: string[] }).ran = [];
  });
  afterEach(() => {
    window.garde?.destroy();
    clearCookies();
    for (const el of document.querySelectorAll(
      '#garde-config, garde-banner, garde-preferences, garde-policy-link, [data-category]',
    ))
      el.remove();
  });

  it('reads the JSON config and exposes window.garde', async () => {
    const gated = document.createElement('script');
    gated.type = 'text/plain';
    gated.dataset.category = 'analytics';
    gated.dataset.service = 'matomo';
    gated.text = "ran.push('matomo')";
    document.body.append(gated);
    expect(await dropIn(JSON.stringify(CONFIG))).to.deep.equal([]);
    const g = window.garde;
    expect(g).to.equal(currentGarde());
    expect(g.config.policy.version).to.equal('2020-12-07');
    expect(g.config.services.matomo!.cookies).to.deep.equal(['_pk_*']);
    expect(g.lang).to.equal('nl');
    expect(g.consent).to.equal(null);
    await g.ready;
    expect(ran()).to.deep.equal([]);
    g.acceptAll();
    await until(() => ran().length === 1);
    expect(g.allowed('matomo')).to.be.true;
  });

  it('invalid JSON: a named error, no throw, the safe fallback (visitor asked, nothing stored)', async () => {
    const errors = await dropIn('{ "policy": { "version": "1", } }');
    expect(errors[0]).to.match(/^garde: config: expected JSON in #garde-config \(SyntaxError: /);
    const g = window.garde;
    expect(g.consent).to.equal(null);
    expect(g.config.policy.version).to.equal('');
    expect(Object.keys(g.config.categories)).to.deep.equal(['necessary']);
    g.acceptAll();
    expect(g.allowed('necessary')).to.be.true;
    // Without a policy version the choice is not trusted on the next page.
    await dropIn(JSON.stringify({ ...CONFIG, policy: { url: '/', version: '' } }));
    expect(window.garde.consent).to.equal(null);
  });

  it('no config element: a named error, and still a working window.garde', async () => {
    const errors = await dropIn(null);
    expect(errors[0]).to.match(/^garde: config: expected JSON in #garde-config/);
    expect(window.garde.consent).to.equal(null);
    expect(() => window.garde.rejectAll()).to.not.throw();
  });

  it('the built dist/garde.js works from a plain page with the README snippet', async () => {
    const built = await fetch('/dist/garde.js', { method: 'HEAD' });
    expect(built.ok, 'dist/garde.js is missing: run `npm run build` first (npm test does)').to.be
      .true;
    const frame = Object.assign(document.createElement('iframe'), {
      title: 'drop-in',
      src: '/test/fixtures/dropin.html',
    });
    document.body.append(frame);
    const w = frame.contentWindow as unknown as { garde?: typeof window.garde; ran: string[] };
    try {
      await until(() => w.garde);
      const g = w.garde!;
      expect(g.lang).to.equal('nl');
      expect(g.consent).to.equal(null);
      await new Promise((r) => setTimeout(r, 100));
      expect(w.ran).to.deep.equal([]);
      const embed = frame.contentDocument!.querySelector('iframe')!;
      expect(embed.hasAttribute('src')).to.be.false;
      const map = () => frame.contentDocument!.querySelector('iframe[title=Map]');
      expect(map() === null, 'the template is held').to.be.true;
      g.set({ analytics: true });
      await until(() => w.ran.length === 2);
      g.acceptAll();
      await until(() => w.ran.length === 3);
      expect(w.ran).to.deep.equal(['external-a', 'inline', 'external-b']);
      expect(embed.getAttribute('src')).to.equal('about:blank#video');
      expect(map()?.getAttribute('src')).to.equal('about:blank#map');
      g.withdraw();
      expect(map() === null, 'the template takes its content back').to.be.true;
    } finally {
      frame.remove();
    }
  });

  it('a showPreferences() from a DOMContentLoaded handler, before the UI is there, opens the dialog', async () => {
    const frame = Object.assign(document.createElement('iframe'), {
      title: 'early preferences',
      src: '/test/fixtures/dropin-early-preferences.html',
    });
    document.body.append(frame);
    const w = frame.contentWindow as unknown as { uiAtDomContentLoaded?: boolean };
    try {
      await until(() => w.uiAtDomContentLoaded !== undefined);
      const dialog = () =>
        frame
          .contentDocument!.querySelector('garde-preferences')
          ?.shadowRoot?.querySelector('dialog');
      await until(() => dialog()?.open, 5000);
      expect(frame.contentDocument!.querySelectorAll('garde-preferences')).to.have.length(1);
    } finally {
      frame.remove();
    }
  });

  it('loaded synchronously in <head>, revives a stored grant once the document is parsed, never earlier', async () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    document.cookie = `garde_sync=1.${id}.sync-1.${Math.floor(Date.now() / 1000)}.a.analytics..;path=/`;
    const frame = Object.assign(document.createElement('iframe'), {
      title: 'sync',
      src: '/test/fixtures/dropin-sync.html',
    });
    document.body.append(frame);
    const w = frame.contentWindow as unknown as { garde?: typeof window.garde; ran: string[] };
    try {
      await until(() => w.ran?.length === 2);
      expect(w.garde!.consent!.id).to.equal(id);
      expect(w.ran).to.deep.equal(['parsed', 'gated:interactive']);
    } finally {
      frame.remove();
    }
  });

  it('window.garde read in a DOMContentLoaded handler is started there: the stored decision and its gate', async () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    document.cookie = `garde_read_early=1.${id}.early-1.${Math.floor(Date.now() / 1000)}.a.analytics..;path=/`;
    const frame = Object.assign(document.createElement('iframe'), {
      title: 'read early',
      src: '/test/fixtures/dropin-read-early.html',
    });
    document.body.append(frame);
    const w = frame.contentWindow as unknown as { garde?: typeof window.garde; ran?: string[] };
    try {
      await until(() => w.ran?.length === 2);
      expect(w.ran).to.deep.equal(['page: analytics true', 'gated']);
      expect(w.garde!.consent!.id).to.equal(id);
      await w.garde!.ready;
      expect(frame.contentDocument!.querySelector('garde-banner')).to.equal(null);
    } finally {
      frame.remove();
    }
  });

  it("a page's own global named garde before garde.js: garde replaces it and shows its banner", async () => {
    const frame = Object.assign(document.createElement('iframe'), {
      title: 'page global',
      src: '/test/fixtures/dropin-page-global.html',
    });
    document.body.append(frame);
    const w = frame.contentWindow as unknown as { garde?: typeof window.garde; errors?: string[] };
    try {
      await until(() => frame.contentDocument?.querySelector('garde-banner')?.shadowRoot);
      expect(w.errors).to.deep.equal([]);
      expect(typeof w.garde!.showPreferences).to.equal('function');
      expect(w.garde!.consent).to.equal(null);
    } finally {
      frame.remove();
    }
  });

  it('garde.js twice on a page: one garde, one banner, and an error that says so', async () => {
    const frame = Object.assign(document.createElement('iframe'), {
      title: 'twice',
      src: '/test/fixtures/dropin-twice.html',
    });
    document.body.append(frame);
    const w = frame.contentWindow as unknown as { garde?: typeof window.garde; errors?: string[] };
    try {
      await until(() => w.errors?.length && frame.contentDocument?.querySelector('garde-banner'));
      await w.garde!.ready;
      expect(frame.contentDocument!.querySelectorAll('garde-banner').length).to.equal(1);
      expect(w.errors).to.deep.equal([
        'Uncaught Error: garde: garde.js is on this page twice; this copy does nothing',
      ]);
    } finally {
      frame.remove();
    }
  });

  it('a garde:consent listener that reads window.garde while garde starts starts no second garde', async () => {
    const frame = Object.assign(document.createElement('iframe'), {
      title: 'gpc listener',
      src: '/test/fixtures/dropin-gpc-listener.html',
    });
    document.body.append(frame);
    const w = frame.contentWindow as unknown as { garde?: typeof window.garde; ran?: string[] };
    try {
      await until(() => w.garde?.consent);
      await w.garde!.ready;
      // The refusal, said as garde takes it and again once garde has started (page-load.ts, for
      // listeners added meanwhile); a second garde, started from the listener, would say it a
      // third time.
      await until(() => w.ran!.length === 2);
      expect(w.ran).to.deep.equal(['gpc, window.garde not yet', 'gpc, window.garde ready']);
      expect(w.garde!.consent!.method).to.equal('gpc');
    } finally {
      frame.remove();
    }
  });

  it('with no decision stored, the gate starts after the UI; a decision taken before is applied then', async () => {
    const frame = Object.assign(document.createElement('iframe'), {
      title: 'early decision',
      src: '/test/fixtures/dropin-early-decision.html',
    });
    document.body.append(frame);
    const w = frame.contentWindow as unknown as { ran?: string[] };
    try {
      await until(() => w.ran?.length === 2);
      expect(w.ran).to.deep.equal(['accepted', 'gated, after the UI']);
    } finally {
      frame.remove();
    }
  });

  it('the page language decides when lang is auto', async () => {
    const before = document.documentElement.lang;
    document.documentElement.lang = 'de-BE';
    try {
      await dropIn(JSON.stringify({ ...CONFIG, lang: 'auto' }));
      expect(window.garde.lang).to.equal('de');
    } finally {
      document.documentElement.lang = before;
    }
  });
});
