// garde's own storage, described (storage-items.ts): what "necessary" lists in the dialog, the
// snapshot and the notice.
import { expect } from '@open-wc/testing';
import { validateConfig } from '../../src/core/config.js';
import { uiStrings } from '../../src/i18n/index.js';
import { storageItems } from '../../src/i18n/storage-items.js';
import { LANGS } from '../components/helpers.js';

describe('storageItems', () => {
  const config = validateConfig({
    policy: { url: '/', version: '1' },
    categories: { analytics: {} },
    analyticsEndpoint: '/collect',
  });

  it('lists the cookie, the log, the receipts kept until sent and, when counting, the session id', () => {
    for (const lang of LANGS) {
      const items = storageItems(config, uiStrings(config, lang));
      expect(items.map((item) => [item.term, item.name])).to.deep.equal([
        ['Cookie', 'garde_consent'],
        ['IndexedDB', 'garde'],
        ['localStorage', 'garde.receipt.*'],
        ['sessionStorage', 'garde.sid'],
      ]);
      // The cookie, the log and a receipt last as long as the decision (cookie.days).
      for (const item of items.slice(0, 3)) expect(item.lifetime, lang).to.match(/^182\D/);
    }
  });

  it('without counting, no analytics id', () => {
    const quiet = { ...config, analyticsEndpoint: null };
    expect(storageItems(quiet, uiStrings(quiet, 'en')).map((item) => item.name)).to.deep.equal([
      'garde_consent',
      'garde',
      'garde.receipt.*',
    ]);
  });
});
