import { LANGS, type Lang } from '../wire.js';
import { PAGE_LANGS } from './page-langs.js';

export { LANGS };

/**
 * The one of the languages this build renders that `candidate` names (`nl-BE` → `nl`,
 * case-insensitive), if any (a per-language drop-in renders only its own).
 */
export function shippedLang(candidate: string | null | undefined): Lang | undefined {
  const primary = /^([a-z]{2})(?:[-_]|$)/i.exec(candidate ?? '')?.[1]!.toLowerCase() as Lang;
  return PAGE_LANGS.includes(primary) ? primary : undefined;
}

/**
 * The first candidate that names one of the languages this build renders (see
 * {@link shippedLang}), else `en`. Empty, null and unknown candidates (config's `auto` too) are
 * skipped. (A per-language drop-in's build replaces this module: its resolveLang always returns
 * its one language, rollup.config.mjs.)
 */
export const resolveLang = (...candidates: Array<string | null | undefined>): Lang =>
  candidates.map(shippedLang).find(Boolean) ?? 'en';
