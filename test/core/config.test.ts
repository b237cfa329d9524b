import { expect } from '@open-wc/testing';
import { validateConfig } from '../../src/core/config.js';
import type { GardeConfig } from '../../src/core/types.js';
import { translations } from '../../src/i18n/index.js';

const base = () => ({ policy: { url: '/fr/vie-privee', version: '2020-12-07' } });

/** Validates with console.error/warn captured; returns the config and the messages. */
function check(input: unknown): { c: GardeConfig; errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const { error, warn } = console;
  console.error = (m: string) => errors.push(m);
  console.warn = (m: string) => warnings.push(m);
  try {
    return { c: validateConfig(input), errors, warnings };
  } finally {
    Object.assign(console, { error, warn });
  }
}

describe('config', () => {
  it('fills every default for a minimal valid config, silently', () => {
    const { c, errors, warnings } = check(base());
    expect(errors).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
    expect(c).to.deep.equal({
      policy: { url: '/fr/vie-privee', version: '2020-12-07' },
      categories: { necessary: {} },
      services: {},
      cookie: { name: 'garde_consent', days: 182 },
      recordEndpoint: null,
      analyticsEndpoint: null,
      analytics: {
        autoPageview: true,
        preConsent: 'anonymous',
        queryAllowlist: [],
        afterConsent: ['referrer', 'minor', 'screen', 'session'],
        category: 'analytics',
      },
      integrations: { consentMode: false, matomo: false },
      paths: { redact: [], keep: [] },
      gpc: 'refuse',
      lang: 'auto',
      reloadOnRefusal: false,
      floatingButton: 'auto',
      texts: { fr: {}, nl: {}, de: {}, en: {} },
      // Checked by <garde-notice> (author-warnings.ts), passed on as given.
      retention: undefined,
    });
  });

  it('keeps a full valid config, necessary first', () => {
    const input = {
      policy: { url: { fr: '/fr/vie-privee', nl: '/nl/privacy' }, version: 'v2' },
      categories: {
        analytics: { label: { fr: 'Mesure', nl: 'Meting' }, description: 'x' },
        necessary: { label: 'Nécessaires' },
      },
      services: {
        matomo: {
          category: 'analytics',
          label: 'Matomo',
          cookies: ['_pk_*', { name: '_pk_ses', purpose: { fr: 'session' } }],
          storage: ['_pk'],
        },
      },
      cookie: { name: 'consent', days: 30, domain: location.hostname },
      recordEndpoint: '/consent',
      analyticsEndpoint: 'https://stats.example.be/hit',
      analytics: {
        autoPageview: false,
        preConsent: 'none',
        queryAllowlist: ['q'],
        afterConsent: ['persistentId'],
        category: 'analytics',
      },
      integrations: { consentMode: true, matomo: true },
      gpc: 'ignore',
      lang: 'nl',
      reloadOnRefusal: true,
      floatingButton: true,
    };
    const { c, errors } = check(input);
    expect(errors).to.deep.equal([]);
    expect(Object.keys(c.categories)).to.deep.equal(['necessary', 'analytics']);
    expect(c.categories.necessary).to.deep.equal({ label: 'Nécessaires' });
    expect(c.services.matomo).to.deep.equal(input.services.matomo);
    expect(c.cookie).to.deep.equal(input.cookie);
    expect(c.analytics).to.deep.equal(input.analytics);
    expect([c.recordEndpoint, c.gpc, c.lang, c.reloadOnRefusal, c.floatingButton]).to.deep.equal([
      '/consent',
      'ignore',
      'nl',
      true,
      true,
    ]);
  });

  // Each case: the input, the one message expected (field and expectation), and the fallback seen.
  const cases: Array<[string, unknown, RegExp, (c: GardeConfig) => unknown, unknown]> = [
    [
      'not an object',
      'garde',
      /^garde: config: expected an object/,
      (c) => [c.policy.version, Object.keys(c.categories)],
      ['', ['necessary']],
    ],
    [
      'policy missing',
      {},
      /^garde: config\.policy: expected an object \{ url, version \}$/,
      (c) => c.policy,
      { url: '', version: '' },
    ],
    [
      'policy.version not a string',
      { policy: { url: '/p', version: 20201207 } },
      /^garde: config\.policy\.version: expected a text of 1 to 64 characters$/,
      (c) => c.policy.version,
      '',
    ],
    [
      'policy.version empty',
      { policy: { url: '/p', version: '' } },
      /^garde: config\.policy\.version: expected a text of 1 to 64 characters$/,
      (c) => c.policy.version,
      '',
    ],
    [
      'policy.version too long for the records',
      { policy: { url: '/p', version: 'v'.repeat(65) } },
      /^garde: config\.policy\.version: expected a text of 1 to 64 characters$/,
      (c) => c.policy.version,
      '',
    ],
    [
      'policy.url not text',
      { policy: { url: 42, version: '1' } },
      /^garde: config\.policy\.url: expected a text, or an object of fr\/nl\/de\/en texts$/,
      (c) => c.policy.url,
      '',
    ],
    [
      'categories an array',
      { ...base(), categories: ['analytics'] },
      /^garde: config\.categories: expected an object$/,
      (c) => c.categories,
      { necessary: {} },
    ],
    [
      'category entry not an object',
      { ...base(), categories: { analytics: true, marketing: {} } },
      /^garde: config\.categories\.analytics: expected an object with a name of letters, digits, _ and - \(entry dropped\)$/,
      (c) => Object.keys(c.categories),
      ['necessary', 'marketing'],
    ],
    [
      'category name with spaces',
      { ...base(), categories: { 'web analytics': {} } },
      /^garde: config\.categories\.web analytics: expected an object with a name of letters/,
      (c) => Object.keys(c.categories),
      ['necessary'],
    ],
    [
      'category label in an unknown language',
      { ...base(), categories: { analytics: { label: { es: 'Analítica' } } } },
      /^garde: config\.categories\.analytics\.label: expected a text, or an object of fr\/nl\/de\/en texts$/,
      (c) => c.categories.analytics,
      {},
    ],
    [
      'service of an unknown category',
      { ...base(), services: { matomo: { category: 'stats' } } },
      /^garde: config\.services\.matomo\.category: expected a configured category \(entry dropped\)$/,
      (c) => c.services,
      {},
    ],
    [
      'service named like a category',
      {
        ...base(),
        categories: { analytics: {} },
        services: { analytics: { category: 'analytics' } },
      },
      /^garde: config\.services\.analytics: expected a name unlike any category \(entry dropped\)$/,
      (c) => c.services,
      {},
    ],
    [
      'names that belong to every object',
      {
        ...base(),
        categories: { constructor: {}, a: {} },
        services: { s: { category: 'toString' } },
      },
      /^garde: config\.categories\.constructor: expected an object with a name/,
      (c) => [Object.keys(c.categories), c.services],
      [['necessary', 'a'], {}],
    ],
    [
      'service cookies not an array',
      { ...base(), categories: { a: {} }, services: { s: { category: 'a', cookies: '_pk_*' } } },
      /^garde: config\.services\.s\.cookies: expected an array$/,
      (c) => c.services.s!.cookies,
      [],
    ],
    [
      'service cookie entry without a name',
      {
        ...base(),
        categories: { a: {} },
        services: { s: { category: 'a', cookies: ['_ga', { purpose: 'x' }] } },
      },
      /^garde: config\.services\.s\.cookies\[1\]: expected a name pattern \(entry dropped\)$/,
      (c) => c.services.s!.cookies,
      ['_ga'],
    ],
    [
      'service storage entry not a string',
      { ...base(), categories: { a: {} }, services: { s: { category: 'a', storage: [1, 'k'] } } },
      /^garde: config\.services\.s\.storage\[0\]: expected a name pattern/,
      (c) => c.services.s!.storage,
      ['k'],
    ],
    [
      'described storage key with a text that is not one',
      {
        ...base(),
        categories: { a: {} },
        services: {
          s: { category: 'a', storage: [{ name: '_pk_*', purpose: 1, lifetime: '1 day' }] },
        },
      },
      /^garde: config\.services\.s\.storage\[0\]\.purpose: expected a text/,
      (c) => c.services.s!.storage,
      [{ name: '_pk_*', lifetime: '1 day' }],
    ],
    [
      'cookie not an object',
      { ...base(), cookie: 'consent' },
      /^garde: config\.cookie: expected an object$/,
      (c) => c.cookie,
      { name: 'garde_consent', days: 182 },
    ],
    [
      'cookie.name with a semicolon',
      { ...base(), cookie: { name: 'a;b' } },
      /^garde: config\.cookie\.name: expected a name of letters, digits, _ and -$/,
      (c) => c.cookie.name,
      'garde_consent',
    ],
    [
      'cookie.days negative',
      { ...base(), cookie: { days: -1 } },
      /^garde: config\.cookie\.days: expected a whole number of days from 1 to 400$/,
      (c) => c.cookie.days,
      182,
    ],
    [
      // The dialog, the snapshot and the notice write the lifetime as whole days (formatDays()).
      'cookie.days not a whole number',
      { ...base(), cookie: { days: 0.5 } },
      /^garde: config\.cookie\.days: expected a whole number of days from 1 to 400$/,
      (c) => c.cookie.days,
      182,
    ],
    [
      'cookie.days as a string',
      { ...base(), cookie: { days: '182' } },
      /^garde: config\.cookie\.days: expected a whole number/,
      (c) => c.cookie.days,
      182,
    ],
    [
      'cookie.domain of another site',
      { ...base(), cookie: { domain: 'example.org' } },
      /^garde: config\.cookie\.domain: expected this host or a parent domain$/,
      (c) => c.cookie.domain,
      undefined,
    ],
    [
      'recordEndpoint not a string',
      { ...base(), recordEndpoint: { url: '/consent' } },
      /^garde: config\.recordEndpoint: expected a URL or null$/,
      (c) => c.recordEndpoint,
      null,
    ],
    [
      'analyticsEndpoint a number',
      { ...base(), analyticsEndpoint: 8080 },
      /^garde: config\.analyticsEndpoint: expected a URL or null$/,
      (c) => c.analyticsEndpoint,
      null,
    ],
    [
      'analytics.preConsent unknown',
      { ...base(), analytics: { preConsent: 'full' } },
      /^garde: config\.analytics\.preConsent: expected "anonymous" or "none"$/,
      (c) => c.analytics.preConsent,
      'anonymous',
    ],
    [
      'analytics.afterConsent with an unknown extra',
      { ...base(), analytics: { afterConsent: ['fingerprint'] } },
      /^garde: config\.analytics\.afterConsent: expected an array of referrer,minor,screen,session,persistentId$/,
      (c) => c.analytics.afterConsent,
      ['referrer', 'minor', 'screen', 'session'],
    ],
    [
      'integrations.consentMode neither a boolean nor options',
      { ...base(), integrations: { consentMode: 'yes' } },
      /^garde: config\.integrations\.consentMode: expected true, false or options$/,
      (c) => c.integrations.consentMode,
      false,
    ],
    [
      'gpc unknown',
      { ...base(), gpc: 'honour' },
      /^garde: config\.gpc: expected "refuse" or "ignore"$/,
      (c) => c.gpc,
      'refuse',
    ],
    [
      'lang unknown',
      { ...base(), lang: 'es' },
      /^garde: config\.lang: expected "auto" or "fr" or "nl" or "de" or "en"$/,
      (c) => c.lang,
      'auto',
    ],
    [
      'reloadOnRefusal a string',
      { ...base(), reloadOnRefusal: 'true' },
      /^garde: config\.reloadOnRefusal: expected true or false$/,
      (c) => c.reloadOnRefusal,
      false,
    ],
    [
      'floatingButton a string but "auto"',
      { ...base(), floatingButton: 'yes' },
      /^garde: config\.floatingButton: expected "auto" or true or false$/,
      (c) => c.floatingButton,
      'auto',
    ],
  ];

  for (const [name, input, message, pick, fallback] of cases)
    it(`invalid: ${name} → a named error and the safe fallback`, () => {
      const { c, errors } = check(input);
      expect(errors).to.have.length(name.startsWith('names that') ? 2 : 1, errors.join('\n'));
      expect(errors[0]).to.match(message);
      expect(pick(c)).to.deep.equal(fallback);
      expect(Object.keys(c.categories)[0]).to.equal('necessary');
    });

  it('reports each invalid field once, and keeps the valid ones', () => {
    const { c, errors } = check({ ...base(), cookie: { name: 1, days: 0 }, gpc: 1, lang: 'fr' });
    expect(errors.map((e) => e.split(':')[1])).to.deep.equal([
      ' config.cookie.name',
      ' config.cookie.days',
      ' config.gpc',
    ]);
    expect(c.lang).to.equal('fr');
  });

  it('warns about unknown top-level fields (typos)', () => {
    const { warnings, errors } = check({ ...base(), recordEndPoint: '/consent' });
    expect(errors).to.deep.equal([]);
    expect(warnings).to.deep.equal(['garde: config.recordEndPoint is unknown']);
  });

  describe('texts: the site’s own wording', () => {
    const title = {
      fr: 'Cookies à l’INAMI',
      nl: 'Cookies bij het RIZIV',
      de: 'Cookies beim LIKIV',
    };
    const all = { ...title, en: 'Cookies at NIHDI' };
    /** `texts` as the config gives it: by language, then by key. */
    const byLang = (key: string, values: Record<string, string>) =>
      Object.fromEntries(Object.entries(values).map(([lang, text]) => [lang, { [key]: text }]));

    it('keeps a key given in all four languages, silently', () => {
      const { c, errors, warnings } = check({ ...base(), texts: byLang('title', all) });
      expect([...errors, ...warnings]).to.deep.equal([]);
      expect(c.texts).to.deep.equal(byLang('title', all));
    });

    it('a key missing in some languages: a named error, and garde’s text in every language', () => {
      const texts = byLang('title', title);
      texts.en = { intro: 'Our words' };
      const { c, errors } = check({ ...base(), texts });
      expect(errors).to.deep.equal([
        'garde: config.texts.title: expected a text in each of fr,nl,de,en, not en',
        'garde: config.texts.intro: expected a text in each of fr,nl,de,en, not fr,nl,de',
      ]);
      expect(c.texts).to.deep.equal({ fr: {}, nl: {}, de: {}, en: {} });
    });

    it('the three first-layer buttons keep garde’s words: a named error', () => {
      for (const key of ['accept', 'reject', 'customise']) {
        const { c, errors } = check({ ...base(), texts: byLang(key, all) });
        expect(errors).to.deep.equal([`garde: config.texts.${key}: expected garde's own label`]);
        expect(c.texts.fr).to.deep.equal({});
      }
    });

    it('not an object, or a text that is not a string: named, never thrown', () => {
      expect(check({ ...base(), texts: 'Cookies' }).errors).to.deep.equal([
        'garde: config.texts: expected an object',
      ]);
      const { errors } = check({ ...base(), texts: byLang('title', { ...all, de: 3 as never }) });
      expect(errors).to.deep.equal([
        'garde: config.texts.title: expected a text in each of fr,nl,de,en, not de',
      ]);
    });

    it('every key but the three buttons is a key of garde’s own strings (the UI’s Translation)', () => {
      const keys = Object.keys(translations.en).filter(
        (key) => !/^(accept|reject|customise)$/.test(key),
      );
      const texts = Object.fromEntries(
        ['fr', 'nl', 'de', 'en'].map((lang) => [
          lang,
          Object.fromEntries(keys.map((key) => [key, key])),
        ]),
      );
      const { c, errors } = check({ ...base(), texts });
      expect(errors).to.deep.equal([]);
      expect(Object.keys(c.texts.nl!)).to.deep.equal(keys);
    });
  });

  it('a config text without the page’s language: a warning that names the field (another language is shown)', () => {
    const html = document.documentElement;
    const pageLang = html.lang;
    html.lang = 'de';
    try {
      const { warnings, errors } = check({
        ...base(),
        categories: {
          analytics: { label: { fr: 'Mesure', de: 'Messung' }, description: { fr: 'x' } },
        },
        services: {
          matomo: {
            category: 'analytics',
            cookies: ['_pk_ses', { name: '_pk_id', purpose: { en: 'visitor', fr: 'visiteur' } }],
          },
        },
      });
      expect(errors).to.deep.equal([]);
      expect(warnings).to.deep.equal([
        'garde: config.categories.analytics.description: no "de" text, another language is shown',
        'garde: config.services.matomo.cookies[1].purpose: no "de" text, another language is shown',
      ]);
      expect(
        check({ ...base(), lang: 'fr', categories: { a: { label: { fr: 'A' } } } }).warnings,
      ).to.deep.equal([]);
    } finally {
      html.lang = pageLang;
    }
  });

  it('never throws, whatever it is given', () => {
    const hostile = [
      null,
      undefined,
      0,
      [],
      () => 0,
      Object.create(null),
      { policy: null, categories: null, services: null },
      { policy: { version: {} }, services: { s: null } },
    ];
    for (const input of hostile) expect(() => check(input)).to.not.throw();
  });
});
