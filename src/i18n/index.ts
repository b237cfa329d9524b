// The UI's languages, the site's own wording over them, and the fallback for texts the page's
// config gives per language.
import type { GardeConfig, Lang, LocalisedText } from '../core/types.js';
import { formatDays } from './days.js';
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
  // Made when first read (the dialog, a decision's snapshot, a placeholder), not for the banner.
  let storage: StorageItem[] | undefined;
  Object.defineProperty(strings, 'storage', {
    enumerable: true,
    get: () => (storage ??= storageItems(config, strings, counting)),
  });
  return strings;
}

/**
 * garde's own storage, described in the language of `strings`, set by the site itself (its provider): listed under
 * "necessary" in the dialog, the snapshot and `<garde-notice>`. Each item's keys in sorted order
 * (the snapshot's canonical serialisation, src/i18n/snapshot.ts).
 */
function storageItems(config: GardeConfig, strings: Translation, counting: boolean): StorageItem[] {
  const item = (term: string, name: string, purpose: string, lifetime: string): StorageItem => ({
    lifetime,
    name,
    provider: strings.site,
    purpose,
    term,
  });
  const decision = formatDays(config.cookie.days, strings);
  // Each entry of the log expires with the decision it records (src/core/history.ts), and so does
  // a receipt that the drop-in keeps until the server has it (src/core/local-outbox.ts).
  const items = [
    item('Cookie', config.cookie.name, strings.consentCookie, decision),
    item('IndexedDB', 'garde', strings.log, decision),
    item('localStorage', 'garde.receipt.*', strings.log, decision),
  ];
  // The session id and the persistent id exist only after analytics consent, each with its extra.
  const extras = counting ? config.analytics.afterConsent : [];
  if (extras.includes('session'))
    items.push(item('sessionStorage', 'garde.sid', strings.session, strings.sessionLifetime));
  if (extras.includes('persistentId'))
    items.push(
      item('localStorage', 'garde.uid', strings.persistentId, strings.persistentIdLifetime),
    );
  return items;
}
