// What the visitor was shown, in every receipt, checked as an auditor would: the UI mounted as the
// drop-in mounts it (init() with the snapshot of src/i18n/snapshot.ts, then mountUi), real clicks
// on the banner and the dialog, receipts read from the log and from the receipt endpoint. `shown`
// only where garde's UI showed something: not for the `api` and `signal` layers. The test
// server is http://localhost: a secure context, so crypto.subtle exists.
import { expect } from '@open-wc/testing';
import { createStore, get } from 'idb-keyval';
import { init } from '../../src/core/init.js';
import type { Garde } from '../../src/core/types.js';
import { mountUi } from '../../src/components/mount.js';
import { snapshotText } from '../../src/i18n/snapshot.js';
import { canonicalJson, snapshotHash, type Receipt } from '../../src/wire.js';
import {
  $,
  banner,
  config,
  dialog,
  frame,
  prefs,
  reset as resetUi,
} from '../components/helpers.js';
import { until } from './helpers.js';

const HEX = /^[0-9a-f]{64}$/;
let key = '';
const endpoint = () => `/test-consent/${key}`;
const seen = async () =>
  (await (await fetch(endpoint())).json()) as {
    posts: Array<{ body: string }>;
    snapshots: Array<{ type: string; cookie: boolean; body: string }>;
  };
const stops: Array<() => void> = [];

/** A page as the drop-in makes it, in `lang`, sending receipts to this test's endpoint. */
function page(extra: Record<string, unknown> = {}): Garde {
  const g = init(config({ recordEndpoint: endpoint(), ...extra }), { snapshot: snapshotText });
  stops.push(mountUi(g), () => g.destroy());
  return g;
}

/**
 * The receipts this page's endpoint received, once there are `count` (a refusal has no local
 * log: what reached the collector is what counts). One flush at a time: in the order decided.
 */
async function receipts(_g: Garde, count = 1): Promise<Receipt[]> {
  await until(async () => (await seen()).posts.length >= count);
  return (await seen()).posts.map((post) => JSON.parse(post.body) as Receipt);
}

async function reset(): Promise<void> {
  // The outbox is the page's, shared by instances: the last test's receipts must have gone to its own
  // endpoint before the next test's instance starts (an older one would send the new receipts).
  await until(
    async () => !Object.keys((await get('outbox', createStore('garde', 'log'))) ?? {}).length,
  );
  await navigator.locks.request('garde-outbox', () => {});
  for (const stop of stops.splice(0)) stop();
  await resetUi();
  key = `shown-${Math.random().toString(36).slice(2)}`;
}

