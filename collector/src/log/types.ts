// What the storage gives the transparency log: the same on SQLite and PostgreSQL.
import type { StoredRecord } from '../storage/types.js';

/** The tree's current size and root hash (hex). */
export interface LogHead {
  size: number;
  root: string;
}

/** A signed tree head as kept in the database (its file and the witnesses' copies hold the same text). */
export interface StoredCheckpoint {
  size: number;
  root: string;
  /** ISO 8601 UTC. */
  time: string;
  /** The signed checkpoint text (see checkpoint.ts). */
  text: string;
}

/** Where a stored record sits in the log: its leaf index and salt (null while it waits for the sequencer). */
export interface RecordLeaf {
  leafIndex: number;
  salt: string;
}

/** The log as the collector uses it. */
export interface LogStore {
  /**
   * Puts the records waiting into the tree, in one transaction, if this process can take the sequencer's
   * lock; the head after, or null when another process holds the lock.
   */
  sequence(): Promise<LogHead | null>;
  head(): Promise<LogHead>;
  /** Stores a checkpoint unless one of its size is stored; whether this call stored it. */
  saveCheckpoint(checkpoint: StoredCheckpoint): Promise<boolean>;
  /**
   * The newest checkpoint of the tree as it is: none past the head (a row claiming more leaves than the
   * log has is forged, and a proof against it could not be made).
   */
  latestCheckpoint(): Promise<StoredCheckpoint | null>;
  /** Stored tree hashes by stored-hash index, in the order asked. */
  readHashes(indexes: number[]): Promise<string[]>;
  /** The leaf index and salt of each of these receipts that is in the log. */
  recordLeaves(receiptIds: string[]): Promise<Map<string, RecordLeaf>>;
  /** The last snapshot leaf (index, text) of each of these snapshot hashes that has one. */
  snapshotLeaves(hashes: string[]): Promise<Map<string, SnapshotLeaf>>;
}

/** A snapshot's last leaf in the log: its index and the leaf itself (snapshotLeaf of garde/wire). */
export interface SnapshotLeaf {
  leafIndex: number;
  leaf: string;
}

/** One leaf as verify reads it, with the record it stands for. */
export interface LeafRow {
  leafIndex: number;
  kind: 'record' | 'erasure' | 'erased' | 'snapshot' | 'snapshot-erasure';
  leafHash: string;
  /** The leaf itself for every kind but records (null for records: their row and salt make it). */
  leaf: string | null;
  /** The record row with this leaf index: its content, or `erased`, or `missing` when no row has it. */
  record: { content: StoredRecord; salt: string | null } | 'erased' | 'missing';
}

/** A read-only, consistent view of the log for verify. */
export interface LogSnapshot {
  head(): Promise<LogHead>;
  /** Every leaf in order, in batches (one await a batch, not a leaf: verify walks millions). */
  leaves(): AsyncIterable<LeafRow[]>;
  readHashes(indexes: number[]): Promise<string[]>;
  /**
   * Records outside the log's first `size` leaves (none in an intact log): on SQLite those that claim a
   * leaf index at or past it; on PostgreSQL those no such leaf names that are not waiting in its queue.
   */
  strayRecords(size: number): Promise<number>;
  /** The archive of what visitors were shown, in batches, in hash order. */
  snapshots(): AsyncIterable<ArchivedSnapshot[]>;
  /** The rows of the erasures table that name their leaf (schema 15 on), in the order recorded. */
  erasureRows(): Promise<ErasureOnRecord[]>;
  close(): Promise<void>;
}

/** An erasure as the erasures table records it, with the index of the leaf that must say the same. */
export interface ErasureOnRecord {
  at: string;
  reason: string;
  rows: number;
  actor: string;
  leafIndex: number;
}

/**
 * A snapshot as stored: its key is the SHA-256 of its content, the `shown` that records (leaves)
 * name; the other columns repeat fields of the content for the admin page's lists. `storedAt` and
 * `publishedAt` (the site's registration, or null) are what its last leaf in the log must say.
 */
export interface ArchivedSnapshot {
  hash: string;
  lang: string;
  gardeVersion: string;
  policyVersion: string;
  content: string;
  storedAt: string;
  publishedAt: string | null;
}
