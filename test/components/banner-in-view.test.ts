// "Reject all" in full view on arrival, on phones and on a desktop, whatever the length of the
// first layer's text (banner.styles.ts: the buttons stay pinned, the text scrolls above them).
// What an auditor checks: the button's box against the window, and that what is painted at its
// corners and centre is the button itself (nothing covers it); "Accept all" never more visible.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { Lang } from '../../src/core/types.js';
import { $, banner, frame, LANGS, reset, start } from './helpers.js';

const SIZES = [
  { width: 320, height: 568 },
  { width: 360, height: 640 },
  { width: 375, height: 667 },
  { width: 1280, height: 800 },
];

/** A site's first-layer text of 400 characters, in each language (`texts.<lang>.text`). */
const LONG: Record<Lang, string> = {
  fr: 'L’INAMI utilise des cookies nécessaires au fonctionnement du site. Avec votre accord, il mesure aussi l’audience (Matomo, hébergé par l’INAMI) du site pour l’améliorer, et affiche des vidéos d’un autre site, qui dépose ses propres cookies. Vous pouvez refuser sans conséquence, accepter, ou choisir par catégorie, et changer d’avis à tout moment depuis le lien en bas de page. Merci de votre visite.',
  nl: 'Het RIZIV gebruikt cookies die nodig zijn voor de werking van de website. Met uw toestemming meet het ook het bezoek aan de website (Matomo, gehost door het RIZIV) om ze te verbeteren, en toont het video’s van een andere website, die eigen cookies plaatst. U kunt zonder gevolgen weigeren, aanvaarden of per categorie kiezen, en op elk moment van mening veranderen via de link onderaan. Bedankt.',
  de: 'Das LIKIV in Brüssel verwendet für den Betrieb der Website notwendige Cookies. Mit Ihrer Einwilligung misst es auch die Nutzung der Website (Matomo, beim LIKIV gehostet), um sie zu verbessern, und zeigt Videos einer anderen Website, die eigene Cookies setzt. Sie können ohne Folgen ablehnen, annehmen oder nach Kategorie wählen und Ihre Wahl jederzeit über den Link unten ändern. Vielen Dank.',
  en: 'NIHDI, Avenue Galilée 5/01, 1210 Brussels, uses the cookies the site needs to work. With your consent, it also measures the site’s audience (Matomo, hosted by NIHDI) to improve it, and shows videos from another site, which sets its own cookies. You may refuse without any consequence, accept, or choose by category, and change your mind at any time with the link at the bottom of every page. Thanks.',
};

/** The share of `element`'s box inside the window (0 to 1). */
function visibleShare(element: Element): number {
  const box = element.getBoundingClientRect();
  const width = Math.min(box.right, innerWidth) - Math.max(box.left, 0);
  const height = Math.min(box.bottom, innerHeight) - Math.max(box.top, 0);
  return (Math.max(width, 0) * Math.max(height, 0)) / (box.width * box.height);
}

/**
 * The points of `element`'s box where nothing may cover it: its corners (2px in, inside the
 * default 4px rounding) and centre.
 */
function points(element: Element): Array<[number, number]> {
  const { left, top, right, bottom } = element.getBoundingClientRect();
  return [
    [left + 2, top + 2],
    [right - 2, top + 2],
    [left + 2, bottom - 2],
    [right - 2, bottom - 2],
    [(left + right) / 2, (top + bottom) / 2],
  ];
}

describe('<garde-banner>: "Reject all" in full view on arrival', () => {
  beforeEach(reset);
  after(async () => {
    await reset();
    await setViewport({ width: 800, height: 600 });
  });

  for (const { width, height } of SIZES)
    for (const lang of LANGS)
      for (const long of [false, true])
        it(`at ${width}×${height}, in ${lang}, with ${long ? "a site's 400-character text" : "garde's text"}`, async () => {
          expect(LONG[lang].length).to.be.within(390, 400);
          await setViewport({ width, height });
          const texts = long ? Object.fromEntries(LANGS.map((l) => [l, { text: LONG[l] }])) : {};
          start({ lang, texts });
          await frame();
          const host = banner()!;
          const reject = $(host, '[part~=reject]');
          const accept = $(host, '[part~=accept]');
          const box = reject.getBoundingClientRect();
          expect(box.height, 'rendered').to.be.above(0);
          expect(box.left).to.be.at.least(0);
          expect(box.top).to.be.at.least(0);
          expect(box.right).to.be.at.most(innerWidth);
          expect(box.bottom).to.be.at.most(innerHeight);
          for (const [x, y] of points(reject)) {
            // Compared, not printed: a failing chai message would walk the element's garde.
            const hit = host.shadowRoot!.elementFromPoint(x, y);
            const what = `${hit?.localName} ${hit?.getAttribute('part')} at ${x},${y}`;
            expect(hit === reject, `uncovered, but found ${what}`).to.be.true;
          }
          expect(visibleShare(reject)).to.equal(1);
          expect(visibleShare(accept)).to.be.at.most(visibleShare(reject));
          // The page is not scrolled to get there.
          expect(scrollY).to.equal(0);
        });

  for (const { width, height } of SIZES)
    it(`at ${width}×${height}, its fallback form (the dialog could not load): "Reject all" and "Withdraw my consent" in view`, async () => {
      await setViewport({ width, height });
      const garde = start({ lang: 'de' });
      garde.acceptAll();
      const host = document.createElement('garde-banner');
      host.garde = garde;
      host.__fallback = true;
      host.dataset.test = '';
      document.body.prepend(host);
      await frame();
      for (const name of ['reject', 'withdraw']) {
        const button = $(host, `[part~=${name}]`);
        expect(visibleShare(button), name).to.equal(1);
        for (const [x, y] of points(button))
          expect(host.shadowRoot!.elementFromPoint(x, y) === button, `${name} at ${x},${y}`).to.be
            .true;
      }
    });
});
