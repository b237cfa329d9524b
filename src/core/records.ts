// What keeps the record of each decision: the receipt stamped with what was shown (shown.ts),
// logged and put in the outbox, then sent (history.ts). In the ESM build and the tests it runs in
// the page's own code; the drop-in swaps this file for records.script.ts, which keeps each receipt
// at once in localStorage and leaves the rest to dist/garde-records.js (records-file.ts).
import { createHistory, type HistoryOptions } from './history.js';
import { createShown, type Shown } from './shown.js';
import { reducePath } from '../minimise/path.js';
import { MAX_PATH_LENGTH } from '../wire.js';
import type { GardeConfig, HistoryEntry, Lang, Receipt, SnapshotProvider } from './types.js';

export interface RecordsOptions {
  config: GardeConfig;
  /** The snapshot of what the UI shows: each receipt then carries its hash as `shown`. */
  snapshot?: SnapshotProvider;
  /** init()'s `later`: when the drop-in may load its records file (records.script.ts). */
  later?: <T>(work: () => T) => Promise<Awaited<T>>;
}

/** The record-keeping of one instance, as init() uses it. */
export interface Records {
  /** Keeps a receipt: logged only when `logged` (the decision keeps an id), and sent. */
  record(receipt: Receipt, logged: boolean): unknown;
  /** At start, once the page has painted: sends what an earlier page left unsent. */
  retry(): Promise<void>;
  /** Sends what waits (the browser is back online). */
  flush(): Promise<void>;
  /** The log, oldest first. */
  list(): Promise<HistoryEntry[]>;
  /** Sends nothing more (destroy()). */
  stop(): void;
}

/** The receipts' stamp, log and outbox; without a policy version, the log only. */
export function createRecords({ config, snapshot }: RecordsOptions, options?: HistoryOptions) {
  // What was shown, per language (setLang() may change it; a receipt names its own): made at the
  // first receipt in each. The collector asks for a snapshot it lacks as it answers a receipt:
  // sent when it is one of this page's.
  const shownIn: Partial<Record<Lang, Shown>> = {};
  const history = createHistory(
    // Without a policy version a decision proves nothing (and the collector would refuse it):
    // logged here only.
    config.policy.version ? config.recordEndpoint : null,
    config.cookie.days,
    (hash) => {
      for (const shown of Object.values(shownIn)) void shown.upload(hash);
    },
    options,
  );
  // Its path reduced as a hit's is: no query, identifiers and the site's personal segments
  // redacted.
  const reduced = (receipt: Receipt): Receipt => ({
    ...receipt,
    path: reducePath(receipt.path, [], config.paths).slice(0, MAX_PATH_LENGTH),
  });
  /**
   * The receipt as it is logged and sent: its path reduced, and with a snapshot, once its hash is
   * made, what was shown. What this page shows is what the visitor saw only under the same policy
   * version (a receipt the drop-in's records file takes over from an earlier page usually is):
   * otherwise the receipt goes without `shown`.
   */
  const stamp = async (given: Receipt): Promise<Receipt> => {
    const receipt = reduced(given);
    return snapshot && receipt.version === config.policy.version
      ? (shownIn[receipt.lang] ??= createShown({
          config,
          lang: receipt.lang,
          provider: snapshot,
        })).stamp(receipt)
      : receipt;
  };
  return {
    ...history,
    stamp,
    // Without a snapshot, logged at once: a history() read right after the decision finds it.
    record: (receipt: Receipt, logged: boolean) =>
      snapshot
        ? stamp(receipt).then((stamped) => history.record(stamped, logged))
        : history.record(reduced(receipt), logged),
  };
}
