// Reading and writing the consent cookie. Cookie access throws in sandboxed frames, and writes are
// ignored where cookies are blocked: then the decision lives in memory for this page.
import type { GardeConfig } from './types.js';

/**
 * The raw value of the consent cookie, or undefined (absent or cookies blocked). The name is [\w-]
 * only (config), so it needs no escaping in the pattern.
 */
export function readCookie(name: string): string | undefined {
  try {
    return document.cookie.match(`(?:^|; )${name}=([^;]*)`)?.[1];
  } catch {
    // Cookies blocked: as if there were none.
  }
}

/**
 * Writes the consent cookie: path=/, SameSite=Lax, Secure on https, the configured lifetime and
 * domain.
 */
export function writeCookie({ name, days, domain }: GardeConfig['cookie'], value: string): void {
  const maxAge = Math.round(days * 86400);
  try {
    document.cookie =
      `${name}=${value};path=/;max-age=${maxAge};SameSite=Lax` +
      (domain ? ';domain=' + domain : '') +
      (location.protocol === 'https:' ? ';Secure' : '');
  } catch {
    // Cookies blocked: nothing to do.
  }
}
