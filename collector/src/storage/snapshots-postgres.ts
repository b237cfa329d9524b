// The archive of what visitors were shown on PostgreSQL: a snapshot stored, the site's registrations and
// the drop of snapshots no receipt names (each with its leaf in the log, under the sequencer's lock), the
// versions list, and the store.
import type pg from 'pg';
import { snapshotErasureNewLeaf, snapshotNewLeaf } from '../log/snapshot-leaves.js';
import { append, lockSequencer } from './log-postgres.js';
import { transaction } from './postgres-writes.js';
import {
  DROP_ORPHAN_SNAPSHOTS_SQL,
  publishSql,
  snapshotOfRow,
  snapshotStateSql,
  versionsPageSql,
  type SnapshotRow,
} from './snapshots-sql.js';
import type { SnapshotStore, SnapshotVersionPage, StoredSnapshot } from './types.js';

/** Stores a snapshot unless one with its hash is stored (in the caller's transaction). */
async function insertSnapshotRow(
  client: pg.PoolClient,
  snapshot: StoredSnapshot,
): Promise<'stored' | 'known'> {
  const result = await client.query(
    `INSERT INTO snapshots (hash, lang, garde_version, policy_version, content, stored_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (hash) DO NOTHING`,
    [
      snapshot.hash,
      snapshot.lang,
      snapshot.v,
      snapshot.policyVersion,
      snapshot.content,
      snapshot.storedAt,
    ],
  );
  return result.rowCount === 1 ? 'stored' : 'known';
}

/** Appends the leaf of what the archive now says of `hash`, read back from its rows. */
async function logSnapshot(client: pg.PoolClient, hash: string): Promise<void> {
  const { rows } = await client.query<{ stored_at: Date; published_at: Date | null }>(
    snapshotStateSql('$1'),
    [hash],
  );
  const row = rows[0]!;
  const storedAt = row.stored_at.toISOString();
  const publishedAt = row.published_at?.toISOString() ?? null;
  await append(client, [snapshotNewLeaf({ hash, storedAt, publishedAt })]);
}

/**
 * Stores a snapshot (unless stored) with its leaf, in one transaction. The sequencer's lock is taken
 * first, as by every transaction that appends leaves: a new snapshot is rare, its wait short.
 */
export function insertSnapshotPostgres(
  pool: pg.Pool,
  snapshot: StoredSnapshot,
): Promise<'stored' | 'known'> {
  return transaction(pool, async (client) => {
    await lockSequencer(client);
    const outcome = await insertSnapshotRow(client, snapshot);
    if (outcome === 'stored') await logSnapshot(client, snapshot.hash);
    return outcome;
  });
}

/**
 * Stores a snapshot the site registers (unless stored) and marks it published, in one transaction, with
 * a leaf when either changed the archive.
 */
export function publishSnapshotPostgres(
  pool: pg.Pool,
  snapshot: StoredSnapshot,
  at: string,
): Promise<'stored' | 'known'> {
  return transaction(pool, async (client) => {
    await lockSequencer(client);
    const outcome = await insertSnapshotRow(client, snapshot);
    const published = await client.query(publishSql('$1', '$2'), [snapshot.hash, at]);
    if (outcome === 'stored' || published.rowCount === 1) await logSnapshot(client, snapshot.hash);
    return outcome;
  });
}

/**
 * Deletes the snapshots no receipt (not erased) names and the site did not publish, and appends the leaf
 * that names them, in one transaction.
 */
export function dropOrphanSnapshotsPostgres(pool: pg.Pool, at: string): Promise<number> {
  return transaction(pool, async (client) => {
    await lockSequencer(client);
    const { rows } = await client.query<{ hash: string }>(DROP_ORPHAN_SNAPSHOTS_SQL);
    if (rows.length) {
      await append(client, [
        snapshotErasureNewLeaf(
          at,
          rows.map((row) => row.hash),
        ),
      ]);
    }
    return rows.length;
  });
}

interface VersionRow {
  hash: string;
  lang: string | null;
  garde_version: string | null;
  policy_version: string | null;
  stored_at: Date | null;
  first_seen: Date | null;
  last_seen: Date | null;
  receipts: string;
  published_at: Date | null;
  total: string;
}

/** One page of the versions list. */
export async function readVersionsPostgres(
  pool: pg.Pool,
  page: number,
  pageSize: number,
): Promise<SnapshotVersionPage> {
  const read = (limit: number, offset: number) =>
    pool.query<VersionRow>(versionsPageSql('$1', '$2'), [limit, offset]).then((r) => r.rows);
  const rows = await read(pageSize, (page - 1) * pageSize);
  // Past the last page the window count has no row to ride on: the total is read on its own.
  const total = rows[0]?.total ?? (page > 1 ? ((await read(1, 0))[0]?.total ?? 0) : 0);
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    total: Number(total),
    versions: rows.map((row) => ({
      hash: row.hash,
      lang: row.lang,
      v: row.garde_version,
      policyVersion: row.policy_version,
      storedAt: iso(row.stored_at),
      firstSeen: iso(row.first_seen),
      lastSeen: iso(row.last_seen),
      receipts: Number(row.receipts),
      publishedAt: iso(row.published_at),
    })),
  };
}

/** The snapshots store of a PostgreSQL storage. */
export function postgresSnapshots(pool: pg.Pool): SnapshotStore {
  const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    (await pool.query<T>(text, values)).rows;
  return {
    insertSnapshot: (snapshot) => insertSnapshotPostgres(pool, snapshot),
    async hasSnapshot(hash) {
      return (await query('SELECT 1 FROM snapshots WHERE hash = $1', [hash])).length > 0;
    },
    async snapshotReferenced(hash) {
      const rows = await query(
        'SELECT 1 FROM consent_records WHERE shown = $1 AND erased_at IS NULL LIMIT 1',
        [hash],
      );
      return rows.length > 0;
    },
    async snapshot(hash) {
      const rows = await query<SnapshotRow<Date>>('SELECT * FROM snapshots WHERE hash = $1', [
        hash,
      ]);
      const row = rows[0];
      return row ? snapshotOfRow(row, row.stored_at.toISOString()) : null;
    },
    snapshotVersions: (page, pageSize) => readVersionsPostgres(pool, page, pageSize),
    publishSnapshot: (snapshot, at) => publishSnapshotPostgres(pool, snapshot, at),
    dropOrphanSnapshots: (at) => dropOrphanSnapshotsPostgres(pool, at),
  };
}
