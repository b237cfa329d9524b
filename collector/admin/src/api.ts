// The admin page's only door to the collector: typed wrappers around the reading endpoints,
// each sending the Bearer token. A 401 becomes an `Unauthorized` error so that any component
// can hand it to the app, which then shows the sign-in again.

import {
  RECEIPT_METHODS,
  type Layer,
  type Receipt,
  type ReceiptMethod,
  type Snapshot,
} from 'garde/wire';
import type { RetentionPeriods } from '../../src/routes/erasures.js';
import type { Erasure, SnapshotVersion, Stats } from '../../src/storage/types.js';

/** How the visitor decided, as stored in a consent record (`withdraw`: the visitor withdrew consent). */
export type Method = ReceiptMethod;

/** The methods in the order the page shows them (legend, filters, stacks, colours): the wire's. */
export const METHODS: readonly Method[] = RECEIPT_METHODS;

/**
 * One stored consent receipt, as `GET /api/records` returns it: the receipt, its receive time, the
 * site it came from (its Origin header, or null) and whether the browser's clock was more than 10
 * minutes from the server's. `shown`, `layer` and `v` are null for receipts that did not carry them.
 */
export type ConsentRecord = Omit<Receipt, 'shown' | 'layer' | 'v'> & {
  receivedAt: string;
  origin: string | null;
  clockSkew: boolean;
  shown: string | null;
  layer: Layer | null;
  v: string | null;
};

/** One version of what visitors were shown (`GET /api/snapshots`): the server's own type. */
export type { SnapshotVersion };

/** One page of `GET /api/snapshots`. */
export interface SnapshotVersionPage {
  total: number;
  page: number;
  pageSize: number;
  versions: SnapshotVersion[];
}

/** One erasure (`GET /api/erasures`): when, why, how many records, by whom; the server's own type. */
export type { Erasure };

/** One page of `GET /api/erasures`, newest first, with the retention periods in force. */
export interface ErasurePage {
  total: number;
  page: number;
  pageSize: number;
  retention: RetentionPeriods;
  erasures: Erasure[];
}

/** A stored snapshot, as `GET /api/snapshots/:hash` returns it. */
export interface ShownSnapshot {
  hash: string;
  lang: string;
  v: string;
  policyVersion: string;
  storedAt: string;
  snapshot: Snapshot;
}

/** Filters of the records list and its CSV; empty strings mean "any". */
export interface RecordFilters {
  from: string;
  to: string;
  version: string;
  method: string;
  id: string;
  /** The site's origin (`https://www.inami.fgov.be`); absent or empty for every site. */
  site?: string;
}

/** One page of records, newest first. */
export interface RecordPage {
  total: number;
  page: number;
  pageSize: number;
  records: ConsentRecord[];
}

/** Every decision of one visitor, oldest first. */
export interface VisitorHistory {
  id: string;
  records: ConsentRecord[];
}

/**
 * The log part of an export: the latest signed checkpoint and each record's inclusion proof against it.
 * The server's ExportedLog (collector/src/log/proofs.ts, which the page cannot import: it hashes with
 * node:crypto); the admin tests read both sides through the same collector.
 */
export interface ExportedLog {
  /** The signed checkpoint text, or null before the first one. */
  checkpoint: string | null;
  treeSize: number;
  root: string | null;
  /** The audit path of each record in the checkpoint's tree, hex hashes from the leaf up. */
  proofs: Array<{ receiptId: string; leafIndex: number; salt: string; path: string[] }>;
  /** Receipts not yet in a checkpoint. */
  pending: string[];
}

/**
 * The export of an access request (`GET /api/records/:id/export`): the visitor's records and, for each,
 * its inclusion proof against the latest signed checkpoint.
 */
export interface VisitorExport {
  id: string;
  exportedAt: string;
  records: ConsentRecord[];
  log: ExportedLog;
}

/** What `GET /api/stats` returns for a period: the server's own type, so that the two cannot drift. */
export type { Stats };

