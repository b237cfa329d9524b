// One language: what the visitor reads is what the receipt records. The core resolves garde.lang
// once (config.lang, else <html lang>) and writes it into every receipt; the elements render in it
// and nothing else, even when the page later changes <html lang> or gives an element its own lang.
import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { init } from '../../src/core/init.js';
import type { Garde, Lang, Receipt } from '../../src/core/types.js';
import { mountUi } from '../../src/components/mount.js';
import { translations } from '../../src/i18n/index.js';
import { snapshotText } from '../../src/i18n/snapshot.js';
import { sha256Hex } from '../../src/wire.js';
import { $, banner, config, dialog, frame, openDialog, prefs, reset, start } from './helpers.js';
import { beaconBox } from '../core/helpers.js';

/** A real click in the middle of `element`, as a visitor's mouse does it. */
async function click(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const box = element.getBoundingClientRect();
  const position: [number, number] = [
    Math.round(box.x + box.width / 2),
    Math.round(box.y + box.height / 2),
  ];
  await sendMouse({ type: 'click', position });
}

// The receipts as the collector gets them (the beacon recorder): a refusal and a withdrawal keep no
// local log, so what reached the endpoint is what counts.
let box = '';
const received: Receipt[] = [];

/** The receipts received so far, once there are `count`. */
async function receipts(_garde: Garde, count: number): Promise<Receipt[]> {
  for (let tries = 0; tries < 100; tries++) {
    const records = (await (await fetch(`/__beacons/${box}`)).json()) as Array<{ body: string }>;
    received.push(...records.map((record) => JSON.parse(record.body) as Receipt));
    if (received.length >= count) return received;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`expected ${count} receipts`);
}

/** What the page may do after init: another <html lang>, a lang attribute on the elements. */
async function pageChangesItsLanguage(other: Lang): Promise<void> {
  document.documentElement.lang = other;
  banner()!.setAttribute('lang', other);
  prefs().setAttribute('lang', other);
  await frame();
}

/** The banner as shown: its language and texts. */
function shownBanner() {
  const section = $(banner(), 'section');
  return {
    lang: section.lang,
    title: $(banner(), 'h2').textContent,
    accept: $(banner(), '[part~=accept]').textContent,
    reject: $(banner(), '[part~=reject]').textContent,
  };
}

const pages: Array<{
  name: string;
  htmlLang: string;
  config: Record<string, unknown>;
  lang: Lang;
  other: Lang;
}> = [
  { name: '<html lang="nl-BE">', htmlLang: 'nl-BE', config: {}, lang: 'nl', other: 'fr' },
  {
    name: 'config.lang "de" in <html lang="fr">',
    htmlLang: 'fr',
    config: { lang: 'de' },
    lang: 'de',
    other: 'fr',
  },
];

describe('one language for what is shown and what is recorded', () => {
  beforeEach(reset);
  afterEach(() => resetMouse());
  after(reset);

  for (const page of pages)
    it(`${page.name}: "accept" and "reject" clicked, each receipt's lang is the one shown`, async () => {
      document.documentElement.lang = page.htmlLang;
      box = `lang-${Math.random().toString(36).slice(2)}`;
      received.length = 0;
      const garde = start({ ...page.config, recordEndpoint: `/__beacons/${box}` });
      const strings = translations[page.lang];
      await frame();
      await pageChangesItsLanguage(page.other);

      const first = shownBanner();
      await click($(banner(), '[part~=accept]'));
      const [accepted] = await receipts(garde, 1);
      expect(accepted!.method).to.equal('accept-all');
      expect(accepted!.lang, 'receipt after "accept" vs the banner shown').to.equal(first.lang);
      expect(first).to.deep.equal({
        lang: page.lang,
        title: strings.title,
        accept: strings.accept,
        reject: strings.reject,
      });

      garde.withdraw();
      await frame();
      await pageChangesItsLanguage(page.other);
      const second = shownBanner();
      await click($(banner(), '[part~=customise]'));
      await frame();
      expect(dialog().open).to.be.true;
      const shownDialog = {
        lang: dialog().lang,
        title: $(prefs(), 'h2').textContent,
        save: $(prefs(), '[part~=save]').textContent,
      };
      await sendKeys({ press: 'Escape' });
      await frame();

      await click($(banner(), '[part~=reject]'));
      // The receipts: "accept", the withdrawal, "reject".
      const rejected = (await receipts(garde, 3))[2];
      expect(rejected!.method).to.equal('reject-all');
      expect(rejected!.lang, 'receipt after "reject" vs the banner shown').to.equal(second.lang);
      expect(rejected!.lang, 'receipt after "reject" vs the dialog shown').to.equal(
        shownDialog.lang,
      );
      expect(second.reject).to.equal(strings.reject);
      expect(shownDialog).to.deep.equal({
        lang: page.lang,
        title: strings.settings,
        save: strings.save,
      });
    });
});

