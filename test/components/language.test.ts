// One language: what the visitor reads is what the receipt records. The core resolves garde.lang
// once (config.lang, else <html lang>) and writes it into every receipt; the elements render in it
// and nothing else, even when the page later changes <html lang> or gives an element its own lang.
import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Garde, Lang, Receipt } from '../../src/core/types.js';
import { translations } from '../../src/i18n/index.js';
import { $, banner, dialog, frame, prefs, reset, start } from './helpers.js';

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
