// The consent store's set(): a service granted on its own grants its category, so that the
// decision, allowed(), the gate, the cookie and the receipt never disagree.
import { expect } from '@open-wc/testing';
import { readCookie } from '../../src/core/cookie.js';
import { parseConsentCookie } from '../../src/core/cookie-format.js';
import { validateConfig } from '../../src/core/config.js';
import { createConsentStore } from '../../src/core/store.js';
import { beaconBox, config, ran, reset, start, until } from './helpers.js';

/** A gated inline script of the youtube service, as a page declares it. */
function gatedYoutube(): void {
  const script = document.createElement('script');
  script.type = 'text/plain';
  script.dataset.category = 'marketing';
  script.dataset.service = 'youtube';
  script.text = "ran.push('youtube')";
  document.body.append(script);
}

describe('store: set()', () => {
  beforeEach(reset);
  after(reset);

  it('set({ youtube: true }) grants marketing too: consent, allowed(), the gate, the cookie and the receipt agree', async () => {
    gatedYoutube();
    const garde = start(config());
    garde.set({ youtube: true });
    expect(garde.consent!.categories).to.deep.include({ marketing: true, analytics: false });
    expect(garde.consent!.services).to.deep.equal({ youtube: true });
    expect(garde.allowed('youtube')).to.be.true;
    expect(garde.allowed('marketing')).to.be.true;
    expect(garde.allowed('matomo')).to.be.false;
    await until(() => ran().includes('youtube'));
    const cookie = parseConsentCookie(readCookie('garde_consent')!)!;
    expect(cookie.categories).to.deep.equal(['marketing']);
    expect(cookie.services).to.deep.equal({ youtube: true });
    await until(async () => (await garde.history()).length === 1);
    const [receipt] = await garde.history();
    expect(receipt!.categories).to.deep.include({ marketing: true, analytics: false });
    expect(receipt!.services).to.deep.equal({ youtube: true, matomo: false });
  });

  it('whatever the order of the keys, a service granted wins over its category refused in the same call', () => {
    const garde = start(config());
    garde.set({ youtube: true, marketing: false });
    expect(garde.allowed('marketing')).to.be.true;
    garde.set({ marketing: false });
    expect(garde.allowed('marketing')).to.be.false;
    expect(garde.allowed('youtube'), 'a service set on its own still needs its category').to.be
      .false;
  });

  it('granting the category alone grants the services not set on their own, not the others', () => {
    const garde = start(config());
    garde.set({ marketing: true });
    expect(garde.allowed('youtube')).to.be.true;
    garde.set({ youtube: false });
    expect(garde.allowed('marketing')).to.be.true;
    expect(garde.allowed('youtube')).to.be.false;
    garde.set({ marketing: false });
    garde.set({ marketing: true });
    expect(garde.allowed('youtube'), 'still refused on its own').to.be.false;
  });

  it('a category granted through one of its services does not start its other services', () => {
    const base = config();
    const garde = start({
      ...base,
      services: { ...base.services, maps: { category: 'marketing' } },
    });
    garde.set({ youtube: true });
    expect(garde.allowed('marketing')).to.be.true;
    expect(garde.allowed('youtube')).to.be.true;
    expect(garde.allowed('maps'), 'not chosen: off, though its category is on').to.be.false;
    expect(garde.consent!.services).to.deep.equal({ youtube: true, maps: false });
    garde.set({ maps: true });
    expect(garde.allowed('maps')).to.be.true;
    expect(garde.allowed('youtube'), 'an earlier choice stays').to.be.true;
  });

  it('a stored record with a service granted under a refused category (written before this rule) allows neither', () => {
    document.cookie = `garde_consent=2.${crypto.randomUUID()}.2020-12-07.${Math.floor(Date.now() / 1000)}.c..youtube..;path=/`;
    const garde = start(config());
    expect(garde.consent?.services).to.deep.equal({ youtube: true });
    expect(garde.allowed('youtube')).to.be.false;
    expect(garde.allowed('marketing')).to.be.false;
  });
});

describe('store: withdraw()', () => {
  beforeEach(reset);
  after(reset);

  it('records where it was done: the layer given (garde’s dialog, its banner), else api', async () => {
    const box = beaconBox();
    const garde = start(config({ recordEndpoint: box.url }));
    garde.acceptAll();
    garde.withdraw({ layer: 'dialog' });
    garde.acceptAll();
    garde.withdraw();
    // Anything but a known layer (an Event passed by a listener) is api.
    garde.acceptAll();
    garde.withdraw(new Event('click') as never);
    const receipts = await box.receipts(6);
    expect(receipts.filter((r) => r.method === 'withdraw').map((r) => r.layer)).to.deep.equal([
      'dialog',
      'api',
      'api',
    ]);
  });
});

describe('store: the read of another window’s decision before one taken here', () => {
  it('a read that throws neither stops the decision nor silences its listeners', () => {
    const heard: (string | undefined)[] = [];
    const store = createConsentStore({
      config: validateConfig(config()),
      consent: null,
      withdrawn: false,
      gpc: false,
      now: Date.now,
      __refresh: () => {
        throw new Error('unreadable');
      },
    });
    store.onChange((consent) => heard.push(consent?.method));
    store.rejectAll();
    store.acceptAll();
    store.withdraw();
    expect(heard).to.deep.equal(['reject-all', 'accept-all', undefined]);
    expect(store.withdrawn).to.equal(true);
  });
});
