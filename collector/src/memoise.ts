// A small memo for the pure functions of the ingest path (a receipt's path, its Origin, its day): the same
// few values come back request after request, and recomputing them (URL parsing, regexes, Date) was a
// visible share of POST /consent's main-thread time.

/**
 * `compute` with its answers kept, at most `limit` of them: when full, every answer is dropped and the memo
 * starts again, so a client that sends endless distinct values costs memory for `limit` answers at most.
 * `compute` must be pure (same key, same answer). Only the pairs `keep` accepts are kept (all by default):
 * a value that must not stay in memory is computed every time.
 */
export function memoise<T>(
  compute: (key: string) => T,
  limit = 1000,
  keep: (key: string, answer: T) => boolean = () => true,
): (key: string) => T {
  let answers = new Map<string, T>();
  return (key) => {
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) return known as T;
    const answer = compute(key);
    if (!keep(key, answer)) return answer;
    if (answers.size >= limit) answers = new Map();
    answers.set(key, answer);
    return answer;
  };
}
