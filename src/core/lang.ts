import { LANGS, type Lang } from '../wire.js';

export { LANGS };

/** The one of garde's languages that `candidate` names (`nl-BE` → `nl`, case-insensitive), if any. */
export function shippedLang(candidate: string | null | undefined): Lang | undefined {
  const primary = /^([a-z]{2})(?:[-_]|$)/i.exec(candidate ?? '')?.[1]!.toLowerCase() as Lang;
  return LANGS.includes(primary) ? primary : undefined;
}

/**
 * The first candidate that names one of garde's languages (see {@link shippedLang}), else `en`.
 * Empty, null and unknown candidates (config's `auto` too) are skipped.
 */
export const resolveLang = (...candidates: Array<string | null | undefined>): Lang =>
  candidates.map(shippedLang).find(Boolean) ?? 'en';
