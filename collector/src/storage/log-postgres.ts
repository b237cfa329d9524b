// The transparency log on PostgreSQL. Several collectors may share one database: whoever takes the
// sequencer's advisory lock (for one transaction; one lock per schema, so one per site) puts the waiting
// records (log_queue) into the tree; the others skip that round. A record is in the tree when a leaf
// names it (log_leaves.receipt_id, schema 13): the sequencer never writes a record's row again, nor
// reads it when the insert queued its leaf hash (schema 14). A collector that dies mid-round loses its
// transaction and its lock with it, so the next round of any other collector takes over. Erasures take
// the same lock and wait for it.
import type pg from 'pg';
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
import type { NewLeaf } from './log-sqlite.js';
import { COLUMNS, saltsFor, toRecord, transaction, type RecordRow } from './postgres-writes.js';
import { recordColumnsOf, TOMBSTONE_SET } from './record-fields.js';
import { CHUNK, ERASURE_COLUMNS } from './types.js';

/**
 * The sequencer's advisory lock, one per schema: a constant (distinct from the migrations' lock) and the
 * schema's hash. Advisory locks belong to the whole database, so with the constant alone the collectors
 * of sites that share a database, each in its own schema, skipped each other's rounds and waited on each
 * other's erasures.
 */
const SEQUENCER_LOCK = 7_164_202;
const LOCK_ARGUMENTS = `$1::int, hashtext(coalesce(current_schema(), ''))`;
const SEQUENCE_BATCH = 20_000;

type Queryable = pg.PoolClient | pg.Client;

async function readHead(client: Queryable): Promise<LogHead> {
  const { rows } = await client.query<{ size: string; root: string }>(
    'SELECT size, root FROM log_head WHERE id = 1',
  );
  return { size: Number(rows[0]!.size), root: rows[0]!.root };
}

async function readHashes(client: Queryable | pg.Pool, indexes: number[]): Promise<string[]> {
  if (!indexes.length) return [];
  const { rows } = await client.query<{ idx: string; hash: string }>(
    'SELECT idx, hash FROM log_hashes WHERE idx = ANY($1::bigint[])',
    [indexes],
  );
  const byIndex = new Map(rows.map((row) => [Number(row.idx), row.hash]));
  return indexes.map((index) => {
    const hash = byIndex.get(index);
    if (hash === undefined) throw new Error(`the log's stored hash ${index} is missing`);
    return hash;
  });
}

/** A leaf to append; a record's names its record (receiptId). */
export type PostgresLeaf = NewLeaf & { receiptId?: string };

/**
 * Appends leaves to the log; the caller's transaction holds the sequencer's lock. The first one's
 * index, or null (and no read) when there are none.
 */
export async function append(
  client: pg.PoolClient,
  leaves: PostgresLeaf[],
): Promise<number | null> {
  if (!leaves.length) return null;
  const { size } = await readHead(client);
  const edge = await readHashes(client, rightEdgeIndexes(size));
  const { stored, root } = appendLeaves(
    size,
    edge,
    leaves.map((leaf) => leaf.hash),
  );
  const first = storedHashCount(size);
  await client.query(
    'INSERT INTO log_hashes (idx, hash) SELECT * FROM unnest($1::bigint[], $2::text[])',
    [stored.map((_, i) => first + i), stored],
  );
  const columns = [
    leaves.map((_, i) => size + i),
    leaves.map((leaf) => leaf.kind),
    leaves.map((leaf) => leaf.hash),
    leaves.map((leaf) => leaf.leaf),
  ];
  // Only records name one: schema 12's step appends snapshot leaves before the column exists.
  if (leaves.some((leaf) => leaf.receiptId !== undefined)) {
    await client.query(
      `INSERT INTO log_leaves (leaf_index, kind, leaf_hash, leaf, receipt_id)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[])`,
      [...columns, leaves.map((leaf) => leaf.receiptId ?? null)],
    );
  } else {
    await client.query(
      `INSERT INTO log_leaves (leaf_index, kind, leaf_hash, leaf)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[])`,
      columns,
    );
  }
  await client.query('UPDATE log_head SET size = $1, root = $2 WHERE id = 1', [
    size + leaves.length,
    root,
  ]);
  return size;
}

/** A row waiting; seq and content_hash are those of the old chain (rows stored before schema 10). */
type PendingRow = RecordRow & {
  seq: string | null;
  content_hash: string | null;
  erased_at: Date | null;
  leaf_salt: string | null;
};

/** Rows hashed between two turns of the event loop: the requests of the collector are not held up. */
const HASHED_PER_TURN = 250;

/**
 * The leaves of rows waiting, each naming its record. A record's salt was chosen at insert; a row stored
 * before schema 13 and not yet in the tree may have none: it gets one here, written by the caller. The
 * hashing yields to the event loop every HASHED_PER_TURN rows: a round of thousands of rows would
 * otherwise stop every request of this collector for tens of milliseconds (when it runs on the main thread).
 */
