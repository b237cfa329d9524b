// The built drop-in asks for its dialog (dist/garde-ui.js) when the visitor shows intent to open it
// (a pointer on, or focus in, "Customise" or the settings button), so that the dialog is there by
// the click on a slow network; a visitor who only accepts or refuses never downloads it.
import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { clearCookies, closeFixtures, openFixture, until } from '../core/helpers.js';
import type { Garde } from '../../src/core/types.js';

type Page = Window & { garde: Garde };

/** Loads a fixture page in a frame and waits for its banner's buttons. */
const open = (fixture: string) =>
  openFixture<Page>(fixture, (page) =>
    page.document?.querySelector('garde-banner')?.shadowRoot?.querySelector('button'),
  );

/** A button of the banner's, by part. */
const bannerButton = (page: Page, part: string) =>
  page.document
    .querySelector('garde-banner')!
    .shadowRoot!.querySelector<HTMLElement>(`[part~=${part}]`)!;

/** Moves the real pointer to the middle of `element` (in the frame), or clicks there. */
async function pointAt(element: Element, type: 'move' | 'click' = 'move') {
  const frame = element.ownerDocument.defaultView!.frameElement!;
  const inner = element.getBoundingClientRect();
  const outer = frame.getBoundingClientRect();
  const position: [number, number] = [
    Math.round(outer.left + frame.clientLeft + inner.left + inner.width / 2),
    Math.round(outer.top + frame.clientTop + inner.top + inner.height / 2),
  ];
  await sendMouse({ type, position });
}

/** What an auditor sees of the dialog's file: the scripts added, and the requests made. */
const uiLoads = (page: Page) => ({
  scripts: [...page.document.scripts].filter((script) => script.src.endsWith('/garde-ui.js'))
    .length,
  requests: page.performance
    .getEntriesByType('resource')
    .filter((entry) => entry.name.endsWith('/garde-ui.js')).length,
});

const dialogOpen = (page: Page) =>
  page.document.querySelector('garde-preferences')?.shadowRoot?.querySelector('dialog[open]');

describe('dist/garde.js: the dialog asked for on intent', () => {
  beforeEach(clearCookies);
  afterEach(async () => {
    await resetMouse();
    closeFixtures();
    clearCookies();
  });

  it('refusing with the pointer, or accepting with the keyboard, asks for no dialog', async () => {
    let page = await open('on-demand.html');
    // Over "Accept all" on the way, then a click on "Reject all".
    await pointAt(bannerButton(page, 'accept'));
    await pointAt(bannerButton(page, 'reject'), 'click');
    await until(() => page.garde.consent);
    expect(page.garde.consent!.categories.marketing).to.be.false;
    expect(uiLoads(page)).to.deep.equal({ scripts: 0, requests: 0 });

    closeFixtures();
    clearCookies();
    page = await open('on-demand.html');
    (page.frameElement as HTMLIFrameElement).focus();
    bannerButton(page, 'reject').focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await until(() => page.document.querySelector('garde-banner')!.shadowRoot!.activeElement);
    expect(
      page.document.querySelector('garde-banner')!.shadowRoot!.activeElement!.getAttribute('part'),
    ).to.equal('button accept');
    await sendKeys({ press: 'Enter' });
    await until(() => page.garde.consent);
    expect(page.garde.consent!.categories.marketing).to.be.true;
    expect(uiLoads(page)).to.deep.equal({ scripts: 0, requests: 0 });
  });

  it('a pointer on "Customise" asks for the dialog once, before the click; it then opens at once', async () => {
    const page = await open('ui-intent.html');
    const customise = bannerButton(page, 'customise');
    await pointAt(customise);
    // Asked for, not there yet: the test server holds the file back, as a slow network would.
    await until(() => uiLoads(page).scripts === 1);
    expect(page.customElements.get('garde-preferences')).to.equal(undefined);
    await fetch('/test-held/ui-intent/release', { method: 'POST' });
    await until(() => page.customElements.get('garde-preferences'));
    // Here before the click: the click opens it.
    await pointAt(customise, 'click');
    await until(() => dialogOpen(page));
    expect(uiLoads(page)).to.deep.equal({ scripts: 1, requests: 1 });
  });

  it('focus on the settings button (the floating one, after a decision) asks for the dialog once', async () => {
    const page = await open('on-demand.html');
    page.garde.rejectAll();
    const settings = await until(() =>
      page.document.querySelector('garde-policy-link')?.shadowRoot?.querySelector('button'),
    ).then(() =>
      page.document.querySelector('garde-policy-link')!.shadowRoot!.querySelector('button')!,
    );
    expect(uiLoads(page).scripts).to.equal(0);
    (page.frameElement as HTMLIFrameElement).focus();
    settings.focus();
    await until(() => uiLoads(page).scripts === 1);
    await until(() => page.customElements.get('garde-preferences'));
    await sendKeys({ press: 'Enter' });
    await until(() => dialogOpen(page));
    expect(uiLoads(page)).to.deep.equal({ scripts: 1, requests: 1 });
  });
});
