// The JSON schemas of a receipt and a hit: what the collector validates (fastify / ajv) and what
// the TypeScript types `Receipt` and `Hit` are derived from (see from-schema.ts), so that a field
// added here is seen by the page, the collector, the admin page and the audit at once.
// Every string and map is bounded and unknown fields are refused: what reaches a database is what
// the types promise. Nothing here runs at load time: bundles that do not use a schema drop it.
import {
  GARDE_VERSION_PATTERN,
  ID_PATTERN,
  KEY_PATTERN,
  LANGS,
  LAYERS,
  MAX_CATEGORIES,
  MAX_COOKIES,
  MAX_PATH_LENGTH,
  MAX_PROPS,
  MAX_REFERRER_LENGTH,
  MAX_SERVICES,
  MAX_TEXT_LENGTH,
  MAX_TEXTS,
  MAX_VALUE_LENGTH,
  MAX_VERSION_LENGTH,
  RECEIPT_ID_PATTERN,
  RECEIPT_METHODS,
  SHA256_PATTERN,
  TIMESTAMP_PATTERN,
  VIEWPORT_BUCKETS,
} from './constants.js';

/** A receipt id, consent id, session id or persistent id. */
export const idSchema = { type: 'string', pattern: ID_PATTERN } as const;
/** A receipt id: a lower-case UUID. */
export const receiptIdSchema = { type: 'string', pattern: RECEIPT_ID_PATTERN } as const;
/** A category, service or prop name. */
export const keySchema = { type: 'string', pattern: KEY_PATTERN } as const;
/** A page path, from its leading slash. */
export const pathSchema = { type: 'string', maxLength: MAX_PATH_LENGTH, pattern: '^/' } as const;
/** A snapshot's hash, as a receipt's `shown` names it. */
export const shownSchema = { type: 'string', pattern: SHA256_PATTERN } as const;
/** garde's version. */
export const gardeVersionSchema = { type: 'string', pattern: GARDE_VERSION_PATTERN } as const;
/** A policy version (the config's `version`). */
const policyVersionSchema = { type: 'string', maxLength: MAX_VERSION_LENGTH } as const;

const choicesSchema = <Max extends number>(maxProperties: Max) =>
  ({
    type: 'object',
    maxProperties,
    propertyNames: keySchema,
    additionalProperties: { type: 'boolean' },
  }) as const;

/** POST /consent: what the page sends to `recordEndpoint` after each decision. */
export const receiptSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'receiptId',
    'id',
    'ts',
    'version',
    'categories',
    'services',
    'method',
    'lang',
    'path',
  ],
  properties: {
    /** A random UUID per receipt: lets the collector drop a receipt sent twice. */
    receiptId: receiptIdSchema,
    /** The visitor's consent id, the same in every receipt of that visitor. */
    id: idSchema,
    /** When the visitor decided, by the browser's clock. */
    ts: { type: 'string', maxLength: 40, pattern: TIMESTAMP_PATTERN },
    /** The config's policy version the visitor decided on. */
    version: { type: 'string', minLength: 1, maxLength: MAX_VERSION_LENGTH },
    /** Each category granted (true) or refused (false). */
    categories: choicesSchema(MAX_CATEGORIES),
    /** Each service granted (true) or refused (false). */
    services: choicesSchema(MAX_SERVICES),
    /** How the decision was made; `withdraw` when the visitor withdrew it (all refused but `necessary`). */
    method: { type: 'string', enum: RECEIPT_METHODS },
    /** The language the banner was shown in. */
    lang: { type: 'string', enum: LANGS },
    /** The page where the visitor decided. */
    path: pathSchema,
    /**
     * What the visitor was shown: SHA-256 (lowercase hex) of the canonical serialisation of the
     * page's {@link snapshotSchema snapshot}. Absent where the browser has no `crypto.subtle`
     * (a page on plain http) and from garde versions before it.
     */
    shown: shownSchema,
    /** Where the decision was taken: banner, dialog, an embed's placeholder, a page script, GPC. */
    layer: { type: 'string', enum: LAYERS },
    /** garde's version on the page. */
    v: gardeVersionSchema,
  },
} as const;

/** A text of a snapshot, as the visitor could read it ('' where the page shows none). */
const textSchema = { type: 'string', maxLength: MAX_TEXT_LENGTH } as const;
const listOf = <const Item, Max extends number>(items: Item, maxItems: Max) =>
  ({ type: 'array', maxItems, items }) as const;
/** An object whose every property is required and no other allowed. */
const closed = <const Properties extends Record<string, unknown>>(properties: Properties) =>
  ({
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties) as Array<keyof Properties & string>,
    properties,
  }) as const;

/** A cookie as the dialog describes it; the provider is the cookie's own, else its service's. */
const shownCookieSchema = closed({
  name: textSchema,
  provider: textSchema,
  purpose: textSchema,
  lifetime: textSchema,
});

/**
 * Another storage as the dialog describes it: a service's localStorage / sessionStorage key, or
 * one of garde's own (its cookie, its IndexedDB log, its analytics ids), with what it is (`term`).
 */
