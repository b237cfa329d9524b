import { expect } from '@open-wc/testing';
import { text, translations } from '../../src/i18n/index.js';
import { BUTTONS, LANGS } from '../components/helpers.js';

describe('i18n', () => {
  it('has every built-in string, non-empty, in all four languages', () => {
    const keys = Object.keys(translations.en).sort();
    for (const l of LANGS) {
      expect(Object.keys(translations[l]).sort(), l).to.deep.equal(keys);
      for (const k of keys)
        expect(translations[l][k as keyof typeof translations.en].trim(), `${l}.${k}`).to.not.equal(
          '',
        );
    }
  });

  it('uses the exact button texts of the issue', () => {
    for (const l of LANGS) {
      const t = translations[l];
      expect([t.accept, t.reject, t.customise, t.save, t.settings]).to.deep.equal(
        Object.values(BUTTONS[l]),
      );
    }
  });

  it('falls back to another language for a config text, never blank, and warns once', () => {
    const warn = console.warn;
    const seen: unknown[] = [];
    console.warn = (...a: unknown[]) => seen.push(a);
    try {
      expect(text({ fr: 'Mesure', nl: 'Meting' }, 'nl')).to.equal('Meting');
      expect(text('Matomo', 'de')).to.equal('Matomo');
      expect(text({ fr: 'Mesure' }, 'de')).to.equal('Mesure');
      expect(text({ en: 'Measure', fr: 'Mesure' }, 'nl')).to.equal('Measure');
      expect(text(undefined, 'fr', 'analytics')).to.equal('analytics');
      expect(text({}, 'fr', 'analytics')).to.equal('analytics');
      expect(text('', 'fr', 'analytics')).to.equal('analytics');
    } finally {
      console.warn = warn;
    }
    expect(seen).to.have.length(1);
    expect(String((seen[0] as unknown[])[0])).to.match(/garde: .*"de"/);
  });
});
