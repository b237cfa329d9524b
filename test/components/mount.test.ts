import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { init } from '../../src/core/init.js';
import { mountUi } from '../../src/components/mount.js';
import { banner, config, frame, reset, start } from './helpers.js';
import { clearCookies, closeFixtures, openFixture, until } from '../core/helpers.js';
import type { Garde } from '../../src/core/types.js';

describe('mountUi', () => {
  beforeEach(reset);
  after(reset);

  it('puts the banner first in <body> while undecided, removes it after a decision, brings it back after withdraw', async () => {
    const first = document.createElement('p');
    first.dataset.test = '';
    document.body.prepend(first);
    const g = start();
    expect(document.body.firstElementChild).to.equal(banner());
    expect(document.querySelectorAll('garde-preferences')).to.have.length(1);
    g.rejectAll();
    expect(banner()).to.equal(null);
    g.withdraw();
    expect(document.body.firstElementChild).to.equal(banner());
  });

  it('shows no banner to a visitor who has decided', async () => {
    init(config()).acceptAll();
    const g = start();
    expect(g.consent).to.not.equal(null);
    expect(banner()).to.equal(null);
  });

  it('returns a function that takes the UI away again', async () => {
    const g = init(config({ floatingButton: true }));
    const off = mountUi(g);
    expect(banner()).to.not.equal(null);
    off();
    expect(document.querySelector('garde-banner, garde-preferences, garde-policy-link')).to.equal(
      null,
    );
    g.showPreferences();
    await frame();
    // Nor does the floating button come once the frame is painted.
    expect(document.querySelector('garde-policy-link'), 'after the paint').to.equal(null);
    g.withdraw();
    expect(banner()).to.equal(null);
    g.destroy();
  });

  it('adds no inline style attribute anywhere (strict CSP)', async () => {
    const g = start({ floatingButton: true });
    g.showPreferences();
    await frame();
    const roots: Array<Document | ShadowRoot> = [document];
    for (const e of document.querySelectorAll('garde-banner, garde-preferences, garde-policy-link'))
      roots.push(e.shadowRoot!);
    for (const r of roots) expect(r.querySelectorAll('[style]')).to.have.length(0);
    expect(document.documentElement.hasAttribute('style')).to.be.false;
  });

  const floating = () => document.querySelector('garde-policy-link[floating]');

  it('floatingButton "auto" (the default): a settings button after a decision, on a page without <garde-policy-link>', async () => {
    const g = start({ floatingButton: undefined });
    expect(g.config.floatingButton).to.equal('auto');
    // It waits for the banner's first paint, which it would only delay.
    expect(floating() === null, 'before the first paint').to.be.true;
    await frame();
    expect(floating() !== null).to.be.true;
    // Hidden while the banner, whose "Customise" does its job, is up.
    expect(floating()!.getBoundingClientRect().height).to.equal(0);
    g.rejectAll();
    await frame();
    const button = floating()!.shadowRoot!.querySelector('button')!;
    expect(button.getBoundingClientRect().height).to.be.above(0);
    expect(button.textContent).to.equal('Cookie settings');
    button.click();
    await frame();
    expect(document.querySelector('garde-preferences')!.shadowRoot!.querySelector('dialog[open]'))
      .to.not.be.null;
  });

  it('floatingButton "auto": none when the page has its own <garde-policy-link>; false: none', async () => {
    const footer = document.createElement('footer');
    footer.dataset.test = '';
    footer.append(document.createElement('garde-policy-link'));
    document.body.append(footer);
    start({ floatingButton: undefined }).rejectAll();
    await frame();
    expect(floating() === null).to.be.true;
    await reset();
    start({ floatingButton: false }).rejectAll();
    await frame();
    expect(floating() === null).to.be.true;
  });
  describe('with the floating button, focus is never hidden (WCAG 2.4.11)', () => {
    let links: HTMLAnchorElement[];
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('.padded { padding: 1rem }');
    const button = () => floating()!.shadowRoot!.querySelector('button')!;
    const focused = () => document.activeElement as HTMLElement;

    // A page longer than the viewport at 320 × 640: a link in each paragraph, the last one in a
    // padded footer at the end of the page.
    beforeEach(async () => {
      await setViewport({ width: 320, height: 640 });
      const page = document.createElement('div');
      page.dataset.test = '';
      links = [];
      for (let i = 0; i < 40; i++) {
        const link = Object.assign(document.createElement('a'), {
          href: '#',
          textContent: `Link ${i}`,
        });
        const paragraph = document.createElement('p');
        paragraph.append(link);
        page.append(paragraph);
        links.push(link);
      }
      const footer = document.createElement('footer');
      footer.className = 'padded';
      const last = Object.assign(document.createElement('a'), {
        href: '#',
        textContent: 'Contact',
      });
      footer.append(last);
      links.push(last);
      page.append(footer);
      document.body.append(page);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    afterEach(async () => {
      await reset();
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      window.scrollTo(0, 0);
      await setViewport({ width: 800, height: 600 });
    });

    it('on a first visit, Tab through the page: each link is scrolled clear of the banner', async () => {
      start({ floatingButton: true });
      // The floating button comes after the banner's first paint (hidden while the banner is up).
      await waitUntil(floating);
      links[0]!.focus();
      for (let i = 1; i < 15; i++) {
        await sendKeys({ press: 'Tab' });
        expect(focused()).to.equal(links[i]);
        const top = banner()!.getBoundingClientRect().top;
        expect(links[i]!.getBoundingClientRect().bottom, `link ${i}`).to.be.at.most(top + 0.5);
      }
    });

    it('after a decision, Tab to the end of the page: the last link is clear of the button', async () => {
      start({ floatingButton: true }).rejectAll();
      await waitUntil(() => floating()?.shadowRoot?.querySelector('button')?.offsetHeight);
      links.at(-3)!.focus();
      for (const link of links.slice(-2)) {
        await sendKeys({ press: 'Tab' });
        expect(focused()).to.equal(link);
      }
      const top = button().getBoundingClientRect().top;
      expect(top).to.be.above(0);
      expect(links.at(-1)!.getBoundingClientRect().bottom).to.be.at.most(top + 0.5);
      // And on to the button itself.
      await sendKeys({ press: 'Tab' });
      expect(floating()!.shadowRoot!.activeElement).to.equal(button());
    });
  });
});

describe('mountUi: the dialog a visitor asked for, with the built drop-in (dist/garde.js)', () => {
  type Page = Window & { garde: Garde };
  beforeEach(clearCookies);
  afterEach(() => {
    closeFixtures();
    clearCookies();
  });

  it("a decision another tab takes while the dialog's file is on its way opens it all the same, showing that decision", async () => {
    // Two tabs of a site (same-origin frames: the channel reaches both); the dialog's file is
    // held back until released.
    const open = () =>
      openFixture<Page>(
        'ui-held-adopt.html',
        (page) =>
          page.document
            ?.querySelector('garde-banner')
            ?.shadowRoot?.querySelector<HTMLElement>('[part~=customise]'),
        10000,
      );
    const [here, other] = [await open(), await open()];
    here.document
      .querySelector('garde-banner')!
      .shadowRoot!.querySelector<HTMLElement>('[part~=customise]')!
      .click();
    // While the file is on its way, the visitor accepts in the other tab; this one adopts it.
    other.garde.acceptAll({ layer: 'banner' });
    await until(() => here.garde.consent?.method === 'accept-all');
    await fetch('/test-held/ui-held-adopt/release', { method: 'POST' });
    const dialog = () =>
      here.document.querySelector('garde-preferences')?.shadowRoot?.querySelector('dialog[open]');
    await until(dialog, 5000);
    // It shows the decision in force: one that can be withdrawn.
    await until(() => dialog()!.querySelector('[part~=withdraw]'));
  });
});
