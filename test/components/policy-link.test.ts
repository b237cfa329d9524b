import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import {
  $,
  buttonNames,
  BUTTONS,
  dialog,
  focused,
  frame,
  LANGS,
  reset,
  screenshot,
  start,
} from './helpers.js';

describe('<garde-policy-link>', () => {
  beforeEach(reset);
  after(reset);

  for (const lang of LANGS)
    it(`links to the policy and names its button in ${lang}`, async () => {
      document.documentElement.lang = lang;
      start();
      const el = await fixture(
        html`<footer data-test><garde-policy-link></garde-policy-link></footer>`,
      );
      const pl = el.querySelector('garde-policy-link')!;
      await pl.updateComplete;
      expect($<HTMLAnchorElement>(pl, 'a').getAttribute('href')).to.equal(
        { fr: '/fr/vie-privee', nl: '/nl/privacy', de: '/de/datenschutz', en: '/en/privacy' }[lang],
      );
      const names = await buttonNames();
      expect(names).to.include(BUTTONS[lang].settings);
      expect($(pl, 'button').lang).to.equal(lang);
      await expect(pl).to.be.accessible();
    });

  it('opens the preferences dialog by click and by keyboard, and focus returns to it on close', async () => {
    const g = start();
    g.rejectAll();
    const el = await fixture(
      html`<footer data-test><garde-policy-link></garde-policy-link></footer>`,
    );
    const pl = el.querySelector('garde-policy-link')!;
    await pl.updateComplete;
    $(pl, 'button').click();
    await frame();
    expect(dialog().open).to.be.true;
    dialog().close();
    $(pl, 'button').focus();
    await sendKeys({ press: 'Enter' });
    await frame();
    expect(dialog().open).to.be.true;
    await sendKeys({ press: 'Escape' });
    await frame();
    expect(focused()).to.equal($(pl, 'button'));
  });

  it('withdrawing is one click away: open, then the banner is back after withdraw()', async () => {
    const g = start();
    g.acceptAll();
    await frame();
    expect(document.querySelector('garde-banner')).to.equal(null);
    g.withdraw();
    await frame();
    expect(document.body.firstElementChild!.localName).to.equal('garde-banner');
  });

  it('renders nothing before init() (no instance to call)', async () => {
    const el = await fixture(html`<garde-policy-link data-test></garde-policy-link>`);
    expect(el.shadowRoot!.childElementCount).to.equal(0);
  });

  it('config.floatingButton adds a fixed "Cookie settings" button that opens the dialog', async () => {
    // After a decision: while the banner is up, it hides the floating button (banner-room.test.ts).
    start({ floatingButton: true }).rejectAll();
    await frame();
    const f = document.querySelector('garde-policy-link[floating]')!;
    expect(getComputedStyle(f).position).to.equal('fixed');
    expect(getComputedStyle($(f, 'a')).display).to.equal('none');
    expect(getComputedStyle(document.documentElement).scrollPaddingBottom).to.equal('80px');
    $(f, 'button').click();
    await frame();
    expect(dialog().open).to.be.true;
    dialog().close();
    await expect(f).to.be.accessible();
    await screenshot('floating-button');
  });
});
