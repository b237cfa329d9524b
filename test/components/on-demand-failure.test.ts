// Every right from dist/garde.js alone (on-demand.script.ts, mount.ts, the banner's fallback form):
// with dist/garde-ui.js answering 404, held back by the network, or blocked by a path-based
// Content-Security-Policy, the visitor can still customise, withdraw and refuse, each with a
// receipt the server gets, and a dialog that arrives late never opens on its own.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { closeFixtures, openFixture, reset, until } from '../core/helpers.js';
import type { Garde } from '../../src/core/types.js';

type Page = Window & { garde: Garde; violations: string[] };

/** Loads a fixture page in a frame and waits for its banner. */
const open = (fixture: string) =>
  openFixture<Page>(fixture, (page) => part(page, 'customise'), 10000);

/** A part of the page's banner, if it is there. */
const part = (page: Page, name: string) =>
  page.document
    ?.querySelector('garde-banner')
    ?.shadowRoot?.querySelector<HTMLElement>(`[part~=${name}]`) ?? null;

/** The dialog, if it is open. */
const openDialog = (page: Page) =>
  page.document.querySelector('garde-preferences')?.shadowRoot?.querySelector('dialog[open]') ??
  null;

/** The floating "Cookie settings" button garde adds (config.floatingButton "auto"). */
const floatingButton = (page: Page) =>
  page.document
    .querySelector('garde-policy-link[floating]')!
    .shadowRoot!.querySelector<HTMLElement>('button')!;

/** What the test server's receipt endpoint got: [method, layer] of each receipt. */
async function receipts(key: string): Promise<string[][]> {
  const { posts } = (await (await fetch(`/test-consent/${key}`)).json()) as {
    posts: Array<{ body: string }>;
  };
  return posts.map((post) => {
    const { method, layer } = JSON.parse(post.body) as { method: string; layer: string };
    return [method, layer];
  });
}

/** A rendering frame of the page. */
const pageFrame = (page: Page) =>
  new Promise((resolve) => page.requestAnimationFrame(() => setTimeout(resolve)));

/**
 * With no dialog to load: "Personnaliser" gives the banner's own form (focus on its first
 * switch), which saves a choice; the floating button gives it again, with "Retirer mon
 * consentement"; then the banner is back and "Tout refuser" refuses. Three receipts.
 */
async function everyRightFromTheBanner(fixture: string, key: string): Promise<Page> {
  const page = await open(fixture);
  part(page, 'customise')!.click();
  await until(() => part(page, 'save'), 10000);
  expect(openDialog(page) === null, 'no dialog').to.be.true;
  expect(part(page, 'text')!.textContent).to.include(
    'Les paramètres détaillés n’ont pas pu être chargés.',
  );
  const banner = page.document.querySelector('garde-banner')!;
  const focused = banner.shadowRoot!.activeElement as HTMLInputElement | null;
  expect(focused?.name, 'focus on the first switch').to.equal('analytics');
  focused!.click();
  part(page, 'save')!.click();
  expect(page.garde.consent!.categories).to.deep.equal({
    necessary: true,
    analytics: true,
    marketing: false,
  });
  await until(() => !page.document.querySelector('garde-banner'));

  floatingButton(page).click();
  await until(() => part(page, 'withdraw'), 10000);
  const switches = [
    ...page.document.querySelector('garde-banner')!.shadowRoot!.querySelectorAll('input'),
  ];
  expect(switches.map((input) => input.checked)).to.deep.equal([true, true, false]);
  // "Fermer" takes the form away and keeps the decision: opening it never forces a new choice.
  expect(part(page, 'close')!.textContent!.trim()).to.equal('Fermer');
  part(page, 'close')!.click();
  await until(() => !page.document.querySelector('garde-banner'));
  expect(page.garde.consent!.categories.analytics).to.be.true;
  floatingButton(page).click();
  await until(() => part(page, 'withdraw'), 10000);
  expect(part(page, 'withdraw')!.textContent!.trim()).to.equal('Retirer mon consentement');
  part(page, 'withdraw')!.click();
  expect(page.garde.consent).to.equal(null);
  expect(page.garde.withdrawn).to.be.true;

  await until(() => part(page, 'customise'));
  part(page, 'reject')!.click();
  expect(page.garde.consent!.method).to.equal('reject-all');
  await until(async () => (await receipts(key)).length === 3, 10000);
  expect(await receipts(key)).to.have.deep.members([
    ['custom', 'banner'],
    ['withdraw', 'banner'],
    ['reject-all', 'banner'],
  ]);
  expect(openDialog(page) === null, 'no dialog, ever').to.be.true;
  return page;
}

