// The wire contract: what the page sends to the collector (receipts and analytics hits) and the
// constants both ends check it against. The browser code, the collector, the admin page and the
// audit all import this one module (the collector as `garde/wire`), so a field added here is seen
// by every side. Pure data and types: no DOM, no import of browser or server code.

/** The four languages of the institute's sites, in the order the institute lists them. */
export const LANGS = ['fr', 'nl', 'de', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** How a visitor decided. */
export const DECISION_METHODS = ['accept-all', 'reject-all', 'custom', 'gpc'] as const;
export type Method = (typeof DECISION_METHODS)[number];

/** What a receipt records: a decision, or `withdraw` when the visitor withdrew it. */
export const RECEIPT_METHODS = [...DECISION_METHODS, 'withdraw'] as const;
export type ReceiptMethod = (typeof RECEIPT_METHODS)[number];

/** `Hit.vw`: the lower bounds, in CSS px, of the viewport-width buckets. */
export const VIEWPORT_BUCKETS = [0, 360, 576, 768, 992, 1200, 1440] as const;

/** Longest string value kept in `track()` props and event names. */
export const MAX_VALUE_LENGTH = 100;
/** Most props kept per hit; later keys are dropped. */
export const MAX_PROPS = 20;
/** Longest page path kept in a receipt or a hit. */
export const MAX_PATH_LENGTH = 1024;

/** What goes to `recordEndpoint` after each decision; `receiptId` lets the server drop duplicates. */
export interface Receipt {
  receiptId: string;
  id: string;
  ts: string;
  version: string;
  categories: Record<string, boolean>;
  services: Record<string, boolean>;
  /** How the decision was made; `withdraw` when the visitor withdrew it (categories then all refused but `necessary`). */
  method: ReceiptMethod;
  lang: Lang;
  path: string;
}

export type TrackProps = Record<string, string | number | boolean>;

/**
 * An analytics hit, sent as JSON to `analyticsEndpoint`. Before analytics consent it holds only
 * the anonymous fields; the ones marked "after consent" appear only when granted and configured.
 */
export interface Hit {
  /** Event name, `pageview` by default. */
  name: string;
  /** Page path without fragment, and without query string but for allowlisted parameters. */
  path: string;
  /** Before consent: the referring host name (absent when same-site). After, with `referrer`: origin + path. */
  referrer?: string;
  /**
   * Browser family, major version, OS family and mobile: garde's tracker leaves these out, because
   * every request already carries its User-Agent header, from which the collector derives the same
   * four values with the shared `reduceUserAgent` (one parser, and ~600 B less in every page).
   * Other senders may fill them; the collector prefers the header.
   */
  browser?: string;
  major?: number;
  os?: string;
  mobile?: boolean;
  /** Primary language subtag, e.g. `fr`. */
  lang: string;
  /** Viewport width bucket: one of {@link VIEWPORT_BUCKETS}. */
  vw: number;
  consent: boolean;
  props?: TrackProps;
  /** After consent, with `minor`. */
  minor?: number;
  /** After consent, with `screen`: `WIDTHxHEIGHT`. */
  screen?: string;
  /** After consent, with `session`: random id kept in sessionStorage. */
  session?: string;
  /** After consent, with `persistentId` only: random id kept in localStorage. */
  uid?: string;
}