describe('garde.setLang(): another language at run time', () => {
  const stops: Array<() => void> = [];
  beforeEach(reset);
  afterEach(async () => {
    for (const stop of stops.splice(0)) stop();
    await resetMouse();
  });
  after(reset);

  /** The drop-in's way: init() with the snapshot of what is shown, then the UI. */
  function dropIn(extra: Record<string, unknown> = {}): Garde {
    const garde = init(config({ lang: 'fr', ...extra }), { snapshot: snapshotText });
    stops.push(mountUi(garde), () => garde.destroy());
    return garde;
  }

  /** The policy link as shown: its language and texts. */
  const shownLink = (link: Element) => ({
    lang: $(link, 'button').lang,
    link: $(link, 'a').textContent,
    button: $(link, 'button').textContent,
  });

  it('renders the banner and the policy link again in the new language; the next receipt records it and its snapshot', async () => {
    const box = beaconBox();
    const garde = dropIn({ recordEndpoint: box.url });
    const link = document.createElement('garde-policy-link');
    link.dataset.test = '';
    document.body.append(link);
    await frame();
    expect(shownBanner().title).to.equal(translations.fr.title);
    expect(shownLink(link).button).to.equal(translations.fr.settings);

    garde.setLang('nl-BE');
    await frame();
    expect(garde.lang).to.equal('nl');
    expect(shownBanner()).to.deep.equal({
      lang: 'nl',
      title: translations.nl.title,
      accept: translations.nl.accept,
      reject: translations.nl.reject,
    });
    expect(shownLink(link)).to.deep.equal({
      lang: 'nl',
      link: translations.nl.policy,
      button: translations.nl.settings,
    });

    await click($(banner(), '[part~=reject]'));
    const [rejected] = await box.receipts(1);
    expect(rejected!.lang).to.equal('nl');
    expect(rejected!.shown).to.equal(
      await sha256Hex(snapshotText({ config: garde.config, lang: 'nl' })),
    );
    expect(rejected!.shown).not.to.equal(
      await sha256Hex(snapshotText({ config: garde.config, lang: 'fr' })),
    );

    // Back in German: the dialog opens in it, and its receipt records it.
    garde.setLang('de');
    await click($(link, 'button'));
    await frame();
    expect(dialog().open).to.be.true;
    expect(dialog().lang).to.equal('de');
    expect($(prefs(), 'h2').textContent).to.equal(translations.de.settings);
    await click($(prefs(), '[part~=accept]'));
    const accepted = (await box.receipts(2))[1]!;
    expect(accepted.lang).to.equal('de');
    expect(accepted.shown).to.equal(
      await sha256Hex(snapshotText({ config: garde.config, lang: 'de' })),
    );
  });

  it('an unknown language falls back as at init(), with a console message', async () => {
    document.documentElement.lang = 'nl';
    const garde = dropIn({ lang: 'auto' });
    garde.setLang('de');
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => void warnings.push(message);
    try {
      garde.setLang('it');
    } finally {
      console.warn = warn;
    }
    expect(garde.lang).to.equal('nl');
    expect(warnings).to.deep.equal(['garde: setLang(): unknown "it", nl used']);
    await frame();
    expect(shownBanner().title).to.equal(translations.nl.title);
  });
});

