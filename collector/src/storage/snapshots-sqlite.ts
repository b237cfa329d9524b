// The archive of what visitors were shown on SQLite: a snapshot stored, the site's registrations and the
// drop of snapshots no receipt names (writes, on the writer's connection, each with its leaf in the log),
// the versions list and the other reads, and the store.
import type Database from 'better-sqlite3';
import { snapshotErasureNewLeaf, snapshotNewLeaf } from '../log/snapshot-leaves.js';
import { createLeafAppender } from './log-sqlite.js';
import {
  DROP_ORPHAN_SNAPSHOTS_SQL,
  publishSql,
  snapshotOfRow,
  snapshotStateSql,
  versionsPageSql,
  type SnapshotRow,
} from './snapshots-sql.js';
import type { WriterCall } from './sqlite-messages.js';
import type { SnapshotStore, SnapshotVersionPage, StoredSnapshot } from './types.js';

/** The archive's writes on `db`, each one transaction that appends its leaf when it changes the archive. */
export interface SnapshotWriter {
  insert(snapshot: StoredSnapshot): 'stored' | 'known';
  publish(snapshot: StoredSnapshot, at: string): 'stored' | 'known';
  dropOrphans(at: string): number;
}

/** Prepares the archive's writes on `db` (already migrated). */
export function createSnapshotWriter(db: Database.Database): SnapshotWriter {
  const insert = db.prepare(
    `INSERT INTO snapshots (hash, lang, garde_version, policy_version, content, stored_at)
     VALUES (@hash, @lang, @v, @policyVersion, @content, @storedAt) ON CONFLICT (hash) DO NOTHING`,
  );
  const publish = db.prepare(publishSql('@hash', '@at'));
  const state = db.prepare(snapshotStateSql('?'));
  const drop = db.prepare(DROP_ORPHAN_SNAPSHOTS_SQL).pluck();
  const append = createLeafAppender(db);
  // The leaf says what the row now says, read back from it.
  const logState = (hash: string) => {
    const row = state.get(hash) as { stored_at: string; published_at: string | null };
    append([snapshotNewLeaf({ hash, storedAt: row.stored_at, publishedAt: row.published_at })]);
  };
  return {
    insert: db.transaction((snapshot: StoredSnapshot) => {
      if (insert.run(snapshot).changes === 0) return 'known';
      logState(snapshot.hash);
      return 'stored';
    }),
    publish: db.transaction((snapshot: StoredSnapshot, at: string) => {
      const outcome = insert.run(snapshot).changes === 1 ? 'stored' : 'known';
      const published = publish.run({ hash: snapshot.hash, at }).changes === 1;
      if (outcome === 'stored' || published) logState(snapshot.hash);
      return outcome;
    }),
    dropOrphans: db.transaction((at: string) => {
      const hashes = drop.all() as string[];
      if (hashes.length) append([snapshotErasureNewLeaf(at, hashes)]);
      return hashes.length;
    }),
  };
}

interface VersionRow {
  hash: string;
  lang: string | null;
  garde_version: string | null;
  policy_version: string | null;
  stored_at: string | null;
  first_seen: string | null;
  last_seen: string | null;
  receipts: number;
  published_at: string | null;
  total: number;
}

/** One page of the versions list, read on `db`. */
export function readVersionsSqlite(
  db: Database.Database,
  page: number,
  pageSize: number,
): SnapshotVersionPage {
  const rows = db
    .prepare(versionsPageSql('?', '?'))
    .all(pageSize, (page - 1) * pageSize) as VersionRow[];
  return {
    total: rows[0]?.total ?? (page > 1 ? countVersions(db) : 0),
    versions: rows.map((row) => ({
      hash: row.hash,
      lang: row.lang,
      v: row.garde_version,
      policyVersion: row.policy_version,
      storedAt: row.stored_at,
      firstSeen: row.first_seen,
      lastSeen: row.last_seen,
      receipts: row.receipts,
      publishedAt: row.published_at,
    })),
  };
}

// Past the last page the window count has no row to ride on: the total is read on its own.
function countVersions(db: Database.Database): number {
  const row = db.prepare(versionsPageSql('1', '0')).get() as VersionRow | undefined;
  return row?.total ?? 0;
}

/** The snapshots store of a SQLite storage: writes through the writer, reads on `db`. */
export function sqliteSnapshots(
  db: Database.Database,
  call: WriterCall,
  stmt: (sql: string) => Database.Statement,
): SnapshotStore {
  return {
    insertSnapshot: (snapshot) => call({ op: 'snapshot', snapshot }),
    async hasSnapshot(hash) {
      return stmt('SELECT 1 FROM snapshots WHERE hash = ?').get(hash) !== undefined;
    },
    async snapshotReferenced(hash) {
      return (
        stmt('SELECT 1 FROM consent_records WHERE shown = ? AND erased_at IS NULL LIMIT 1').get(
          hash,
        ) !== undefined
      );
    },
    async snapshot(hash) {
      const row = stmt('SELECT * FROM snapshots WHERE hash = ?').get(hash) as
        SnapshotRow<string> | undefined;
      return row ? snapshotOfRow(row, row.stored_at) : null;
    },
    snapshotVersions: async (page, pageSize) => readVersionsSqlite(db, page, pageSize),
    publishSnapshot: (snapshot, at) => call({ op: 'publishSnapshot', snapshot, at }),
    dropOrphanSnapshots: (at) => call({ op: 'dropOrphanSnapshots', at }),
  };
}