/** The collector refused the token (401): the app signs out and asks for it again. */
export class Unauthorized extends Error {
  constructor() {
    super('The collector refused the token.');
  }
}

/** Any other failed request, with a message fit to show to the site owner. */
export class ApiError extends Error {}

const query = (params: Record<string, string | number | undefined>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

async function request(token: string, path: string, method = 'GET'): Promise<Response> {
  let res: Response;
  try {
    // The page is served by the collector itself (at /admin/), so the API is same-origin.
    res = await fetch(`/api/${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
  } catch {
    throw new ApiError('The collector cannot be reached. Check that it is running.');
  }
  if (res.status === 401) throw new Unauthorized();
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as {
      message?: unknown;
      error?: unknown;
    } | null;
    const why =
      typeof body?.message === 'string'
        ? body.message
        : typeof body?.error === 'string'
          ? body.error
          : '';
    throw new ApiError(
      `The collector answered ${res.status}${why ? `: ${why.replace(/\.?$/, '.')}` : '.'}`,
    );
  }
  return res;
}

/** The reading API bound to one token. */
export interface Api {
  records(filters: RecordFilters, page: number, pageSize: number): Promise<RecordPage>;
  recordsCsv(filters: RecordFilters): Promise<Blob>;
  visitor(id: string): Promise<VisitorHistory>;
  /** Every record of one visitor as the JSON file of an access request. */
  exportVisitor(id: string): Promise<Blob>;
  /** The same export, read: the records with their inclusion proofs. */
  visitorProofs(id: string): Promise<VisitorExport>;
  /** Erases every record of one visitor (tombstones), recording `by` as who did; resolves with how many. */
  eraseVisitor(id: string, by?: string): Promise<number>;
  /** The statistics of one site (its origin), or of every site when `site` is ''. */
  stats(from: string, to: string, site?: string): Promise<Stats>;
  /** The sites seen: the origins records and hits came from. */
  sites(): Promise<string[]>;
  /** One page of the versions of what visitors were shown, the most recently seen first. */
  snapshots(page: number, pageSize: number): Promise<SnapshotVersionPage>;
  /** One snapshot by hash; null when the collector does not have it. */
  snapshot(hash: string): Promise<ShownSnapshot | null>;
  /** One page of the erasures, the newest first, and the retention periods in force. */
  erasures(page: number, pageSize: number): Promise<ErasurePage>;
}

/** Creates the API client for a token; nothing is sent until a method is called. */
export function createApi(token: string): Api {
  const json = async <T>(path: string) => (await (await request(token, path)).json()) as T;
  return {
    records: (f, page, pageSize) => json<RecordPage>(`records${query({ ...f, page, pageSize })}`),
    recordsCsv: async (f) => (await request(token, `records.csv${query({ ...f })}`)).blob(),
    visitor: (id) => json<VisitorHistory>(`records/${encodeURIComponent(id)}`),
    exportVisitor: async (id) =>
      (await request(token, `records/${encodeURIComponent(id)}/export`)).blob(),
    visitorProofs: (id) => json<VisitorExport>(`records/${encodeURIComponent(id)}/export`),
    eraseVisitor: async (id, by) => {
      const res = await request(
        token,
        `records/${encodeURIComponent(id)}${query({ by })}`,
        'DELETE',
      );
      return ((await res.json()) as { erased: number }).erased;
    },
    stats: (from, to, site) => json<Stats>(`stats${query({ from, to, site })}`),
    sites: async () => (await json<{ sites: string[] }>('sites')).sites,
    snapshots: (page, pageSize) =>
      json<SnapshotVersionPage>(`snapshots${query({ page, pageSize })}`),
    erasures: (page, pageSize) => json<ErasurePage>(`erasures${query({ page, pageSize })}`),
    snapshot: async (hash) => {
      try {
        return await json<ShownSnapshot>(`snapshots/${encodeURIComponent(hash)}`);
      } catch (e) {
        if (e instanceof ApiError && /^The collector answered 404/.test(e.message)) return null;
        throw e;
      }
    },
  };
}
