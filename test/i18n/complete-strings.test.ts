// completeStrings() (complete-strings.ts): what an on-demand file does to garde.js's strings, from
// which the build left out the keys the first layer never renders.
import { expect } from '@open-wc/testing';
import { completeStrings } from '../../src/i18n/complete-strings.js';
import { en } from '../../src/i18n/en.js';
import { translations } from '../../src/i18n/index.js';

describe('completeStrings', () => {
  const whole = translations.en;
  afterEach(() => {
    translations.en = whole;
  });

  it('adds every key a language lacks, and keeps the values it has', () => {
    const { intro: _intro, embedLoad: _embedLoad, ...firstLayer } = en;
    translations.en = { ...firstLayer, title: 'Kept' } as typeof en;
    completeStrings();
    expect(translations.en).to.deep.equal({ ...en, title: 'Kept' });
  });
});
