// The built drop-in loads its dialog (dist/garde-ui.js) and its embeds' placeholder
// (dist/garde-embed.js) only when a page needs them, under a strict Content-Security-Policy (its nonce passed on), moving nothing.
import { expect } from '@open-wc/testing';
import { clearCookies, closeFixtures, openFixture, until } from '../core/helpers.js';
import type { Garde } from '../../src/core/types.js';

type Page = Window & { garde: Garde; violations: string[] };

/** Loads a fixture page in a frame and waits for its garde and banner. */
const open = (fixture: string) =>
  openFixture<Page>(fixture, (page) =>
    page.document?.querySelector('garde-banner')?.shadowRoot?.querySelector('section'),
  );

/** The page's CSP violations, but for the test server's own injected script. */
const violations = (page: Page) =>
  page.violations.filter((violation) => !violation.includes('__web-dev-server'));

/** The scripts of `file` (garde-ui.js, the dialog, by default) the page has. */
const uiScripts = (page: Page, file = 'garde-ui.js') =>
  [...page.document.scripts].filter((script) => script.src.endsWith(`/dist/${file}`));

describe('dist/garde.js: the dialog and the placeholders on demand (garde-ui.js, garde-embed.js)', () => {
  beforeEach(clearCookies);
  afterEach(() => {
    closeFixtures();
    clearCookies();
  });

  it('a page without embeds loads nothing more until the visitor opens the dialog', async () => {
    const built = await fetch('/dist/garde-ui.js', { method: 'HEAD' });
    expect(built.ok, 'dist/garde-ui.js is missing: run `npx rollup -c` first (npm test does)').to.be
      .true;
    const page = await open('on-demand.html');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(uiScripts(page)).to.have.length(0);
    expect(page.customElements.get('garde-preferences')).to.equal(undefined);

    page.garde.showPreferences();
    const preferences = page.document.querySelector('garde-preferences')!;
    await until(() => preferences.shadowRoot?.querySelector('dialog[open]'));
    const [script, ...more] = uiScripts(page);
    expect(more).to.have.length(0);
    expect(script!.nonce, 'the nonce of garde.js, passed on').to.equal('t3st');
    expect(script!.referrerPolicy, 'no page URL in its Referer').to.equal('no-referrer');
    expect(violations(page)).to.deep.equal([]);

    // An embed the page adds later gets its placeholder too.
    const late = page.document.createElement('iframe');
    Object.assign(late.dataset, {
      category: 'marketing',
      service: 'video',
      src: 'about:blank#late',
    });
    late.title = 'Late video';
    page.document.querySelector('main')!.append(late);
    await until(() =>
      page.document.querySelector('garde-placeholder')?.shadowRoot?.querySelector('button'),
    );
    expect(page.getComputedStyle(late).display).to.equal('none');
    expect(uiScripts(page, 'garde-embed.js')).to.have.length(1);

    // A second opening loads nothing again.
    preferences.shadowRoot!.querySelector<HTMLElement>('[part~=close]')!.click();
    page.garde.showPreferences();
    await until(() => preferences.shadowRoot?.querySelector('dialog[open]'));
    expect(uiScripts(page)).to.have.length(1);
  });

  it("the page's theme reaches the banner, the dialog and the placeholder alike", async () => {
    // The private properties that base.styles.ts sets from --garde-* are renamed by the build;
    // the dialog's and the placeholder's sheets, in their own files, must read the same names.
    const page = await open('on-demand.html');
    const root = page.document.documentElement.style;
    root.setProperty('--garde-accent', 'rgb(1, 2, 3)');
    root.setProperty('--garde-border', 'rgb(4, 5, 6)');
    root.setProperty('--garde-space', '7px');
    const accept = page.document
      .querySelector('garde-banner')!
      .shadowRoot!.querySelector('[part~=accept]')!;
    expect(page.getComputedStyle(accept).backgroundColor).to.equal('rgb(1, 2, 3)');

    page.garde.showPreferences();
    const preferences = page.document.querySelector('garde-preferences')!;
    await until(() => preferences.shadowRoot?.querySelector('dialog[open]'));
    const dialog = preferences.shadowRoot!.querySelector('dialog')!;
    expect(page.getComputedStyle(dialog).borderTopColor).to.equal('rgb(4, 5, 6)');
    expect(page.getComputedStyle(dialog).paddingTop).to.equal('7px');
    const save = preferences.shadowRoot!.querySelector('[part~=save]')!;
    expect(page.getComputedStyle(save).backgroundColor).to.equal('rgb(1, 2, 3)');

    const embed = page.document.createElement('iframe');
    Object.assign(embed.dataset, { category: 'marketing', service: 'video', src: 'about:blank' });
    page.document.querySelector('main')!.append(embed);
    await until(() =>
      page.document.querySelector('garde-placeholder')?.shadowRoot?.querySelector('button'),
    );
    const placeholder = page.document.querySelector('garde-placeholder')!;
    expect(page.getComputedStyle(placeholder).borderTopColor).to.equal('rgb(4, 5, 6)');
    const load = placeholder.shadowRoot!.querySelector('button')!;
    expect(page.getComputedStyle(load).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it("a page with a blocked embed gets its placeholder, in the embed's box, and it works", async () => {
    const page = await open('on-demand-embed.html');
    const embed = page.document.querySelector('iframe')!;
    const placeholder = await until(() =>
      page.document.querySelector('garde-placeholder')?.shadowRoot?.querySelector('button'),
    ).then(() => page.document.querySelector('garde-placeholder')!);
    // The placeholder's file, with its nonce; not the dialog's.
    const [script, ...more] = uiScripts(page, 'garde-embed.js');
    expect(more).to.have.length(0);
    expect(script!.nonce).to.equal('t3st');
    expect(uiScripts(page)).to.have.length(0);
    // The frame's box: 400 × 225 and its default 2px border.
    const box = placeholder.getBoundingClientRect();
    expect([box.width, box.height]).to.deep.equal([404, 229]);
    expect(page.getComputedStyle(embed).display).to.equal('none');
    expect(violations(page)).to.deep.equal([]);

    placeholder.shadowRoot!.querySelector('button')!.click();
    await until(() => embed.getAttribute('src') === 'about:blank#video');
    expect(page.garde.allowed('video')).to.be.true;
    expect(page.document.querySelector('garde-placeholder')).to.equal(null);
    await until(async () => (await page.garde.history()).length === 1);
    const [receipt] = await page.garde.history();
    expect(receipt!.layer).to.equal('placeholder');
  });
});
