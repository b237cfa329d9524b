// The drop-in's integrations (index.script.ts): Consent Mode and Matomo come from
// dist/garde-integrations.js, loaded at start only when the config enables one, and the gate
// revives nothing before it has run; a page without integrations never requests it.
import { expect } from '@open-wc/testing';
import type { Garde } from '../../../src/core/types.js';
import { clearCookies, closeFixtures, openFixture, until } from '../helpers.js';

type Page = Window & { garde: Garde; seenByTag?: unknown[][] };
const open = (fixture: string) =>
  openFixture<Page>(fixture, (page) =>
    page.document?.querySelector('garde-banner')?.shadowRoot?.querySelector('p'),
  );

const integrationsRequests = (page: Page) =>
  page.performance
    .getEntriesByType('resource')
    .filter((entry) => entry.name.endsWith('/garde-integrations.js'));

describe('dist/garde.js: integrations from dist/garde-integrations.js', () => {
  beforeEach(clearCookies);
  afterEach(() => {
    closeFixtures();
    clearCookies();
  });

  it("a page with consentMode gets gtag('consent', 'default', …) before a gated tag runs", async () => {
    const page = await open('dropin-consent-mode.html');
    await until(() => page.seenByTag);
    const [first] = page.seenByTag!;
    expect(first!.slice(0, 2)).to.deep.equal(['consent', 'default']);
    expect((first![2] as Record<string, string>).analytics_storage).to.equal('denied');
    const [script] = [...page.document.scripts].filter((s) =>
      s.src.endsWith('/dist/garde-integrations.js'),
    );
    expect(script!.nonce).to.equal('t3st');
  });

  it('when the file cannot load: its error, then the gate revives scripts without it', async () => {
    const page = await open('dropin-consent-mode-unloadable.html');
    await until(() => page.seenByTag);
    expect(page.seenByTag).to.deep.equal([]);
    expect((page as Page & { errors: string[] }).errors).to.deep.equal([
      `garde: could not load ${new URL('/no-such-file.js', page.location.href).href}`,
    ]);
  });

  it('a page without integrations never requests garde-integrations.js', async () => {
    const page = await open('dropin.html');
    await page.garde.ready;
    expect(integrationsRequests(page)).to.have.length(0);
    expect(
      [...page.document.scripts].filter((s) => s.src.includes('garde-integrations')),
    ).to.have.length(0);
  });
});