const shownStorageSchema = closed({
  term: textSchema,
  name: textSchema,
  provider: textSchema,
  purpose: textSchema,
  lifetime: textSchema,
});

/**
 * `object` with an optional `storage` list: snapshots from earlier versions of garde (where
 * garde's own storage was a line of `texts` each, and a service's storage keys were not shown)
 * stay valid.
 */
// Marked free of side effects: the spread would otherwise keep these schemas in dist/garde.js,
// which imports this module for its constants only.
const withStorage = /* #__NO_SIDE_EFFECTS__ */ <const Closed extends { properties: object }>(
  object: Closed,
) =>
  ({
    ...object,
    properties: { ...object.properties, storage: listOf(shownStorageSchema, MAX_COOKIES) },
  }) as const;

/** A service, its cookies and its other storage keys. */
const shownServiceSchema = withStorage(
  closed({
    name: keySchema,
    label: textSchema,
    description: textSchema,
    provider: textSchema,
    cookies: listOf(shownCookieSchema, MAX_COOKIES),
  }),
);

/** A category, its services, and (under "necessary") garde's own storage. */
const shownCategorySchema = withStorage(
  closed({
    name: keySchema,
    label: textSchema,
    description: textSchema,
    services: listOf(shownServiceSchema, MAX_SERVICES),
  }),
);

/**
 * Everything a visitor could see when deciding, in the language of the page: the texts of the
 * banner and the dialog as rendered (site overrides included), the categories in their order with
 * their services and cookies, the policy link and version, and garde's version. Its canonical
 * serialisation (see `canonicalJson`) hashed with SHA-256 is a receipt's `shown`; the collector
 * keeps each distinct snapshot once (POST `<recordEndpoint>/snapshot`).
 */
export const snapshotSchema = closed({
  lang: { type: 'string', enum: LANGS },
  /** garde's version. */
  v: gardeVersionSchema,
  /** The edition of `<garde-notice>`'s wording (docs/ui.md, "The notice's version"). */
  notice: { type: 'string', pattern: '^[0-9]{1,8}$' },
  policy: closed({ url: textSchema, version: policyVersionSchema }),
  /** Every string of the banner and the dialog, by key (`title`, `text`, `accept`…). */
  texts: {
    type: 'object',
    maxProperties: MAX_TEXTS,
    propertyNames: keySchema,
    additionalProperties: textSchema,
  },
  categories: listOf(shownCategorySchema, MAX_CATEGORIES),
});

/** POST `<recordEndpoint>/snapshot`: a snapshot the collector said it lacks, and its hash. */
export const snapshotUploadSchema = closed({ shown: shownSchema, snapshot: snapshotSchema });

/**
 * POST /collect: an analytics hit. Before analytics consent it holds only the anonymous fields;
 * the ones marked "after consent" appear only when granted and configured (and the collector
 * drops them when `consent` is false).
 */
export const hitSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'path', 'lang', 'vw', 'consent'],
  properties: {
    /** Event name, `pageview` by default. */
    name: { type: 'string', minLength: 1, maxLength: MAX_VALUE_LENGTH },
    /** Page path without fragment, and without query string but for allowlisted parameters. */
    path: pathSchema,
    /** Before consent: the referring host name (absent when same-site). After, with `referrer`: origin + path. */
    referrer: { type: 'string', maxLength: MAX_REFERRER_LENGTH },
    /**
     * Browser family, major version, OS family and mobile: garde's tracker leaves these out, because
     * every request already carries its User-Agent header, from which the collector derives the same
     * four values with the shared `reduceUserAgent`. Other senders may fill them; the collector
     * prefers the header.
     */
    browser: { type: 'string', maxLength: 32 },
    major: { type: 'integer', minimum: 0, maximum: 9999 },
    os: { type: 'string', maxLength: 32 },
    mobile: { type: 'boolean' },
    /** Primary language subtag, e.g. `fr` (any language: the visitor's browser, not the banner's). */
    lang: { type: 'string', pattern: '^[A-Za-z]{0,8}$' },
    /** Viewport width bucket: one of {@link VIEWPORT_BUCKETS}. */
    vw: { type: 'integer', enum: VIEWPORT_BUCKETS },
    /** Whether analytics was granted when the hit was sent. */
    consent: { type: 'boolean' },
    /** `track()` props, sanitised by `sanitiseProps` before sending. */
    props: {
      type: 'object',
      maxProperties: MAX_PROPS,
      propertyNames: keySchema,
      additionalProperties: {
        anyOf: [
          { type: 'string', maxLength: MAX_VALUE_LENGTH },
          { type: 'number' },
          { type: 'boolean' },
        ],
      },
    },
    /** After consent, with `minor`. */
    minor: { type: 'integer', minimum: 0, maximum: 99999999 },
    /** After consent, with `screen`: `WIDTHxHEIGHT`. */
    screen: { type: 'string', pattern: '^\\d{1,5}x\\d{1,5}$' },
    /** After consent, with `session`: random id kept in sessionStorage. */
    session: idSchema,
    /** After consent, with `persistentId` only: random id kept in localStorage. */
    uid: idSchema,
  },
} as const;
