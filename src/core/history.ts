// The browser-side log of decisions and the outbox of receipts, in IndexedDB through idb-keyval.
// A receipt is written to the outbox before it is sent and leaves it only once the server
// answered: fetch tells us that, sendBeacon (true = queued) cannot. Storage that fails
// (private modes, blocked IndexedDB) is skipped: the page keeps working.
import { createStore, promisifyRequest as done, type UseStore } from 'idb-keyval';
import { post } from './post.js';
import type { HistoryEntry, Receipt } from './types.js';

type Outbox = Record<string, Receipt>;

/** The log is bounded: the last decisions only. */
export const HISTORY_LIMIT = 100;

/**
 * Sends one receipt; true once nothing more can be done: 2xx, or a 4xx that retrying cannot fix.
 * 408 (timeout) and 429 (rate limited: the collector limits per IP, and a whole office can share
 * one address) are worth a later retry, like 5xx and network errors.
 */
export async function sendReceipt(url: string, r: Receipt): Promise<boolean> {
  try {
    const res = await post(url, JSON.stringify(r));
    // A beacon (no fetch): queued counts as sent, since nothing more can be known.
    if (typeof res == 'boolean') return res;
    const s = res.status;
    const final = s < 500 && s != 408 && s != 429;
    if (final && s > 399) console.error(`garde: ${url} refused receipt ${r.receiptId} (${s})`);
    return final;
  } catch {
    return false;
  }
}

/** The log and outbox of one instance; `endpoint` null keeps receipts in the log only. */
export function createHistory(endpoint: string | null) {
  let db: UseStore | undefined;
  // Receipts of this page not yet confirmed: the outbox when IndexedDB is unavailable.
  const pending: Outbox = {};
  let chain = Promise.resolve();
  const safe = async <T>(f: (s: UseStore) => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await f((db ??= createStore('garde', 'log')));
    } catch {
      return fallback;
    }
  };
  const get = <T>(key: string) =>
    safe((s) => s('readonly', (st) => done<T | undefined>(st.get(key))), undefined);
  // Read and write in one transaction (idb-keyval's update(), without its default store).
  const upd = <T>(key: string, fn: (v: T | undefined) => T) =>
    safe(
      (s) =>
        s('readwrite', (st) => {
          const r = st.get(key);
          return done(r).then(() => (st.put(fn(r.result), key), done(st.transaction)));
        }),
      undefined,
    );

  /**
   * Sends what waits in the outbox. One flush at a time, across tabs too where Web Locks exist
   * (secure contexts), so that a receipt is not sent twice; the server still drops duplicates
   * by receiptId. The in-memory copy is used only when IndexedDB cannot be read.
   */
  const run = async () => {
    for (const r of Object.values((await get<Outbox>('outbox')) ?? pending))
      if (await sendReceipt(endpoint!, r)) {
        delete pending[r.receiptId];
        await upd<Outbox>('outbox', ({ [r.receiptId]: _, ...o } = {}) => o);
        await upd<HistoryEntry[]>('history', (h = []) =>
          h.map((e) => (e.receiptId == r.receiptId ? { ...e, sent: true } : e)),
        );
      }
  };
  const flush = (): Promise<void> =>
    (chain = chain
      .then(async () => {
        if (endpoint)
          await (navigator.locks ? navigator.locks.request('garde-outbox', run) : run());
      })
      .catch(() => {}));

  return {
    flush,
    /** The retry at start: only if garde's database exists, so that a page seen before any decision creates none. */
    async retry(): Promise<void> {
      try {
        if (!(await indexedDB.databases()).some((d) => d.name == 'garde')) return;
      } catch {
        // No databases() (older browsers) or no IndexedDB: flush() copes.
      }
      return flush();
    },
    /** Logs a receipt, puts it in the outbox first, then sends it. */
    async record(r: Receipt): Promise<void> {
      await upd<HistoryEntry[]>('history', (h = []) =>
        [...h, { ...r, sent: false }].slice(-HISTORY_LIMIT),
      );
      if (!endpoint) return;
      pending[r.receiptId] = r;
      await upd<Outbox>('outbox', (o = {}) => ({ ...o, [r.receiptId]: r }));
      return flush();
    },
    /** The log, oldest first. */
    list: () => get<HistoryEntry[]>('history').then((h) => h ?? []),
  };
}
