// The end of the analytics totals, in SQL both databases run: the pre-consent day counters
// (hit_counters) and the daily totals (hit_days) of days past their retention, and every row of a path
// to erase. `value` is how the database writes the one parameter (`@value` for SQLite, `$1` for
// PostgreSQL): the day or the path.

/** Day counters, then daily totals, of days before the parameter. */
export const purgeTotalsSql = (value: string) => [
  `DELETE FROM hit_counters WHERE day < ${value}`,
  `DELETE FROM hit_days WHERE day < ${value}`,
];

/**
 * Raw hits, day counters and daily totals (their path dimension: the others hold no path) whose path is
 * the parameter or starts with it. substr counts characters in both databases, and no LIKE pattern
 * means no escaping of the `%` and `_` that paths hold.
 */
export const erasePathSql = (value: string) => {
  const under = (column: string) =>
    `(${column} = ${value} OR substr(${column}, 1, length(${value})) = ${value})`;
  return [
    `DELETE FROM hits WHERE ${under('path')}`,
    `DELETE FROM hit_counters WHERE ${under('path')}`,
    `DELETE FROM hit_days WHERE dimension = 'path' AND ${under('value')}`,
  ];
};