// WCAG 3.1.2 (language of parts): a screen reader pronounces a text in the language of its nearest
// `lang`, through shadow roots to the page's <html lang>. garde's texts are in garde.lang, which
// may not be the page's: each must sit inside an element that says so.
describe('language of parts: every text garde renders says its language', () => {
  beforeEach(reset);
  afterEach(() => resetMouse());
  after(reset);

  /** An embed's title, written by the page in its own language (English). */
  const PAGE_TITLE = 'Video: your rights in two minutes';

  /** The language a screen reader takes for `node`: its nearest `lang`, through shadow roots. */
  function langOf(node: Node): string | null {
    for (let at: Node | null = node; at; at = at.parentNode ?? (at as ShadowRoot).host ?? null)
      if (at instanceof Element && at.hasAttribute('lang')) return at.getAttribute('lang');
    return null;
  }

  /**
   * The texts and accessible names garde shows on the page whose language is not `lang`; with
   * `pageStatus`, the live region in the page too.
   */
  function notIn(lang: Lang, pageStatus = true): string[] {
    const hosts = document.querySelectorAll(
      'garde-banner, garde-preferences, garde-policy-link, garde-placeholder, garde-notice',
    );
    const roots: Node[] = [
      ...[...hosts].map((host) => host.shadowRoot!),
      ...(pageStatus ? document.querySelectorAll('[data-garde-status]') : []),
    ];
    const wrong: string[] = [];
    for (const root of roots) {
      const walker = document.createTreeWalker(
        root,
        NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
      );
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text =
          node instanceof Element ? node.getAttribute('aria-label') : node.textContent!.trim();
        // The name of a titled embed's placeholder is the page's text: checked on its own.
        if (text && text !== PAGE_TITLE && langOf(node) !== lang)
          wrong.push(`${text} (${langOf(node)})`);
      }
    }
    return wrong;
  }

  for (const htmlLang of ['en', null])
    it(`config.lang "fr" on a page ${htmlLang ? `in "${htmlLang}"` : 'without lang'}, then setLang("de"): banner, dialog, placeholder, buttons, notice and the status after each decision`, async () => {
      if (htmlLang) document.documentElement.lang = htmlLang;
      else document.documentElement.removeAttribute('lang');
      const embed = document.createElement('iframe');
      embed.dataset.category = 'marketing';
      embed.dataset.service = 'video';
      embed.dataset.src = '/test/fixtures/embed-frame.html';
      // A second embed that the page names: its placeholder is named by that title.
      const titled = embed.cloneNode() as HTMLIFrameElement;
      titled.title = PAGE_TITLE;
      const notice = document.createElement('garde-notice');
      const link = document.createElement('garde-policy-link');
      for (const element of [embed, titled, notice, link]) element.dataset.test = '';
      document.body.append(embed, titled, notice, link);
      const garde = start({ lang: 'fr', floatingButton: true });
      await customElements.whenDefined('garde-notice');
      await waitUntil(() => titled.previousElementSibling?.shadowRoot?.textContent);
      await frame();
      expect(notIn('fr'), 'before a decision').to.deep.equal([]);
      const group = $(titled.previousElementSibling, '[role=group]');
      expect(group.getAttribute('aria-label')).to.equal(PAGE_TITLE);
      expect(langOf(group), "the page's title in the page's language").to.equal(htmlLang);

      await click($(banner(), '[part~=reject]'));
      await waitUntil(() => document.querySelector('[data-garde-status]')?.textContent);
      expect(notIn('fr'), 'after "reject" in the banner').to.deep.equal([]);

      garde.setLang('de');
      await openDialog(garde);
      await click($(prefs(), '[part~=save]'));
      await waitUntil(() => $(prefs(), '[role=status]').textContent);
      expect(notIn('de', false), 'after "save" in the dialog, in German').to.deep.equal([]);
      // The banner's announcement, still in the page, keeps the language it was said in.
      expect(notIn('fr').filter((text) => text.startsWith(translations.fr.saved))).to.deep.equal(
        [],
      );

      // The page changes language again: the dialog's announcement keeps the language it was
      // said in (German), as the banner's does, while garde's other texts follow.
      garde.setLang('nl');
      await frame();
      const announced = $(prefs(), 'p[role=status]');
      expect([announced.textContent, langOf(announced)]).to.deep.equal([
        translations.de.saved,
        'de',
      ]);
      expect(
        notIn('nl', false).filter((text) => !text.startsWith(translations.de.saved)),
      ).to.deep.equal([]);
    });
});
