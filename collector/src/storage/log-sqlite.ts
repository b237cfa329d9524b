// The transparency log on SQLite: the sequencer's writes (on the writer thread, the only writer, so no
// lock is needed), the reads of the routes, and the read-only snapshot verify walks.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { erasureLeaf, recordLeaf } from 'garde/wire';
import { appendLeaves, leafHashOf, rightEdgeIndexes, storedHashCount } from '../log/tree.js';
import type {
  ArchivedSnapshot,
  ErasureOnRecord,
  LeafRow,
  LogHead,
  LogSnapshot,
  LogStore,
  RecordLeaf,
  SnapshotLeaf,
  StoredCheckpoint,
} from '../log/types.js';
import { snapshotLeafPrefix } from '../log/snapshot-leaves.js';
import type { WriterCall } from './sqlite-messages.js';
import { RECORD_COLUMNS, RECORD_FIELDS, recordColumnsOf } from './record-fields.js';
import { toRecord, type RecordRow, type RecordValues } from './sqlite-writer.js';
import { insertMany } from './sqlite-insert-many.js';
import { CHUNK, ERASURE_COLUMNS } from './types.js';

/** Records put in the tree per transaction: a backlog (an upgraded database) is taken in steps. */
export const SEQUENCE_BATCH = 20_000;

/**
 * Records put in the tree per `sequence` call of a round. The writer thread does one thing at a
 * time: a round taken in one transaction held every insert behind it (wrk: p99 186 ms); in steps of
 * 100, the inserts queued meanwhile are written between two steps (p99 22-28 ms, and 20-35 % more
 * receipts/s; bench/collector).
 */
export const SEQUENCE_STEP = 100;

/** One leaf to append: its kind, its hash, and the leaf itself when it is kept (erasures). */
export interface NewLeaf {
  kind: LeafRow['kind'];
  hash: string;
  leaf: string | null;
}

// The positions of the flags among a record's column values: the leaf has them as true/false, not 0/1.
const FLAG_POSITIONS = RECORD_FIELDS.flatMap((f, i) => (f.type === 'flag' ? [i] : []));

/**
 * A record's leaf (`recordLeaf` in garde/wire) straight from its column values: they are in the leaf's
 * order and its maps are already canonical JSON text, so nothing is turned back into a record first.
 */
export function recordLeafOfValues(values: RecordValues, salt: string): string {
  const fields: unknown[] = values.slice();
  for (const i of FLAG_POSITIONS) fields[i] = fields[i] === 1;
  return JSON.stringify(['garde/record', salt, ...fields]);
}

/** `count` fresh salts (16 random bytes each, hex), from one call to the random source. */
export function freshSalts(count: number): string[] {
  const hex = randomBytes(16 * count).toString('hex');
  const salts: string[] = new Array<string>(count);
  for (let i = 0; i < count; i++) salts[i] = hex.slice(32 * i, 32 * i + 32);
  return salts;
}

/** The sequencer's synchronous writes; `sequence` is its own transaction, the others run in the caller's. */
export interface SqliteLogWriter {
  /** The tree's size: the leaf index the next appended leaf gets. */
  size(): number;
  /**
   * Appends leaves at the tree's end (inside the caller's transaction); the first one's index, or
   * null when there are none.
   */
  append(leaves: NewLeaf[]): number | null;
  /** One step of a round: at most SEQUENCE_STEP records; `more` when others are waiting. */
  sequence(): LogHead & { more: boolean };
  /** Puts the records waiting into the tree (inside the caller's transaction). */
  sequencePending(): void;
  /**
   * After rows were erased at `at`: their salts go, and an erasure leaf names their leaves. Its index,
   * or null when no row was erased.
   */
  logErasure(at: string, reason: string, actor: string): number | null;
  saveCheckpoint(checkpoint: StoredCheckpoint): boolean;
}

/** A row waiting; seq and content_hash are those of the old chain (rows stored before schema 10). */
type PendingRow = RecordRow & {
  seq: number | null;
  content_hash: string | null;
  erased_at: string | null;
};

