// The consent cookie's value (see docs/cookie-format.md):
//   3.<id>.<version>.<decidedAt>.<method>.<categories>.<services on>.<services off>.<flags>.<known>
// where <id> is empty unless something is granted (a no needs no identifier), and <known> lists the
// services that existed at the decision (so that services added since are asked; absent: every
// service of the reading page's config counts as known). Formats 2 (always an id, <known> optional)
// and 1 (the same without flags) are still read. Pure functions, no DOM, so that a server can
// read the cookie with the same code (`parseConsentCookie` is exported from `garde/core`).
import { RECEIPT_METHODS, type ReceiptMethod } from '../wire.js';
import type { ConsentState } from './types.js';

/** A parsed consent cookie, before it is checked against the page's config. */
export interface ConsentCookie {
  /** The consent id; absent from a refusal and a withdrawal marker of format 3. */
  id?: string;
  version: string;
  /** Seconds since the epoch. */
  decidedAt: number;
  /** How it was decided; `withdraw` for the marker a withdrawal leaves (nothing granted). */
  method: ReceiptMethod;
  /** Whether Global Privacy Control was on when it was decided. */
  gpc: boolean;
  /** Granted categories other than `necessary` (every category not listed is refused). */
  categories: string[];
  /** Services set on their own: true granted, false refused; the others follow their category. */
  services: Record<string, boolean>;
  /**
   * The services the config had when the visitor decided; absent from a value without that field
   * (then every service of the current config counts as known).
   */
  known?: string[];
}

/** Names of categories and services: what the config accepts and the cookie can hold unescaped. */
export const NAME = /^[\w-]{1,64}$/;
// Formats 2 and 3 have a ninth field, the flags (`g`: GPC was on), and may have a tenth, the
// services known; format 1 has neither. Only format 3 may leave the id empty (the lookahead:
// formats 1 and 2 always hold one).
const FORMAT =
  /^(?:[12]\.(?=[\da-f])|3\.)([\da-f-]{36})?\.([^.]+)\.(\d{1,11})\.([arcgw])\.([\w~-]*)\.([\w~-]*)\.([\w~-]*)(?:\.(g?)(?:\.([\w~-]*))?)?$/;

// Percent-encoding with `.` encoded too, so that it stays the field separator.
const encode = (text: string) => encodeURIComponent(text).replace(/\./g, '%2E');

/** The `~`-separated names of a record's keys whose value is `value` (`necessary` left out). */
const namesWith = (record: Record<string, boolean>, value: boolean): string =>
  Object.keys(record)
    .filter((name) => record[name] === value && name !== 'necessary')
    .join('~');

/** What the cookie holds: a decision, or the marker a withdrawal leaves (method `withdraw`). */
export type CookieRecord = Omit<ConsentState, 'expiresAt' | 'method'> & { method: ReceiptMethod };

/**
 * The cookie value for a decision or a withdrawal (a method is stored as its first letter); with
 * `known`, the services the config has as the visitor decides (see {@link ConsentCookie.known}).
 * Also takes what {@link parseConsentCookie} returns (seconds, a list of granted categories, its
 * `known`), so that a value read can be written back as it was.
 */
export function formatConsentCookie(
  state: CookieRecord | ConsentCookie,
  known: string[] | null | undefined = (state as ConsentCookie).known,
): string {
  const { decidedAt, categories } = state;
  // An absent id is written as an empty field (join writes undefined as '').
  return [
    3,
    state.id,
    encode(state.version),
    typeof decidedAt === 'number' ? decidedAt : Math.floor(Date.parse(decidedAt) / 1000),
    state.method[0],
    Array.isArray(categories) ? categories.join('~') : namesWith(categories, true),
    namesWith(state.services, true),
    namesWith(state.services, false),
    state.gpc ? 'g' : '',
    ...(known ? [known.join('~')] : []),
  ].join('.');
}

/**
 * Parses a cookie value; null when it is not a well-formed format-1, 2 or 3 value: no match,
 * a bad name, a service both on and off, or a version that does not percent-decode. The flags
 * field is read when present (formats 2 and 3 always write it). Never throws. No cookie
 * (undefined) gives null: exec() reads it as "undefined", which no format matches.
 */
export function parseConsentCookie(value: string | undefined): ConsentCookie | null {
  const match = FORMAT.exec(value as string);
  if (!match) return null;
  const [, id, version, decidedAt, code, ...lists] = match as unknown as string[];
  const knownList = lists.pop();
  const flags = lists.pop();
  const [categories, servicesOn, servicesOff, known] = [...lists, knownList ?? ''].map((list) =>
    list ? list.split('~') : [],
  );
  if (
    ![...categories!, ...servicesOn!, ...servicesOff!, ...known!].every((name) =>
      NAME.test(name),
    ) ||
    servicesOn!.some((name) => servicesOff!.includes(name))
  )
    return null;
  try {
    return {
      id,
      version: decodeURIComponent(version!),
      decidedAt: Number(decidedAt),
      method: RECEIPT_METHODS.find((method) => method[0] === code)!,
      // Format 1 had no flags, but a `gpc` decision was made with GPC on.
      gpc: flags === 'g' || code === 'g',
      categories: categories!,
      // fromEntries: a name such as `__proto__` becomes an own key, which the config check rejects.
      services: Object.fromEntries([
        ...servicesOn!.map((name) => [name, true]),
        ...servicesOff!.map((name) => [name, false]),
      ]),
      ...(knownList != null && { known }),
    };
  } catch {
    // decodeURIComponent throws on a malformed escape: a tampered or truncated version.
    return null;
  }
}
