// Google Consent Mode v2 through the real init(): the denied default is in dataLayer before any
// gated Google tag runs, and every decision pushes the mapped update, then a `garde_consent`
// event for Tag Manager. The shapes are Google's: `gtag('consent', 'default' | 'update', {…})`
// with `region` and `wait_for_update` in the default, `gtag('set', 'ads_data_redaction' |
// 'url_passthrough', boolean)`, and plain objects with an `event` key for triggers.
import { expect } from '@open-wc/testing';
import { consentModeState } from '../../../src/core/integrations/consent-mode.js';
import { config, reset, start, until } from '../helpers.js';

type Entry = IArguments | { event: string; garde: Record<string, unknown> };
type Win = { dataLayer?: Entry[]; gtag?: (...a: unknown[]) => void; seenAtRun?: unknown[] };
const w = window as unknown as Win;
const isEvent = (entry: Entry): entry is Exclude<Entry, IArguments> => 'event' in entry;
/** The gtag() commands in dataLayer, as arrays. */
const calls = () =>
  (w.dataLayer ?? []).filter((entry) => !isEvent(entry)).map((a) => [...(a as IArguments)]);
/** The events in dataLayer. */
const events = () => (w.dataLayer ?? []).filter(isEvent);

const DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};
// The helper's config has analytics and marketing, no preferences category: functionality stays denied.
const ACCEPTED = {
  ...DENIED,
  analytics_storage: 'granted',
  ad_storage: 'granted',
  ad_user_data: 'granted',
  ad_personalization: 'granted',
};
const on = (extra: Record<string, unknown> = {}) =>
  config({ integrations: { consentMode: true }, ...extra });

/** A gated Google tag, as the site would write it: it records the dataLayer it finds when it runs. */
function addGatedGoogleTag(): void {
  const s = document.createElement('script');
  s.type = 'text/plain';
  s.dataset.category = 'marketing';
  s.text =
    'window.seenAtRun = window.dataLayer.map(function (a) { return a.event || Array.prototype.slice.call(a); });';
  document.body.append(s);
}