/** Prepares the log's writes on `db`. */
export function createLogWriter(db: Database.Database): SqliteLogWriter {
  const readHead = db.prepare('SELECT size, root FROM log_head WHERE id = 1');
  const pending = db.prepare(
    `SELECT ${RECORD_COLUMNS}, seq, content_hash, erased_at FROM consent_records
     WHERE leaf_index IS NULL ORDER BY received_at, receipt_id LIMIT ?`,
  );
  const placeRecord = db.prepare(
    'UPDATE consent_records SET leaf_index = ?, leaf_salt = ? WHERE receipt_id = ?',
  );
  const justErased = db
    .prepare(
      `SELECT leaf_index FROM consent_records
     WHERE erased_at = ? AND leaf_salt IS NOT NULL ORDER BY leaf_index`,
    )
    .pluck();
  const dropSalts = db.prepare(
    'UPDATE consent_records SET leaf_salt = NULL WHERE erased_at = ? AND leaf_salt IS NOT NULL',
  );
  const insertCheckpoint = db.prepare(
    `INSERT INTO log_checkpoints (size, root, time, text) VALUES (@size, @root, @time, @text)
     ON CONFLICT (size) DO NOTHING`,
  );

  const append = createLeafAppender(db);

  /** Puts waiting records in the tree, `limit` at a time, until none waits or `once`; whether more wait. */
  const sequenceWaiting = (limit: number, once: boolean): boolean => {
    for (;;) {
      const rows = pending.all(limit) as PendingRow[];
      if (!rows.length) return false;
      const { size } = readHead.get() as LogHead;
      const leaves = rows.map((row, i): NewLeaf => {
        if (row.erased_at !== null) {
          // Erased before the log existed: the content is gone, the old chain's content hash stands for it.
          const leaf = JSON.stringify(['garde/erased', row.seq, row.content_hash]);
          placeRecord.run(size + i, null, row.receipt_id);
          return { kind: 'erased', hash: leafHashOf(leaf), leaf };
        }
        const salt = randomBytes(16).toString('hex');
        placeRecord.run(size + i, salt, row.receipt_id);
        return { kind: 'record', hash: leafHashOf(recordLeaf(toRecord(row), salt)), leaf: null };
      });
      append(leaves);
      if (rows.length < limit) return false;
      if (once) return true;
    }
  };

  return {
    size: () => (readHead.get() as LogHead).size,
    append,
    sequence: db.transaction((): LogHead & { more: boolean } => {
      const more = sequenceWaiting(SEQUENCE_STEP, true);
      return { ...(readHead.get() as LogHead), more };
    }),
    sequencePending: () => void sequenceWaiting(SEQUENCE_BATCH, false),
    logErasure(at, reason, actor) {
      const leaves = justErased.all(at) as number[];
      if (!leaves.length) return null;
      dropSalts.run(at);
      const leaf = erasureLeaf({ at, reason, actor, leaves });
      return append([{ kind: 'erasure', hash: leafHashOf(leaf), leaf }]);
    },
    saveCheckpoint: (checkpoint) => insertCheckpoint.run(checkpoint).changes === 1,
  };
}

/**
 * Appends leaves to the log on `db`, in the caller's transaction; touches only the log's own tables, so
 * that the archive's writes and a schema's data step can use it. On the writer's connection (the only
 * writer), no lock is needed.
 */
export function createLeafAppender(db: Database.Database): (leaves: NewLeaf[]) => number | null {
  const readHead = db.prepare('SELECT size, root FROM log_head WHERE id = 1');
  const writeHead = db.prepare('UPDATE log_head SET size = ?, root = ? WHERE id = 1');
  const readHash = db.prepare('SELECT hash FROM log_hashes WHERE idx = ?').pluck();
  const insertHashes = insertMany(db, 'log_hashes', ['idx', 'hash']);
  const insertLeaves = insertMany(db, 'log_leaves', ['leaf_index', 'kind', 'leaf_hash', 'leaf']);
  return (leaves) => {
    if (!leaves.length) return null;
    const { size } = readHead.get() as LogHead;
    const edge = rightEdgeIndexes(size).map((index) => readHash.get(index) as string);
    const { stored, root } = appendLeaves(
      size,
      edge,
      leaves.map((leaf) => leaf.hash),
    );
    const first = storedHashCount(size);
    insertHashes(stored.map((hash, i) => [first + i, hash]));
    insertLeaves(leaves.map((leaf, i) => [size + i, leaf.kind, leaf.hash, leaf.leaf]));
    writeHead.run(size + leaves.length, root);
    return size;
  };
}

/** The log store of a SQLite storage: reads on `db`; the writer thread, the only writer, is the sequencer. */
export function sqliteLog(db: Database.Database, call: WriterCall): LogStore {
  return {
    ...createLogReader(db),
    // A round in steps, each a message of its own, so that inserts are written between them.
    async sequence() {
      for (;;) {
        const { more, ...head } = await call({ op: 'sequence' });
        if (!more) return head;
      }
    },
    saveCheckpoint: (checkpoint) => call({ op: 'checkpoint', checkpoint }),
  };
}

