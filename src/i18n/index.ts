// The UI's languages, the site's own wording over them, and the fallback for texts the page's
// config gives per language.
import type { GardeConfig, Lang, LocalisedText } from '../core/types.js';
import { translations } from './languages.js';
import type { Translation } from './translation.js';

export type { Translation } from './translation.js';
export { translations };

/**
 * A storage key or other storage as the dialog, the snapshot and `<garde-notice>` list it, its
 * texts in the page's language ('' where the config gives none).
 */
export interface StorageItem {
  lifetime: string;
  name: string;
  provider: string;
  purpose: string;
  /** What it is: `Cookie`, `IndexedDB`, `localStorage`, `sessionStorage`. */
  term: string;
}

/** Every string the banner and the dialog render for a language, the config's texts over them. */
export type UiStrings = Translation;

/**
 * A config text in `lang`. When the config lacks that language, another one is used (English,
 * then French, Dutch, German) rather than a blank; `validateConfig` has named the field in a
 * warning. `fallback` is used when the config has no text.
 */
export function localisedText(value: LocalisedText | undefined, lang: Lang, fallback = ''): string {
  if (typeof value === 'string' || !value) return value || fallback;
  return value[lang] || value.en || value.fr || value.nl || value.de || fallback;
}

/**
 * The strings the UI renders in `lang`: garde's, with the site's own wording (`config.texts`)
 * over them, the first-layer text naming the categories the visitor may accept, and saying that
 * visits are counted anonymously meanwhile when they are. The one place where they are worked
 * out, for the elements and for a record of what was shown (garde's own storage, described in
 * them, is storage-items.ts's).
 */
export function uiStrings(config: GardeConfig, lang: Lang): UiStrings {
  const strings = { ...translations[lang], ...config.texts[lang] } as UiStrings;
  const labels = Object.entries(config.categories)
    .slice(1)
    .map(([name, category]) => localisedText(category.label, lang, name));
  strings.text = strings.text.replace('{categories}', labels.join(', '));
  if (config.analyticsEndpoint && config.analytics.preConsent === 'anonymous')
    strings.text += ' ' + strings.anonymous;
  return strings;
}
