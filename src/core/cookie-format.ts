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
const FORMAT =
  /^1\.([\da-f-]{36})\.([^.]+)\.(\d{1,11})\.([arcg])\.([\w~-]*)\.([\w~-]*)\.([\w~-]*)$/;
// A method is stored as its first letter: a, r, c or g.
const METHODS: Method[] = ['accept-all', 'reject-all', 'custom', 'gpc'];

// Percent-encoding with `.` encoded too, so that it stays the field separator.
const enc = (s: string) => encodeURIComponent(s).replace(/\./g, '%2E');

/** The cookie value for a decision. */
export function formatConsentCookie(s: ConsentState): string {
  const on = (r: Record<string, boolean>, v: boolean) =>
    Object.keys(r)
      .filter((k) => r[k] == v && k != 'necessary')
      .join('~');
  return [
    1,
    s.id,
    enc(s.version),
    Math.floor(Date.parse(s.decidedAt) / 1000),
    s.method[0],
    on(s.categories, true),
    on(s.services, true),
    on(s.services, false),
  ].join('.');
}

/** Parses a cookie value; null when it is not a well-formed format-1 value (nothing throws). */
export function parseConsentCookie(value: string): ConsentCookie | null {
  const m = FORMAT.exec(value);
  try {
    const [, id, version, at, code, ...lists] = m!;
    const [cats, on, off] = lists.map((l) => (l ? l.split('~') : []));
    const services: Record<string, boolean> = {};
    for (const n of on!) services[n] = true;
    for (const n of off!)
      if (n in services) throw 0;
      else services[n] = false;
    if ([...cats!, ...on!, ...off!].some((n) => !NAME.test(n))) throw 0;
    return {
      id: id!,
      version: decodeURIComponent(version!),
      decidedAt: +at!,
      method: METHODS.find((m) => m[0] == code)!,
      categories: cats!,
      services,
    };
  } catch {
    // No match, a bad name, a service both on and off, or a version that does not percent-decode.
    return null;
  }
}
