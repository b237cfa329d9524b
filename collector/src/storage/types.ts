// What the routes need from a database; SQLite and PostgreSQL implement it with the same semantics.
import type { Layer, Receipt } from 'garde/wire';
import type { LogHead, LogStore } from '../log/types.js';
import type { CountedHit } from './counters.js';

/** A receipt as stored: the browser's receipt plus the server's receive time. No IP, no user agent. */
export interface StoredRecord {
  receiptId: string;
  /** The visitor's consent id. */
  id: string;
  /** The browser's decision time (ISO 8601, as sent). */
  ts: string;
  /** The server's receive time (ISO 8601, UTC): the time filters, order and retention use. */
  receivedAt: string;
  version: string;
  categories: Record<string, boolean>;
  services: Record<string, boolean>;
  method: Receipt['method'];
  lang: string;
  path: string;
  /** The request's Origin header (the site that sent it), or null when there was none. */
  origin: string | null;
  /** The browser's `ts` is more than CLOCK_SKEW_MS from `receivedAt`: kept as sent, but not to be trusted. */
  clockSkew: boolean;
  /** The hash of the snapshot of what the visitor was shown (see `snapshots`), or null when not sent. */
  shown: string | null;
  /** Where the decision was taken (banner, dialog, placeholder, api, signal), or null when not sent. */
  layer: Layer | null;
  /** garde's version on the page, or null when not sent. */
  v: string | null;
}

/** A snapshot of what visitors were shown, stored once per hash. */
export interface StoredSnapshot {
  /** SHA-256 (hex) of `content`, what receipts name in `shown`. */
  hash: string;
  lang: string;
  /** garde's version. */
  v: string;
  policyVersion: string;
  /** The snapshot's canonical serialisation, exactly the text that was hashed. */
  content: string;
  /** When the collector first stored it (ISO 8601, UTC). */
  storedAt: string;
}

/**
 * One version of what visitors were shown: a hash named by receipts, a stored snapshot, or both. The
 * snapshot's fields are null while the collector lacks it; the dates are null when no receipt (not erased)
 * names it.
 */
export interface SnapshotVersion {
  hash: string;
  lang: string | null;
  v: string | null;
  policyVersion: string | null;
  storedAt: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  /** Receipts (not erased) that name it. */
  receipts: number;
  /** When the site registered it (POST /api/snapshots), or null: reported by browsers only. */
  publishedAt: string | null;
}

/** One page of the versions list, and how many versions there are. */
export interface SnapshotVersionPage {
  total: number;
  versions: SnapshotVersion[];
}

/** How far a receipt's `ts` may be from the receive time before the record is flagged. */
export const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * What became of a receipt: `stored`, `duplicate` (its receiptId was stored with the same content: a
 * resend, nothing written) or `conflict` (stored with other content: a forgery or a bug, nothing written).
 */
export type InsertOutcome = 'stored' | 'duplicate' | 'conflict';

/** An analytics hit after anonymisation: nothing here identifies a device or a person. */
export interface StoredHit {
  receivedAt: string;
  /** UTC day of `receivedAt`, YYYY-MM-DD. */
  day: string;
  /** The site (the request's Origin), or '' when there was none: as the counters write it. */
  site: string;
  name: string;
  path: string;
  /** Referring domain only, or null. */
  referrer: string | null;
  browser: string;
  major: number;
  os: string;
  mobile: boolean;
  lang: string;
  vw: number;
  consent: boolean;
  /** The client network, truncated by anonymiseIp (/16 or /48 with consent, /8 or /32 without). */
  network: string | null;
  props: Record<string, string | number | boolean> | null;
  minor: number | null;
  screen: string | null;
  session: string | null;
  uid: string | null;
}

/** Filters of the records list and CSV; dates are UTC days, both ends included. */
export interface RecordFilter {
  from?: string;
  to?: string;
  version?: string;
  method?: string;
  id?: string;
  /** The site: the receipt's origin, exactly (`https://www.inami.fgov.be`). */
  site?: string;
}

export interface RecordPage {
  total: number;
  records: StoredRecord[];
}

/** The shape of GET /api/stats (the admin page reads exactly this). */
export interface Stats {
  decisions: Array<{ day: string; method: string; count: number }>;
  acceptance: Array<{ day: string; category: string; granted: number; total: number }>;
  pageviews: {
    byDay: Array<{ day: string; count: number; consented: number }>;
    byPath: Array<{ path: string; count: number }>;
    byReferrer: Array<{ referrer: string; count: number }>;
    byBrowser: Array<{ browser: string; count: number }>;
    byOs: Array<{ os: string; count: number }>;
  };
  /** The transparency log's size and root hash, for the owner to note elsewhere. */
  log: LogHead;
}

/** One erasure as recorded: when, why (`request`: an erasure request; `retention`), how many rows, by whom. */
export interface Erasure {
  at: string;
  reason: 'request' | 'retention';
  rows: number;
  actor: string;
  /** The index of its leaf in the log; null for an erasure recorded before schema 15. */
  leafIndex: number | null;
}

/** The columns of an Erasure, in both databases. */
export const ERASURE_COLUMNS = 'at, reason, rows, actor, leaf_index AS "leafIndex"';

