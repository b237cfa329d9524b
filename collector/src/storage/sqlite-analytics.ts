// The analytics on SQLite: hits and pre-consent counters written through the writer, the admin page's
// figures read on the main thread's connection.
import type Database from 'better-sqlite3';
import { counterValues } from './counters-sqlite.js';
import { DIMENSIONS, SITES_SQL, siteCondition } from './filter.js';
import type { WriterCall } from './sqlite-messages.js';
import { hitValues } from './sqlite-writer.js';
import { TOP, dayAfter, type AnalyticsStore, type Stats } from './types.js';

/** The analytics store of a SQLite storage. */
export function sqliteAnalytics(
  call: WriterCall,
  stmt: (sql: string) => Database.Statement,
): AnalyticsStore {
  return {
    insertHits: (hits) => call({ op: 'hits', rows: hits.map(hitValues) }).then(() => {}),
    countHits: (hits) => call({ op: 'counts', rows: counterValues(hits) }).then(() => {}),
    purgeTotals: (beforeDay) => call({ op: 'purgeTotals', beforeDay }),
    erasePath: (path) => call({ op: 'erasePath', path }),
    async stats(from: string, to: string, site?: string): Promise<Omit<Stats, 'log'>> {
      const range = {
        from: `${from}T00:00:00.000Z`,
        to: `${dayAfter(to)}T00:00:00.000Z`,
        fromDay: from,
        toDay: to,
        ...(site ? { site } : {}),
      };
      const ofSite = (column: 'origin' | 'site') => siteCondition(site, column, '@site');
      const decisions = stmt(
        `SELECT substr(received_at, 1, 10) AS day, method, count(*) AS count FROM consent_records
         WHERE received_at >= @from AND received_at < @to AND erased_at IS NULL${ofSite('origin')}
         GROUP BY day, method ORDER BY day, method`,
      ).all(range) as Stats['decisions'];
      const acceptance = stmt(
        `SELECT substr(r.received_at, 1, 10) AS day, j.key AS category, sum(j.value = 1) AS granted, count(*) AS total
         FROM consent_records r, json_each(r.categories) j
         WHERE r.received_at >= @from AND r.received_at < @to AND r.erased_at IS NULL${ofSite('origin')}
         GROUP BY day, category ORDER BY day, category`,
      ).all(range) as Stats['acceptance'];
      const byDay = stmt(
        `SELECT day, sum(count) AS count, sum(consented) AS consented FROM (
           SELECT day, count(*) AS count, sum(consent) AS consented FROM hits
           WHERE name = 'pageview' AND day BETWEEN @fromDay AND @toDay${ofSite('site')} GROUP BY day
           UNION ALL
           SELECT day, count, consented FROM hit_days
           WHERE dimension = 'day' AND day BETWEEN @fromDay AND @toDay${ofSite('site')}
           UNION ALL
           SELECT day, sum(count), 0 FROM hit_counters
           WHERE name = 'pageview' AND day BETWEEN @fromDay AND @toDay${ofSite('site')} GROUP BY day
         ) GROUP BY day ORDER BY day`,
      ).all(range) as Stats['pageviews']['byDay'];
      const top = (column: string) =>
        stmt(
          `SELECT value, sum(count) AS count FROM (
             SELECT ${column} AS value, count(*) AS count FROM hits
             WHERE name = 'pageview' AND day BETWEEN @fromDay AND @toDay AND ${column} IS NOT NULL${ofSite('site')}
             GROUP BY ${column}
             UNION ALL
             SELECT value, count FROM hit_days
             WHERE dimension = '${column}' AND day BETWEEN @fromDay AND @toDay${ofSite('site')}
             UNION ALL
             SELECT ${column}, sum(count) FROM hit_counters
             WHERE name = 'pageview' AND day BETWEEN @fromDay AND @toDay AND ${column} <> ''${ofSite('site')}
             GROUP BY ${column}
           ) GROUP BY value ORDER BY count DESC, value LIMIT ${TOP}`,
        ).all(range) as Array<{ value: string; count: number }>;
      const [paths, referrers, browsers, oses] = DIMENSIONS.map((d) => top(d.column)) as Array<
        Array<{ value: string; count: number }>
      >;
      return {
        decisions,
        acceptance,
        pageviews: {
          byDay,
          byPath: paths!.map((r) => ({ path: r.value, count: r.count })),
          byReferrer: referrers!.map((r) => ({ referrer: r.value, count: r.count })),
          byBrowser: browsers!.map((r) => ({ browser: r.value, count: r.count })),
          byOs: oses!.map((r) => ({ os: r.value, count: r.count })),
        },
      };
    },
    async sites() {
      const rows = stmt(SITES_SQL).all() as Array<{ site: string }>;
      return rows.map((row) => row.site).sort();
    },
  };
}
