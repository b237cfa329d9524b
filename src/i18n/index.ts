// The UI's languages, the site's own wording over them, and the fallback for texts the page's
// config gives per language.
import type { GardeConfig, Lang, LocalisedText } from '../core/types.js';
import { translations } from './languages.js';
import type { Translation } from './translation.js';

export type { Translation } from './translation.js';
export { translations };

/** A cookie or other storage as the dialog lists it, its texts in the page's language. */
export interface StorageItem {
  /** What it is: `Cookie`, `IndexedDB`, `sessionStorage`. */
  term: string;
  name: string;
  provider?: string;
  purpose?: string;
  lifetime?: string;
}

/** Every string the banner and the dialog render for a language, besides the config's texts. */
export interface UiStrings extends Translation {
  /** garde's own storage, listed under "necessary". */
  storage: StorageItem[];
}

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
 * visits are counted anonymously meanwhile when they are; and garde's own storage, described.
 * The one place where they are worked out, for the elements and for a record of what was shown.
 */
export function uiStrings(config: GardeConfig, lang: Lang): UiStrings {
  const strings = { ...translations[lang], ...config.texts[lang] } as UiStrings;
  const labels = Object.entries(config.categories)
    .slice(1)
    .map(([name, category]) => localisedText(category.label, lang, name));
  strings.text = strings.text.replace('{categories}', labels.join(', '));
  const { preConsent } = config.analytics;
  const counting = !!config.analyticsEndpoint;
  if (counting && preConsent === 'anonymous') strings.text += ' ' + strings.anonymous;
  // Made when first read (the dialog, a decision's snapshot), not for the banner: the first
  // Intl.NumberFormat of a page takes tens of milliseconds on a phone.
  let storage: StorageItem[] | undefined;
  Object.defineProperty(strings, 'storage', {
    enumerable: true,
    get: () => (storage ??= storageItems(config, lang, strings, counting)),
  });
  return strings;
}

/** garde's own storage, described in `lang`: listed under "necessary" in the dialog. */
function storageItems(
  config: GardeConfig,
  lang: Lang,
  strings: Translation,
  counting: boolean,
): StorageItem[] {
  const days = new Intl.NumberFormat(lang, { style: 'unit', unit: 'day', unitDisplay: 'long' });
  const items: StorageItem[] = [
    {
      term: 'Cookie',
      name: config.cookie.name,
      purpose: strings.consentCookie,
      lifetime: days.format(config.cookie.days),
    },
    // Each entry of the log expires with the decision it records (src/core/history.ts).
    {
      term: 'IndexedDB',
      name: 'garde',
      purpose: strings.log,
      lifetime: days.format(config.cookie.days),
    },
  ];
  // The session id exists only after analytics consent, with the `session` extra.
  if (counting && config.analytics.afterConsent.includes('session'))
    items.push({
      term: 'sessionStorage',
      name: 'garde.sid',
      purpose: strings.session,
      lifetime: strings.sessionLifetime,
    });
  return items;
}
