// The consent store: the visitor's current decision and the ways it changes (accept all, reject
// all, a custom choice, a withdrawal), and nothing else. Its effects (the cookie, erasure, the
// gate, the receipt, the DOM event) are listeners that init() subscribes: each change is
// worked out once, then every listener hears it, in the order they subscribed.
import { guarded } from './guarded.js';
import { allowedIn, makeState, own } from './state.js';
import type {
  ConsentState,
  DecisionOptions,
  GardeConfig,
  Layer,
  Method,
  ReceiptMethod,
} from './types.js';
import { uuidV7 } from './uuid.js';
import { LAYERS } from '../wire.js';

/** A decision to take, and where it was taken (`layer`, default `api`). */
export interface DecideOptions extends DecisionOptions {
  method: Method;
  /** Whether a category (other than `necessary`) is granted. */
  granted: (category: string) => boolean;
  /** Services set on their own (default: none, they follow their category). */
  services?: Record<string, boolean>;
}

/** What else listeners hear of a change, besides the new decision. */
export interface ConsentChange {
  /** The decision before the change (null: none). */
  previous: ConsentState | null;
  /** What the receipt records: the decision's method, or `withdraw`. */
  method: ReceiptMethod;
  /** Where the decision was taken; `api` unless the caller named one of the layers. */
  layer: Layer;
  /**
   * True when the decision was taken in another tab and read from the cookie (sync.ts): this
   * page neither writes the cookie nor sends a receipt for it.
   */
  adopted?: boolean;
}

/** Hears the decision after each change (null: withdrawn), as `garde.onChange` callbacks do. */
export type ConsentListener = (consent: ConsentState | null, change: ConsentChange) => void;

export interface ConsentStoreOptions {
  config: GardeConfig;
  /** The stored decision, or null. */
  consent: ConsentState | null;
  /** Whether the stored state is a withdrawal (then `consent` is null). */
  withdrawn: boolean;
  /** Whether Global Privacy Control is on: recorded with each decision taken on this page. */
  gpc: boolean;
  /** The clock, in ms since the epoch. */
  now: () => number;
  /**
   * Adopts what another window stored since this page last looked (sync.ts's `check`), before a
   * decision taken here: the decision builds on it, and its listeners hear only the decision, with
   * that state as `previous` (its receipt ends that state's id; the gate never starts what that
   * state granted and the decision refuses). (Private to init: the build renames it.)
   */
  __refresh: () => void;
}

export interface ConsentStore {
  /** The current decision, or null while the visitor has not decided. */
  readonly consent: ConsentState | null;
  /** True after a withdrawal (on this page or an earlier one) until the next decision. */
  readonly withdrawn: boolean;
  /** Whether a category or a service is granted now (see `allowedIn`). */
  allowed(name: string): boolean;
  decide(options: DecideOptions): void;
  acceptAll(options?: DecisionOptions): void;
  rejectAll(options?: DecisionOptions): void;
  /**
   * Category and service names; a service follows its category unless set on its own, and
   * granting a service grants its category.
   */
  set(choices: Record<string, boolean>, options?: DecisionOptions): void;
  /** Forgets the decision (listeners hear null, method `withdraw`, layer `api` unless named). */
  withdraw(options?: DecisionOptions): void;
  /**
   * Takes the decision another tab stored (read from the cookie) as this page's: listeners hear
   * it with `adopted: true`. `withdrawn` only with a null `consent` (the cookie's withdrawal marker).
   */
  adopt(consent: ConsentState | null, withdrawn: boolean): void;
  /** Adds a listener, called after every change; returns the function that removes it. */
  onChange(listener: ConsentListener): () => void;
}

