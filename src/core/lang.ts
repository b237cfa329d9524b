import { LANGS, type Lang } from '../wire.js';

export { LANGS };

/**
 * The first candidate that names one of garde's languages (`nl-BE` → `nl`, case-insensitive),
 * else `en`. Empty, null and unknown candidates (config's `auto` too) are skipped.
 */
export function resolveLang(...candidates: Array<string | null | undefined>): Lang {
  for (const c of candidates) {
    const m = /^([a-z]{2})(?:[-_]|$)/i.exec(c ?? '');
    const l = m?.[1]!.toLowerCase() as Lang;
    if (LANGS.includes(l)) return l;
  }
  return 'en';
}
