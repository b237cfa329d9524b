// Erasing what a refused service left behind. A cookie can only be deleted with the exact path
// and domain it was set with, which the page cannot read back: so every path prefix of the
// current path and every domain variant (none, the host, each parent domain short of the
// top-level one; a leading dot makes no difference since RFC 6265) is tried.

const glob = (p: string) =>
  new RegExp(
    '^' +
      p
        .split('*')
        .map((s) => s.replace(/[\\^$.+?()[\]{}|]/g, '\\$&'))
        .join('.*') +
      '$',
  );

/** The names of the cookies the page can see (empty when cookies are blocked). */
export function cookieNames(): string[] {
  try {
    return document.cookie
      .split(/; */)
      .map((c) => c.split('=')[0]!)
      .filter(Boolean);
  } catch {
    return [];
  }
}

/** Deletes the cookies whose names match one of the glob patterns (`*` only). */
export function eraseCookies(patterns: string[]): void {
  const res = patterns.map(glob);
  const domains = [''];
  // The host, then each parent short of the top-level domain.
  for (let h = location.hostname; h.includes('.'); h = h.slice(h.indexOf('.') + 1))
    domains.push(';domain=' + h);
  const paths = ['/'];
  let p = '';
  for (const seg of location.pathname.split('/').slice(1)) paths.push((p += '/' + seg), p + '/');
  for (const name of cookieNames())
    if (res.some((r) => r.test(name)))
      for (const d of domains)
        for (const path of paths) document.cookie = `${name}=;max-age=0;path=${path}${d}`;
}

/** Removes the localStorage and sessionStorage keys matching one of the glob patterns. */
export function eraseStorage(patterns: string[]): void {
  const res = patterns.map(glob);
  for (const n of ['localStorage', 'sessionStorage'] as const)
    try {
      const st = window[n];
      for (const k of Object.keys(st)) if (res.some((r) => r.test(k))) st.removeItem(k);
    } catch {
      // Storage blocked: nothing could have been stored there either.
    }
}