async function leavesOf(
  rows: PendingRow[],
): Promise<{ leaves: PostgresLeaf[]; salted: Array<{ receiptId: string; salt: string }> }> {
  const leaves: PostgresLeaf[] = [];
  const salted: Array<{ receiptId: string; salt: string }> = [];
  for (const [i, row] of rows.entries()) {
    if (i > 0 && i % HASHED_PER_TURN === 0) await new Promise(setImmediate);
    const receiptId = row.receipt_id;
    if (row.erased_at !== null) {
      // Erased before the log existed: the content is gone, the old chain's content hash stands for it.
      const leaf = JSON.stringify(['garde/erased', Number(row.seq), row.content_hash]);
      leaves.push({ kind: 'erased', hash: leafHashOf(leaf), leaf, receiptId });
      continue;
    }
    let salt = row.leaf_salt;
    if (salt === null) {
      salt = saltsFor(1)[0]!;
      salted.push({ receiptId, salt });
    }
    leaves.push({
      kind: 'record',
      hash: leafHashOf(recordLeaf(toRecord(row), salt)),
      leaf: null,
      receiptId,
    });
  }
  return { leaves, salted };
}

/**
 * Takes up to SEQUENCE_BATCH receipt ids out of the queue, with the leaf hash the insert queued (null for a
 * row queued before schema 14), in receive order. A row some leaf already names (queued twice) is not
 * taken again; an id whose row is gone is dropped.
 */
const TAKE_WAITING = `WITH taken AS (
    DELETE FROM log_queue
    WHERE ctid = ANY(ARRAY(SELECT ctid FROM log_queue LIMIT ${SEQUENCE_BATCH}))
    RETURNING receipt_id, leaf_hash),
  waiting AS (SELECT receipt_id, max(leaf_hash) AS leaf_hash FROM taken GROUP BY receipt_id)
  SELECT r.receipt_id, w.leaf_hash FROM consent_records r JOIN waiting w USING (receipt_id)
  WHERE NOT EXISTS (SELECT 1 FROM log_leaves l WHERE l.receipt_id = r.receipt_id)
  ORDER BY r.received_at, r.receipt_id`;

/** The rows queued without a leaf hash, read back whole to build their leaves. */
const READ_UNHASHED = `SELECT ${COLUMNS}, seq, content_hash, erased_at, leaf_salt
  FROM consent_records WHERE receipt_id = ANY($1::text[])`;

/**
 * Puts the records waiting into the tree; the caller's transaction holds the sequencer's lock. Returns how
 * many it put there.
 */
export async function sequencePending(client: pg.PoolClient): Promise<number> {
  let count = 0;
  for (;;) {
    const { rows } = await client.query<{ receipt_id: string; leaf_hash: string | null }>({
      name: 'garde-take-waiting',
      text: TAKE_WAITING,
    });
    if (rows.length) {
      const unhashed = rows.filter((row) => row.leaf_hash === null).map((row) => row.receipt_id);
      const built = new Map<string, PostgresLeaf>();
      if (unhashed.length) {
        const read = await client.query<PendingRow>(READ_UNHASHED, [unhashed]);
        const { leaves, salted } = await leavesOf(read.rows);
        for (const leaf of leaves) built.set(leaf.receiptId!, leaf);
        if (salted.length)
          await client.query(
            `UPDATE consent_records r SET leaf_salt = x.s
             FROM unnest($1::text[], $2::text[]) AS x(q, s) WHERE r.receipt_id = x.q`,
            [salted.map((row) => row.receiptId), salted.map((row) => row.salt)],
          );
      }
      await append(
        client,
        rows.map((row): PostgresLeaf =>
          row.leaf_hash === null
            ? built.get(row.receipt_id)!
            : { kind: 'record', hash: row.leaf_hash, leaf: null, receiptId: row.receipt_id },
        ),
      );
    }
    count += rows.length;
    if (rows.length < SEQUENCE_BATCH) return count;
  }
}

/** Waits for the sequencer's lock, held until the caller's transaction ends (before appending leaves). */
export async function lockSequencer(client: pg.PoolClient): Promise<void> {
  await client.query(`SELECT pg_advisory_xact_lock(${LOCK_ARGUMENTS})`, [SEQUENCER_LOCK]);
}

/** Before an erasure: waits for the sequencer's lock and puts the records waiting into the tree. */
export async function prepareErasure(client: pg.PoolClient): Promise<void> {
  await client.query(`SELECT pg_advisory_xact_lock(${LOCK_ARGUMENTS})`, [SEQUENCER_LOCK]);
  await sequencePending(client);
}

