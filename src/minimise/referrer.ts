// The referrer as a host name only, and nothing for a visit from the same site: enough to
// know "people come from search engines and from the ministry's site", not which page.

/**
 * Whether two hosts belong to the same site: the same host, or hosts sharing the page's
 * parent domain (`www.inami.fgov.be` and `webappsa.inami.fgov.be` both under
 * `inami.fgov.be`, which is also same-site). A top-level domain or an IP address never counts.
 * Heuristic without the Public Suffix List, to stay small: on a page at `shop.co.uk` every
 * `*.co.uk` referrer counts as same-site and is left out, so it errs towards sending less.
 */
export function sameSite(host: string, pageHost: string): boolean {
  host = host.toLowerCase();
  pageHost = pageHost.toLowerCase();
  // The page's parent: its host minus the first label, unless that is a top-level domain or an IP.
  const parent = pageHost.slice(pageHost.indexOf('.') + 1);
  return host === pageHost || (/\.[a-z]+$/.test(parent) && ('.' + host).endsWith('.' + parent));
}

/**
 * The referrer's host name, or null when it is empty, not http(s), invalid, or the same site as
 * `pageHost`.
 */
export function referrerDomain(url: string, pageHost: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    return /^https?:$/.test(protocol) && !sameSite(hostname, pageHost) ? hostname : null;
  } catch {
    return null;
  }
}
