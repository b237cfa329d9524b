// The UI's languages and the fallback for texts the page's config gives per language.
import type { Lang, LocalisedText } from '../core/types.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';
import { de } from './de.js';

export type { Translation } from './translation.js';

/** The built-in strings, by language. */
export const translations = { fr, nl, de, en };

let warned = false;

/**
 * A config text in `lang`. When the config lacks that language, another one is used (English,
 * then French, Dutch, German) rather than a blank, and the console says so once per page: the
 * drop-in is what authors test with, so the warning is not limited to a development build, but a
 * single line keeps production consoles quiet. `fallback` is used when the config has no text.
 */
export function localisedText(value: LocalisedText | undefined, lang: Lang, fallback = ''): string {
  if (typeof value === 'string' || !value) return value || fallback;
  const own = value[lang];
  if (own) return own;
  const other = value.en || value.fr || value.nl || value.de;
  if (other && !warned) {
    warned = true;
    console.warn(`garde: config text without "${lang}", showing "${other}"`);
  }
  return other || fallback;
}