/**
 * Erases the records in the tree that `where` selects (a condition on consent_records r; its parameters
 * from $2, $1 is the erasure's time), in the caller's transaction under the sequencer's lock: each row
 * becomes a tombstone without its salt, its leaf names the tombstone, and an erasure leaf names the leaves.
 * A record still waiting for the tree is not erased (prepareErasure puts those into the tree first).
 * Returns how many records were erased.
 */
export async function eraseLogged(
  client: pg.PoolClient,
  where: string,
  params: unknown[],
  erasure: { at: string; reason: string; actor: string },
): Promise<{ rows: number; leafIndex: number | null }> {
  // TOMBSTONE_SET's leaf_index is the leaf's: consent_records has none since schema 13.
  const { rows } = await client.query<{ leaf_index: string }>(
    `UPDATE consent_records r SET ${TOMBSTONE_SET}, erased_at = $1, leaf_salt = NULL
     FROM log_leaves l
     WHERE l.receipt_id = r.receipt_id AND r.erased_at IS NULL AND (${where})
     RETURNING l.leaf_index`,
    [erasure.at, ...params],
  );
  if (!rows.length) return { rows: 0, leafIndex: null };
  const leaves = rows.map((row) => Number(row.leaf_index)).sort((a, b) => a - b);
  await client.query(
    `UPDATE log_leaves SET receipt_id = 'erased-leaf-' || leaf_index
     WHERE leaf_index = ANY($1::bigint[])`,
    [leaves],
  );
  const leaf = erasureLeaf({ ...erasure, leaves });
  const leafIndex = await append(client, [{ kind: 'erasure', hash: leafHashOf(leaf), leaf }]);
  return { rows: rows.length, leafIndex };
}

interface CheckpointRow {
  size: string;
  root: string;
  time: Date;
  text: string;
}

/**
 * One round of the sequencer on `pool`, in one transaction: the head after it, or null when another
 * process holds the sequencer's lock.
 */
export async function sequenceRound(pool: pg.Pool): Promise<LogHead | null> {
  let taken = 0;
  const head = await transaction(pool, async (client) => {
    const { rows } = await client.query<{ got: boolean }>(
      `SELECT pg_try_advisory_xact_lock(${LOCK_ARGUMENTS}) AS got`,
      [SEQUENCER_LOCK],
    );
    if (!rows[0]!.got) return null;
    taken = await sequencePending(client);
    return readHead(client);
  });
  // The queue's rows die as fast as they are born (thousands a second): autovacuum, which visits a database
  // about once a minute, let ~650,000 dead rows pile up in 70 s under wrk, and each round's scan of the
  // queue grew with them. Vacuumed after each round that took rows, it stays a few pages. Without the
  // table's ownership PostgreSQL only warns; a failure here does not fail the round.
  if (taken) await pool.query('VACUUM (TRUNCATE false) log_queue').catch(() => null);
  return head;
}

/**
 * The log of a PostgreSQL storage; its rounds run by `sequence` (the sequencer thread), else on `pool`
 * in this thread.
 */
export function postgresLog(
  pool: pg.Pool,
  sequence: () => Promise<LogHead | null> = () => sequenceRound(pool),
): LogStore {
  return {
    sequence,
    head: async () => {
      const client = await pool.connect();
      try {
        return await readHead(client);
      } finally {
        client.release();
      }
    },
    async saveCheckpoint(checkpoint: StoredCheckpoint) {
      const result = await pool.query(
        `INSERT INTO log_checkpoints (size, root, time, text) VALUES ($1, $2, $3, $4)
         ON CONFLICT (size) DO NOTHING`,
        [checkpoint.size, checkpoint.root, checkpoint.time, checkpoint.text],
      );
      return result.rowCount === 1;
    },
    async latestCheckpoint() {
      const { rows } = await pool.query<CheckpointRow>(
        `SELECT size, root, time, text FROM log_checkpoints
       WHERE size <= (SELECT size FROM log_head WHERE id = 1) ORDER BY size DESC LIMIT 1`,
      );
      const row = rows[0];
      return row
        ? { size: Number(row.size), root: row.root, time: row.time.toISOString(), text: row.text }
        : null;
    },
    readHashes: (indexes) => readHashes(pool, indexes),
    async recordLeaves(receiptIds) {
      const { rows } = await pool.query<{
        receipt_id: string;
        leaf_index: string;
        leaf_salt: string;
      }>(
        `SELECT r.receipt_id, l.leaf_index, r.leaf_salt
         FROM consent_records r JOIN log_leaves l ON l.receipt_id = r.receipt_id
         WHERE r.receipt_id = ANY($1::text[]) AND r.leaf_salt IS NOT NULL`,
        [receiptIds],
      );
      return new Map<string, RecordLeaf>(
        rows.map((row) => [
          row.receipt_id,
          { leafIndex: Number(row.leaf_index), salt: row.leaf_salt },
        ]),
      );
    },
    async snapshotLeaves(hashes) {
      const found = new Map<string, SnapshotLeaf>();
      for (const hash of hashes) {
        const { rows } = await pool.query<{ leaf_index: string; leaf: string }>(
          `SELECT leaf_index, leaf FROM log_leaves
           WHERE kind = 'snapshot' AND leaf LIKE $1 || '%' ORDER BY leaf_index DESC LIMIT 1`,
          [snapshotLeafPrefix(hash)],
        );
        const row = rows[0];
        if (row) found.set(hash, { leafIndex: Number(row.leaf_index), leaf: row.leaf });
      }
      return found;
    },
  };
}

