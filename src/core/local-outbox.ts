// The drop-in's outbox: each receipt in localStorage under its own key, `garde.receipt.<receiptId>`,
// from the moment of the decision until the server has answered. One key per receipt, so that
// two tabs never write over each other's receipts (localStorage has no transaction). The first
// file writes a receipt as the decision made it, with `logged` (records.script.ts); the records
// file stamps and logs it and writes it back without `logged`, ready to send (records-file.ts).
// Any such key left is what tells a later page to load the records file and send it.
import type { Outbox, OutboxStore } from './history.js';
import type { Receipt } from './types.js';

/** The prefix of each receipt's key. */
export const RECEIPT_KEY = 'garde.receipt.';

/** A receipt as the first file keeps it: `logged` until the records file has taken it over. */
export type KeptReceipt = Receipt & { logged?: boolean };

/** Every receipt kept, by receiptId; {} where localStorage cannot be read. */
export function keptReceipts(): Record<string, KeptReceipt> {
  const kept: Record<string, KeptReceipt> = {};
  let names: string[] = [];
  try {
    names = Object.keys(localStorage);
  } catch {
    // Blocked storage: nothing kept there.
  }
  for (const name of names)
    if (name.startsWith(RECEIPT_KEY)) {
      let value: unknown;
      try {
        value = JSON.parse(localStorage.getItem(name)!);
      } catch {
        // Not JSON (written by hand): an empty receipt, dropped as expired (history.ts).
      }
      const receiptId = name.slice(RECEIPT_KEY.length);
      // `__proto__` (written by hand) would set the object's prototype, not a key: never taken
      // nor sent, its key would make every later page load the records file. Removed.
      if (receiptId === '__proto__') keepReceipt(receiptId, undefined);
      // Anything else that is not a receipt is sent as it is: the collector refuses it.
      else kept[receiptId] = Object(value) as KeptReceipt;
    }
  return kept;
}

/** Writes or removes one receipt's key; false when localStorage refuses (blocked, full). */
export function keepReceipt(receiptId: string, receipt: KeptReceipt | undefined): boolean {
  try {
    if (receipt) localStorage.setItem(RECEIPT_KEY + receiptId, JSON.stringify(receipt));
    else localStorage.removeItem(RECEIPT_KEY + receiptId);
    return true;
  } catch {
    return false;
  }
}

/**
 * The outbox of history.ts over these keys: the receipts taken over (no `logged`) are read, and
 * each change is written key by key (history.ts only ever adds or removes one receipt at a time).
 */
export const localOutbox: OutboxStore = {
  read: async () => {
    const outbox: Outbox = {};
    for (const [receiptId, receipt] of Object.entries(keptReceipts()))
      if (!('logged' in receipt)) outbox[receiptId] = receipt;
    return outbox;
  },
  async update(change) {
    // Over every key, its first form too: a receipt sent while its stamped form could not be
    // written over it (storage full) has that key removed, or every later page would send it again.
    const before = keptReceipts();
    const after = change(before);
    let written = true;
    for (const receiptId of new Set([...Object.keys(before!), ...Object.keys(after)]))
      if (before![receiptId] !== after[receiptId])
        written = keepReceipt(receiptId, after[receiptId]) && written;
    return written;
  },
};
