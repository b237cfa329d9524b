// The site's own words on the first layer (config.texts), in the real banner and dialog: given
// in all four languages they replace garde's; given in only some, a named error and garde's text
// in every language, never a mix.
import { expect } from '@open-wc/testing';
import { translations } from '../../src/i18n/index.js';
import {
  $,
  banner,
  dialog,
  frame,
  LANGS,
  openDialog,
  prefs,
  reset,
  start,
} from '../components/helpers.js';

const OURS = {
  fr: { title: 'L’INAMI et les cookies', intro: 'Choisissez ce que l’INAMI peut mesurer.' },
  nl: { title: 'Het RIZIV en cookies', intro: 'Kies wat het RIZIV mag meten.' },
  de: { title: 'Das LIKIV und Cookies', intro: 'Wählen Sie, was das LIKIV messen darf.' },
  en: { title: 'NIHDI and cookies', intro: 'Choose what NIHDI may measure.' },
};

/** Runs `work` with console.error captured; returns the messages. */
async function errorsOf(work: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const { error } = console;
  console.error = (message: string) => errors.push(message);
  try {
    await work();
  } finally {
    console.error = error;
  }
  return errors;
}

const bannerText = () => $(banner(), '[part=text]').textContent!.replace(/\s+/g, ' ').trim();

describe('config.texts in the banner and the dialog', () => {
  beforeEach(reset);
  after(reset);

  for (const lang of LANGS)
    it(`the site's words replace garde's (${lang}), the buttons stay garde's; axe`, async () => {
      document.documentElement.lang = lang;
      const garde = start({ texts: OURS });
      await frame();
      expect($(banner(), '#title').textContent).to.equal(OURS[lang].title);
      expect($(banner(), '[part~=accept]').textContent).to.equal(translations[lang].accept);
      await expect(banner()).to.be.accessible();
      await openDialog(garde);
      expect(dialog().open).to.be.true;
      expect($(prefs(), '[part=text]').textContent).to.include(OURS[lang].intro);
      await expect(prefs()).to.be.accessible();
    });

  for (const lang of LANGS)
    it(`a key given in some languages only: a named error, garde's words in every language (${lang})`, async () => {
      document.documentElement.lang = lang;
      const partial = { ...OURS, de: { intro: OURS.de.intro }, en: { intro: OURS.en.intro } };
      const errors = await errorsOf(async () => {
        start({ texts: partial });
        await frame();
      });
      expect(errors).to.deep.equal([
        'garde: config.texts.title: expected a text in each of fr,nl,de,en, not de,en',
      ]);
      expect($(banner(), '#title').textContent).to.equal(translations[lang].title);
    });

  it('the first layer names the categories by their labels, and the anonymous count when there is one', async () => {
    document.documentElement.lang = 'nl';
    start({ analyticsEndpoint: '/collect' });
    await frame();
    expect(bannerText()).to.equal(
      'Deze website gebruikt alleen noodzakelijke cookies, tenzij u andere aanvaardt: ' +
        'Bezoekersstatistieken, Ingesloten video’s. U kunt uw keuze altijd wijzigen. ' +
        'Tot u kiest, worden bezoeken anoniem geteld, zonder cookies. Cookiebeleid',
    );
    await reset();
    start({ analyticsEndpoint: '/collect', analytics: { preConsent: 'none' } });
    await frame();
    expect(bannerText()).to.not.include('anonym');
  });
});
