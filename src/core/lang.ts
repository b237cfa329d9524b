import { LANGS, type Lang } from '../wire.js';

export { LANGS };

/**
 * The first candidate that names one of garde's languages (`nl-BE` → `nl`, case-insensitive),
 * else `en`. Empty, null and unknown candidates (config's `auto` too) are skipped.
 */
export function resolveLang(...candidates: Array<string | null | undefined>): Lang {
  for (const candidate of candidates) {
    const primary = /^([a-z]{2})(?:[-_]|$)/i.exec(candidate ?? '')?.[1]!.toLowerCase() as Lang;
    if (LANGS.includes(primary)) return primary;
  }
  return 'en';
}
