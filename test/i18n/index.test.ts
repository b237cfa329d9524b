import { expect } from '@open-wc/testing';
import { localisedText, translations } from '../../src/i18n/index.js';
import { BUTTONS, LANGS } from '../components/helpers.js';

describe('i18n', () => {
  it('has every built-in string, non-empty, in all four languages', () => {
    const keys = Object.keys(translations.en).sort();
    for (const lang of LANGS) {
      expect(Object.keys(translations[lang]).sort(), lang).to.deep.equal(keys);
      for (const key of keys) {
        const value = translations[lang][key as keyof typeof translations.en];
        expect(value.trim(), `${lang}.${key}`).to.not.equal('');
      }
    }
  });

  it('uses the exact button texts of the issue', () => {
    for (const lang of LANGS) {
      const strings = translations[lang];
      expect([
        strings.accept,
        strings.reject,
        strings.customise,
        strings.save,
        strings.settings,
      ]).to.deep.equal(Object.values(BUTTONS[lang]));
    }
  });

  it('falls back to another language for a config text, never blank, and warns once', () => {
    const warn = console.warn;
    const seen: unknown[] = [];
    console.warn = (...args: unknown[]) => seen.push(args);
    try {
      expect(localisedText({ fr: 'Mesure', nl: 'Meting' }, 'nl')).to.equal('Meting');
      expect(localisedText('Matomo', 'de')).to.equal('Matomo');
      expect(localisedText({ fr: 'Mesure' }, 'de')).to.equal('Mesure');
      expect(localisedText({ en: 'Measure', fr: 'Mesure' }, 'nl')).to.equal('Measure');
      expect(localisedText(undefined, 'fr', 'analytics')).to.equal('analytics');
      expect(localisedText({}, 'fr', 'analytics')).to.equal('analytics');
      expect(localisedText('', 'fr', 'analytics')).to.equal('analytics');
    } finally {
      console.warn = warn;
    }
    expect(seen).to.have.length(1);
    expect(String((seen[0] as unknown[])[0])).to.match(/garde: .*"de"/);
  });
});
