import type { GardeConfig } from './types.js';

/** The raw value of the consent cookie, or null (absent or cookies blocked). The name is [\w-] only (config). */
export function readCookie(name: string): string | null {
  try {
    return document.cookie.match(`(?:^|; )${name}=([^;]*)`)?.[1] ?? null;
  } catch {
    // Cookies blocked (sandboxed frame): no stored decision.
    return null;
  }
}

/** Writes the consent cookie: path=/, SameSite=Lax, Secure on https, the configured lifetime and domain. */
export function writeCookie({ name, days, domain }: GardeConfig['cookie'], value: string): void {
  try {
    document.cookie = `${name}=${value};path=/;max-age=${Math.round(days * 86400)};SameSite=Lax${domain ? ';domain=' + domain : ''}${location.protocol == 'https:' ? ';Secure' : ''}`;
  } catch {
    // Cookies blocked: the decision lives in memory for this page.
  }
}
