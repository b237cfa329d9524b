import { expect } from '@open-wc/testing';
import { validateConfig } from '../../src/core/config.js';
import { allowedIn, makeState, stateFromCookie } from '../../src/core/state.js';
import type { ConsentCookie } from '../../src/core/cookie-format.js';
import { config } from './helpers.js';

const cfg = validateConfig(
  config({
    services: { ...config().services, loadbalancer: { category: 'necessary', cookies: ['lb'] } },
  }),
);
const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const T = Date.parse('2026-03-01T00:00:00Z');

describe('state', () => {
  it('allowedIn: nothing but necessary (and its services) before a decision', () => {
    for (const n of ['analytics', 'marketing', 'matomo', 'youtube', 'nope'])
      expect(allowedIn(cfg, null, n), n).to.be.false;
    expect(allowedIn(cfg, null, 'necessary')).to.be.true;
    expect(allowedIn(cfg, null, 'loadbalancer')).to.be.true;
  });

  it('allowedIn: a service needs its category, then follows it unless set on its own', () => {
    const s = makeState(cfg, {
      id: ID,
      decidedAt: T,
      method: 'custom',
      granted: (category) => category === 'analytics',
      services: { youtube: true, matomo: false, loadbalancer: false },
    });
    expect(s.categories).to.deep.equal({ necessary: true, analytics: true, marketing: false });
    expect(
      ['analytics', 'matomo', 'marketing', 'youtube', 'loadbalancer'].map((n) =>
        allowedIn(cfg, s, n),
      ),
    ).to.deep.equal([true, false, false, false, true]);
    // Granted on its own under a granted category; refused on its own under a granted one.
    const own = makeState(cfg, {
      id: ID,
      decidedAt: T,
      method: 'custom',
      granted: () => true,
      services: { youtube: true, matomo: false },
    });
    expect(['youtube', 'matomo'].map((n) => allowedIn(cfg, own, n))).to.deep.equal([true, false]);
    const follow = makeState(cfg, {
      id: ID,
      decidedAt: T,
      method: 'custom',
      granted: (category) => category === 'marketing',
      services: {},
    });
    expect(allowedIn(cfg, follow, 'youtube')).to.be.true;
    expect(allowedIn(cfg, follow, 'matomo')).to.be.false;
  });

  it('makeState: dates in ISO 8601, expiry after cookie.days', () => {
    const s = makeState(cfg, {
      id: ID,
      decidedAt: T,
      method: 'accept-all',
      granted: () => true,
      services: {},
    });
    expect(s).to.deep.include({
      id: ID,
      version: '2020-12-07',
      decidedAt: '2026-03-01T00:00:00.000Z',
      expiresAt: '2026-08-30T00:00:00.000Z',
      method: 'accept-all',
    });
  });

  describe('stateFromCookie', () => {
    const c = (over: Partial<ConsentCookie> = {}): ConsentCookie => ({
      id: ID,
      version: '2020-12-07',
      decidedAt: T / 1000,
      method: 'custom',
      gpc: false,
      categories: ['analytics'],
      services: { youtube: true },
      ...over,
    });
    it('gives the decision back under the same config', () => {
      const s = stateFromCookie(cfg, c(), T + 1000)!;
      expect(s.categories).to.deep.equal({ necessary: true, analytics: true, marketing: false });
      expect(s.services).to.deep.equal({ youtube: true });
      expect(s.decidedAt).to.equal('2026-03-01T00:00:00.000Z');
    });
    it('new services: those not known at the decision, under a granted category, are asleep and asked', () => {
      const s = stateFromCookie(cfg, c({ categories: ['analytics', 'marketing'], known: [] }), T)!;
      // The load balancer is necessary: never asked.
      expect(s.unasked).to.deep.equal(['matomo', 'youtube']);
      for (const name of s.unasked!) expect(allowedIn(cfg, s, name), name).to.be.false;
      expect(s.categories.marketing, 'the category keeps its decision').to.be.true;
      // Under a refused category a new service stays refused: nothing to ask.
      const refused = stateFromCookie(cfg, c({ categories: [], services: {}, known: [] }), T)!;
      expect(refused.unasked).to.equal(undefined);
    });
    it('new services: a value without the services-known field counts every service as known', () => {
      const s = stateFromCookie(cfg, c({ categories: ['analytics', 'marketing'] }), T)!;
      expect(s.unasked).to.equal(undefined);
      expect(s.services).to.deep.equal({ youtube: true });
    });
    const none: Record<string, [Partial<ConsentCookie>, number?]> = {
      'another policy version': [{ version: '2019' }],
      'expired (cookie.days later)': [{}, T + 182 * 864e5],
      'dated more than a day ahead': [{ decidedAt: T / 1000 + 2 * 86400 }],
      'an unknown category': [{ categories: ['ads'] }],
      'an unknown service': [{ services: { hotjar: true } }],
    };
    for (const [name, [over, now]] of Object.entries(none))
      it(`no decision for ${name}`, () =>
        expect(stateFromCookie(cfg, c(over), now ?? T)).to.equal(null));

    it('no decision when the config has no valid policy version, even for an empty-version cookie', () => {
      const broken = { ...cfg, policy: { url: '', version: '' } };
      expect(stateFromCookie(broken, c({ version: '' }), T)).to.equal(null);
    });
  });
});