/** Creates the store of one page's decision. */
export function createConsentStore({
  config,
  consent,
  withdrawn,
  gpc,
  now,
  __refresh: adoptMissed,
}: ConsentStoreOptions): ConsentStore {
  let current = consent;
  /** True while a decision taken here adopts first what it would otherwise build on unseen. */
  let quiet = false;
  const listeners = new Set<ConsentListener>();
  // Before each decision taken here: a window that missed another's (two sub-domains side by
  // side) decides on top of it. The listeners do not hear that adoption: the gate would start
  // what it grants in the very click that refuses it.
  // Guarded: a read that threw must neither stop the decision nor leave the listeners deaf to it.
  const refresh = () => {
    quiet = true;
    guarded(adoptMissed);
    quiet = false;
  };
  // Without a policy version a decision holds for nothing non-necessary (see init).
  const allowed = (name: string) => allowedIn(config, config.policy.version ? current : null, name);
  const change = (
    next: ConsentState | null,
    method: ReceiptMethod,
    given?: unknown,
    adopted?: boolean,
    nextWithdrawn = !next,
  ) => {
    const previous = current;
    current = next;
    withdrawn = nextWithdrawn;
    // Anything but a known layer (a page's own value, an Event passed by an event listener) is
    // `api`: the collector would refuse the receipt otherwise.
    const layer = LAYERS.includes(given as Layer) ? (given as Layer) : 'api';
    // A listener that throws (a page's onChange callback) must not stop the others.
    if (!quiet)
      for (const listener of listeners)
        guarded(() => listener(next, { previous, method, layer, adopted }));
  };
  const decide = (options: DecideOptions) => {
    refresh();
    change(
      // Whole seconds: what the cookie can hold, so that the next page reads the same state. The
      // id goes on while something stays granted; makeState drops it from a refusal, and the
      // first grant after one gets a fresh id.
      makeState(config, {
        ...options,
        id: current?.id || uuidV7(),
        decidedAt: Math.floor(now() / 1000) * 1000,
        gpc,
      }),
      options.method,
      options.layer,
    );
  };

  return {
    get consent() {
      return current;
    },
    get withdrawn() {
      return withdrawn;
    },
    allowed,
    decide,
    // Only the layer is read from a public call's options: nothing else of the decision comes
    // from them.
    acceptAll: (options) =>
      decide({ method: 'accept-all', granted: () => true, layer: options?.layer }),
    rejectAll: (options) =>
      decide({ method: 'reject-all', granted: () => false, layer: options?.layer }),
    set(choices, options) {
      // The choices change the decision stored now, whichever window took it.
      refresh();
      const categories = { ...current?.categories };
      const services = { ...current?.services };
      for (const [name, value] of Object.entries(choices)) {
        if (name === 'necessary') continue;
        if (own(config.categories, name)) categories[name] = !!value;
        else if (own(config.services, name)) services[name] = !!value;
        else console.warn(`garde: set(): unknown "${name}" ignored`);
      }
      // A service granted grants its category (whatever the order of the keys), so that the
      // record, allowed(), the gate and the receipt agree. A category granted only through one of
      // its services does not start the others with it: those not chosen on their own are off.
      for (const name in services) {
        const category = config.services[name]!.category;
        if (!choices[name] || categories[category]) continue;
        categories[category] = true;
        for (const other in config.services)
          if (config.services[other]!.category === category && !own(services, other))
            services[other] = false;
      }
      decide({
        method: 'custom',
        granted: (category) => !!categories[category],
        services,
        layer: options?.layer,
      });
    },
    withdraw(options) {
      refresh();
      change(null, 'withdraw', options?.layer);
    },
    // Before a decision here, a cookie that holds neither a decision nor a withdrawal (tampered,
    // gone, another policy version) ends nothing: the decision builds on this page's, and its
    // receipt (a withdrawal's too) names that decision's id. The layer 0 is no layer, so `api`
    // (change() above): shorter than the word.
    adopt: (next, isWithdrawn) =>
      (quiet && !next && !isWithdrawn) ||
      change(next, next?.method ?? 'withdraw', 0, true, isWithdrawn),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
