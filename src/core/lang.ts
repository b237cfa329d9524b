import { LANGS, type Lang } from '../wire.js';
import { PAGE_LANGS } from './page-langs.js';

export { LANGS };

/**
 * The first candidate that names one of the languages this build renders (`nl-BE` → `nl`,
 * case-insensitive), else `en` (a per-language drop-in: its language). Empty, null and unknown
 * candidates (config's `auto` too) are skipped.
 */
export function resolveLang(...candidates: Array<string | null | undefined>): Lang {
  for (const candidate of candidates) {
    const primary = /^([a-z]{2})(?:[-_]|$)/i.exec(candidate ?? '')?.[1]!.toLowerCase() as Lang;
    if (PAGE_LANGS.includes(primary)) return primary;
  }
  return PAGE_LANGS.includes('en') ? 'en' : PAGE_LANGS[0]!;
}
