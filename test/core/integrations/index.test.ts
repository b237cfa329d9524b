// startIntegrations through the real init(): the tracker's own ids go as soon as analytics is
// refused or withdrawn, and every integration stops with destroy().
import { expect } from '@open-wc/testing';
import { SESSION_KEY, UID_KEY } from '../../../src/core/tracker.js';
import { config, reset, start } from '../helpers.js';

const w = window as unknown as { dataLayer?: unknown[]; _paq?: unknown[][] };

describe('startIntegrations', () => {
  beforeEach(async () => {
    await reset();
    delete w.dataLayer;
    delete w._paq;
  });
  after(reset);

  for (const [what, act] of [
    ['a refusal', (g: ReturnType<typeof start>) => g.rejectAll()],
    ['a withdrawal', (g: ReturnType<typeof start>) => g.withdraw()],
    ['refusing analytics alone', (g: ReturnType<typeof start>) => g.set({ analytics: false })],
  ] as const) {
    it(`${what} erases the analytics session and persistent ids at once`, () => {
      const g = start(config());
      g.acceptAll();
      sessionStorage.setItem(SESSION_KEY, 's');
      localStorage.setItem(UID_KEY, 'u');
      act(g);
      expect(sessionStorage.getItem(SESSION_KEY)).to.equal(null);
      expect(localStorage.getItem(UID_KEY)).to.equal(null);
    });
  }

  it('an acceptance keeps them', () => {
    const g = start(config());
    sessionStorage.setItem(SESSION_KEY, 's');
    g.acceptAll();
    expect(sessionStorage.getItem(SESSION_KEY)).to.equal('s');
  });

  it('destroy() stops both integrations', () => {
    const g = start(config({ integrations: { consentMode: true, matomo: true } }));
    g.destroy();
    g.acceptAll();
    expect(w.dataLayer).to.have.length(1);
    expect(w._paq).to.deep.equal([['requireConsent']]);
  });
});
