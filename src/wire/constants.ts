// The wire's constants: the values both ends check a receipt or a hit against. Plain literals,
// so that a bundle keeps only the ones it uses.

/** The four languages of the institute's sites, in the order the institute lists them. */
export const LANGS = ['fr', 'nl', 'de', 'en'] as const;

/** How a visitor decided. */
export const DECISION_METHODS = ['accept-all', 'reject-all', 'custom', 'gpc'] as const;

/** What a receipt records: a decision, or `withdraw` when the visitor withdrew it. */
export const RECEIPT_METHODS = [...DECISION_METHODS, 'withdraw'] as const;

/**
 * Where a decision was taken: the banner, the preferences dialog, an embed's placeholder, a page
 * script calling the API, or a browser signal (Global Privacy Control).
 */
export const LAYERS = ['banner', 'dialog', 'placeholder', 'api', 'signal'] as const;

/** `Hit.vw`: the lower bounds, in CSS px, of the viewport-width buckets. */
export const VIEWPORT_BUCKETS = [0, 360, 576, 768, 992, 1200, 1440] as const;

/** Longest string value kept in `track()` props and event names. */
export const MAX_VALUE_LENGTH = 100;
/** Most props kept per hit; later keys are dropped. */
export const MAX_PROPS = 20;
/** Longest page path kept in a receipt or a hit. */
export const MAX_PATH_LENGTH = 1024;
/** Longest referrer a hit may carry (origin + path after consent). */
export const MAX_REFERRER_LENGTH = 2048;
/** Longest policy version in a receipt (the config's `version`). */
export const MAX_VERSION_LENGTH = 64;
/** Most categories, and most services, a receipt may list. */
export const MAX_CATEGORIES = 32;
export const MAX_SERVICES = 64;

/** Longest text of a snapshot (a banner text, a description, the policy URL). */
export const MAX_TEXT_LENGTH = 4000;
/** Most texts in a snapshot's `texts`, and most cookies a snapshot lists per service. */
export const MAX_TEXTS = 100;
export const MAX_COOKIES = 64;

/** A SHA-256 in lowercase hex: a receipt's `shown`. */
export const SHA256_PATTERN = '^[0-9a-f]{64}$';
/** garde's version, as package.json gives it (semver). */
export const GARDE_VERSION_PATTERN = '^[0-9A-Za-z.+-]{1,32}$';
/**
 * A receipt id: a UUID in its canonical lower-case form, as garde's `uuidV7()` writes it (any
 * version). Nothing else, so that the collector's own row names (an erased row's) can never be
 * taken by a receipt.
 */
export const RECEIPT_ID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
/** Ids: the visitor's consent id, the session and persistent analytics ids. */
export const ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';
/** Keys of maps: category and service names, `track()` prop names. */
export const KEY_PATTERN = '^[A-Za-z0-9_.:-]{1,64}$';
/** A receipt's `ts`: ISO 8601 with seconds and a zone, as `Date.prototype.toISOString` writes it. */
export const TIMESTAMP_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$';