describe('Consent Mode v2', () => {
  beforeEach(async () => {
    await reset();
    delete w.dataLayer;
    delete w.gtag;
    delete w.seenAtRun;
  });
  after(reset);

  it('pushes the denied default, with wait_for_update, as the first dataLayer entry', () => {
    start(on());
    expect(calls()).to.deep.equal([['consent', 'default', { ...DENIED, wait_for_update: 500 }]]);
    // gtag.js reads Arguments objects, as the official snippet pushes them.
    expect(Object.prototype.toString.call(w.dataLayer![0])).to.equal('[object Arguments]');
  });

  it('the default is there before a gated Google tag runs on acceptance, and so is the update', async () => {
    addGatedGoogleTag();
    const g = start(on());
    await new Promise((r) => setTimeout(r, 50));
    expect(w.seenAtRun, 'the tag stays asleep before consent').to.equal(undefined);
    g.acceptAll();
    await until(() => w.seenAtRun);
    expect(w.seenAtRun).to.deep.equal([
      ['consent', 'default', { ...DENIED, wait_for_update: 500 }],
      ['consent', 'update', ACCEPTED],
      'garde_consent',
    ]);
  });

  it('on a later page with a stored decision: default, then update, then the tag', async () => {
    const first = start(on());
    first.acceptAll();
    first.destroy();
    delete w.dataLayer;
    delete w.gtag;
    addGatedGoogleTag();
    start(on());
    await until(() => w.seenAtRun);
    expect(w.seenAtRun).to.deep.equal([
      ['consent', 'default', { ...DENIED, wait_for_update: 500 }],
      ['consent', 'update', ACCEPTED],
      'garde_consent',
    ]);
  });

  it('maps each decision: analytics → analytics_storage; marketing → ad_*; withdrawal → all denied', () => {
    const g = start(on({ categories: { analytics: {}, marketing: {}, preferences: {} } }));
    g.set({ analytics: true });
    g.set({ analytics: false, marketing: true });
    g.set({ marketing: false, preferences: true });
    g.withdraw();
    expect(calls().slice(1)).to.deep.equal([
      ['consent', 'update', { ...DENIED, analytics_storage: 'granted' }],
      [
        'consent',
        'update',
        {
          ...DENIED,
          ad_storage: 'granted',
          ad_user_data: 'granted',
          ad_personalization: 'granted',
        },
      ],
      [
        'consent',
        'update',
        { ...DENIED, functionality_storage: 'granted', personalization_storage: 'granted' },
      ],
      ['consent', 'update', DENIED],
    ]);
  });

  it('a refusal is pushed as an all-denied update', () => {
    start(on()).rejectAll();
    expect(calls()).to.deep.equal([
      ['consent', 'default', { ...DENIED, wait_for_update: 500 }],
      ['consent', 'update', DENIED],
    ]);
  });

  it("uses the page's own gtag and dataLayer when they exist", () => {
    const mine: unknown[][] = [];
    w.dataLayer = [];
    w.gtag = (...a: unknown[]) => void mine.push(a);
    start(on()).acceptAll();
    expect(mine.map((a) => a[1])).to.deep.equal(['default', 'update']);
    expect(w.dataLayer).to.have.length(1);
    expect(events()[0]!.event).to.equal('garde_consent');
  });

  it('does nothing unless enabled', () => {
    start(config()).acceptAll();
    expect(w.dataLayer).to.equal(undefined);
    expect(w.gtag).to.equal(undefined);
  });

  it('stops with destroy()', () => {
    const g = start(on());
    g.destroy();
    g.acceptAll();
    expect(calls()).to.have.length(1);
  });

  it('consentModeState: "preferences" grants functionality and personalisation; unknown categories grant nothing', () => {
    const state = (granted: string[]) => consentModeState((name) => granted.includes(name));
    expect(state(['preferences'])).to.deep.equal({
      ...DENIED,
      functionality_storage: 'granted',
      personalization_storage: 'granted',
    });
    expect(state(['functional'])).to.deep.equal(DENIED);
    expect(state(['social', 'necessary'])).to.deep.equal(DENIED);
  });

  it('a garde_consent event after each decision and withdrawal: method, categories, services, never the consent id', () => {
    const g = start(on());
    g.set({ analytics: true, youtube: false });
    g.withdraw();
    expect(events()).to.deep.equal([
      {
        event: 'garde_consent',
        garde: {
          method: 'custom',
          categories: { necessary: true, analytics: true, marketing: false },
          services: { youtube: false },
        },
      },
      { event: 'garde_consent', garde: { method: 'withdraw', categories: {}, services: {} } },
    ]);
    expect(JSON.stringify(w.dataLayer)).not.to.contain(g.consent?.id ?? 'no decision');
  });

  it('once on load with a stored decision, after the update', () => {
    start(on()).rejectAll();
    delete w.dataLayer;
    delete w.gtag;
    start(on());
    expect(w.dataLayer!.map((entry) => (isEvent(entry) ? entry.event : entry[1]))).to.deep.equal([
      'default',
      'update',
      'garde_consent',
    ]);
    expect(events()[0]!.garde.method).to.equal('reject-all');
  });

  it('a custom mapping of categories and services, a region, ads_data_redaction and url_passthrough', () => {
    const g = start(
      config({
        integrations: {
          consentMode: {
            map: {
              analytics: ['analytics_storage'],
              youtube: ['ad_storage', 'personalization_storage'],
              marketing: ['ad_user_data'],
            },
            region: ['BE', 'NL'],
            ads_data_redaction: true,
            url_passthrough: false,
          },
        },
      }),
    );
    g.set({ marketing: true, youtube: false });
    g.set({ youtube: true });
    expect(calls()).to.deep.equal([
      ['consent', 'default', { ...DENIED, wait_for_update: 500, region: ['BE', 'NL'] }],
      ['set', 'ads_data_redaction', true],
      ['set', 'url_passthrough', false],
      [
        'consent',
        'update',
        {
          security_storage: 'granted',
          analytics_storage: 'denied',
          ad_storage: 'denied',
          personalization_storage: 'denied',
          ad_user_data: 'granted',
        },
      ],
      [
        'consent',
        'update',
        {
          security_storage: 'granted',
          analytics_storage: 'denied',
          ad_storage: 'granted',
          personalization_storage: 'granted',
          ad_user_data: 'granted',
        },
      ],
    ]);
  });

  it('options that are not an object or a boolean: reported, and no Consent Mode', () => {
    const errors: unknown[] = [];
    const { error } = console;
    console.error = (message: unknown) => void errors.push(message);
    try {
      start(config({ integrations: { consentMode: 'yes' } })).acceptAll();
    } finally {
      console.error = error;
    }
    expect(errors).to.deep.equal([
      'garde: config.integrations.consentMode: expected true, false or options',
    ]);
    expect(w.dataLayer).to.equal(undefined);
  });
});
