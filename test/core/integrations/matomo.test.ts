// Matomo through the real init(): requireConsent first, then setConsentGiven /
// forgetConsentGiven for the analytics category at start and on every decision.
import { expect } from '@open-wc/testing';
import { config, reset, start } from '../helpers.js';

const w = window as unknown as { _paq?: unknown[][] | { push(c: unknown[]): void } };
const on = (extra: Record<string, unknown> = {}) =>
  config({ integrations: { matomo: true }, ...extra });

describe('Matomo', () => {
  beforeEach(async () => {
    await reset();
    delete w._paq;
  });
  after(reset);

  it('undecided: only requireConsent, so Matomo neither tracks nor sets cookies', () => {
    start(on());
    expect(w._paq).to.deep.equal([['requireConsent']]);
  });

  it("keeps the page's queued commands and adds requireConsent after them", () => {
    w._paq = [['setTrackerUrl', '/matomo.php'], ['trackPageView']];
    start(on());
    expect(w._paq).to.deep.equal([
      ['setTrackerUrl', '/matomo.php'],
      ['trackPageView'],
      ['requireConsent'],
    ]);
  });

  it('each decision gives or forgets consent according to the analytics category', () => {
    const g = start(on());
    g.acceptAll();
    g.set({ analytics: false });
    g.set({ analytics: true, marketing: false });
    g.rejectAll();
    g.withdraw();
    expect(w._paq).to.deep.equal([
      ['requireConsent'],
      ['setConsentGiven'],
      ['forgetConsentGiven'],
      ['setConsentGiven'],
      ['forgetConsentGiven'],
      ['forgetConsentGiven'],
    ]);
  });

  it('on a later page, gives consent at start from the stored decision', () => {
    const first = start(on());
    first.set({ analytics: true });
    first.destroy();
    delete w._paq;
    start(on());
    expect(w._paq).to.deep.equal([['requireConsent'], ['setConsentGiven']]);
  });

  it('follows config.analytics.category', () => {
    const g = start(
      on({
        categories: { statistics: {}, marketing: {} },
        services: {},
        analytics: { autoPageview: false, category: 'statistics' },
      }),
    );
    g.set({ marketing: true });
    g.set({ statistics: true });
    expect(w._paq).to.deep.equal([['requireConsent'], ['forgetConsentGiven'], ['setConsentGiven']]);
  });

  it('talks to the loaded tracker, which replaces _paq by an object of its own', () => {
    const g = start(on());
    const seen: unknown[][] = [];
    w._paq = { push: (c: unknown[]) => void seen.push(c) };
    g.acceptAll();
    expect(seen).to.deep.equal([['setConsentGiven']]);
  });

  it('"cookies": Matomo\'s cookie-consent mode (requests without cookies until consent)', () => {
    const g = start(config({ integrations: { matomo: 'cookies' } }));
    g.acceptAll();
    g.withdraw();
    expect(w._paq).to.deep.equal([
      ['requireCookieConsent'],
      ['setCookieConsentGiven'],
      ['forgetCookieConsentGiven'],
    ]);
  });

  it('does nothing unless enabled', () => {
    start(config()).acceptAll();
    expect(w._paq).to.equal(undefined);
  });
});
