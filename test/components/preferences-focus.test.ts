// Focus after each decision, with real key presses, and the polite announcement: focus never
// falls to <body>; it goes back to the element that opened the dialog if it is still there,
// else to the start of the page's main content.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  banner,
  BUTTONS,
  dialog,
  focused,
  frame,
  LANGS,
  prefs,
  reset,
  start,
} from './helpers.js';
import { closeFixtures, openFixture, until } from '../core/helpers.js';

/** The page's content: a <main> (or, without one, a heading) and a footer settings button. */
function page({ main = true } = {}): { start: HTMLElement; footer: HTMLElement } {
  const content = document.createElement(main ? 'main' : 'div');
  content.dataset.test = '';
  content.append(Object.assign(document.createElement('h1'), { textContent: 'Vie privée' }));
  const footer = document.createElement('garde-policy-link');
  footer.dataset.test = '';
  document.body.append(content, footer);
  return { start: main ? content : content.firstElementChild!, footer } as never;
}

/** The live region outside the dialog: what is announced once the dialog is closed. */
const announced = () => prefs().shadowRoot!.querySelector('[role=status]')!.textContent;
/** The page's live region (mountUi): what is announced after a decision in the banner. */
const announcedInPage = () =>
  document.querySelector('[data-garde-status][role=status]')!.textContent;
const SAVED = {
  en: 'Choice saved.',
  fr: 'Choix enregistré.',
  nl: 'Keuze opgeslagen.',
  de: 'Auswahl gespeichert.',
};
/**
 * Waits until focus has moved to `target` (the dialog's close event is a task after close(), and a
 * loaded machine can take any time over it), then a render for the announcement.
 */
const settle = async (done: () => boolean) => {
  await waitUntil(done, 'the decision did not settle', { timeout: 5000 });
  await frame();
};
const focusOn = (element: () => Element | null) => () => focused() === element();
const dialogOpen = () => Boolean(prefs()?.shadowRoot?.querySelector('dialog')?.open);

/** Focuses the banner button `part`, then presses `key` on it. */
async function pressInBanner(part: string, key: string, done: () => boolean): Promise<void> {
  $(banner(), `[part~=${part}]`).focus();
  await sendKeys({ press: key });
  await settle(done);
}

describe('focus and announcements after a decision', () => {
  beforeEach(reset);
  after(reset);

  for (const [part, key] of [
    ['accept', 'Enter'],
    ['reject', 'Space'],
  ] as const)
    it(`banner "${part}" (${key}): focus to <main>, made focusable, and "saved" announced`, async () => {
      const { start: main } = page();
      start();
      await frame();
      await pressInBanner(part, key, () => focused() === main && announcedInPage() === SAVED.en);
      expect(banner()).to.equal(null);
      expect(focused()).to.equal(main);
      expect(main.getAttribute('tabindex')).to.equal('-1');
      expect(announcedInPage()).to.equal(SAVED.en);
    });

  it('without <main>: the first heading', async () => {
    const { start: heading } = page({ main: false });
    start();
    await frame();
    await pressInBanner(
      'accept',
      'Enter',
      focusOn(() => heading),
    );
    expect(focused()).to.equal(heading);
  });

  for (const part of ['accept', 'reject', 'save'])
    it(`dialog "${part}" opened from the banner (gone after the decision): focus to <main>, announced`, async () => {
      const { start: main } = page();
      const garde = start();
      await frame();
      await pressInBanner('customise', 'Enter', dialogOpen);
      expect(dialog().open).to.be.true;
      $(prefs(), `[part~=${part}]`).focus();
      await sendKeys({ press: 'Enter' });
      await settle(() => focused() === main && announced() === SAVED.en);
      expect(garde.consent).to.not.equal(null);
      expect(dialog().open).to.be.false;
      expect(focused()).to.equal(main);
      expect(announced()).to.equal(SAVED.en);
    });

  for (const lang of LANGS)
    it(`dialog "save" opened from the footer button: focus back to it, announced in ${lang}`, async () => {
      document.documentElement.lang = lang;
      const { footer } = page();
      const garde = start();
      garde.rejectAll();
      await frame();
      const settings = $(footer, 'button');
      settings.focus();
      await sendKeys({ press: 'Enter' });
      await settle(dialogOpen);
      expect(dialog().open).to.be.true;
      $(prefs(), '[part~=save]').focus();
      await sendKeys({ press: 'Enter' });
      await settle(() => focused() === settings && announced() === SAVED[lang]);
      expect(focused()).to.equal(settings);
      expect(focused()!.textContent).to.equal(BUTTONS[lang].settings);
      expect(announced()).to.equal(SAVED[lang]);
    });

  it('Escape: focus back to the opener, nothing announced', async () => {
    page();
    start();
    await frame();
    await pressInBanner('customise', 'Enter', dialogOpen);
    await sendKeys({ press: 'Escape' });
    await settle(() => focused()?.textContent === BUTTONS.en.customise);
    expect(focused()!.textContent).to.equal(BUTTONS.en.customise);
    expect(announced()).to.equal('');
  });

  it('Escape when the opener is gone: focus to <main>, not <body>', async () => {
    const { start: main } = page();
    const garde = start();
    await frame();
    await pressInBanner('customise', 'Enter', dialogOpen);
    // A page script decides while the dialog is open: the banner, and the opener, go.
    garde.acceptAll();
    await frame();
    await sendKeys({ press: 'Escape' });
    await settle(focusOn(() => main));
    expect(focused()).to.equal(main);
  });
  it('"Withdraw" in the dialog opened from the floating button, which the banner then hides: focus to <main>, not <body>', async () => {
    // The drop-in, in a frame: its floating button, its dialog from garde-ui.js.
    type Page = Window & { garde: { withdrawn: boolean } };
    const frameRoot = (page: Page, tag: string) => page.document.querySelector(tag)?.shadowRoot;
    const page = await openFixture<Page>('on-demand.html', (page) =>
      frameRoot(page, 'garde-banner')?.querySelector('[part~=reject]'),
    );
    try {
      frameRoot(page, 'garde-banner')!.querySelector<HTMLElement>('[part~=reject]')!.focus();
      await sendKeys({ press: 'Enter' });
      const floating = () => frameRoot(page, 'garde-policy-link')?.querySelector('button');
      await until(() => floating()?.offsetHeight);
      floating()!.focus();
      await sendKeys({ press: 'Enter' });
      const withdraw = () =>
        frameRoot(page, 'garde-preferences')?.querySelector<HTMLElement>(
          'dialog[open] [part~=withdraw]',
        );
      await until(withdraw, 10000);
      withdraw()!.focus();
      await sendKeys({ press: 'Enter' });
      // The banner is back, and hides the floating button: the opener can no longer take focus.
      await until(() => page.garde.withdrawn && frameRoot(page, 'garde-banner'));
      await until(() => page.document.activeElement !== page.document.body);
      expect(page.document.activeElement!.localName).to.equal('main');
    } finally {
      closeFixtures();
    }
  });
});
