// The reduced path stored in its plain form. reducePath (shared with the page) gives the URL's pathname,
// which percent-encodes every non-ASCII character: "/fr/été" arrives as "/fr/%C3%A9t%C3%A9", three times
// the bytes on disk and unreadable in the admin page and the CSV. The collector stores the path decoded,
// except for the escapes that would change what the path says or that a database refuses.

/** Characters kept escaped: the path's own syntax (`%`, `/`, `?`, `#`) and control characters (NUL…). */
const keptEscaped = (character: string): boolean => {
  const code = character.charCodeAt(0);
  return '%/?#'.includes(character) || code < 0x20 || code === 0x7f;
};

/** A run of percent-escapes, decoded together (one UTF-8 character can take up to four). */
const ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;

const escape = (character: string) =>
  `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * The path (before any `?`) with its percent-escapes decoded, but for those kept escaped; a run that
 * is not valid UTF-8 stays as it came. The query string, if any, is kept as is (parameter values the
 * site allow-listed, form-encoded).
 */
export function plainPath(path: string): string {
  const query = path.indexOf('?');
  const pathname = query === -1 ? path : path.slice(0, query);
  const plain = pathname.replace(ESCAPES, (run) => {
    try {
      const decoded = Array.from(decodeURIComponent(run));
      return decoded.map((c) => (keptEscaped(c) ? escape(c) : c)).join('');
    } catch {
      return run;
    }
  });
  return query === -1 ? plain : plain + path.slice(query);
}
