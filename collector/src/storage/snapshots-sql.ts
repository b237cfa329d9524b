// The archive of what visitors were shown, in SQL both databases run: one page of the versions list, the
// site's registration of a snapshot, and the drop of snapshots no receipt names any more; and a stored row
// back to the API's shape.
import type { StoredSnapshot } from './types.js';

/** A row of snapshots as the database returns it (`stored_at` a text on SQLite, a Date on PostgreSQL). */
export interface SnapshotRow<Time> {
  hash: string;
  lang: string;
  garde_version: string;
  policy_version: string;
  content: string;
  stored_at: Time;
}

/** A stored row as the API's snapshot, its storage time as ISO text. */
export function snapshotOfRow(row: SnapshotRow<unknown>, storedAt: string): StoredSnapshot {
  return {
    hash: row.hash,
    lang: row.lang,
    v: row.garde_version,
    policyVersion: row.policy_version,
    content: row.content,
    storedAt,
  };
}

/**
 * One page of the versions: each hash receipts name (not erased) with its first and last receive times
 * and count, and each stored snapshot no receipt names, the most recently seen first; `total` is the
 * number of versions. `limit` and `offset` are the database's placeholders.
 *
 * Fast with tens of thousands of versions: the page is chosen on narrow keys first (a covering index of
 * the receipts' `shown`, the snapshots' time index), and only its rows are joined to the wide snapshot
 * rows and to the site's registrations.
 */
export const versionsPageSql = (limit: string, offset: string) => `
  WITH seen AS MATERIALIZED (
    SELECT shown AS hash, min(received_at) AS first_seen, max(received_at) AS last_seen, count(*) AS receipts
    FROM consent_records WHERE shown IS NOT NULL AND erased_at IS NULL GROUP BY shown
  ),
  keys AS (
    SELECT hash, last_seen AS seen_at, NULL AS stored_at FROM seen
    UNION ALL
    SELECT s.hash, NULL, s.stored_at FROM snapshots s
    WHERE NOT EXISTS (SELECT 1 FROM seen WHERE seen.hash = s.hash)
  ),
  page AS (
    SELECT hash, seen_at, stored_at, count(*) OVER () AS total FROM keys
    ORDER BY seen_at DESC NULLS LAST, stored_at DESC, hash
    LIMIT ${limit} OFFSET ${offset}
  )
  SELECT page.hash, s.lang, s.garde_version, s.policy_version, s.stored_at, seen.first_seen,
         seen.last_seen, coalesce(seen.receipts, 0) AS receipts, p.published_at, page.total
  FROM page
    LEFT JOIN snapshots s ON s.hash = page.hash
    LEFT JOIN seen ON seen.hash = page.hash
    LEFT JOIN published_snapshots p ON p.hash = page.hash
  ORDER BY page.seen_at DESC NULLS LAST, page.stored_at DESC, page.hash`;

/** Marks a stored snapshot (hash: the parameter) as published by the site, once. */
export const publishSql = (hash: string, at: string) =>
  `INSERT INTO published_snapshots (hash, published_at) VALUES (${hash}, ${at})
   ON CONFLICT (hash) DO NOTHING`;

/**
 * Snapshots that no receipt (not erased) names and the site did not publish: what was left when the last
 * receipt naming them was erased (on request or by retention). An erased row's `shown` is emptied. The
 * hashes deleted are returned: a leaf of the log names them.
 */
export const DROP_ORPHAN_SNAPSHOTS_SQL = `
  DELETE FROM snapshots
  WHERE NOT EXISTS (SELECT 1 FROM published_snapshots p WHERE p.hash = snapshots.hash)
    AND NOT EXISTS (
      SELECT 1 FROM consent_records r WHERE r.shown = snapshots.hash AND r.erased_at IS NULL
    )
  RETURNING hash`;

/** What the archive says of one snapshot (hash: the parameter): when stored, when published. */
export const snapshotStateSql = (hash: string) =>
  `SELECT s.stored_at, p.published_at FROM snapshots s
   LEFT JOIN published_snapshots p ON p.hash = s.hash WHERE s.hash = ${hash}`;
