// The warnings for a site's author: named, once each, and only where the config deserves them.
import { expect } from '@open-wc/testing';
import {
  analyticsRetentionWarning,
  authorWarnings,
  consentDaysWarning,
  cookieSizeWarning,
  noticeRetention,
  undescribedStorageWarnings,
  warnAuthor,
} from '../../src/core/author-warnings.js';
import { validateConfig } from '../../src/core/config.js';
import { formatConsentCookie } from '../../src/core/cookie-format.js';

const base = { policy: { url: '/fr/vie-privee', version: '2020-12-07' } };
const described = { name: '_pk_id.*', purpose: 'Returning visitor', lifetime: '13 months' };

/** The validated config, and what validateConfig and `run` print to the console. */
function printed(input: unknown, run: (config: ReturnType<typeof validateConfig>) => unknown) {
  const lines: string[] = [];
  const { error, warn } = console;
  console.error = (message: string) => lines.push(message);
  console.warn = (message: string) => lines.push(message);
  try {
    const config = validateConfig(input);
    const before = lines.length;
    const result = run(config);
    return { config, result, lines: lines.slice(before) };
  } finally {
    Object.assign(console, { error, warn });
  }
}

describe('author warnings', () => {
  it('say nothing of a config that describes everything and keeps things briefly', () => {
    const input = {
      ...base,
      categories: { analytics: {} },
      services: {
        matomo: {
          category: 'analytics',
          cookies: [described],
          storage: [{ name: '_pk_*', purpose: 'Visitor', lifetime: 'Until withdrawn' }],
        },
      },
      cookie: { days: 182 },
      retention: { records: 1826, analytics: 762 },
    };
    expect(printed(input, authorWarnings).result).to.deep.equal([]);
  });

  it('name each cookie and storage key without purpose or lifetime, and what it lacks', () => {
    const input = {
      ...base,
      categories: { analytics: {} },
      services: {
        matomo: {
          category: 'analytics',
          cookies: ['_pk_ses.*', described, { name: 'mtm', purpose: 'Consent' }],
          storage: ['_pk_*'],
        },
      },
    };
    const warnings = printed(input, undescribedStorageWarnings).result as string[];
    expect(warnings).to.have.length(3);
    expect(warnings[0]).to.match(
      /^garde: config\.services\.matomo\.cookies\[0\] \(_pk_ses\.\*\): no purpose or lifetime;/,
    );
    expect(warnings[1]).to.match(
      /^garde: config\.services\.matomo\.cookies\[2\] \(mtm\): no lifetime;/,
    );
    expect(warnings[2]).to.match(
      /^garde: config\.services\.matomo\.storage\[0\] \(_pk_\*\): no purpose/,
    );
  });

  it('warn about a cookie.days over 190 and say why; 190 itself passes', () => {
    const over = printed({ ...base, cookie: { days: 395 } }, consentDaysWarning).result as string[];
    expect(over).to.have.length(1);
    expect(over[0]).to.match(/^garde: config\.cookie\.days: 395 is over 190;/);
    expect(over[0]).to.contain('about six months');
    expect(printed({ ...base, cookie: { days: 190 } }, consentDaysWarning).result).to.deep.equal(
      [],
    );
  });

  it('warn about an analytics retention over 25 months (762 days); 762 passes', () => {
    const over = printed({ ...base, retention: { analytics: 800 } }, analyticsRetentionWarning)
      .result as string[];
    expect(over).to.have.length(1);
    expect(over[0]).to.match(/^garde: config\.retention\.analytics: 800 days is over 25 months/);
    expect(
      printed({ ...base, retention: { analytics: 762 } }, analyticsRetentionWarning).result,
    ).to.deep.equal([]);
  });

  it('warn when the consent cookie could outgrow the 4,096 bytes browsers keep; a usual config passes', () => {
    const services = (count: number) =>
      Object.fromEntries(
        Array.from({ length: count }, (_, i) => [
          `service-${i}-${'x'.repeat(50)}`,
          { category: 'analytics' },
        ]),
      );
    const config = (count: number) =>
      validateConfig({ ...base, categories: { analytics: {} }, services: services(count) });
    expect(cookieSizeWarning(config(30))).to.deep.equal([]);
    const [warning, ...more] = cookieSizeWarning(config(70));
    expect(more).to.deep.equal([]);
    expect(warning).to.match(
      /^garde: config\.services: the consent cookie can reach \d+ bytes, over the 4096/,
    );
    expect(authorWarnings(config(70))).to.include(warning);
    // The figure is the length of the longest cookie garde itself would write for that config.
    const names = Object.keys(config(70).services);
    const longest = formatConsentCookie(
      {
        id: '0f8fad5b-d9cb-469f-a165-70867728950e',
        version: '2020-12-07',
        decidedAt: 4102444800,
        method: 'custom',
        gpc: true,
        categories: ['analytics'],
        services: Object.fromEntries(names.map((name) => [name, true])),
      },
      names,
    );
    expect(warning).to.include(` ${'garde_consent='.length + longest.length} bytes`);
  });

  it('print each warning once per page, however many times they are asked for', () => {
    const input = { ...base, cookie: { days: 377 } };
    const { lines } = printed(input, (config) => {
      warnAuthor(config);
      warnAuthor(config);
    });
    expect(lines.filter((line) => line.includes('cookie.days: 377'))).to.have.length(1);
  });

  it('the retention: the collector defaults, the config figures, an invalid one reported', () => {
    expect(printed(base, noticeRetention).result).to.deep.equal({ records: 1826, analytics: 762 });
    const given = printed(
      { ...base, retention: { records: 365, analytics: 400 } },
      noticeRetention,
    );
    expect(given.result).to.deep.equal({ records: 365, analytics: 400 });
    expect(given.lines, 'a known top-level field').to.deep.equal([]);
    const invalid = printed({ ...base, retention: { records: 'forever' } }, noticeRetention);
    expect(invalid.result).to.deep.equal({ records: 1826, analytics: 762 });
    expect(invalid.lines).to.deep.equal([
      'garde: config.retention.records: expected a whole number of days',
    ]);
  });
});