/** One page of the erasures, newest first, and how many there are in all. */
export interface ErasurePage {
  total: number;
  erasures: Erasure[];
}

export interface PurgeResult {
  records: number;
  hits: number;
}

/** Rows of the analytics totals removed: pre-consent day counters (hit_counters), daily totals (hit_days). */
export interface TotalsRemoved {
  counters: number;
  totals: number;
}

/** Rows removed by the erasure of a path: raw hits, and the counters and daily totals of that path. */
export interface PathErased extends TotalsRemoved {
  hits: number;
}

/** The consent records: their writes, reads, erasure and retention. Every write resolves once committed. */
export interface RecordStore {
  /**
   * Inserts receipts, in order; a receiptId already stored (or earlier in the batch) is not written again.
   * One outcome per receipt.
   */
  insertRecords(records: StoredRecord[]): Promise<InsertOutcome[]>;
  /** One page of records, newest first. */
  listRecords(filter: RecordFilter, page: number, pageSize: number): Promise<RecordPage>;
  /** Every matching record, newest first, read in chunks so memory stays flat. */
  iterateRecords(filter: RecordFilter): AsyncIterable<StoredRecord>;
  /** Every decision of one visitor, oldest first. */
  visitorRecords(id: string): Promise<StoredRecord[]>;
  /**
   * Erases (tombstones) the records of visitors whose last decision was received before `recordsBefore`,
   * recording the erasure, and rolls hits of days before `hitsBeforeDay` into daily aggregates before
   * deleting them (one transaction: the retention run).
   */
  purge(recordsBefore: string, hitsBeforeDay: string, at?: string): Promise<PurgeResult>;
  /** Erases every record of one consent id (tombstones) and records the erasure; returns the row count. */
  eraseVisitor(id: string, erasure: { at: string; actor: string }): Promise<number>;
  /** The erasures recorded, oldest first. */
  erasures(): Promise<Erasure[]>;
  /** One page of the erasures recorded, newest first (retention adds one a day for years). */
  listErasures(page: number, pageSize: number): Promise<ErasurePage>;
}

/** The analytics: anonymised hits, pre-consent counters, daily totals, and the admin page's figures. */
export interface AnalyticsStore {
  /** Inserts anonymised hits in one transaction. */
  insertHits(hits: StoredHit[]): Promise<void>;
  /** Adds pre-consent hits to their day-level counters (count + 1 each), in one transaction. */
  countHits(hits: CountedHit[]): Promise<void>;
  /** Aggregates for the admin page over UTC days `from`..`to` (included), of one site when given. */
  stats(from: string, to: string, site?: string): Promise<Omit<Stats, 'log'>>;
  /**
   * The sites seen: every origin a stored receipt (not erased), hit, counter or daily total came from,
   * sorted; requests without an Origin are not a site.
   */
  sites(): Promise<string[]>;
  /** Deletes the day counters and daily totals of days before `beforeDay` (their retention). */
  purgeTotals(beforeDay: string): Promise<TotalsRemoved>;
  /**
   * Deletes the raw hits, day counters and daily totals whose path is `path` or starts with it (a
   * personal path found in the analytics).
   */
  erasePath(path: string): Promise<PathErased>;
}

/** The archive of what visitors were shown. */
export interface SnapshotStore {
  /**
   * Stores a snapshot unless one with its hash is stored already (`known`: nothing written), and appends
   * its leaf to the log in the same transaction.
   */
  insertSnapshot(snapshot: StoredSnapshot): Promise<'stored' | 'known'>;
  /** Whether a snapshot with this hash is stored. */
  hasSnapshot(hash: string): Promise<boolean>;
  /** Whether a stored receipt (not erased) names this hash in `shown`. */
  snapshotReferenced(hash: string): Promise<boolean>;
  /** The stored snapshot with this hash, or null. */
  snapshot(hash: string): Promise<StoredSnapshot | null>;
  /** One page of the versions: hashes named by receipts and stored snapshots, the most recently seen first. */
  snapshotVersions(page: number, pageSize: number): Promise<SnapshotVersionPage>;
  /**
   * Stores a snapshot the site registers (unless its hash is stored: `known`) and marks it published by
   * the site at `at`; appends a leaf when this changes what the archive says of it.
   */
  publishSnapshot(snapshot: StoredSnapshot, at: string): Promise<'stored' | 'known'>;
  /**
   * Deletes the snapshots no receipt (not erased) names and the site did not publish, and appends a leaf
   * naming them, erased at `at`; returns how many.
   */
  dropOrphanSnapshots(at: string): Promise<number>;
}

/**
 * The collector's database: the stores of one database composed (records, analytics, snapshots and the
 * transparency log of the records and erasures), as `open.ts` gives it to the routes.
 */
export interface Storage extends RecordStore, AnalyticsStore, SnapshotStore {
  log: LogStore;
  close(): Promise<void>;
}

/** Number of rows fetched per round trip when streaming records. */
export const CHUNK = 1000;
/** Top-N rows returned per analytics dimension. */
export const TOP = 50;

/** `to` day included → the exclusive upper bound of receivedAt. */
export function dayAfter(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
