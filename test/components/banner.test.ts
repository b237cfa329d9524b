import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import {
  $,
  banner,
  buttonNames,
  BUTTONS,
  focused,
  frame,
  LANGS,
  reset,
  screenshot,
  start,
} from './helpers.js';

describe('<garde-banner>', () => {
  beforeEach(reset);
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
    await setViewport({ width: 800, height: 600 });
  });
  after(reset);

  for (const lang of LANGS)
    it(`renders in ${lang} from <html lang>, with the three buttons named as the issue says`, async () => {
      document.documentElement.lang = `${lang}-BE`;
      start();
      await frame();
      const b = banner()!;
      expect(b.parentElement, 'in <body>').to.equal(document.body);
      expect(document.body.firstElementChild, 'first in <body>').to.equal(b);
      expect($(b, 'section').lang).to.equal(lang);
      const names = await buttonNames();
      const w = BUTTONS[lang];
      expect(names).to.include.members([w.accept, w.reject, w.customise]);
      expect($<HTMLAnchorElement>(b, 'a').getAttribute('href')).to.match(/^\/(fr|nl|de|en)\//);
      await expect(b).to.be.accessible();
    });

  it('renders in garde.lang (config.lang over <html lang>); its own lang attribute changes nothing', async () => {
    document.documentElement.lang = 'fr';
    const garde = start({ lang: 'de' });
    await frame();
    expect(garde.lang).to.equal('de');
    expect($(banner(), 'button').textContent).to.equal(BUTTONS.de.accept);
    banner()!.setAttribute('lang', 'nl');
    banner()!.garde = garde;
    await frame();
    expect($(banner(), 'section').lang).to.equal('de');
    expect($(banner(), 'button').textContent).to.equal(BUTTONS.de.accept);
  });
  it('is a named landmark region, not a dialog, and does not take focus', async () => {
    start();
    await frame();
    const section = $(banner(), 'section');
    expect(section.getAttribute('aria-labelledby')).to.equal('title');
    expect($(banner(), '#title').textContent).to.equal('Cookies on this site');
    expect(banner()!.shadowRoot!.querySelector('dialog, [role=dialog]')).to.equal(null);
    expect(focused()).to.equal(document.body);
  });

  it('is first in the focus order: Tab reaches "Reject all", Enter refuses and removes the banner', async () => {
    const g = start();
    await frame();
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      await sendKeys({ press: 'Tab' });
      seen.push(focused()!.textContent!);
    }
    expect(seen).to.deep.equal(['Cookie policy', 'Accept all', 'Reject all']);
    await sendKeys({ press: 'Enter' });
    expect(g.consent?.method).to.equal('reject-all');
    expect(g.consent?.categories).to.deep.include({ analytics: false, marketing: false });
    await frame();
    expect(banner()).to.equal(null);
  });

  it('Space on "Accept all" accepts everything', async () => {
    const g = start();
    await frame();
    $(banner(), '[part~=accept]').focus();
    await sendKeys({ press: 'Space' });
    expect(g.consent?.method).to.equal('accept-all');
    expect(g.allowed('analytics') && g.allowed('marketing')).to.be.true;
  });

  it('"Customise" opens the preferences dialog', async () => {
    start();
    await frame();
    $(banner(), '[part~=customise]').click();
    await frame();
    expect($<HTMLDialogElement>(document.querySelector('garde-preferences'), 'dialog').open).to.be
      .true;
  });

  for (const width of [320, 1280])
    it(`gives its three buttons the same size and style at ${width} px`, async () => {
      await setViewport({ width, height: 700 });
      document.documentElement.lang = 'nl';
      start();
      await frame();
      const bs = [...banner()!.shadowRoot!.querySelectorAll('button')];
      const rects = bs.map((b) => b.getBoundingClientRect());
      for (const r of rects) {
        expect(r.width).to.be.closeTo(rects[0]!.width, 0.5);
        expect(r.height).to.be.closeTo(rects[0]!.height, 0.5);
        expect(r.height).to.be.at.least(24);
        expect(r.right).to.be.at.most(width);
      }
      const look = (b: Element) =>
        ['color', 'background-color', 'border-color', 'font-weight', 'font-size']
          .map((p) => getComputedStyle(b).getPropertyValue(p))
          .join();
      expect(new Set(bs.map(look)).size).to.equal(1);
      await screenshot(`banner-${width}`);
    });

  it('takes its colours from --garde-* custom properties set on :root or on the element', async () => {
    const root = document.documentElement.style;
    root.setProperty('--garde-accent', 'rgb(0, 84, 143)');
    try {
      start();
      await frame();
      expect(getComputedStyle($(banner(), 'button')).backgroundColor).to.equal('rgb(0, 84, 143)');
      banner()!.style.setProperty('--garde-background', 'rgb(255, 255, 255)');
      expect(getComputedStyle($(banner(), 'section')).backgroundColor).to.equal(
        'rgb(255, 255, 255)',
      );
    } finally {
      root.removeProperty('--garde-accent');
    }
  });

  for (const lang of LANGS)
    it(`has no axe violations in dark mode (${lang})`, async () => {
      await emulateMedia({ colorScheme: 'dark' });
      document.documentElement.lang = lang;
      start();
      await frame();
      expect(getComputedStyle($(banner(), 'section')).backgroundColor).to.equal('rgb(30, 35, 41)');
      await expect(banner()).to.be.accessible();
      if (lang === 'fr') await screenshot('banner-dark-fr');
    });

  for (const lang of LANGS)
    it(`its fallback form (the dialog could not load) has no axe violations, light and dark, switches named (${lang})`, async () => {
      document.documentElement.lang = lang;
      const garde = start();
      garde.acceptAll();
      // What mountUi() does when garde-ui.js fails: the banner again, with its own form.
      const element = document.createElement('garde-banner');
      element.garde = garde;
      element.__fallback = true;
      element.dataset.test = '';
      document.body.prepend(element);
      await frame();
      const parts = [...element.shadowRoot!.querySelectorAll('button')].map((b) => b.part.value);
      expect(parts).to.deep.equal([
        'button accept',
        'button reject',
        'button save',
        'button withdraw',
        'button close',
      ]);
      const switches = [...element.shadowRoot!.querySelectorAll('input')];
      expect(switches.map((input) => [input.name, input.checked, input.disabled])).to.deep.equal([
        ['necessary', true, true],
        ['analytics', true, false],
        ['marketing', true, false],
      ]);
      await expect(element).to.be.accessible();
      await emulateMedia({ colorScheme: 'dark' });
      await frame();
      await expect(element).to.be.accessible();
    });
});
