/**
 * A random UUID v4 from `crypto.getRandomValues`: `crypto.randomUUID` exists only in secure
 * contexts, and garde must work on plain http pages too.
 */
export function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 15) | 64;
  b[8] = (b[8]! & 63) | 128;
  return [...b].map((x, i) => (i == 4 || i == 6 || i == 8 || i == 10 ? '-' : '') + (x | 256).toString(16).slice(1)).join('');
}