describe('what was shown, in each receipt', () => {
  beforeEach(reset);
  after(reset);

  it('the banner records layer "banner", with a 64-hex shown and garde\'s version', async () => {
    const g = page({ lang: 'fr' });
    await frame();
    $(banner(), '[part~=accept]').click();
    const [receipt] = await receipts(g);
    expect(receipt!.layer).to.equal('banner');
    expect(receipt!.shown).to.match(HEX);
    expect(receipt!.v).to.match(/^\d+\.\d+\.\d+/);
    // What reached the endpoint carries the same.
    await until(async () => (await seen()).posts.length === 1);
    const sent = JSON.parse((await seen()).posts[0]!.body) as Receipt;
    expect([sent.layer, sent.shown, sent.v]).to.deep.equal(['banner', receipt!.shown, receipt!.v]);
  });

  it('the banner\'s "Reject all" records layer "banner" too', async () => {
    const g = page();
    await frame();
    $(banner(), '[part~=reject]').click();
    expect((await receipts(g))[0]!.layer).to.equal('banner');
  });

  it('the dialog records layer "dialog", for Save and for its Accept all', async () => {
    const g = page();
    await frame();
    $(banner(), '[part~=customise]').click();
    await until(() => dialog()?.open);
    $<HTMLInputElement>(prefs(), 'input[part=switch]:not([disabled])').click();
    await prefs().updateComplete;
    $(prefs(), '[part~=save]').click();
    g.showPreferences();
    await until(() => dialog()?.open);
    $(prefs(), '[part~=accept]').click();
    const logged = await receipts(g, 2);
    expect(logged.map((receipt) => [receipt.method, receipt.layer])).to.deep.equal([
      ['custom', 'dialog'],
      ['accept-all', 'dialog'],
    ]);
    expect(logged.every((receipt) => HEX.test(receipt.shown!))).to.equal(true);
  });

  it('a page script records layer "api", whatever else it passes', async () => {
    const g = page();
    g.acceptAll();
    g.set({ analytics: false });
    g.rejectAll({ layer: 'bogus' } as never);
    // An event listener hands over an Event: still `api`.
    g.acceptAll(new MouseEvent('click') as never);
    g.set({ marketing: true }, { layer: 'placeholder' });
    const logged = await receipts(g, 5);
    expect(logged.map((receipt) => receipt.layer)).to.deep.equal([
      'api',
      'api',
      'api',
      'api',
      'placeholder',
    ]);
    // A page's own button: garde showed nothing, so it claims no sight; the placeholder did.
    expect(logged.map((receipt) => !!receipt.shown)).to.deep.equal([
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('Global Privacy Control records layer "signal", without shown (nothing was shown)', async () => {
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {
      value: true,
      configurable: true,
    });
    try {
      const g = page();
      const [receipt] = await receipts(g);
      expect([receipt!.method, receipt!.layer]).to.deep.equal(['gpc', 'signal']);
      expect(receipt).to.not.have.property('shown');
    } finally {
      delete (Navigator.prototype as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });

  it('the same page in French gives the same shown twice; Dutch, or a changed text, another', async () => {
    const shownOn = async (extra: Record<string, unknown>) => {
      await reset();
      const g = page(extra);
      g.acceptAll({ layer: 'banner' });
      return (await receipts(g))[0]!.shown;
    };
    const french = await shownOn({ lang: 'fr' });
    expect(await shownOn({ lang: 'fr' })).to.equal(french);
    const dutch = await shownOn({ lang: 'nl' });
    expect(dutch).to.match(HEX).and.not.equal(french);
    const relabelled = config().categories;
    relabelled.analytics.label.fr = 'Statistiques de visite';
    const changed = await shownOn({ lang: 'fr', categories: relabelled });
    expect(changed).to.match(HEX).and.not.equal(french);
  });

  it('a change to a string the dialog shows changes the hash: the text on screen and in the snapshot', async () => {
    const intro = 'Choisissez ce que ce site peut utiliser.';
    const decideInDialog = async (extra: Record<string, unknown>) => {
      await reset();
      const g = page({ lang: 'fr', ...extra });
      g.showPreferences();
      await until(() => dialog()?.open);
      const shownIntro = $(prefs(), '[part=text]').textContent!.replace(/\s+/g, ' ').trim();
      $(prefs(), '[part~=accept]').click();
      const [receipt] = await receipts(g);
      expect(receipt!.layer).to.equal('dialog');
      return { shownIntro, shown: receipt!.shown, snapshot: JSON.parse(snapshotText(g)) };
    };
    const before = await decideInDialog({});
    const texts = Object.fromEntries(['fr', 'nl', 'de', 'en'].map((lang) => [lang, { intro }]));
    const after = await decideInDialog({ texts });
    // The visitor read the new words, the snapshot holds them, and the hash is another.
    expect(after.shownIntro).to.contain(intro).and.not.equal(before.shownIntro);
    expect(after.snapshot.texts.intro).to.equal(intro);
    expect(before.snapshot.texts.intro).to.not.equal(intro);
    expect(after.shown).to.match(HEX).and.not.equal(before.shown);
  });

  it("a change to a category's or a cookie's text changes the dialog, the placeholder and shown together", async () => {
    /** What the visitor reads in the dialog and on a blocked embed's placeholder, and the hash. */
    const seenWith = async (change: (given: ReturnType<typeof config>) => void) => {
      await reset();
      const given = config({ lang: 'fr', recordEndpoint: endpoint() });
      change(given);
      // An embed of the category alone: its placeholder names the category.
      const embed = document.createElement('iframe');
      embed.dataset.category = 'marketing';
      embed.dataset.src = '/test/fixtures/embed-frame.html';
      embed.dataset.test = '';
      document.body.append(embed);
      const g = init(given, { snapshot: snapshotText });
      stops.push(mountUi(g), () => g.destroy());
      await until(() => embed.previousElementSibling?.localName === 'garde-placeholder');
      const placeholder = embed.previousElementSibling as HTMLElement & { updateComplete: unknown };
      await placeholder.updateComplete;
      const placeholderText = $(placeholder, '[part=text]').textContent!;
      g.showPreferences();
      await until(() => dialog()?.open);
      const words = (part: string) =>
        [...prefs().renderRoot.querySelectorAll(`[part~=${part}]`)].map((e) =>
          e.textContent!.replace(/\s+/g, ' ').trim(),
        );
      const seen = { categories: words('category'), cookies: words('cookie'), placeholderText };
      $(prefs(), '[part~=accept]').click();
      const [receipt] = await receipts(g);
      expect(receipt!.layer).to.equal('dialog');
      return { ...seen, shown: receipt!.shown, snapshot: JSON.parse(snapshotText(g)) };
    };
    const before = await seenWith(() => {});
    // A category's label: in the dialog, on the placeholder, in the hash.
    const relabelled = await seenWith((given) => {
      given.categories.marketing.label.fr = 'Vidéos d’autres sites';
    });
    expect(relabelled.categories.join()).to.contain('Vidéos d’autres sites');
    expect(before.categories.join()).to.not.contain('Vidéos d’autres sites');
    expect(relabelled.placeholderText).to.contain('Vidéos d’autres sites');
    expect(before.placeholderText).to.contain('Vidéos intégrées');
    expect(relabelled.snapshot.categories[2].label).to.equal('Vidéos d’autres sites');
    expect(relabelled.shown).to.match(HEX).and.not.equal(before.shown);
    // A cookie's purpose: in the dialog and in the hash (the placeholder names no cookie).
    const repurposed = await seenWith((given) => {
      given.services.matomo.cookies[0]!.purpose.fr = 'Compter les visites répétées';
    });
    expect(repurposed.cookies.join()).to.contain('Compter les visites répétées');
    expect(before.cookies.join()).to.not.contain('Compter les visites répétées');
    expect(repurposed.snapshot.categories[1].services[0].cookies[0].purpose).to.equal(
      'Compter les visites répétées',
    );
    expect(repurposed.shown).to.match(HEX).and.not.equal(before.shown);
    expect(repurposed.placeholderText).to.equal(before.placeholderText);
    // What the dialog lists is the snapshot's structure, item for item.
    // garde's own storage under "necessary", then each service's cookies and storage keys.
    type Item = Record<string, string>;
    type Category = { storage: Item[]; services: Array<{ cookies: Item[]; storage: Item[] }> };
    for (const { snapshot, cookies } of [before, relabelled, repurposed]) {
      const listed = (snapshot.categories as Category[]).flatMap((category): Item[] => [
        ...category.storage,
        ...category.services.flatMap((service) => [
          ...service.cookies.map((cookie) => ({ term: 'Cookie', ...cookie })),
          ...service.storage,
        ]),
      ]);
      // (Term and value touch in textContent.)
      const bare = (text: string) => text.replace(/\s/g, '');
      expect(cookies.map(bare)).to.deep.equal(
        listed.map(({ term, name, provider, purpose, lifetime }) =>
          bare(
            `${term}${name}` +
              (provider && `Fournisseur${provider}`) +
              (purpose && `Finalité${purpose}`) +
              (lifetime && `Durée${lifetime}`),
          ),
        ),
      );
    }
  });

  it('without crypto.subtle (a page on plain http) the receipt is kept and sent, without shown', async () => {
    // What a missing crypto.subtle does to the page's code: a TypeError where it calls digest.
    // (The test runner itself needs crypto.subtle: it is not taken away from the whole page.)
    Object.defineProperty(crypto.subtle, 'digest', {
      value: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'digest')");
      },
      configurable: true,
    });
    try {
      const g = page();
      g.acceptAll({ layer: 'banner' });
      const [receipt] = await receipts(g);
      expect(receipt!.layer).to.equal('banner');
      expect('shown' in JSON.parse(JSON.stringify(receipt))).to.equal(false);
      await until(async () => (await seen()).posts.length === 1);
      expect(JSON.parse((await seen()).posts[0]!.body)).not.to.have.property('shown');
    } finally {
      delete (crypto.subtle as { digest?: unknown }).digest;
    }
    expect(crypto.subtle.digest).to.be.a('function');
  });

  it('init() without a snapshot (the headless core) records layer and version, no shown', async () => {
    const g = init(config({ lang: 'fr' }));
    stops.push(() => g.destroy());
    g.acceptAll();
    await until(async () => (await g.history()).length);
    const [receipt] = await g.history();
    expect([receipt!.layer, receipt!.v, receipt!.shown]).to.deep.equal([
      'api',
      receipt!.v,
      undefined,
    ]);
    expect(receipt!.v).to.match(/^\d+\.\d+\.\d+/);
  });

  it('only the receipt waits for the hash: the decision, the cookie and the event come at once', async () => {
    const g = page();
    let event = false;
    document.addEventListener('garde:consent', () => (event = true), { once: true });
    g.acceptAll({ layer: 'banner' });
    expect(g.allowed('analytics')).to.equal(true);
    expect(document.cookie).to.contain('garde_consent=');
    expect(event).to.equal(true);
    expect(await g.history()).to.deep.equal([]);
    expect((await receipts(g))[0]!.shown).to.match(HEX);
  });

  it('sends the snapshot to <recordEndpoint>/snapshot when the collector says it is missing, and only then', async () => {
    const g = page({ lang: 'nl' });
    g.acceptAll({ layer: 'banner' });
    await until(async () => (await seen()).posts.length === 1);
    expect((await seen()).snapshots).to.deep.equal([]);
    await fetch(`${endpoint()}/answer`, { method: 'POST', body: '{"snapshot":"missing"}' });
    g.rejectAll({ layer: 'banner' });
    await until(async () => (await seen()).snapshots.length === 1);
    const [upload] = (await seen()).snapshots;
    // A CORS-simple request, without the site's cookies.
    expect(upload!.type).to.equal('text/plain;charset=UTF-8');
    expect(upload!.cookie).to.equal(false);
    const body = JSON.parse(upload!.body) as { shown: string; snapshot: unknown };
    const [receipt] = await receipts(g);
    expect(body.shown).to.equal(receipt!.shown);
    // The collector recomputes the hash from the canonical serialisation: the same.
    expect(await snapshotHash(body.snapshot)).to.equal(receipt!.shown);
    expect(upload!.body).to.equal(
      `{"shown":"${body.shown}","snapshot":${canonicalJson(body.snapshot)}}`,
    );
  });

  it("the snapshot holds what the banner and the dialog show, in the page's language", async () => {
    const g = page({ lang: 'de' });
    await frame();
    const snapshot = JSON.parse(snapshotText(g)) as {
      texts: Record<string, string>;
      categories: Array<{
        label: string;
        services: Array<{ label: string; cookies: Array<{ purpose: string }> }>;
      }>;
      policy: { url: string };
      lang: string;
    };
    expect(snapshot.lang).to.equal('de');
    const bannerText = $(banner(), 'section').textContent!.replace(/\s+/g, ' ');
    for (const name of ['title', 'text', 'policy', 'accept', 'reject', 'customise'])
      expect(bannerText).to.contain(snapshot.texts[name]);
    expect($<HTMLAnchorElement>(banner(), 'a').getAttribute('href')).to.equal(snapshot.policy.url);
    g.showPreferences();
    await until(() => dialog()?.open);
    for (const details of prefs().shadowRoot!.querySelectorAll('details')) details.open = true;
    const dialogText = dialog().textContent!.replace(/\s+/g, ' ');
    for (const name of ['settings', 'intro', 'save', 'reject', 'accept'])
      expect(dialogText).to.contain(snapshot.texts[name]);
    for (const category of snapshot.categories) {
      expect(dialogText).to.contain(category.label);
      for (const service of category.services) {
        expect(dialogText).to.contain(service.label);
        for (const cookie of service.cookies) expect(dialogText).to.contain(cookie.purpose);
      }
    }
  });
});
