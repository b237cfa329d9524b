// The analytics on PostgreSQL: hits, pre-consent counters, the end of the totals, the admin page's
// figures, and the roll-up of old hits into daily totals (run by the retention, in its transaction).
import type pg from 'pg';
import { countHitsPostgres, erasePathPostgres, purgeTotalsPostgres } from './counters-postgres.js';
import { DIMENSIONS, SITES_SQL, siteCondition } from './filter.js';
import { TOP, dayAfter, type AnalyticsStore, type Stats, type StoredHit } from './types.js';

/** The analytics store of a PostgreSQL storage. */
export function postgresAnalytics(pool: pg.Pool): AnalyticsStore {
  const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    (await pool.query<T>(text, values)).rows;
  return {
    async insertHits(hits: StoredHit[]) {
      if (!hits.length) return;
      const col = <K extends keyof StoredHit>(k: K) => hits.map((h) => h[k]);
      // Named: parsed and planned once per connection, as the receipts' insert.
      await pool.query({
        name: 'garde-insert-hits',
        text: `INSERT INTO hits (received_at, day, name, path, referrer, browser, major, os, mobile, lang, vw, consent,
           network, props, minor, screen, session, uid, site)
         SELECT a, d, n, p, r, b, ma, o, mo, l, vw, c, net, pr::jsonb, mi, sc, se, u, si
         FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[],
                     $8::text[], $9::boolean[], $10::text[], $11::int[], $12::boolean[], $13::text[], $14::text[],
                     $15::int[], $16::text[], $17::text[], $18::text[], $19::text[])
           AS x(a, d, n, p, r, b, ma, o, mo, l, vw, c, net, pr, mi, sc, se, u, si)`,
        values: [
          col('receivedAt'),
          col('day'),
          col('name'),
          col('path'),
          col('referrer'),
          col('browser'),
          col('major'),
          col('os'),
          col('mobile'),
          col('lang'),
          col('vw'),
          col('consent'),
          col('network'),
          hits.map((h) => (h.props ? JSON.stringify(h.props) : null)),
          col('minor'),
          col('screen'),
          col('session'),
          col('uid'),
          col('site'),
        ],
      });
    },
    countHits: (hits) => countHitsPostgres(pool, hits),
    purgeTotals: (beforeDay) => purgeTotalsPostgres(pool, beforeDay),
    erasePath: (path) => erasePathPostgres(pool, path),
    async stats(from: string, to: string, site?: string): Promise<Omit<Stats, 'log'>> {
      const ofSite = (column: 'origin' | 'site') => siteCondition(site, column, '$3');
      const range = [
        `${from}T00:00:00.000Z`,
        `${dayAfter(to)}T00:00:00.000Z`,
        ...(site ? [site] : []),
      ];
      const days = [from, to, ...(site ? [site] : [])];
      const utcDay = "to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')";
      const top = (column: string) =>
        query<{ value: string; count: string }>(
          `SELECT value, sum(count) AS count FROM (
             SELECT ${column} AS value, count(*) AS count FROM hits
             WHERE name = 'pageview' AND day BETWEEN $1 AND $2 AND ${column} IS NOT NULL${ofSite('site')}
             GROUP BY ${column}
             UNION ALL
             SELECT value, count FROM hit_days
             WHERE dimension = '${column}' AND day BETWEEN $1 AND $2${ofSite('site')}
             UNION ALL
             SELECT ${column}, sum(count) FROM hit_counters
             WHERE name = 'pageview' AND day BETWEEN $1 AND $2 AND ${column} <> ''${ofSite('site')}
             GROUP BY ${column}
           ) t GROUP BY value ORDER BY sum(count) DESC, value LIMIT ${TOP}`,
          days,
        ).then((rows) => rows.map((r) => ({ value: r.value, count: Number(r.count) })));
      const [decisions, acceptance, byDay, paths, referrers, browsers, oses] = await Promise.all([
        query<{ day: string; method: string; count: string }>(
          `SELECT ${utcDay} AS day, method, count(*) AS count FROM consent_records
           WHERE received_at >= $1 AND received_at < $2 AND erased_at IS NULL${ofSite('origin')}
           GROUP BY 1, 2 ORDER BY 1, 2`,
          range,
        ),
        query<{ day: string; category: string; granted: string; total: string }>(
          `SELECT ${utcDay} AS day, j.key AS category, count(*) FILTER (WHERE j.value = 'true') AS granted,
                  count(*) AS total
           FROM consent_records, jsonb_each_text(categories) AS j
           WHERE received_at >= $1 AND received_at < $2 AND erased_at IS NULL${ofSite('origin')}
           GROUP BY 1, 2 ORDER BY 1, 2`,
          range,
        ),
        query<{ day: string; count: string; consented: string }>(
          `SELECT day, sum(count) AS count, sum(consented) AS consented FROM (
             SELECT day, count(*) AS count, count(*) FILTER (WHERE consent) AS consented FROM hits
             WHERE name = 'pageview' AND day BETWEEN $1 AND $2${ofSite('site')} GROUP BY day
             UNION ALL
             SELECT day, count, consented FROM hit_days
             WHERE dimension = 'day' AND day BETWEEN $1 AND $2${ofSite('site')}
             UNION ALL
             SELECT day, sum(count), 0 FROM hit_counters
             WHERE name = 'pageview' AND day BETWEEN $1 AND $2${ofSite('site')} GROUP BY day
           ) t GROUP BY day ORDER BY day`,
          days,
        ),
        ...DIMENSIONS.map((d) => top(d.column)),
      ]);
      return {
        decisions: decisions.map((r) => ({ day: r.day, method: r.method, count: Number(r.count) })),
        acceptance: acceptance.map((r) => ({
          day: r.day,
          category: r.category,
          granted: Number(r.granted),
          total: Number(r.total),
        })),
        pageviews: {
          byDay: byDay.map((r) => ({
            day: r.day,
            count: Number(r.count),
            consented: Number(r.consented),
          })),
          byPath: paths!.map((r) => ({ path: r.value, count: r.count })),
          byReferrer: referrers!.map((r) => ({ referrer: r.value, count: r.count })),
          byBrowser: browsers!.map((r) => ({ browser: r.value, count: r.count })),
          byOs: oses!.map((r) => ({ os: r.value, count: r.count })),
        },
      };
    },
    async sites() {
      const rows = await query<{ site: string }>(SITES_SQL);
      return rows.map((row) => row.site).sort();
    },
  };
}

// Same rollup as SQLite's: pageviews per day, site and dimension, and every hit name under `event`.
export function rollupSql(): string {
  const old = "name = 'pageview' AND day < $1";
  const consented = 'count(*) FILTER (WHERE consent)';
  const dims = DIMENSIONS.map(
    (d) => `SELECT day, site, '${d.column}', ${d.column}, count(*), ${consented} FROM hits
            WHERE ${old} AND ${d.column} IS NOT NULL GROUP BY day, site, ${d.column}`,
  );
  return `INSERT INTO hit_days (day, site, dimension, value, count, consented)
    SELECT day, site, 'day', '', count(*), ${consented} FROM hits WHERE ${old} GROUP BY day, site
    UNION ALL ${dims.join(' UNION ALL ')}
    UNION ALL SELECT day, site, 'event', name, count(*), ${consented} FROM hits WHERE day < $1
      GROUP BY day, site, name
    ON CONFLICT (day, site, dimension, value) DO UPDATE
      SET count = hit_days.count + excluded.count, consented = hit_days.consented + excluded.consented`;
}