type LeafJoinRow = RecordRow & {
  l_index: string;
  l_kind: LeafRow['kind'];
  l_hash: string;
  l_leaf: string | null;
  r_leaf: string | null;
  erased_at: Date | null;
  leaf_salt: string | null;
};

/**
 * A read-only view of the log for verify: one REPEATABLE READ READ ONLY transaction, so that every query
 * sees the same snapshot while the collectors go on writing; works with a role that may only SELECT.
 */
export async function postgresLogSnapshot(client: pg.Client): Promise<LogSnapshot> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  const head = await readHead(client);
  const columns = recordColumnsOf('r');
  return {
    head: async () => head,
    async *leaves() {
      let from = 0;
      for (;;) {
        const { rows } = await client.query<LeafJoinRow>(
          `SELECT l.leaf_index AS l_index, l.kind AS l_kind, l.leaf_hash AS l_hash, l.leaf AS l_leaf,
             r.receipt_id AS r_leaf, r.erased_at, r.leaf_salt, ${columns}
           FROM log_leaves l LEFT JOIN consent_records r ON r.receipt_id = l.receipt_id
           WHERE l.leaf_index >= $1 ORDER BY l.leaf_index LIMIT ${CHUNK * 10}`,
          [from],
        );
        yield rows.map(leafRow);
        if (rows.length < CHUNK * 10) return;
        from = Number(rows[rows.length - 1]!.l_index) + 1;
      }
    },
    readHashes: (indexes) => readHashes(client, indexes),
    async strayRecords(size) {
      // Rows neither named by one of the head's leaves nor waiting: the log was cut (or their leaves
      // taken out) under them.
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM consent_records r
         WHERE NOT EXISTS (SELECT 1 FROM log_leaves l
                           WHERE l.receipt_id = r.receipt_id AND l.leaf_index < $1)
           AND NOT EXISTS (SELECT 1 FROM log_queue q WHERE q.receipt_id = r.receipt_id)`,
        [size],
      );
      return Number(rows[0]!.n);
    },
    async erasureRows() {
      const { rows } = await client.query<
        Omit<ErasureOnRecord, 'at' | 'leafIndex'> & { at: Date; leafIndex: string }
      >(`SELECT ${ERASURE_COLUMNS} FROM erasures WHERE leaf_index IS NOT NULL ORDER BY id`);
      return rows.map((row) => ({
        ...row,
        at: row.at.toISOString(),
        leafIndex: Number(row.leafIndex),
      }));
    },
    async *snapshots() {
      let after = '';
      for (;;) {
        const { rows } = await client.query<ArchivedSnapshotRow>(
          `SELECT s.hash, lang, garde_version AS "gardeVersion", policy_version AS "policyVersion",
             content, stored_at AS "storedAt", p.published_at AS "publishedAt"
           FROM snapshots s LEFT JOIN published_snapshots p ON p.hash = s.hash
           WHERE s.hash > $1 ORDER BY s.hash LIMIT ${CHUNK}`,
          [after],
        );
        yield rows.map(archivedFromPostgres);
        if (rows.length < CHUNK) return;
        after = rows[rows.length - 1]!.hash;
      }
    },
    async close() {
      await client.query('COMMIT').catch(() => {});
      await client.end();
    },
  };
}

function leafRow(row: LeafJoinRow): LeafRow {
  let record: LeafRow['record'];
  if (row.r_leaf === null) record = 'missing';
  else if (row.erased_at !== null) record = 'erased';
  else record = { content: toRecord(row), salt: row.leaf_salt };
  return {
    leafIndex: Number(row.l_index),
    kind: row.l_kind,
    leafHash: row.l_hash,
    leaf: row.l_leaf,
    record,
  };
}

/** A snapshot row of verify's view as pg returns it (timestamptz as Date). */
type ArchivedSnapshotRow = Omit<ArchivedSnapshot, 'storedAt' | 'publishedAt'> & {
  storedAt: Date;
  publishedAt: Date | null;
};

function archivedFromPostgres(row: ArchivedSnapshotRow): ArchivedSnapshot {
  return {
    ...row,
    storedAt: row.storedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}
