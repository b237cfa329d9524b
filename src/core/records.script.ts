// The drop-in's record-keeping (in place of records.ts, rollup.config.mjs). A decision is rare
// (once per visitor and policy version), so the first file keeps only what must happen at its
// moment: the receipt, as the decision made it, written at once to localStorage (local-outbox.ts;
// in memory where storage is refused), before anything asynchronous, so that a navigation right
// after the click loses nothing. dist/garde-records.js, loaded once the banner is painted, stamps
// it with what was shown, logs it in IndexedDB and sends it (records-file.ts). When that file
// cannot load (missing, blocked, offline), the decision applies all the same and the receipt waits
// in localStorage: the next page finds its key and loads the file. A page with no receipt kept
// never loads it, and the first file never reads IndexedDB.
import { loadScript } from './load-script.js';
import { RECEIPT_KEY, type KeptReceipt } from './local-outbox.js';
import type { Records, RecordsOptions } from './records.js';
import type { GardeConfig } from './types.js';

declare global {
  interface Window {
    /** Set by dist/garde-records.js: records-file.ts's openRecordsFile, with the snapshot. */
    gardeRecords?: (config: GardeConfig, memory: Record<string, KeptReceipt>) => Records;
  }
}

/** {@link Records} for the drop-in: kept now, handed to dist/garde-records.js once painted. */
export function createRecords({ config, later }: RecordsOptions): Records {
  // The receipts this page could not write to localStorage, until the records file takes them.
  const memory: Record<string, KeptReceipt> = {};
  let file: Promise<Records> | undefined;
  let live = true;
  const open = () =>
    (file ??= loadScript('garde-records.js').then(
      () => window.gardeRecords!(config, memory),
      (error) => {
        // Tried again at the next need (a decision, `online`, history()).
        file = undefined;
        throw error;
      },
    ));
  // Whether a receipt waits: one kept here, or a key an earlier page left.
  const waiting = () => {
    try {
      return Object.keys(localStorage).some((key) => key.startsWith(RECEIPT_KEY));
    } catch {
      return false;
    }
  };
  const send = () =>
    live && (waiting() || Object.keys(memory).length)
      ? open().then(
          (records) => records.flush(),
          () => {},
        )
      : Promise.resolve();
  return {
    record(receipt, logged) {
      const kept = { ...receipt, logged };
      try {
        localStorage.setItem(RECEIPT_KEY + receipt.receiptId, JSON.stringify(kept));
      } catch {
        memory[receipt.receiptId] = kept;
      }
      return later!(send);
    },
    retry: send,
    flush: send,
    // Rejects when the records file cannot load (`garde: could not load …`): an empty history
    // would say "no decision" where the log could not be read.
    list: () => open().then((records) => records.list()),
    stop() {
      live = false;
      void file?.then(
        (records) => records.stop(),
        () => {},
      );
    },
  };
}
