import { expect } from '@open-wc/testing';
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
