import { expect, waitUntil } from '@open-wc/testing';
import {
  emulateMedia,
  executeServerCommand,
  sendKeys,
  setViewport,
} from '@web/test-runner-commands';
import {
  $,
  axNodes,
  banner,
  buttonNames,
  BUTTONS,
  config,
  dialog,
  focused,
  frame,
  LANGS,
  openDialog,
  prefs,
  reset,
  screenshot,
  start,
} from './helpers.js';
import { beaconBox } from '../core/helpers.js';

const switches = () => [...prefs().shadowRoot!.querySelectorAll<HTMLInputElement>('input')];
const open = () => openDialog();

describe('<garde-preferences>', () => {
  beforeEach(reset);
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
    await setViewport({ width: 800, height: 600 });
  });
  after(reset);

  it('is a modal <dialog> labelled by its heading, opened with focus inside', async () => {
    start();
    await open();
    const d = dialog();
    expect(d.open).to.be.true;
    expect(d.matches(':modal')).to.be.true;
    expect($(prefs(), '#' + d.getAttribute('aria-labelledby')).textContent).to.equal(
      'Cookie settings',
    );
    expect(d.contains(focused())).to.be.true;
    const ax = await axNodes();
    expect(ax.some((n) => n.role === 'dialog' && n.name === 'Cookie settings')).to.be.true;
  });

  it('shows one switch per category, named and described, necessary on and disabled, nothing else pre-ticked', async () => {
    start();
    await open();
    const ax = (await axNodes()).filter((n) => n.role === 'switch');
    expect(ax.map((n) => [n.name, !!n.checked, !!n.disabled])).to.deep.equal([
      ['Necessary', true, true],
      ['Audience measurement', false, false],
      ['Embedded videos', false, false],
    ]);
    const [, analytics] = switches();
    const desc = $(prefs(), '#' + analytics!.getAttribute('aria-describedby'));
    expect(desc.textContent).to.equal('Counting visits to improve the site.');
  });

  for (const lang of LANGS)
    it(`renders in ${lang}, with its buttons named as the issue says, and passes axe open, light and dark`, async () => {
      document.documentElement.lang = lang;
      start();
      await open();
      const names = await buttonNames();
      const w = BUTTONS[lang];
      expect(names).to.include.members([w.reject, w.accept, w.save]);
      expect(dialog().lang).to.equal(lang);
      await expect(prefs()).to.be.accessible();
      await emulateMedia({ colorScheme: 'dark' });
      await frame();
      await expect(prefs()).to.be.accessible();
    });

  it('lists each category’s services and cookies: name, provider, purpose, lifetime', async () => {
    document.documentElement.lang = 'fr';
    start();
    await open();
    const details = prefs().shadowRoot!.querySelectorAll('details');
    expect(details, 'necessary, analytics, marketing').to.have.length(3);
    expect(details[1]!.open).to.be.false;
    details[1]!.querySelector('summary')!.click();
    expect(details[1]!.open).to.be.true;
    const text = details[1]!.textContent!.replace(/\s+/g, ' ');
    for (const s of [
      'Matomo',
      '_pk_id.*',
      '_pk_ses.*',
      'Fournisseur',
      'INAMI',
      'Finalité',
      'Reconnaître le visiteur',
      'Durée',
      '13 mois',
    ])
      expect(text).to.include(s);
    await expect(prefs()).to.be.accessible();
  });

  it('"necessary" lists garde’s own cookie (its configured name), IndexedDB, the receipts kept and the session id, with purpose and lifetime', async () => {
    document.documentElement.lang = 'fr';
    start({ cookie: { name: 'inami_consent', days: 30 }, analyticsEndpoint: '/collect' });
    await open();
    const necessary = prefs().shadowRoot!.querySelector('details')!;
    necessary.open = true;
    const rows = [...necessary.querySelectorAll('dl')].map((dl) =>
      // Intl writes a no-break space between number and unit.
      [...dl.querySelectorAll('dt, dd')].map((cell) =>
        cell.textContent!.trim().replace(/\s/g, ' '),
      ),
    );
    expect(rows).to.deep.equal([
      // Set by the site itself: its provider.
      [
        'Cookie',
        'inami_consent',
        'Fournisseur',
        'Ce site',
        'Finalité',
        'Retenir votre choix',
        'Durée',
        '30 jours',
      ],
      // The log's entries last as long as the decision they record.
      [
        'IndexedDB',
        'garde',
        'Fournisseur',
        'Ce site',
        'Finalité',
        'Historique de vos choix',
        'Durée',
        '30 jours',
      ],
      // A receipt waiting for the server, in the drop-in, as long too.
      [
        'localStorage',
        'garde.receipt.*',
        'Fournisseur',
        'Ce site',
        'Finalité',
        'Historique de vos choix',
        'Durée',
        '30 jours',
      ],
      [
        'sessionStorage',
        'garde.sid',
        'Fournisseur',
        'Ce site',
        'Finalité',
        'Regrouper une visite, après accord',
        'Durée',
        'Session',
      ],
    ]);
    await expect(prefs()).to.be.accessible();
  });

  it('cookies and storage keys given as plain strings are listed by name, with their service’s provider', async () => {
    const services = config().services;
    start({ services: { ...services, matomo: { ...services.matomo, cookies: ['_pk_id.*'] } } });
    await open();
    const analytics = prefs().shadowRoot!.querySelectorAll('details')[1]!;
    const cells = [...analytics.querySelectorAll('dt, dd')].map((cell) => cell.textContent!.trim());
    expect(cells).to.deep.equal([
      // The service's provider, then each item's.
      'Provider',
      'NIHDI',
      'Cookie',
      '_pk_id.*',
      'Provider',
      'NIHDI',
      'localStorage / sessionStorage',
      '_pk_*',
      'Provider',
      'NIHDI',
    ]);
  });

  it('the consent id: French spacing before the colon, a copy button (Clipboard API), announced', async () => {
    document.documentElement.lang = 'fr';
    const g = start();
    g.set({ analytics: true });
    await open();
    const receipt = $(prefs(), '[part=receipt]');
    expect(receipt.textContent!.replace(/[ \n]+/g, ' ').trim()).to.match(
      /^Identifiant du consentement\u202f: [\da-f-]{36} \(/,
    );
    const copied: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void copied.push(text) },
    });
    try {
      $(prefs(), '[part=copy]').focus();
      await sendKeys({ press: 'Enter' });
      await frame();
      expect(copied).to.deep.equal([g.consent!.id]);
      expect(dialog().querySelector('[role=status]')!.textContent).to.equal('Copié.');
      // Without the Clipboard API (plain http): the id is selected for the visitor to copy.
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
      $(prefs(), '[part=copy]').click();
      await frame();
      expect(getSelection()!.toString()).to.equal(g.consent!.id);
      expect(dialog().querySelector('[role=status]')!.textContent).to.equal('Sélectionné.');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
    await expect(prefs()).to.be.accessible();
  });

  it('keyboard only: Space toggles a switch, "Save my choices" stores exactly that', async () => {
    const g = start();
    await open();
    switches()[1]!.focus();
    await sendKeys({ press: 'Space' });
    expect(switches()[1]!.checked).to.be.true;
    expect(g.consent, 'nothing stored before Save').to.equal(null);
    $(prefs(), '[part~=save]').focus();
    await sendKeys({ press: 'Enter' });
    expect(g.consent?.method).to.equal('custom');
    expect(g.consent?.categories).to.deep.include({ analytics: true, marketing: false });
    expect(g.allowed('matomo')).to.be.true;
    expect(g.allowed('video')).to.be.false;
    await frame();
    expect(dialog().open).to.be.false;
  });

  it('shows no consent id after a refusal: a no has none', async () => {
    const g = start();
    g.set({ marketing: true });
    g.rejectAll();
    await open();
    expect(prefs().shadowRoot!.querySelector('[part=receipt]')).to.equal(null);
    expect(g.consent!.method).to.equal('reject-all');
  });

  it('reflects the current decision when reopened, with the consent id and date', async () => {
    const g = start();
    g.set({ marketing: true });
    await open();
    expect(switches().map((s) => s.checked)).to.deep.equal([true, false, true]);
    const receipt = $(prefs(), '[part=receipt]');
    expect(receipt.textContent).to.include(g.consent!.id);
    expect(receipt.querySelector('time')!.getAttribute('datetime')).to.equal(g.consent!.decidedAt);
    switches()[2]!.click();
    $(prefs(), '[part~=save]').click();
    expect(g.consent?.categories).to.deep.include({ analytics: false, marketing: false });
  });

  it('"Accept all" and "Reject all" decide and close', async () => {
    const g = start();
    await open();
    $(prefs(), '[part~=accept]').click();
    expect(g.consent?.method).to.equal('accept-all');
    expect(dialog().open).to.be.false;
    await open();
    $(prefs(), '[part~=reject]').click();
    expect(g.consent?.method).to.equal('reject-all');
  });

  const WITHDRAW = {
    fr: 'Retirer mon consentement',
    nl: 'Mijn toestemming intrekken',
    de: 'Meine Einwilligung widerrufen',
    en: 'Withdraw my consent',
  };
  for (const lang of LANGS)
    it(`once there is a decision, "${WITHDRAW[lang]}" withdraws it, with a receipt of the dialog, and passes axe`, async () => {
      document.documentElement.lang = lang;
      const box = beaconBox();
      const g = start({ recordEndpoint: box.url });
      await open();
      const withdrawButton = () =>
        prefs().shadowRoot!.querySelector<HTMLElement>('[part~=withdraw]');
      expect(withdrawButton() === null, 'nothing to withdraw before a decision').to.be.true;
      $(prefs(), '[part~=accept]').click();
      await open();
      expect(withdrawButton()!.textContent!.trim()).to.equal(WITHDRAW[lang]);
      expect(await buttonNames()).to.include(WITHDRAW[lang]);
      await expect(prefs()).to.be.accessible();
      withdrawButton()!.click();
      expect(g.consent).to.equal(null);
      expect(g.withdrawn).to.be.true;
      expect(dialog().open).to.be.false;
      await frame();
      expect(banner() !== null, 'the banner asks again').to.be.true;
      // What reached the endpoint: a withdrawal erases the browser's log.
      const entries = await box.receipts(2);
      expect(entries.map((entry) => [entry.method, entry.layer])).to.deep.equal([
        ['accept-all', 'dialog'],
        ['withdraw', 'dialog'],
      ]);
    });

  it('Escape closes without changing anything and returns focus to the opener', async () => {
    const g = start();
    await frame();
    $(banner(), '[part~=customise]').focus();
    await sendKeys({ press: 'Enter' });
    await frame();
    expect(dialog().open).to.be.true;
    switches()[1]!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Escape' });
    await frame();
    expect(dialog().open).to.be.false;
    expect(g.consent).to.equal(null);
    expect(focused()!.textContent).to.equal(BUTTONS.en.customise);
    await open();
    expect(switches()[1]!.checked, 'the discarded toggle is gone').to.be.false;
  });

  it('the close button closes without change', async () => {
    const g = start();
    await open();
    $(prefs(), '[part=close]').click();
    expect(dialog().open).to.be.false;
    expect(g.consent).to.equal(null);
  });

  for (const width of [320, 1280])
    it(`fits the viewport at ${width} px (screenshot)`, async () => {
      await setViewport({ width, height: 720 });
      document.documentElement.lang = 'fr';
      const g = start();
      g.set({ analytics: true });
      await open();
      prefs().shadowRoot!.querySelector('details')!.open = true;
      await frame();
      const r = dialog().getBoundingClientRect();
      expect(r.left).to.be.at.least(0);
      expect(r.right).to.be.at.most(width);
      for (const b of prefs().shadowRoot!.querySelectorAll('button, input')) {
        const br = b.getBoundingClientRect();
        expect(Math.min(br.width, br.height), b.getAttribute('part')!).to.be.at.least(24);
      }
      await screenshot(`preferences-${width}`);
    });

  it('stays usable at 400% zoom (a 1280 × 1024 screen is 320 × 256 CSS px): the dialog scrolls, every button is reachable', async () => {
    await setViewport({ width: 320, height: 256 });
    document.documentElement.lang = 'nl';
    start();
    await open();
    const d = dialog();
    const box = d.getBoundingClientRect();
    expect(box.top).to.be.at.least(0);
    expect(box.bottom).to.be.at.most(256);
    expect(d.scrollHeight, 'more to read than fits').to.be.greaterThan(d.clientHeight);
    expect(getComputedStyle(d).overflowY, 'scrollable by wheel and touch').to.equal('auto');
    // Tab through the dialog as a keyboard user does: every button must get focus, and the
    // browser must bring each into view inside the dialog, which scrolls (the page cannot).
    const buttons = [...prefs().shadowRoot!.querySelectorAll('button')];
    const reached = new Set<Element>();
    const focusable = prefs().shadowRoot!.querySelectorAll('a, button, input, summary').length;
    for (let press = 0; press <= focusable; press++) {
      const element = focused()!;
      // Past the last control, focus leaves the page for the browser's own controls.
      if (!d.contains(element)) break;
      reached.add(element);
      const seen = element.getBoundingClientRect();
      const part = element.getAttribute('part') ?? element.localName;
      expect(seen.top, `${part} in view`).to.be.at.least(Math.max(0, box.top));
      expect(seen.bottom, `${part} in view`).to.be.at.most(Math.min(256, box.bottom));
      await sendKeys({ press: 'Tab' });
    }
    const missed = buttons.filter((b) => !reached.has(b)).map((b) => b.getAttribute('part'));
    expect(missed, 'buttons never reached by Tab').to.deep.equal([]);
    expect(document.scrollingElement!.scrollTop, 'the page behind did not scroll').to.equal(0);
    $(prefs(), '[part~=save]').focus();
    expect(d.scrollTop, 'the dialog scrolled to its last button').to.be.greaterThan(0);
    await screenshot('preferences-zoom400');
  });

  it('forced colours (Windows high contrast): still a focus ring, still no axe violation; screenshot', async () => {
    await executeServerCommand('garde-media', [{ name: 'forced-colors', value: 'active' }]);
    expect(matchMedia('(forced-colors: active)').matches).to.be.true;
    start();
    await open();
    const close = $(prefs(), '[part=close]');
    // Reached by keyboard, as a keyboard user does: a programmatic focus() shows a ring only by a
    // heuristic on the page's last input, which another test or a slow machine can change.
    close.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await waitUntil(() => focused() === close, 'the close button did not take focus', {
      timeout: 5000,
    });
    expect(getComputedStyle(close).outlineStyle).to.equal('solid');
    expect(parseFloat(getComputedStyle(close).outlineWidth)).to.be.at.least(2);
    await expect(prefs()).to.be.accessible();
    await screenshot('preferences-forced-colors');
    await executeServerCommand('garde-media', []);
  });

  it('dark mode screenshot', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    document.documentElement.lang = 'de';
    start();
    await open();
    await screenshot('preferences-dark-de');
  });
});
