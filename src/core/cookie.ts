// Reading and writing the consent cookie. Cookie access throws in sandboxed frames, and writes are
// ignored where cookies are blocked: then the decision lives in memory for this page.
import { eraseCookies } from './erase.js';
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
 * domain. If the value does not read back, every copy of the cookie is erased and it is written
 * again: an older copy on another domain or path (written before the site set `cookie.domain`,
 * or by hand) is read first, and a value over the browser's 4 KB limit is not stored at all,
 * which leaves the decision before it in place. Either way the next page would read an older
 * decision (an acceptance after a refusal); now it reads this one, or none and asks again.
 */
export function writeCookie({ name, days, domain }: GardeConfig['cookie'], value: string): void {
  const cookie =
    `${name}=${value};path=/;max-age=${Math.round(days * 86400)};SameSite=Lax` +
    (domain ? ';domain=' + domain : '') +
    (location.protocol === 'https:' ? ';Secure' : '');
  try {
    document.cookie = cookie;
    if (readCookie(name) !== value) {
      eraseCookies([name]);
      document.cookie = cookie;
    }
  } catch {
    // Cookies blocked: nothing to do.
  }
}
