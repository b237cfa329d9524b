// What dist/garde-records.js does for the drop-in (src/records-entry.ts gives it the snapshot):
// takes over each receipt the first file kept (local-outbox.ts; in memory where localStorage
// refused it), stamps it with what was shown, logs it in IndexedDB, and sends it from the
// localStorage outbox (history.ts). Loaded after a decision, or on a later page that finds a
// receipt still kept.
import { keepReceipt, keptReceipts, localOutbox, type KeptReceipt } from './local-outbox.js';
import { createRecords, type Records } from './records.js';
import type { GardeConfig, SnapshotProvider } from './types.js';

/** One at a time across tabs, where Web Locks exist (history.ts sends under the same lock). */
async function locked(work: () => Promise<void>): Promise<void> {
  try {
    await navigator.locks.request('garde-outbox', work);
  } catch {
    // No Web Locks (plain http), or refused (an opaque origin): without the lock. `work` never
    // throws.
    await work();
  }
}

/**
 * The records of one drop-in instance: `memory` holds the receipts its page could not keep in
 * localStorage, by receiptId (emptied as they are taken over).
 */
export function openRecordsFile(
  config: GardeConfig,
  memory: Record<string, KeptReceipt>,
  snapshot: SnapshotProvider,
): Records {
  const records = createRecords({ config, snapshot }, { outbox: localOutbox });
  // Without a policy version or an endpoint nothing is sent (records.ts): logged only.
  const outboxed = !!(config.policy.version && config.recordEndpoint);
  const take = async () => {
    // In the order they were decided (by `ts`, an ISO time): localStorage lists its keys in no
    // set order, and the log is oldest first.
    const waiting = Object.entries({ ...keptReceipts(), ...memory }).sort(([, a], [, b]) => {
      const [first, second] = [String(a.ts), String(b.ts)];
      return first < second ? -1 : first > second ? 1 : 0;
    });
    for (const [receiptId, kept] of waiting) {
      if (!('logged' in kept)) continue;
      const { logged, ...receipt } = kept;
      try {
        // A receipt that cannot be stamped (written by hand) goes as it is, for the collector
        // to refuse.
        const stamped = await records.stamp(receipt).catch(() => receipt);
        // Logged, and in the outbox over its first form (or, without an outbox or under a key
        // that is not its receiptId, its first form removed).
        await records.keep(stamped, !!logged);
        if (!outboxed || stamped.receiptId !== receiptId) keepReceipt(receiptId, undefined);
        delete memory[receiptId];
      } catch {
        // Left for the next flush.
      }
    }
  };
  // One take at a time on this page too, each before the send it precedes.
  let chain = Promise.resolve();
  const takeOver = () => (chain = chain.then(() => locked(take)));
  return {
    ...records,
    flush: () => takeOver().then(records.flush),
    retry: () => takeOver().then(records.flush),
    list: () => takeOver().then(records.list),
  };
}
