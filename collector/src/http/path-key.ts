// A hit's path is a key column of the day counters and the daily totals, and PostgreSQL refuses an index
// entry over about 2.7 KB (even compressed). A path of 1,024 characters can be 9 KB once its non-ASCII
// characters are percent-encoded: a hit's path is cut to a size every index takes, on both databases.

/** Most bytes (UTF-8) of a hit's path as counted and stored. */
export const MAX_PATH_KEY_BYTES = 1024;

const CUT_MARK = '…';

/**
 * The path as is when it fits in `maxBytes` of UTF-8, else its longest start that fits with a final `…`,
 * cut between characters and never inside a percent-escape (`%C3%A` would not decode).
 */
export function fitPathKey(path: string, maxBytes = MAX_PATH_KEY_BYTES): string {
  if (Buffer.byteLength(path) <= maxBytes) return path;
  const room = maxBytes - Buffer.byteLength(CUT_MARK);
  let bytes = 0;
  let end = 0;
  for (const character of path) {
    const size = Buffer.byteLength(character);
    if (bytes + size > room) break;
    bytes += size;
    end += character.length;
  }
  const kept = path.slice(0, end).replace(/%[0-9A-Fa-f]?$/, '');
  return `${kept}${CUT_MARK}`;
}
