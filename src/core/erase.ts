// Erasing what a refused service left behind. A cookie can only be deleted with the exact path
// and domain it was set with, which the page cannot read back: so every path prefix of the
// current path and every domain variant (none, the host, each parent domain short of the
// top-level one; a leading dot makes no difference since RFC 6265) is tried.
import { allowedIn } from './state.js';
import type { ConsentState, CookieInfo, GardeConfig } from './types.js';

/** A name pattern (`*` only) and what it names. */
export type Pattern = string | CookieInfo;

/** A glob pattern (`*` only), given alone or in a description, as an anchored regular expression. */
const globToRegExp = (pattern: Pattern): RegExp =>
  new RegExp(
    '^' +
      (typeof pattern === 'string' ? pattern : pattern.name)
        .split('*')
        .map((part) => part.replace(/[\\^$.+?()[\]{}|]/g, '\\$&'))
        .join('.*') +
      '$',
  );

/** The names of the cookies the page can see (empty when cookies are blocked). */
export function cookieNames(): string[] {
  try {
    return document.cookie
      .split(/; */)
      .map((pair) => pair.split('=')[0]!)
      .filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * Deletes the cookies whose names match one of the glob patterns (`*` only), but `keep` (garde's
 * own cookie, which a service's pattern may match too: a site prefix such as `inami_*`).
 */
export function eraseCookies(patterns: Pattern[], keep?: string): void {
  const matchers = patterns.map(globToRegExp);
  const domains = [''];
  // The host, then each parent short of the top-level domain.
  for (let host = location.hostname; host.includes('.'); host = host.slice(host.indexOf('.') + 1))
    domains.push(';domain=' + host);
  const paths = ['/'];
  let prefix = '';
  for (const segment of location.pathname.split('/').slice(1)) {
    prefix += '/' + segment;
    paths.push(prefix, prefix + '/');
  }
  for (const name of cookieNames())
    if (name !== keep && matchers.some((matcher) => matcher.test(name)))
      for (const domain of domains)
        for (const path of paths) document.cookie = `${name}=;max-age=0;path=${path}${domain}`;
}

/** Removes the localStorage and sessionStorage keys matching one of the glob patterns. */
export function eraseStorage(patterns: Pattern[]): void {
  const matchers = patterns.map(globToRegExp);
  for (const area of ['localStorage', 'sessionStorage'] as const)
    try {
      const storage = window[area];
      for (const key of Object.keys(storage))
        if (matchers.some((matcher) => matcher.test(key))) storage.removeItem(key);
    } catch {
      // Storage blocked: nothing could have been stored there either.
    }
}

/**
 * Erases the declared cookies and storage keys of every service `consent` does not grant (with
 * null, a withdrawal: every service but the necessary ones). Only what is present is touched.
 */
export function eraseRefused(config: GardeConfig, consent: ConsentState | null): void {
  for (const [name, service] of Object.entries(config.services))
    if (!allowedIn(config, consent, name)) {
      eraseCookies(service.cookies!, config.cookie.name);
      eraseStorage(service.storage!);
    }
}
