// The archive of what visitors were shown, in SQL both databases run: one page of the versions list, the
// site's registration of a snapshot, and the drop of snapshots no receipt names any more.

/**
 * One page of the versions: each hash receipts name (not erased) with its first and last receive times
 * and count, joined either way to the stored snapshots and to the site's registrations; `total` is the
 * number of versions. `limit` and `offset` are the database's placeholders.
 */
export const versionsPageSql = (limit: string, offset: string) => `
  WITH seen AS (
    SELECT shown AS hash, min(received_at) AS first_seen, max(received_at) AS last_seen, count(*) AS receipts
    FROM consent_records WHERE shown IS NOT NULL AND erased_at IS NULL GROUP BY shown
  ),
  versions AS (
    SELECT coalesce(s.hash, seen.hash) AS hash, s.lang, s.garde_version, s.policy_version, s.stored_at,
           seen.first_seen, seen.last_seen, coalesce(seen.receipts, 0) AS receipts
    FROM seen FULL OUTER JOIN snapshots s ON s.hash = seen.hash
  )
  SELECT v.*, p.published_at, count(*) OVER () AS total
  FROM versions v LEFT JOIN published_snapshots p ON p.hash = v.hash
  ORDER BY v.last_seen DESC NULLS LAST, v.stored_at DESC, v.hash
  LIMIT ${limit} OFFSET ${offset}`;

/** Marks a stored snapshot (hash: the parameter) as published by the site, once. */
export const publishSql = (hash: string, at: string) =>
  `INSERT INTO published_snapshots (hash, published_at) VALUES (${hash}, ${at})
   ON CONFLICT (hash) DO NOTHING`;

/**
 * Snapshots that no receipt (not erased) names and the site did not publish: what was left when the last
 * receipt naming them was erased (on request or by retention). An erased row's `shown` is emptied.
 */
export const DROP_ORPHAN_SNAPSHOTS_SQL = `
  DELETE FROM snapshots
  WHERE NOT EXISTS (SELECT 1 FROM published_snapshots p WHERE p.hash = snapshots.hash)
    AND NOT EXISTS (
      SELECT 1 FROM consent_records r WHERE r.shown = snapshots.hash AND r.erased_at IS NULL
    )`;