/** The log's reads on the main thread's connection. */
export function createLogReader(db: Database.Database) {
  const head = db.prepare('SELECT size, root FROM log_head WHERE id = 1');
  const hash = db.prepare('SELECT hash FROM log_hashes WHERE idx = ?').pluck();
  const latest = db.prepare(
    `SELECT size, root, time, text FROM log_checkpoints
       WHERE size <= (SELECT size FROM log_head WHERE id = 1) ORDER BY size DESC LIMIT 1`,
  );
  const leafOf = db.prepare(
    'SELECT leaf_index, leaf_salt FROM consent_records WHERE receipt_id = ? AND leaf_index IS NOT NULL',
  );
  const lastSnapshotLeaf = db.prepare(
    `SELECT leaf_index AS leafIndex, leaf FROM log_leaves
     WHERE kind = 'snapshot' AND leaf LIKE ? || '%' ORDER BY leaf_index DESC LIMIT 1`,
  );
  return {
    async head(): Promise<LogHead> {
      return head.get() as LogHead;
    },
    async latestCheckpoint(): Promise<StoredCheckpoint | null> {
      return (latest.get() as StoredCheckpoint | undefined) ?? null;
    },
    readHashes: (indexes: number[]) => readHashes(hash, indexes),
    async recordLeaves(receiptIds: string[]): Promise<Map<string, RecordLeaf>> {
      const found = new Map<string, RecordLeaf>();
      for (const id of receiptIds) {
        const row = leafOf.get(id) as { leaf_index: number; leaf_salt: string | null } | undefined;
        if (row?.leaf_salt) found.set(id, { leafIndex: row.leaf_index, salt: row.leaf_salt });
      }
      return found;
    },
    async snapshotLeaves(hashes: string[]): Promise<Map<string, SnapshotLeaf>> {
      const found = new Map<string, SnapshotLeaf>();
      for (const hash of hashes) {
        const row = lastSnapshotLeaf.get(snapshotLeafPrefix(hash)) as SnapshotLeaf | undefined;
        if (row) found.set(hash, row);
      }
      return found;
    },
  };
}

async function readHashes(statement: Database.Statement, indexes: number[]): Promise<string[]> {
  return indexes.map((index) => {
    const hash = statement.get(index) as string | undefined;
    if (hash === undefined) throw new Error(`the log's stored hash ${index} is missing`);
    return hash;
  });
}

type LeafJoinRow = RecordRow & {
  l_index: number;
  l_kind: LeafRow['kind'];
  l_hash: string;
  l_leaf: string | null;
  r_leaf: number | null;
  erased_at: string | null;
  leaf_salt: string | null;
};

/**
 * A read-only view of the log for verify, on a connection of its own opened read-only: one read
 * transaction holds the WAL snapshot, so the live collector goes on writing while verify reads.
 */
export function sqliteLogSnapshot(db: Database.Database): LogSnapshot {
  db.exec('BEGIN');
  const reader = createLogReader(db);
  // Reading a row in the transaction fixes the snapshot now, not at the first leaf.
  const head = reader.head();
  const leaves = db.prepare(
    `SELECT l.leaf_index AS l_index, l.kind AS l_kind, l.leaf_hash AS l_hash, l.leaf AS l_leaf,
       r.leaf_index AS r_leaf, r.erased_at, r.leaf_salt, ${recordColumnsOf('r')}
     FROM log_leaves l LEFT JOIN consent_records r ON r.leaf_index = l.leaf_index
     WHERE l.leaf_index >= ? ORDER BY l.leaf_index LIMIT ${CHUNK}`,
  );
  const stray = db.prepare('SELECT count(*) FROM consent_records WHERE leaf_index >= ?').pluck();
  const erasureRows = db.prepare(
    `SELECT ${ERASURE_COLUMNS} FROM erasures WHERE leaf_index IS NOT NULL ORDER BY id`,
  );
  const snapshots = db.prepare(
    `SELECT s.hash, lang, garde_version AS gardeVersion, policy_version AS policyVersion, content,
       stored_at AS storedAt, p.published_at AS publishedAt
     FROM snapshots s LEFT JOIN published_snapshots p ON p.hash = s.hash
     WHERE s.hash > ? ORDER BY s.hash LIMIT ${CHUNK}`,
  );
  return {
    head: () => head,
    async *leaves() {
      let from = 0;
      for (;;) {
        const rows = leaves.all(from) as LeafJoinRow[];
        yield rows.map(leafRow);
        if (rows.length < CHUNK) return;
        from = rows[rows.length - 1]!.l_index + 1;
      }
    },
    readHashes: reader.readHashes,
    async strayRecords(size) {
      return stray.get(size) as number;
    },
    async erasureRows() {
      return erasureRows.all() as ErasureOnRecord[];
    },
    async *snapshots() {
      let after = '';
      for (;;) {
        const rows = snapshots.all(after) as ArchivedSnapshot[];
        yield rows;
        if (rows.length < CHUNK) return;
        after = rows[rows.length - 1]!.hash;
      }
    },
    async close() {
      if (db.inTransaction) db.exec('COMMIT');
      db.close();
    },
  };
}

function leafRow(row: LeafJoinRow): LeafRow {
  let record: LeafRow['record'];
  if (row.r_leaf === null) record = 'missing';
  else if (row.erased_at !== null) record = 'erased';
  else record = { content: toRecord(row), salt: row.leaf_salt };
  return {
    leafIndex: row.l_index,
    kind: row.l_kind,
    leafHash: row.l_hash,
    leaf: row.l_leaf,
    record,
  };
}
