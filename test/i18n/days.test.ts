import { expect } from '@open-wc/testing';
import { formatDays } from '../../src/i18n/days.js';
import { translations } from '../../src/i18n/index.js';
import { LANGS } from '../components/helpers.js';

describe('formatDays', () => {
  it('writes what Intl.NumberFormat writes for a whole number of days, in every language', () => {
    // Every whole cookie.days the config accepts (it refuses 0 and over 400), and up to 999.
    const counts = Array.from({ length: 999 }, (_, i) => i + 1);
    for (const lang of LANGS) {
      const intl = new Intl.NumberFormat(lang, { style: 'unit', unit: 'day', unitDisplay: 'long' });
      for (const count of counts)
        expect(formatDays(count, translations[lang]), `${lang} ${count}`).to.equal(
          intl.format(count),
        );
    }
  });
});
