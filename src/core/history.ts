// The browser-side log of decisions and the outbox of receipts, in IndexedDB through idb-keyval.
// A receipt is written to the outbox before it is sent and leaves it only once the server
// answered: fetch tells us that, sendBeacon (true = queued) cannot. Nothing is kept without an
// end: a log entry and an unsent receipt expire with the decision they record (`cookie.days`),
// a decision without an id (a refusal, a withdrawal) erases the log, and an emptied key is
// deleted. Storage that fails (private modes, blocked IndexedDB) is skipped: the page keeps
// working. The drop-in keeps its outbox in localStorage instead (local-outbox.ts, records-file.ts).
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { post } from './post.js';
import type { HistoryEntry, Receipt } from './types.js';

/** Receipts waiting for the server's answer, by receiptId. */
export type Outbox = Record<string, Receipt>;

/**
 * Where the outbox is kept, when not in IndexedDB: `read` gives undefined when it cannot be read,
 * `update` resolves true once written (a change to an empty outbox deletes it).
 */
export interface OutboxStore {
  read(): Promise<Outbox | undefined>;
  update(change: (outbox: Outbox | undefined) => Outbox): Promise<boolean>;
}

/** Options of {@link createHistory} that only the drop-in's records file gives. */
export interface HistoryOptions {
  /** The outbox's storage (default: IndexedDB, beside the log). */
  outbox?: OutboxStore;
}

/** The log is bounded: the last decisions only. */
export const HISTORY_LIMIT = 100;

/**
 * When a send fails, the page tries again after this delay, then six and 36 times it, then only
 * on `online` or the next page: a visitor who decides and leaves should not leave the receipt
 * waiting for a return.
 */
export const RETRY_DELAY = 5e3;

/** Told the hash of a snapshot the collector lacks (its answer `{"snapshot":"missing"}`). */
export type MissingSnapshot = (shown: string) => unknown;

/**
 * Sends one receipt; true once nothing more can be done: 2xx, or a 4xx that retrying cannot fix.
 * 408 (timeout) and 429 (rate limited: the collector limits per IP, and a whole office can share
 * one address) are worth a later retry, like 5xx and network errors.
 */
export async function sendReceipt(
  url: string,
  receipt: Receipt,
  onMissing?: MissingSnapshot,
): Promise<boolean> {
  try {
    const response = await post(url, JSON.stringify(receipt));
    // A beacon (no fetch): queued counts as sent, since nothing more can be known.
    if (typeof response === 'boolean') return response;
    const status = response.status;
    // The collector lacks the snapshot this receipt names: whoever has it sends it.
    if (receipt.shown && (await response.json().catch(() => null))?.snapshot === 'missing')
      void onMissing?.(receipt.shown);
    const final = status < 500 && status !== 408 && status !== 429;
    if (final && status > 399)
      console.error(`garde: ${url} refused receipt ${receipt.receiptId} (${status})`);
    return final;
  } catch {
    return false;
  }
}

/**
 * The log and outbox of one instance; `endpoint` null keeps receipts in the log only. `days` is
 * the lifetime of a decision (`cookie.days`), hence of its entry and of its unsent receipt.
 * `onMissing` hears of each snapshot the collector asks for.
 */
