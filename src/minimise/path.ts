// The page path as analytics and receipts may see it: no fragment, no query string but for the
// parameters the site owner lists (campaign tags, say), and no segment or value that looks like
// an identifier (see personalSegment), plus the site's own rules (PathRules). The same function
// runs in the page and at the collector's ingress (docs/analytics.md, "Paths").
/** The site's own path rules (`paths` in the page's config, `--path-*` at the collector). */
export interface PathRules {
  /**
   * Patterns of personal segments, matched against the start of the path segment by segment:
   * `*` is any one segment, and the pattern's last segment is the one redacted (so a star for the
   * language, then `patient`, then a star, redacts whatever follows `/fr/patient/`).
   */
  redact?: readonly string[];
  /**
   * Allow-list mode when not empty: a path matching one of these patterns (or below one) is kept,
   * any other is cut to its first segment. Same patterns as `redact`.
   */
  keep?: readonly string[];
}

// An identifier in a segment or a value, one alternative each: an e-mail address (as
// looksPersonal); 4 or more digits (a file or record number, a national register number, a date
// of birth, with or without separators); a UUID (8 hexadecimal digits, a hyphen, 27 more hex
// digits and hyphens; in upper case it holds 4 digits in practice); a token: a run of 16 or more
// letters, digits, `_`, `+` or `=` holding a digit or a change of case (hexadecimal or
// base64-like), which a slug (hyphens) or a long compound word is not.
const IDENTIFIER =
  /\S@\S+\.\S|(\D*\d){4}|[\da-f]{8}-[\da-f-]{27}|(?=[\w+=]{16})[\w+=]*(\d|[a-z][A-Z])/;

/** Whether a path segment or a query value (unescaped) holds something that identifies. */
export const personalSegment = (text: string): boolean => IDENTIFIER.test(text);

/** Whether `pattern` matches the start of `segments`, segment by segment (`*`: any non-empty). */
const matchesStart = (pattern: string, segments: string[]): boolean =>
  pattern
    .split('/')
    .every((part, index) => (part === '*' ? segments[index] : part === segments[index]));

/**
 * Reduces a path (already parsed, as `location.pathname` gives it): segments that look personal
 * and those the site's `redact` patterns name become `:redacted`; with `keep` patterns, a path none
 * matches is cut to its first segment. A receipt's path is reduced by this part alone at the
 * decision (effects.ts), so that the drop-in's first file stores it reduced (its config has both
 * lists).
 */
export function reducePathname(pathname: string, { redact, keep }: Required<PathRules>): string {
  const segments = pathname
    .split('/')
    // unescape, not decodeURIComponent: it never throws. (IDENTIFIER, not personalSegment: terser
    // inlines the call in a longer form.)
    .map((segment) => (IDENTIFIER.test(unescape(segment)) ? ':redacted' : segment));
  for (const pattern of redact)
    if (matchesStart(pattern, segments)) segments[pattern.split('/').length - 1] = ':redacted';
  return keep.length && !keep.some((pattern) => matchesStart(pattern, segments))
    ? '/' + segments[1]
    : segments.join('/');
}

/**
 * Reduces a URL (absolute, or a path resolved against a dummy origin) to its path, reduced by
 * reducePathname, plus the allowlisted query parameters, in their original order. Allowlisted
 * values that look personal are dropped; any other parameter is dropped whole.
 */
export function reducePath(
  url: string,
  allowlist: readonly string[] = [],
  { redact = [], keep = [] }: PathRules = {},
): string {
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://x');
  } catch {
    return '/';
  }
  const path = reducePathname(parsed.pathname, { redact, keep });
  const kept = new URLSearchParams();
  parsed.searchParams.forEach((value, key) => {
    if (allowlist.includes(key) && !personalSegment(value)) kept.append(key, value);
  });
  const query = kept.toString();
  return query ? `${path}?${query}` : path;
}
