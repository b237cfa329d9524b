import { expect } from '@open-wc/testing';
import { validateConfig } from '../../src/core/config.js';
import { localisedText, translations, uiStrings } from '../../src/i18n/index.js';
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

  it('falls back to another language for a config text, never blank (config.ts names the field)', () => {
    expect(localisedText({ fr: 'Mesure', nl: 'Meting' }, 'nl')).to.equal('Meting');
    expect(localisedText('Matomo', 'de')).to.equal('Matomo');
    expect(localisedText({ fr: 'Mesure' }, 'de')).to.equal('Mesure');
    expect(localisedText({ en: 'Measure', fr: 'Mesure' }, 'nl')).to.equal('Measure');
    expect(localisedText(undefined, 'fr', 'analytics')).to.equal('analytics');
    expect(localisedText({}, 'fr', 'analytics')).to.equal('analytics');
    expect(localisedText('', 'fr', 'analytics')).to.equal('analytics');
  });

  it('French typography: a narrow no-break space before a colon, never a plain one or none', () => {
    for (const value of Object.values(translations.fr))
      expect(value, value).to.not.match(/(^|[^\u202f]):/);
    expect(translations.fr.id).to.equal('Identifiant du consentement\u202f:');
  });

  it('uiStrings: the site’s texts over garde’s, the categories named in the first layer, the anonymous count said', () => {
    const config = validateConfig({
      policy: { url: '/', version: '1' },
      categories: {
        analytics: { label: { fr: 'Mesure d’audience', en: 'Audience measurement' } },
        marketing: { label: 'Vidéos' },
      },
      analyticsEndpoint: '/collect',
      texts: Object.fromEntries(LANGS.map((lang) => [lang, { title: `${lang}: ours` }])),
    });
    const fr = uiStrings(config, 'fr');
    expect(fr.title).to.equal('fr: ours');
    expect(fr.accept).to.equal(BUTTONS.fr.accept);
    expect(fr.text).to.equal(
      'Ce site n’utilise que les cookies nécessaires, sauf si vous en acceptez d’autres\u202f: ' +
        'Mesure d’audience, Vidéos. Vous pouvez changer d’avis à tout moment. ' +
        translations.fr.anonymous,
    );
    for (const lang of LANGS) {
      const strings = uiStrings(config, lang);
      expect(strings.text, lang).to.include(translations[lang].anonymous);
      expect(strings.text, lang).to.not.include('{categories}');
    }
    // No counting before a choice: nothing to say.
    const silent = uiStrings(
      { ...config, analytics: { ...config.analytics, preConsent: 'none', afterConsent: [] } },
      'en',
    );
    expect(silent.text).to.not.include(translations.en.anonymous);
  });
});