export function createHistory(
  endpoint: string | null,
  days: number,
  onMissing?: MissingSnapshot,
  { outbox }: HistoryOptions = {},
) {
  let database: UseStore | undefined;
  // Receipts of this page that the outbox could not hold, until sent.
  const pending: Outbox = {};
  // Whether receipts go to an outbox at all: still so once stopped, for the next instance to send.
  const outboxed = !!endpoint;
  let chain = Promise.resolve();
  let retries = 0;
  let timer: ReturnType<typeof setTimeout> | 0 = 0;
  const safely = async <T>(work: (store: UseStore) => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work((database ??= createStore('garde', 'log')));
    } catch {
      return fallback;
    }
  };
  // `fallback` when IndexedDB cannot be read; undefined when the key is absent.
  const read = <T>(key: string, fallback?: T) =>
    safely(
      (store) => store('readonly', (objects) => promisifyRequest<T | undefined>(objects.get(key))),
      fallback,
    );
  // Read and write in one transaction (idb-keyval's update(), without its default store); a
  // change to nothing (undefined, an empty list or outbox) deletes the key. True once written.
  const update = <T extends object>(key: string, change: (value: T | undefined) => T | undefined) =>
    safely(
      (store) =>
        store('readwrite', async (objects) => {
          const request = objects.get(key);
          await promisifyRequest(request);
          const next = change(request.result);
          if (next && Object.keys(next).length) objects.put(next, key);
          else objects.delete(key);
          await promisifyRequest(objects.transaction);
          return true;
        }),
      false,
    );
  const outboxStore: OutboxStore = outbox ?? {
    read: () => read<Outbox>('outbox'),
    update: (change) => update<Outbox>('outbox', change),
  };
  // Whether what was recorded at `ts` is still within the lifetime of its decision.
  const current = ({ ts }: Receipt) => Date.parse(ts) + days * 864e5 > Date.now();

  /**
   * Sends what waits in the outbox. One flush at a time, across tabs too where Web Locks exist
   * (secure contexts), so that a receipt is not sent twice; the server still drops duplicates
   * by receiptId. This page's receipts are sent from memory where the outbox lacks them.
   */
  const sendOutbox = async () => {
    let failed = false;
    // With this page's receipts that the outbox could not hold: a write can fail where reads
    // work (storage full), as well as everything (no IndexedDB).
    // By its key: a value there that is no receipt (written by hand) has no receiptId of its own.
    for (const [receiptId, receipt] of Object.entries({
      ...pending,
      ...(await outboxStore.read()),
    })) {
      // Stopped meanwhile (below).
      if (!endpoint) return;
      // An expired receipt is dropped unsent.
      if (!current(receipt) || (await sendReceipt(endpoint!, receipt, onMissing))) {
        delete pending[receiptId];
        await outboxStore.update(({ [receiptId]: _sent, ...rest } = {}) => rest);
        await update<HistoryEntry[]>('history', (entries) =>
          entries?.map((entry) =>
            entry.receiptId === receiptId ? { ...entry, sent: true } : entry,
          ),
        );
      } else failed = true;
    }
    // One timer at a time: a flush for another reason (a decision, `online`) does not move it on.
    if (!failed) retries = 0;
    else if (!timer && retries < 3)
      timer = setTimeout(
        () => {
          timer = 0;
          void flush();
        },
        RETRY_DELAY * 6 ** retries++,
      );
  };
  const flush = (): Promise<void> =>
    (chain = chain
      .then(async () => {
        if (!endpoint) return;
        try {
          await navigator.locks.request('garde-outbox', sendOutbox);
        } catch {
          // No Web Locks (plain http), or refused: Chromium denies them to an opaque origin (a
          // sandboxed frame), as wherever it denies the page storage. Sent without the lock.
          await sendOutbox();
        }
      })
      .catch(() => {}));

  const keep = async (receipt: Receipt, logged: boolean): Promise<void> => {
    const { receiptId } = receipt;
    await update<HistoryEntry[]>('history', (entries = []) =>
      logged
        ? [
            ...entries.filter((entry) => current(entry) && entry.receiptId !== receiptId),
            { ...receipt, sent: false },
          ].slice(-HISTORY_LIMIT)
        : undefined,
    );
    if (!outboxed) return;
    const kept = await outboxStore.update((outbox = {}) => ({ ...outbox, [receiptId]: receipt }));
    // In memory only when the outbox cannot hold it (no IndexedDB, storage full).
    if (!kept) pending[receiptId] = receipt;
  };

  return {
    flush,
    /**
     * Sends nothing more from this instance (destroy()), as if it had no endpoint: the outbox is
     * shared by every instance of the origin, and a stopped one must not send the next one's
     * receipts to its own endpoint. What waits stays in the outbox.
     */
    stop() {
      // A retry timer still to come finds no endpoint.
      endpoint = null;
    },
    /**
     * The retry at start: only if garde's database exists, so that a page seen before any
     * decision creates none.
     */
    async retry(): Promise<void> {
      try {
        if (!(await indexedDB.databases()).some((info) => info.name === 'garde')) return;
      } catch {
        // No databases() (older browsers) or no IndexedDB: flush() copes.
      }
      return flush();
    },
    /**
     * Logs a receipt (`logged`; otherwise erases the log: a visitor without an id has none) and
     * puts it in the outbox, without sending it. Taking the same receipt again changes nothing.
     */
    keep,
    /** {@link keep}, then sends it. */
    async record(receipt: Receipt, logged: boolean): Promise<void> {
      await keep(receipt, logged);
      return flush();
    },
    /** The log, oldest first. */
    list: () => read<HistoryEntry[]>('history').then((entries = []) => entries.filter(current)),
  };
}