describe('dist/garde.js without its dialog (dist/garde-ui.js missing, slow or blocked)', () => {
  beforeEach(reset);
  afterEach(async () => {
    closeFixtures();
    await reset();
  });

  it('404: customise, withdraw and refuse in the banner, each with a receipt', async () => {
    const page = await everyRightFromTheBanner('ui-missing.html', 'ui-missing');
    const tried = [...page.document.scripts].filter((script) => script.src.includes('/missing/'));
    expect(tried.length, 'the file the site named (data-garde-ui), tried').to.be.above(0);
  });

  it('blocked by a path-based Content-Security-Policy: the same, and the block is the only violation', async () => {
    const page = await everyRightFromTheBanner('ui-blocked.html', 'ui-blocked');
    const blocked = page.violations.filter((violation) => violation.includes('garde-ui.js'));
    expect(blocked.length).to.be.above(0);
    expect(blocked.every((violation) => violation.startsWith('script-src'))).to.be.true;
  });

  it('held back: the banner offers its form; the file arriving later opens nothing; then the dialog opens at once', async () => {
    const page = await open('ui-held.html');
    part(page, 'customise')!.click();
    // garde waits a few seconds for the file, then falls back on the banner's form.
    await until(() => part(page, 'save'), 10000);
    await fetch('/test-held/ui-held/release', { method: 'POST' });
    await until(() => page.customElements.get('garde-preferences'), 10000);
    await pageFrame(page);
    await pageFrame(page);
    expect(openDialog(page) === null, 'the late dialog does not open on its own').to.be.true;
    expect(part(page, 'save') !== null, 'the form stays').to.be.true;
    part(page, 'reject')!.click();
    expect(page.garde.consent!.method).to.equal('reject-all');
    await pageFrame(page);
    expect(openDialog(page) === null).to.be.true;

    // Now the file is there: the settings button opens the dialog, which withdraws.
    floatingButton(page).click();
    await until(() => openDialog(page), 10000);
    const dialogPart = (name: string) =>
      openDialog(page)!.querySelector<HTMLElement>(`[part~=${name}]`)!;
    dialogPart('withdraw').click();
    expect(page.garde.withdrawn).to.be.true;
    // And "Personnaliser" in the banner that comes back opens it to save a choice.
    await until(() => part(page, 'customise'));
    part(page, 'customise')!.click();
    await until(() => openDialog(page), 10000);
    dialogPart('save').click();
    expect(page.garde.consent!.method).to.equal('custom');
    await until(async () => (await receipts('ui-held')).length === 3, 10000);
    expect(await receipts('ui-held')).to.have.deep.members([
      ['reject-all', 'banner'],
      ['withdraw', 'dialog'],
      ['custom', 'dialog'],
    ]);
  });
  it('keyboard only: "Retirer mon consentement" in the banner form moves focus to <main>, never to <body>', async () => {
    const page = await open('ui-missing.html');
    part(page, 'reject')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !page.document.querySelector('garde-banner'));
    await until(() => floatingButton(page).offsetHeight);
    floatingButton(page).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => part(page, 'withdraw'), 10000);
    part(page, 'withdraw')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(page.garde.withdrawn).to.be.true;
    // The banner stays (without its withdraw button): focus goes where a decision sends it.
    await until(() => part(page, 'customise'));
    expect(page.document.activeElement?.localName).to.equal('main');
  });
});
