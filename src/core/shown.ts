// What the visitor was shown, in each receipt: the UI layer gives init() a provider of the page's
// snapshot (the core never imports the UI); it is built and hashed once, at the first decision.
// Receipts wait for the hash; nothing else does (the cookie, the gate and the event do not). When
// the collector answers that it lacks the snapshot, this page sends it.
import { post } from './post.js';
import type { GardeConfig, Lang, Receipt, SnapshotProvider } from './types.js';
import { sha256Hex } from '../wire.js';

export interface ShownOptions {
  config: GardeConfig;
  lang: Lang;
  /** The canonical serialisation of the snapshot of what the UI shows in `lang`. */
  provider: SnapshotProvider;
}

export interface Shown {
  /**
   * The receipt with this page's `shown`; left out for the `api` and `signal` layers (nothing was
   * shown) and where no hash can be made.
   */
  stamp(receipt: Receipt): Promise<Receipt>;
  /** Sends this page's snapshot to `<recordEndpoint>/snapshot`, if `shown` is its hash. */
  upload(shown: string): Promise<void>;
}

/** The hash of what this page shows, and its upload. */
export function createShown({ config, lang, provider }: ShownOptions): Shown {
  let snapshot: string;
  let hash: Promise<string | undefined> | undefined;
  // A provider that throws costs the receipt its `shown`, never the receipt.
  const hashed = () => {
    try {
      return (hash ??= sha256Hex((snapshot = provider({ config, lang }))));
    } catch {
      return undefined;
    }
  };
  return {
    // Only garde's own UI shows something: a decision through the API (a page's own button,
    // withdraw()) or a browser signal (GPC) claims no sight. Every receipt still waits for the
    // one hash, so that receipts are logged in the order decided. `shown: undefined` leaves the
    // field out of the JSON sent.
    async stamp(receipt) {
      const shown = await hashed();
      return { ...receipt, shown: /api|signal/.test(receipt.layer!) ? undefined : shown };
    },
    async upload(shown) {
      // A receipt sent from the outbox may come from another page (then `hash` is another, or
      // not made yet): only this page's snapshot is at hand. Once it is sent, the collector has
      // it for every visitor of this page. `snapshot` is JSON already.
      if (shown === (await hash))
        post(
          `${config.recordEndpoint}/snapshot`,
          `{"shown":"${shown}","snapshot":${snapshot}}`,
        ).catch(() => {});
    },
  };
}
