// The strings that only the dialog, the placeholder, the notice and a record of what was shown
// use (garde's own storage described, the dialog's labels, the placeholder's text) are not in the
// drop-in's first file: the build leaves there only the keys of FirstLayerTranslation
// (translation.ts, rollup.config.mjs), and each on-demand file that renders the rest carries them
// in the four languages and calls completeStrings() before it defines its element. In the source
// and the ESM build every language is whole, and this changes nothing.
import { de } from './de.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';
import { translations } from './index.js';

/** Adds to garde.js's strings, in each language it has, every key it lacks. */
export function completeStrings(): void {
  const whole = { fr, nl, de, en };
  for (const lang of Object.keys(translations) as Array<keyof typeof translations>)
    translations[lang] = { ...whole[lang], ...translations[lang] };
}
