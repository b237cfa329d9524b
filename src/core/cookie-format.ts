// The consent cookie's value, readable by a server too (see docs/cookie-format.md):
//   1.<id>.<version>.<decidedAt>.<method>.<categories>.<services on>.<services off>
// Pure functions, no DOM: the collector imports this file.
import type { ConsentState, Method } from './types.js';

/** A parsed consent cookie, before it is checked against the page's config. */
export interface ConsentCookie {
  id: string;
  version: string;
  /** Seconds since the epoch. */
  decidedAt: number;
  method: Method;
  /** Granted categories other than `necessary` (every category not listed is refused). */
  categories: string[];
  /** Services set on their own: true granted, false refused; the others follow their category. */
  services: Record<string, boolean>;
}

/** Names of categories and services: what the config accepts and the cookie can hold unescaped. */
export const NAME = /^[\w-]{1,64}$/;
const ID = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/;
const CODES = 'arcg';
const METHODS: Method[] = ['accept-all', 'reject-all', 'custom', 'gpc'];

// Percent-encoding with `.` encoded too, so that it stays the field separator.
const enc = (s: string) => encodeURIComponent(s).replace(/\./g, '%2E');
const list = (s: string) => (s ? s.split('~') : []);

/** The cookie value for a decision. */
export function formatConsentCookie(s: ConsentState): string {
  const on = (r: Record<string, boolean>, v: boolean) => Object.keys(r).filter((k) => r[k] == v && k != 'necessary').join('~');
  return [1, s.id, enc(s.version), Math.floor(Date.parse(s.decidedAt) / 1000), CODES[METHODS.indexOf(s.method)], on(s.categories, true), on(s.services, true), on(s.services, false)].join('.');
}

/** Parses a cookie value; null when it is not a well-formed format-1 value (nothing throws). */
export function parseConsentCookie(value: string): ConsentCookie | null {
  const f = value.split('.');
  const [v, id, version, at, code, cats, on, off] = f;
  if (f.length != 8 || v != '1' || !ID.test(id!) || !/^\d{1,11}$/.test(at!) || code!.length != 1 || !CODES.includes(code!)) return null;
  const services: Record<string, boolean> = {};
  const names = [...list(cats!), ...list(on!), ...list(off!)];
  if (!names.every((n) => NAME.test(n))) return null;
  for (const n of list(on!)) services[n] = true;
  for (const n of list(off!)) if (n in services) return null; else services[n] = false;
  try {
    const ver = decodeURIComponent(version!);
    return ver ? { id: id!, version: ver, decidedAt: +at!, method: METHODS[CODES.indexOf(code!)]!, categories: list(cats!), services } : null;
  } catch {
    return null;
  }
}
