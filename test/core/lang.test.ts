import { expect } from '@open-wc/testing';
import { resolveLang } from '../../src/core/lang.js';

describe('resolveLang', () => {
  it('maps regional and differently cased tags to the four languages', () => {
    expect(resolveLang('nl-BE')).to.equal('nl');
    expect(resolveLang('FR_be')).to.equal('fr');
    expect(resolveLang('DE')).to.equal('de');
    expect(resolveLang('en-GB')).to.equal('en');
  });

  it('takes the first candidate that maps, skipping empty and unknown ones', () => {
    expect(resolveLang(null, undefined, '', 'es', 'de-BE', 'fr')).to.equal('de');
  });

  it('does not read a language out of a longer word', () => {
    expect(resolveLang('french', 'nlx', 'fr-')).to.equal('fr');
    expect(resolveLang('french')).to.equal('en');
    // config.lang "auto" is passed as it is: it must give way to <html lang>.
    expect(resolveLang('auto', 'nl-BE')).to.equal('nl');
  });

  it('falls back to en', () => {
    expect(resolveLang()).to.equal('en');
    expect(resolveLang('it-IT')).to.equal('en');
  });
});
