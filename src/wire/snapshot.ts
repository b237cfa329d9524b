// The canonical serialisation and the hash of a snapshot of what was shown: the page computes a
// receipt's `shown` with them, the collector recomputes it to check a snapshot it is given. One
// definition for both ends, so that they cannot disagree. Works wherever `crypto.subtle` exists
// (a secure context in a browser, Node 20).

/**
 * JSON with the keys of every object sorted (by UTF-16 code units, the default sort) and no
 * whitespace; arrays keep their order; strings as `JSON.stringify` writes them.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const members = Object.keys(object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * SHA-256, in lowercase hex, of the UTF-8 bytes of `text`; undefined where `crypto.subtle` is
 * missing (a page served over plain http) or fails.
 */
export async function sha256Hex(text: string): Promise<string | undefined> {
  try {
    const bytes = new TextEncoder().encode(text);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  } catch {
    return undefined;
  }
}

/** A snapshot's hash: what a receipt's `shown` holds. */
export const snapshotHash = (snapshot: unknown): Promise<string | undefined> =>
  sha256Hex(canonicalJson(snapshot));
