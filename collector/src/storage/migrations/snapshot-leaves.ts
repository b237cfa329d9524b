// Schema 12, one step per database; listed in the migrations of each, never edited once shipped. Each
// snapshot in the archive becomes a leaf of the log (schema 7 logged only records and erasures), so that
// a snapshot deleted, inserted or redated by hand is found by verify. The data step appends a leaf for
// each snapshot stored before, in the order they were stored; a partial index finds a snapshot's last
// leaf (for the export's proofs) among the snapshot leaves only.
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { snapshotNewLeaf } from '../../log/snapshot-leaves.js';
import { append, lockSequencer } from '../log-postgres.js';
import { createLeafAppender } from '../log-sqlite.js';

/** The same SQL for both databases. */
export const SNAPSHOT_LEAVES_SQL = `
  CREATE INDEX log_leaves_of_snapshots ON log_leaves (leaf_index) WHERE kind = 'snapshot';
`;

const STORED_SNAPSHOTS = `SELECT s.hash, s.stored_at, p.published_at FROM snapshots s
  LEFT JOIN published_snapshots p ON p.hash = s.hash ORDER BY s.stored_at, s.hash`;

/** On SQLite, inside the migration's transaction (the only writer). */
export function snapshotLeavesSqlite(db: Database.Database): void {
  const rows = db.prepare(STORED_SNAPSHOTS).all() as Array<{
    hash: string;
    stored_at: string;
    published_at: string | null;
  }>;
  createLeafAppender(db)(
    rows.map((row) =>
      snapshotNewLeaf({ hash: row.hash, storedAt: row.stored_at, publishedAt: row.published_at }),
    ),
  );
}

/** On PostgreSQL, inside the migration's transaction, under the sequencer's lock. */
export async function snapshotLeavesPostgres(client: pg.PoolClient): Promise<void> {
  await lockSequencer(client);
  const { rows } = await client.query<{ hash: string; stored_at: Date; published_at: Date | null }>(
    STORED_SNAPSHOTS,
  );
  await append(
    client,
    rows.map((row) =>
      snapshotNewLeaf({
        hash: row.hash,
        storedAt: row.stored_at.toISOString(),
        publishedAt: row.published_at?.toISOString() ?? null,
      }),
    ),
  );
}
