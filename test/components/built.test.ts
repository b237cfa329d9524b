// The build minifies the templates and styles and renames private members (rollup.config.mjs):
// dist/garde.js must lay out exactly as the source does, and its elements must still work.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { Garde } from '../../src/core/types.js';
import { frame, reset, start } from './helpers.js';

type Page = Window & { garde?: Garde };

/** The config of test/fixtures/dropin.html, the page that loads dist/garde.js. */
const FIXTURE_CONFIG = {
  policy: { url: { fr: '/fr/vie-privee', nl: '/nl/privacy' }, version: '2020-12-07' },
  categories: { analytics: {}, marketing: {} },
  services: { matomo: { category: 'analytics', cookies: ['_pk_id.*'] } },
  lang: 'auto',
};

/** Every part in `element`'s shadow root: its box, rounded to the pixel, and its text as shown. */
function layout(element: Element | null | undefined): string[] {
  return [...element!.shadowRoot!.querySelectorAll('[part]')].map((node) => {
    const box = node.getBoundingClientRect();
    const size = [box.x, box.y, box.width, box.height].map(Math.round).join(',');
    return `${node.getAttribute('part')} ${size} ${(node as HTMLElement).innerText.slice(0, 40)}`;
  });
}

async function until<T>(value: () => T, what: string): Promise<NonNullable<T>> {
  for (let tries = 0; tries < 200; tries++) {
    const result = value();
    if (result) return result;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('dist/garde.js (minified templates and styles, private names mangled)', () => {
  let iframe: HTMLIFrameElement | undefined;
  beforeEach(reset);
  afterEach(async () => {
    iframe?.remove();
    await setViewport({ width: 800, height: 600 });
  });
  after(reset);

  it('lays out the banner and the dialog exactly as the source does, and they work', async () => {
    const built = await fetch('/dist/garde.js', { method: 'HEAD' });
    expect(built.ok, 'dist/garde.js is missing: run `npx rollup -c` first (npm test does)').to.be
      .true;
    await setViewport({ width: 800, height: 600 });
    // The built page, full size in a frame over this one.
    iframe = Object.assign(document.createElement('iframe'), {
      title: 'drop-in',
      src: '/test/fixtures/dropin.html',
    });
    iframe.dataset.test = '';
    iframe.setAttribute('width', '800');
    iframe.setAttribute('height', '600');
    document.body.append(iframe);
    const page = iframe.contentWindow as Page;
    const builtBanner = await until(
      () => page.document.querySelector('garde-banner')?.shadowRoot?.querySelector('section'),
      'the built banner',
    );
    // The source, in this page, with the same config and language.
    document.documentElement.lang = 'nl-BE';
    start(FIXTURE_CONFIG);
    await frame();
    await frame();
    const builtHost = builtBanner.getRootNode() as ShadowRoot;
    expect(layout(builtHost.host)).to.deep.equal(layout(document.querySelector('garde-banner')));

    // The dialog is not in dist/garde.js: it comes in dist/garde-ui.js, loaded when first needed
    // (here at once, for the placeholder of the page's gated video).
    const scripts = () =>
      [...page.document.scripts].filter((script) => script.src.endsWith('/garde-ui.js'));

    // "Customise" opens the built dialog; it lays out as the source's does.
    builtHost.querySelector<HTMLElement>('[part~=customise]')!.click();
    const builtPreferences = page.document.querySelector('garde-preferences')!;
    const builtDialog = await until(
      () => builtPreferences.shadowRoot?.querySelector('dialog[open]'),
      'the built dialog',
    );
    expect(scripts(), 'loaded once, beside garde.js').to.have.length(1);
    document.querySelector('garde-preferences')!.garde!.showPreferences();
    await frame();
    expect(layout(builtPreferences)).to.deep.equal(
      layout(document.querySelector('garde-preferences')),
    );

    // A switch and "Save my choices" in the built dialog store exactly that.
    const switches = builtDialog.querySelectorAll<HTMLInputElement>('input[role=switch]');
    expect([...switches].map((s) => [s.checked, s.disabled])).to.deep.equal([
      [true, true],
      [false, false],
      [false, false],
    ]);
    switches[1]!.click();
    builtDialog.querySelector<HTMLElement>('[part~=save]')!.click();
    expect(page.garde!.consent!.categories).to.deep.equal({
      necessary: true,
      analytics: true,
      marketing: false,
    });
    expect((builtDialog as HTMLDialogElement).open).to.be.false;
    await until(() => !page.document.querySelector('garde-banner'), 'the built banner to go');
  });
});
