// The page path as analytics may see it: no fragment, no query string but for the
// parameters the site owner lists (campaign tags, say), and no segment or value that looks
// like personal data (see looksPersonal).
import { looksPersonal } from './personal.js';

/**
 * Reduces a URL (absolute, or a path resolved against a dummy origin) to its path plus the
 * allowlisted query parameters, in their original order. Path segments that look personal
 * become `:redacted`, and allowlisted values that look personal are dropped.
 */
export function reducePath(url: string, allowlist: readonly string[] = []): string {
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://x');
  } catch {
    return '/';
  }
  const path = parsed.pathname
    .split('/')
    // unescape, not decodeURIComponent: it never throws, and only `@` and digits matter here.
    .map((segment) => (looksPersonal(unescape(segment)) ? ':redacted' : segment))
    .join('/');
  const kept = new URLSearchParams();
  parsed.searchParams.forEach((value, key) => {
    if (allowlist.includes(key) && !looksPersonal(value)) kept.append(key, value);
  });
  const query = kept.toString();
  return query ? `${path}?${query}` : path;
}
