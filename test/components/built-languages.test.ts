// The per-language drop-ins (dist/garde.fr.js…, rollup.config.mjs) do what dist/garde.js does,
// in their one language: the banner, the embed's placeholder and the dialog (garde-ui.js, which
// renders with the drop-in's lit-html and strings), and a decision's receipt.
import { expect } from '@open-wc/testing';
import type { Garde } from '../../src/core/types.js';
import { translations, uiStrings } from '../../src/i18n/index.js';
import { snapshotText } from '../../src/i18n/snapshot.js';
import { canonicalJson, sha256Hex } from '../../src/wire.js';
import type { Lang } from '../../src/core/types.js';
import { closeFixtures, openFixture } from '../core/helpers.js';
import { reset } from './helpers.js';

type Page = Window & { garde?: Garde; gardeKit?: Window['gardeKit'] };

async function until<T>(value: () => T | Promise<T>, what: string): Promise<NonNullable<T>> {
  for (let tries = 0; tries < 250; tries++) {
    const result = await value();
    if (result) return result as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * The worded on-demand files (dialog, placeholder, notice, records) that `page` requested, by
 * name: `garde-ui.js` in four languages, `garde-ui.fr.js` in one.
 */
const requested = (page: Window) => [
  ...new Set(
    page.performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname.split('/').pop()!)
      .filter((file) => /^garde-(ui|embed|notice|records)\.(\w+\.)?js$/.test(file)),
  ),
];

const text = (root: ParentNode, selector: string) =>
  root.querySelector<HTMLElement>(selector)?.innerText.trim();

describe('dist/garde.<lang>.js: one language, every feature', () => {
  let iframe: HTMLIFrameElement | undefined;
  beforeEach(reset);
  afterEach(() => {
    iframe?.remove();
    closeFixtures();
  });
  after(reset);

  for (const lang of ['fr', 'nl', 'de', 'en'] as Lang[])
    it(`dist/garde.${lang}.js: banner, placeholder, dialog and receipt in ${lang}`, async () => {
      const strings = translations[lang];
      const built = await fetch(`/dist/garde.${lang}.js`, { method: 'HEAD' });
      expect(built.ok, `dist/garde.${lang}.js is missing: run \`npx rollup -c\` first`).to.be.true;
      iframe = Object.assign(document.createElement('iframe'), {
        title: `drop-in ${lang}`,
        src: `/test/fixtures/dropin-one-language.html?lang=${lang}`,
      });
      iframe.setAttribute('width', '800');
      iframe.setAttribute('height', '600');
      document.body.append(iframe);
      const page = iframe.contentWindow as Page;

      // The banner, in the drop-in's language although <html lang> names another.
      const banner = await until(
        () => page.document.querySelector('garde-banner')?.shadowRoot?.querySelector('section'),
        'the banner',
      );
      expect(text(banner, '[part~=reject]')).to.equal(strings.reject);
      expect(page.garde!.lang).to.equal(lang);

      // The embed's placeholder, from garde-ui.js, in the same language.
      const placeholder = await until(
        () => page.document.querySelector('garde-placeholder')?.shadowRoot?.querySelector('button'),
        'the placeholder',
      );
      expect(placeholder.innerText.trim()).to.equal(strings.embedLoad);

      // "Customise" opens the dialog; "Save my choices" decides, and the receipt says how.
      banner.querySelector<HTMLElement>('[part~=customise]')!.click();
      const dialog = await until(
        () =>
          page.document
            .querySelector('garde-preferences')
            ?.shadowRoot?.querySelector<HTMLDialogElement>('dialog[open]'),
        'the dialog',
      );
      const save = dialog.querySelector<HTMLElement>('[part~=save]')!;
      expect(save.innerText.trim()).to.equal(strings.save);
      // Analytics on (a refusal keeps no local log: the receipt is read from the log).
      dialog.querySelector<HTMLInputElement>('input:not(:disabled)')!.click();
      save.click();
      expect(dialog.open).to.be.false;
      expect(page.garde!.consent!.categories).to.deep.equal({
        necessary: true,
        analytics: true,
        marketing: false,
      });
      let history = await page.garde!.history();
      for (let tries = 0; !history.length && tries < 250; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        history = await page.garde!.history();
      }
      const receipt = history[0];
      expect(receipt).to.include({ lang, layer: 'dialog' });
      expect(receipt!.shown).to.match(/^[0-9a-f]{64}$/);
      // What the visitor was shown hashes as the source's snapshot of the same config: the build
      // changes how the strings are written, never what they are.
      const config = page.garde!.config;
      expect(receipt!.shown).to.equal(await sha256Hex(snapshotText({ config, lang })));
      // The placeholder's, the dialog's and the records' files came in this language alone
      // (dist/garde-embed.fr.js…), never the four-language ones.
      expect(requested(page)).to.have.members([
        `garde-embed.${lang}.js`,
        `garde-records.${lang}.js`,
        `garde-ui.${lang}.js`,
      ]);
    });

  it('dist/garde.fr.js: a file named on the script tag (data-garde-embed) is the one it loads', async () => {
    // An asset pipeline that renames garde-embed.fr.js names it with the attribute of its
    // four-language namesake: one attribute per file, whatever the build.
    const named = '/dist/garde-embed.fr.js?renamed';
    const placeholderButton = (page: Page) =>
      page.document.querySelector('garde-placeholder')?.shadowRoot?.querySelector('button');
    const page = await openFixture<Page>(
      `dropin-one-language.html?lang=fr&embed=${encodeURIComponent(named)}`,
      placeholderButton,
      5000,
    );
    expect(placeholderButton(page)!.innerText.trim()).to.equal(translations.fr.embedLoad);
    const scripts = [...page.document.scripts].map((script) => script.src);
    expect(scripts).to.include(new URL(named, location.href).href);
    expect(scripts.filter((src) => /garde-embed/.test(src))).to.have.length(1);
  });

  for (const lang of ['fr', 'nl', 'de', 'en'] as Lang[])
    it(`dist/garde.${lang}.js: the notice and the dialog say what dist/garde.js says in ${lang}`, async () => {
      /** The notice's and the dialog's text and lang with `build` on a page in `lang`. */
      const shown = async (build: string) => {
        iframe = Object.assign(document.createElement('iframe'), {
          title: build,
          src: `/test/fixtures/built-lang.html?lang=${lang}&build=${build}`,
        });
        iframe.setAttribute('width', '800');
        iframe.setAttribute('height', '600');
        document.body.append(iframe);
        const page = iframe.contentWindow as Page;
        const notice = await until(
          () => page.document.querySelector('garde-notice')?.shadowRoot?.querySelector('table'),
          `the notice of ${build}`,
        );
        await until(() => page.document.querySelector('garde-banner'), `the banner of ${build}`);
        page.garde!.showPreferences();
        const dialog = await until(
          () =>
            page.document
              .querySelector('garde-preferences')
              ?.shadowRoot?.querySelector<HTMLDialogElement>('dialog[open]'),
          `the dialog of ${build}`,
        );
        const result = {
          files: requested(page),
          notice: (notice.getRootNode() as ShadowRoot).host.shadowRoot!.textContent,
          noticeLang: page.document
            .querySelector('garde-notice')!
            .closest('[lang]')!
            .getAttribute('lang'),
          dialog: dialog.innerText,
          dialogLang: dialog.closest('[lang]')!.getAttribute('lang'),
        };
        iframe.remove();
        await reset();
        return result;
      };
      const whole = await shown('garde.js');
      const one = await shown(`garde.${lang}.js`);
      expect(whole.dialogLang).to.equal(lang);
      expect(whole.dialog).to.contain(translations[lang].save);
      expect(whole.notice).to.contain('video_visitor').and.not.contain('undefined');
      expect(whole.files).to.have.members(['garde-notice.js', 'garde-ui.js']);
      expect(one.files).to.have.members([`garde-notice.${lang}.js`, `garde-ui.${lang}.js`]);
      expect({ ...one, files: [] }).to.deep.equal({ ...whole, files: [] });
    });

  it("dist/garde.js: the strings and the snapshot of each language are the source's, byte for byte", async () => {
    // The build writes the four languages' strings compactly (rollup.config.mjs): the strings the
    // elements render and the snapshot that each receipt's `shown` hashes (made by
    // garde-records.js) must not change with it.
    iframe = Object.assign(document.createElement('iframe'), {
      title: 'drop-in, four languages',
      src: '/test/fixtures/on-demand-embed.html',
    });
    document.body.append(iframe);
    const page = iframe.contentWindow as Page;
    // The placeholder's file has run (it completes the kit's strings, then defines its element):
    // the kit is there before it, so waiting for the kit alone compared half the strings.
    await until(() => page.customElements?.get('garde-placeholder'), "the placeholder's file");
    const kit = page.gardeKit!;
    const garde = page.garde!;
    const config = garde.config;
    for (const lang of ['fr', 'nl', 'de', 'en'] as Lang[])
      expect(canonicalJson(kit.uiStrings(config, lang))).to.equal(
        canonicalJson(uiStrings(config, lang)),
      );
    // A decision in the dialog in each language: its receipt's `shown`.
    for (const lang of ['fr', 'nl', 'de', 'en'] as Lang[]) {
      garde.setLang(lang);
      garde.showPreferences();
      const dialog = await until(
        () =>
          page.document
            .querySelector('garde-preferences')
            ?.shadowRoot?.querySelector<HTMLDialogElement>(`dialog[open][lang=${lang}]`),
        `the dialog in ${lang}`,
      );
      dialog.querySelector<HTMLElement>('[part~=accept]')!.click();
      expect(dialog.open).to.be.false;
    }
    const logged = await until(async () => {
      const entries = (await garde.history()).filter((entry) => entry.layer === 'dialog');
      return entries.length === 4 ? entries : undefined;
    }, 'four receipts');
    expect(logged.map((entry) => entry.lang)).to.deep.equal(['fr', 'nl', 'de', 'en']);
    for (const entry of logged)
      expect(entry.shown, entry.lang).to.equal(
        await sha256Hex(snapshotText({ config, lang: entry.lang })),
      );
  });
});
